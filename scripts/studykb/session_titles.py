"""What titles a session whose header names nothing but its date: the chapter note its text
links (``Started [[Chapter 4 - word2vec speedup]]``, as Obsidian daily notes do), or else its
first line when that line names a chapter or section (``4.2: multi-class → binary``,
``started ch4 (word2vec speed-up)``, ``5장 RNN 시작``, ``第4章``). Such a first line is the
session's topic: it goes under Topics when the session has no topics part."""
from __future__ import annotations

import re

from .labels import Labels
from .markup import wikilinks
from .model import QA, Field, Item, Note, Section, SectionKind
from .time_lines import is_study_time

# A note's title that names a chapter: ``Chapter 4 - word2vec speedup``, ``Ch. 5``, ``5장 RNN``, ``第5章``.
CHAPTER_NOTE_RE = re.compile(r"^(?:chapter|ch\.?)\s*\d+(?!\w)|^제?\s*\d+\s*장|^第\s*[\d一二三四五六七八九十]+\s*章",
                             re.IGNORECASE)
# A book's section number, or a range of them: ``4.2``, ``4.2.6-4.2.7`` (not ``0.75``, not a date).
_SECTION = r"[1-9]\d?(?:\.\d{1,2})+(?:\s*[-–~]\s*\d{1,2}(?:\.\d{1,2})*)?(?![\d.]*\d)"
# A chapter or section a line names: ``ch4``, ``Ch. 5``, ``chapter 5``, ``section 4.2``, ``§4.2``,
# a section number, ``5장``, ``제5장``, ``4.2절``, ``第4章``, ``4章``, ``4.2節``.
_NAMED = (rf"(?:chapter|chap\.?|ch\.?|section|sec\.?|§)\s*(?:{_SECTION}|\d{{1,2}}(?!\w))|{_SECTION}[절節]?"
          r"|제?\s*\d{1,2}\s*[장절]|第?\s*[\d一二三四五六七八九十]{1,3}\s*[章節]")
# A first line that starts with one: at once, after one word (``started ch4``, ``오늘 5장``), or
# after words written without blanks (``今日は第4章``).
FIRST_LINE_RE = re.compile(rf"^(?:[^\W\d_]+\s+|[\u3040-\u30ff\u3400-\u9fff]+)?(?:{_NAMED})", re.IGNORECASE)
# Where a title taken from a line ends: a clause's end outside parentheses (``, re-read ch3``).
CLAUSE_END_RE = re.compile(r"[,;]\s|(?<!\d)\.\s|[，；。]|\s[—–]\s|\s-\s")
TITLE_CHARS = 60
# A first line this long, or with two sentence ends (a full stop after a word, not a section
# number's), is a paragraph of prose: it gives no title and stays where it is.
PROSE_CHARS = 160
PROSE_SENTENCE_RE = re.compile(r"(?<=[^\W\d_]|\))[.!?](?:\s|$)|[。！？]")


def linked_chapter(blocks: tuple) -> str:
    """The chapter a session's text links as a note (``Started [[Chapter 4 - word2vec
    speedup]]``), which titles a session whose header names none; "" if it links none."""
    return next((w.name for block in blocks for text in _texts(block) for w in wikilinks(text)
                 if CHAPTER_NOTE_RE.match(w.name)), "")


def first_line_topic(blocks: tuple, labels: Labels) -> tuple[str, tuple]:
    """The title a session's first line gives when it names a chapter or section, and the
    blocks with that line under Topics when no part of them is the topics (the line, and
    the items nested under it, once); ("", blocks) when the first line names none."""
    line = _first_line(blocks[0], labels) if blocks else None
    if line is None or not FIRST_LINE_RE.match(_plain(line)):
        return "", blocks
    if any(isinstance(b, Section) and b.kind is SectionKind.TOPICS for b in blocks):
        return title_of(line), blocks
    return title_of(line), (*_as_topics(blocks[0]), *blocks[1:])


def title_of(line: str) -> str:
    """A line cut to a title: its first clause (a comma or a dash outside parentheses ends
    it), without emphasis marks or a colon at its end, at most ``TITLE_CHARS`` characters."""
    text = _plain(line)
    end, depth = len(text), 0
    for i, char in enumerate(text):
        depth += (char in "(（[") - (char in ")）]")
        if depth <= 0 and CLAUSE_END_RE.match(text, i):
            end = i
            break
    text = text[:end].rstrip(" :：")
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _plain(line: str) -> str:
    """A line without its emphasis and code marks (``**§5.3** TimeRNN``)."""
    return re.sub(r"\*\*|__|`", "", line).strip()


def _first_line(block, labels: Labels) -> str | None:
    """The text of a session's first line when it is a line of no part: an item of a part
    without a name, a field of a name that is no known fact (``4.2: multi-class``), a note."""
    if isinstance(block, Section) and not block.name and block.kind is SectionKind.OTHER and block.items:
        text = block.items[0].text
    elif isinstance(block, Field) and labels.field_kind(block.name) is None:
        text = f"{block.name}: {block.value}"
    elif isinstance(block, Note) and not (block.resolves or block.flags or block.is_break):
        text = block.text
    else:
        return None
    return None if is_study_time(text, labels) or _prose(text) else text


def _prose(text: str) -> bool:
    """Whether a first line is a paragraph of prose rather than a topic: sentences go on after
    its first one (``8.4. Bidirectional LSTM encoder: one LSTM reads left to right. Then …``)."""
    return len(PROSE_SENTENCE_RE.findall(text)) >= 2 or len(text) > PROSE_CHARS


def _as_topics(block) -> tuple:
    """The first line's block as a topics part holding that line; a part's items after the
    line and its nested items stay a part without a name."""
    if isinstance(block, Section):
        first = block.items[0]
        n = 1 + next((i for i, item in enumerate(block.items[1:]) if item.depth <= first.depth),
                     len(block.items) - 1)
        rest = block.items[n:]
        topics = Section("", SectionKind.TOPICS, block.source, block.items[:n])
        return (topics, Section("", SectionKind.OTHER, rest[0].source, rest)) if rest else (topics,)
    text = f"{block.name}: {block.value}" if isinstance(block, Field) else block.text
    return (Section("", SectionKind.TOPICS, block.source, (Item(text, block.source),)),)


def _texts(block) -> list[str]:
    """The log text a block holds: a part's items, a field's value, a note's or a Q/A line's text."""
    if isinstance(block, Section):
        return [item.text for item in block.items]
    if isinstance(block, Field):
        return [block.value]
    return [block.text] if isinstance(block, (Note, QA)) else []
