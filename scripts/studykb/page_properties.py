"""A page's properties under a session's heading, as Notion exports a page per day:
``생성 일시: 2026년 12월 2일 오후 7:30``, ``태그: word2vec, 4장``, ``상태: 진행 중``.

The properties are the run of ``Name: value`` lines right under the heading (blank lines
before it) when one of them is the page's created time (``Created``, ``생성 일시``,
``作成日時``, ``创建时间``: labels.yml's ``created`` field) and gives a date with its year.
Each of those lines is a fact of the session. The created date gives a heading without
a year its year (``# 12/2 (수) 4장 …``), and its time of day is the session's when the
heading gives none and the created date is the heading's day.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .header_dates import FoundDate, find_date
from .header_times import TIME_AFTER_RE, moment
from .labels import Labels
from .session_header import Neighbour, SessionHeader

# ``Name: value`` as a property: a short name that is no list item, quote, heading or
# markup, then a colon and a value.
PROPERTY_RE = re.compile(r"^(?P<name>[^\s:：`*_\[\]#>|<~-][^:：`*\[\]<>]{0,39}?)\s*(?::(?=\s)|：)\s*(?P<value>\S.*)$")


class Created(NamedTuple):
    """The page's created time: its line in the file, its date, and its time of day (None for none)."""

    line: int
    date: FoundDate
    clock: re.Match | None


def property_lines(lines: list[str], labels: Labels) -> list[int]:
    """The indexes in ``lines`` (a session's lines, its heading first) of its properties;
    none when the run of ``Name: value`` lines under the heading holds no created time."""
    i = 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    block = []
    while i < len(lines) and PROPERTY_RE.match(lines[i]):
        block.append(i)
        i += 1
    return block if any(_created(lines[j], labels) for j in block) else []


def property_name_value(line: str) -> tuple[str, str]:
    """A property line's name and value."""
    match = PROPERTY_RE.match(line)
    return match["name"].strip(), match["value"].strip()


def created_time(lines: list[str], labels: Labels, start: int) -> Created | None:
    """The created time among the properties of the session whose heading is line ``start``."""
    for j in property_lines(lines, labels):
        found = _created(lines[j], labels)
        if found:
            return Created(start + j, *found)
    return None


def created_neighbour(found: list[Created | None], i: int) -> Neighbour | None:
    """What gives the ``i``-th session's heading its year from the sessions' created times
    (``found``, one per session): its own, else the nearest before it, else the nearest after."""
    if found[i] is not None:
        return Neighbour(found[i].line, found[i].date, before=True, created=True, own=True)
    before = next((c for c in reversed(found[:i]) if c is not None), None)
    after = next((c for c in found[i + 1:] if c is not None), None)
    near = before or after
    return Neighbour(near.line, near.date, before=near is before, created=True) if near else None


def with_created_clock(header: SessionHeader, created: Created | None) -> SessionHeader:
    """The header, at the created time's time of day when it gives none and the created
    date is its day (a page made on another day says nothing of the session's hour)."""
    if created is None or created.clock is None or header.timed or header.started is None:
        return header
    if (created.date.year, created.date.month, created.date.day) != header.started.timetuple()[:3]:
        return header
    started = moment(created.date, created.clock)
    return replace(header, started=started, timed=True) if started else header


def _created(line: str, labels: Labels) -> tuple[FoundDate, re.Match | None] | None:
    match = PROPERTY_RE.match(line)
    if match is None or labels.field_kind(match["name"].strip()) != "created":
        return None
    value = match["value"]
    date = find_date(value)
    return (date, TIME_AFTER_RE.match(value[date.end:])) if date else None
