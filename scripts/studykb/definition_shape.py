"""How well a definition line says what its subject is, and the clause of it that does.

A Korean, Japanese or Chinese line names its subject before a particle ("에폭은 …", "학습률이란
…", "エポックとは …", "学习率是 …"). After a plain topic particle (은/는, は) the line may still
be a remark on the subject rather than what it is: "손실은 잘 떨어지는데 정답률은 느리게 오름"
(what happened to it, set against something else), "순전파는 끊지 않고 역전파만 끊는다" (what is
not done to it), "損失は下がったけど…"; such a line is no definition.

"언어 모델은 단어 나열에 확률을 부여하는 것" says what a language model is; "부정적 예는 …
분포에서 뽑는다" says how negative samples are drawn: both name their subject first, but the
second is a statement about it, kept only when the log has nothing better. A line that goes
on to another term ("…, CBOW는 맥락의 순서를 무시하고 …") defines its own only up to there.
"""
from __future__ import annotations

import re

from .vocabulary import normalise

# Korean, Japanese and Chinese: the subject ends where its particle begins. A Korean particle ends a word.
CJK = r"\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f"
CJK_SUBJECT = rf"(?:`[^`]+`|\*\*[^*]+\*\*|[^\s`*(（:：]{{1,20}}?(?: [^\s`*(（:：]{{1,20}}?){{0,2}})"
CJK_PAREN = r"(?:\s*[(（][^()（）]{1,40}[)）])?"
KO_RE = re.compile(rf"^(?P<subject>{CJK_SUBJECT})(?P<paren>{CJK_PAREN})"
                   r"(?P<particle>이라는 것은|이라 함은|이란|란|은|는)\s+(?P<rest>\S.*)$")
JA_ZH_RE = re.compile(rf"^(?P<subject>{CJK_SUBJECT})(?P<paren>{CJK_PAREN})"
                      r"(?P<particle>とは|是指|指的是|就是|は|是)[、,，\s]*(?P<rest>\S.*)$")
# Particles that say "X means": a subject nobody knew yet is a term after one of them, and
# whatever follows is said as what it is.
DEFINING_PARTICLES = frozenset({"이라는 것은", "이라 함은", "이란", "란", "とは", "是指", "指的是"})
# After a plain topic particle, a clause of cause makes the line a remark on a consequence, not
# what the subject is: "Peekyはパラメータが増えるので、公平な比較ではない", "Peeky는 파라미터가 늘기
# 때문에 공정한 비교가 아님", "因为…所以…".
CAUSE_RE = re.compile(r"(?:ので|から|ため)[、,，\s]|(?:니까|므로|때문에)[\s,，]|所以")
# A clause that sets its subject against something else ("…떨어지는데", "…빠르지만", "…下がるけど",
# "…速いが、"), the word before the ending kept to tell a copula ("…층이지만", "…층인데", "…層だが":
# what it is, then a contrast).
KO_CONTRAST_RE = re.compile(r"(\S)(는데|은데|지만|으나|데)(?=[\s,，(（]|$)")
JA_CONTRAST_RE = re.compile(r"(だ|です|である|\S)(けれども|けれど|けど|のに|ものの|が(?=[、,，]))")
COPULAS = frozenset({"이", "인", "だ", "です", "である"})
# What is not done to the subject: "순전파는 끊지 않고 …", "順伝播は切らずに …".
NEGATED_RE = re.compile(r"지\s*(?:않|말)(?:고|으며|아서|은\s*채|는데)|(?:ず|ないで)(?:に|[、,，\s])")
# What happened to the subject, in the past: "…떨어졌다", "…내려갔음", "…下がった", "…降低了"
# (a Korean past tense: a syllable ending in ㅆ, not 있 "there is", before the ending).
PAST_RE = re.compile(r"(?P<ko>[가-힣])(?:다|음|어요|습니다)$|(?:た|だった)$|了$")
HANGUL_FINAL_SS = 20  # ㅆ
# A sentence that ends by saying what its subject is: a copula, a defining verb, a noun
# ("…하는 것", "…단어이다", "…끊는 방법", "…こと", "…テキストデータ").
KO_IS_END_RE = re.compile(r"(?:이다|것|것임|임|입니다|이에요|예요|이야)$|\S(?:는|은|할|인) \S*[^\s다요음함됨]$")
JA_IS_END_RE = re.compile(r"(?:こと|もの|である|です|だ|を指す|を表す)$|[\u30a0-\u30ff\u3400-\u9fff]$")
QUOTED_RE = re.compile(r"[(（][^()（）]*[)）]|\"[^\"]*\"|“[^”]*”|`[^`]*`")

# A Korean verb that says what a word means or is called: the ending of a definition.
KO_DEFINING_VERBS = ("뜻한다", "의미한다", "말한다", "가리킨다", "나타낸다", "라고 한다", "라 한다", "부른다")
KO_DEFINING_VERBS_END_RE = re.compile(f"(?:{'|'.join(KO_DEFINING_VERBS)}|뜻함|의미함|말함|나타냄|가리킴)$")
# Where a clause of a line ends: a comma or semicolon and a blank, in any script.
CLAUSE_END_RE = re.compile(r"[,;，；、]\s*")
# Where a sentence ends: not at the point of a number ("0.75제곱").
SENTENCE_END_RE = re.compile(r"[.!?？。！](?=\s|$)|->|→|=>")
HANGUL_FINAL_N = 4  # ㄴ, as the final consonant of a Hangul syllable


