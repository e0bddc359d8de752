"""Which log lines ask for which runs, with which values, in which chapter (experiments.answers)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from experiments import EXPERIMENTS, answer, chapters_named, make_run, values
from experiments.catalog import discover
from experiments.runs import spec_problems
from experiments.spec import Column, Param, Spec, integer, integers, text

PROJECT = Path(__file__).resolve().parents[2]
SEED_LOG = PROJECT / "sessions" / "dlfs2.md"
SCRIPTS = "learner-scripts"

# Every seed-log line that asks for a run, in chapter 1: (line, [(experiment, run_id, values the line sets)]).
SEED = {
    "- Ch01 baseline run: `train.py` and `train_custom_loop.py`": [
        ("ch01-baseline", "default", {}),
        (SCRIPTS, "ch01-train.py", {"chapter": 1, "script": "train.py"}),
        (SCRIPTS, "ch01-train_custom_loop.py", {"chapter": 1, "script": "train_custom_loop.py"}),
    ],
    "- LR sweep executed: `0.01, 0.1, 1.0, 3.0, 10.0`": [
        ("ch01-lr-sweep", "lr-0.01-0.1-1-3-10", {"lrs": (0.01, 0.1, 1.0, 3.0, 10.0)})
    ],
    "- Batch sweep executed: `5, 10, 30, 100` (with fixed LR)": [
        ("ch01-batch-sweep", "batch-5-10-30-100", {"batch_sizes": (5, 10, 30, 100)})
    ],
    "- Finish Ch01 with `validation split` + `fixed-total-update` fair comparison, then move to Ch02.": [
        ("ch01-fixed-updates", "batch-5-10-30-100", {"updates": 3000}),
        ("ch01-validation", "default", {"validation_fraction": 0.2}),
    ],
}


def runs_of(line: str, chapter: int | None = 1):
    return [(run.experiment, run.run_id) for run in answer(line, chapter).runs]


def seed_log_lines():
    return [line for line in SEED_LOG.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("line", seed_log_lines())
def test_every_seed_log_line_asks_for_exactly_the_expected_runs(line):
    found = answer(line, 1)
    expected = SEED.get(line, [])
    assert [(run.experiment, run.run_id) for run in found.runs] == [(e, r) for e, r, _ in expected]
    for run, (experiment, _, stated) in zip(found.runs, expected):
        assert run.params_dict() == {**EXPERIMENTS[experiment].defaults, **stated}
    assert found.problems == ()


def test_all_expected_lines_are_in_the_seed_log():
    assert set(SEED) <= set(seed_log_lines())


@pytest.mark.parametrize("line", [
    "- NumPy compatibility fix for modern Python/NumPy: `np.int` -> `int` in `dataset/spiral.py`",
    "- `updates per epoch = dataset_size / batch_size`.",
    "- Core terms: `epoch`, `batch size`, `iterations/updates per epoch`",
    "- Fair comparison rule: do not compare only by epochs when update counts differ.",
    "- Training loss alone is insufficient; validation is required for generalization claims.",
    "- LR controls update step size (`param -= lr * grad`), and too high LR causes unstable oscillation.",
    "- Loss curve interpretation: early fast descent, later diminishing returns",
    "",
])
def test_lines_about_concepts_ask_for_nothing_and_do_not_look_like_experiments(line):
    assert answer(line, 1) == answer(line, None) == type(answer(line, 1))()


# Where a log puts its values: (line, experiment, run id, values set).
NOTATIONS = [
    ("LR sweep executed: `1, 0.1, 0.1`", "ch01-lr-sweep", "lr-0.1-1", {"lrs": (0.1, 1.0)}),
    ("LR sweep over 0.05, 0.5 and 5.0", "ch01-lr-sweep", "lr-0.05-0.5-5", {"lrs": (0.05, 0.5, 5.0)}),
    ("lr sweep `0.5` `epochs=20` `n_seeds=2`", "ch01-lr-sweep", "lr-0.5_epochs-20_seeds-2",
     {"lrs": (0.5,), "epochs": 20, "n_seeds": 2}),
    ("LR sweep 0.1, 1 with epochs=20 and batch 10", "ch01-lr-sweep", "lr-0.1-1_batch-10_epochs-20",
     {"lrs": (0.1, 1.0), "epochs": 20, "batch_size": 10}),
    ("Re-ran the baseline with hidden 5, lr 1.0", "ch01-baseline", "hidden-5", {"hidden_size": 5, "lr": 1.0}),
    ("Re-ran the baseline: learning rate 0.5, 50 epochs", "ch01-baseline", "lr-0.5_epochs-50",
     {"lr": 0.5, "epochs": 50}),
    ("Re-ran the fair comparison with `6000` total updates", "ch01-fixed-updates", "batch-5-10-30-100_updates-6000",
     {"updates": 6000}),
    ("LR sweep: `for lr in 0.05 0.5 5; do python train.py --lr $lr --max_epoch 20; done`", "ch01-lr-sweep",
     "lr-0.05-0.5-5_epochs-20", {"lrs": (0.05, 0.5, 5.0), "epochs": 20}),
    ("batch-size sweep `8, 16`", "ch01-batch-sweep", "batch-8-16", {"batch_sizes": (8, 16)}),
    ("Batch sweep over batch sizes 8 and 16 at lr 0.5", "ch01-batch-sweep", "batch-8-16_lr-0.5",
     {"batch_sizes": (8, 16), "lr": 0.5}),
    ("fixed total updates `10, 30` `updates=600`", "ch01-fixed-updates", "batch-10-30_updates-600",
     {"batch_sizes": (10, 30), "updates": 600}),
    ("same number of updates for each batch", "ch01-fixed-updates", "batch-5-10-30-100", {}),
    ("Hold-out split `validation_fraction=0.3`", "ch01-validation", "val-0.3", {"validation_fraction": 0.3}),
    ("Re-ran the baseline with `lr=0.1`, 5 epochs", "ch01-baseline", "lr-0.1_epochs-5", {"lr": 0.1, "epochs": 5}),
    ("Batch sweep with `batch_size=100`, 10 epochs", "ch01-batch-sweep", "batch-100_epochs-10",
     {"batch_sizes": (100,), "epochs": 10}),
    ("ch01 baseline `unknown=3`", "ch01-baseline", "default", {}),
]


@pytest.mark.parametrize("line, experiment, run_id, stated", NOTATIONS)
def test_the_logs_values_reach_the_run_in_every_notation(line, experiment, run_id, stated):
    runs = [run for run in answer(line, 1).runs if run.experiment != SCRIPTS]
    assert [(run.experiment, run.run_id) for run in runs] == [(experiment, run_id)]
    assert runs[0].params_dict() == {**EXPERIMENTS[experiment].defaults, **stated}


# A sweep with no epochs parameter: for it, "10 epochs" states nothing, and no batch size.
BATCHES_ONLY = Spec(
    id="ch09-batches", chapter=9, title="t", summary="s", answers=(r"batches",),
    params=(integers("batch_sizes", (30,), "batch", "batch sizes", 1, 300,
                     words=("batch sizes", "batch_sizes", "batch size", "batch_size", "batch")),),
    concepts=(), columns=(Column("batch_size", "batch size"),), list_param="batch_sizes")

# What a line states, read as a careful reader reads it: (experiment, line, values read).
# Values end with their code span, and a number a parameter's word follows ("10 epochs")
# is that parameter's, not one more value of the list before it.
READINGS = [
    ("ch01-baseline", "Ran the MNIST sweep with `batch_size=100`, 10 epochs", {"batch_size": (100,), "epochs": (10,)}),
    ("ch01-batch-sweep", "Ran the MNIST sweep with `batch_size=100`, 10 epochs",
     {"batch_sizes": (100,), "epochs": (10,)}),
    ("ch09-batches", "Ran the MNIST sweep with `batch_size=100`, 10 epochs", {"batch_sizes": (100,)}),
    ("ch01-baseline", "Ran the MNIST sweep with batch_size=100, 10 epochs", {"batch_size": (100,), "epochs": (10,)}),
    ("ch01-lr-sweep", "LR sweep lrs=0.1, 1 with epochs=20", {"lrs": (0.1, 1), "epochs": (20,)}),
    ("ch01-baseline", "Re-ran the baseline with `lr=0.1`, 5 epochs", {"lr": (0.1,), "epochs": (5,)}),
    ("ch01-lr-sweep", "LR sweep `lr=0.1`, 5 epochs", {"lrs": (0.1,), "epochs": (5,)}),
    ("ch01-baseline", "Re-ran the baseline with batch size 100 for 10 epochs", {"batch_size": (100,), "epochs": (10,)}),
    ("ch01-batch-sweep", "Batch sweep `batch_size=32,64,128`", {"batch_sizes": (32, 64, 128)}),
    ("ch01-baseline", "Re-ran the baseline `batch_size=32,64,128`", {"batch_size": (32, 64, 128)}),
    ("ch01-batch-sweep", "Batch sweep `batch_size in 32, 64, 128`", {"batch_sizes": (32, 64, 128)}),
    ("ch01-batch-sweep", "Batch sweep over batch sizes 32, 64 and 128", {"batch_sizes": (32, 64, 128)}),
    ("ch01-baseline", "Re-ran the baseline with `batch_size=100`, `lr=0.5`", {"batch_size": (100,), "lr": (0.5,)}),
    ("ch01-baseline", "Re-ran the baseline with `epochs=1, 2`", {"epochs": (1, 2)}),
    ("ch01-lr-sweep", "LR sweep: `for lr in 0.05 0.5 5`, 20 epochs", {"lrs": (0.05, 0.5, 5), "epochs": (20,)}),
    # No Korean word for epochs is known: the 10 is nobody's, and never a batch size.
    ("ch01-baseline", "`batch_size=100`로 10 에폭 학습", {"batch_size": (100,)}),
    ("ch01-batch-sweep", "`batch_size=100`, 10 에폭 학습", {"batch_sizes": (100,)}),
]


@pytest.mark.parametrize("experiment, line, stated", READINGS)
def test_a_line_states_the_values_a_careful_reader_reads(experiment, line, stated):
    spec = BATCHES_ONLY if experiment == BATCHES_ONLY.id else EXPERIMENTS[experiment]
    assert values.read_values(spec, line) == stated


@pytest.mark.parametrize("table, stated", [
    (["| lr | epochs |", "|---|---|", "| 0.5 | 20 |", "| 1.0 | 20 |"], {"lrs": (0.5, 1.0), "epochs": 20}),
    (["| setting | value |", "|---|---|", "| learning rates | 0.5, 2 |", "| batch size | 10 |"],
     {"lrs": (0.5, 2.0), "batch_size": 10}),
])
def test_a_settings_table_after_the_line_gives_the_values(table, stated):
    (run,) = answer("LR sweep executed with these settings", 1, table).runs
    assert run.params_dict() == {**EXPERIMENTS["ch01-lr-sweep"].defaults, **stated}


def test_a_line_states_values_over_the_table_after_it():
    table = ["| lr | epochs |", "|---|---|", "| 0.5 | 20 |"]
    (run,) = answer("LR sweep `0.1, 1`", 1, table).runs
    assert run.params_dict()["lrs"] == (0.1, 1.0) and run.params_dict()["epochs"] == 20


@pytest.mark.parametrize("text, chapters", [
    ("Ch01 baseline", (1,)), ("Finish Ch01, then move to Ch02.", (1, 2)), ("chapter 4: word2vec", (4,)),
    ("`ch04/train.py` and Chapter 10", (4, 10)), ("ch.3 CBOW", (3,)), ("batch 30, each 1", ()),
    ("ch01-baseline", (1,)), ("the chapter", ()),
])
def test_chapters_named_in_a_line(text, chapters):
    assert chapters_named(text) == chapters


@pytest.mark.parametrize("line, chapter", [
    ("LR sweep executed: `20, 10, 1`", 6),
    ("Batch size sweep: `100, 1000`", 4),
    ("LR sweep executed with Adam on SimpleCBOW", 4),
    ("Re-ran the baseline with hidden 5, lr 1.0", 5),
    ("`ch07/train.py`: `hidden_size=100`", 1),
    ("Ch06: LR sweep executed: `20, 10, 1`", 1),
])
def test_an_experiment_answers_only_lines_of_its_chapter(line, chapter):
    found = answer(line, chapter)
    assert [run.experiment for run in found.runs if run.experiment != SCRIPTS] == []
    assert found.unanswered


def test_a_line_that_names_the_chapter_is_answered_from_another_chapter():
    assert runs_of("Compared with the Ch01 LR sweep `0.1, 1`", 6) == [("ch01-lr-sweep", "lr-0.1-1")]
    assert runs_of("Re-ran `ch01/train_custom_loop.py`", 6) == [
        ("ch01-baseline", "default"), (SCRIPTS, "ch01-train_custom_loop.py")]


def test_with_no_chapter_known_any_experiment_answers():
    assert runs_of("LR sweep executed: `0.1, 1`", None) == [("ch01-lr-sweep", "lr-0.1-1")]


@pytest.mark.parametrize("line, why", [
    ("Ran `ch05/eval.py` (window_size=2)", "it runs ch05/eval.py"),
    ("PPMI + SVD on PTB", "it works on the PTB data set"),
    ("GRU perplexity 400", "it reports a perplexity figure"),
    ("LR sweep executed: `20, 10, 1`", "it describes a sweep"),
    ("Trained SimpleCBOW on the toy corpus", "it says something was run"),
])
def test_lines_that_look_like_an_experiment_no_experiment_answers_say_why(line, why):
    found = answer(line, 5)
    assert [run.experiment for run in found.runs if run.experiment != SCRIPTS] == []
    assert found.unanswered == why


@pytest.mark.parametrize("line, chapter", [
    ("4.3 improved CBOW on PTB", 4),
    ("TIL: simple CBOW from ch3 is too slow on PTB because of two things", 4),
    ("5.5 RNNLM on PTB", 5),
])
def test_a_section_title_or_a_remark_on_a_model_is_no_experiment_left_unreproduced(line, chapter):
    found = answer(line, chapter)
    assert (found.runs, found.unanswered) == ((), "")


def test_scripts_a_line_runs_become_runs_of_the_learners_scripts():
    found = answer("Ran `ch02/count_method_big.py` (window_size=2)", 2)
    assert [(r.experiment, r.run_id) for r in found.runs] == [("ch02-count-corpus", "default"),
                                                              (SCRIPTS, "ch02-count_method_big.py")]
    assert answer("Fixed `np.int` in `dataset/spiral.py`", 1).runs == ()  # named, not run


def test_runs_are_hashable_sorted_and_equal_when_their_values_are():
    run = make_run("ch01-lr-sweep", lrs=(0.1, 1.0))
    assert [name for name, _ in run.params] == sorted(run.params_dict())
    assert run == answer("LR sweep `1.0, 0.1`", 1).runs[0]
    assert len({run, answer("LR sweep `0.1, 1`", 1).runs[0]}) == 1


def test_a_run_id_stays_a_short_safe_folder_name():
    run = make_run("ch01-lr-sweep", lrs=tuple(0.001 * i for i in range(1, 40)))
    assert len(run.run_id) <= 80 and "/" not in run.run_id
    assert make_run(SCRIPTS, chapter=2, script="../../etc/passwd.py").run_id == "ch02-..-..-etc-passwd.py"


def test_every_experiment_is_one_discovered_file_that_declares_its_spec():
    specs = discover()
    assert [spec.id for spec in specs] == sorted(spec.id for spec in specs)
    for spec in specs:
        assert spec.module == f"experiments.book.{spec.id.replace('-', '_')}"
        assert spec.id.startswith(f"ch{spec.chapter:02d}-")
        assert spec.title and spec.summary and spec.answers and spec.columns
        literal = [re.sub(r"\\[A-Za-z]", "", pattern) for pattern in spec.answers]  # \W is a class
        assert all(text == text.lower() for text in literal), spec.id  # matched against the lowered line
        assert all(concept == concept.lower() for concept in spec.concepts)
        assert spec.list_param in (None, *spec.defaults)
    assert set(EXPERIMENTS) == {spec.id for spec in specs} | {SCRIPTS}


def test_the_specs_declare_their_concepts():
    assert EXPERIMENTS["ch01-lr-sweep"].concepts == ("learning rate",)
    assert "fair comparison" in EXPERIMENTS["ch01-fixed-updates"].concepts
    assert set(EXPERIMENTS["ch01-validation"].concepts) == {"validation", "generalization", "training loss"}


def test_reading_specs_and_answering_lines_imports_neither_numpy_nor_matplotlib():
    code = ("import sys, experiments; experiments.answer('LR sweep `0.1, 1`', 1); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'matplotlib', 'studykb')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_experiments_never_import_the_site_generator():
    for path in (PROJECT / "experiments").rglob("*.py"):
        text = path.read_text("utf-8")
        assert "import studykb" not in text and "from studykb" not in text, path


def test_number_lists_and_code_spans():
    assert values.parse_numbers("0.01, 0.1, 1.0, 3.0, 10.0") == (0.01, 0.1, 1.0, 3.0, 10.0)
    assert values.parse_numbers("np.int") is None
    assert values.code_spans("`epoch` then `1e-3, 2`") == ["epoch", "1e-3, 2"]
    assert values.to_number("1" * 5000) == float("inf")


OPTIMIZER_SPEC = Spec(
    id="ch06-optimizers", chapter=6, title="t", summary="s", answers=(r"optimizer comparison",),
    params=(text("optimizer", "sgd", "opt", "the optimizer", words=("optimizer",), choices=("sgd", "adam")),
            Param("corpora", str, ("ptb",), "corpus", "corpora", words=("corpora",), many=True),
            integer("hidden_size", 100, "hidden", "units", 1, 1000, words=("hidden",))),
    concepts=(), columns=(Column("optimizer", "optimizer"),))


@pytest.mark.parametrize("line, stated, problems", [
    ("optimizer comparison `optimizer=adam` hidden 200", {"optimizer": ("adam",), "hidden_size": (200,)}, ()),
    ("optimizer comparison --optimizer rmsprop", {"optimizer": ("rmsprop",)}, ("optimizer 'rmsprop' is not one of sgd, adam",)),
    ("optimizer comparison `corpora=ptb, toy`", {"corpora": ("ptb", "toy")}, ()),
    ("optimizer comparison hidden 2.5", {"hidden_size": (2.5,)}, ("hidden 2.5 is not a whole number",)),
])
def test_parameters_may_be_numbers_lists_or_text(line, stated, problems):
    found = values.read_values(OPTIMIZER_SPEC, line)
    assert found == stated
    merged = {**OPTIMIZER_SPEC.defaults, **{k: v if OPTIMIZER_SPEC.param(k).many else v[0] for k, v in found.items()}}
    assert spec_problems(OPTIMIZER_SPEC, merged) == problems


@pytest.mark.parametrize("line", [
    "Lesson ran 15 min over (her choice).",
    "Session started 20 minutes late; ran over by 10 minutes.",
    "We finished 5 min early.",
    "수업이 20분 늦게 시작함.",
    "レッスンは15分延長。",
    "今天超时15分钟。",
])
def test_a_note_on_how_long_the_sitting_took_asks_for_no_run(line):
    found = answer(line, 5)
    assert found.runs == () and not found.unanswered


@pytest.mark.parametrize("line", ["Ran `ch05/train.py` 15 min over lunch", "Training ran 20 min"])
def test_a_run_with_a_duration_still_says_something_was_run(line):
    found = answer(line, 5)
    assert found.runs or found.unanswered
