"""Whether the head of a line names a thing: a few words that name it ("Encoder", "attention
weights", "게이트"), not a note's label ("Result", "실험"), a sentence, a phrase about a formula's
variable ("multiply W_h"), a term's formula ("RNN 식", "RNN的公式") or two known terms at once
("기울기 폭발/소실")."""
from __future__ import annotations

import re

from .vocabulary import Lexicon

# Words that make a line's head a note, a label or a sentence rather than a name of a
# thing: "Result: loss went down", "Key takeaway: ...", "Today I learned: ...".
NOT_NAME_WORDS = frozenset("""
    note notes nb ps tip tips hint result results outcome idea ideas example examples eg
    summary recap todo to-do update edit fix bug bugs issue problem problems question questions
    answer answers warning caveat caution reminder remember takeaway takeaways conclusion observation
    lesson lessons point points gist insight insights intuition reason trick key main big important
    side thought thoughts comment comments remark aside status goal goals plan next later now then
    today yesterday tomorrow morning evening tonight done also but so and or because why how what
    when where who which this that these those it its i i'm my me we our you your he she they
    the a an of to in on at for with from by as is are was were be been do did does have has had
    not no yes first second third last finally step chapter section page ch source ref reference
    link see cf book code command output error mistake solution confusion progress time date
    check try compare recall notice read watch use avoid careful beware correction definition definitions
    meaning formula proof derivation difference differences experiment experiments run runs test tests
    setup attempt improvement improvements pros cons advantage advantages disadvantage disadvantages
    benefit benefits drawback drawbacks limitation limitations downside upside cause effect workaround
    again too still here there really basically just only even already more less very
    went got came made took saw found gave became ran felt knew left kept began broke fell held meant
    said sent told wrote goes gets comes makes takes works helps helped fails failed
    오늘 참고 메모 결과 예 예시 요약 질문 답 정리 결론 주의 팁 문제 해결 느낀점 느낀 핵심 요점 포인트 실험 실행
    관찰 시도 개선 장점 단점 한계 차이 차이점 원인 이유 今日 メモ 注意 まとめ 結果 実験 改善 理由 结果 总结 备注 实验 改进
    시간 時間 时间 equation equations 식 공식 수식
""".split())
# What a formula of a term is called after it, written without a blank: "RNN的公式", "RNNの式".
FORMULA_HEADS = ("公式", "の式", "の数式", "数式")
# A variable of a formula (W_h, h_t, x1, c): beside other words it makes a phrase about
# that variable ("反复乘 W_h", "multiply W_h"), no name of a thing; alone it is a name in code.
VARIABLE_RE = re.compile(r"^[A-Za-z][0-9]{0,2}$|^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")
# Adverbs of how often or how something is done open a verb phrase, not a name: "反复乘…"
# (multiply repeatedly), "繰り返し掛ける", "반복해서 곱하기", "repeatedly multiply" (an English
# one as a whole word).
VERB_PHRASE_OPENERS = ("反复", "重复", "多次", "每次", "不断", "一直", "逐个", "繰り返し", "何度も", "毎回", "順番に",
                       "반복해서", "반복적으로", "계속", "매번", "여러 번", "repeatedly ", "always ", "iteratively ")


def is_plain_name(subject: str) -> bool:
    """A few words that name a thing ("Encoder", "attention weights", "게이트"), not a note's
    label ("Result", "Key takeaway", "실험"), a sentence ("Today I learned", "Loss went
    down"), a number ("Step 2") or an error's name ("ValueError")."""
    words = subject.lower().split()
    if not 1 <= len(words) <= 3 or len(subject) < 2:
        return False
    if any(w in NOT_NAME_WORDS or any(c.isdigit() for c in w) for w in words):
        return False
    if any(w.endswith("ed") and len(w) > 4 for w in words[1:]):
        return False  # "Loss dropped: ...": a verb after the first word ("Truncated BPTT" is a name)
    if subject.endswith(FORMULA_HEADS):
        return False  # "RNN的公式": a term's formula, no name of a thing
    return not words[-1].endswith(("error", "exception", "warning")) and not _is_phrase(subject)


def _is_phrase(subject: str) -> bool:
    """A verb phrase, not a name: one opened by an adverb ("反复乘", "반복해서 곱하기"), or one
    that says something of a formula's variable ("反复乘 W_h", "multiply W_h")."""
    words = subject.split()
    if subject.lower().startswith(VERB_PHRASE_OPENERS):
        return True
    return len(words) > 1 and any(VARIABLE_RE.match(w) for w in words)


def names_known_terms(subject: str, lexicon: Lexicon) -> bool:
    """Whether a name with a slash names two known terms, whole ("PMI/PPMI") or sharing the
    words around the slashed one ("기울기 폭발/소실": 기울기 폭발 and 기울기 소실, "exploding/vanishing
    gradient")."""
    words = subject.split()
    slashed = [i for i, word in enumerate(words) if "/" in word]
    if len(slashed) != 1:
        return False
    i = slashed[0]
    before, after = " ".join(words[:i]), " ".join(words[i + 1:])
    shared = [" ".join(filter(None, (before, part, after))) for part in words[i].split("/")]
    whole = [part.strip() for part in subject.split("/")]
    return any(len(names) >= 2 and all(name and lexicon.lookup(name) is not None for name in names)
               for names in (shared, whole))
