"""Finding concepts in log text: definitions and backticked terms (aliases.py: other names
of a concept).

A definition is a line that names a term and then says what it is, in any of the shapes
learners write: "`epoch` is ...", "Sweep means ...", "`SVD` factorizes ...",
"`PTB` (Penn Treebank) is ...", "`generalization` = how well ...", "`one-hot` vector: ...",
and in Korean, Japanese or Chinese "`에폭`은 ...", "학습률이란 ...", "エポックとは ...",
"学习率是 ...".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .code_terms import IDENTIFIER_RE, WORDLIKE_RE, is_definable, is_term_like
from .definition_shape import (CJK, DEFINING_PARTICLES, JA_ZH_RE, KO_RE, is_remark, says_in_words,
                               uses_itself)
from .markup import CodeSpan, wikilinks
from .plain_names import VARIABLE_RE, is_plain_name, names_known_terms
from .vocabulary import Lexicon, normalise

# A word: a letter of any script, then letters or digits; up to five words joined by a
# blank, an apostrophe, a slash or a hyphen. ``hidden_size`` is an identifier instead.
# What follows a subject for the line to define it.
# Not a value: "PTB is ~1M tokens", "`sample_size` is 5" say how much, not what it is.
IS_RE = re.compile(r"^\s+(?:is|are)\s+(?![~≈<>]?\s*\d)(?:an?\s+|the\s+)?\S")
SENTENCE_VERBS = ("means", "refers to", "is defined as", "denotes", "stands for")
MEANS_RE = re.compile(rf"^\s+(?:{'|'.join(SENTENCE_VERBS)}|controls|measures|determines)\s+\S")
SENTENCE_MEANS_RE = re.compile(rf"^\s+(?:{'|'.join(SENTENCE_VERBS)})\s+\S")
# "`SVD` factorizes ...", "`CBOW` quickly predicts ...": a verb in the third person.
VERB_RE = re.compile(r"^\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{2,}s)\s+(?P<next>[a-z']+)?")
# After a word in -s, a verb in the past makes that word a plural noun and the line an
# observation: "`car` neighbors were noisy" is about the neighbours, not what `car` is
# ("`W_in` rows are the word vectors" still says what `W_in` is).
AUXILIARIES = frozenset({"were", "was", "had", "did", "could", "would", "might", "looked", "seemed", "got", "came",
                         "went", "became", "stayed", "turned"})
NOT_VERBS = frozenset({"is", "was", "has", "does", "vs", "its", "this", "thus", "plus", "less", "unless",
                       "always", "perhaps", "yes", "as", "us", "across", "towards", "besides", "sometimes",
                       "nevertheless", "whereas",
                       "means", "stands", "refers"})  # these define only as "stands for", "refers to"
# Not a setting: "is_reverse=True: …" says how a run was set, not what is_reverse is.
EQUALS_RE = re.compile(r"^\s*=\s*(?=[^\W\d_]|`)(?!(?:True|False|None)\b)")
# A formula's variable ("h_t", "W_h", "x1"): "h_t = tanh(…)" is a formula, not what a concept is.
MATH_VARIABLE_RE = re.compile(r"^[A-Za-z][0-9]?(?:_[A-Za-z0-9]{1,3})?$")
LINK_RE = re.compile(f"{IS_RE.pattern}|{MEANS_RE.pattern}|{EQUALS_RE.pattern}")
# What a result at an epoch opens with ("epoch 10 약 2%", "ep 3: 97%"): a reading, not what a name is.
READING = r"(?!(?i:epoch|ep\.?|에폭|エポック)\s*\d)"
COLON_RE = re.compile(rf"^\s*(?:[:：]|\s[—–])\s*(?!\d){READING}\S")  # "Term: ...", "Term — ...", not "Epochs: 10"
# "Encoder: reads ...", "Analogy = vector arithmetic ...", "Decoder — writes ...": a name
# then what it is, in words (not "Epochs: 10", "Time: 20:00").
NAMED_RE = re.compile(rf"^\s*(?:[:：=]|\s[—–])\s*{READING}(?:[^\W\d_]|`)")
# What says what a variable is: "맥락 벡터 c = Σ a_t hs_t", "context vector c: ...", "... c is ...".
FORMULA_LINK_RE = re.compile(r"^\s*(?:[:：=]|(?:is|are)\s)")
# "Improvements: deeper LSTM, dropout, weight tying": after a label, a list, not what a name is.
LIST_RE = re.compile(r"[,，、][^,，、]*[,，、]")
FORMULA_RE = re.compile(r"^`(?P<subject>[A-Za-z][A-Za-z ]*[A-Za-z])\s*=\s*[^`]+`")
STRONG_RE = re.compile(r"^(?:`(?P<code>[^`]+)`|\*\*(?P<bold>[^*]+)\*\*)(?P<trail>(?: [A-Za-z][\w-]*){0,2})")
PLAIN_RE = re.compile(r"^[^\W\d_][\w'/-]*(?: [\w'/-]+){0,3}")  # a term of up to four words
NEXT_WORD_RE = re.compile(r"^\s+([a-z]{2,})\s+\S")
ARTICLE_RE = re.compile(r"^(?:an?|the) (?=\S)", re.IGNORECASE)
# After a plural subject ("Vanishing gradients come from ..."), a word that is no verb.
NOT_AFTER_PLURAL = frozenset({"from", "of", "in", "on", "at", "with", "and", "or", "for", "to", "by", "as", "vs",
                              "that", "which", "the", "a", "an", "were", "was", "still", "also", "only", "per"})
# Korean, Japanese and Chinese name a layer by a term and a generic head noun after it
# ("Embedding 계층", "Affineレイヤ"): the term named is the one before it, if it is known.
GENERIC_HEADS = ("계층", "레이어", "층", "메커니즘", "レイヤー", "レイヤ", "層", "メカニズム", "機構", "层", "机制")
# What ends a line's first sentence, and the asides and quotations read past to find it.
SENTENCE_END_RE = re.compile(r"[.!?？。！]|->|→|=>")
QUOTED_RE = re.compile(r"[(（][^()（）]*[)）]|\"[^\"]*\"|“[^”]*”|`[^`]*`")
PAREN_RE = re.compile(r"^\s*[(（](?P<inside>[^()（）]{1,40})[)）]")

CJK_CHAR_RE = re.compile(f"[{CJK}]")
KANA_HAN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # Japanese and Chinese, written without blanks
ALIAS_NOT_FIRST = frozenset({"see", "cf", "eg", "e.g.", "ie", "i.e.", "like", "about", "from", "in", "on", "for",
                             "with", "not", "ch", "chapter", "page", "p", "fig", "figure", "as", "at", "by", "was"})
# An item's status in parentheses, no name of it: ``Truncated BPTT (계속)``, ``(해결)``, ``(解決)``, ``(resolved)``.
STATUS_WORDS = frozenset({"계속", "해결", "해결됨", "미해결", "진행 중", "続き", "継続", "解決", "解決済み", "未解決", "继续",
                          "解决", "已解决", "未解决", "continued", "cont.", "ongoing", "resolved", "solved", "open",
                          "still open", "done", "fixed", "again"})


@dataclass(frozen=True)
class Defined:
    """The term a line defines, as written, and other names it gives it in parentheses."""

    subject: str
    aliases: tuple[str, ...] = ()


def wikilinked_terms(text: str, spans: tuple[CodeSpan, ...]) -> list[str]:
    """The names a line links as notes (``[[EmbeddingDot]]``, ``[[Sigmoid with Loss|the
    layer]]``): concepts the learner named, save a note's title with a number in it (``[[Chapter
    4 - word2vec speedup]]``, ``[[Chapter 5]]``, ``[[2026-11-22]]``) or more than a name."""
    return [w.name for w in wikilinks(text, spans)
            if is_nameable(w.name) and not any(word.isdigit() for word in w.name.split())]


def same_term(spelling: str, lexicon: Lexicon) -> str | None:
    """The term ``spelling`` is, written with blanks for its hyphens or the other way round
    (``Cross entropy error`` for cross-entropy error), if one is."""
    if (name := lexicon.lookup(spelling)) is not None:
        return name
    key = _unhyphenated(spelling)
    return next((name for name, term in lexicon.terms.items()
                 if any(_unhyphenated(s) == key for s in (name, *term.aliases))), None)


def _unhyphenated(spelling: str) -> str:
    return " ".join(normalise(spelling).replace("-", " ").split())


def definition_subject(text: str, lexicon: Lexicon, colon_allowed: bool) -> str | None:
    """The term a line defines, as written, if any (``colon_allowed``: an item of a learned part)."""
    defined = defined_term(text, lexicon, colon_allowed)
    return defined.subject if defined else None


def defined_term(text: str, lexicon: Lexicon, in_learned: bool) -> Defined | None:
    """The term a line defines and the names it gives it, if any. In a part of what was
    learned (``in_learned``) looser shapes count too: "Term: ...", "Term verbs ..."."""
    if _asks(text):
        return None
    formula = FORMULA_RE.match(text)
    if formula and is_term_like(formula["subject"], lexicon):
        return Defined(formula["subject"])
    for subject, written, rest in _subjects(text):
        aliases, rest = _parenthesised(rest)
        named = _without_variable(subject, rest, lexicon) if written == "plain" and not aliases else subject
        # ``맥락 벡터 c = Σ a_t · hs_t (가중합)``: the formula of the term's own variable says what it is
        by_variable, subject = named != subject, named
        rest = _after_generic_head(rest) if aliases else rest
        if uses_itself(subject, rest):
            return None  # ``loss = loss(positive) + …``: a formula of it, not what it is
        if _defines(subject, written, rest, lexicon, in_learned, bool(aliases), by_variable):
            return _known_name_first(Defined(_without_generic_head(subject, lexicon), aliases), lexicon)
    defined = _cjk_definition(text, lexicon)
    if defined is None:
        return None
    return _known_name_first(Defined(_without_generic_head(defined.subject, lexicon), defined.aliases), lexicon)


def _asks(text: str) -> bool:
    """Whether a line's first sentence is a question ("skip connection은 기울기 소실에 왜
    좋나? → ...", "Why is `epoch` ...? -> ..."): a question defines nothing, even answered.
    A question mark in parentheses or quotes is an aside ("`window` (0.45?) is ...")."""
    plain = QUOTED_RE.sub("", text)
    end = SENTENCE_END_RE.search(plain)
    return end is not None and end.group() in "?？"


def _known_name_first(defined: Defined, lexicon: Lexicon) -> Defined:
    """"가중치 a (어텐션 가중치) = ...": where the subject is no known term but the name in
    parentheses is, the line defines the known one; the subject stays another name of it,
    unless it is a phrase about a formula's variable ("가중치 a", "weights W")."""
    if lexicon.lookup(defined.subject) is not None:
        return defined
    known = next((a for a in defined.aliases if lexicon.lookup(a) is not None), None)
    if known is None:
        return defined
    others = tuple(a for a in defined.aliases if a != known)
    kept = () if any(VARIABLE_RE.match(w) for w in defined.subject.split()[1:]) else (defined.subject,)
    return Defined(known, kept + others)


