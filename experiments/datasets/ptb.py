"""The Penn Treebank as the book uses it (chapters 2, 4, 5, 6): Mikolov's pre-processed
PTB, three files of one sentence per line, already lowercased, numbers as N, rare words
as <unk>, a vocabulary of 10,000 words.

The book reads a file, turns every line end into the word <eos> and splits on white
space; ids follow the order in which words first appear in the training file. Known
sizes: 929,589 training words, 73,760 validation and 82,430 test (each counting <eos>).

Nothing is downloaded (the machine may be offline): the learner puts ptb.train.txt,
ptb.valid.txt and ptb.test.txt (as the book's download writes them) in a folder and names
it. The files' sha256 digests make a cache key for results computed from them.
"""

from __future__ import annotations

import hashlib
from types import MappingProxyType
from dataclasses import dataclass
from pathlib import Path

import numpy

from experiments.datasets.corpus import Corpus, encode, vocabulary

PTB_FILES = MappingProxyType({"train": "ptb.train.txt", "valid": "ptb.valid.txt", "test": "ptb.test.txt"})
KNOWN_WORD_COUNTS = MappingProxyType({"train": 929_589, "valid": 73_760, "test": 82_430})
KNOWN_VOCAB_SIZE = 10_000
END_OF_SENTENCE = "<eos>"
SOURCE_URL = "https://raw.githubusercontent.com/tomsercu/lstm/master/data/"


class PtbMissing(FileNotFoundError):
    """The PTB files are not where the learner said they would be."""


@dataclass(frozen=True)
class PtbSplits:
    train: numpy.ndarray
    valid: numpy.ndarray
    test: numpy.ndarray
    word_to_id: dict[str, int]
    id_to_word: tuple[str, ...]


def ptb_path(folder: Path | str, split: str) -> Path:
    """The file of one split ('train', 'valid' or 'test'; the book's 'val' is 'valid')."""
    split = "valid" if split == "val" else split
    if split not in PTB_FILES:
        raise ValueError(f"unknown PTB split {split!r}; choose one of {', '.join(PTB_FILES)}")
    path = Path(folder) / PTB_FILES[split]
    if not path.is_file():
        raise PtbMissing(
            f"{path}: not found. Put {', '.join(PTB_FILES.values())} in {Path(folder)} "
            f"(the book's download takes them from {SOURCE_URL}); nothing is downloaded here.")
    return path


def read_words(path: Path) -> list[str]:
    """Every line's words followed by <eos>, as the book's replace('\\n', '<eos>') gives."""
    words: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        words.extend(line.split())
        words.append(END_OF_SENTENCE)
    return words


def load_ptb(folder: Path | str, split: str = "train") -> Corpus:
    """One split's ids, with the vocabulary of the training file."""
    word_to_id, id_to_word = vocabulary(read_words(ptb_path(folder, "train")))
    path = ptb_path(folder, split)
    return Corpus(encode(read_words(path), word_to_id, str(path)), word_to_id, id_to_word)


def load_ptb_splits(folder: Path | str) -> PtbSplits:
    """All three splits, read once, sharing the training file's vocabulary."""
    words = {split: read_words(ptb_path(folder, split)) for split in PTB_FILES}
    word_to_id, id_to_word = vocabulary(words["train"])
    ids = {split: encode(w, word_to_id, str(ptb_path(folder, split))) for split, w in words.items()}
    return PtbSplits(ids["train"], ids["valid"], ids["test"], word_to_id, id_to_word)


def ptb_sha256(folder: Path | str) -> dict[str, str]:
    """sha256 hex digest of each split's file, by split name (for cache keys)."""
    return {split: hashlib.sha256(ptb_path(folder, split).read_bytes()).hexdigest()
            for split in PTB_FILES}
