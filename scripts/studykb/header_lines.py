"""Which headings of a log open its sessions, and what is said once for the log about them.

A level-2 heading opens a session when it starts with a session word or holds a date; a
level-1 one when it holds a date or starts with a month and day and is not the log's title; a level-3 one when it holds a
session word and a date, or holds a date in a log with no level-1 or level-2 sessions
(session_header.py reads each header). A log whose headings open none may open them with
bold lines that hold a date (``**Mon 2026-12-07, 19:30–21:00**``). A heading that names a
week's first day over headings that name weekdays (``## Week of Nov 30, 2026`` over ``### Mon``,
``### Sat 12/5``) groups them: the days are the sessions (``week_days``). A header without a
year takes it from its neighbour; a missing zone or time of day is said once, on the first header that lacks it.
"""
from __future__ import annotations

import re

from . import fences
from .diagnostics import Diagnostic, info
from .header_dates import (FoundDate, find_date, find_month, find_month_day, find_year, week_start, weekday_heading,
                           year_alone, year_noted)
from .labels import Labels
from .markup import TITLE_RE
from .model import SectionKind, SessionEntry
from .session_header import (Neighbour, bold_line, header_date, header_text, heading, looks_like_session,
                             names_dated_session, starts_with_month_day)


BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S")
# A line's label: ``Learned:``, ``- **Still confused:** …``, ``1. Time: 19:00``.
LABEL_RE = re.compile(r"^(?:(?:[-*+]|\d{1,3}[.)])\s+)?(?:\*\*|__)?(?P<name>[^:：*_|]{1,60}?)(?:\*\*|__)?\s*[:：]")


def session_header_lines(lines: list[str], labels: Labels) -> list[int]:
    """The numbers of the lines that open a session (``session_starts`` says which); a
    heading inside fenced code is code. The log's first heading, at level 1, is its title
    rather than a session when sessions follow it (``_is_title``)."""
    headings = _headings(lines)
    starts = session_starts(headings, labels)
    if not starts:
        return bold_date_lines(lines)
    if len(starts) > 1 and starts[0] == headings[0][0] and headings[0][1] == 1 \
            and _is_title(lines[starts[0] - 1], lines[starts[1] - 1], lines[starts[0]:starts[1] - 1], labels):
        return starts[1:]
    return starts


def heading_above(lines: list[str], start: int, end: int) -> int | None:
    """The first line after the session header at line ``start``, up to line ``end``, that
    is a heading at a level above that header's (``## Week 50`` after ``### 2026-12-05``),
    outside fenced code: the session ends before it. None when there is none, and for a
    session opened by a bold line, which has no level."""
    opened = heading(lines[start - 1])
    if opened is None:
        return None
    for n, line in outside_code(lines[start:end]):
        found = heading(line)
        if found and found[0] < opened[0]:
            return start + n
    return None


def bold_date_lines(lines: list[str]) -> list[int]:
    """In a log whose headings open no session, the lines that do: each a bold line alone
    that holds a date with its year (``**Mon 2026-12-07, 19:30–21:00**``, one session per
    ``---``-separated block)."""
    return [n for n, line in outside_code(lines) if (text := bold_line(line)) and find_date(text)]


def _is_title(first: str, second: str, body: list[str], labels: Labels) -> bool:
    """Whether a log's first heading is its title, not its first session: it is worded
    otherwise than the session heading after it (``# DLFS2 notes — started 2026-11-01``
    over ``# 2026-11-02 (Mon)``; not ``# Day 8 — Nov 10, 2026`` over ``# Day 9 — …``), and
    what is under it is prose: no list, table or part of a session."""
    if _shape(first) == _shape(second):
        return False
    return not any(BULLET_RE.match(line) or _opens_a_part(line, labels) for line in body)


def _shape(heading_line: str) -> str:
    """A heading's words without its date and numbers: ``# Day 8 — Nov 10, 2026`` -> ``# day —``."""
    date = find_date(heading_line)
    if date is not None:
        heading_line = heading_line[:date.start] + heading_line[date.end:]
    return " ".join(re.sub(r"[\d()（）,.]+", " ", heading_line.lower()).split())


def _opens_a_part(line: str, labels: Labels) -> bool:
    """Whether a line names a part of a session or its time log: ``Learned:``, ``- **Still
    confused:** …``, ``### Watchlist``, ``Time: 19:00-20:10``, ``| confused | status |``."""
    text = line.strip()
    if text.startswith("|"):
        first = text.strip("|").split("|")[0]
        return labels.table_part_kind(first) is not None
    found = heading(text)
    name = found[1] if found else None
    label = LABEL_RE.match(text)
    if label:
        name = label["name"]
    if name is None:
        return labels.alone_part_kind(text) is not None
    return (labels.part_kind(name) is not SectionKind.OTHER or labels.label_part_kind(name) is not None
            or labels.field_kind(name) is not None)


