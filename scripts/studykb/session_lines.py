"""Each line of text in a session, with what it belongs to (``Line``): what link reads, in order."""
from __future__ import annotations

from typing import Iterator

from .model import QA, Field, Line, Note, Section, SectionKind, Session, SessionId, Source, Table


def _item_roles(section: Section) -> list[str]:
    """``item`` for each item of a section, but ``note`` for one nested under a watchlist
    item that does not end in a colon: the answer or comment on that confusion ("→ the
    tutor: both accumulate"), not a confusion of its own. Under ``- RNN:`` each is one."""
    roles, parents = [], []
    for item in section.items:
        del parents[item.depth:]
        parent = parents[-1] if parents else None
        comment = section.kind is SectionKind.WATCHLIST and parent is not None and not parent.rstrip().endswith((":", "："))
        roles.append("note" if comment else "item")
        parents.append(item.text)
    return roles


def lines_of(session: Session) -> Iterator[Line]:
    """Each line of text in a session, in order; a code block has none."""
    sid = session.id
    for block in session.blocks:
        if isinstance(block, Section):
            for item, role in zip(block.items, _item_roles(block)):
                yield Line(item.text, item.source, sid, block.kind, role, resolves=item.resolves, flags=item.flags)
        elif isinstance(block, Table) and block.part is not None:
            yield from _table_part_lines(block, block.part, sid)
        elif isinstance(block, Field):
            yield Line(block.value, block.source, sid, None, "field", term=block.name)
        elif isinstance(block, QA):
            role = "note" if block.continues else "qa"  # a card holds it with the answer it goes on
            yield Line(block.text, block.source, sid, None, role, block.question, block.answer)
        elif isinstance(block, Note):
            yield Line(block.text, block.source, sid, None, "note", resolves=block.resolves, flags=block.flags)
        elif isinstance(block, Table):
            for offset, row in enumerate(block.lines):
                yield Line(row, Source(block.source.path, block.source.line + offset), sid, None, "table")


def _table_part_lines(table: Table, part: Section, sid: SessionId) -> Iterator[Line]:
    """A table that is a part: a row that is an item is read as its item, the others as rows."""
    items = {item.source: item for item in part.items}
    for offset, row in enumerate(table.lines):
        source = Source(table.source.path, table.source.line + offset)
        item = items.get(source)
        if item is None:
            yield Line(row, source, sid, None, "table")
        else:
            yield Line(item.text, source, sid, part.kind, "item", resolves=item.resolves, term=item.term)
