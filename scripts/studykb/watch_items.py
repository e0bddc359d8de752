"""The items one watchlist line holds, each with whether the line marks it resolved.

A list's line is one item, unless it holds several apart with semicolons, each setting
two things against each other (``PMI vs PPMI; window size vs context size``), each asking
its own question (``why … is exactly y - t; why 0.75``, ``왜 …; 어떻게 …``) or naming a
thing without saying anything of it (``the backward pass through the repeat node (…)``);
a sentence with a semicolon is one (``Training loss alone is insufficient; validation is required``).
A table's cell has no bullets to hold its items apart: there a semicolon before the
comment ends an item (``why 0.75 (…); the second bottleneck — now OK``), and so does the
end of a sentence after one (``(N, T, D) layout — better but not automatic. LSTM: why …``).
Anywhere a word that says another item follows opens one (``… — fixed. New: the (N, T, D)
layout``, ``Also: …``, ``그리고 새로: …``, ``あと：…``, ``另外：…``). Each item is resolved
or flagged on its own: ``Analogy — fixed. New: X`` resolves the analogy item and flags X.

A line of prose that says something is resolved says it of a sentence, and may say it of
several: each of its sentences resolves what it names (``… context — resolved.``,
``第6回からの件はようやく解消。``), the whole line where none names an item; one that says only
that (``Resolved.``, ``Finally.``, ``So that one is done.``) resolves what the sentence before
it names; what it lists apart with semicolons (``Got it now: X vs Y; why Z``) is resolved each alone.
"""
from __future__ import annotations

import re

from .labels import Labels
from .resolution import (SENTENCE_END_RE, enclosed, ends_resolved, first_comment, item_span, prose_resolution,
                         resolved_item, sentences, settles, trimmed)

Span = tuple[int, int]
# A word, then a colon, that says another item follows, at the start of the line or of a
# sentence or clause: ``New:``, ``Also:``, ``Plus:``, ``새로:``, ``그리고 새로:``, ``추가:``,
# ``新たに：``, ``あと：``, ``另外：``, ``新的：``.
NEXT_ITEM_RE = re.compile(r"(?:^|(?<=[\s.;!?。；！？]))(?:(?:and\s+)?(?:new|also|plus|another)(?:\s+one)?"
                          r"|(?:그리고\s*)?(?:새로|새로운\s*것|추가로?|또한?)|新しく|新たに|新規|あと|それと"
                          r"|另外|还有|新的?|新增)\s*[:：]\s*", re.IGNORECASE)
ITEM_SEPARATOR_RE = re.compile(r"[;；]")
# A word that says something of what comes before it: a part with one is a sentence, not a name.
SAYS_RE = re.compile(r"(?<![^\W\d_])(?:is|are|was|were|be|been|has|have|had|does|do|did|can|could|should|must"
                     r"|will|would|need|needs|seems?)(?![^\W\d_])", re.IGNORECASE)
STATUS_WORDS = 5  # the most words of a comment that is a status, not an explanation
# An item that sets two things against each other: ``PMI vs PPMI``, ``윈도우 크기와 문맥 크기``,
# ``difference between X and Y``. A list's line splits at semicolons into such items only.
CONTRAST_RE = re.compile(r"\s(?:vs\.?|versus)\s|↔|<->|\bdifference between\b|\bmix(?:es|ed|ing)? up\b"
                         r"|\S(?:와|과|랑|이랑)\s+\S|\S[とや]\S|\S和\S|차이", re.IGNORECASE)

# An item that asks its own question (matched at its start): ``why …; why 0.75``, ``왜 …; 어떻게 …``,
# ``なぜ…``, ``为什么…``. A list's line splits at semicolons into such items too.
QUESTION_RE = re.compile(r"(?:why|how|what|where|when|which|whether)(?![^\W_])|왜|어떻게|무엇|어디|어느|언제|なぜ|どうして"
                         r"|どう|どこ|いつ|何|为什么|为何|怎么|如何|什么|哪", re.IGNORECASE)


