"""The language of the logs, and the words of the recall cards studykb writes itself.

The site speaks one language (``site_language``): ``extra: studykb: language:`` when set,
else the one most of the logs' prose is written in. A card's question is in the site's
language: a Korean site asks "학습률에서 계속 헷갈리는 점은 무엇인가요?", an English one
"What keeps being confused about learning rate?"; concept names stay as the log wrote them.

A line is Korean when it holds Hangul, Japanese when it holds kana, Chinese when it holds
CJK ideographs and neither, and English otherwise. Korean particles that depend on the word
before them fit the word put before them (``패딩이란``, ``모델이란``, ``5는`` as 오 is read); after
a word whose sound its spelling does not give (``RNN``, ``tanh``, ``word2vec``) the card asks
in words that need no such particle (``RNN의 뜻은 무엇인가요?``).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from . import fences
from .diagnostics import Diagnostic, info

LANGUAGE_NAMES = {"en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese"}
CODE_SPAN_RE = re.compile(r"`[^`]*`")

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "then": "{q}: what then?",
        "recall": "Recall this Q/A.",
        "difference": "What is the difference between {a} and {b}?",
        "difference_in": "What is the difference between {a} and {b} in {about}?",
        "note": "What does your note “{label}” say?",
        "two": "How do {a} and {b} relate, and where do they differ?",
        "one": "What keeps being confused about {a}?",
        "flagged": "What did you flag as confusing in “{text}”?",
        "settled": "What did you settle about {names}?",
        "after": "What did you note after “{text}”?",
        "unanswered": "Not answered in the log yet.",
        "resolved": "Resolved:",
        "definitions": "Your definitions:",
        "and": " and ",
    },
    "ko": {
        "then": "{q}: 그러면 어떻게 되나요?",
        "recall": "이 Q/A를 떠올려 보세요.",
        "definition": "{name}(이)란 무엇인가요?",
        "difference": "{a}와(과) {b}의 차이는 무엇인가요?",
        "difference_in": "{about}에서 {a}와(과) {b}의 차이는 무엇인가요?",
        "note": "메모 “{label}”의 내용은 무엇인가요?",
        "two": "{a}와(과) {b}은(는) 어떻게 관련되고, 어디서 다른가요?",
        "one": "{a}에서 계속 헷갈리는 점은 무엇인가요?",
        "flagged": "“{text}”에서 헷갈린다고 적은 것은 무엇인가요?",
        "settled": "{names}에 대해 무엇을 정리했나요?",
        "after": "“{text}” 다음에 무엇을 적었나요?",
        "unanswered": "아직 로그에 답이 없습니다.",
        "resolved": "해결:",
        "definitions": "내 정의:",
        "and": ", ",
    },
    "ja": {
        "then": "{q}：どうなりますか？",
        "recall": "このQ/Aを思い出してください。",
        "definition": "{name}とは何ですか？",
        "difference": "{a}と{b}の違いは何ですか？",
        "difference_in": "{about}で、{a}と{b}の違いは何ですか？",
        "note": "メモ「{label}」には何と書きましたか？",
        "two": "{a}と{b}はどう関係し、どこが違いますか？",
        "one": "{a}について、何がいつも混乱しますか？",
        "flagged": "「{text}」で混乱すると書いたのは何ですか？",
        "settled": "{names}について何をまとめましたか？",
        "after": "「{text}」の後に何を書きましたか？",
        "unanswered": "ログにはまだ答えがありません。",
        "resolved": "解決：",
        "definitions": "自分の定義：",
        "and": "と",
    },
    "zh": {
        "then": "{q}：会怎样？",
        "recall": "回想这条问答。",
        "definition": "什么是{name}？",
        "difference": "{a}和{b}有什么区别？",
        "difference_in": "在{about}中，{a}和{b}有什么区别？",
        "note": "笔记“{label}”写了什么？",
        "two": "{a}和{b}有什么关系，又有何不同？",
        "one": "关于{a}，总是混淆的是什么？",
        "flagged": "你在“{text}”中标记了什么困惑？",
        "settled": "关于{names}，你得出了什么结论？",
        "after": "在“{text}”之后你记了什么？",
        "unanswered": "日志里还没有答案。",
        "resolved": "已解决：",
        "definitions": "我的定义：",
        "and": "和",
    },
}


# The letters that tell the languages apart: Hangul (syllables and jamo), kana, CJK ideographs.
HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
KANA_RE = re.compile("[\u3040-\u30ff]")
IDEOGRAPH_RE = re.compile("[\u4e00-\u9fff]")
LETTER_RE = re.compile(r"[^\W\d_]")


def language_of(text: str) -> str:
    """``ko``, ``ja``, ``zh`` or ``en``: the language a card made from ``text`` asks in."""
    if HANGUL_RE.search(text):
        return "ko"
    if KANA_RE.search(text):
        return "ja"
    if IDEOGRAPH_RE.search(text):
        return "zh"
    return "en"


# A Korean particle written both ways after a blank: (the form after a vowel, after a
# final consonant).
PARTICLES = {"(이)란": ("란", "이란"), "와(과)": ("와", "과"), "은(는)": ("는", "은"), "이(가)": ("가", "이"),
             "을(를)": ("를", "을")}
PARTICLE_RE = re.compile(r"\{(?P<blank>\w+)\}(?P<particle>" + "|".join(map(re.escape, PARTICLES)) + ")")
# The Korean phrases said without a particle after a blank, for a word whose sound is not known.
WITHOUT_PARTICLES = {
    "definition": "{name}의 뜻은 무엇인가요?",
    "difference": "{a}, {b} 두 가지의 차이는 무엇인가요?",
    "difference_in": "{about}에서 {a}, {b} 두 가지의 차이는 무엇인가요?",
    "two": "{a}, {b} 두 가지는 어떻게 관련되고, 어디서 다른가요?",
}
# Whether a digit's Korean reading ends in a consonant: 영, 일, 삼, 육, 칠, 팔 do (10 십, 100 백
# and 1000 천 end in 0, 영, as they do).
DIGIT_ENDS_IN_CONSONANT = dict(zip("0123456789", (True, True, False, True, False, False, True, True, True, False)))


def phrase(language: str, key: str, **words: str) -> str:
    """The card phrase ``key`` in ``language``, its blanks filled with ``words``; a Korean
    particle after a blank fits the word put there ("패딩이란", "모델이란", "5는"); where a word's
    sound is not known ("RNN", "tanh"), the phrase is said without one ("RNN의 뜻은 …")."""
    template = PHRASES[language][key]
    blanks = [words[m["blank"]] for m in PARTICLE_RE.finditer(template)]
    if any(ends_in_consonant(word) is None for word in blanks):
        template = WITHOUT_PARTICLES[key]
    return PARTICLE_RE.sub(lambda m: _particle_after(m, words), template).format(**words)


def _particle_after(match: re.Match, words: dict[str, str]) -> str:
    """``{name}(이)란`` with the form of the particle that follows ``words["name"]``."""
    after_vowel, after_consonant = PARTICLES[match["particle"]]
    return "{" + match["blank"] + "}" + (after_consonant if ends_in_consonant(words[match["blank"]]) else after_vowel)


def ends_in_consonant(word: str) -> bool | None:
    """Whether ``word`` as read ends in a final consonant: by its last Hangul syllable or
    digit; None after anything else (a Latin letter, a symbol), whose reading its spelling
    does not give ("RNN" is 알엔엔, "tanh" 탄에이치 or 탠치)."""
    last = word.rstrip()[-1:]
    if "\uac00" <= last <= "\ud7a3":
        return (ord(last) - 0xAC00) % 28 != 0
    return DIGIT_ENDS_IN_CONSONANT.get(last)


def prose_lines(lines: Iterable[str]) -> Counter[str]:
    """How many lines of prose the lines hold in each language (``language_of``), code blocks,
    code spans and lines without a letter left out. A line is the unit: a Korean line names
    English terms as often as not ("softmax vs sigmoid 차이"), and is Korean all the same; an
    English log that gives a few terms in Korean has those few lines in Korean, its others English.
    Lines of ideographs alone count as Japanese in a log with at least as many lines in kana."""
    counts: Counter[str] = Counter()
    fence = None
    for line in lines:
        opened = fences.opening(line) if fence is None else None
        if opened or fence is not None and fences.closes(line, fence.marker):
            fence = opened  # ``- ```python`` opens one as a fence alone does
            continue
        prose = "" if fence is not None else CODE_SPAN_RE.sub(" ", line)
        if LETTER_RE.search(prose):
            counts[language_of(prose)] += 1
    if counts["ja"] >= counts["zh"] > 0:  # ideographs without kana ("学習内容") in a Japanese log
        counts["ja"] += counts.pop("zh")
    return counts


def majority(counts: Counter[str]) -> str:
    """The language with the most lines; English for a tie or no prose at all."""
    return max(LANGUAGE_NAMES, key=lambda language: (counts[language], language == "en"))


def site_language(configured: str | None, logs: dict[str, Iterable[str]]) -> tuple[str, list[Diagnostic]]:
    """The language the site's pages speak: ``configured`` when set; else the one most of
    the logs' prose (path -> lines) is written in, with an info at each log in another."""
    if configured:
        return configured, []
    by_log = {path: prose_lines(lines) for path, lines in logs.items()}
    language = majority(sum(by_log.values(), Counter()))
    others = [(path, majority(counts)) for path, counts in by_log.items() if counts and majority(counts) != language]
    return language, [info(path, 1, f"this log is written in {LANGUAGE_NAMES[own]}, most of the logs in "
                                    f"{LANGUAGE_NAMES[language]}: the site's pages are in {LANGUAGE_NAMES[language]} "
                                    "(extra: studykb: language: in mkdocs.yml sets it)")
                      for path, own in others]
