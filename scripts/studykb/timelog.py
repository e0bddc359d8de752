"""A session's time log, from what its fields say about its time -> TimeLog.

The shapes read: ``Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes``,
``09:00–10:10 (KST)``, ``1h 20m``, ``약 50분``, ``1시간 20분``, ``50分``, a start and
an end in fields of their own (``**Start:** 23:30``, ``**End:** 00:40``), across midnight.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .diagnostics import Diagnostic, warning
from .labels import Labels
from .model import Field, Source, TimeLog

# ``14:28``, ``14：28``, ``14h30`` (but not the ``1h20`` of ``1h20m``).
CLOCK = r"(\d{1,2})(?:[:：]|h(?=\d{2}(?![\dm])))(\d{2})"
CLOCK_RE = re.compile(CLOCK)
RANGE_RE = re.compile(rf"{CLOCK}\s*(?:[-–—~〜～]|to|until|till|→|->|부터|から|到|至)\s*~?\s*{CLOCK}", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"[|;,]")
HOURS = r"hours|hour|hrs|hr|h|시간|時間|小时|小時|個小時|个小时"
MINUTES = r"minutes|minute|mins|min|m|분|分钟|分鐘|分"
DURATION_RE = re.compile(
    rf"(?:(?P<h>\d+(?:\.\d+)?)\s*(?:{HOURS})(?![a-z]))?\s*(?:(?P<m>\d+(?:\.\d+)?)\s*(?:{MINUTES})(?![a-z]))?",
    re.IGNORECASE)
# A sitting longer than a day is a slip of the keyboard; counted, it would swamp the study time.
MAX_MINUTES = 24 * 60


class Piece(NamedTuple):
    """One thing a session says about its time: a whole time log (``time``), or only its
    ``start``, ``end`` or ``duration``."""

    kind: str
    text: str
    source: Source


def read_timelog(pieces: list[Piece], diagnostics: list[Diagnostic], labels: Labels) -> TimeLog | None:
    """The pieces of one session, read together: the first start, end and duration said
    win; without a duration, the minutes from start to end. None when nothing was said."""
    if not pieces:
        return None
    start = end = None
    minutes: float | None = None
    for piece in pieces:
        said = _read_piece(piece, labels)
        start, end = start or said[0], end or said[1]
        minutes = said[2] if minutes is None else minutes
    first = pieces[0].source
    sources = tuple(piece.source for piece in pieces)
    if minutes is not None and minutes > MAX_MINUTES:
        diagnostics.append(warning(first.path, first.line,
                                   f"time log duration of {minutes:.6g} minutes is more than a day; not counted"
                                   .replace("inf minutes", "over 1e308 minutes")))
        return TimeLog(start, end, None, first, sources)
    if minutes is None and start and end:
        minutes = minutes_between(start, end)
    if minutes is None:
        written = " | ".join(piece.text for piece in pieces)
        diagnostics.append(warning(first.path, first.line,
                                   f"time log without a readable duration or start/end: {written!r}"))
    return TimeLog(start, end, None if minutes is None else round(minutes), first, sources)


def _read_piece(piece: Piece, labels: Labels) -> tuple[str | None, str | None, float | None]:
    if piece.kind == "start":
        return _clock(piece.text), None, None
    if piece.kind == "end":
        return None, _clock(piece.text), None
    if piece.kind == "duration":
        return None, None, _duration(piece.text)
    return _read_time_log(piece.text, labels)


def _read_time_log(text: str, labels: Labels) -> tuple[str | None, str | None, float | None]:
    """``Start 14:28 | End 15:03 | Duration 35 minutes``, ``09:00–10:10``, ``약 50분``."""
    parts: dict[str, str] = {}
    unnamed = []
    for chunk in SEPARATOR_RE.split(text):
        match = labels.time_part_re.match(chunk)
        if match:
            kind = labels.field_kind(match["key"])
            parts.setdefault(kind, match["value"])
        else:
            unnamed.append(chunk)
    start, end = _clock(parts.get("start", "")), _clock(parts.get("end", ""))
    if not (start or end):
        span = RANGE_RE.search(text)
        if span:
            start, end = _clock(span.group(0)), _clock(text[span.start(3):span.end()])
    minutes = _duration(parts.get("duration", "")) if "duration" in parts else None
    if minutes is None:
        minutes = _duration(" ".join(unnamed))
    return start, end, minutes


def _clock(text: str) -> str | None:
    match = CLOCK_RE.search(text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 24 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


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
