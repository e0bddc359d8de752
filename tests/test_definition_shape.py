"""A definition that says what its subject is comes before one that says what is done with
it, and a card's back is the clause about its subject."""
from __future__ import annotations

import pytest

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
