"""Which part of a watchlist line names its item, and whether the line marks it resolved.

A watchlist line names a confusion, then perhaps comments on it after a dash, an arrow or
a colon (``PMI vs PPMI — still unsure``, ``teacher forcing vs greedy decoding → ok now,
only in training``): the part before is its *item*. A line marks its item resolved when it
starts struck through (``~~softmax vs sigmoid~~ got it now``) or with a ticked task box
(``[x] offset 이유 → …``), when a clause of its
comment ends in a word that says so (``— 이것도 해결``, ``→ ok now, ...``), when its
item does (``softmax vs sigmoid finally clear``), or when that word names the line
(``Resolved: PMI vs PPMI``); a negation next to the word undoes it (``— still not
resolved``). The words are the label table's (labels.py, ``marks:``).
"""
from __future__ import annotations

import re

from .labels import Labels

# Where a comment starts: a dash between blanks, an arrow, or a colon (an ASCII one
# followed by a blank or the end, as in a ``Name: value`` line).
COMMENT_RE = re.compile(r"\s+[—–-]{1,2}\s+|\s*(?:→|->|=>|⇒)\s*|:(?=\s|$)|：")
CLAUSE_END_RE = re.compile(r"[,;.!?，、；。！？()（）:：]|\s+[—–-]{1,2}\s+|→|->|=>|⇒")
STRUCK_RE = re.compile(r"^[\s*_]*~~(?=\S)(?P<struck>.+?)(?<=\S)~~")
# A task list's box (``[ ]``, ``[x]``, ``[✓]``) before a line's words: ticked, it marks the
# item resolved, as striking it through does.
TASK_BOX_RE = re.compile(r"^[\s*_]*\[(?P<mark>[ xX✓✔✅])\]\s+")
# When it was resolved, after the word that says so: ``resolved session 4``, ``got it in
# lesson 3``, ``understood on 12/10``; no part of what follows the word.
WHEN_AFTER_RE = re.compile(r"\s+(?:(?:in|on|at|since|by|during)\s+)?(?:(?:session|day|lesson|class|week|meeting)"
                           r"\s*#?\d+|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)[\W_]*$", re.IGNORECASE)
AFTER_WORD_RE = re.compile(r"^[^\W\d_]{0,4}[\W_]*$")
"""What may follow the word at the end of a clause: the ending of a word written without
blanks (``해결됨``, ``解決した``), punctuation."""
WORDS_BEFORE = 2  # the words before the resolving word in which a negation undoes it

Span = tuple[int, int]


def item_span(text: str) -> Span:
    """Where ``text`` names its item: the text before its first comment, after its task
    box (``[ ] stateful 가 뭔지``)."""
    box = TASK_BOX_RE.match(text)
    start = box.end() if box else 0
    comment = _comment(text[start:])
    return _trimmed(text, start, start + comment.start() if comment else len(text))


def resolved_item(text: str, labels: Labels) -> Span | None:
    """Where a watchlist line names the item it marks resolved; None if it marks none."""
    span = _resolved_span(text, labels)
    return span if span and any(c.isalnum() for c in text[span[0]:span[1]]) else None


def _resolved_span(text: str, labels: Labels) -> Span | None:
    struck = STRUCK_RE.match(text)
    if struck:
        return struck.span("struck")
    box = TASK_BOX_RE.match(text)
    if box and box["mark"].strip():  # ``[x] offset 이유 → ...``: a ticked box
        return item_span(text)
    start, end = item_span(text)
    comment = _comment(text)
    if comment and _comment_says_resolved(text[comment.start():], labels):
        return start, end
    if comment and is_resolving_word(text[start:end], labels):  # ``Resolved: PMI vs PPMI``
        return _trimmed(text, comment.end(), len(text))
    word = _ending_word(text[start:end], labels)
    if word is not None and word > 0:
        return _trimmed(text, start, start + word)
    return None


def _comment(text: str) -> re.Match | None:
    """Where a line's comment starts (its separator), if it has one after some text."""
    match = COMMENT_RE.search(text)
    return match if match and match.start() > 0 else None


def _comment_says_resolved(comment: str, labels: Labels) -> bool:
    """Whether a clause of a comment ends in a resolving word, not negated."""
    return any(_ending_word(clause.strip(), labels) is not None for clause in CLAUSE_END_RE.split(comment))


def _ending_word(text: str, labels: Labels) -> int | None:
    """Where the resolving word that ends ``text`` starts; None if none ends it or a
    negation comes with it (before it, after it, or between the words of its phrase)."""
    if labels.resolved_re is None:
        return None
    text = WHEN_AFTER_RE.sub("", text)
    last = None
    for last in labels.resolved_re.finditer(text):
        pass
    if last is None or not AFTER_WORD_RE.match(text[last.end():]):
        return None
    before = " ".join(text[:last.start()].split()[-WORDS_BEFORE:])
    between = " ".join(last[0].split()[1:-1])  # ``이제 확실히 알겠음``: words inside the phrase
    nearby = f"{before} {between} {text[last.end():]}"
    if labels.negation_re is not None and labels.negation_re.search(nearby):
        return None
    return last.start()


def is_resolving_word(text: str, labels: Labels) -> bool:
    """Whether ``text`` is a resolving word alone (``Resolved``, ``해결됨``, ``Got it!``)."""
    return _ending_word(text, labels) == len(text) - len(text.lstrip())


def _trimmed(text: str, start: int, end: int) -> Span:
    """``start``-``end`` without blanks, emphasis or an opening parenthesis at its edges."""
    while start < end and text[start] in " \t*_~":
        start += 1
    while end > start and text[end - 1] in " \t*_~([（,，":
        end -= 1
    return start, end
