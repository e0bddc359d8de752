"""The chapters of the book a log line names, and which of them it is about.

A line names a chapter as "Ch02", "ch.3", "chapter 4", a path like ``ch04/train.py``, or
in Korean, Japanese or Chinese as "6장", "제6장", "챕터 6", "第6章", or by a section number
that opens the line ("6.1 RNN의 문제점", "Scope: 5.4~5.5 RNNLM"). A chapter named as what
comes later ("then ch.5", "a preview of ch.5", "next: chapter 7", "7장 시작 전에") is named,
but the line is not about it: it says nothing of what was studied there.
"""

from __future__ import annotations

import re

# No \b in front: Python's regex engine then looks for the pattern by its first letters,
# several times faster; a match inside a word ("each 1") is dropped after.
_LATIN = re.compile(r"ch(?:apters?)?[ .]?0?(\d{1,2})(?=\b|_|/)")
# "6장", "제6장", "챕터 6", "第6章", "6章": not the 6 of "5.6장" nor of "16장".
_CJK = re.compile(r"(?:제|第)?\s?(?<![\d.,])0?(\d{1,2})\s?(?:장|章)|챕터\s?0?(\d{1,2})(?!\d)")
_CJK_MARKS = ("장", "章", "챕터")
# A section number opening the line (after a label), before a range or a word that starts with a
# capital or in Hangul: "6.1 RNN", "5.2.3~5.3"; not "lr: 1.0" nor "loss: 1.75 at the end".
_SECTION = re.compile(r"^[\s*_-]*(?:[^:\d]{0,24}:\s*)?([1-9])\.[1-9]\d?(?:\.\d+)*(?=\s*[~–]\s*\d|\s+[A-Z가-힣])")

# Words right before a chapter that make it what comes later, and words right after it.
_LATER_BEFORE = re.compile(
    r"(?:\b(?:then|next|later|preview(?:ing)?(?: of)?|before|move (?:on )?to|moving (?:on )?to|on to|onto|"
    r"ahead to|until)|다음(?:에는|엔|은)?|이후|나중에)\W*$")
_LATER_AFTER = re.compile(r"^\S*\s*(?:\S+\s+){0,2}?(?:시작\s*)?(?:전에|전까지|예습|미리\s*보기)|^\s*(?:preview|next)\b")
_LOOKBACK = 24  # characters before a chapter read for the words that make it later


def chapters_named(text: str) -> tuple[int, ...]:
    """The chapters a line names, in order: "Ch02", "chapter 4", ``ch04/train.py``, "6장", "第6章"."""
    return tuple(dict.fromkeys(number for number, _, _ in _mentions(text, text.lower())))


def chapters_studied(text: str) -> tuple[int, ...]:
    """The chapters a line is about: those it names, less those it names as what comes later."""
    lowered = text.lower()
    mentions = _mentions(text, lowered)
    if not mentions:
        return ()
    return tuple(dict.fromkeys(number for number, start, end in mentions if not _named_as_later(lowered, start, end)))


def _mentions(text: str, lowered: str) -> list[tuple[int, int, int]]:
    """(chapter, start, end) of each chapter named in `text`, in order."""
    found = []
    if "ch" in lowered:
        found += [(int(m.group(1)), m.start(), m.end()) for m in _LATIN.finditer(lowered)
                  if not _in_word(lowered, m.start())]
    if not text.isascii() and any(mark in text for mark in _CJK_MARKS):
        found += [(int(m.group(1) or m.group(2)), m.start(), m.end()) for m in _CJK.finditer(text)]
    if not found:
        section = _SECTION.match(text)
        if section is None:
            return []
        found.append((int(section.group(1)), section.start(1), section.end()))
    return [mention for mention in sorted(found, key=lambda m: m[1]) if mention[0] > 0]


def _in_word(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")


def _named_as_later(lowered: str, start: int, end: int) -> bool:
    before = lowered[max(0, start - _LOOKBACK): start]
    return _LATER_BEFORE.search(before) is not None or _LATER_AFTER.search(lowered[end:]) is not None
