"""What titles a session whose header names nothing but its date: the chapter note its text
links (``Started [[Chapter 4 - word2vec speedup]]``, as Obsidian daily notes do)."""
from __future__ import annotations

import re

from .markup import wikilinks
from .model import QA, Field, Note, Section

# A note's title that names a chapter: ``Chapter 4 - word2vec speedup``, ``Ch. 5``, ``5장 RNN``, ``第5章``.
CHAPTER_NOTE_RE = re.compile(r"^(?:chapter|ch\.?)\s*\d+(?!\w)|^제?\s*\d+\s*장|^第\s*[\d一二三四五六七八九十]+\s*章",
                             re.IGNORECASE)


def linked_chapter(blocks: tuple) -> str:
    """The chapter a session's text links as a note (``Started [[Chapter 4 - word2vec
    speedup]]``), which titles a session whose header names none; "" if it links none."""
    return next((w.name for block in blocks for text in _texts(block) for w in wikilinks(text)
                 if CHAPTER_NOTE_RE.match(w.name)), "")


def _texts(block) -> list[str]:
    """The log text a block holds: a part's items, a field's value, a note's or a Q/A line's text."""
    if isinstance(block, Section):
        return [item.text for item in block.items]
    if isinstance(block, Field):
        return [block.value]
    return [block.text] if isinstance(block, (Note, QA)) else []