def _without_generic_head(subject: str, lexicon: Lexicon) -> str:
    """"Embedding 계층" -> "Embedding": a known term before a generic head noun is the
    term defined; any other subject as it is ("은닉층" stays, "은닉" being no term)."""
    for head in GENERIC_HEADS:
        term = subject.removesuffix(head).rstrip()
        if term != subject and term and lexicon.lookup(term) is not None:
            return term
    return subject


def _without_variable(subject: str, rest: str, lexicon: Lexicon) -> str:
    """"맥락 벡터 c" -> "맥락 벡터", "attention weight a_t" -> "attention weight": a known term
    of two words or more (or in Japanese or Chinese, written without blanks) and the variable a
    formula calls it by ("맥락 벡터 c = Σ a_t hs_t") name that term. One word and a variable
    ("weights W", "가중치 a") is a phrase about the variable. Only a formula or "is" says what
    the variable is ("遗忘门 f — ✔ — ...", a table's row, says how well it went)."""
    words = subject.split()
    if len(words) < 2 or not VARIABLE_RE.match(words[-1]) or not FORMULA_LINK_RE.match(rest):
        return subject
    term = " ".join(words[:-1])
    if len(words) == 2 and not KANA_HAN_RE.search(term):
        return subject
    return term if lexicon.lookup(term) is not None else subject


