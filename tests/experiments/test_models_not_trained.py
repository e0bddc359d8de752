"""A line that runs a model the chapter's experiment does not train asks for no run of it: ch04's
word2vec trains CBOW only, so skip-gram in ``ch04/train.py`` is something no run reproduces."""

from __future__ import annotations

import pytest

from experiments.answers import answer
from experiments.gallery import SPEC

SCRIPTS = SPEC.id


@pytest.mark.parametrize("line, runs", [
    ("LATER try skip-gram in `ch04/train.py` (swap the model class) some weekend", []),
    ("switched `ch04/train.py` to SkipGram and ran it again, loss 3.1", [(SCRIPTS, "ch04-train.py")]),
    ("다음엔 `ch04/train.py`에서 스킵그램으로 바꿔서 돌려 보기", [(SCRIPTS, "ch04-train.py")]),
    ("skip-gram on PTB with negative sampling, 5 epochs: tried it", []),
])
def test_a_model_the_experiment_does_not_train_is_no_run_of_it(line, runs):
    found = answer(line, 4)
    assert [(run.experiment, run.run_id) for run in found.runs] == runs
    assert "does not train" in found.unanswered


@pytest.mark.parametrize("line, runs", [
    # named only as what the line compares with, it is not what ran
    ("ran CBOW instead of skip-gram, `ch04/train.py`", [("ch04-word2vec", "default"), (SCRIPTS, "ch04-train.py")]),
    # explaining, not running
    ("skip-gram tends to beat CBOW on analogy", []),
])
def test_a_model_named_but_not_run_changes_nothing(line, runs):
    assert [(run.experiment, run.run_id) for run in answer(line, 4).runs] == runs


def test_chapter_3_trains_skip_gram():
    assert [run.experiment for run in answer("ran the simple skip-gram on the toy sentence", 3).runs] == [
        "ch03-simple-word2vec"]


def test_a_skip_gram_line_does_not_change_the_cbow_run_before():
    (before, _) = answer("ran `ch04/train.py` with `max_epoch = 1`", 4).runs
    found = answer("then skip-gram with window 2, loss 3.0", 4, following=before)
    assert [run.experiment for run in found.runs] == []
