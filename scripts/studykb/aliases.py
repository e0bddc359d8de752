"""Other names of a concept: a name given in two languages (``미니배치(mini-batch)``), the
spellings a line sets against each other ("PMI vs PPMI"), the scripts a log is written in,
which decide which of a starter term's names a site shows, and the name a Korean, Japanese or
Chinese site shows a concept by, on its pages and in its cards' questions (``site_names``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .card_phrases import HANGUL_RE, IDEOGRAPH_RE, KANA_RE
from .concepts import CJK, CJK_CHAR_RE, GENERIC_HEADS, STATUS_WORDS, alias_name
from .model import Concept, ConceptSlug, LogFile
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
                             "デフォルト", "例", "参考", "注意", "比較", "その他", "默认", "默認", "示例", "比较", "其他"}) | STATUS_WORDS
# Words of study, which name what is done (training, implementing, reading) or a piece of
# it (code, results), never a thing: "학습 (PTB)" is training on PTB, "実験（ch04）" an
# experiment of chapter 4. A layer's head noun alone ("계층", "レイヤ") names no layer, nor
# does a task a model does: "다중 분류(Softmax)" is multi-class classification by softmax.
ACTIVITIES = frozenset("""
    학습 훈련 실습 연습 코드 정리 실험 평가 구현 복습 예습 읽기 설명 결과 예제 실행 공부 과제 분석 계산 유도 확인 테스트 함수
    学習 訓練 実習 練習 コード まとめ 実験 評価 実装 復習 予習 説明 結果 例題 実行 勉強 課題 分析 計算 導出 確認 テスト 関数
    学习 训练 实习 练习 代码 总结 实验 评估 评价 实现 复习 预习 阅读 说明 结果 例子 运行 作业 分析 计算 推导 确认 测试 函数
    training learning reading code notes summary practice exercise experiment experiments evaluation
    implementation review results derivation test tests run runs
    분류 회귀 分類 回帰 分类 回归 classification regression
