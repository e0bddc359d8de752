"""A log that says its code is the book's repository runs the book's scripts: a line that runs one an
experiment reproduces asks for that experiment, not also for a run of the learner's own script."""

from __future__ import annotations

import pytest

from experiments.gallery import SPEC
from studykb.book_code import says_book_code
from tests.experiments.test_asking_for_runs import runs_by_line

SCRIPTS = SPEC.id

LOG = """# Notes

{said}

## 2026-12-01 — ch4

- ran `ch04/train.py`, loss 4.16 -> 2.4
- ran `ch05/eval.py` for a look ahead
"""


@pytest.mark.parametrize("said, book", [
    ("Code: the book's GitHub repo, CPU only.", True),
    ("Working from the official repository (ch01-ch08 folders).", True),
    ("Student runs the book's repo on her laptop.", True),
    ("코드는 책 저장소(ch04/ 폴더) 그대로 씀.", True),
    ("コードは本のリポジトリをそのまま使う。", True),
    ("代码用的是书上的 GitHub 仓库（ch02/ ch03/ ch04/ 目录）。", True),
    ("My own implementation, in ~/study/dlfs2.", False),
    ("リポジトリ: /home/me/study/dlfs2", False),
])
def test_a_log_says_its_code_is_the_books(said, book):
    assert says_book_code(said) is book


def test_in_a_log_of_the_books_code_a_script_an_experiment_reproduces_is_that_experiment(tmp_path):
    found = runs_by_line(tmp_path, LOG.format(said="代码用的是书上的 GitHub 仓库。"))
    assert found[7] == [("ch04-word2vec", "default", False)]
    assert found[8] == [(SCRIPTS, "ch05-eval.py", False)]  # no experiment reproduces it: still the script


def test_a_log_of_the_learners_own_code_runs_both(tmp_path):
    found = runs_by_line(tmp_path, LOG.format(said="My own implementation."))
    assert found[7] == [("ch04-word2vec", "default", False), (SCRIPTS, "ch04-train.py", False)]
