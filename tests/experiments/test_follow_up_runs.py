"""A line that varies the run before it asks for that run with the change: "changed `lr=1.0`",
"tried hidden_size=50 with everything else the same", a row of a table of results under the
line that ran, "with the same settings as session 1, max_epoch=200" in a later session
(experiments.answers, studykb.experiment_lines). Lines that only discuss a setting, or that
are about another chapter or another model, ask for nothing new."""

import pytest

from experiments import answer
from studykb.config import Config
from studykb.pipeline import load

BEFORE = {  # the line that ran, and the chapter the log is in there
    "en": ("Ran the RNNLM with `ch05/train_custom_loop.py`: `batch_size=20, hidden_size=100, lr=0.1`", 5),
    "ko": ("`ch05/train_custom_loop.py` 실행: 배치 크기 20, 학습률 0.1", 5),
    "ja": ("`ch05/train_custom_loop.py` を実行：バッチサイズ 20、学習率 0.1", 5),
    "zh": ("学生跑了 `ch05/train_custom_loop.py`：batch_size=20, lr=0.1", 5),
}

# (the line before, the line, the chapter the line is in) -> the runs it asks for.
FOLLOW_UPS = [
    ("en", "changed `lr=1.0` → ppl blew up to nan at epoch 31", 5, [("ch05-rnnlm", "batch-20_lr-1")]),
    ("en", "tried hidden_size=50 with everything else the same → ppl 9.4", 5, [("ch05-rnnlm", "batch-20_hidden-50")]),
    ("en", "hidden 50, rest unchanged", 5, [("ch05-rnnlm", "batch-20_hidden-50")]),
    ("en", "re-ran with time_size=10", 5, [("ch05-rnnlm", "batch-20_time-10")]),
    ("en", "bumped the learning rate to 0.5: perplexity 4.2", 5, [("ch05-rnnlm", "batch-20_lr-0.5")]),
    ("en", "re-ran `train_custom_loop.py` with lr=0.5", 5,
     [("ch05-rnnlm", "batch-20_lr-0.5"), ("learner-scripts", "ch05-train_custom_loop.py")]),
    ("en", "changed `lr=1000` and it diverged", 5, [("ch05-rnnlm", "batch-20_lr-1000")]),  # cannot run: said so
    ("ko", "학습률을 1.0으로 바꿨더니 발산함", 5, [("ch05-rnnlm", "batch-20_lr-1")]),
    ("ko", "은닉층을 50으로 줄였더니 퍼플렉서티 10.2", 5, [("ch05-rnnlm", "batch-20_hidden-50")]),
    ("ko", "나머지는 같게, `time_size=10`", 5, [("ch05-rnnlm", "batch-20_time-10")]),
    ("ja", "学習率を1.0に変えたら発散した", 5, [("ch05-rnnlm", "batch-20_lr-1")]),
    ("ja", "隠れ層 50 で再学習、パープレキシティ 9.4", 5, [("ch05-rnnlm", "batch-20_hidden-50")]),
    # A line that only reports a figure the run measures is that run's result: the same run.
    ("en", "final perplexity 5.2", 5, [("ch05-rnnlm", "batch-20")]),
    ("en", "val ppl: 381 at first, 5.2 at the end", 5, [("ch05-rnnlm", "batch-20")]),
    ("ko", "퍼플렉서티: 처음 381 → 마지막 5.2", 5, [("ch05-rnnlm", "batch-20")]),
    ("ja", "パープレキシティは最初 381、最後 5.2", 5, [("ch05-rnnlm", "batch-20")]),
    ("zh", "第1个 epoch 困惑度 381，最后 5.2", 5, [("ch05-rnnlm", "batch-20")]),
    ("zh", "困惑度 ≈ 5.2", 5, [("ch05-rnnlm", "batch-20")]),
    ("en", "Re-derived perplexity on paper (243 steps)", 5, []),  # no figure of a run
    ("en", "GRU perplexity 400", 5, []),  # the figure of another model
    # Asking for nothing new: a setting discussed, a question, no setting, another chapter or model.
    ("en", "lr 1.0 is too large in general", 5, []),
    ("en", "why does hidden_size=50 do worse?", 5, []),
    ("en", "the loss went down slowly", 5, []),
    ("en", "Plotted subsampling over 30 epochs", 5, []),
    ("en", "Ran the GRU model again with hidden 200", 5, []),
    ("en", "Ch06: changed lr=1.0, ppl 300", 5, []),
    ("en", "changed lr=1.0, ppl 300", 6, []),
    ("ko", "학습률 0.5 가 더 빨리 내려감", 5, []),
    ("ko", "학습률이 1.0 이면 너무 큰가?", 5, []),
    ("ja", "学習率 1.0 は一般に大きすぎる", 5, []),
]


