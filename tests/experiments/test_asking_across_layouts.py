"""Runs asked for in other layouts and languages: a model named only in comparison, the
book's flags written as identifiers, parameter words in Korean and Japanese, a sweep told
by its values, a log's title and its table rows naming the chapter, and the run box of
every line that asks on its session page (experiments.answers, studykb.experiment_lines)."""

from pathlib import Path

import pytest

from experiments import answer
from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.results import load_run_results

SCRIPTS = "learner-scripts"

# (line, chapter the log is in there) -> the runs it asks for.
RUNS = [
    # A model named only as what the line compares with is not run.
    ("val acc 99.9% after 2 epochs — way faster than peeky seq2seq", None, []),
    ("Trained attention for 5 epochs, ~3x faster than the peeky seq2seq", None, [("ch08-attention", "epochs-5")]),
    ("어텐션 모델을 학습시켰더니 peeky seq2seq보다 훨씬 빨랐다", None, [("ch08-attention", "default")]),
    ("アテンションで再学習したら、peeky seq2seqより速かった", None, [("ch08-attention", "default")]),
    ("Compared with the Ch01 LR sweep `0.1, 1`", 6, [("ch01-lr-sweep", "lr-0.1-1")]),  # opens with it: ran it
    ("val acc 99.9% after 2 epochs", 8, [("ch08-attention", "default")]),  # a point in training, no setting
    # The book's flags, written as identifiers.
    ("re-trained with is_peeky=True", 7, [("ch07-seq2seq", "default")]),
    ("`is_reverse = True` にして再学習したら、正解率が約53%まで上がった", 7, [("ch07-seq2seq", "default")]),
    ("`is_peeky = True` 로 다시 학습했다", 7, [("ch07-seq2seq", "default")]),
    ("Ran `train_custom_loop.py`", 1, [("ch01-baseline", "default"), (SCRIPTS, "ch01-train_custom_loop.py")]),
    ("Ran `ch08/attention_layer.py`", 7, [(SCRIPTS, "ch08-attention_layer.py")]),  # a file's name is not split
    # Two values or more of a setting, and a run: the chapter's sweep of that setting.
    ("배치 크기 32, 64, 128로 바꿔가며 학습했더니 손실이 달랐다", 1, [("ch01-batch-sweep", "batch-32-64-128")]),
    ("미니배치 크기를 10, 30, 100으로 돌려 봤다", 1, [("ch01-batch-sweep", "batch-10-30-100")]),
    ("学習率を0.1、1.0、10にして実行した", 1, [("ch01-lr-sweep", "lr-0.1-1-10")]),
    ("バッチサイズ 10, 30, 100 で学習させた", 1, [("ch01-batch-sweep", "batch-10-30-100")]),
    ("ran batch sizes 10, 30 and 100", 1, [("ch01-batch-sweep", "batch-10-30-100")]),
    ("Ran lr 0.1 and batch size 30", 1, []),  # one value of each: no sweep, and no experiment's words
    ("배치 크기 32, 64, 128의 차이", 1, []),  # values, but nothing was run
    # A script run with the settings in Korean or Japanese words: the plainest experiment taking them.
    ("`ch01/train.py` 실행 — 은닉층 20, 학습률 0.5, 100 에폭에서 손실 약 0.3", None,
     [("ch01-baseline", "lr-0.5_hidden-20_epochs-100"), (SCRIPTS, "ch01-train.py")]),
    ("`ch01/train.py` 실행 — 은닉층 10, 학습률 1.0, 300 에폭에서 손실 약 0.1까지 떨어짐", None,
     [("ch01-baseline", "default"), (SCRIPTS, "ch01-train.py")]),
    ("`ch01/train.py` を実行：隠れ層 20、学習率 0.5、100エポック", None,
     [("ch01-baseline", "lr-0.5_hidden-20_epochs-100"), (SCRIPTS, "ch01-train.py")]),
    ("ran `ch01/train.py` with hidden 20, lr 0.5, 100 epochs", None,
     [("ch01-baseline", "lr-0.5_hidden-20_epochs-100"), (SCRIPTS, "ch01-train.py")]),
    # A setting named in Korean, Japanese or Chinese words, a Chinese verb of setting between.
    ("changed the dropout ratio to 0.3 and retrained", 6, [("ch06-better-lstm-lm", "dropout-0.3")]),
    ("드롭아웃 비율을 0.3으로 바꿔서 다시 학습했다", 6, [("ch06-better-lstm-lm", "dropout-0.3")]),
    ("ドロップアウト率を0.3に変えて再学習した", 6, [("ch06-better-lstm-lm", "dropout-0.3")]),
    ("把丢弃率改成0.3重新训练", 6, [("ch06-better-lstm-lm", "dropout-0.3")]),
    ("学习率改成0.1、1.0、10重新训练", 1, [("ch01-lr-sweep", "lr-0.1-1-10")]),
    # A script run, in Korean or Japanese words.
    ("`generate_text.py` を実行した", 7, [(SCRIPTS, "ch07-generate_text.py")]),
    ("`generate_better_text.py` 실행해 봄", 7, [(SCRIPTS, "ch07-generate_better_text.py")]),
]


