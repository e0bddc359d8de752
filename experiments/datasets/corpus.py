"""A corpus as the book holds it: word ids, and the two maps between words and ids.

Chapter 2's preprocessing lowercases the text, makes '.' a word of its own and gives ids
in order of first appearance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy


@dataclass(frozen=True)
class Corpus:
    ids: numpy.ndarray  # int32 word ids, in text order
    word_to_id: Mapping[str, int]
    id_to_word: tuple[str, ...]

    @property
    def vocab_size(self) -> int:
        return len(self.id_to_word)

    def words(self, ids: Iterable[int] | None = None) -> list[str]:
        return [self.id_to_word[int(i)] for i in (self.ids if ids is None else ids)]


def vocabulary(words: Iterable[str]) -> tuple[dict[str, int], tuple[str, ...]]:
    """Ids in order of first appearance."""
    word_to_id: dict[str, int] = {}
    for word in words:
        word_to_id.setdefault(word, len(word_to_id))
    return word_to_id, tuple(word_to_id)


def encode(words: Iterable[str], word_to_id: Mapping[str, int], source: str = "text") -> numpy.ndarray:
    """Word ids; a word outside the vocabulary is an error naming it and `source`."""
    try:
        return numpy.array([word_to_id[w] for w in words], dtype=numpy.int32)
    except KeyError as missing:
        raise ValueError(f"{source}: word {missing.args[0]!r} is not in the vocabulary") from None


def preprocess(text: str) -> Corpus:
    """Chapter 2's preprocessing: lowercase, '.' split off as a word, ids by first appearance."""
    words = text.lower().replace(".", " .").split()
    word_to_id, id_to_word = vocabulary(words)
    return Corpus(encode(words, word_to_id), word_to_id, id_to_word)


def unigram_perplexity(train_ids: numpy.ndarray, test_ids: numpy.ndarray, vocab_size: int) -> float:
    """Perplexity on `test_ids` of word frequencies counted on `train_ids` (add-one smoothed,
    so a word unseen in training costs a finite amount): the baseline with no context."""
    counts = numpy.bincount(train_ids, minlength=vocab_size) + 1.0
    log_probs = numpy.log(counts / counts.sum())
    return math.exp(-float(log_probs[test_ids].mean()))