def _after_generic_head(rest: str) -> str:
    """"机制：..." -> "：...": after a name and its other name in parentheses, a generic head
    noun still belongs to the name ("注意力（attention）机制：...")."""
    after = rest.lstrip(" ")
    head = next((h for h in GENERIC_HEADS if after.startswith(h)), None)
    return after[len(head):] if head else rest


def _subjects(text: str) -> Iterator[tuple[str, str, str]]:
    """The ways a line can start with a term, shortest first: (the term, how it is written,
    the rest). Written ``strong`` (backticked or bold), ``extended`` (a strong term and
    the words after it: "`one-hot` vector") or ``plain``."""
    strong = STRONG_RE.match(text)
    if strong:
        head = (strong["code"] or strong["bold"]).strip()
        after = text[strong.start("trail"):]
        yield head, "strong", after
        taken = ""
        for word in strong["trail"].split():
            taken += " " + word
            yield head + taken, "extended", after[len(taken):]
        return
    article = ARTICLE_RE.match(text)  # "A language model gives ...", "The embedding layer looks up ..."
    text = text[article.end():] if article else text
    plain = PLAIN_RE.match(text)
    if plain:
        words = plain.group().split(" ")
        for k in range(1, len(words) + 1):
            subject = " ".join(words[:k])
            yield subject, "plain", text[len(subject):]


