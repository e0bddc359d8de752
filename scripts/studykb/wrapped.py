"""Wrapped lines: where a line of a session goes on the one before it.

Markdown reads a line right after a list item, with no blank line and no marker of its
own, as more of that item (``- Difference between batch size and`` / ``updates per
epoch.``), indented or not, and a code span may run across the break (``- Ran it with
`window_size=5,`` / ``max_epoch=10```). parse.py reads such a line as part of the item
it continues, as Markdown shows it, so a wrapped watchlist item stays one item and a
wrapped code span keeps its settings.

Lines of plain text are different: many logs write one fact per line under a part's name
(``### What I learned`` and a line per thing learned), which Markdown would run together.
A plain line goes on only where the break is plainly inside a sentence: a code span open
across it, or a line in lower case that starts with a word no statement starts on ("of
PTB.", "and the loss layer") or follows a line that ends with a comma or a word no sentence
ends on ("and", "the", "between"), or one as long as an editor wraps at (60 columns or
more, a Korean, Japanese or Chinese character taking two) with no full stop at its end.

A line that starts something of its own never goes on another: a list item, a heading, a
table, a quote, code, a separator, a named line (``Time: 19:30``, ``**Watchlist**``), a
part's name alone, a quiz line (``A: ...``), or, unless it is indented to an item's text,
a line that opens with a sign (``✅ got it``, ``→ because ...``) or an equation (``c_t = …``). A name holds no full
stop: ``取り出す。例: 0.7 → 0.64`` is a sentence going on, not a named line.

Joined, the lines meet at a space, except between two Japanese or Chinese characters,
which are written without one (``取り出しているだけ。`` / ``だから…`` is one sentence):
Markdown renderers that know those scripts drop that line break. Korean, written with
spaces between words, keeps its space.
"""
from __future__ import annotations

import re
import unicodedata

from . import fences, logseq, quotes
from .labels import Labels
from .markup import BULLET_RE, FENCE_RE, HEADING_RE, THEMATIC_BREAK_RE, code_spans

# ``Name: value`` or ``**Name**``: a line of its own, as parse.py reads it; a name holds
# no full stop (``…やすくなる。例: 0.7`` and ``Ran it twice. Result: 2.3`` are sentences).
NAMED_RE = re.compile(r"^(?:\*\*|__)|^(?:(?![.!?]\s)[^:：`*\[\]。！？]){1,60}(?::(?=\s|$)|：)")
SENTENCE_END = tuple(".!?。！？…)]}\"'`»」』”’:;")
# Words a sentence does not end on: a line ending on one was cut in the middle.
CUT_WORDS = frozenset("""a an the and or but nor of to in on at by for from with without into than
    between vs versus is are was were be been that which who whose when where while because so as
    if not no its their our my your this these those each every both""".split())
LAST_WORD_RE = re.compile(r"([A-Za-z]+)$")
# Words a statement does not start on: a line starting with one goes on the line before.
JOINING_WORDS = frozenset("of and or nor than into onto from with without by via vs versus between".split())
FIRST_WORD_RE = re.compile(r"^([a-z]+)\b")
# A line this long that ends on no full stop was cut by an editor that wraps text (most
# wrap at 72 to 80 columns); a line of its own is rarely that long without one.
WRAP_WIDTH = 60
FULL_STOPS = tuple(".!?。！？")
# A line that opens with an equation (``c_t = f ⊙ c_{t-1} + g ⊙ i``, ``h = tanh(a)``) is one of
# its own, as a formula written line by line is, however long the line before it.
EQUATION_RE = re.compile(r"^[A-Za-z][\w^{}()\[\]',]{0,15}\s*=\s")


def continued(lines: list[str], i: int, labels: Labels) -> int:
    """How many lines after ``lines[i]`` go on it: none unless it is a list item or a line
    of text (a heading, code, a table, a quote or a separator goes on no line)."""
    bullet = BULLET_RE.match(lines[i])
    if THEMATIC_BREAK_RE.match(lines[i]) or bullet is None and _starts_a_block(lines[i]) \
            or fences.opening(lines[i]) or logseq.block_property(lines[i]):
        return 0  # ``- - -`` is a separator, no list item
    content_column = len(lines[i]) - len(bullet["text"] or "") if bullet and bullet["text"] else None
    # A plain item goes on as Markdown reads it; a named one (``- Time log: 19:00-20:00``)
    # as a line of text does.
    in_item = None if bullet and NAMED_RE.match(bullet["text"] or "") else bullet is not None
    paragraph = lines[i].strip()
    count = 0
    while i + count + 1 < len(lines):
        line = lines[i + count + 1]
        if not _goes_on(paragraph, lines[i + count], line, in_item, content_column, labels):
            break
        count += 1
        paragraph = _join(paragraph, line.strip())
    return count


