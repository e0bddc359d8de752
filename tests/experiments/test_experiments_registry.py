"""Which log lines refer to which runs, and how runs are named and stored."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from experiments import logline
from experiments.registry import EXPERIMENTS, find_runs, load_results, make_run, results_dir

PROJECT = Path(__file__).resolve().parents[2]
SEED_LOG = PROJECT / "sessions" / "dlfs2.md"

# Every seed-log line that refers to an experiment: (line, [(experiment, run_id, params set by the line)]).
EXPECTED = {
    "- Ch01 baseline run: `train.py` and `train_custom_loop.py`": [("ch01-baseline", "default", {})],
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


def seed_log_lines():
    return [line for line in SEED_LOG.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("line", seed_log_lines())
def test_every_seed_log_line_refers_to_exactly_the_expected_runs(line):
    runs = find_runs(line)
    expected = EXPECTED.get(line, [])
    assert [(run.experiment, run.run_id) for run in runs] == [(e, r) for e, r, _ in expected]
    for run, (experiment, _, params) in zip(runs, expected):
        assert run.params_dict() == {**EXPERIMENTS[experiment].defaults, **params}


def test_all_expected_lines_are_in_the_seed_log():
    assert set(EXPECTED) <= set(seed_log_lines())


@pytest.mark.parametrize(
    "line",
    [
        "- NumPy compatibility fix for modern Python/NumPy: `np.int` -> `int` in `dataset/spiral.py`",
        "- `updates per epoch = dataset_size / batch_size`.",
        "- Core terms: `epoch`, `batch size`, `iterations/updates per epoch`",
        "- Fair comparison rule: do not compare only by epochs when update counts differ.",
        "- Training loss alone is insufficient; validation is required for generalization claims.",
        "- LR controls update step size (`param -= lr * grad`), and too high LR causes unstable oscillation.",
        "",
    ],
)
def test_lines_about_concepts_refer_to_no_run(line):
    assert find_runs(line) == []


@pytest.mark.parametrize(
    "line, experiment, run_id, params",
    [
        ("Learning-rate sweep: `1, 0.1, 0.1`", "ch01-lr-sweep", "lr-0.1-1", {"lrs": (0.1, 1.0)}),
        ("lr sweep `0.5` `epochs=20` `n_seeds=2`", "ch01-lr-sweep", "lr-0.5_epochs-20_seeds-2",
         {"lrs": (0.5,), "epochs": 20, "n_seeds": 2}),
        ("batch-size sweep `8, 16`", "ch01-batch-sweep", "batch-8-16", {"batch_sizes": (8, 16)}),
        ("batch sweep `2.5, 5`", "ch01-batch-sweep", "batch-5-10-30-100", {}),
        ("fixed total updates `10, 30` `updates=600`", "ch01-fixed-updates", "batch-10-30_updates-600",
         {"batch_sizes": (10, 30), "updates": 600}),
        ("same number of updates for each batch", "ch01-fixed-updates", "batch-5-10-30-100", {}),
        ("Hold-out split `validation_fraction=0.3`", "ch01-validation", "val-0.3", {"validation_fraction": 0.3}),
        ("ch01 baseline `unknown=3` `epochs=1.5`", "ch01-baseline", "default", {}),
    ],
)
def test_parameters_come_from_code_spans(line, experiment, run_id, params):
    (run,) = find_runs(line)
    assert (run.experiment, run.run_id) == (experiment, run_id)
    assert run.params_dict() == {**EXPERIMENTS[experiment].defaults, **params}


def test_runs_are_hashable_sorted_and_equal_when_their_parameters_are():
    run = make_run("ch01-lr-sweep", lrs=(0.1, 1.0))
    assert [name for name, _ in run.params] == sorted(run.params_dict())
    assert run == find_runs("LR sweep `1.0, 0.1`")[0]
    assert len({run, find_runs("LR sweep `0.1, 1`")[0]}) == 1


def test_registry_is_ordered_by_id_and_declares_its_concepts():
    assert list(EXPERIMENTS) == sorted(EXPERIMENTS)
    assert EXPERIMENTS["ch01-lr-sweep"].concepts == ("learning rate",)
    assert {"batch size", "updates per epoch"} <= set(EXPERIMENTS["ch01-batch-sweep"].concepts)
    assert "fair comparison" in EXPERIMENTS["ch01-fixed-updates"].concepts
    assert set(EXPERIMENTS["ch01-validation"].concepts) == {"validation", "generalization", "training loss"}
    assert set(EXPERIMENTS["ch01-baseline"].concepts) == {"epoch", "loss curve"}
    for experiment in EXPERIMENTS.values():
        assert all(concept == concept.lower() for concept in experiment.concepts)
        assert experiment.title and experiment.summary and experiment.phrases


def test_results_dir_and_load_results(tmp_path):
    run = make_run("ch01-baseline")
    directory = results_dir(run, tmp_path)
    assert directory == tmp_path / "experiments" / "results" / "ch01-baseline" / "default"
    assert load_results(run, tmp_path) is None
    directory.mkdir(parents=True)
    (directory / "metrics.json").write_text("{not json")
    assert load_results(run, tmp_path) is None
    (directory / "metrics.json").write_text(json.dumps({"experiment": "ch01-baseline"}))
    assert load_results(run, tmp_path) == {"experiment": "ch01-baseline"}


def test_number_lists_and_assignments_in_code_spans():
    assert logline.parse_numbers("0.01, 0.1, 1.0, 3.0, 10.0") == (0.01, 0.1, 1.0, 3.0, 10.0)
    assert logline.parse_numbers("5, 10") == (5, 10)
    assert logline.parse_numbers("np.int") is None
    assert logline.first_number_list("`epoch` then `1e-3, 2`") == (0.001, 2)
    assert logline.assignments("`epochs=5` `a = 1, 2` `x`") == {"epochs": "5", "a": "1, 2"}


def test_registry_imports_neither_numpy_nor_matplotlib():
    code = "import sys, experiments.registry; print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'matplotlib')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_phrase_contains_one_of_its_experiments_cues():
    """The cue test before the regex must never hide a line a phrase would match."""
    for experiment in EXPERIMENTS.values():
        assert experiment.cues and all(cue == cue.lower() for cue in experiment.cues)
        for phrase in experiment.phrases:
            assert any(cue in phrase.lower() for cue in experiment.cues), (experiment.id, phrase)


@pytest.mark.parametrize("line, experiment", [
    ("Re-ran the CH01 BASELINE", "ch01-baseline"),
    ("LR-Sweep executed: `0.1, 1`", "ch01-lr-sweep"),
    ("Batch Size Sweep: `5, 10`", "ch01-batch-sweep"),
    ("Compare at Fixed Total Updates", "ch01-fixed-updates"),
    ("Hold-out set of 20 %", "ch01-validation"),
])
def test_cues_are_case_insensitive_like_the_phrases(line, experiment):
    assert [run.experiment for run in find_runs(line)] == [experiment]


@pytest.mark.parametrize("line", [
    "Re-ran the CH01 BASELINE", "LR-Sweep executed: `0.1, 1`", "Batch Size Sweep: `5, 10`",
    "Compare at Fixed Total Updates", "Hold-out set of 20 %", "ran the baseline and a batch sweep",
    "train_custom_loop.py with the lr sweep and a validation split", "a sweep of nothing", "no cue at all",
])
def test_the_runs_found_are_those_of_every_experiment_whose_phrases_match(line):
    expected = [experiment.id for experiment in EXPERIMENTS.values() if experiment.matches(line)]
    assert [run.experiment for run in find_runs(line)] == expected
