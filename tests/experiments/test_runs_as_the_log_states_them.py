"""Runs asked with the settings a log states, and only by lines that ask for a run
(experiments.values, experiments.asking, studykb.experiment_lines, render of the boxes):
chained assignments, a run the learner says could not be done, what a line compares with
("instead of CBOW"), a task not done yet, a run log's commands, a run asked twice in a
session, and the learner's own scripts with no repository to run them from."""

import pytest

from experiments import answer
from experiments.catalog import EXPERIMENTS
from experiments.values import read_values
from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.results import load_run_results

LSTM = EXPERIMENTS["ch06-better-lstm-lm"]


@pytest.mark.parametrize("text, values", [
    ("wordvec_size=hidden_size=200, dropout=0.5, lr=20, max_epoch=6",
     {"hidden_size": (200,), "dropout": (0.5,), "lr": (20,), "epochs": (6,)}),
    ("hidden_size = batch_size = 30", {"hidden_size": (30,), "batch_size": (30,)}),
    ("설정: `batch_size=hidden_size=50`, lr=5", {"batch_size": (50,), "hidden_size": (50,), "lr": (5,)}),
    # a text value ends before the next name=value: the learning rate is still read
    ("optimizer=adam, sgd, lr=3", {"lr": (3,)}),
])
def test_a_chain_of_names_sets_each_and_a_text_value_ends_before_the_next_setting(text, values):
    assert read_values(LSTM, text) == values


@pytest.mark.parametrize("text, values", [
    # a figure read off a run (approximate, or a time) is no setting; the setting beside it is
    ("one epoch = ~24 min on CPU, so left it running with `max_epoch = 10`", {"epochs": (10,)}),
    ("epoch = 24 min, lr = 20", {"lr": (20,)}),
    ("1 epoch = 40초, lr=20", {"lr": (20,)}),
    ("dropout = about 0.5 seemed best", {}),
    ("max_epoch = 40, dropout = 0.5", {"epochs": (40,), "dropout": (0.5,)}),
])
def test_a_time_or_an_approximate_figure_after_a_settings_name_is_no_setting(text, values):
    assert read_values(LSTM, text) == values


# (line, chapter) -> the runs it asks for (experiment, run id) and why it looks like an experiment
@pytest.mark.parametrize("line, chapter, runs, why", [
    ("wordvec_size=hidden_size=200, dropout=0.5, lr=20, max_epoch=6, max_grad=0.25, time_size=35, batch_size=20", 6,
     [("ch06-better-lstm-lm", "hidden-200_epochs-6")], ""),
    # a statement about a setting no experiment takes asks for nothing
    ("Dropout 在测试时要关闭（`train_flg=False`）", 6, [], ""),
    ("Dropout is off at test time (`train_flg=False`)", 6, [], ""),
    ("드롭아웃은 테스트 때 끈다 (`train_flg=False`)", 6, [], ""),
    # the learner says the run could not be done: the run asked is the one on the next line
    ("学生用笔记本跑不动完整的 BetterRnnlm（书上 40 epoch），所以跑了缩小版：", 6, [], ""),
    ("Couldn't run the full BetterRnnlm with dropout on my laptop (40 epochs)", 6, [], ""),
    ("노트북으로는 드롭아웃 개선판을 돌릴 수 없어서 줄였다", 6, [], ""),
    # what the line compares with is not what it runs
    ("[ ] Try [[skip-gram]] instead of CBOW", 4, [], "it runs something other than CBOW"),
    ("스킵그램을 CBOW 대신 돌려 봄", 4, [], "it runs something other than CBOW"),
    ("CBOWではなくskip-gramを実行", 4, [], "it runs something other than CBOW"),
    ("Ran CBOW instead of the count-based method", 4, [("ch04-word2vec", "default")], ""),
    ("시간이 없어 CBOW 학습은 스킵", 4, [], ""),  # 스킵 alone still says skipped
])
def test_a_line_asks_for_the_run_it_states(line, chapter, runs, why):
    found = answer(line, chapter)
    assert [(run.experiment, run.run_id) for run in found.runs] == runs
    assert found.unanswered == why


LOG = """# DLFS2 notes

## 2026-11-27 20:00
### Tasks
- [x] Ran `ch04/train.py` overnight
- [ ] Try lr=0.01 with CBOW
### Run log
```
$ python ch04/train.py --hidden_size 300   # window_size=2 max_epoch=5
| epoch 1 | loss 4.16
```
- CBOW with hidden_size=300, window_size=2 and max_epoch=5 was trained again: loss 2.4
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    root = tmp_path_factory.mktemp("log")
    (root / "sessions").mkdir()
    (root / "sessions" / "log.md").write_text(LOG, "utf-8")
    return root, load(Config(root=root))


def test_a_run_logs_command_asks_for_its_run_and_a_task_not_done_is_planned(loaded):
    _, found = loaded
    refs = {(ref.source.line, ref.experiment, ref.run_id, ref.planned) for ref in found.knowledge.experiment_refs}
    assert (6, "ch04-word2vec", "lr-0.01", True) in refs  # "- [ ] Try lr=0.01 with CBOW"
    assert (9, "ch04-word2vec", "window-2_hidden-300_epochs-5", False) in refs  # the command in the code block
    assert (9, "learner-scripts", "ch04-train.py", False) in refs


def test_a_run_shows_once_on_its_session_page_and_the_scripts_not_run_are_said_once(loaded):
    root, found = loaded
    results, _ = load_run_results(found.knowledge, root)
    files, _ = render_site(found.knowledge, results, watch_window=3)
    session = files["generated/sessions/2026-11-27-2000.md"]
    assert session.count("Experiment: Ch04 word2vec: CBOW with negative sampling (window-2_hidden-300") == 1
    assert "learner&#x27;s own scripts" not in session and "scripts_root" not in session
    scripts_page = files["generated/experiments/learner-scripts.md"]
    assert scripts_page.count("scripts_root</code> in <code>mkdocs.yml</code> to the repository") == 1
    notes = [d for d in found.diagnostics if "own scripts" in d.message]
    assert [(d.line, d.message) for d in notes] == [
        (5, "2 lines run the learner's own scripts (ch04/train.py), not run here: set "
            "extra.studykb.experiments.scripts_root in mkdocs.yml to the repository that holds them")]
