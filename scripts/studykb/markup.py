"""Inline Markdown structure the stages need: code spans, found in linear time.

A regular expression such as ``(`+)(.+?)\\1`` rescans the rest of the line for
every unmatched backtick, which is quadratic on a long line full of them.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
import re

from .model import record

BACKTICKS_RE = re.compile(r"`+")


@record  # a frozen dataclass, built faster: the stages make one per code span
class CodeSpan:
    start: int
    end: int
    fence: str
    inner: str

    @property
    def markdown(self) -> str:
        return f"{self.fence}{self.inner}{self.fence}"


@lru_cache(maxsize=1 << 16)
def code_spans(text: str) -> tuple[CodeSpan, ...]:
    """Code spans as CommonMark reads them: a run of n backticks up to the next run of exactly n.

    Cached: every stage looks at the same lines (a pure function of an immutable string).
    A log holds about two and a half distinct lines with a backtick per session: room for
    some 25,000 sessions (a cache too small for the log misses on every stage's look).
    """
    if "`" not in text:
        return ()
    if "``" not in text:
        return _single_backtick_spans(text)
    return _spans_of_runs(text)


def _spans_of_runs(text: str) -> tuple[CodeSpan, ...]:
    """``code_spans`` in general: each run of backticks looks up the next run of its length."""
    runs = [(m.start(), m.end()) for m in BACKTICKS_RE.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans, i = [], 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        k = bisect.bisect_right(same, i)
        if k == len(same):
            i += 1
            continue
        j = same[k]
        close_start, close_end = runs[j]
        spans.append(CodeSpan(start, close_end, text[start:end], text[end:close_start]))
        i = j + 1
    return tuple(spans)


def _single_backtick_spans(text: str) -> tuple[CodeSpan, ...]:
    """``code_spans`` when every run is one backtick (most lines): each pairs with the next."""
    spans = []
    start = text.find("`")
    while start != -1:
        close = text.find("`", start + 1)
        if close == -1:
            break
        spans.append(CodeSpan(start, close + 1, "`", text[start + 1:close]))
        start = text.find("`", close + 1)
    return tuple(spans)


def replace_code_spans(text: str, replace) -> str:
    """``text`` with each code span replaced by ``replace(span)``."""
    if "`" not in text:
        return text  # most lines have no code span
    out, last = [], 0
    for span in code_spans(text):
        out.append(text[last:span.start])
        out.append(replace(span))
        last = span.end
    out.append(text[last:])
    return "".join(out)
