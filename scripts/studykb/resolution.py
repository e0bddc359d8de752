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
from .logseq import TASK_STATES
from .session_references import session_referred_to

# Where a comment starts: a dash between blanks or a Chinese one (``——``, written without
# them), an arrow, or a colon (an ASCII one followed by a blank or the end, as in a
# ``Name: value`` line).
COMMENT_RE = re.compile(r"\s+[—–-]{1,2}\s+|\s*——\s*|\s*(?:→|->|=>|⇒)\s*|:(?=\s|$)|：")
CLAUSE_END_RE = re.compile(r"[,;.!?，、；。！？()（）:：]|\s+[—–-]{1,2}\s+|——|→|->|=>|⇒")
# A word that turns a clause against the one before it.
CONTRAST_RE = re.compile(r"(?<![^\W\d_])(?:but|yet|however)(?![^\W\d_])|但是|但|可是|不过|하지만|그런데|그러나|けど|でも|しかし",
                         re.IGNORECASE)
STRUCK_RE = re.compile(r"^[\s*_]*~~(?=\S)(?P<struck>.+?)(?<=\S)~~")
# A task list's box (``[ ]``, ``[x]``, ``[✓]``) or an outliner's task marker (``TODO``,
# ``DONE``: logseq.py) before a line's words: ticked, it marks the item resolved, as striking
# it through does. A dropped task (``CANCELED``) keeps its marker: it is no task to do or done.
TASK_BOX_RE = re.compile(r"^[\s*_]*(?:\[(?P<mark>[ xX✓✔✅])\]|(?P<marker>"
                         + "|".join(m for m, state in TASK_STATES.items() if state != "dropped") + r"))\s+(?=\S)")
# When it was resolved, after the word that says so: ``resolved session 4``, ``got it in
# lesson 3``, ``understood on 12/10``, ``fixed (session 3)``, ``해결 (3회차)``, or the session
# the line is written in (``resolved today``, ``fixed (today)``, ``해결함 (오늘)``, ``解決（今日）``);
# no part of what follows the word.
WHEN = (r"(?:(?:in|on|at|since|by|during)\s+)?(?:(?:session|day|lesson|class|week|meeting)\s*#?\d+"
        r"|\d+\s*(?:회차|일차)|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?"
        r"|today|tonight|this\s+(?:session|lesson|class|time)"
        r"|오늘|이번\s*(?:세션|시간|수업)에?|今日|今天|本日|今回|这次)")
WHEN_AFTER_RE = re.compile(rf"\s+[(（]?\s*{WHEN}[\W_]*$", re.IGNORECASE)
WHEN_IN_PARENTHESES_RE = re.compile(rf"[(（]\s*(?P<when>{WHEN})\s*[)）]", re.IGNORECASE)
# A status that says an item is resolved only with when after it: ``— fixed in session 2``
# is, ``why the window is fixed`` is not.
DATED_STATUS = r"(?<![^\W_])(?:fixed|corrected|cleared up|sorted out|고침|고쳤음|고쳐짐|바로잡음)"
DATED_STATUS_RE = re.compile(rf"{DATED_STATUS}[\W_]*$", re.IGNORECASE)
DATED_STATUS_WORD_RE = re.compile(DATED_STATUS, re.IGNORECASE)
DATED_STATUS_ALONE_RE = re.compile(rf"(?:now\s+)?{DATED_STATUS}[\W_]*", re.IGNORECASE)  # a clause of a comment
AFTER_WORD_RE = re.compile(r"^[^\W\d_]{0,4}[\W_]*$")
"""What may follow the word at the end of a clause: the ending of a word written without
blanks (``해결됨``, ``解決した``), punctuation."""
WORDS_BEFORE = 2  # the words before the resolving word in which a negation undoes it
CJK_CHARS_BEFORE = 3  # in a run of Chinese or Japanese, the characters before it that may negate it
CJK_LETTER_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

# A note at the end of an item that says it is still open (``(still open)``, ``(still open,
# parked)``, ``(didn't revisit)``, ``(아직)``, ``(못 다룸)``, ``（まだ）``): the item's status, no part of what it asks.
STATUS_NOTE_RE = re.compile(r"\s*[(（]\s*(?:still|open|parked|pending|unresolved|not\s+yet|did(?:n['’]t|\s+not)\s+(?:revisit|get\s+to)"
                            r"|not\s+revisited|no\s+time|아직|여전히|미해결|못\s*다룸|まだ|未解決|触れられず"
                            r"|还|仍|未)(?![a-z])[^()（）]*[)）][\s.。]*$", re.IGNORECASE)

