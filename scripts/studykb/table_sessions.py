"""A log kept as a table of sittings: one row per session, as a spreadsheet pasted as Markdown.

A table whose header row has a date column (``날짜``, ``Date``, ``Day``, ``日付``, ``日期``) and
at least one other column a part's name (``배운 것``, ``Confused``, ``질문/답``, ``Next``,
``실험``) is such a log. Each row whose date cell reads as a date is a session: its header
is that cell, its line the row's line, and each other cell the part its column names, as if
under that name as a heading (a time column is the session's time log), each line of the
cell (lines broken by ``<br>``) one item or Q/A line. A column of another name is a part of
that name. A month and day without a year take it as a session header's would (the log's
title, a line above the table, the row before). A row whose date cell reads as no date is
said, and kept as a line of the log. A table with a date column and no part's column (a
table of results) is a table only.
"""
from __future__ import annotations

from datetime import date
from typing import Callable, NamedTuple

from . import free_text, header_lines, log_notes, qa_lines
from .diagnostics import Diagnostic, error
from .header_dates import find_date, find_month_day
from .header_lines import neighbours, outside_code
from .labels import Labels
from .markup import cell_lines, is_delimiter_row, table_cells
from .model import Field, LogFile, SessionEntry, Source
from .session_header import SessionHeader, read_session_header
from .session_state import SessionState
from .sources import LogText

# parse.py's last step of a session: its state and header, its count of lines, what is said.
Finish = Callable[[SessionState, SessionHeader, int, list[Diagnostic]], SessionEntry]

# What a spreadsheet writes in a cell that holds nothing.
EMPTY_CELLS = {"", "-", "–", "—", "x", "n/a", "없음", "なし", "无"}


class SessionTable(NamedTuple):
    """A table of sittings: its header row's line, its date column, its column names, and
    the lines of its rows (dated or not)."""

    header: int
    date_column: int
    columns: tuple[str, ...]
    rows: tuple[int, ...]


def read_table_log(text: LogText, lines: list[str], tables: list[SessionTable], labels: Labels,
                   today: date | None, finish: Finish, diagnostics: list[Diagnostic]) -> LogFile:
    """A log kept as tables of sittings: each dated row a session, finished as parse.py
    finishes any (``finish``); the lines outside the tables, and a row that reads as no date,
    are the log's own lines. The header row's names head each session's parts."""
    starts = sorted(n for table in tables for n in dated_rows(lines, table))
    first = tables[0].header
    sessions = set(starts) | {n for table in tables for n in (table.header, table.header + 1)}
    title, preamble = free_text.preamble(text.path, lines[:first - 1])
    preamble += [block for block in free_text.free_text(text.path, lines[first - 1:], first)
                 if block.source.line not in sessions]
    diagnostics.extend(undated_rows(text.path, lines, tables))
    entries = []
    for n, neighbour in zip(starts, row_neighbours(lines, starts, tables)):
        table = next(t for t in tables if n in t.rows)
        header = read_session_header(date_cell(lines[n - 1], table), labels, text.path, n, neighbour, today)
        entries.append(finish(read_row(text.path, lines[n - 1], n, table, labels), header, 1, diagnostics))
    diagnostics.extend(header_lines.header_notes(entries))
    diagnostics.extend(log_notes.unknown_parts(text.path, entries, labels))
    return LogFile(text.path, title, tuple(preamble), tuple(entries), text.lines)


def session_tables(lines: list[str], labels: Labels) -> list[SessionTable]:
    """The tables of sittings of a log's lines, outside fenced code."""
    found, numbered = [], list(outside_code(lines))
    i = 0
    while i < len(numbered):
        n, line = numbered[i]
        j = i
        while j < len(numbered) and numbered[j][0] == n + j - i and numbered[j][1].lstrip().startswith("|"):
            j += 1
        table = _session_table([number for number, _ in numbered[i:j]], lines, labels) if j > i else None
        if table is not None:
            found.append(table)
        i = max(j, i + 1)
    return found


