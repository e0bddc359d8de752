"""A definition that says what its subject is comes before one that says what is done with
it, and a card's back is the clause about its subject."""
from __future__ import annotations

import pytest

from studykb.concepts import defined_term
from studykb.definition_shape import first_clause, says_what_is_done
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon


@pytest.mark.parametrize("line, done", [
    ("부정적 예는 말뭉치의 단어 빈도를 0.75제곱해서 정규화한 분포에서 뽑는다 → 희소 단어도 뽑힘.", True),
    ("dW는 idx 행에 dout을 더한다", True),
    ("드롭아웃은 학습 때만 쓴다.", True),
    ("언어 모델은 단어 나열에 확률을 부여하는 것", False),
    ("부정적 예는 정답이 아닌 단어이다", False),
    ("부정적 예는 정답이 아닌 단어를 뜻한다.", False),
    ("이것을 부정적 예라고 한다", False),
    ("퍼플렉서티 = exp(평균 손실) = 확률의 역수.", False),
    ("분산 표현은 작은 밀집 벡터다", False),
    ("`epoch` is one pass over the data", False),
    ("주의 메커니즘: 필요한 정보를 고른다", False),
    ("부정적 예란 분포에서 뽑는다", False),
])
def test_a_line_that_says_what_is_done_with_its_subject_is_a_weaker_definition(line, done):
    assert says_what_is_done(line) is done


@pytest.mark.parametrize("line, others, clause", [
    ("언어 모델은 단어 나열에 확률을 부여하는 것, CBOW는 맥락의 순서를 무시한다는 한계.", {"cbow"},
     "언어 모델은 단어 나열에 확률을 부여하는 것"),
    ("エポックとは、全データを1回使うこと、バッチは一度に使うデータ", {"バッチ", "mini-batch"}, "エポックとは、全データを1回使うこと"),
    ("困惑度是平均损失的指数，交叉熵是损失函数", {"交叉熵"}, "困惑度是平均损失的指数"),
    # a later clause whose subject is no other term goes on with the same definition
    ("Truncated BPTT란 역전파의 연결만 끊고, 순전파의 흐름은 유지하는 방법이다.", {"backpropagation", "역전파"},
     "Truncated BPTT란 역전파의 연결만 끊고, 순전파의 흐름은 유지하는 방법이다."),
    ("分布仮説とは、単語の意味は周囲の単語によって形成されるという考え方", set(),
     "分布仮説とは、単語の意味は周囲の単語によって形成されるという考え方"),
    ("Embedding layer = just pick row W[idx], no one-hot, no matmul", {"matmul"},
     "Embedding layer = just pick row W[idx], no one-hot, no matmul"),
])
def test_a_definition_card_answers_with_the_clause_about_its_subject(line, others, clause):
    assert first_clause(line, frozenset(others)) == clause


def link_log(*lines: str):
    """The knowledge of a one-session log of ``lines``."""
    log, _ = parse_log(LogText("sessions/log.md", ("## Session: 2026-03-01 10:00 UTC", *lines)), shipped_labels())
    return link([log], build_lexicon([], frozenset()), 3)[0]


@pytest.mark.parametrize("lines, front, back", [
    # what it is, though written later, before how it is drawn
    (("### 배운 것", "- 부정적 예는 유니그램 분포에서 뽑는다.", "- 부정적 예는 정답이 아닌 단어를 뜻한다."),
     "부정적 예란 무엇인가요?", "부정적 예는 정답이 아닌 단어를 뜻한다."),
    # only how it is drawn: that is the best the log has
    (("### 배운 것", "- 부정적 예는 유니그램 분포에서 뽑는다."), "부정적 예란 무엇인가요?", "부정적 예는 유니그램 분포에서 뽑는다."),
    # the clause about the name, not the next one about CBOW
    (("### 배운 것", "- 언어 모델은 단어 나열에 확률을 부여하는 것, CBOW는 맥락의 순서를 무시한다."),
     "언어 모델이란 무엇인가요?", "언어 모델은 단어 나열에 확률을 부여하는 것"),
])
def test_a_definition_card_asks_what_the_best_definition_answers(lines, front, back):
    cards = [c for c in link_log(*lines).cards if c.kind == "definition"]
    assert [(c.front, c.back) for c in cards] == [(front, back)]


@pytest.mark.parametrize("line, subject", [
    # what the subject is: a copula, a noun, "…하는 것", a defining verb, "X란"
    ("손실은 정답에서 얼마나 먼지를 재는 값이다.", "손실"),
    ("순전파는 입력에서 출력 쪽으로 값을 계산해 나가는 과정", "순전파"),
    ("손실이란 잘 떨어지는지 보는 값", "손실"),
    ("Truncated BPTT는 순전파는 끊지 않고 역전파만 블록마다 끊는 방법이다", "Truncated BPTT"),
    ("어텐션은 정렬을 배우는 층이지만 계산이 무겁다", "어텐션"),
    ("損失は正解からのずれを測る値", "損失"),
    ("順伝播は入力から出力へ値を計算していくこと", "順伝播"),
    ("损失是预测与正确答案之间的差距", "损失"),
    # a remark on the subject: what happened to it, set against something else, what is not done
    ("손실은 금방 줄어드는데 정확도는 거의 안 오름", None),
    ("순전파는 자르지 않고 역전파만 구간별로 자른다", None),
    ("손실은 2.3에서 1.1까지 내려갔다.", None),
    ("어텐션은 빠르지만 메모리를 많이 먹는다", None),
    ("損失はすぐ下がるけど、正解率はなかなか上がらない", None),
    ("損失は速く下がるが、正解率は遅い", None),
    ("順伝播は切らずに逆伝播だけブロックごとに切る", None),
    ("損失は2.3から1.1まで下がった", None),
    ("损失是一下子就降下来了", None),
])
def test_a_line_that_remarks_on_its_subject_defines_nothing(line, subject):
    defined = defined_term(line, build_lexicon([], frozenset()), in_learned=True)
    assert (defined.subject if defined else None) == subject


@pytest.mark.parametrize("lines", [
    ("### 오늘 한 것", "- BPTT, Truncated BPTT", "  - 순전파는 끊지 않고 역전파만 블록 단위로 끊는다"),
    ("### 배운 점", "- 손실은 쭉 내려가는데(2.0 → 1.0) 정답률은 천천히 오름."),
])
def test_a_remark_on_a_known_term_asks_no_definition_card(lines):
    knowledge = link_log(*lines)
    assert [c.front for c in knowledge.cards if c.kind == "definition"] == []
