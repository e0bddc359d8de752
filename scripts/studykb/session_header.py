"""Session headers: which headings open a session, and the date, time, zone and label they hold.

The documented shape, ``## Session: 2026-02-14 13:16:07 KST``, is read as it always was
(``parse_session_header``). Any other level-2 heading that holds a date opens a session
too, with the session word or without it: ``## 1회차 — 2026.12.01(화)``, ``## Session 14 —
Mon 2026-11-02 — Ch.4 word2vec``, ``## 2027-01-07 (Thu) — session 2``, ``## 2026년 12월 1일``.
A level-3 heading opens one when it names a session and holds a date (``### session 3 -
2027-01-09``), or, in a log whose sessions are all level 3, when it holds a date: inside a
level-2 session, ``### Results 2026-11-02`` is a part of that session.

What the heading says besides its date, weekday, time and zone is the session's label
(``Session 14 — Ch.4 word2vec``, ``1회차``). A heading with no time of day gives a session
placed by its date alone: no time is made up for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .diagnostics import Diagnostic, error, info, warning
from .labels import Labels
from .timezones import utc_offset, zone_name

DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
WEEKDAY_RE = re.compile(r"^\(?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)?,?$|^\(?[월화수목금토일月火水木金土日]\)?$",
                        re.IGNORECASE)
# A study session outside these years is a typo (`0226`, `9026`): dated, it would stretch
# the timeline and the weekly chart over centuries, or overflow what a date can hold.
YEARS = range(1970, 2200)
EXPECTED = "(expected 'YYYY-MM-DD HH:MM:SS TZ')"
NO_TIME = "session header has a date but no time of day; the session is placed by its date"

HEADING_RE = re.compile(r"^(?P<hashes>#{2,3})[ \t]+(?P<text>.*?\S)(?:[ \t]+#+)?[ \t]*$")
# A date in any of the usual shapes: 2026-12-01, 2026.12.01, 2026/12/01, 2026. 12. 1.,
# 2026년 12월 1일, 2026年12月1日. The separators of one date are the same.
FOUND_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?:\s*(?P<sep>[-./])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?!\d)"
    r"|\s*[년年]\s*(?P<cm>\d{1,2})\s*[월月]\s*(?P<cd>\d{1,2})\s*[일日])")
_WEEKDAY = (r"(?:mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
            r"|[월화수목금토일](?:요일)?|[月火水木金土日](?:曜日?)?|(?:星期|周)[一二三四五六日天]")
WEEKDAY_AFTER_RE = re.compile(rf"^\s*,?\s*(?:[(（]\s*(?:{_WEEKDAY})\s*[)）]|(?:{_WEEKDAY})(?![^\W\d_]))", re.IGNORECASE)
WEEKDAY_BEFORE_RE = re.compile(rf"(?:[(（]\s*(?:{_WEEKDAY})\s*[)）]|(?<![^\W\d_])(?:{_WEEKDAY}))\s*,?\s*$", re.IGNORECASE)
_CLOCK = (r"(?:(?P<{p}half>오전|오후)\s*)?(?P<{p}h>\d{{1,2}})(?:\s*:\s*(?P<{p}m>\d{{2}})(?::(?P<{p}s>\d{{2}}))?"
          r"|\s*시(?:\s*(?P<{p}km>\d{{1,2}})\s*분)?)(?:\s*(?P<{p}ampm>[ap])\.?m\b\.?)?(?!\d)")
TIME_AFTER_RE = re.compile(r"^\s*[,@|·—–-]?\s*(?:at\s+)?" + _CLOCK.format(p="")
                           + r"(?:\s*(?:[-–~〜]|to)\s*" + _CLOCK.format(p="end_") + ")?", re.IGNORECASE)
ZONE_AFTER_RE = re.compile(r"^\s*(?P<zone>[(\[（]?(?:[A-Za-z][A-Za-z0-9:+\-]*|[+-]\d{1,2}(?::?\d{2})?)[)\]）]?)(?![\w])")
# Each weekday's English prefix, then its Korean and Japanese signs, then its Chinese one
# (星期一, 周日) last.
WEEKDAY_NAMES = (("mon", "월", "月", "一"), ("tue", "화", "火", "二"), ("wed", "수", "水", "三"),
                 ("thu", "목", "木", "四"), ("fri", "금", "金", "五"), ("sat", "토", "土", "六"),
                 ("sun", "일", "日", "天"))
ABBREVIATION_RE = re.compile(r"^[A-Z]{2,5}$")
LABEL_EDGES = " \t-–—|:,·/~"


@dataclass(frozen=True, slots=True)
class SessionHeader:
    """What a session header says: when (``timed`` False for a date alone), where, and its label."""

    started: datetime | None
    tz_name: str | None
    timed: bool
    label: str
    problems: tuple[Diagnostic, ...]


def heading(line: str) -> tuple[int, str] | None:
    """``### session 3 - 2027-01-09`` -> (3, ``session 3 - 2027-01-09``); None for other lines."""
    match = HEADING_RE.match(line)
    return (len(match["hashes"]), match["text"]) if match else None


