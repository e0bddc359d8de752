"""``Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes`` -> TimeLog."""
from __future__ import annotations

import re

from .diagnostics import Diagnostic, warning
from .model import Field, TimeLog

CLOCK_RE = re.compile(r"(\d{1,2})[:h](\d{2})")
SEPARATOR_RE = re.compile(r"[|;,]")
# A sitting longer than a day is a slip of the keyboard; counted, it would swamp the study time.
MAX_MINUTES = 24 * 60
# The value ends at its last non-blank character: a lazy ``.*?`` would try ``\s*$`` after each character.
PART_RE = re.compile(r"^\s*(?P<key>start|end|duration|total)\b\s*[:=]?\s*(?P<value>(?:.*\S)?)\s*$", re.IGNORECASE)
DURATION_RE = re.compile(
    r"(?:(?P<h>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)\b)?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?)\b)?",
    re.IGNORECASE)


def parse_timelog(field: Field, diagnostics: list[Diagnostic]) -> TimeLog:
    parts = {}
    for chunk in SEPARATOR_RE.split(field.value):
        match = PART_RE.match(chunk)
        if match:
            parts[match["key"].lower()] = match["value"]
    start = _clock(parts.get("start", ""))
    end = _clock(parts.get("end", ""))
    minutes = _duration(parts.get("duration") or parts.get("total") or "")
    if minutes is not None and minutes > MAX_MINUTES:
        diagnostics.append(warning(field.source.path, field.source.line,
                                   f"time log duration of {minutes:.6g} minutes is more than a day; not counted"
                                   .replace("inf minutes", "over 1e308 minutes")))
        return TimeLog(start, end, None, field.source)
    if minutes is None and start and end:
        minutes = minutes_between(start, end)
    if minutes is None:
        diagnostics.append(warning(field.source.path, field.source.line,
                                   f"time log without a readable duration or start/end: {field.value!r}"))
    return TimeLog(start, end, None if minutes is None else round(minutes), field.source)


def _clock(text: str) -> str | None:
    match = CLOCK_RE.search(text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 24 or minutes > 59:
        return None
    return "%02d:%02d" % (hours, minutes)  # an f-string with a format spec costs twice as much


def _duration(text: str) -> float | None:
    """Minutes, as a float: a number of any length is read (a huge one as inf), never refused."""
    for match in DURATION_RE.finditer(text.replace("~", "")):
        if match["h"] or match["m"]:
            return float(match["h"] or 0) * 60 + float(match["m"] or 0)
    return None


def minutes_between(start: str, end: str) -> int:
    """Minutes from ``start`` to ``end`` (HH:MM), across midnight when end is earlier."""
    def to_minutes(clock: str) -> int:
        hours, minutes = clock.split(":")
        return int(hours) * 60 + int(minutes)
    return (to_minutes(end) - to_minutes(start)) % (24 * 60)
