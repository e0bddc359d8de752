"""How well a definition line says what its subject is, and the clause of it that does.

"언어 모델은 단어 나열에 확률을 부여하는 것" says what a language model is; "부정적 예는 …
분포에서 뽑는다" says how negative samples are drawn: both name their subject first, but the
second is a statement about it, kept only when the log has nothing better. A line that goes
on to another term ("…, CBOW는 맥락의 순서를 무시하고 …") defines its own only up to there.
"""
from __future__ import annotations

import re

from .concepts import JA_ZH_RE, KO_RE
from .vocabulary import normalise

# A Korean verb that says what a word means or is called: the ending of a definition.
KO_DEFINING_VERBS = ("뜻한다", "의미한다", "말한다", "가리킨다", "나타낸다", "라고 한다", "라 한다", "부른다")
# Where a clause of a line ends: a comma or semicolon and a blank, in any script.
CLAUSE_END_RE = re.compile(r"[,;，；、]\s*")
# Where a sentence ends: not at the point of a number ("0.75제곱").
SENTENCE_END_RE = re.compile(r"[.!?？。！](?=\s|$)|->|→|=>")
HANGUL_FINAL_N = 4  # ㄴ, as the final consonant of a Hangul syllable


def first_clause(text: str, other_terms: frozenset[str] | None) -> str:
    """The part of a definition line about its subject: up to a later clause whose subject
    is another term (``other_terms``, normalised; None: any subject) ("언어 모델은 …것, CBOW는
    …" -> "언어 모델은 …것"), else the line ("…끊고, 순전파의 흐름은 유지하는 방법이다" is one
    definition)."""
    own = _subject_and_particle(text)
    for comma in CLAUSE_END_RE.finditer(text, own.end("particle") if own else 0):
        other = _subject_and_particle(text[comma.end():])
        if other and (other_terms is None or normalise(other["subject"].strip("`*")) in other_terms):
            return text[:comma.start()].rstrip()
    return text


def _subject_and_particle(text: str) -> re.Match | None:
    """"언어 모델은 …", "エポックとは …", "困惑度是 …": a subject and its topic particle."""
    return KO_RE.match(text) or JA_ZH_RE.match(text)


def says_what_is_done(text: str) -> bool:
    """Whether a Korean definition line says what is done with its subject ("부정적 예는 …
    에서 뽑는다", "dW는 … 더한다") rather than what it is ("…하는 것", "…이다", "…을
    뜻한다"): after the topic particle 은/는, its first sentence ends in an action verb in
    the present (…ㄴ다, …는다). "NAME: …" and "NAME이란 …" define whatever their verb."""
    own = KO_RE.match(text)
    if own is None or own["particle"] not in ("은", "는"):
        return False  # "NAME: 고른다", "NAME이란 …" are said as definitions
    sentence = SENTENCE_END_RE.split(first_clause(text, None), maxsplit=1)[0].rstrip(" .")
    if not sentence.endswith("다") or len(sentence) < 2 or sentence.endswith(KO_DEFINING_VERBS):
        return False
    before = sentence[-2]
    return before == "는" or ("가" <= before <= "힣" and (ord(before) - 0xAC00) % 28 == HANGUL_FINAL_N)
