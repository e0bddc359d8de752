"""Fenced code blocks, found as CommonMark finds them in a log's lines.

A fence opens on a line of its own (`` ```python ``, ``~~~``, indented or not) or as the
text of a list item (``- ```python``, how Logseq and other outliners write code under a
bullet). Its code is the lines after it, up to the closing fence: the same character, at
least as many of it, and nothing else on the line. A fence opened at some indentation
belongs to the list item it is written in, and ends with that item: a line indented less
than the fence (a ``## Dec 9th`` header, the next bullet of the outline) is never its code,
whether or not the fence was closed. A closing fence written further left than its opening
one (`` ``` `` under ``  ```python``) still closes it, as its writer meant.

Each code line loses as many leading blanks as the fence is indented, so the code shows as
written under its bullet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The opening fence: its indent, a list item's marker before it (``- ```), and its info
# string, in which a backtick fence has no backtick (```` ```x``` ```` is a code span).
OPENING_RE = re.compile(r"^(?P<indent> *)(?:(?P<bullet>[-*+]|\d{1,9}[.)]) +)?"
                        r"(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")


@dataclass(frozen=True, slots=True)
class Fence:
    """An opening fence: its marker (`` ``` ``, ``~~~~``), info string, the column its
    marker starts at, and whether it is the text of a list item."""

    marker: str
    info: str
    column: int
    in_bullet: bool


@dataclass(frozen=True, slots=True)
class FencedBlock:
    """A fenced block: its opening fence, the index of its first line, its code (the lines
    after the opening, less the fence's indentation), the index of the first line after it,
    and whether a closing fence ended it (else the list item it is in ended it)."""

    fence: Fence
    start: int
    code: tuple[str, ...]
    end: int
    closed: bool


def opening(line: str) -> Fence | None:
    """The fence ``line`` opens, if it is one: alone or as a list item's text."""
    found = OPENING_RE.match(line)
    if found is None:
        return None
    return Fence(found["fence"], found["info"].strip(), found.start("fence"), found["bullet"] is not None)


def closes(line: str, marker: str) -> bool:
    """Whether ``line`` closes a fence opened with ``marker``: the same character, at least
    as many, and nothing else (blanks around it allowed)."""
    stripped = line.strip()
    return len(stripped) >= len(marker) and set(stripped) == {marker[0]}


def block_at(lines: list[str], start: int) -> FencedBlock | None:
    """The fenced block that opens at ``lines[start]``; None when no fence opens there, or
    when it runs to the end of ``lines`` unclosed from the left margin (a fence never closed,
    which fences nothing: its lines are text)."""
    fence = opening(lines[start])
    if fence is None:
        return None
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if closes(line, fence.marker):
            return FencedBlock(fence, start, _code(lines[start + 1:j], fence.column), j + 1, True)
        if line.strip() and _indent(line) < fence.column:  # the list item the fence is in ends
            return FencedBlock(fence, start, _code(lines[start + 1:j], fence.column), j, False)
    if fence.column:  # an item's fence the text ends: its code runs to the end
        return FencedBlock(fence, start, _code(lines[start + 1:], fence.column), len(lines), False)
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _code(lines: list[str], column: int) -> tuple[str, ...]:
    """The code lines, each less up to ``column`` leading blanks (CommonMark's rule)."""
    return tuple(line[min(column, _indent(line)):] for line in lines)
