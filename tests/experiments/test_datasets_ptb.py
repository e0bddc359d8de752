"""Reading PTB from the learner's folder as the book does; a clear error when it is not there."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from experiments.datasets.ptb import (KNOWN_VOCAB_SIZE, KNOWN_WORD_COUNTS, PTB_FILES, PtbMissing, load_ptb,
                                      load_ptb_splits, ptb_sha256)

# The files' own layout: a space before and after every line's words.
TRAIN = " the cat sat \n the dog sat on the mat \n"
VALID = " the mat sat \n"
TEST = " the cat \n the \n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for split, text in (("train", TRAIN), ("valid", VALID), ("test", TEST)):
        (tmp_path / PTB_FILES[split]).write_text(text, "utf-8")
    return tmp_path


def test_words_get_ids_in_order_of_first_appearance_in_train_and_lines_end_in_eos(folder):
    train = load_ptb(folder, "train")
    assert train.id_to_word == ("the", "cat", "sat", "<eos>", "dog", "on", "mat")
    assert train.words() == ["the", "cat", "sat", "<eos>", "the", "dog", "sat", "on", "the", "mat", "<eos>"]


def test_valid_and_test_use_the_training_vocabulary(folder):
    valid = load_ptb(folder, "val")  # the book's name for it
    assert valid.words() == ["the", "mat", "sat", "<eos>"]
    assert valid.word_to_id == load_ptb(folder, "train").word_to_id
    splits = load_ptb_splits(folder)
    assert splits.test.tolist() == [0, 1, 3, 0, 3]


def test_a_word_missing_from_train_is_named(folder):
    (folder / PTB_FILES["test"]).write_text(" a zebra \n", "utf-8")
    with pytest.raises(ValueError, match="ptb.test.txt: word 'a' is not in the vocabulary"):
        load_ptb(folder, "test")


def test_missing_files_say_where_to_put_them(tmp_path):
    with pytest.raises(PtbMissing) as raised:
        load_ptb(tmp_path / "nowhere", "train")
    message = str(raised.value)
    assert "ptb.train.txt" in message and "ptb.valid.txt" in message and str(tmp_path / "nowhere") in message
    assert "nothing is downloaded" in message
    assert isinstance(raised.value, FileNotFoundError)


def test_unknown_split_is_refused(folder):
    with pytest.raises(ValueError, match="unknown PTB split 'dev'"):
        load_ptb(folder, "dev")


def test_sha256_of_each_file(folder):
    digests = ptb_sha256(folder)
    assert digests["train"] == hashlib.sha256((folder / "ptb.train.txt").read_bytes()).hexdigest()
    assert set(digests) == {"train", "valid", "test"}


@pytest.mark.skipif(not os.environ.get("STUDYKB_PTB_DIR"), reason="set STUDYKB_PTB_DIR to a folder with PTB")
def test_the_real_ptb_has_the_books_sizes():
    splits = load_ptb_splits(os.environ["STUDYKB_PTB_DIR"])
    assert len(splits.id_to_word) == KNOWN_VOCAB_SIZE
    assert {k: len(getattr(splits, k)) for k in KNOWN_WORD_COUNTS} == KNOWN_WORD_COUNTS
