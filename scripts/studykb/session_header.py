"""Session headers: which headings open a session, and the date, time, zone and label they hold.

The documented shape, ``## Session: 2026-02-14 13:16:07 KST``, is read as it always was
(``parse_session_header``). Any other level-2 heading that holds a date (header_dates.py:
numbers, 년/月 signs or an English month name) opens a session too, with the session word
or without it: ``## 1회차 — 2026.12.01(화)``, ``## Session 14 — Mon 2026-11-02 — Ch.4
word2vec``, ``## Nov 15, 2026 (Sun) — Day 13``, ``## 2026년 12월 1일``. Level-1 and level-3
headings open one by the rules of header_lines.py. With the session word, a
month and day without a year (``## Session 4 — Dec 6``) take their year from the log's
nearest session header that gives one (``Neighbour``).

What the heading says besides its date, weekday, time and zone is the session's label
(``Session 14 — Ch.4 word2vec``, ``1회차``). A heading with no time of day gives a session
placed by its date alone: no time is made up for it. A time range in the heading, after
the date or after the bracket around it (``1회차 (2026.11.25 수) 19:00-20:30``; header_times.py), with a note of a break after it (``20:00~22:00 (중간에 20분 쉼)``), is kept as ``time_text``: the
session's time log when its body has none (timelog.py reads it as it reads a time-log line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import NamedTuple

from .diagnostics import Diagnostic, error, info, warning
from .header_dates import (DAY_HEADING_RE, WEEKDAY, FoundDate, find_date, find_month_day, nearest_year_with_weekday,
                           weekday_heading, weekday_number)
from .header_times import TIME_AFTER_RE, moment, time_notes, time_text
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

BOLD_LINE_RE = re.compile(r"^ {0,3}(?P<mark>\*\*|__)(?P<text>\S.*?\S)(?P=mark)[ \t]*$")
HEADING_RE = re.compile(r"^(?P<hashes>#{1,3})[ \t]+(?P<text>.*?\S)(?:[ \t]+#+)?[ \t]*$")
WEEKDAY_AFTER_RE = re.compile(rf"^\s*,?\s*(?:[(（]\s*(?:{WEEKDAY})\s*[)）]|(?:{WEEKDAY})(?![^\W\d_]))", re.IGNORECASE)
WEEKDAY_BEFORE_RE = re.compile(rf"(?:[(（]\s*(?:{WEEKDAY})\s*[)）]|(?<![^\W\d_])(?:{WEEKDAY}))\s*,?\s*$", re.IGNORECASE)
CLOSER_RE = re.compile(r"^\s*[)）\]]")  # the bracket a date was written in closes before its time
ZONE_AFTER_RE = re.compile(r"^\s*(?P<zone>[(\[（]?(?:[A-Za-z][A-Za-z0-9:+\-]*|[+-]\d{1,2}(?::?\d{2})?)[)\]）]?)(?![\w])")
ABBREVIATION_RE = re.compile(r"^[A-Z]{2,5}$")
LABEL_EDGES = " \t-–—|:,·/~"
BRACKETS = {"(": ")", "（": "）", "[": "]", "【": "】"}


@dataclass(frozen=True, slots=True)
class SessionHeader:
    """What a session header says: when (``timed`` False for a date alone), where, and its label;
    ``time_text``, the heading's time range and its notes (``20:00–22:00 (중간에 20분 쉼)``),
    which is the session's time log when its body has none."""

    started: datetime | None
    tz_name: str | None
    timed: bool
    label: str
    problems: tuple[Diagnostic, ...]
    time_text: str = ""


class Neighbour(NamedTuple):
    """The nearest session header of the log that gives a year, for one that gives none:
    its line, its date, and whether it comes before; or the log's title above the sessions
    when it names a year (``# 勉強ノート（2026年）``: ``title``), or a heading that groups the
    sessions under it and names one (``## 2026년 12월``, ``## December 2026``: ``group``)."""

    line: int
    date: FoundDate
    before: bool
    title: bool = False
    group: bool = False
    alone: bool = False  # a line above the sessions that is a year alone (``2026``, ``Year: 2026``)
    created: bool = False  # a page's created-time property (page_properties.py)
    own: bool = False  # the session's own (its created time): it says the year as plainly as its header would
    repeated: bool = False  # an earlier header took its year from the same title or line: said once
    week: bool = False  # a week's heading over day headings (``## Week of Nov 30, 2026`` over ``### Mon``): its first day