@pytest.mark.parametrize("line, chapter, runs", RUNS)
def test_a_line_asks_for_the_runs_its_words_and_values_name(line, chapter, runs):
    assert [(run.experiment, run.run_id) for run in answer(line, chapter).runs] == runs


@pytest.mark.parametrize("line, chapter, why", [
    ("val acc 99.9% after 2 epochs — way faster than peeky seq2seq", None, "it reports an acc figure"),
    ("정확도 99%, peeky seq2seq보다 빠름", None, ""),  # nothing said to be run: no note either
    ("`generate_text.py` を実行した", 7, "it runs generate_text.py"),
])
def test_a_line_no_experiment_answers_says_why_it_looks_like_one(line, chapter, why):
    assert answer(line, chapter).unanswered == why


LOG = """# ch8 attention

## 2026-12-10 23:20–00:35
val acc 99.9% after 2 epochs — way faster than peeky seq2seq.
Q: why so fast? A: the format templates are few.

| topic | note |
|---|---|
| 8.3 | date-format dataset |
| 8.3 | ran `ch08/train.py`, batch 64, hidden 256, 10 epochs |

| result | value |
|---|---|
| epoch 2 | val acc 99.9% |

## 2026-12-12 20:00–21:00
| topic | note |
|---|---|
| 7.5 | re-ran `ch07/train_seq2seq.py` with is_peeky=True |

Ran the peeky seq2seq again with 5 epochs.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[dict[int, list], dict[str, str]]:
    root = tmp_path_factory.mktemp("site")
    (root / "sessions").mkdir()
    (root / "sessions" / "log.md").write_text(LOG, "utf-8")
    knowledge = load(Config(root=root)).knowledge
    refs: dict[int, list] = {}
    for ref in knowledge.experiment_refs:
        refs.setdefault(ref.source.line, []).append((ref.experiment, ref.run_id))
    results, _ = load_run_results(knowledge, root)
    files, _ = render_site(knowledge, results, watch_window=3)
    return refs, files


def test_the_title_and_table_rows_name_the_chapter_and_a_row_that_ran_something_asks(site):
    refs, _ = site
    assert refs == {
        4: [("ch08-attention", "default")],  # in chapter 8 by the title: no chapter-7 run for a comparison
        10: [("ch08-attention", "batch-64"), (SCRIPTS, "ch08-train.py")],  # a row that says it ran
        19: [("ch07-seq2seq", "default"), (SCRIPTS, "ch07-train_seq2seq.py")],  # a row naming ch07/
        21: [("ch07-seq2seq", "epochs-5")],  # the row moved the log on to chapter 7
    }  # the rows of results (line 14) report, they ask for nothing


def _session_page(files: dict[str, str], text: str) -> str:
    return next(body for path, body in files.items() if "/sessions/" in path and text in body)


@pytest.mark.parametrize("line, shown, run", [
    ("way faster than", "way faster than", "(default)"),  # a plain paragraph ("peeky" is linked)
    ("date-format dataset", "ran <code>ch08/train.py</code>, batch 64", "(batch-64)"),  # a table's row
    ("again with 5", "again with 5", "(epochs-5)"),
    ("is_peeky=True", "is_peeky=True", "(default)"),
])
def test_every_line_that_asks_for_a_run_shows_its_run_box_on_its_session_page(site, line, shown, run):
    _, files = site
    body = _session_page(files, line)
    after = body[body.index(shown):]
    assert "Experiment: " in after and run in after