def joined(lines: list[str]) -> str:
    """A line and the lines that go on it, as one line (a line break read as a space, or as
    nothing between Japanese or Chinese characters)."""
    text = lines[0].rstrip()
    for line in lines[1:]:
        text = _join(text, line.strip())
    return text


def _join(left: str, right: str) -> str:
    if left and right and _unspaced(left[-1]) and _unspaced(right[0]):
        return left + right
    return f"{left} {right}"


def _unspaced(char: str) -> bool:
    """Whether ``char`` is of a script written without spaces between words: a wide
    character (Japanese, Chinese, their punctuation), not Korean."""
    return unicodedata.east_asian_width(char) in ("W", "F") and not unicodedata.name(char, "").startswith("HANGUL")


def _goes_on(paragraph: str, previous: str, line: str, in_item: bool | None, content_column: int | None,
             labels: Labels) -> bool:
    text = line.strip()
    if not text or _starts_a_block(line):
        return False
    if _open_code_span(paragraph, text):
        return True
    # Indented to the item's text, a line is Markdown's continuation of it, whatever it opens
    # with (``  — why the offsets?``), unless it names a line of its own.
    indented = content_column is not None and len(line) - len(line.lstrip()) >= content_column
    if _names_its_own_line(text, labels) or not indented and _opens_with_a_sign(text) \
            or paragraph.endswith((":", "：")):
        return False
    if indented:
        return True
    if EQUATION_RE.match(text):
        return False
    lower = text[0].islower() or text[0] == "`"
    if in_item is None:  # a named item
        return lower
    if in_item:
        return lower or not paragraph.endswith(SENTENCE_END)
    return lower and (_cut(paragraph) or _joining(text)) or text[0].islower() and _hard_wrapped(previous)


def _starts_a_block(line: str) -> bool:
    return bool(BULLET_RE.match(line) or HEADING_RE.match(line) or FENCE_RE.match(line)
                or THEMATIC_BREAK_RE.match(line) or line.lstrip().startswith("|")
                or quotes.quoted(line) is not None or logseq.block_property(line) or logseq.planning(line))


def _opens_with_a_sign(text: str) -> bool:
    """``✅ got it``, ``→ because …``: a line of its own, unless indented under an item."""
    return not (text[0].isalnum() or text[0] in "`(\"'“‘")


def _names_its_own_line(text: str, labels: Labels) -> bool:
    """A named line, a part's name or a quiz line."""
    if NAMED_RE.match(text) or labels.alone_part_kind(text) is not None:
        return True
    return text[0] in labels.quiz_starts and (labels.qa_line_re.match(text) is not None
                                            or labels.split_quiz(text) is not None
                                            or labels.answer_text(text) is not None)


def _open_code_span(paragraph: str, text: str) -> bool:
    """Whether a code span opened in ``paragraph`` closes in ``text``."""
    if "`" not in text or "`" not in paragraph:
        return False
    break_at = len(paragraph)
    return any(span.start < break_at < span.end for span in code_spans(f"{paragraph} {text}"))


def _cut(paragraph: str) -> bool:
    """Whether a line of text stops in the middle of a sentence: on a comma, a dash or a sign
    between two terms (``+``, ``=``, ``/``), or a word no sentence ends on."""
    if paragraph.endswith((",", "、", "，", "+", "=", "-", "—", "–", "/", "&")):
        return True
    last = LAST_WORD_RE.search(paragraph)
    return last is not None and last[1].lower() in CUT_WORDS


def _joining(text: str) -> bool:
    """Whether a line starts on a word no statement starts on ("of PTB.", "and the loss")."""
    first = FIRST_WORD_RE.match(text)
    return first is not None and first[1] in JOINING_WORDS


def _hard_wrapped(previous: str) -> bool:
    """Whether a line was cut where an editor wraps text: long, and not ended by a full stop."""
    line = previous.strip()
    return _columns(line) >= WRAP_WIDTH and not line.endswith(FULL_STOPS)


def _columns(text: str) -> int:
    """How wide ``text`` is in an editor: Korean, Japanese and Chinese characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
