"""What a line says about a run it reports is not a setting of a run to make
(experiments.asking, experiments.values, experiments.answers, studykb.experiment_lines):
an epoch a figure is read at or how often one is noted, a case an equation defines, the
values stated for another experiment named on the same line, a model named only as what
is used instead, a run of another chapter's experiment, and the lines of a time log."""

import pytest

from experiments import answer
from experiments.asking import figures
from studykb.config import Config
from studykb.pipeline import load


def runs(line: str, chapter: int | None, learned: bool = False) -> list[tuple[str, str]]:
    return [(run.experiment, run.run_id) for run in answer(line, chapter, learned=learned).runs
            if run.experiment != "learner-scripts"]


# An epoch followed by a figure, or an ordinal one, is where a reading was taken; "every N
# epochs" is how often: neither is how many epochs the run had.
@pytest.mark.parametrize("line, chapter, expected", [
    ("Ran `ch05/train_custom_loop.py`: epoch 1 ppl ~ 390, epoch 20 ~ 250, epoch 100 ~ 5.6", 5,
     [("ch05-rnnlm", "default")]),
    ("Ran the RNNLM; at the 10th epoch perplexity was 80", 5, [("ch05-rnnlm", "default")]),
    ("Run `ch05/train_custom_loop.py`; note ppl every 10 epochs", 5, [("ch05-rnnlm", "default")]),
    ("Ran seq2seq with is_reverse=True: epoch 5: 8% / epoch 10: 27% / epoch 25: 53.9%", 7,
     [("ch07-seq2seq", "default")]),
    ("RNNLM 학습함: 1에폭 퍼플렉서티 242.3, 3에폭째 손실 1.2", 5, [("ch05-rnnlm", "default")]),
    ("RNNLM 학습함, 10에폭마다 퍼플렉서티 기록", 5, [("ch05-rnnlm", "default")]),
    ("RNNLM を学習させた。第5エポックで困惑度 120、epoch 8 時点で 90", 5, [("ch05-rnnlm", "default")]),
    ("训练了 RNNLM，每5个epoch记录一次困惑度", 5, [("ch05-rnnlm", "default")]),
    # a count of epochs stays a setting
    ("Ran the RNNLM for 20 epochs, ppl 60", 5, [("ch05-rnnlm", "epochs-20")]),
    ("Ran the RNNLM with lr 0.1, epoch 5, hidden 100", 5, [("ch05-rnnlm", "epochs-5")]),
])
def test_an_epoch_a_figure_is_read_at_is_no_count_of_epochs(line, chapter, expected):
    assert runs(line, chapter) == expected


RAN = {5: "`python ch05/train_custom_loop.py` : batch_size 10, hidden_size 100, lr 0.1, max_epoch 100",
       4: "ran: `python ch04/train.py` — window_size=5, hidden_size=100, batch_size=100, max_epoch=10"}


# A line of readings at epochs after the line that ran is that run's result, whichever way the
# epoch is written: not a run of as many epochs as the first reading's.
@pytest.mark.parametrize("line, chapter", [
    ("결과: 에폭 1 퍼플렉서티 410.5 → 에폭 100 퍼플렉서티 5.8", 5),
    ("에포크 1: 퍼플렉서티 410 / 에포크 100: 5.8", 5),
    ("result: epoch 1: ppl 410.5, epoch 100: ppl 5.8", 5),
    ("結果：エポック1 パープレキシティ 410.5 → エポック100 5.8", 5),
    ("结果：第1轮 困惑度 410.5 → 第100轮 困惑度 5.8", 5),
    ("first line `| epoch 1 |  iter 1 / 9295 | time 0[s] | loss 4.16`; killed it after epoch 1 (loss 2.87)", 4),
    ("result: final loss ~ 1.96 at epoch 10", 4),
])
def test_readings_at_epochs_are_the_result_of_the_run_before(line, chapter):
    (before, *_) = answer(RAN[chapter], chapter).runs
    found = answer(line, chapter, following=before)
    assert [(run.experiment, run.run_id) for run in found.runs] == [(before.experiment, before.run_id)]
    assert found.follows and not found.unanswered


# A setting's value is a number, or text for a setting of text: a metric or a variable is
# one side of an equation, and the line asks for nothing by it.
@pytest.mark.parametrize("line, chapter, learned", [
    ('Perplexity = "number of branches": ppl 1 = always sure of the next word; uniform over V words = ppl V.', 5,
     True),
    ("Perplexity 1 = a perfect model; over V words = ppl V at worst", 5, True),
    ("퍼플렉서티 1 = 항상 정답 확신, 균등 분포면 words = V", 5, True),
])
def test_an_equation_asks_for_no_run(line, chapter, learned):
    found = answer(line, chapter, learned=learned)
    assert (found.runs, found.problems, found.unanswered) == ((), (), "")


def test_a_word_that_is_no_metric_nor_variable_is_still_a_value_the_run_cannot_take():
    assert answer("Ran the RNNLM with corpus_size=all", 5).problems == (
        "ch05-rnnlm: cannot run: corpus size 'all' is not a number",)


