"""Chapter 2 on the toy sentence: the numbers the book prints, and the same answers on a
planted-structure corpus."""

from __future__ import annotations

import math

import numpy as np
import pytest

from experiments.datasets.toy import toy_corpus
from experiments.models.backend import make_rng
from experiments.models.count_based import (analogy, co_occurrence_matrix, cosine_similarity, most_similar, ppmi,
                                            randomized_svd, truncated_svd)

# The book's co-occurrence matrix of "you say goodbye and i say hello ." with window 1.
BOOK_MATRIX = np.array([
    [0, 1, 0, 0, 0, 0, 0],
    [1, 0, 1, 0, 1, 1, 0],
    [0, 1, 0, 1, 0, 0, 0],
    [0, 0, 1, 0, 1, 0, 0],
    [0, 1, 0, 1, 0, 0, 0],
    [0, 1, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 1, 0],
])


@pytest.fixture(scope="module")
def toy():
    return toy_corpus()


def test_co_occurrence_matrix_is_the_books(toy):
    assert np.array_equal(co_occurrence_matrix(toy.ids, toy.vocab_size, 1), BOOK_MATRIX)


def test_wider_window_counts_both_sides_at_each_distance(toy):
    counts = co_occurrence_matrix(toy.ids, toy.vocab_size, 2)
    assert np.array_equal(counts, counts.T)
    assert counts.sum() == 2 * ((len(toy.ids) - 1) + (len(toy.ids) - 2))


def test_cosine_of_you_and_i_is_0_707(toy):
    C = co_occurrence_matrix(toy.ids, toy.vocab_size, 1)
    w = toy.word_to_id
    assert float(cosine_similarity(C[w["you"]], C[w["i"]])) == pytest.approx(0.7071, abs=1e-4)


def test_most_similar_to_you(toy):
    C = co_occurrence_matrix(toy.ids, toy.vocab_size, 1)
    found = most_similar("you", toy.word_to_id, toy.id_to_word, C, top=5)
    assert {n.word for n in found[:3]} == {"goodbye", "i", "hello"}
    assert [round(n.similarity, 4) for n in found] == [0.7071, 0.7071, 0.7071, 0.0, 0.0]


def test_ppmi_values_the_book_prints(toy):
    M = ppmi(co_occurrence_matrix(toy.ids, toy.vocab_size, 1))
    w = toy.word_to_id
    assert M.dtype == np.float32
    assert float(M[w["you"], w["say"]]) == pytest.approx(math.log2(14 / 4), abs=1e-3)  # 1.807
    assert float(M[w["say"], w["goodbye"]]) == pytest.approx(0.807, abs=1e-3)
    assert float(M[w["you"], w["goodbye"]]) == 0.0
    assert (M >= 0).all()


def test_truncated_svd_reconstructs_and_randomized_agrees(toy):
    M = ppmi(co_occurrence_matrix(toy.ids, toy.vocab_size, 1)).astype(np.float64)
    full = truncated_svd(M, 7)
    assert np.allclose(full.U * full.S @ full.Vt, M, atol=1e-6)
    fast = randomized_svd(M, 3, make_rng(np, 0))
    assert np.allclose(fast.S, full.S[:3], rtol=1e-6)


def test_analogy_excludes_the_question_words(toy):
    C = co_occurrence_matrix(toy.ids, toy.vocab_size, 1).astype(np.float32)
    found = analogy("you", "i", "goodbye", toy.word_to_id, toy.id_to_word, C, top=3)
    assert not {"you", "i", "goodbye"} & {n.word for n in found}


def test_unknown_word_is_named():
    toy = toy_corpus()
    with pytest.raises(KeyError, match="'cat' is not in the vocabulary"):
        most_similar("cat", toy.word_to_id, toy.id_to_word, np.eye(7))