def heading(line: str) -> tuple[int, str] | None:
    """``### session 3 - 2027-01-09`` -> (3, ``session 3 - 2027-01-09``); None for other lines."""
    match = HEADING_RE.match(line)
    return (len(match["hashes"]), match["text"]) if match else None


def bold_line(line: str) -> str | None:
    """``**Mon 2026-12-07, 19:30–21:00**`` -> its words: a line that is bold as a whole."""
    match = BOLD_LINE_RE.match(line)
    return match["text"] if match and "**" not in match["text"] and "__" not in match["text"] else None


def header_text(line: str) -> str | None:
    """A session header's words: a heading's text, or a bold line's where bold lines open sessions."""
    found = heading(line)
    return found[1] if found else bold_line(line)


def looks_like_session(text: str, labels: Labels) -> bool:
    """A heading that starts with a session word (``Session 14``, ``1회차``), holds a date,
    holds a session word and a month and day (``12/06 세션``), or starts with a month and day
    (``12월 8일 (화) 공부 기록``, ``Tue, Dec 8 — ch4``)."""
    return (labels.session_word_re.match(text) is not None or find_date(text) is not None
            or names_dated_session(text, labels) or starts_with_month_day(text))


def starts_with_month_day(text: str) -> bool:
    """A heading whose first words are a month and day without a year, a weekday before them
    or not: ``12월 8일 (화) 공부 기록``, ``Dec 8 (Tue)``, ``Tue, Dec 8 — ch4``, ``12/08 notes``."""
    date = find_month_day(text)
    if date is None:
        return False
    before = text[:date.start].strip(" \t*_")
    return not before or WEEKDAY_BEFORE_RE.fullmatch(before + " ") is not None


def names_dated_session(text: str, labels: Labels) -> bool:
    """A heading that holds a session word and a date, with its year or without it: a
    session's header at any level."""
    return labels.session_word_re.search(text) is not None and (
        find_date(text) is not None or _month_day(text, labels) is not None)


def _month_day(text: str, labels: Labels) -> FoundDate | None:
    """A month and day without a year; not the count right after a session word
    (``Session 2/10`` is the second of ten)."""
    date = find_month_day(text)
    if date is None or "/" not in text[date.start:date.end]:
        return date
    word = labels.session_word_re.search(text[:date.start])
    return None if word and not text[word.end():date.start].strip() else date


def read_session_header(line: str, labels: Labels, path: str, number: int,
                        neighbour: Neighbour | None = None, today: date | None = None) -> SessionHeader:
    """The header line of a session, as header_lines.py found it; a month and
    day without a year take their year from ``neighbour``, else from the weekday the
    header gives beside them (the year nearest ``today`` in which that day is it)."""
    legacy = labels.header_re.match(line)
    if legacy and (not legacy["rest"] or DATE_RE.match(legacy["rest"].split()[0])) and not _gives_range(legacy["rest"]):
        started, tz_name, timed, problems = _read_stamp(legacy["rest"], path, number)
        return SessionHeader(started, tz_name, timed, "", tuple(problems))
    text = header_text(line) or line.strip()
    date = find_date(text)
    if date is not None:
        return _read_dated(text, date, labels, path, number)
    month_day = _month_day(text, labels)
    if month_day is not None:
        return _read_year_less(text, month_day, neighbour, labels, path, number, today)
    if neighbour is not None and neighbour.week and weekday_heading(text) is not None:
        return _read_week_day(text, neighbour.date, labels)
    rest = legacy["rest"] if legacy else text
    return SessionHeader(None, None, False, "", (
        error(path, number, f"session header has a broken timestamp {rest!r} {EXPECTED}"),))