# An item that says there is none (``none today``, ``nothing new``, ``없음``, ``特になし``, ``无``):
# it flags nothing, and what its comment says is resolved is (``none today — dropout placement
# finally clicked``).
NOTHING_RE = re.compile(r"(?:none|nothing(?:\s+new)?|n/a|no\s+(?:confusions?|questions?|new\s+ones?))"
                        r"(?:\s+(?:today|tonight|this\s+time|now|so\s+far))?"
                        r"|(?:오늘은?\s*)?(?:없음|없다|없어요|없습니다)|(?:今日は)?(?:特に)?なし|(?:今天)?(?:无|没有|暂无)",
                        re.IGNORECASE)

Span = tuple[int, int]


def is_ticked(box: re.Match | None) -> bool:
    """Whether a task box (TASK_BOX_RE's match) says done: ``[x]``, ``DONE``."""
    if box is None:
        return False
    return TASK_STATES[box["marker"]] == "done" if box["marker"] else bool(box["mark"].strip())


def item_span(text: str) -> Span:
    """Where ``text`` names its item: the text before its first comment, after its task
    box (``[ ] stateful 가 뭔지``)."""
    box = TASK_BOX_RE.match(text)
    start = box.end() if box else 0
    comment = first_comment(text[start:])
    return trimmed(text, start, start + comment.start() if comment else len(text))


def without_status_note(text: str) -> str:
    """``text`` without the note at its end that says it is still open."""
    return STATUS_NOTE_RE.sub("", text)


def resolved_item(text: str, labels: Labels) -> Span | None:
    """Where a watchlist line names the item it marks resolved; None if it marks none."""
    span = _resolved_span(text, labels)
    return span if span and any(c.isalnum() for c in text[span[0]:span[1]]) else None


def names_nothing(text: str) -> bool:
    """Whether a watchlist line's item says there is none (``none today — …``, ``없음``)."""
    start, end = item_span(text)
    return NOTHING_RE.fullmatch(text[start:end].strip(" .。!！")) is not None


def _resolved_span(text: str, labels: Labels) -> Span | None:
    struck = STRUCK_RE.match(text)
    if struck:
        return struck.span("struck")
    comment = first_comment(text)
    if comment and names_nothing(text):  # ``none today — X finally clicked``: X
        named = prose_resolution(text[comment.end():], labels)
        return (named[0] + comment.end(), named[1] + comment.end()) if named else None
    if is_ticked(TASK_BOX_RE.match(text)):  # ``[x] offset 이유 → ...``: a ticked box
        return item_span(text)
    start, end = item_span(text)
    comment = first_comment(text)
    if comment and (_comment_says_resolved(text[comment.start():], labels)
                    or _comment_opens_resolved(text[comment.end():], labels)):
        return start, end
    if comment and is_resolving_word(text[start:end], labels):  # ``Resolved: PMI vs PPMI``
        return trimmed(text, comment.end(), len(text))
    word = _ending_word(text[start:end], labels)
    if word is not None and word > 0:
        return trimmed(text, start, start + word)
    return None


def first_comment(text: str) -> re.Match | None:
    """Where a line's comment starts (its separator), if it has one after some text and
    outside parentheses and code (``slice (it's a scatter-add: `dW[idx] += dout`) — fixed``)."""
    for match in COMMENT_RE.finditer(text):
        if match.start() > 0 and not enclosed(text[:match.start()]):
            return match
    return None


def enclosed(before: str) -> bool:
    """Whether the text after ``before`` is inside a parenthesis or a code span it opened."""
    opened = before.count("(") + before.count("（") - before.count(")") - before.count("）")
    return opened > 0 or before.count("`") % 2 == 1


def _comment_says_resolved(comment: str, labels: Labels) -> bool:
    """Whether a clause of a comment ends in a resolving word, not negated, or is a status
    alone (``— fixed, she explained it back``)."""
    comment = WHEN_IN_PARENTHESES_RE.sub(r" \g<when>", comment)  # ``fixed (session 3)``: one clause
    clauses = [clause.strip() for clause in CLAUSE_END_RE.split(comment)]
    said = next((i for i, clause in enumerate(clauses) if _ending_word(clause, labels, dated=True) is not None
                 or DATED_STATUS_ALONE_RE.fullmatch(clause)), None)
    return said is not None and not _confused_after(" ".join(clauses[said + 1:]), labels)


