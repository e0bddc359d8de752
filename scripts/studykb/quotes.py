"""Blockquotes and callouts of a log: which lines are quoted, and what a callout is.

Obsidian and GitHub write a callout as a blockquote whose first line names its kind:
``> [!question] Why p^0.75?`` then ``> So rare words are picked more often.``. A
question callout (``question``, ``faq``, ``help``) is a question and its answer; any
other (``note``, ``tip``, ``warning``, ...) is a note with its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?(?P<text>.*)$")
CALLOUT_RE = re.compile(r"^\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?(?:\s+(?P<title>.*\S))?\s*$")
QUESTION_CALLOUTS = frozenset({"question", "faq", "help"})


@dataclass(frozen=True, slots=True)
class Callout:
    kind: str  # lower-case: ``question``, ``note``, ...
    title: str  # what follows the marker on its line, perhaps ""

    @property
    def asks(self) -> bool:
        return self.kind in QUESTION_CALLOUTS


def quoted(line: str) -> str | None:
    """The text of a blockquote line without its ``>``; None for a line that is no quote."""
    match = QUOTE_RE.match(line)
    return match["text"].strip() if match else None


def callout(text: str) -> Callout | None:
    """The callout a quote's first line opens (its text without ``>``), if it opens one."""
    match = CALLOUT_RE.match(text)
    return Callout(match["kind"].lower(), match["title"] or "") if match else None


def quote_length(lines: list[str], i: int) -> int:
    """How many lines from ``lines[i]`` on are quoted: the blockquote that starts there."""
    j = i
    while j < len(lines) and quoted(lines[j]) is not None:
        j += 1
    return j - i