def looks_like_session(text: str, labels: Labels) -> bool:
    """A heading that starts with a session word (``Session 14``, ``1회차``) or holds a date."""
    return labels.session_word_re.match(text) is not None or FOUND_DATE_RE.search(text) is not None


def names_dated_session(text: str, labels: Labels) -> bool:
    """A heading that holds both a date and a session word: a session's header at any level."""
    return FOUND_DATE_RE.search(text) is not None and labels.session_word_re.search(text) is not None


def read_session_header(line: str, labels: Labels, path: str, number: int) -> SessionHeader:
    """The header line of a session, as ``session_header_lines`` (parse) found it."""
    legacy = labels.header_re.match(line)
    if legacy and (not legacy["rest"] or DATE_RE.match(legacy["rest"].split()[0])):
        started, tz_name, timed, problems = _read_stamp(legacy["rest"], path, number)
        return SessionHeader(started, tz_name, timed, "", tuple(problems))
    text = heading(line)[1]
    date = FOUND_DATE_RE.search(text)
    if date is None:
        rest = legacy["rest"] if legacy else text
        return SessionHeader(None, None, False, "", (
            error(path, number, f"session header has a broken timestamp {rest!r} {EXPECTED}"),))
    return _read_dated(text, date, labels, path, number)


def parse_session_header(rest: str, path: str, line: int) -> tuple[datetime | None, str | None, list[Diagnostic]]:
    """``2026-02-14 13:16:07 KST`` -> (naive local datetime, ``KST``, diagnostics)."""
    started, tz_name, _, problems = _read_stamp(rest, path, line)
    return started, tz_name, problems


def _read_stamp(rest: str, path: str, line: int) -> tuple[datetime | None, str | None, bool, list[Diagnostic]]:
    """What follows ``## Session:``. A weekday after the date (``(Thu)``) is passed over,
    and a zone may stand in parentheses or brackets (``09:00 (KST)``)."""
    tokens = rest.split()
    if not tokens:
        return None, None, False, [error(path, line, f"session header has no timestamp {EXPECTED}")]
    if not DATE_RE.match(tokens[0]):
        return None, None, False, [error(path, line, f"session header has a broken timestamp {rest!r} {EXPECTED}")]
    after = [t for t in tokens[1:3] if WEEKDAY_RE.match(t)]
    rest_tokens = tokens[1 + len(after):] if after and tokens[1] == after[0] else tokens[1:]
    has_time = bool(rest_tokens) and TIME_RE.match(rest_tokens[0]) is not None
    stamp = tokens[0] + (" " + rest_tokens[0] if has_time else "")
    started = _to_datetime(stamp)
    if started is None:
        return None, None, False, [error(path, line, f"impossible date or time {stamp!r}")]
    if started.year not in YEARS:
        return None, None, False, [_out_of_range(started, path, line)]
    tz_name = _zone(rest_tokens[1:] if has_time else rest_tokens)
    return started, tz_name, has_time, _when_problems(has_time, tz_name, path, line)


def _read_dated(text: str, date: re.Match, labels: Labels, path: str, number: int) -> SessionHeader:
    """A heading with a date somewhere in it; the rest of it, its label."""
    weekday, clock, tz_name, after = _after_date(text[date.end():], dotted=date["sep"] == ".")
    before = WEEKDAY_BEFORE_RE.search(text[:date.start()])
    label = _label(text[:before.start()] if before else text[:date.start()], after, labels)
    started = _moment(date, clock)
    if started is None:
        written = (date[0] + (clock[0] if clock else "")).strip()
        return SessionHeader(None, None, False, label, (error(path, number, f"impossible date or time {written!r}"),))
    if started.year not in YEARS:
        return SessionHeader(None, None, False, label, (_out_of_range(started, path, number),))
    timed = clock is not None
    problems = _weekday_problems(weekday or before, started, path, number)
    problems += _when_problems(timed, tz_name, path, number)
    return SessionHeader(started, tz_name, timed, label, tuple(problems))