def _confused_after(rest: str, labels: Labels) -> bool:
    """Whether what follows a resolving clause turns against it and says the confusion is
    still there: the word was the book's (``书上说下一节用负采样解决，但……不知道为什么``, ``the book
    says sampling solves it, but I don't know why``); ``resolved, still unsure about eps`` stays resolved."""
    turn = CONTRAST_RE.search(rest)
    return turn is not None and labels.confusion_re is not None \
        and labels.confusion_re.search(rest, turn.end()) is not None


# What may follow a resolving word that starts a comment: nothing, or how or what was worked out.
HOW_AFTER_RE = re.compile(r"\s*(?:$|(?:with|on|by|using|via|through|after|thanks|in|at|now|finally|why|how|what|when|that)(?![^\W_]))",
                          re.IGNORECASE)


def _comment_opens_resolved(comment: str, labels: Labels) -> bool:
    """Whether a comment starts with a resolving word and says only how after it (``0.75 power
    thing: sorted it out with numbers``, ``the zeroing — figured out why on paper``), with no
    word of a confusion that goes on (``understood in theory, unsure in practice``, ``got it
    wrong again``). ``— resolved the assign/add thing`` names what it resolves after the word."""
    clause = FINALLY_RE.sub("", CLAUSE_END_RE.split(comment.strip(" *_"), maxsplit=1)[0])
    word = labels.resolved_re.match(clause) if labels.resolved_re is not None else None
    if word is None or not HOW_AFTER_RE.match(clause[word.end():]):
        return False
    goes_on = (labels.negation_re, labels.persisting_re, labels.confusion_re)
    return not any(pattern is not None and pattern.search(comment) for pattern in goes_on)


def _ending_word(text: str, labels: Labels, dated: bool = False) -> int | None:
    """Where the resolving word that ends ``text`` starts; None if none ends it or a
    negation comes with it (before it, after it, or between the words of its phrase).
    In a comment (``dated``) a status with when after it is one too (``fixed in session 2``)."""
    if labels.resolved_re is None:
        return None
    undated = WHEN_AFTER_RE.sub("", text)
    last = DATED_STATUS_RE.search(undated) if dated and undated != text else None
    text = undated
    for last in labels.resolved_re.finditer(text) if last is None else ():
        pass
    if last is None or not AFTER_WORD_RE.match(text[last.end():]):
        return None
    before = words_before(text, last.start())
    between = " ".join(last[0].split()[1:-1])  # ``이제 확실히 알겠음``: words inside the phrase
    nearby = f"{before} {between} {text[last.end():]}"
    if labels.negation_re is not None and labels.negation_re.search(nearby):
        return None
    return last.start()


def words_before(text: str, at: int) -> str:
    """The words before ``at`` in which a negation undoes a resolving word: the last two, of
    which a run of Chinese or Japanese (written without blanks) only its last characters
    (``まだ`` of ``…件はまだ解決``, not ``ない`` of ``…効かない件は解消``)."""
    words = text[:at].split()[-WORDS_BEFORE:]
    if words and CJK_LETTER_RE.search(words[-1]):
        return words[-1][-CJK_CHARS_BEFORE:]
    return " ".join(words)


def is_resolving_word(text: str, labels: Labels) -> bool:
    """Whether ``text`` is a resolving word alone (``Resolved``, ``해결됨``, ``Got it!``), a
    sign before it or not (``✅ got it``, ``👍 이해함``): a sign says the same, it is no word."""
    return _ending_word(text, labels) == _first_word(text)


def ends_resolved(text: str, labels: Labels) -> bool:
    """Whether ``text`` ends in a resolving word, not negated (a status: ``这次分清楚了``, ``got it``)."""
    return _ending_word(text.strip(), labels) is not None


def _first_word(text: str) -> int:
    """Where the first letter or digit of ``text`` is (its length if none)."""
    return next((i for i, c in enumerate(text) if c.isalnum()), len(text))


def trimmed(text: str, start: int, end: int) -> Span:
    """``start``-``end`` without blanks, emphasis or an opening parenthesis at its edges."""
    while start < end and text[start] in " \t*_~":
        start += 1
    while end > start and text[end - 1] in " \t*_~([（,，":
        end -= 1
    return start, end


