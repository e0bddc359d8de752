"""Chapter 8's context vector (맥락 벡터, コンテキストベクトル, 上下文向量): the attention's
weighted sum c of the encoder states. Its plural names chapter 3's context words' vectors,
and chapter 3's "context" stays its own: a term may take no plural ending."""
from __future__ import annotations

import pytest

from studykb.concepts import definition_subject
from studykb.vocabulary import Term, build_lexicon
from tests.test_concepts import link_log


@pytest.mark.parametrize("line, mentions", [
    ("맥락 벡터 c = Σ a_t · hs_t (가중합)", [("맥락 벡터", "context vector")]),
    ("어텐션 가중치 a 와 맥락 벡터 c 의 차원", [("어텐션 가중치", "attention weight"), ("맥락 벡터", "context vector")]),
    ("LSTM 입력 쪽에 맥락벡터를 넣음", [("LSTM", "LSTM"), ("맥락벡터", "context vector")]),
    ("コンテキストベクトルは重み付き和", [("コンテキストベクトル", "context vector"), ("重み", "weight")]),
    ("加权和得到上下文向量 c", [("上下文向量", "context vector")]),
    ("the context vector c feeds the Affine layer", [("context vector", "context vector"), ("Affine layer", "affine layer")]),
    # chapter 3: the vectors of the context words, and the context window, are no context vector
    ("CBOW sums the context vectors, so word order is lost", [("CBOW", "CBOW")]),
    ("average the contexts over a context window of 1", [("context window", "context window")]),
    ("맥락 단어 두 개의 평균", []),
])
def test_the_context_vector_is_named_in_four_languages_and_its_plural_is_not_it(line, mentions):
    lexicon = build_lexicon([], frozenset())
    assert [(line[m.start:m.end], m.term) for m in lexicon.find(line)] == mentions


def test_a_term_that_takes_no_plural_ending_is_found_only_in_the_singular():
    lexicon = build_lexicon([Term("zorb", ("zorb field",), origin="user", singular_only=True),
                             Term("zorb fieldset", origin="user")], frozenset())
    line = "a zorb, two zorbs, a zorb field, zorb fields, zorb fieldsets"
    found = [(line[m.start:m.end], m.term) for m in lexicon.find(line)]
    assert found == [("zorb", "zorb"), ("zorb field", "zorb"), ("zorb", "zorb"), ("zorb fieldsets", "zorb fieldset")]
    assert lexicon.lookup("zorbs") is None and lexicon.lookup("Zorb") == "zorb"


@pytest.mark.parametrize("line, subject", [
    ("맥락 벡터 c = Σ a_t · hs_t (가중합).", "맥락 벡터"),
    ("context vector c: the weighted sum of hs", "context vector"),
    ("attention weight a_t = softmax(hs · h)", "attention weight"),
    ("上下文向量 c = 加权和", "上下文向量"),
    ("zorble q = 3 words", None),  # an unknown name with a variable is no definition of it
    ("weights W = learned", None),  # one word and a variable: a phrase about the variable
    ("遗忘门 f — ✔ — c_t = f ⊙ c_{t-1}", None),  # a table's row: how well it went, not what it is
])
def test_a_known_term_and_its_formula_variable_define_the_term(line, subject):
    assert definition_subject(line, build_lexicon([], frozenset()), colon_allowed=True) == subject


def test_the_learners_context_vector_line_is_its_definition():
    knowledge = link_log("### 배운 것", "- 맥락 벡터 c = Σ a_t · hs_t (가중합).")
    concept = next(c for c in knowledge.concepts if c.name == "context vector")
    assert concept.definition is not None and concept.definition.text.startswith("맥락 벡터 c")