def _read_week_day(text: str, week: FoundDate, labels: Labels) -> SessionHeader:
    """``### Wed`` under ``## Week of Nov 30, 2026``: the first such weekday from the week's first day on."""
    first = date(week.year, week.month, week.day)
    when = first + timedelta(days=(weekday_heading(text) - first.weekday()) % 7)
    label = _label(DAY_HEADING_RE.match(text)["rest"], "", labels)
    return SessionHeader(datetime(when.year, when.month, when.day), None, False, label, ())


def _outside_week(started: datetime | None, week: FoundDate, path: str, number: int) -> list[Diagnostic]:
    """A day heading's month and day that is not in the week its group heading names."""
    first = date(week.year, week.month, week.day)
    if started is None or 0 <= (started.date() - first).days < 7:
        return []
    return [warning(path, number, f"the day {started:%Y-%m-%d} is not in the week from {first:%Y-%m-%d} "
                                  "that the heading above it names; the day's own date is kept")]


def _gives_range(rest: str) -> bool:
    """Whether a time range follows the date of ``## Session:`` (``2026-12-27 10:00-12:00``): the
    header is then read as any dated heading is, its range the session's time, not a zone."""
    if not rest.strip():
        return False
    date = rest.split()[0]
    _, clock, _, _ = _after_date(rest[rest.index(date) + len(date):], dotted=False)
    return clock is not None and clock["end_h"] is not None


def header_date(line: str) -> FoundDate | None:
    """The date with a year that a session header line holds, if it holds one (a plain
    line's words are its header's, plain_headers.py)."""
    return find_date(header_text(line) or line.strip())


def _read_year_less(text: str, date: FoundDate, neighbour: Neighbour | None, labels: Labels,
                    path: str, number: int, today: date | None = None) -> SessionHeader:
    """``## Session 4 — Dec 6``: the year of the nearest session that gives one (the next
    year for a month and day before it, the year before for one after a later session);
    with no such session, the year nearest ``today`` in which the day is the weekday the
    header gives (``## 12월 8일 (화)``: 2026 in 2026, 2020 in 2022)."""
    if neighbour is None:
        year = _year_of_weekday(text, date, today)
        if year is not None:
            header = _read_dated(text, date._replace(year=year), labels, path, number)
            said = info(path, number, f"the session header gives no year, nor does any other; {year} is "
                                      f"taken, the year nearest today in which {date.month:02d}-{date.day:02d} is a "
                                      f"{datetime(year, date.month, date.day):%A}, as the header says "
                                      "(write the year in one session header, or alone on a line above the "
                                      "sessions, to set it)")
            return replace(header, problems=(said,) + header.problems)
        return SessionHeader(None, None, False, _label(text, "", labels), (error(
            path, number, f"session header {text!r} gives a month and day but no year, and no other session "
                          "header of the log gives one; the session is kept undated, its date kept in its "
                          "label (write the year in one session header, or alone on a line above the sessions, "
                          "and the others take it from there)"),))
    near = neighbour.date
    earlier = (date.month, date.day) < (near.month, near.day)
    year = near.year + (1 if neighbour.before and earlier else 0) - (1 if not neighbour.before and not earlier else 0)
    header = _read_dated(text, date._replace(year=year), labels, path, number)
    if neighbour.week:
        return replace(header, problems=header.problems + tuple(_outside_week(header.started, near, path, number)))
    if neighbour.group or neighbour.own or neighbour.repeated:  # ``## 2026년 12월`` over it says the year as plainly
        return header
    whose = "the log's title" if neighbour.title else "the year written above the sessions" if neighbour.alone \
        else "the created time" if neighbour.created else "the session header"
    headers = "the session headers give" if neighbour.title or neighbour.alone else "the session header gives"
    said = info(path, number, f"{headers} no year; {year} is taken from {whose} on line {neighbour.line}")
    return replace(header, problems=(said,) + header.problems)


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