def _after_date(after: str, dotted: bool) -> tuple[re.Match | None, re.Match | None, str | None, str]:
    """The weekday, time and zone after a date, read in that order: (weekday, time, zone, what is left)."""
    after = after.removeprefix(".") if dotted else after  # 2026. 12. 1.
    weekday = WEEKDAY_AFTER_RE.match(after)
    after = after[weekday.end():] if weekday else after
    clock = TIME_AFTER_RE.match(after)
    after = after[clock.end():] if clock else after
    zone = ZONE_AFTER_RE.match(after)
    tz_name = _header_zone(zone["zone"], timed=clock is not None) if zone else None
    return weekday, clock, tz_name, after[zone.end():] if tz_name else after


def _weekday_problems(weekday: re.Match | None, started: datetime, path: str, line: int) -> list[Diagnostic]:
    """A weekday that is not the date's is a slip in one of them: said, and the date kept."""
    written = weekday[0].strip(" \t,.()（）") if weekday else ""
    day = _weekday_number(written)
    if day is None or day == started.weekday():
        return []
    return [warning(path, line, f"the header says {written!r}, but {started:%Y-%m-%d} is a {started:%A}; "
                                "the date is kept")]


def _weekday_number(written: str) -> int | None:
    """Monday 0 … Sunday 6, for a weekday in English, Korean, Japanese or Chinese."""
    lowered = written.lower()
    for number, names in enumerate(WEEKDAY_NAMES):
        if lowered[:3] == names[0] or (lowered and lowered[0] in names[1:]) or lowered[-1:] == names[-1]:
            return number
    return None


def _when_problems(timed: bool, tz_name: str | None, path: str, line: int) -> list[Diagnostic]:
    """A date alone is noted (no time zone is needed without a time); a time needs a known zone."""
    if not timed:
        return [info(path, line, NO_TIME)] + (_zone_problems(tz_name, path, line) if tz_name else [])
    return _zone_problems(tz_name, path, line)


def _moment(date: re.Match, clock: re.Match | None) -> datetime | None:
    """The date and the time of day (0:00 for none) of a heading; None if there is no such day or time."""
    month, day = (date["m"], date["d"]) if date["m"] else (date["cm"], date["cd"])
    hour, minute, second = (0, 0, 0)
    if clock:
        hour, minute, second = _hour(clock), int(clock["m"] or clock["km"] or 0), int(clock["s"] or 0)
    try:
        return datetime(int(date["y"]), int(month), int(day), hour, minute, second)
    except ValueError:
        return None


def _hour(clock: re.Match) -> int:
    """``오후 2시`` and ``2 pm`` are 14; ``오전 12시`` and ``12 am`` are 0."""
    hour = int(clock["h"])
    afternoon = clock["half"] == "오후" or (clock["ampm"] or "").lower() == "p"
    morning = clock["half"] == "오전" or (clock["ampm"] or "").lower() == "a"
    if afternoon and hour < 12:
        return hour + 12
    return 0 if morning and hour == 12 else hour


def _header_zone(token: str, timed: bool) -> str | None:
    """A zone after the date or time: one that is known, or (after a time) one written like
    an abbreviation (``XYZ``, reported as unknown). A word of the label is no zone."""
    name = zone_name(token)
    if utc_offset(name) is not None or (timed and ABBREVIATION_RE.match(name)):
        return name
    return None


def _label(before: str, after: str, labels: Labels) -> str:
    """What a heading says besides its date, time and zone: ``Session 14 — Ch.4 word2vec``.
    A session word alone (``Session:``) says nothing more than the header does."""
    parts = [part.strip(LABEL_EDGES) for part in (before, after)]
    parts = [part for part in parts if part and not _bare_session_word(part, labels)]
    return " — ".join(parts)


def _bare_session_word(text: str, labels: Labels) -> bool:
    match = labels.session_word_re.fullmatch(text)
    return match is not None and not any(ch.isdigit() for ch in text)


def _out_of_range(started: datetime, path: str, line: int) -> Diagnostic:
    return error(path, line, f"year {started.year} is out of range ({YEARS[0]} to {YEARS[-1]}); "
                             "the session is kept undated")


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
