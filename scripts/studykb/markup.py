"""Inline Markdown structure the stages need: code spans, found in linear time, wikilinks
(``[[Note]]``, ``[[Note|shown]]``, ``[[Note#heading]]``), and the cells of a table's rows.

A regular expression such as ``(`+)(.+?)\\1`` rescans the rest of the line for
every unmatched backtick, which is quadratic on a long line full of them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

BACKTICKS_RE = re.compile(r"`+")
# A log's title (``# Deep Learning from Scratch 2``).
TITLE_RE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")
# A heading, a list item (its indent, marker and text) and a separator (``---``, ``***``,
# ``___``, blanks between allowed), as a session's lines are read.
HEADING_RE = re.compile(r"^ {0,3}#{1,6}\s+(?P<name>.*?\S)\s*#*\s*$")
BULLET_RE = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)])(?:\s+(?P<text>.*)|$)")
THEMATIC_BREAK_RE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# A fenced code block's opening (or closing) line: ``` or ~~~ and the info string.
FENCE_RE = re.compile(r"^ *(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# Obsidian's link to a note: ``[[target]]``, ``[[target#heading]]``, ``[[target|alias]]``.
# Bounded lengths keep it linear on a line full of unmatched brackets.
WIKILINK_RE = re.compile(r"\[\[(?P<target>[^\[\]|#]{1,200})(?:#(?P<heading>[^\[\]|]{0,200}))?"
                         r"(?:\|(?P<alias>[^\[\]]{0,200}))?\]\]")
# A line of Obsidian tags and nothing else: ``#dlfs2 #ch4 #word2vec`` (``# Title`` is a heading).
TAG_LINE_RE = re.compile(r"^#[^\s#]+(?:\s+#[^\s#]+)*$")
TABLE_DASH = " — "
"""What the item a table's row is read as (tables.py) puts between its cells."""


@dataclass(frozen=True, slots=True)
class CodeSpan:
    start: int
    end: int
    fence: str
    inner: str

    @property
    def markdown(self) -> str:
        return f"{self.fence}{self.inner}{self.fence}"

    @property
    def shown(self) -> str:
        """The code as CommonMark shows it: one blank taken off each side where both sides
        have one and the code is not all blanks (`` `` `x` `` ``), any other padding kept
        (`` `16+75  ` `` shows its two trailing blanks)."""
        inner = self.inner
        if len(inner) >= 2 and inner[0] == inner[-1] == " " and inner.strip(" "):
            return inner[1:-1]
        return inner


def tags_of(line: str) -> tuple[tuple[int, str], ...] | None:
    """The tags of a line that is nothing but tags (``#dlfs2 #ch4``), each with where it
    starts in the line and its ``#``; None for any other line."""
    if TAG_LINE_RE.match(line.strip()) is None:
        return None
    return tuple((m.start(), m[0]) for m in re.finditer(r"\S+", line))


@dataclass(frozen=True, slots=True)
class WikiLink:
    start: int
    end: int
    target: tuple[int, int]  # where the note's name is, blanks around it left out
    name: str
    heading: str
    alias: str

    @property
    def shown(self) -> str:
        """What Obsidian shows for it: the alias, else the name (and ``› heading``)."""
        if self.alias.strip():
            return self.alias.strip()
        return f"{self.name} › {self.heading.strip()}" if self.heading.strip() else self.name


def wikilinks(text: str, spans: tuple[CodeSpan, ...] | None = None) -> tuple[WikiLink, ...]:
    """The wikilinks of ``text`` outside its code spans (``spans``, where the caller has them)."""
    if "[[" not in text:
        return ()
    spans = code_spans(text) if spans is None else spans
    found = []
    for match in WIKILINK_RE.finditer(text):
        if any(s.start < match.end() and match.start() < s.end for s in spans):
            continue
        name = match["target"].strip()
        if not name:
            continue
        start = match.start("target") + len(match["target"]) - len(match["target"].lstrip())
        found.append(WikiLink(match.start(), match.end(), (start, start + len(name)), name,
                              match["heading"] or "", match["alias"] or ""))
    return tuple(found)


