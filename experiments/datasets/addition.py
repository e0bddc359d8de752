"""Chapter 7's addition problems, generated: "16+75" -> "91", one character at a time.

The book's addition.txt holds 50,000 lines such as ``16+75  _91  ``: the question padded
with spaces to 7 characters (up to 999+999), then '_' and the sum padded to 4 characters
(up to 1998); its last 5,000 lines (after a seeded shuffle) are the test set, 45,000
train. Its numbers have 1, 2 or 3 digits in about equal shares (a 1-digit number may be
0), and problems repeat. Here problems are drawn the same way from a seed: number of
digits uniform over 1..max_digits, then the number uniform over those with that many
digits. The vocabulary is the 13 characters 0-9, '+', ' ' and '_'.
"""

from __future__ import annotations

import numpy

from experiments.datasets.chars import START, CharDataset, make_dataset

ALPHABET = "0123456789+ _"
BOOK_COUNT = 50_000
TEST_FRACTION = 0.1


def random_number(rng: numpy.random.Generator, max_digits: int) -> int:
    digits = int(rng.integers(1, max_digits + 1))
    low = 0 if digits == 1 else 10 ** (digits - 1)
    return int(rng.integers(low, 10 ** digits))


def addition_pairs(count: int = BOOK_COUNT, max_digits: int = 3, seed: int = 0) -> list[tuple[str, str]]:
    """(question, answer) strings padded as in the book: widths 2d+1 and 1 + (d+1)."""
    rng = numpy.random.default_rng(seed)
    question_width, answer_width = 2 * max_digits + 1, max_digits + 1
    pairs = []
    for _ in range(count):
        a, b = random_number(rng, max_digits), random_number(rng, max_digits)
        pairs.append((f"{a}+{b}".ljust(question_width), START + str(a + b).ljust(answer_width)))
    return pairs


def addition_dataset(count: int = BOOK_COUNT, max_digits: int = 3, seed: int = 0,
                     reverse_questions: bool = False, test_fraction: float = TEST_FRACTION) -> CharDataset:
    """The problems as id arrays: by default 45,000 train and 5,000 test, 3-digit numbers."""
    description = (f"{count} generated addition problems of up to {max_digits}-digit numbers "
                   f"(seed {seed}), in the shape of the book's addition.txt")
    return make_dataset("addition", description, addition_pairs(count, max_digits, seed), ALPHABET,
                        test_fraction, reverse_questions)