# A model named before "instead of" (대신, ではなく) is what was not used.
@pytest.mark.parametrize("line, chapter, why", [
    ("7.1 문장 생성: `ch07/generate_text.py` 돌려봄 (`BetterRnnlm` 대신 `Rnnlm` 가중치로)", 7,
     "it runs ch07/generate_text.py"),
    ("`ch07/generate_text.py` を実行（`BetterRnnlm`ではなく `Rnnlm` の重みで）", 7, "it runs ch07/generate_text.py"),
    ("Ran `ch07/generate_text.py` with the Rnnlm weights instead of `BetterRnnlm`", 7,
     "it runs ch07/generate_text.py"),
])
def test_a_model_used_instead_of_is_not_run(line, chapter, why):
    found = answer(line, chapter)
    assert runs(line, chapter) == [] and found.unanswered == why


# A line that names two experiments reads each one's values from where it names it.
@pytest.mark.parametrize("line, chapter, expected", [
    ("LSTM-based `Rnnlm` on PTB (`ch06/train_rnnlm.py`: hidden_size=100, max_epoch=4, lr=20.0), then "
     "`BetterRnnlm` ideas: dropout 0.5, weight tying", 6,
     [("ch06-better-lstm-lm", "default"), ("ch06-lstm-lm", "default")]),
    ("Ran `ch06/train_rnnlm.py` with max_epoch=2, then `train_better_rnnlm.py` with dropout 0.3", 6,
     [("ch06-better-lstm-lm", "dropout-0.3"), ("ch06-lstm-lm", "epochs-2")]),
])
def test_each_experiment_a_line_names_takes_the_values_stated_for_it(line, chapter, expected):
    assert runs(line, chapter) == expected


# Another chapter's experiment run in this chapter's session is not reproduced, and the line says so.
@pytest.mark.parametrize("line, chapter, name", [
    ("비교용으로 `Seq2seq`, `PeekySeq2seq`도 같은 데이터로 돌림", 8, "Seq2seq"),
    ("Also ran plain seq2seq on the same data for comparison", 8, "seq2seq"),
    ("比較のため seq2seq も同じデータで実行", 8, "seq2seq"),
])
def test_a_run_of_another_chapters_experiment_says_it_is_not_reproduced(line, chapter, name):
    found = answer(line, chapter)
    assert found.runs == ()
    assert found.unanswered == (f"it runs {name} in a chapter 8 session; ch07-seq2seq reproduces it only as "
                                "chapter 7 runs it, on that chapter's data")


LOG = """# ch5 RNNLM

## Session: 2026-03-04 21:00 KST
- Time log (today): Start ~21:05 KST | End 22:47 KST | Duration ~102 minutes (training ran in background ~60 min)
- Topics covered:
  - Ran `ch05/train_custom_loop.py` with time_size=5, max_epoch=100

## Session: 2026-03-05 21:00 KST
- 시작: 21:00, 종료: 22:00 (학습은 백그라운드에서 40분 돌림)
- Topics covered:
  - RNNLM 다시 학습함
"""


def test_the_lines_of_a_time_log_ask_for_no_run_and_are_not_reported(tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text(LOG, "utf-8")
    loaded = load(Config(root=tmp_path))
    lines = {ref.source.line for ref in loaded.knowledge.experiment_refs}
    assert 4 not in lines and 9 not in lines and 6 in lines
    assert not [d for d in loaded.diagnostics if "looks like an experiment" in str(d)]


def test_a_part_named_by_one_word_such_as_ran_is_no_experiment_of_its_own(tmp_path):
    log = ("## Lesson 1 — 2026-11-10 18:00-19:00\n\n| | |\n|---|---|\n| Covered | 4.1 Embedding |\n"
           "| Homework | re-read 4.2 |\n| Ran | nothing (reading lesson) |\n")
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text(log, "utf-8")
    notes = [note.message for note in load(Config(root=tmp_path)).knowledge.experiment_notes]
    assert notes == []


# A chapter's number before a metric's word is no figure of it: "Ch02 loss function" reports nothing.
@pytest.mark.parametrize("line, chapter, expected", [
    ("Ch02 loss function: worked through the derivation", 4, frozenset()),
    ("ch05 perplexity notes", 5, frozenset()),
    ("0.5 loss after 10 epochs", 5, frozenset({"loss"})),
    ("95%の正解率", 7, frozenset({"accuracy"})),
])
def test_a_chapter_number_before_a_metric_is_no_figure(line, chapter, expected):
    assert figures(line.lower()) == expected


# A point inside an epoch ("halfway through epoch 1", "에폭 1 절반 정도에서") is where training was,
# not a run of one epoch.
@pytest.mark.parametrize("line, chapter", [
    ("수업 끝날 때 에폭 1 절반 정도에서 손실 약 3.1", 4),
    ("stopped halfway through epoch 1 with loss at 3.1", 4),
    ("エポック1の途中で損失 3.1", 4),
])
def test_a_point_inside_an_epoch_is_no_count_of_epochs(line, chapter):
    (before, *_) = answer(RAN[chapter], chapter).runs
    found = answer(line, chapter, following=before)
    assert "epochs-1" not in [run.run_id for run in found.runs]