@pytest.mark.parametrize("before, line, chapter, runs", FOLLOW_UPS)
def test_a_line_that_varies_the_run_before_asks_for_it_with_the_change(before, line, chapter, runs):
    text, before_chapter = BEFORE[before]
    (run,) = [run for run in answer(text, before_chapter).runs if run.experiment == "ch05-rnnlm"]
    assert run.run_id == "batch-20"
    found = answer(line, chapter, following=run)
    assert [(run.experiment, run.run_id) for run in found.runs] == runs
    assert found.follows == bool(runs)


def test_a_changed_value_the_experiment_cannot_take_is_reported():
    (run, _) = answer(BEFORE["en"][0], 5).runs
    assert answer("changed `lr=1000` and it diverged", 5, following=run).problems == (
        "ch05-rnnlm: cannot run: learning rate 1000 > 100",)


LOG = """# RNN notes

## Session 1 — 2026-03-01 19:00-20:00 · ch05
- Ran the RNNLM with `ch05/train_custom_loop.py`: `batch_size=20, hidden_size=100, lr=0.1`, perplexity 5.8
- changed `lr=1.0` → ppl blew up to nan at epoch 31
- tried hidden_size=50 with everything else the same → ppl 9.4
- lr 1.0 is too large in general
- Next time: try the same with time_size=10

## Session 2 — 2026-03-02 19:00-20:00
- `ch05/train_custom_loop.py` 실행 (PTB 앞 1000단어), 배치 크기 20

| 설정 | 에폭 | 퍼플렉서티 |
|---|---|---|
| `lr=0.1` | 100 | 5.6 |
| `lr=0.5` | 100 | 3.9 |
| `hidden_size=50` | 100 | 10.2 |

- 학습률 0.5 가 더 빨리 내려감
- 지난 결과 정리:

| 설정 | 퍼플렉서티 |
|---|---|
| `lr=2.0` | nan |

## Session 3 — 2026-03-05 19:00-20:00
- Worked on 5.6 only; lr=0.5 looks best
- S. brought the 200-epoch run: perplexity 4.1 (with the same settings as session 1, max_epoch=200)

## Session 4 — 2026-03-06 19:00-20:00 · ch06
- same settings as last time but `lr=1.0` → ppl 300
"""


