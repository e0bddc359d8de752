"""Other names of a concept: a name given in two languages (``미니배치(mini-batch)``), the
spellings a line sets against each other ("PMI vs PPMI"), and the scripts a log is written in,
which decide which of a starter term's names a site shows."""
from __future__ import annotations

import re

from .concepts import CJK, CJK_CHAR_RE, alias_name
from .vocabulary import Lexicon, Match, normalise

# A Korean or Japanese name with its English one in parentheses, or the other way round.
PAIR_RE = re.compile(rf"(?P<cjk>[{CJK}]+(?: [{CJK}]+){{0,2}})\s*[(（](?P<latin>[A-Za-z][A-Za-z0-9 '/-]{{0,40}})[)）]"
                     rf"|(?P<latin2>[A-Za-z][A-Za-z0-9'/-]*(?: [A-Za-z0-9'/-]+){{0,3}})\s*[(（](?P<cjk2>[{CJK}][{CJK} ]{{0,20}})[)）]")
# What stands between two spellings a line sets against each other: "X vs Y", "X and Y",
# "X / Y", "X와 Y", "X と Y", "X和Y".
CONTRAST_RE = re.compile(r"^[\s`*,]*(?:vs\.?|versus|and|or|from|against|compared (?:to|with)|instead of|not|/"
                         r"|와|과|랑|이랑|하고|대|と|和|与|跟|还是|或)(?:\s+(?:the|a|an|plain))?[\s`*,]*$", re.IGNORECASE)
# A Chinese or Japanese word that joins a name to the sentence before it, written without a
# blank: "讲 RNNLM 和困惑度（perplexity）", "RNNLMとパープレキシティ(perplexity)". A name does
# not start with one (Korean writes its particles after a word, then a blank), when at least
# two letters of a name follow it.
# Words a parenthesis after a name says of it, not another name for it: "Seq2seq(기본)" is the
# default seq2seq, "Rnnlm(예)" an example.
NOTES_NOT_NAMES = frozenset({"기본", "기본값", "디폴트", "예", "예시", "참고", "주의", "기타", "비교", "基本", "既定",
                             "デフォルト", "例", "参考", "注意", "比較", "その他", "默认", "默認", "示例", "比较", "其他"})
JOINING_RE = re.compile(r"^(?:以及|还有|及び|および|和|与|及|跟|同|或|的|と|や|の)(?=[\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff]{2})")


def paired_aliases(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """A Korean, Japanese or Chinese name with its English one beside it in parentheses
    (``미니배치(mini-batch)``, ``learning rate (학습률)``) where the lexicon knows one of
    the two: (the known term's name, the other name, an alias of it to add)."""
    aliases: list[tuple[str, str]] = []
    if not ("(" in text or "（" in text) or not CJK_CHAR_RE.search(text):
        return aliases  # most lines: no name in parentheses, or none in those scripts
    for match in PAIR_RE.finditer(text):
        if match["cjk"]:
            latin = alias_name(match["latin"])
            if not latin:
                continue
            words = match["cjk"].split()
            # Before the parentheses, the name has as many words as the English one, up to
            # three (``배치 크기(batch size)``): the words before it are the sentence's.
            guess = JOINING_RE.sub("", " ".join(words[-len(latin.split()):]))
            cjks, latins = [" ".join(words[-k:]) for k in range(len(words), 0, -1)], [latin]
        else:
            words = match["latin2"].split()
            guess = " ".join(match["cjk2"].split())
            cjks, latins = [guess], [" ".join(words[-k:]) for k in range(len(words), 0, -1)]
        known_cjk = next((lexicon.lookup(c) for c in cjks if lexicon.lookup(c)), None)
        known_latin = next((lexicon.lookup(l) for l in latins if lexicon.lookup(l)), None)
        if known_latin and not known_cjk and guess not in NOTES_NOT_NAMES:
            aliases.append((known_latin, guess))
        elif known_cjk and not known_latin and match["cjk"]:
            aliases.append((known_cjk, latins[0]))
    return aliases


def contrasted(text: str, matches: list[Match], lexicon: Lexicon) -> list[str]:
    """The spellings a line sets against another spelling of the same concept ("PMI vs
    PPMI" where PMI is an alias of PPMI): the learner tells them apart, so must the site."""
    spellings = []
    for first, second in zip(matches, matches[1:]):
        if first.term != second.term or not CONTRAST_RE.match(text[first.end:second.start]):
            continue
        for match in (first, second):
            spelling = text[match.start:match.end]
            if normalise(spelling) != normalise(match.term):
                spellings.append(spelling)
    return spellings


SCRIPTS = (("hangul", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
           ("kana", re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")),
           ("han", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")))


def scripts_in(texts) -> frozenset[str]:
    """The scripts other than Latin that ``texts`` are written in (``hangul``, ``kana``, ``han``)."""
    text = "\n".join(texts)
    return frozenset(name for name, pattern in SCRIPTS if pattern.search(text))


def in_scripts(names: tuple[str, ...], scripts: frozenset[str]) -> tuple[str, ...]:
    """The names written in Latin letters or in one of ``scripts``."""
    return tuple(n for n in names if all(name in scripts for name, pattern in SCRIPTS if pattern.search(n)))
