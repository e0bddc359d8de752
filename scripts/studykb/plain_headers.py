"""Session starts written as plain lines, in a log none of whose headings or bold lines
opens a session: ``Session 14 — 3 Dec``, ``Day 3 – 2026-12-03``, ``3회차 (12/02)``,
``12月3日（水）``, each alone on its line after a blank line, with the session's lines
after it.

A plain line opens a session when it starts with a session word (``Session``, ``회차``)
and a number or a date, or starts with a date (a weekday or a short name such as ``Day
3`` before it at most); after the number or date comes nothing, a mark (``—``, ``:``,
``(``) or a number, never a word, so a sentence (``Session 14 went fine``, ``Dec 3 we
did CBOW``, ``In session 14 we …``) opens none. It is short and ends in no sentence mark.
"""
from __future__ import annotations

import re

from .diagnostics import Diagnostic, info
from .header_dates import FoundDate, find_date, find_month_day
from .header_lines import outside_code
from .labels import Labels
from .markup import BULLET_RE, FENCE_RE, HEADING_RE, THEMATIC_BREAK_RE
from .session_header import WEEKDAY_AFTER_RE, bold_line

# Longer than this, a line is prose, not a session's header.
LONGEST = 80
# The most words before a date that starts a session (``Day 3 –``, ``Mon``, ``Week 2 day 3``).
WORDS_BEFORE_DATE = 3
NUMBER_RE = re.compile(r"^\s*(?:#|no\.\s*)?\d+(?!\d)", re.IGNORECASE)
# What may follow a session's number or date: nothing, a mark or bracket, a number.
SEPARATED_RE = re.compile(r"^\s*(?:$|[^\w\s]|\d)")
SENTENCE_END = tuple(".?!。？！")
LINES_SHOWN = 8


def plain_start_lines(lines: list[str], labels: Labels) -> list[int]:
    """The numbers of the plain lines that open a session (the module's rule): each alone
    after a blank line (or a ``---``, or first in the file) with the session's lines after it."""
    found = [n for n, line in outside_code(lines) if _alone(lines, n) and opens_session(line, labels)]
    ends = [*(n - 1 for n in found[1:]), len(lines)]
    return [n for n, end in zip(found, ends) if any(line.strip() for line in lines[n:end])]


def near_starts(lines: list[str], labels: Labels) -> list[int]:
    """Lines outside code that begin as a session start does (a session word and a number,
    or a date) and open none: a sentence, or a line with no blank line before it."""
    return [n for n, line in outside_code(lines) if _plain(line) and _begins_like_a_start(line.strip(), labels)]


def opens_session(line: str, labels: Labels) -> bool:
    """Whether a plain line, alone on its line, is a session's header by its words."""
    text = line.strip()
    if not _plain(line) or len(text) > LONGEST or text.endswith(SENTENCE_END):
        return False
    word = labels.session_word_re.match(text)
    if word:
        rest = text[word.end():]
        number = NUMBER_RE.match(rest)
        if number is None and _date(text) is None and not word[0][:1].isdigit():
            return False
        return SEPARATED_RE.match(rest[number.end():] if number else rest) is not None
    date = _date(text)
    if date is None or len(text[:date.start].split()) > WORDS_BEFORE_DATE:
        return False
    after = text[date.end:]
    weekday = WEEKDAY_AFTER_RE.match(after)
    return SEPARATED_RE.match(after[weekday.end():] if weekday else after) is not None


def plain_start_note(path: str, starts: list[int]) -> list[Diagnostic]:
    """Said once, on the first: the log's sessions start at plain lines, not headings."""
    if not starts:
        return []
    shown = ", ".join(str(n) for n in starts[:LINES_SHOWN]) + (", …" if len(starts) > LINES_SHOWN else "")
    return [info(path, starts[0], f"session starts read from plain lines (no heading opens a session): "
                                  f"lines {shown}; a '## ' before each makes them headings")]


def _date(text: str) -> FoundDate | None:
    found = [d for d in (find_date(text), find_month_day(text)) if d is not None]
    return min(found, key=lambda d: d.start) if found else None


def _plain(line: str) -> bool:
    """A line that is no heading, list item, quote, table row, fence or bold line, and not
    indented as code."""
    text = line.strip()
    return bool(text) and len(line) - len(line.lstrip()) < 4 and not (
        HEADING_RE.match(line) or BULLET_RE.match(line) or FENCE_RE.match(line) or bold_line(line)
        or THEMATIC_BREAK_RE.match(line) or text[0] in ">|")


def _alone(lines: list[str], number: int) -> bool:
    """A line first in the file, or after a blank line or a thematic break."""
    before = lines[number - 2] if number > 1 else ""
    return not before.strip() or THEMATIC_BREAK_RE.match(before) is not None


def _begins_like_a_start(text: str, labels: Labels) -> bool:
    word = labels.session_word_re.match(text)
    if word:
        return NUMBER_RE.match(text[word.end():]) is not None or word[0][:1].isdigit()
    date = _date(text)
    return date is not None and date.start == 0