def is_remark(particle: str, rest: str) -> bool:
    """Whether what follows a subject and its particle (``rest``) is a remark on the subject, not
    what it is: after a plain topic particle, a first sentence that gives a cause, sets the
    subject against something else, says what is not done to it or what happened to it, unless
    it still ends by saying what the subject is ("…순전파는 끊지 않고 역전파만 끊는 방법이다")."""
    if particle in DEFINING_PARTICLES:
        return False
    sentence = first_sentence(rest)
    if CAUSE_RE.search(sentence):
        return True
    if KO_IS_END_RE.search(sentence) or KO_DEFINING_VERBS_END_RE.search(sentence) or (
            particle == "は" and JA_IS_END_RE.search(sentence)):
        return False
    return _contrasts(sentence) or bool(NEGATED_RE.search(sentence)) or _in_the_past(sentence)


def first_sentence(text: str) -> str:
    """A line's first sentence, its asides and quotations left as blanks, without the blanks
    and stops at its end."""
    plain = QUOTED_RE.sub(lambda m: " " * len(m.group()), text)
    return SENTENCE_END_RE.split(plain, maxsplit=1)[0].rstrip(" .")


def _contrasts(sentence: str) -> bool:
    """"…떨어지는데 …", "…빠르지만 …", "…下がるけど …": a contrast after anything but a copula."""
    for match in (*KO_CONTRAST_RE.finditer(sentence), *JA_CONTRAST_RE.finditer(sentence)):
        before, ending = match.groups()
        if before in COPULAS or (ending == "데" and not _final_n(before)):
            continue
        return True
    return False


def _in_the_past(sentence: str) -> bool:
    past = PAST_RE.search(sentence)
    if past is None or past["ko"] is None:
        return past is not None
    syllable = past["ko"]
    return syllable not in "있겠" and (ord(syllable) - 0xAC00) % 28 == HANGUL_FINAL_SS


def _final_n(syllable: str) -> bool:
    return "가" <= syllable <= "힣" and (ord(syllable) - 0xAC00) % 28 == HANGUL_FINAL_N


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
    return before == "는" or _final_n(before)


def uses_itself(subject: str, rest: str) -> bool:
    """Whether what follows ``subject =`` uses the subject again (``loss = loss(positive, t=1) +
    sum over k negatives loss(neg, t=0)``, ``h = tanh(h W_h + x W_x)``): a formula that computes
    it from itself, no saying what it is. Only the right side of that ``=`` counts, up to the end
    of its clause or sentence or the next ``=``: in "PMI(x,y) = log2(…)，所以用 PPMI = max(0, PMI)"
    the second formula is PPMI's."""
    if not rest.lstrip().startswith("="):
        return False
    right = right_side(rest.lstrip()[1:])
    return re.search(rf"(?<![^\W_]){re.escape(subject)}(?![^\W_])", right, re.IGNORECASE) is not None


def right_side(text: str) -> str:
    """The right side of a formula: ``text`` up to a clause's or sentence's end or an ``=``
    outside brackets ("log2(P(x,y)) = …" -> "log2(P(x,y)) ")."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char in "([{（") - (char in ")]}）")
        if depth <= 0 and (char in "=;；。，、!?？！→" or (char in ",." and text[i + 1:i + 2] in (" ", ""))):
            return text[:i]
    return text


# Code in a line: a name with a dot, an underscore or a digit (``np.linalg.svd``, ``dh_next``,
# ``log2``), a call (``tanh(``) or a keyword; a word of prose is any other of three letters or more.
CODE_WORD_RE = re.compile(r"[A-Za-z_][\w.]*(?:\s*\()?")
PROSE_WORD_RE = re.compile(r"[A-Za-z]{3,}")
CODE_KEYWORDS = frozenset({"if", "else", "elif", "for", "while", "return", "and", "or", "not", "in", "is", "self",
                           "none", "true", "false", "def", "lambda", "import"})
CODE_SPAN_RE = re.compile(r"`[^`]*`")


def says_in_words(rest: str) -> bool:
    """Whether what follows a term and its ``:``/``=`` says something in words in its first
    sentence, not only code or an equation ("역전파: dt = dh_next * (1 - h_next ** 2) (tanh
    미분)", "word vectors = `W_in` (`self.word_vecs = W_in`)" say it in code; "SVD：`U, S, V =
    np.linalg.svd(W)`，U 的前几列就是…" in words too). Asides in brackets do not count."""
    plain = CODE_SPAN_RE.sub(" ", rest)
    while (shorter := QUOTED_RE.sub(" ", plain)) != plain:
        plain = shorter
    sentence = SENTENCE_END_RE.split(plain, maxsplit=1)[0]
    if re.search(f"[{CJK}]", sentence):
        return True
    return any(PROSE_WORD_RE.fullmatch(word) and word.lower() not in CODE_KEYWORDS
               for word in CODE_WORD_RE.findall(sentence))

