"""Character-level question/answer data as chapters 7 and 8 feed it to seq2seq models.

Each example is a question padded with spaces to a fixed width and an answer that starts
with '_' (the decoder's start symbol) and is padded likewise; both become rows of
character ids. The book keeps the last tenth as test data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy

START = "_"


@dataclass(frozen=True)
class CharDataset:
    name: str
    description: str
    x_train: numpy.ndarray  # (N, question width) int32 ids
    t_train: numpy.ndarray  # (N, answer width) int32 ids, first column the '_' id
    x_test: numpy.ndarray
    t_test: numpy.ndarray
    char_to_id: Mapping[str, int]
    id_to_char: tuple[str, ...]
    reversed_questions: bool = False

    @property
    def vocab_size(self) -> int:
        return len(self.id_to_char)

    @property
    def start_id(self) -> int:
        return self.char_to_id[START]

    def decode(self, ids: Sequence[int]) -> str:
        return "".join(self.id_to_char[int(i)] for i in ids)


def to_ids(texts: Sequence[str], char_to_id: Mapping[str, int]) -> numpy.ndarray:
    """Equal-width strings -> (N, width) int32 ids."""
    return numpy.array([[char_to_id[c] for c in text] for text in texts], dtype=numpy.int32).reshape(len(texts), -1)


def make_dataset(name: str, description: str, pairs: Sequence[tuple[str, str]], alphabet: str,
                 test_fraction: float, reverse_questions: bool) -> CharDataset:
    """Split question/answer strings (already padded) into train and test id arrays.

    With `reverse_questions` each question row is read right to left (chapter 7's trick).
    """
    char_to_id = {c: i for i, c in enumerate(alphabet)}
    x = to_ids([q for q, _ in pairs], char_to_id)
    t = to_ids([a for _, a in pairs], char_to_id)
    if reverse_questions:
        x = numpy.ascontiguousarray(x[:, ::-1])
    split = len(pairs) - int(len(pairs) * test_fraction)
    return CharDataset(name, description, x[:split], t[:split], x[split:], t[split:], char_to_id,
                       tuple(alphabet), reverse_questions)