def outside_code(lines: list[str]):
    """(number, line) of each line not inside a fenced block (fences.py: an item's fence
    ends with its item, so a header further left is never code); a fence never closed
    fences nothing (nor does a later fence of the same marker: none closes it either)."""
    unclosed: set[str] = set()
    i = 0
    while i < len(lines):
        fence = fences.opening(lines[i])
        block = None if not fence or fence.marker in unclosed else fences.block_at(lines, i)
        if block is None:
            if fence:
                unclosed.add(fence.marker)
            yield i + 1, lines[i]
            i += 1
        else:
            i = block.end


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line, level, text) of each heading outside fenced code, in order."""
    return [(n, *found) for n, line in outside_code(lines) if (found := heading(line))]


def week_days(headings: list[tuple[int, int, str]]) -> dict[int, tuple[int, FoundDate]]:
    """The day headings of the log's weeks: a level-1 or level-2 heading that names a week's
    first day (``## Week of Nov 30, 2026``, ``## 2026-W49``) groups the headings one level
    below it when each of them names a weekday alone or with a month and day (``### Mon``,
    ``### Sat 12/5``, ``### 월요일``): the days are the sessions. Day heading line -> (the
    week heading's line, the week's first day)."""
    days: dict[int, tuple[int, FoundDate]] = {}
    for i, (n, level, text) in enumerate(headings):
        first = week_start(text) if level <= 2 else None
        under = _one_level_below(headings, i) if first else []
        if under and all(weekday_heading(sub) is not None for _, sub in under):
            days.update({m: (n, FoundDate(0, 0, first.year, first.month, first.day)) for m, _ in under})
    return days


def _one_level_below(headings: list[tuple[int, int, str]], i: int) -> list[tuple[int, str]]:
    """(line, text) of the headings one level below heading ``i``, up to the next at its level or above."""
    under = []
    for n, level, text in headings[i + 1:]:
        if level <= headings[i][1]:
            break
        if level == headings[i][1] + 1:
            under.append((n, text))
    return under


def session_starts(headings: list[tuple[int, int, str]], labels: Labels) -> list[int]:
    """The numbers of the lines that open a session (session_header.py says which headings
    do): a level-2 heading that starts with a session word or holds a date; a level-1 one
    that holds a date, unless it is the log's title (``_level1_sessions``); a level-3 one
    that holds a session word and a date, or, when no level-1 or level-2 heading opens a
    session, one that would open it at level 2. ``headings``: (line, level, text) of each
    heading outside fenced code, in order. A week's heading over day headings is no
    session: its days are (``week_days``)."""
    days = week_days(headings)
    weeks = {week for week, _ in days.values()}
    headings = [h for h in headings if h[0] not in weeks]
    level2 = [n for n, level, text in headings if level == 2 and looks_like_session(text, labels)]
    level1 = _level1_sessions(headings, bool(level2))
    opens = names_dated_session if level1 or level2 else looks_like_session
    level3 = [n for n, level, text in headings if level == 3 and opens(text, labels)]
    return sorted(set(level1 + level2 + level3) | set(days))


def _level1_sessions(headings: list[tuple[int, int, str]], level2: bool) -> list[int]:
    """The level-1 headings that open sessions: those that hold a date (``# Day 8 — Nov 10,
    2026``) or start with a month and day (``# 12/2 (수) 4장 word2vec``, a Notion page per day
    whose properties give the year), unless the only one is the log's first heading above
    level-2 sessions (``# Notes from 2026-11-01`` over ``## 2026-11-02``): then it is the log's title."""
    dated = [n for n, level, text in headings if level == 1 and (find_date(text) or starts_with_month_day(text))]
    if len(dated) == 1 and level2 and dated[0] == headings[0][0]:
        return []
    return dated


def neighbours(lines: list[str], starts: list[int]) -> list[Neighbour | None]:
    """For each session header at ``starts``, what gives it a year: the heading that groups
    it when that names one (``group_year``), else the nearest other header that gives a
    year: the one before it, else the log's title when it names one (``title_year``), else
    the one after. Each header's date is read once."""
    dates = [header_date(lines[n - 1]) for n in starts]
    found: list[Neighbour | None] = [None] * len(starts)
    last = title_year(lines, starts)
    for i, (n, date) in enumerate(zip(starts, dates)):
        found[i] = last
        if last and (last.title or last.alone):  # the headers after it take the same year: said at the first
            last = last._replace(repeated=True)
        if date:
            last = Neighbour(n, date, before=True)
    last = None
    for i in reversed(range(len(starts))):
        found[i] = found[i] or last
        if dates[i]:
            last = Neighbour(starts[i], dates[i], before=False)
    days = week_days(_headings(lines))
    weeks = [Neighbour(*days[n], before=True, group=True, week=True) if n in days else None for n in starts]
    return [week or group or near for week, group, near in zip(weeks, group_years(lines, starts), found)]


def group_years(lines: list[str], starts: list[int]) -> list[Neighbour | None]:
    """For each session header at ``starts``, the nearest heading above it at a level above
    its own, when that names a year (``## 2026년 12월``, ``## December 2026`` over ``### 12/05``,
    ``### 12/08``): the year of the sessions it groups, at its month if it names one. The
    log's title and a session header are no group. One pass over the log."""
    index = {n: i for i, n in enumerate(starts)}
    latest: dict[int, tuple[int, str]] = {}  # heading level -> the latest such heading so far (line, text)
    found: list[Neighbour | None] = [None] * len(starts)
    for n, line in outside_code(lines):
        mark = heading(line)
        if mark is None:
            continue
        if n in index:
            found[index[n]] = _group(latest, mark[0], header_text(line) or "", index)
        latest[mark[0]] = (n, mark[1])
    return found


def _group(latest: dict[int, tuple[int, str]], level: int, header: str, starts: dict[int, int]) -> Neighbour | None:
    above = [(n, text, above_level) for above_level, (n, text) in latest.items() if above_level < level]
    if level < 2 or not above:
        return None
    n, text, above_level = max(above)  # the nearest: a session's own header above it groups nothing
    year = find_year(text) if above_level > 1 and n not in starts else None
    if year is None:
        return None
    month = find_month(text) or find_month_day(header)
    return Neighbour(n, FoundDate(0, 0, year, month.month, month.day) if month else FoundDate(0, 0, year, 1, 1),
                     before=True, group=True)


def title_year(lines: list[str], starts: list[int]) -> Neighbour | None:
    """The log's title above its first session, as the neighbour of the sessions that give
    no year, when it names one: its date (``# Notes from 2026-11-01``), or a year alone
    (``# Study log 2026``, ``# 勉強ノート（2026年）``); else a line above the sessions that is
    a year alone (``2026``, ``Year: 2026``, ``2026년``, front matter's ``year: 2026``) or says
    it in passing (``… (연도는 전부 2026년)``, ``(all 2026)``), the nearest such line. A year stands at the first session's month and day: a later session
    on an earlier day of the year (Jan after Dec) is in the next year."""
    if not starts:
        return None
    above = list(outside_code(lines[:starts[0] - 1]))
    title = next(((n, m["title"]) for n, line in above if (m := TITLE_RE.match(line))), None)
    date = find_date(title[1]) if title else None
    year = date.year if date else find_year(title[1]) if title else None
    alone = None if year is not None else next(((n, y) for n, line in reversed(above)
                                                if (y := year_alone(line) or year_noted(line))), None)
    if year is None and alone is None:
        return None
    number, year = (title[0], year) if alone is None else alone
    if date is None:
        first = header_text(lines[starts[0] - 1]) or lines[starts[0] - 1].strip()
        date = (find_month_day(first) or FoundDate(0, 0, year, 1, 1))._replace(year=year)
    return Neighbour(number, date, before=True, title=alone is None, alone=alone is not None)


def _clocked(entry: SessionEntry) -> bool:
    """Whether a session shows a time of day: its header's, or its time log's start (shown
    as written too, without a zone)."""
    return entry.timed or bool(entry.timelog and entry.timelog.start)


def header_notes(entries: list[SessionEntry]) -> list[Diagnostic]:
    """What the log's headers leave out, said once for the log on the first header that
    does: said on every header, it would bury what else is said."""
    dated = [e for e in entries if e.started is not None]
    zoneless = [e for e in dated if _clocked(e) and e.tz_name is None]
    dateonly = [e for e in dated if not _clocked(e)]
    notes = []
    if zoneless:
        notes.append(info(zoneless[0].source.path, zoneless[0].source.line,
                          "session headers give no time zone; times are shown as written"))
    if len(dateonly) == 1:
        notes.append(info(dateonly[0].source.path, dateonly[0].source.line,
                          "session header has a date but no time of day; the session is placed by its date"))
    elif dateonly:
        notes.append(info(dateonly[0].source.path, dateonly[0].source.line,
                          f"{len(dateonly)} session headers give a date but no time of day (the first here); "
                          "those sessions are placed by their dates"))
    return notes
