"""The book's script of a chapter trains one model: ``ch03/train.py`` trains SimpleCBOW, so a line
that runs it asks for chapter 3's experiment with CBOW alone, with the values the line states."""

from __future__ import annotations

import pytest

from experiments.answers import answer


@pytest.mark.parametrize("line, chapter, run", [
    ("ran `ch03/train.py`", 3, "model-cbow"),
    ("跑了书上的训练： ran `ch03/train.py`", 2, "model-cbow"),
    ("`ch03/train.py` 실행, hidden_size=10", 3, "model-cbow_hidden-10"),
    ("ran `train.py` (chapter 3's)", 3, "model-cbow"),
])
def test_the_books_chapter_3_script_trains_cbow(line, chapter, run):
    runs = [r.run_id for r in answer(line, chapter).runs if r.experiment == "ch03-simple-word2vec"]
    assert runs == [run]


def test_a_line_that_names_both_models_trains_both():
    (run,) = [r for r in answer("compared simple CBOW and skip-gram on the toy sentence", 3).runs]
    assert run.run_id == "default"
