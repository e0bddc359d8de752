"""The lines of a session that may ask for a run (part of the link stage, for
studykb.experiment_lines), each with the settings table or code block it leads into.

A table or code block right after a line is attached to it; a code block that runs a script after
any other line is a run of its own, each command a line; the line that leads into a code block is
the one right above it in the log, even where the session's parts put the block after another part.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from experiments.asking import names_next_time, says_to_do
from experiments.commands import block_commands, leads_into

from .model import QA, CodeBlock, Field, Note, Section, SectionKind, Session, SessionId, Source, Table


class Asking(NamedTuple):
    """A line that may ask for a run, with what it needs to be answered."""

    text: str
    source: Source
    session: SessionId
    kind: SectionKind | None  # the part it is an item of, if any
    attached: tuple[str, ...]  # the settings table or code block right after it
    row: bool = False  # a row of a table that follows no line
    tables: tuple[Table, ...] = ()  # the tables among `attached`
    under: Source | None = None  # a row of a table right after a line: that line's
    heading: bool = False  # a part's name, not a line of it

    plan: bool = False  # under an item that names what is for next time ("6. 다음 시간")

    @property
    def planned(self) -> bool:
        """In the resume point, under a part for next time, a task not done yet ("- [ ] try lr=0.5")
        or saying it is to be done ("`ch05/train_custom_loop.py` 돌려 올 것"): a run for next time."""
        return (self.kind is SectionKind.RESUME or self.plan or _UNCHECKED.match(self.text) is not None
                or says_to_do(self.text))


_UNCHECKED = re.compile(r"\[ \]\s")  # a Markdown task not done: "[ ] try skip-gram"
def asking_lines(session: Session) -> list[Asking]:
    """Every line of a session that may ask for a run, in order; Q/A lines ask for none.
    A table or code block right after a line is attached to it."""
    lines: list[Asking] = []
    open_ = False  # whether a table or code block right after lines[-1] is attached to it
    starts = _record_starts(session)
    for block in session.blocks:
        if isinstance(block, Table):
            if open_:
                lines[-1] = _attach(lines[-1], block)
            else:
                lines += _rows(block, session.id)
            continue
        if isinstance(block, CodeBlock):
            open_ = _after_code(lines, open_, block, starts, session.id)
            continue
        found = list(_lines_of(block, session.id))
        lines += found
        open_ = bool(found)
    return [row for line in lines for row in _with_rows(line)]


def _after_code(lines: list[Asking], open_: bool, block: CodeBlock, starts: list[int], session: SessionId) -> bool:
    """Attach `block` to the line that leads into it, else add its commands as lines of their own;
    whether the last line stays open to what comes next."""
    at, led = _lead_in(lines, open_, block, starts)
    if at is None:
        if open_ and lines[-1].heading:
            lines[-1] = _attach(lines[-1], block)
        lines += _commands(block, session)
        return False
    lines[at] = _attach(lines[at]._replace(text=led), block)
    return open_ and at == len(lines) - 1


def _lead_in(lines: list[Asking], open_: bool, block: CodeBlock, starts: list[int]) -> tuple[int | None, str]:
    """Where the line that leads into the code block is among `lines`, and what it asks with: the
    line right before the block (the open one, or the one right above it in the log, when the
    session's parts put the block after another part: a topic's lines, then a code block nested
    under the topic, read after a part of other lines)."""
    if open_ and lines[-1].heading:
        return None, ""
    above = max((start for start in starts if start < block.source.line), default=None)
    right_above = [at for at, line in enumerate(lines) if line.source.line == above and not (line.heading or line.row)]
    at = right_above[-1] if right_above else len(lines) - 1 if open_ else None
    led = _led_into(lines[at], block) if at is not None else None
    return (at, led) if led is not None else (None, "")


def _record_starts(session: Session) -> list[int]:
    """The line each record of the session starts at: what may be right before a code block."""
    starts = []
    for block in session.blocks:
        starts.append(block.source.line)
        starts += [item.source.line for item in getattr(block, "items", ())]
        if isinstance(block, (Table, CodeBlock)):
            starts += range(block.source.line, block.source.line + len(block.lines) + 1)
    return starts


def _led_into(line: Asking, block: CodeBlock) -> str | None:
    """What a line asks with when it leads into the code block right after it (experiments.commands);
    a watchlist item leads into none: what it names is no run."""
    if line.kind is SectionKind.WATCHLIST:
        return None
    return leads_into(line.text, block.lines)


def _lines_of(block, session: SessionId) -> Iterator[Asking]:
    if isinstance(block, Section):
        yield Asking(block.name, block.source, session, block.kind, (), heading=True)
        plan_depth = None  # the depth of the item that names a part for next time, while under it
        for item in block.items:
            if plan_depth is not None and item.depth <= plan_depth:
                plan_depth = None
            yield Asking(item.text, item.source, session, block.kind, (), plan=plan_depth is not None)
            if plan_depth is None and names_next_time(item.text):
                plan_depth = item.depth
    elif isinstance(block, Field):
        yield Asking(f"{block.name}: {block.value}", block.source, session, None, ())
    elif isinstance(block, Note):
        yield Asking(block.text, block.source, session, None, ())
    elif not isinstance(block, QA):
        return


def _commands(block: CodeBlock, session: SessionId) -> Iterator[Asking]:
    """The commands of a code block, each a line of its own: a command that runs a script
    ("python ch04/train.py --lr 0.1  # max_epoch=10", then "# batch_size=20") asks for that run,
    with the settings of its arguments and of its comments; what it printed asks for nothing."""
    for offset, said in block_commands(block.lines):
        yield Asking(said, Source(block.source.path, block.source.line + offset), session, None, ())


def _rows(table: Table, session: SessionId) -> Iterator[Asking]:
    """The rows of a table that follows no line, each a line of its own: "8.3 | ran ``ch08/train.py``"."""
    for offset, row in enumerate(table.lines):
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if any(cell.strip("-: ") for cell in cells):  # not the delimiter row
            source = Source(table.source.path, table.source.line + offset)
            yield Asking(" | ".join(cells), source, session, None, (), row=True)


def _attach(line: Asking, block: Table | CodeBlock) -> Asking:
    tables = line.tables + (block,) if isinstance(block, Table) else line.tables
    return line._replace(attached=line.attached + tuple(block.lines), tables=tables)


def _with_rows(line: Asking) -> Iterator[Asking]:
    """The line, then each row of a table right after it, its cells read with their column's
    heading ("설정: `lr=0.5`, 에폭: 100, 퍼플렉서티: 3.9"): a row of results may be a run of its own."""
    yield line
    for table in line.tables:
        rows = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in table.lines]
        for offset, cells in enumerate(rows[1:], start=1):
            if any(cell.strip("-: ") for cell in cells):  # not the delimiter row
                text = ", ".join(f"{heading}: {cell}" if heading else cell
                                 for heading, cell in zip(rows[0], cells) if cell)
                source = Source(table.source.path, table.source.line + offset)
                yield Asking(text, source, line.session, line.kind, (), under=line.source)