def _defines(subject: str, written: str, rest: str, lexicon: Lexicon, in_learned: bool, named_twice: bool,
             by_variable: bool = False) -> bool:
    """Whether ``rest`` says what ``subject`` is, for a subject so written. What follows
    the subject is looked at first: most lines are no definitions, and say so there."""
    if not _links(subject, rest, in_learned, strong=written == "strong") or not (by_variable or _in_own_words(rest)):
        return False
    if written == "strong":
        return is_definable(subject, lexicon)
    if lexicon.lookup(subject) is not None:
        return True
    if written == "extended":
        return False  # "`SVD` result: ..." says nothing of a term "SVD result"
    if (MATH_VARIABLE_RE.match(subject) and rest.lstrip().startswith("=")) or _of_known_term(subject, lexicon):
        return False  # a formula ("W_in: …" still says what W_in is); a part of a known term
    if names_known_terms(subject, lexicon):
        return False  # "기울기 폭발/소실: …" is about two known terms, no third
    # An unknown plain subject counts with an unmistakable verb and a short name, or in a
    # learned part as a name set before what it is ("Encoder: reads the input ...").
    if named_twice or (SENTENCE_MEANS_RE.match(rest) and len(subject.split()) <= 3):
        return True
    return in_learned and bool(NAMED_RE.match(rest)) and not LIST_RE.search(rest) and is_plain_name(subject)


def _in_own_words(rest: str) -> bool:
    """Whether what follows a term says what it is in the learner's words: not code or an
    equation alone ("역전파: dt = dh_next * …", "word vectors = `W_in`")."""
    return says_in_words(rest)


def _of_known_term(subject: str, lexicon: Lexicon) -> bool:
    """"TimeRNN의 stateful", "Embedding의 W": an attribute in code of a known term, no name of its
    own ("신경망의 추론", inference in a network, is a topic of its own)."""
    owner, _, attribute = subject.partition("의 ")
    return bool(attribute) and attribute.isascii() and lexicon.lookup(owner) is not None


def is_nameable(term: str) -> bool:
    """A term a table's row names (``| attention weights | ... |``): a few words with a letter,
    or a name in code (`TimeAttention`, `hidden_size`), not a sentence or a formula."""
    words = term.split()
    return 1 <= len(words) <= 5 and len(term) <= 60 and (
        WORDLIKE_RE.match(term) is not None or IDENTIFIER_RE.match(term) is not None)


