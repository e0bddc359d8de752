"""The log's own lines, outside its sessions: its title and free text before the first
session, and the lines from a heading above the session headings (``## Week 50``) to the
next session. Each non-blank line is a note, except fenced code, which is kept verbatim as
a code block (a ``# comment`` in it is code, not a heading), as it is inside a session.
"""
from __future__ import annotations

from .diagnostics import Diagnostic, info
from . import fences
from .markup import TITLE_RE
from .model import CodeBlock, Note, Source

FreeText = Note | CodeBlock


def preamble(path: str, lines: list[str]) -> tuple[str | None, list[FreeText]]:
    """The log's title (its first ``# Title`` outside code) and its lines before the first session."""
    blocks = free_text(path, lines, 1)
    title = next((m["title"] for b in blocks
                  if isinstance(b, Note) and (m := TITLE_RE.match(lines[b.source.line - 1]))), None)
    return title, blocks


def lines_of_the_log(path: str, lines: list[str], first: int, last: int,
                     diagnostics: list[Diagnostic]) -> list[FreeText]:
    """Lines ``first`` to ``last`` (1-based): from a heading above the session headings
    (``## Week 50``, ``## Running list``) to the next session; they are the log's, as its
    preamble is, and not a part of the session before them. A heading alone there only
    groups the sessions after it (``## 2027년 1월``): nothing of it needs saying."""
    heading = lines[first - 1].strip()
    if any(line.strip() for line in lines[first:last]):
        diagnostics.append(info(path, first, f"heading `{heading}` is above the session headings; its lines "
                                             "are kept with the log, not with the session before it"))
    return free_text(path, lines[first - 1:last], first)


def free_text(path: str, lines: list[str], first: int) -> list[FreeText]:
    """``lines``, the first of them line ``first`` of the file: a note per non-blank line,
    a code block per fenced block closed before they end (one never closed is notes)."""
    blocks: list[FreeText] = []
    i = 0
    while i < len(lines):
        block = fences.block_at(lines, i)
        if block is not None:
            blocks.append(CodeBlock(block.fence.marker, block.fence.info, block.code, Source(path, first + i)))
            i = block.end
            continue
        if lines[i].strip():
            blocks.append(Note(lines[i].strip(), Source(path, first + i)))
        i += 1
    return blocks