def line_items(text: str, in_cell: bool, labels: Labels) -> list[tuple[Span, Span | None]]:
    """Where each item of a watchlist line is, with where it names one it marks resolved
    (None if it marks it not); [] where the line is one item."""
    whole = resolved_item(text, labels) is not None  # ``PMI vs PPMI; X vs Y — got it``: one resolved line
    pieces = [p for a, b in _after_next_item_words(text) for p in _pieces(text, a, b, in_cell, whole, labels)]
    if len(pieces) < 2:
        return []
    return [((a, b), _shifted(resolved_item(text[a:b], labels), a)) for a, b in pieces]


def _after_next_item_words(text: str) -> list[Span]:
    """``text`` cut where a word says another item follows, that word left out."""
    bounds, at = [], 0
    for match in NEXT_ITEM_RE.finditer(text):
        if not enclosed(text[:match.start()]):
            bounds.append((at, match.start()))
            at = match.end()
    return [s for s in (*bounds, (at, len(text))) if s[1] > s[0]]


def _pieces(text: str, start: int, end: int, in_cell: bool, resolved: bool, labels: Labels) -> list[Span]:
    if not in_cell:
        return [trimmed(text, start, end)] if resolved else _contrasts(text, start, end)
    pieces = []
    while start < end:
        cut = _cell_cut(text, start, end, labels)
        pieces.append(trimmed(text, start, cut[0] if cut else end))
        start = cut[1] if cut else end
    return [p for p in pieces if any(c.isalnum() for c in text[p[0]:p[1]])]


def _cell_cut(text: str, start: int, end: int, labels: Labels) -> Span | None:
    """Where an item of a cell ends: a semicolon before its comment, else the end of the
    sentence of a comment after a dash or an arrow that is a status (a few words, or one
    that says it is resolved: ``— better but not automatic.``); None if the rest is one item."""
    named_end = start + item_span(text[start:end])[1]
    for match in ITEM_SEPARATOR_RE.finditer(text, start, named_end):
        if not enclosed(text[start:match.start()]):
            return match.span()
    comment = first_comment(text[start:end])
    if comment is None or ":" in comment[0] or "：" in comment[0]:  # ``X: why. …``: one explanation
        return None
    for match in SENTENCE_END_RE.finditer(text, start + comment.end(), end):
        if not enclosed(text[start:match.start()]):
            said = text[start + comment.end():match.start()]
            if not (len(said.split()) <= STATUS_WORDS or resolved_item(text[start:match.start()], labels)):
                return None
            if not _goes_on(text[match.end():end], labels):
                return match.span()
    return None


# A sentence that goes on explaining the one before it: ``즉 …``, ``i.e. …``, ``つまり…``, ``也就是说…``.
GOES_ON_RE = re.compile(r"(?:that is|in other words|즉|다시 말해|つまり|すなわち|也就是说|换句话说|即)(?![^\W\d_])",
                        re.IGNORECASE)


SHORT_CHARS = 30  # the most characters of a sentence that only names a thing (``Y``, ``Beam search``)
NAME_BEFORE_COLON_RE = re.compile(r"^[^:：]{1,40}[:：]\s*")


def _goes_on(rest: str, labels: Labels) -> bool:
    """Whether the sentence that starts ``rest`` belongs to the item before it: it says only that
    the item is settled (``이제 이해됨``, ``Finally clicked.``, ``…を見て理解した``) or goes on explaining it
    (``즉 …``, ``구현에서 … 따로 적용하는 걸 보고 이해``), rather than asking a question of its own, setting
    two things against each other or naming a thing without saying anything of it (``Y``)."""
    cut = sentences(rest)
    first = (rest[slice(*cut[0])] if cut else rest).strip()
    if settles(first, labels) or ends_resolved(first, labels) or GOES_ON_RE.match(first):
        return True
    asks = "?" in first or "？" in first or QUESTION_RE.match(NAME_BEFORE_COLON_RE.sub("", first)) is not None
    names = len(first.split()) <= STATUS_WORDS and len(first) <= SHORT_CHARS and not SAYS_RE.search(first)
    return not (asks or names or CONTRAST_RE.search(first))


