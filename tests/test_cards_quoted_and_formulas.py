"""Cards from what a log quotes and computes: a watchlist item that quotes a question asks its
own question, not the quoted one cut at its "?"; a line that computes a term from itself
(``loss = loss(positive) + …``) is a formula, no definition in the learner's words."""
from __future__ import annotations

import pytest

from studykb.concepts import definition_subject
from studykb.vocabulary import build_lexicon
from tests.test_cards import watch_fronts


@pytest.mark.parametrize("part, item, front", [
    ("Still confused", 'if we only train "is it the target?" the model says yes to everything -> how do negatives fix that?',
     'If we only train "is it the target?" the model says yes to everything -> how do negatives fix that?'),
    ("Still confused", "after the book's “why not?” I still wonder why we average the context vectors?",
     "After the book's “why not?” I still wonder why we average the context vectors?"),
    ("Still confused", "why average and not sum? the book never says", "Why average and not sum?"),
    ("헷갈리는 것", '"정답인가?"만 학습하면 왜 모두 YES가 되지 않나?', '"정답인가?"만 학습하면 왜 모두 YES가 되지 않나?'),
])
def test_a_watchlist_card_asks_the_items_own_question_not_one_it_quotes(tmp_path, part, item, front):
    assert watch_fronts(tmp_path, part, item) == [front]


@pytest.mark.parametrize("line, subject", [
    ("loss = loss(positive, t=1) + sum over k negatives loss(neg, t=0)", None),
    ("h = tanh(h_prev W_h + x W_x + b) where h is the hidden state", None),
    ("perplexity = exp(average cross entropy loss)", "perplexity"),
    ("Embedding layer = skip the matmul, take `W[idx]` directly", "Embedding layer"),
])
def test_a_formula_of_a_term_from_itself_defines_nothing(line, subject):
    assert definition_subject(line, build_lexicon([], frozenset()), colon_allowed=True) == subject