# Prose outside a watchlist: a tutor's notes or a learner's sentences that say a confusion
# is still there, or that it is over (labels.yml, ``marks:``).
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])\s*(?=\S)")
PROSE_CLAUSE_RE = re.compile(r"[,;!?，、；。！？()（）]|[.:](?=\s|$)|：|\s+[—–-]{1,2}\s+|→|->|=>|⇒")
# ``S. now keeps positive vs target straight``: keeping two things apart is knowing them apart.
KEPT_APART_RE = re.compile(r"(?<![a-z])(?:keeps?|kept|keeping|tells?)\s+(?P<item>\S.*?)\s+(?:straight|apart)\b",
                           re.IGNORECASE)


# A sentence that says only that what the one before it names is over: ``Finally.``,
# ``Done.``, ``So that one is done.``, ``That's settled.``, ``드디어 해결.``, ``これで完了。``
SETTLED_RE = re.compile(r"(?:(?:so|and|ok|okay)[,\s]+)?(?:(?:that|this|it)(?:\s+one)?(?:\s+is|'s)?\s+)?(?:now\s+)?"
                        r"(?:finally|done|settled|sorted|over)(?:\s+now)?|(?:그것도|이것도|이건)?\s*끝|これで完了|到此为止",
                        re.IGNORECASE)
# A word a settling sentence holds: what lets a line through to ``settles`` at all.
SETTLED_WORD_RE = re.compile(r"\b(?:finally|done|settled|sorted|over)\b|끝|これで完了|到此为止", re.IGNORECASE)
TAGS_AFTER_RE = re.compile(r"(?:\s+#[^\W\d][\w/-]*)+$")  # an outliner's tags after it: ``Resolved ✅ #ch4``
FINALLY_RE = re.compile(r"^(?:finally|at last|드디어|결국|마침내|이제|ようやく|やっと|终于)\s*", re.IGNORECASE)


def settles(sentence: str, labels: Labels) -> bool:
    """Whether a sentence says only that what the one before it names is over (``SETTLED_RE``,
    or a resolving word alone: ``Resolved.``, ``드디어 해결.``)."""
    sentence = TAGS_AFTER_RE.sub("", sentence.strip()).rstrip(" .。!！")
    return SETTLED_RE.fullmatch(sentence) is not None or is_resolving_word(FINALLY_RE.sub("", sentence), labels)


def settled_sentence(text: str, labels: Labels) -> Span | None:
    """Where a line names what a later sentence of it says only is over (``I did the shape
    check on the repeat node. So that one is done.``): the sentence before that one."""
    cut = sentences(text)
    return next((trimmed(text, *cut[i - 1]) for i in range(1, len(cut)) if settles(text[slice(*cut[i])], labels)), None)


