"""Tables: a table whose header row names a part of a session is that part, a row an item.

``| confused | status |`` is a watchlist: each row's first cell is an item, and a status
that says it is resolved (``clear now``, ``해결``) resolves it, as a resolving line would;
so does a yes (``yes``, ``✅``, ``done``, ``네``) under a status column or under one headed
by a resolving word (``| confused | resolved? |``), or a resolving word there (``해결``).
A table no part names with a status column (``| 知识点 | 掌握情况 | 备注 |`` under "mastered")
is what was learned: a row whose status says yes or resolved resolves the item it names
(``| 梯度裁剪 vs 权重衰减 | ✔ | … |``).
``| concept | note |`` (``| 용어 | 설명 |``, ``| 用語 | 意味 |``) is what was learned: each
row defines its first cell's term by its note. ``| topic | note |`` is the topics. A row's
item reads as its cells joined by dashes (``weighted sum — context vector``), the note
right after the term. Any other table (``| param | value |``) is a table only. The page
shows every table as a table; the words of its header are the label table's (labels.py).

A table whose rows are named by their first cell, two or more of them a part's name
(``| Covered | … |``, ``| Still shaky | … |``, ``| 배운 것 | … |``), is a session written as a
table: each row is the part it names, as if under that name as a heading, each line of
its cell (lines broken by ``<br>``) one item or Q/A line (``row_parts``); a row of another
name is a part of that name. Such a table shows as its parts.
"""
from __future__ import annotations

from dataclasses import replace

from .labels import Labels
from .markup import cell_lines, is_delimiter_row, row_text, table_cells
from .model import Item, Section, SectionKind, Source, Table
from .resolution import ends_resolved, is_resolving_word, item_span, resolved_item

PART_KINDS = (SectionKind.WATCHLIST, SectionKind.TOPICS, SectionKind.RESUME, SectionKind.LEARNED)


def read_table(lines: tuple[str, ...], source: Source, labels: Labels) -> Table:
    """The table of ``lines`` (the first at ``source``), with the part it is, if its header names one."""
    rows = [[text for _, text in table_cells(line)] for line in lines]
    if len(rows) < 2 or not is_delimiter_row(rows[1]):
        return Table(lines, source)
    found = table_part(rows[0], labels) or _status_table(rows[0], labels)
    if found is None:
        return Table(lines, source)
    kind, columns, terms = found
    answers = _yes_columns(rows[0], labels) if kind in (SectionKind.WATCHLIST, SectionKind.LEARNED) else ()
    items = []
    for offset, row in enumerate(rows[2:], 2):
        item = _row_item(row, columns, Source(source.path, source.line + offset), terms)
        says_yes = any(k < len(row) and _says_resolved(row[k], labels) for k in answers)
        if item is not None and says_yes:
            item = replace(item, resolves=item_span(row[0]))
        elif item is not None and kind is SectionKind.WATCHLIST:
            item = _resolving(item, labels)
        if item is not None:
            items.append(item)
    return Table(lines, source, Section(rows[0][0], kind, source, tuple(items)), columns)


def _yes_columns(header: list[str], labels: Labels) -> tuple[int, ...]:
    """The columns of a watchlist table where a yes resolves its row: a status column
    (``status``, ``done?``, ``상태``) or one headed by a resolving word (``resolved?``, ``이해함``)."""
    return tuple(k for k in range(1, len(header))
                 if labels.column_kind(header[k]) == "status" or is_resolving_word(header[k].strip(), labels))


def _status_table(header: list[str], labels: Labels) -> tuple[SectionKind, tuple[int, ...], bool] | None:
    """A table no part names, with a status column: what was learned, its rows in order."""
    statuses = [k for k in range(1, len(header)) if labels.column_kind(header[k]) == "status"]
    return (SectionKind.LEARNED, tuple(range(len(header))), False) if statuses else None


def _says_resolved(cell: str, labels: Labels) -> bool:
    """A status cell that is a yes (``✔``, ``done``) or a resolving word (``해결``, ``分清楚了``)."""
    return labels.says_yes(cell) or ends_resolved(cell, labels)


def table_part(header: list[str], labels: Labels) -> tuple[SectionKind, tuple[int, ...], bool] | None:
    """The part a table with this header row is, the order its rows' cells are read in and
    whether each row defines its first cell's term: a part named by the first cell; a term
    (``concept``) with a note column beside it is what was learned, its rows read term then
    note, each a definition. None for a table that is no part."""
    kind = labels.table_part_kind(header[0])
    in_order = tuple(range(len(header)))
    note = next((k for k in in_order[1:] if labels.column_kind(header[k]) == "note"), None)
    if kind in (None, SectionKind.LEARNED) and note is not None and labels.column_kind(header[0]) == "term":
        return SectionKind.LEARNED, (0, note, *(k for k in in_order[1:] if k != note)), True
    return (kind, in_order, False) if kind in PART_KINDS else None


def _row_item(row: list[str], columns: tuple[int, ...], source: Source, terms: bool) -> Item | None:
    """A row's item, or None for a row whose first cell is empty (it stays a row of the table)."""
    if not row or not row[0]:
        return None
    text, _ = row_text(row, columns)
    term = row[0].strip("`*_ ") if terms and len(row) > columns[1] and row[columns[1]] else ""
    return Item(text, source, term=term)


def _resolving(item: Item, labels: Labels) -> Item:
    span = resolved_item(item.text, labels)
    return item if span is None else replace(item, resolves=span)


def names_parts_by_rows(lines: tuple[str, ...], labels: Labels) -> bool:
    """Whether a table is a session written as a table: its header names no part and
    two or more of its rows are named by a part's name in their first cell."""
    rows = [[text for _, text in table_cells(line)] for line in lines]
    if len(rows) < 4 or not is_delimiter_row(rows[1]) or len(rows[0]) < 2:
        return False
    if table_part(rows[0], labels) or _status_table(rows[0], labels):
        return False
    return sum(1 for row in rows[2:] if _names_a_part(row[0], labels)) >= 2


def _names_a_part(name: str, labels: Labels) -> bool:
    return bool(name) and (labels.label_part_kind(name) is not None or labels.is_question_part(name))


def row_parts(line: str, source: Source) -> tuple[str, list[tuple[str, Source]]]:
    """A row of a session written as a table: the part its first cell names, and each line
    of its other cells with where it starts on the row (``Source.column``)."""
    cells = table_cells(line)
    pieces = [(text[start:end], Source(source.path, source.line, at + start))
              for at, text in cells[1:] for start, end in cell_lines(text) if end > start]
    return (cells[0][1] if cells else ""), pieces