@pytest.fixture(scope="module")
def refs(tmp_path_factory) -> dict[int, list[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("log")
    (root / "sessions").mkdir()
    (root / "sessions" / "log.md").write_text(LOG, "utf-8")
    found: dict[int, list] = {}
    for ref in load(Config(root=root)).knowledge.experiment_refs:
        if ref.experiment != "learner-scripts":
            found.setdefault(ref.source.line, []).append((ref.run_id, ref.planned))
    return found


def test_a_session_carries_the_run_a_line_asked_for_to_the_lines_that_vary_it(refs):
    assert refs[4] == [("batch-20", False)]
    assert refs[5] == [("batch-20_lr-1", False)]
    assert refs[6] == [("batch-20_hidden-50", False)]  # from the run of line 4, not of line 5
    assert 7 not in refs  # discusses a setting
    assert refs[8] == [("batch-20_time-10", True)]  # in the resume point: planned


def test_each_row_of_a_table_of_results_under_the_line_that_ran_is_a_run_with_its_settings(refs):
    assert refs[11] == [("batch-20", False)]
    assert refs[15] == [("batch-20", False)]
    assert refs[16] == [("batch-20_lr-0.5", False)]
    assert refs[17] == [("batch-20_hidden-50", False)]
    assert 19 not in refs  # discusses the table
    assert 24 not in refs  # a table under a line that ran nothing


def test_a_later_session_follows_a_run_only_when_it_refers_back_to_it(refs):
    assert 27 not in refs  # a setting named, no reference back
    assert refs[28] == [("batch-20_epochs-200", False)]  # "as session 1": that session's run
    assert 31 not in refs  # "as last time", but in chapter 6: no chapter-5 run


DATED_LOG = """# RNN notes

## 2026-03-01 19:00-20:00 · ch05
- Ran the RNNLM with `ch05/train_custom_loop.py`: `batch_size=20, hidden_size=100, lr=0.1`, perplexity 5.8

## 2026-03-02 19:00-20:00 · ch05
- Ran the RNNLM with `ch05/train_custom_loop.py`: `batch_size=10`, perplexity 6.3

## 2026-03-05 19:00-20:00 · ch05
- perplexity 4.1 (with the same settings as session 1, max_epoch=200)
- 1회차와 같은 설정으로 `max_epoch=300`, 퍼플렉서티 3.9
- perplexity 4.4 (same settings as in Day 1, `max_epoch=150`)
- perplexity 4.0 (same settings as session 7, `max_epoch=250`)
"""


def test_a_log_whose_headers_number_no_session_counts_its_sessions_for_as_session_n(tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text(DATED_LOG, "utf-8")
    found = {ref.source.line: ref.run_id for ref in load(Config(root=tmp_path)).knowledge.experiment_refs
             if ref.experiment == "ch05-rnnlm"}
    assert found[10] == "batch-20_epochs-200"  # "as session 1": the log's first session
    assert found[11] == "batch-20_epochs-300"  # "1회차": the same
    # A day counts no sessions, and there is no seventh session before it: neither line refers
    # to a run, and their session ran none of its own, so each asks for the experiment's own.
    assert found[12] == "epochs-150"
    assert found[13] == "epochs-250"


RESULT_AFTER_RUN = """# 辅导记录 第6章

## 第5次课 2026-11-27 20:00-21:20
### 实验
学生跑了缩小版 BetterRnnlm：
hidden_size=200, dropout=0.5, lr=20, max_epoch=6, max_grad=0.25, time_size=35, batch_size=20
验证集困惑度：epoch1 242.3 → epoch6 131.5。
"""


def test_a_line_reporting_the_figure_of_the_run_before_is_its_result(tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text(RESULT_AFTER_RUN, "utf-8")
    refs = {ref.source.line: (ref.experiment, ref.run_id) for ref in load(Config(root=tmp_path)).knowledge.experiment_refs}
    assert refs[7] == refs[6] == ("ch06-better-lstm-lm", "hidden-200_epochs-6")


# A line whose own experiment only a figure would choose (the chapter's one light experiment that
# measures it) goes on with the run before when that run measures the figure too.
@pytest.mark.parametrize("line", [
    "Next: let it run the full 40 epochs on the lab desktop (book's test perplexity ≈ 75.76)",
    "다음: 연구실 PC에서 40 에폭 전부 돌려 보기 (책의 테스트 퍼플렉서티 약 75.76)",
    "次は研究室のPCで40エポック全部回す（本のテストパープレキシティ ≈ 75.76）",
])
def test_a_figure_alone_does_not_switch_to_another_experiment(line):
    (before, _) = answer("ran `python ch06/train_better_rnnlm.py --max_epoch 2`", 6).runs
    assert before.run_id == "epochs-2"
    found = answer(line, 6, following=before)
    assert [(run.experiment, run.run_id) for run in found.runs] == [("ch06-better-lstm-lm", "default")]


def test_a_line_that_names_its_model_does_not_go_on_with_the_run_before():
    (before, _) = answer("ran `python ch06/train_better_rnnlm.py --max_epoch 2`", 6).runs
    found = answer("then the plain LSTM for 4 epochs, test perplexity 136", 6, following=before)
    assert [(run.experiment, run.run_id) for run in found.runs] == [("ch06-lstm-lm", "default")]


@pytest.mark.parametrize("line", [
    'Loss ended at 1.75; analogy "king - man + woman" now gives queen at rank 1.',
    "최종 손실 1.75, 유추 king - man + woman → queen 1위",
])
def test_a_result_that_names_the_runs_own_experiment_is_that_run(line):
    (before,) = answer("Re-ran CBOW on PTB with hidden size 300, window 5, batch 100, max epoch 10.", 4).runs
    found = answer(line, 4, following=before)
    assert [(run.experiment, run.run_id) for run in found.runs] == [("ch04-word2vec", "hidden-300")]