def _session_table(numbers: list[int], lines: list[str], labels: Labels) -> SessionTable | None:
    if len(numbers) < 3:
        return None
    header = [text for _, text in table_cells(lines[numbers[0] - 1])]
    if not is_delimiter_row([text for _, text in table_cells(lines[numbers[1] - 1])]):
        return None
    date_column = next((k for k, name in enumerate(header) if labels.column_kind(name) == "date"), None)
    if date_column is None or not any(_names_a_part(name, labels) for k, name in enumerate(header) if k != date_column):
        return None
    return SessionTable(numbers[0], date_column, tuple(header), tuple(numbers[2:]))


def _names_a_part(name: str, labels: Labels) -> bool:
    """A column that holds a part of a session: one of the four kinds, Q/A or experiments."""
    return labels.label_part_kind(name) is not None or labels.is_question_part(name) or labels.is_plain_part(name)


def date_cell(line: str, table: SessionTable) -> str:
    cells = table_cells(line)
    return cells[table.date_column][1] if table.date_column < len(cells) else ""


def reads_as_date(cell: str) -> bool:
    """A date cell that starts with a date, its year written or not (``11/24(화)``, ``Dec 3``)."""
    found = find_date(cell) or find_month_day(cell)
    return found is not None and not cell[:found.start].strip(" *_(（")


def dated_rows(lines: list[str], table: SessionTable) -> list[int]:
    return [n for n in table.rows if reads_as_date(date_cell(lines[n - 1], table))]


def row_neighbours(lines: list[str], starts: list[int], tables: list[SessionTable]):
    """What gives each dated row a year, as for session headers: the rows read as headers of
    their date cells alone, the log's title and the lines above the table as they are."""
    as_headers = list(lines)
    for table in tables:
        for n in starts:
            if n in table.rows:
                as_headers[n - 1] = date_cell(lines[n - 1], table)
    return neighbours(as_headers, starts)


def undated_rows(path: str, lines: list[str], tables: list[SessionTable]) -> list[Diagnostic]:
    """A row of a table of sittings whose date cell reads as no date."""
    said = []
    for table in tables:
        name = table.columns[table.date_column]
        for n in table.rows:
            cell = date_cell(lines[n - 1], table)
            if not reads_as_date(cell):
                said.append(error(path, n, f"the row's {name!r} cell {cell!r} reads as no date, so the row is no "
                                           "session; it is kept as a line of the log (write a date there, such as "
                                           "'2026-11-24' or '11/24', as in the other rows)"))
    return said


def read_row(path: str, line: str, number: int, table: SessionTable, labels: Labels) -> SessionState:
    """One row of a table of sittings, read into a session's state: each cell the part its
    column names, a time column the session's time log."""
    entry = SessionState(path, number, date_cell(line, table), labels)
    for k, (at, cell) in enumerate(table_cells(line)):
        if k == table.date_column or k >= len(table.columns) or cell.strip().casefold() in EMPTY_CELLS:
            continue
        name = table.columns[k]
        pieces = [(cell[s:e].replace("\\|", "|"), Source(path, number, at + s)) for s, e in cell_lines(cell) if e > s]
        if labels.field_kind(name) in ("time", "start", "end", "duration"):
            entry.blocks.append(Field(name, ", ".join(text for text, _ in pieces), Source(path, number, at)))
            continue
        _read_cell(entry, name, pieces)
    entry.end_part()
    return entry


def _read_cell(entry: SessionState, name: str, pieces: list[tuple[str, Source]]) -> None:
    entry.open_section(name, entry.labels.part_kind(name), pieces[0][1], 0, by_heading=True)
    for text, at in pieces:
        awaiting, entry.awaiting_answer = entry.awaiting_answer, False
        if not qa_lines.read_quiz(entry, text, at, 0, awaiting):
            entry.add_item(text, at, 0)
    entry.awaiting_answer = False
