"""The time of day a session heading gives after its date: ``19:00``, ``7:15-8:40pm``,
``20:00~22:00``, ``오후 7시 30분 ~ 9시``, ``밤 9시 ~ 10시 40분``, and the notes of a break
right after it (``(중간에 20분 쉼)``, ``(1h25m)``)."""
from __future__ import annotations

import re
from datetime import datetime, time

from .header_dates import FoundDate
from .timelog import DAY_PARTS, day_part_half, says_minutes

_CLOCK = (r"(?:(?P<{p}half>" + DAY_PARTS + r")\s*)?(?P<{p}h>\d{{1,2}})(?:\s*:\s*(?P<{p}m>\d{{2}})(?::(?P<{p}s>\d{{2}}))?"
          r"|\s*시(?:\s*(?P<{p}km>\d{{1,2}})\s*분)?)(?:\s*(?P<{p}ampm>[ap])\.?m\b\.?)?(?!\d)")
TIME_AFTER_RE = re.compile(r"^\s*[,@|·—–-]?\s*(?:at\s+)?" + _CLOCK.format(p="")
                           + r"(?:\s*(?:[-–—~〜～→]|to)\s*" + _CLOCK.format(p="end_") + ")?", re.IGNORECASE)
# A note in parentheses after the time that holds a duration (``(중간에 20분 쉼)``, ``(1h25m)``)
# is about the session's time: read with its time log, and no part of its label.
TIME_NOTE_RE = re.compile(r"^\s*[(（](?P<note>[^()（）]*)[)）]")


def time_notes(after: str) -> tuple[list[str], str]:
    """The notes in parentheses right after the time that say a duration (``(중간에 20분 쉼)``),
    and what is left of the heading after them."""
    notes = []
    while (note := TIME_NOTE_RE.match(after)) and says_minutes(note["note"]):
        notes.append(note["note"].strip())
        after = after[note.end():]
    return notes, after


def time_text(clock: re.Match | None, notes: list[str]) -> str:
    """``20:00–22:00 (중간에 20분 쉼)``: the heading's time as a time log reads it; "" when the
    heading gives no range and no duration (a start alone is no time log)."""
    parts = [f"({note})" for note in notes]
    if clock and clock["end_h"]:
        try:
            parts.insert(0, f"{clock_of(clock):%H:%M}–{clock_of(clock, 'end_'):%H:%M}")
        except ValueError:  # no such time (``20:00~25:00``): left to the time log's own reading
            parts.insert(0, clock[0].strip(" ,@|·—–-"))
    return " ".join(parts)


def moment(date: FoundDate, clock: re.Match | None) -> datetime | None:
    """The date and the time of day (0:00 for none) of a heading; None if there is no such day or time."""
    try:
        day = datetime(date.year, date.month, date.day)
        return datetime.combine(day, clock_of(clock)) if clock else day
    except ValueError:
        return None


def clock_of(clock: re.Match, prefix: str = "") -> time:
    """The start (or, with ``end_``, the end) of a heading's time; raises ValueError for no
    such time (``25:61``). ``오후 2시`` and ``2 pm`` are 14, ``오전 12시`` and ``12 am`` 0."""
    hour = int(clock[f"{prefix}h"])
    half = _half(clock, prefix)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return time(hour, int(clock[f"{prefix}m"] or clock[f"{prefix}km"] or 0), int(clock[f"{prefix}s"] or 0))


def _half(clock: re.Match, prefix: str) -> str:
    """``a``, ``p`` or "": the side's own am/pm (오전/오후), else the other side's when the
    two stay in order (``7:15-8:40pm``, ``오후 2시~4시``; not ``11:30-1:00pm``)."""
    own = _marker(clock, prefix)
    if own or not clock["end_h"]:
        return own
    other = "end_" if not prefix else ""
    start, end = int(clock["h"]) % 12, int(clock["end_h"]) % 12
    return _marker(clock, other) if start <= end else ""


def _marker(clock: re.Match, prefix: str) -> str:
    day_part = clock[f"{prefix}half"]
    return day_part_half(day_part, int(clock[f"{prefix}h"])) if day_part else (clock[f"{prefix}ampm"] or "").lower()