def _links(subject: str, rest: str, in_learned: bool, strong: bool) -> bool:
    """Whether ``rest`` goes on from a term to what it is: "is", "means", "=", and for a
    strong term or in a learned part "verbs"; in a learned part ":" too."""
    if LINK_RE.match(rest):
        return True
    if (strong or in_learned) and _verb(rest):
        return True
    return in_learned and bool(COLON_RE.match(rest) or _plural_verb(subject, rest))


def _plural_verb(subject: str, rest: str) -> bool:
    """"Vanishing gradients come from ...": a plural subject and a word that may be its verb."""
    match = NEXT_WORD_RE.match(rest)
    plural = subject.endswith("s") and not subject.endswith(("ss", "us", "is"))  # not "loss", "corpus"
    return plural and match is not None and match[1] not in NOT_AFTER_PLURAL


def _verb(rest: str) -> bool:
    match = VERB_RE.match(rest)
    return match is not None and match["verb"] not in NOT_VERBS and match["next"] not in AUXILIARIES


def _parenthesised(rest: str) -> tuple[tuple[str, ...], str]:
    """``(Penn Treebank) is ...`` -> ((``Penn Treebank``,), `` is ...``): a name in
    parentheses right after the subject is another name of it."""
    if "(" not in rest[:2] and "（" not in rest[:2]:
        return (), rest
    match = PAREN_RE.match(rest)
    if match is None:
        return (), rest
    alias = alias_name(match["inside"])
    return ((alias,) if alias else ()), rest[match.end():]


def alias_name(inside: str) -> str | None:
    """What stands in parentheses, if it is a name: a few words, no sentence or reference."""
    words = inside.replace("`", "").split()
    while words and words[0].lower() in ("aka", "a.k.a.", "the", "or"):
        words = words[1:]
    if not 1 <= len(words) <= 5 or words[0].lower() in ALIAS_NOT_FIRST or " ".join(words).lower() in STATUS_WORDS:
        return None
    name = " ".join(words)
    return name if re.fullmatch(r"[^\W_][\w '/-]*", name) else None


def _cjk_definition(text: str, lexicon: Lexicon) -> Defined | None:
    """"`에폭`은 ...", "미니배치(mini-batch)는 ...", "학습률이란 ...", "エポックとは ...", "学习率是 ..."."""
    if not CJK_CHAR_RE.search(text):
        return None  # no particle to find
    for pattern in (KO_RE, JA_ZH_RE):
        match = pattern.match(text)
        if match is None:
            continue
        raw = match["subject"]
        subject = raw.strip("`*").strip()
        strong = raw != subject
        aliases = _parenthesised(match["paren"])[0] if match["paren"] else ()
        if strong and not is_definable(subject, lexicon):
            return None
        if is_remark(match["particle"], match["rest"]) or not _in_own_words(match["rest"]):
            return None
        if strong or aliases or lexicon.lookup(subject) is not None or (
                match["particle"] in DEFINING_PARTICLES and len(subject.split()) <= 3 and len(subject) >= 2):
            return Defined(subject, aliases)
    return None


def field_definition(name: str, value: str, lexicon: Lexicon) -> Defined | None:
    """The term a field defines ("- Peeky：Encoderの出力 h をDecoderのすべての時刻に渡す"):
    its name, where that is a known term and its value says what it is in words, more than a
    name or a setting ("- Optimizer: Adam", "- Epochs: 10")."""
    if lexicon.lookup(name) is None or not is_plain_name(name) or not NAMED_RE.match(": " + value):
        return None
    return Defined(name) if _says_more_than_a_name(value) and not LIST_RE.search(value) else None


def _says_more_than_a_name(value: str) -> bool:
    """Four words or more, or in Korean, Japanese or Chinese (words without blanks) eight
    characters: a sentence, not a name or a setting ("Adam", "float32")."""
    return len(value.split()) >= 4 or (CJK_CHAR_RE.search(value) is not None and len(value) >= 8)


def term_name(spelling: str) -> str:
    """The display name of a new term: lower case ("Encoder" at a line's start is the
    encoder), unless it is written as an acronym or a name in code (``W_in``, ``TimeRNN``)."""
    spelling = " ".join(spelling.split())
    if "_" in spelling or any(c.isupper() for c in spelling[1:]):
        return spelling
    return spelling[:1].lower() + spelling[1:]