def code_spans(text: str) -> tuple[CodeSpan, ...]:
    """Code spans as CommonMark reads them: a run of n backticks up to the next run of exactly n.

    A run with no later run of its length is plain text, and so is a backtick escaped
    with a backslash (``\\```): it opens nothing. Each run looks up the next run of its
    length among the runs of that length, so the line is read once.
    """
    if "`" not in text:
        return ()  # most lines
    runs = [m.span() for m in BACKTICKS_RE.finditer(text)]
    of_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        of_length.setdefault(end - start, []).append(index)
    spans, i = [], 0
    while i < len(runs):
        start, end = runs[i]
        if _escaped(text, start):
            start += 1
        same = of_length.get(end - start, [])
        k = bisect_right(same, i)
        if start == end or k == len(same):
            i += 1
            continue
        j = same[k]
        close_start, close_end = runs[j]
        spans.append(CodeSpan(start, close_end, text[start:end], text[end:close_start]))
        i = j + 1
    return tuple(spans)


def _escaped(text: str, position: int) -> bool:
    """Whether an odd number of backslashes stands right before ``position``."""
    backslashes = 0
    while position - backslashes > 0 and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def replace_code_spans(text: str, replace, spans: tuple[CodeSpan, ...] | None = None) -> str:
    """``text`` with each code span replaced by ``replace(span)``; ``spans``: its code spans,
    where the caller has them already."""
    out, last = [], 0
    for span in code_spans(text) if spans is None else spans:
        out.append(text[last:span.start])
        out.append(replace(span))
        last = span.end
    out.append(text[last:])
    return "".join(out)


def row_text(row: list[str], columns: tuple[int, ...]) -> tuple[str, dict[int, int]]:
    """A row's item text, its non-empty cells in ``columns`` order (then any cells beyond
    the header's) joined by dashes, and where each of those cells starts in it."""
    order = (*columns, *range(len(columns), len(row)))
    parts: list[str] = []
    starts: dict[int, int] = {}
    at = 0
    for k in order:
        if k < len(row) and row[k]:
            starts[k] = at
            parts.append(row[k])
            at += len(row[k]) + len(TABLE_DASH)
    return TABLE_DASH.join(parts), starts


CELL_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


# A bar that divides a row's cells: not one written ``\|``, which is the cell's own.
UNESCAPED_BAR_RE = re.compile(r"(?<!\\)\|")


def table_cells(row: str) -> list[tuple[int, str]]:
    """The cells of a table row (``| a | b |``), each as where its text starts in the row and
    the text; ``\\|`` in a cell is a bar of its text, as GitHub reads it."""
    start = len(row) - len(row.lstrip())
    inner = row.strip()
    start += len(inner) - len(inner.lstrip("|"))
    found = []
    body = inner.lstrip("|") if inner.endswith("\\|") else inner.strip("|")
    for cell in UNESCAPED_BAR_RE.split(body):
        found.append((start + len(cell) - len(cell.lstrip()), cell.strip()))
        start += len(cell) + 1
    return found


def cell_lines(cell: str) -> list[tuple[int, int]]:
    """Where each line of a table cell is in it, as ``(start, end)``, its blanks left out: a
    ``<br>`` (``<br/>``, ``<br />``) outside code breaks a cell's line, as GitHub and Obsidian show it."""
    codes = code_spans(cell)
    breaks = [m.span() for m in CELL_BREAK_RE.finditer(cell) if not any(c.start <= m.start() < c.end for c in codes)]
    out = []
    for start, end in zip([0, *(e for _, e in breaks)], [*(b for b, _ in breaks), len(cell)]):
        piece = cell[start:end]
        out.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
    return out


def is_delimiter_row(row: list[str]) -> bool:
    """``|---|:---:|``: the row under a table's header."""
    return bool(row) and all(cell and set(cell) <= set("-: ") for cell in row)