def _read_dated(text: str, date: FoundDate, labels: Labels, path: str, number: int) -> SessionHeader:
    """A heading with a date somewhere in it; the rest of it, its label."""
    weekday, clock, tz_name, after = _after_date(text[date.end:], dotted=date.dotted)
    notes, after = time_notes(after)
    before = WEEKDAY_BEFORE_RE.search(text[:date.start])
    label = _label(text[:before.start()] if before else text[:date.start], after, labels)
    started = moment(date, clock)
    if started is None:
        written = (text[date.start:date.end] + (clock[0] if clock else "")).strip()
        return SessionHeader(None, None, False, label, (error(path, number, f"impossible date or time {written!r}"),))
    if started.year not in YEARS:
        return SessionHeader(None, None, False, label, (_out_of_range(started, path, number),))
    timed = clock is not None
    problems = _weekday_problems(weekday or before, started, path, number)
    problems += _when_problems(timed, tz_name, path, number)
    return SessionHeader(started, tz_name, timed, label, tuple(problems), time_text(clock, notes))


def _after_date(after: str, dotted: bool) -> tuple[re.Match | None, re.Match | None, str | None, str]:
    """The weekday, time and zone after a date, read in that order: (weekday, time, zone, what is left)."""
    after = after.removeprefix(".") if dotted else after  # 2026. 12. 1.
    weekday = WEEKDAY_AFTER_RE.match(after)
    after = after[weekday.end():] if weekday else after
    clock, after = _clock_after(after)
    zone = ZONE_AFTER_RE.match(after)
    tz_name = _header_zone(zone["zone"], timed=clock is not None) if zone else None
    return weekday, clock, tz_name, after[zone.end():] if tz_name else after


def _clock_after(after: str) -> tuple[re.Match | None, str]:
    """The time right after a date, or right after the bracket that closes it (``(2026.11.25 수)
    19:00-20:30``), and what is left: the closing bracket stays, for the label (``_close_brackets``)."""
    clock = TIME_AFTER_RE.match(after)
    if clock:
        return clock, after[clock.end():]
    shut = CLOSER_RE.match(after)
    clock = TIME_AFTER_RE.match(after[shut.end():]) if shut else None
    return (clock, shut[0] + after[shut.end() + clock.end():]) if clock else (None, after)


def _year_of_weekday(text: str, found: FoundDate, today: date | None) -> int | None:
    """The year nearest ``today`` in which the month and day are the weekday written next
    to them; None without a weekday or a ``today``."""
    weekday = WEEKDAY_AFTER_RE.match(text[found.end:]) or WEEKDAY_BEFORE_RE.search(text[:found.start])
    day = weekday_number(weekday[0].strip(" \t,.()（）")) if weekday and today else None
    return nearest_year_with_weekday(found.month, found.day, day, today) if day is not None else None


def _weekday_problems(weekday: re.Match | None, started: datetime, path: str, line: int) -> list[Diagnostic]:
    """A weekday that is not the date's is a slip in one of them: said, and the date kept."""
    written = weekday[0].strip(" \t,.()（）") if weekday else ""
    day = weekday_number(written)
    if day is None or day == started.weekday():
        return []
    return [warning(path, line, f"the header says {written!r}, but {started:%Y-%m-%d} is a {started:%A}; "
                                "the date is kept")]


def _when_problems(timed: bool, tz_name: str | None, path: str, line: int) -> list[Diagnostic]:
    """A zone that is written must be known (no zone at all, or no time of day, is said once
    for the whole log: parse's ``_header_notes``)."""
    return _zone_problems(tz_name, path, line) if timed or tz_name else []


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
    parts = [part.strip(LABEL_EDGES) for part in _close_brackets(before, after)]
    parts = [part for part in parts if part and not _bare_session_word(part, labels)]
    return " — ".join(parts)


def _close_brackets(before: str, after: str) -> tuple[str, str]:
    """The label's words on each side of the date, without the brackets that held the date:
    ``Day 12 (Sat 12 Dec 2026)`` -> ``Day 12``, ``Day 3 (2026-12-01, ch4)`` -> ``Day 3``, ``ch4``."""
    kept = before.rstrip(LABEL_EDGES)
    if not kept or kept[-1] not in BRACKETS:
        return before, after
    opener, closer = kept[-1], BRACKETS[kept[-1]]
    shut = after.find(closer)
    if shut < 0 or opener in after[:shut]:
        return before, after
    return kept[:-1], after[:shut] + " " + after[shut + 1:]


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
    if tz_name is None:  # said once for the log (parse), not on every header
        return []
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
