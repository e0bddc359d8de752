"""A line of a session that is nothing but its study time (``studied 1h40``, ``~90 min``,
``공부 1시간 40분``): a bullet journal's way of writing its time log. Parse keeps such a line
out of the part above it; session_time.py reads it as the time log when nothing else is one.
In a paragraph of prose, a sentence that is only that says it too (``About 45 minutes
tonight.``, ``Spent 2 hours total, mostly waiting for the runs.``), as does a last clause
after a comma that is only a duration (``Implemented the decoder, about 1h30.``); not a
sentence about something else that took a while (``Training took 45 minutes.``)."""
from __future__ import annotations

import re

from .labels import Labels
from .timelog import DURATION_RE, in_digits

# What may stand before the duration: ``~``, ``≈``, ``about``, ``약``, ``約``, ``大约``.
ABOUT_RE = re.compile(r"^(?:[~≈～]|about|around|approx\.?|약|約|大约|大概)?\s*", re.IGNORECASE)
# What may come after it: nothing, or a remark after ``+``, a comma, a dash or in parentheses
# (``+ training in background``, ``(with breaks)``), which adds no time of its own.
REMARK_RE = re.compile(r"^\s*(?:$|[+＋,，;(（—–]|-\s)")
# Words after a duration that say it was the whole sitting: ``tonight``, ``total``, ``on it``.
WHOLE_RE = re.compile(r"^\s*(?:in total|total|tonight|today|this (?:morning|afternoon|evening)|on it|all told"
                      r"|오늘|今日)(?![^\W\d_])", re.IGNORECASE)
# Where a sentence of prose ends.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
# The last clause of a sentence, after a comma: ``…, about 1h30``.
LAST_CLAUSE_RE = re.compile(r"[,，]\s*(?P<clause>[^,，]+)$")


def is_study_time(text: str, labels: Labels) -> bool:
    """Whether ``text`` is a line that only says how long the session was: a study word or
    none, a duration, and nothing after it but a remark (``studied ~50 min + training in
    background``); not a line about something else that took a while (``epoch took 1m40s``,
    ``10 min video on attention``)."""
    text = in_digits(text.strip())
    word = labels.studying_re.match(text) if labels.studying_re is not None else None
    rest = ABOUT_RE.sub("", text[word.end():] if word else text, count=1)
    duration = DURATION_RE.match(rest)
    if duration is None or not (duration["h"] or duration["m"]):
        return False
    after = rest[duration.end():]
    whole = WHOLE_RE.match(after)
    return REMARK_RE.match(after[whole.end():] if whole else after) is not None


def study_time_sentences(text: str, labels: Labels) -> list[str]:
    """The sentences of a paragraph that only say how long the sitting was, each as the
    words that say it: ``About 45 minutes tonight.`` and ``…, about 1h30.`` in prose. A
    line that is one sentence is ``is_study_time``'s, and a sentence about a program's run
    (``…, about 40 min per epoch.``) says no study time."""
    sentences = [s.strip().rstrip(".!。！") for s in SENTENCE_END_RE.split(text.strip())]
    if len(sentences) < 2:
        return []
    found = []
    for sentence in sentences:
        clause = LAST_CLAUSE_RE.search(sentence)
        if is_study_time(sentence, labels):
            found.append(sentence)
        elif clause and ABOUT_RE.match(clause["clause"]).end() and is_study_time(clause["clause"], labels) \
                and not labels.times_a_run(sentence):
            found.append(clause["clause"])
    return found
