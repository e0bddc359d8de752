"""Chapter 7's addition problems in the shape of the book's addition.txt."""

from __future__ import annotations

import numpy as np
import pytest

from experiments.datasets.addition import addition_dataset, addition_pairs


@pytest.fixture(scope="module")
def book_sized():
    return addition_dataset()


def test_book_sizes_and_widths(book_sized):
    assert book_sized.x_train.shape == (45_000, 7) and book_sized.t_train.shape == (45_000, 5)
    assert book_sized.x_test.shape == (5_000, 7) and book_sized.t_test.shape == (5_000, 5)
    assert book_sized.vocab_size == 13
    assert (book_sized.t_train[:, 0] == book_sized.start_id).all()


def test_every_answer_is_the_sum(book_sized):
    for x, t in zip(book_sized.x_train[:2000], book_sized.t_train[:2000]):
        a, b = book_sized.decode(x).split("+")
        assert book_sized.decode(t) == "_" + str(int(a) + int(b)).ljust(4)


def test_numbers_have_one_two_or_three_digits_in_about_equal_shares():
    lengths = [len(q.split("+")[0].strip()) for q, _ in addition_pairs(9_000, seed=3)]
    shares = np.bincount(lengths, minlength=4)[1:] / len(lengths)
    assert np.allclose(shares, 1 / 3, atol=0.03)
    assert max(len(q.rstrip()) for q, _ in addition_pairs(9_000, seed=3)) == 7  # 999+999 fits


def test_padding_as_in_the_book():
    question, answer = next((q, a) for q, a in addition_pairs(500, seed=0) if len(q.rstrip()) == 5)
    assert len(question) == 7 and question.endswith("  ")
    assert len(answer) == 5 and answer.startswith("_")


def test_reversed_questions_read_right_to_left():
    plain, flipped = addition_dataset(100, reverse_questions=False), addition_dataset(100, reverse_questions=True)
    assert np.array_equal(flipped.x_train, plain.x_train[:, ::-1]) and flipped.reversed_questions
    assert np.array_equal(flipped.t_train, plain.t_train)


def test_seeded_and_sized_by_digits():
    assert addition_pairs(50, seed=1) == addition_pairs(50, seed=1) != addition_pairs(50, seed=2)
    small = addition_dataset(1_000, max_digits=2)
    assert small.x_train.shape == (900, 5) and small.t_train.shape == (900, 4)