def sentences(text: str) -> list[Span]:
    """``text`` cut at the ends of its sentences outside parentheses and code."""
    ends = [m for m in SENTENCE_END_RE.finditer(text) if not enclosed(text[:m.start()])]
    bounds = [0, *(i for m in ends for i in m.span()), len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def prose_reading(text: str, labels: Labels) -> tuple[Span | None, Span | None]:
    """Where a line of prose names the item it says is resolved, and where the one it says
    is still confused (``S. still mixes up X and Y``, ``아직도 X와 Y를 헷갈림``); each None if
    it says none. A line that says both is read as resolving."""
    if not _may_say_either(text, labels):
        return answered_back(text, labels), None  # most lines: no word of either
    resolves = prose_resolution(text, labels) or settled_sentence(text, labels)
    return (resolves, None) if resolves is not None else (None, _prose_confusion(text, labels))


# A line that says it answers an earlier question or confusion (``answers the question from
# Friday: …``, ``this answered yesterday's confusion``, ``금요일 질문에 대한 답``, ``火曜の疑問の答え``,
# ``周二问题的答案``): with when it was flagged, it resolves what was flagged then.
ANSWERS_BACK_RE = re.compile(
    r"(?<![^\W_])(?:answer(?:s|ed|ing)?|clear(?:s|ed)\s+up|settle[sd]?)\s+(?:[\w'’]+\s+){0,3}?(?:question|confusion|doubt)s?(?![^\W_])"
    r"|(?<![^\W_])answer\s+to\s+(?:[\w'’]+\s+){0,3}?(?:question|confusion|doubt)s?(?![^\W_])"
    r"|(?:질문|의문|궁금증|헷갈렸던\s*(?:것|거)|헷갈린\s*(?:것|거))(?:에\s*대한|의)\s*(?:답|해답)"
    r"|(?:疑問|質問|問い)(?:への|に対する|の)答え|(?:问题|疑问|困惑)的?(?:答案|解答)", re.IGNORECASE)


def answered_back(text: str, labels: Labels) -> Span | None:
    """Where a line that says it answers an earlier session's question names it (``answers the
    question from Friday``, its clause); None for a line that does not, or does not say when
    (``the book answers the question in 4.2.6``), or says it does not (``didn't answer …``)."""
    match = ANSWERS_BACK_RE.search(text)
    if match is None or _negated_before(text[:match.end()], match.start(), labels):
        return None
    clause = next((c for c in _clauses(text) if c[0] <= match.start() < c[1]), None)
    if clause is None or session_referred_to(text[slice(*clause)]) is None:
        return None
    return trimmed(text, *clause)


def _may_say_either(text: str, labels: Labels) -> bool:
    """Whether a line holds any word or mark that ``prose_reading`` reads: a resolving word, a
    dated status, keeping apart, a strike-through, a ticked box, or a ``persisting`` word."""
    return any(pattern is not None and pattern.search(text) for pattern in (
        labels.resolved_re, labels.persisting_re, DATED_STATUS_WORD_RE, KEPT_APART_RE, SETTLED_WORD_RE)) \
        or STRUCK_RE.match(text) is not None or TASK_BOX_RE.match(text) is not None


def _clauses(text: str) -> list[Span]:
    """Where each clause of ``text`` is, split at punctuation, a dash or an arrow."""
    bounds = [0, *(i for m in PROSE_CLAUSE_RE.finditer(text) for i in m.span()), len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def prose_resolution(text: str, labels: Labels) -> Span | None:
    """A resolving line's shapes (``X — got it now``, ``Got it: X``), or a resolving word
    before what it names: ``S. understood X``, ``no longer mixes up X``, ``keeps X straight``."""
    span = resolved_item(text, labels)
    if span is not None or labels.resolved_re is None:
        return span
    for start, end in _clauses(text):
        named = _clause_resolution(text, start, end, labels)
        if named is not None:
            return named
    return None


def _clause_resolution(text: str, start: int, end: int, labels: Labels) -> Span | None:
    """Where a clause names what it says is resolved: after the resolving word (``understood
    X``, ``keeps X straight``), or before the word that ends it (``前回の o と f の混同は解消``,
    ``이제 X 구분함``), a sentence of a longer line."""
    clause = text[start:end]
    kept = KEPT_APART_RE.search(clause)
    word = kept or labels.resolved_re.search(clause)
    if word is None or _negated_before(clause, word.start(), labels):
        return None
    named = trimmed(text, start + kept.start("item"), start + kept.end("item")) if kept \
        else trimmed(text, start + word.end(), end)
    ending = None if kept else _ending_word(clause, labels)
    if not any(c.isalnum() for c in text[named[0]:named[1]]) and ending:
        named = trimmed(text, start, start + ending)
    return named if any(c.isalnum() for c in text[named[0]:named[1]]) else None


def _prose_confusion(text: str, labels: Labels) -> Span | None:
    """Where a clause with a ``persisting`` word then a ``confusion`` word names what is
    confused: after the confusion word (``still mixes up X``), else between the two
    (``아직도 X를 헷갈림``). None where a later clause says it is over (``…, now clear``)."""
    if labels.confusion_re is None or labels.persisting_re is None:
        return None
    for start, end in _clauses(text):
        clause = text[start:end]
        still = labels.persisting_re.search(clause)
        confused = still and labels.confusion_re.search(clause, still.end())
        if not confused or _negated_before(clause, confused.start(), labels):
            continue
        if labels.now_re is not None and labels.now_re.search(text, start + confused.end()):
            return None
        after = trimmed(text, start + _word_end(clause, confused.end()), end)
        between = trimmed(text, start + _word_end(clause, still.end()), start + confused.start())
        return after if any(c.isalnum() for c in text[after[0]:after[1]]) else between
    return None


def _negated_before(clause: str, at: int, labels: Labels) -> bool:
    before = words_before(clause, at)
    return labels.negation_re is not None and labels.negation_re.search(before) is not None


def _word_end(text: str, at: int) -> int:
    """The end of the word ``at`` is in (``헷갈`` of ``헷갈림``)."""
    while at < len(text) and not text[at].isspace():
        at += 1
    return at
