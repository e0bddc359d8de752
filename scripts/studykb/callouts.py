"""Callouts other than questions, as parse.py reads them (qa_lines.py reads question ones).

A callout (``> [!kind] title`` and the quoted lines after it) is a block of its own: it
ends the part before it, whose list it never joins. One whose title names the watchlist
(``> [!warning] still confused``, ``> [!caution] Still unclear``, ``> [!note] 헷갈리는 것``)
flags a confusion: it is a watchlist part, its title the part's name, its body its items.
Any other (``[!note]``, ``[!tip]``, ``[!warning] Feed mini-batches in order``, a
``[!warning]`` without a title, which warns more often than it confesses) is a note, each
of its lines read as a note is.

A quote that is no callout and whose line opens with a part's name (Notion's callout ``> 💡
다음에 할 것: 6장 읽기``, ``> ❗ 헷갈림: sigmoid vs softmax``) is that line without its ``>``:
the part it names, as ``다음에 할 것: 6장 읽기`` is. Any other quote (``> 💡 목표: …``, a
fact's name) stays a note.
"""
from __future__ import annotations

import re

from . import quotes
from .labels import Labels
from .markup import BULLET_RE
from .model import SectionKind, Source
from .session_state import SessionState

# ``Name: value`` inside a quote: an ASCII colon needs a blank after it, a full-width one does not.
NAMED_RE = re.compile(r"^(?P<name>[^:：`]{1,60})(?::\s|：)\s*\S")


def read_callout(entry: SessionState, body: list[str], i: int, source: Source) -> int:
    """The callout that ``body[i]`` opens, up to a bare ``>`` or the quote's end; how many
    lines it used (0: ``body[i]`` opens none)."""
    found = quotes.callout(quotes.quoted(body[i]) or "")
    if found is None:
        return 0
    texts = [quotes.quoted(line) or "" for line in body[i:i + quotes.quote_length(body, i)]]
    end = texts.index("", 1) if "" in texts[1:] else len(texts)
    lines = [(text, Source(source.path, source.line + k)) for k, text in enumerate(texts[:end])]
    if flags_confusion(found, entry.labels):
        _read_watchlist(entry, found, lines)
    else:
        for k, (text, at) in enumerate(lines):
            entry.add_note(body[i + k].strip(), at)
    return end


def flags_confusion(found: quotes.Callout, labels: Labels) -> bool:
    """Whether a callout's body is what the learner is confused by: its title says so."""
    return bool(found.title) and labels.part_kind(found.title) is SectionKind.WATCHLIST


def _read_watchlist(entry: SessionState, found: quotes.Callout, lines: list[tuple[str, Source]]) -> None:
    """The title line names the part; each paragraph or bullet of the body is an item, a
    paragraph's lines joined as a wrapped line's are."""
    entry.end_part()
    entry.open_section(found.title, SectionKind.WATCHLIST, lines[0][1], 0, by_heading=True)
    paragraph: list[str] = []
    start = None
    for text, at in lines[1:]:
        bullet = BULLET_RE.match(text)
        if bullet or start is None:
            _add(entry, paragraph, start)
            paragraph, start = [bullet["text"] or "" if bullet else text], at
        else:
            paragraph.append(text)
    _add(entry, paragraph, start)
    entry.end_part()


def _add(entry: SessionState, paragraph: list[str], start: Source | None) -> None:
    if start is not None:
        entry.add_item(" ".join(paragraph).strip(), start, 0)


def line_of_a_part(line: str, labels: Labels) -> str:
    """A quoted line as it is read: without its ``>`` when it names a part and goes on
    (``> 💡 다음에 할 것: 6장 읽기``), else as written."""
    text = quotes.quoted(line) or ""
    named = NAMED_RE.match(text)
    return text if named and labels.label_part_kind(named["name"]) is not None else line
