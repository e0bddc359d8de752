"""What a learner's line defines, in their own words: not a formula of a term computed from
itself (only the right side of its ``=`` counts), not code or an equation alone, not a term's
formula ("RNN 식") or two known terms at once ("기울기 폭발/소실"); a class of its own (BetterRnnlm) is no other name of the model it improves."""
from __future__ import annotations

import pytest

from studykb.concepts import definition_subject
from studykb.vocabulary import build_lexicon


def subject(line: str) -> str | None:
    return definition_subject(line, build_lexicon([], frozenset()), colon_allowed=True)


@pytest.mark.parametrize("line, expected", [
    # the term again in another formula after the defining one's clause or sentence
    ("PMI(x,y) = log2( P(x,y) / (P(x)P(y)) )。C(x,y)=0 时 log2(0) 是负无穷，所以用 PPMI = max(0, PMI)。", "PMI"),
    ("PMI = log2 of how much more often two words meet than by chance; PPMI = max(0, PMI)", "PMI"),
    ("perplexity = exp(mean loss), then perplexity per word is what we report", "perplexity"),
    # the term on its own right side
    ("loss = loss(positive, t=1) + sum over k negatives loss(neg, t=0)", None),
    ("Loss = positive loss + negative loss", None),
    ("손실 = 정답 쪽 손실 + 오답 쪽 손실", None),
])
def test_only_the_right_side_of_the_defining_equals_is_a_formula_of_the_term(line, expected):
    assert subject(line) == expected


@pytest.mark.parametrize("line, expected", [
    # code or an equation alone
    ("역전파: dt = dh_next * (1 - h_next ** 2) (tanh 미분)", None),
    ("word vectors = `W_in` (`self.word_vecs = W_in`)", None),
    ("backprop: `dx = np.dot(dout, W.T)`", None),
    ("逆伝播：`dW = np.dot(x.T, dout)`", None),
    # code and words
    ("SVD：`U, S, V = np.linalg.svd(W)`，U 的前几列就是降维后的稠密向量。", "SVD"),
    ("word vectors = the rows of `W_in`, used as they are after training", "word vectors"),
    ("perplexity = exp(average cross entropy loss)", "perplexity"),
    ("역전파: 출력 쪽에서 입력 쪽으로 기울기를 `dout`으로 넘기는 것", "역전파"),
])
def test_code_or_an_equation_alone_is_no_definition_in_the_learners_words(line, expected):
    assert subject(line) == expected


@pytest.mark.parametrize("line", [
    "RNN 식: 이전 은닉 상태와 입력으로 새 은닉 상태를 계산",
    "RNN formula: the new hidden state from the old one and the input",
    "RNN的公式：用上一个时刻的隐藏状态和输入算出新的隐藏状态",
    "기울기 폭발/소실: MatMul에서 W_h를 T번 곱함 → 특잇값이 1보다 크면 폭발",
    "exploding/vanishing gradient: multiplying by W_h T times blows it up or kills it",
    "PMI/PPMI: how much more often two words meet than by chance",
])
def test_a_terms_formula_or_two_known_terms_are_no_new_term(line):
    assert subject(line) is None


@pytest.mark.parametrize("line", ["BetterRnnlm: 검증 ppl이 나빠지면 lr을 1/4로", "BetterRnnlm: two LSTM layers and dropout"])
def test_betterrnnlm_is_a_model_of_its_own_not_another_name_of_rnnlm(line):
    lexicon = build_lexicon([], frozenset())
    assert lexicon.lookup(subject(line)) == "BetterRnnlm"
    assert lexicon.lookup("SimpleRnnlm") == "RNNLM"