def _contrasts(text: str, start: int, end: int) -> list[Span]:
    """The items a list's line holds apart with semicolons, where each sets two things
    against each other; the whole (``start``-``end``) otherwise."""
    questions = _cut_at_semicolons(text, start, end)  # a question's comment may hold a dash (``y - t``)
    if len(questions) > 1 and all(QUESTION_RE.match(text, p[0]) for p in questions):
        return questions
    parts = _cut_at_semicolons(text, *(start + at for at in item_span(text[start:end])))
    if len(parts) < 2 or not all(_an_item(text[a:b]) for a, b in parts):
        return [trimmed(text, start, end)]
    return parts


def _cut_at_semicolons(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` cut at its semicolons outside parentheses and code."""
    cuts = [m.start() for m in ITEM_SEPARATOR_RE.finditer(text, start, end) if not enclosed(text[start:m.start()])]
    bounds = [start, *(b for cut in cuts for b in (cut, cut + 1)), end]
    return [trimmed(text, bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _an_item(part: str) -> bool:
    """Whether a part of a list's line apart with semicolons is an item of its own: it sets
    two things against each other, asks a question, or is an English name with nothing said
    of it outside its brackets (``the attention backward pass through the repeat node (…)``)."""
    if CONTRAST_RE.search(part) or QUESTION_RE.match(part):
        return True
    bare = re.sub(r"\([^()]*\)|（[^（）]*）", "", part)
    return bare.isascii() and SAYS_RE.search(bare) is None and not SENTENCE_END_RE.search(bare.strip())


def _shifted(span: Span | None, by: int) -> Span | None:
    return (span[0] + by, span[1] + by) if span else None


def resolved_parts(text: str, resolves: Span, labels: Labels) -> list[Span]:
    """Where a line that marks something resolved (``resolves``, as parse read it) names each
    item it does: each sentence's, where it has several, else ``resolves``; split at its
    semicolons."""
    if resolves[1] > len(text):  # a span of the text parse read, not of this line's
        return [resolves]
    cut = [p for a, b in sentences(text) if (p := trimmed(text, a, b))[1] > p[0]]
    found = [part for i in range(len(cut)) if (part := _sentence_resolution(text, cut, i, labels))]
    return [piece for a, b in (found if len(cut) > 1 and found else [resolves])
            for piece in _cut_at_semicolons(text, a, b)]


def _sentence_resolution(text: str, cut: list[Span], at: int, labels: Labels) -> Span | None:
    """Where sentence ``at`` names what it says is resolved: the sentence before it where it
    says nothing else (``Finally.``)."""
    start, end = cut[at]
    if at and settles(text[start:end], labels):
        return cut[at - 1]
    return _shifted(prose_resolution(text[start:end], labels), start)


# What sets the two sides of an item against each other, the plainest first: ``PMI vs
# PPMI``, ``“梯度裁剪”和“权重衰减”``, ``c 和 h``, ``윈도우 크기와 문맥 크기``, ``PMIとPPMI``;
# an English "and" or "with" only after a phrase that says so (``difference between PMI and
# PPMI``, ``mixes up X with Y``), not in ``gives terrible ppl with this model``.
SIDES_RES = (re.compile(r"\s+(?:vs\.?|versus)\s+|\s*(?:↔|<->)\s*", re.IGNORECASE),
             re.compile(r"\s*(?:和|与|與|跟)\s*|(?<=\S)(?:와|과|랑|이랑)\s+|(?<=[^\s\u3040-\u309f])[とや](?=\S)"))
CONTRAST_PHRASE_RE = re.compile(r"\b(?:difference\s+between|mix(?:es|ed|ing)?\s+up|confus\w*|tell\s+apart)\s",
                                re.IGNORECASE)
AND_RE = re.compile(r"\s+(?:and|with)\s+", re.IGNORECASE)


def contrasted_sides(text: str, start: int, end: int) -> tuple[Span, Span] | None:
    """Where the two sides of an item (``text[start:end]``) are, split at the first word
    that sets them against each other (``SIDES_RES``, the plainest first); None if none does."""
    phrase = CONTRAST_PHRASE_RE.search(text, start, end)
    matches = [pattern.search(text, start, end) for pattern in SIDES_RES]
    matches.append(AND_RE.search(text, phrase.end() - 1, end) if phrase else None)
    for match in matches:
        if match and match.start() > start and match.end() < end:
            return (start, match.start()), (match.end(), end)
    return None
