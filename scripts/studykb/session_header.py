"""A session header's date, time and zone: ``## Session: 2026-02-14 13:16:07 KST``."""
from __future__ import annotations

import re
from datetime import datetime

from .diagnostics import Diagnostic, error, warning
from .timezones import utc_offset, zone_name

DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
WEEKDAY_RE = re.compile(r"^\(?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)?,?$|^\(?[월화수목금토일月火水木金土日]\)?$",
                        re.IGNORECASE)
# A study session outside these years is a typo (`0226`, `9026`): dated, it would stretch
# the timeline and the weekly chart over centuries, or overflow what a date can hold.
YEARS = range(1970, 2200)


def parse_session_header(rest: str, path: str, line: int) -> tuple[datetime | None, str | None, list[Diagnostic]]:
    """``2026-02-14 13:16:07 KST`` -> (naive local datetime, ``KST``, diagnostics).

    A weekday after the date (``(Thu)``) is passed over, and a zone may stand in
    parentheses or brackets (``09:00 (KST)``).
    """
    tokens = rest.split()
    if not tokens:
        return None, None, [error(path, line, "session header has no timestamp (expected 'YYYY-MM-DD HH:MM:SS TZ')")]
    if not DATE_RE.match(tokens[0]):
        return None, None, [error(path, line, f"session header has a broken timestamp {rest!r} (expected 'YYYY-MM-DD HH:MM:SS TZ')")]
    after = [t for t in tokens[1:3] if WEEKDAY_RE.match(t)]
    rest_tokens = tokens[1 + len(after):] if after and tokens[1] == after[0] else tokens[1:]
    has_time = bool(rest_tokens) and TIME_RE.match(rest_tokens[0]) is not None
    stamp = tokens[0] + (" " + rest_tokens[0] if has_time else "")
    started = _to_datetime(stamp)
    if started is None:
        return None, None, [error(path, line, f"impossible date or time {stamp!r}")]
    if started.year not in YEARS:
        return None, None, [error(path, line, f"year {started.year} is out of range ({YEARS[0]} to {YEARS[-1]}); "
                                              "the session is kept undated")]
    problems = [] if has_time else [warning(path, line, "session header has no time of day")]
    tz_name = _zone(rest_tokens[1:] if has_time else rest_tokens)
    problems += _zone_problems(tz_name, path, line)
    return started, tz_name, problems


def _zone(tokens: list[str]) -> str | None:
    """The first token that names a zone (in parentheses or not); else the first token, as written."""
    for token in tokens:
        name = zone_name(token)
        if name and utc_offset(name) is not None:
            return name
    return zone_name(tokens[0]) or tokens[0] if tokens else None


def _zone_problems(tz_name: str | None, path: str, line: int) -> list[Diagnostic]:
    if tz_name is None:
        return [warning(path, line, "session header has no time zone; times are shown as written")]
    if utc_offset(tz_name) is None:
        return [warning(path, line, f"unknown time zone {tz_name!r}; kept as written, no UTC offset")]
    return []


def _to_datetime(stamp: str) -> datetime | None:
    """The date and time of a header; single-digit fields (``2026-2-4 9:05``) too."""
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(stamp, fmt)
        except ValueError:
            continue
    return None