""".split()) | frozenset(GENERIC_HEADS)
LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9_'-]*")  # "word2vec", not "5.5" or "RNNLM과"
# A parenthesis that says something, not another name: a Japanese case particle between two
# words (``同じ層では…マスクを使う``), a verb's ending at its end (``使う``, ``쓴다``), more
# than three words (``같은 층에서는 같은 마스크를``) or more than three hiragana (``行ごとに取り出すだけ``).
PARTICLE_BETWEEN_RE = re.compile(r"[\u3400-\u9fff\u30a0-\u30ff](?:では|には|でも|とは|を|が|は|に|で|も)[\u3400-\u9fff\u30a0-\u30ff]")
HIRAGANA_RE = re.compile("[\u3041-\u309f]")
VERB_ENDING_RE = re.compile(r"(?:[\u3400-\u9fff](?:う|く|ぐ|す|つ|ぶ|む|る)|た|だ|ない|ます|です|[다요])$")
JOINING_RE = re.compile(r"^(?:以及|还有|及び|および|和|与|及|跟|同|或|的|と|や|の)(?=[\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff]{2})")


def paired_aliases(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """A Korean, Japanese or Chinese name with its English one beside it in parentheses
    (``미니배치(mini-batch)``, ``learning rate (학습률)``) where the lexicon knows one of
    the two: (the known term's name, the other name, an alias of it to add). A parenthesis
    that says what a word is done on or applied to (``word2vec 학습 (PTB)``: training on
    PTB) gives no name, nor does a word of study (학습, 実装, training) or a sentence that
    explains it (``変分 Dropout（同じ層では同じマスクを使う）``)."""
    aliases: list[tuple[str, str]] = []
    if not ("(" in text or "（" in text) or not CJK_CHAR_RE.search(text):
        return aliases  # most lines: no name in parentheses, or none in those scripts
    for match in PAIR_RE.finditer(text):
        pair = _pair(match, text, lexicon)
        if pair and not is_activity(pair[1]) and not is_sentence(pair[1]):
            aliases.append(pair)
    return aliases


def _pair(match: re.Match, text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """(the known term's name, the other name) of one name with another in parentheses."""
    if match["cjk"]:
        latin = alias_name(match["latin"])
        if not latin:
            return None
        words = match["cjk"].split()
        cjks = [" ".join(words[-k:]) for k in range(len(words), 0, -1)]
        known_cjk = next((lexicon.lookup(c) for c in cjks if lexicon.lookup(c)), None)
        known_latin = lexicon.lookup(latin)
        if known_latin and not known_cjk:
            # Before the parentheses, the name has as many words as the English one, up to
            # three (``배치 크기(batch size)``): the words before it are the sentence's.
            guess = JOINING_RE.sub("", " ".join(words[-len(latin.split()):]))
            name = _name_before(text[:match.end("cjk") - len(guess)], guess, latin, known_latin, lexicon)
            return (known_latin, name) if name and name not in NOTES_NOT_NAMES else None
        return (known_cjk, latin) if known_cjk and not known_latin else None
    words = match["latin2"].split()
    guess = " ".join(match["cjk2"].split())
    known_latin = next((lexicon.lookup(" ".join(words[-k:])) for k in range(len(words), 0, -1)
                        if lexicon.lookup(" ".join(words[-k:]))), None)
    if known_latin and not lexicon.lookup(guess) and guess not in NOTES_NOT_NAMES:
        return known_latin, guess
    return None


def _name_before(before: str, guess: str, latin: str, term: str, lexicon: Lexicon) -> str | None:
    """The name ``guess`` (the last words before an English name in parentheses) is of
    ``term``, taking in the word before it where that word is part of the English name
    (``BPTT 잘라내기(truncated BPTT)``) or names the same term (``시그모이드 함수(sigmoid)``);
    None where that word names something else: the word is then said of it (``word2vec
    학습 (PTB)``, ``언어 모델 학습 (PTB)``)."""
    head = before.rstrip()
    mention = next((m for m in lexicon.find(head) if m.end == len(head)), None)
    word = head[mention.start:] if mention else (head.split() or [""])[-1]
    of_the_name = bool(normalise(word)) and set(normalise(word).split()) <= set(normalise(latin).split())
    if (mention or LATIN_WORD_RE.fullmatch(word)) and (of_the_name or mention and mention.term == term):
        return f"{word}{before[len(head):]}{guess}"
    return None if mention or LATIN_WORD_RE.fullmatch(word) else guess


def is_sentence(name: str) -> bool:
    """Whether ``name`` says something rather than names it (``同じ層では同じマスクを使う``,
    ``같은 층에서는 같은 마스크를 쓴다``): no other name of a concept."""
    return (len(name.split()) > 3 or PARTICLE_BETWEEN_RE.search(name) is not None
            or len(HIRAGANA_RE.findall(name)) > 3
            or VERB_ENDING_RE.search(name.rstrip("。. ")) is not None)


def is_activity(name: str) -> bool:
    """Whether ``name`` is a word of study or a head noun alone (학습, 実装, training, 계층)."""
    return name.lower() in ACTIVITIES


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
# A name in Chinese characters alone is Chinese where its characters are all in the simplified
# set (GB 2312) and one is not Japanese (JIS X 0208: 损, 传), Japanese the other way round (損,
# 関, 習); where every character is both, the name is taken as Chinese ("截断", "梯度", most of
# them), shown on a Japanese page only where a log writes it ("勾配").
CHARACTER_SETS = (("zh", "gb2312"), ("ja", "euc_jp"))


@dataclass(frozen=True)
class Writing:
    """How the logs are written: their scripts other than Latin (``hangul``, ``kana``,
    ``han``) and their text, where a spelling they use is looked for."""

    scripts: frozenset[str]
    text: str


def writing_of(texts) -> Writing:
    text = "\n".join(texts)
    return Writing(frozenset(name for name, pattern in SCRIPTS if pattern.search(text)), text)


def shown_names(names: tuple[str, ...], writing: Writing) -> tuple[str, ...]:
    """The names a site shows: in Latin letters, in the language of the logs, or written in them.
    A name with kana is Japanese, with Hangul Korean; one in Chinese characters alone is
    Japanese or else Chinese by its characters (:data:`CHARACTER_SETS`)."""
    languages = _languages_of(writing.scripts)
    return tuple(n for n in names if _language(n) <= languages or _in_logs(n, writing))


def _in_logs(name: str, writing: Writing) -> bool:
    """Whether the logs write ``name``: only looked for in their text when they use its scripts."""
    return {script for script, pattern in SCRIPTS if pattern.search(name)} <= writing.scripts and name in writing.text


def _languages_of(scripts: frozenset[str]) -> frozenset[str]:
    """Korean logs have Hangul, Japanese ones kana, Chinese ones Chinese characters and neither."""
    languages = {"ko"} if "hangul" in scripts else set()
    if "kana" in scripts:
        languages.add("ja")
    elif "han" in scripts and "hangul" not in scripts:
        languages.add("zh")
    return frozenset(languages)


def _language(name: str) -> frozenset[str]:
    """The language ``name`` is written in: none for Latin letters."""
    found = {script for script, pattern in SCRIPTS if pattern.search(name)}
    if "hangul" in found:
        return frozenset({"ko"})
    if "kana" in found or "han" not in found:
        return frozenset({"ja"} if "kana" in found else ())
    readable = [language for language, charset in CHARACTER_SETS if _encodes(name, charset)]
    return frozenset(readable if len(readable) == 1 else ("zh",))


def _encodes(name: str, charset: str) -> bool:
    try:
        name.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


# The name a site shows a concept by.
LATIN_RE = re.compile("[A-Za-z]")  # "Embedding Dot 계층" is the English name, a Korean word after it


def in_script(name: str, language: str) -> bool:
    """Whether ``name`` is written in the script of ``language``: Hangul for Korean; kana or
    ideographs (逆伝播) for Japanese; ideographs without kana or Hangul for Chinese."""
    if language == "ko":
        return bool(HANGUL_RE.search(name))
    if language == "ja":
        return bool(KANA_RE.search(name) or IDEOGRAPH_RE.search(name)) and not HANGUL_RE.search(name)
    if language == "zh":
        return bool(IDEOGRAPH_RE.search(name)) and not (KANA_RE.search(name) or HANGUL_RE.search(name))
    return False


def site_names(concepts: Iterable[Concept], logs: Iterable[LogFile], language: str) -> dict[ConceptSlug, str]:
    """Concept slug -> the name a Korean, Japanese or Chinese site shows it by (its pages
    and the questions of its cards), for each concept shown by another than its own: the
    other name the logs write it by most in the site's script, unless they write its own
    at least as often (``RNN`` stays RNN where the logs write it more than 순환 신경망).
    An English site shows every name as it is."""
    if language not in ("ko", "ja", "zh"):
        return {}
    lines = {log.path: log.lines for log in logs}
    out = {}
    for concept in concepts:
        texts = [lines[m.source.path][m.source.line - 1] for m in concept.mentions
                 if 0 < m.source.line <= len(lines.get(m.source.path, ()))]
        name = written_name(concept, language, texts)
        if name != concept.name:
            out[concept.slug] = name
    return out


def written_name(concept: Concept, language: str, texts: Iterable[str]) -> str:
    """The name of ``concept`` the lines ``texts`` write most in the script of ``language``,
    or its own where that is in the script, the lines write none, or its own as often."""
    if in_script(concept.name, language):
        return concept.name
    candidates = [alias for alias in concept.aliases if in_script(alias, language) and not LATIN_RE.search(alias)]
    texts = list(texts)
    if not candidates:
        return concept.name
    counts = _written(candidates, texts)
    best = max(candidates, key=counts.__getitem__)  # the first of those written most
    own = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(concept.name)}(?![A-Za-z0-9_])", re.IGNORECASE)
    own_count = sum(len(own.findall(text)) for text in texts)
    return best if counts[best] and counts[best] >= own_count else concept.name


def _written(names: list[str], texts: list[str]) -> dict[str, int]:
    """How often the lines write each name, each place once, for the longest name written
    there: 원핫 벡터 counts for 원핫 벡터, not for 원핫 too."""
    longest_first = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    counts = dict.fromkeys(names, 0)
    for text in texts:
        for found in longest_first.findall(text):
            counts[found] += 1
    return counts
