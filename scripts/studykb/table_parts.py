"""A table in a session: read as a block of its own, or, when its rows are named by the parts
they hold (tables.py: ``| Covered | … |``, ``| Still shaky | … |``), as those parts."""
from __future__ import annotations

from . import qa_lines
from .markup import table_cells
from .model import Source
from .session_state import SessionState
from .tables import names_parts_by_rows, read_table, row_parts


def read_table_lines(entry: SessionState, body: list[str], i: int, source: Source) -> int:
    """The table that starts at ``body[i]``, and the part it is if its header names one: the
    part open before it goes on after it, as after a Q/A line or code. Returns its line count."""
    j = i
    while j < len(body) and body[j].lstrip().startswith("|"):
        j += 1
    lines = tuple(line.strip() for line in body[i:j])
    if names_parts_by_rows(lines, entry.labels):
        _read_table_of_parts(entry, lines, source)
    else:
        entry.interrupt(read_table(lines, source, entry.labels))
    return j - i


def _read_table_of_parts(entry: SessionState, lines: tuple[str, ...], source: Source) -> None:
    """A session written as a table: each row the part its first cell names, each line of its
    cells an item or a Q/A line of it, as under that name as a heading. A header with words
    in it is a note; the part open before the table ends with it."""
    if any(text for _, text in table_cells(lines[0])):
        entry.add_note(lines[0], source)
    for offset, line in enumerate(lines[2:], 2):
        row = Source(source.path, source.line + offset)
        name, pieces = row_parts(line, row)
        if not name:
            entry.add_note(line, row)
            continue
        entry.open_section(name, entry.labels.part_kind(name), row, 0, by_heading=True)
        for text, at in pieces:
            if not qa_lines.read_quiz(entry, text, at, 0, False):
                entry.add_item(text, at, 0)
    entry.end_part()
