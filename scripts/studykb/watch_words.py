"""The words a watchlist line says its confusion is about: lower case, without the words it
is said with (``vs``, ``still``, ``헷갈림``), Korean ones without their particle, runs of Chinese
and Japanese split into their words, and without words that refer back (``from last time``); and
the stem an English word is matched by (``zeroing`` and ``zeroed`` meet at ``zero``)."""
from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W_]+")
# The words a watchlist line sets its concepts against each other with, or says it is
# confused with, or calls it by (``the assign/add thing``, ``CBOW question finally``): not
# what the confusion is about.
FILLER = frozenset("""vs versus and or the a an of by at in on to for from with between difference differences
    distinguish still again confused confusing confusion mixing mixed mix mixes up unsure about is are it
    what how why which when where who now keeps keep confuses that question s
    thing things stuff issue issues problem problems matter finally answer my
    차이 차이점 관계 구분 또 아직 아직도 헷갈림 헷갈린다 헷갈려 조금 둘 이제 구분함 질문 것 거 문제 드디어 결국 답""".split())
# Chinese and Japanese write words without blanks between them: a run of their letters is
# split at these (joining words, "still", "this time", "the student", the confusion words;
# the longest first) and where its script changes (漢字, かな, カナ), and a piece of kana
# alone (の, で, どちらが) is a particle or an ending, no word of its own.
CJK_FILLER = sorted("""和 与 跟 及 或 的 把 是 了 在 要 也 都 又 还是 还 仍然 总是 这次 这回 终于 有点 一点 学生 同学 以为
    搞混 混淆 分不清 混 不懂 没懂 关系 区别 差别 区分 为什么 怎么 什么 关係 違い 区別 混同 混乱 理由
    问题 疑问 答案 疑問 問題 答え 件 那个 这个 那些 这些 懂 明白 想通 完全 没""".split(),
                    key=len, reverse=True)
CJK_PIECE_RE = re.compile("|".join(CJK_FILLER) + r"|[\u3040-\u309f]+|[\u30a0-\u30ff\uff66-\uff9f]+")
MOSTLY = 0.5  # the share of a line's two letters that says it names a known one short
HIRAGANA_RE = re.compile(r"[\u3040-\u309f]+")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# Korean particles, taken off the end of a word so that "출력의" is "출력".
PARTICLES = ("에서", "이랑", "으로", "의", "와", "과", "랑", "은", "는", "이", "가", "을", "를", "에", "도", "로")
# Words that say a line comes back to an earlier one: ``the offsets question from last time``.
REFERS_BACK_RE = re.compile(r"(?<![^\W_])(?:carried\s+over\s+)?(?:(?:from|since|of)\s+)?(?:last\s+(?:time|session|week|class)"
                            r"|the\s+other\s+day|earlier|previously|before|yesterday)(?![^\W_])|(?<![^\W_])carried\s+over"
                            r"|지난\s*번(?:에\s*이어)?|저번|지난\s*시간|(?:前回|第\s*\d+\s*回)(?:から継続|から)?|上次(?:遗留)?|遗留"
                            r"|昨天|前天|上回|어제|그저께|昨日|先日",
                            re.IGNORECASE)

def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that say what the confusion is about, lower case, Korean
    ones without their particle, and without words that refer back (``from last time``)."""
    words = (_content_word(piece.lower()) for w in WORD_RE.findall(REFERS_BACK_RE.sub(" ", text)) for piece in _pieces(w))
    return frozenset(w for w in words if w)


def match_keys(words: frozenset[str] | set[str]) -> frozenset[str]:
    """What two lines' words are compared by: an English word by its stem (``stem``), a run of
    Chinese or Japanese by each two letters of it, as it names a thing in other words than an
    earlier line (``取平均不拼接`` and ``要取平均，而不是拼起来`` share ``取平`` and ``平均``)."""
    return frozenset(key for word in words for key in (_bigrams(word) if CJK_RE.search(word) else (stem(word),)))


def shares_a_word(short: frozenset[str], known: frozenset[str]) -> bool:
    """Whether a line named short shares a word with a known one; written without blanks, most
    of its two letters at a time, two at least (``CBOW 为什么取平均而不拼接`` and ``为什么 CBOW 里两个上下文
    要取平均``: ``取平``, ``平均``, ``而不``; not ``CBOW 的损失是各个上下文损失的平均``)."""
    own = {k for k in match_keys(short) if CJK_RE.match(k)}
    return bool(short & known) or len(own & match_keys(known)) >= max(2, MOSTLY * len(own))


def most_shared(texts: tuple[str, ...], items: list[set[str]]) -> int | None:
    """Which of ``items`` (the words of each) shares the most words with the first of ``texts``
    that picks one: two at least, and more than any other item."""
    for text in dict.fromkeys(t for t in texts if t):
        words = match_keys(content_words(text))
        shared = sorted(((len(words & match_keys(item)), n) for n, item in enumerate(items)), reverse=True)
        if shared and shared[0][0] >= 2 and (len(shared) == 1 or shared[1][0] < shared[0][0]):
            return shared[0][1]
    return None


def _bigrams(word: str) -> tuple[str, ...]:
    return tuple(word[i:i + 2] for i in range(len(word) - 1)) or (word,)


def _pieces(word: str) -> list[str]:
    """A run of Chinese or Japanese split into its words (``CJK_FILLER``); any other word whole."""
    if not CJK_RE.search(word):
        return [word]
    pieces, at = [], 0
    for match in CJK_PIECE_RE.finditer(word):
        pieces.append(word[at:match.start()])
        if match[0] not in CJK_FILLER and not HIRAGANA_RE.fullmatch(match[0]):  # katakana: a word
            pieces.append(match[0])
        at = match.end()
    return [p for p in (*pieces, word[at:]) if p]


def _content_word(word: str) -> str:
    """``word`` without its particle ("출력의" -> "출력"); "" for a filler word or a particle alone."""
    if word in FILLER or word in PARTICLES:
        return ""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            word = word[:-len(particle)]
            break
    return "" if word in FILLER else word


ENDINGS = ("ing", "ed", "es", "s", "e")  # the first that leaves three letters goes
DOUBLED = frozenset("bdgmnprt")  # a consonant doubled before ``-ing``/``-ed``: ``summing``, ``stopped``


def stem(word: str) -> str:
    """``word`` without an English ending, so that the forms of one word meet: ``zeroing``,
    ``zeroed`` and ``zero``; ``averaging`` and ``average``; ``summing`` and ``sum``; ``owns``
    and ``own``. A word of three letters or fewer once its ending is off keeps it."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            word = word[:-len(ending)]
            break
    doubled = len(word) > 3 and word[-1] == word[-2] and word[-1] in DOUBLED
    return word[:-1] if doubled else word
