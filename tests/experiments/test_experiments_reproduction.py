"""The committed results: fresh, what the code computes now (within each experiment's tolerance),
kept as they are when a re-run elsewhere differs only in the last digits, and close to the
book's published chapter-1 numbers within seed noise."""

import importlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import run_experiments, write_log

from experiments import EXPERIMENTS, load_results, make_run, results_dir, runner, storage
from experiments.result import agree

PROJECT = Path(__file__).resolve().parents[2]
# The seed log's experiments: its results are committed (chapters 2-8 are tested on fixtures).
BOOK_EXPERIMENTS = sorted(e for e, spec in EXPERIMENTS.items() if spec.chapter == 1)


def committed(experiment: str) -> dict:
    metrics = load_results(make_run(experiment), PROJECT)
    assert metrics is not None, f"no committed results for {experiment}; run `make experiments`"
    return metrics


def rows_by(experiment: str, key: str) -> dict:
    return {row[key]: row for row in committed(experiment)["table"]["rows"]}


@pytest.mark.parametrize("experiment", BOOK_EXPERIMENTS)
def test_committed_results_are_fresh(experiment):
    (planned,) = runner.plan([make_run(experiment)], PROJECT, force=False)
    assert not planned.stale, f"committed {experiment} results are stale; run `make experiments`"


@pytest.mark.slow
@pytest.mark.parametrize("experiment", BOOK_EXPERIMENTS)
def test_committed_metrics_are_what_the_code_computes_now(experiment):
    run = make_run(experiment)
    result = importlib.import_module(EXPERIMENTS[experiment].module).run(run.params_dict())
    stored = committed(experiment)
    new = {**json.loads(json.dumps(result.metrics)), "table": result.table.as_json()}
    compared = [{k: v for k, v in m.items() if k in new and k not in runner.NOT_COMPARED} for m in (stored, new)]
    assert agree(*compared, EXPERIMENTS[experiment].tolerance)
    assert [f.file for f in result.figures] == [f["file"] for f in stored["figures"]]


def test_a_rerun_whose_numbers_differ_within_tolerance_keeps_every_stored_file(tmp_path):
    """As on another CPU: the same key, numbers that differ in the last digits."""
    write_log(tmp_path, "## Session: 2026-02-18 15:03:34 KST\n- Ch01 baseline run `epochs=2` `n_seeds=2`\n")
    assert run_experiments(tmp_path).returncode == 0
    run = make_run("ch01-baseline", epochs=2, n_seeds=2)
    metrics_file = results_dir(run, tmp_path) / storage.METRICS_FILE
    shifted = json.loads(metrics_file.read_text())
    shifted["settings"][0]["loss"]["mean"] *= 1.0005  # another BLAS kernel's rounding
    metrics_file.write_bytes(storage.metrics_json(shifted))
    elsewhere = {p.name: p.read_bytes() for p in results_dir(run, tmp_path).iterdir()}
    forced = run_experiments(tmp_path, "--force")
    assert "unchanged" in forced.stdout, forced.stdout
    assert {p.name: p.read_bytes() for p in results_dir(run, tmp_path).iterdir()} == elsewhere

    shifted["settings"][0]["loss"]["mean"] *= 1.1  # not rounding any more: the results are replaced
    metrics_file.write_bytes(storage.metrics_json(shifted))
    assert " ran " in run_experiments(tmp_path, "--force").stdout
    assert json.loads(metrics_file.read_text())["settings"][0]["loss"]["mean"] != shifted["settings"][0]["loss"]["mean"]


def test_a_forced_rerun_of_the_committed_seed_results_changes_no_file(tmp_path):
    (tmp_path / "sessions").mkdir()
    shutil.copy(PROJECT / "sessions" / "dlfs2.md", tmp_path / "sessions")
    shutil.copytree(PROJECT / "experiments" / "results", tmp_path / "experiments" / "results")
    before = {p: p.read_bytes() for p in (tmp_path / "experiments" / "results").rglob("*") if p.is_file()}
    result = run_experiments(tmp_path, "--force", "--only", "ch01-lr-sweep")
    assert result.returncode == 0 and "unchanged" in result.stdout, result.stdout
    assert {p: p.read_bytes() for p in (tmp_path / "experiments" / "results").rglob("*") if p.is_file()} == before


def test_baseline_reaches_the_books_loss_and_accuracy():
    (row,) = committed("ch01-baseline")["table"]["rows"]
    assert (row["lr"], row["batch_size"], row["epochs"], row["updates"]) == (1.0, 30, 300, 3000)
    assert row["loss"]["mean"] == pytest.approx(0.104, abs=0.03)  # book: 0.1040
    assert row["accuracy"]["mean"] >= 0.95  # book: 97.0 %


def test_learning_rate_sweep_matches_the_books_pattern():
    rows = rows_by("ch01-lr-sweep", "lr")
    assert rows[0.01]["loss"]["mean"] == pytest.approx(1.0985, abs=0.01)  # barely learns
    assert rows[0.1]["loss"]["mean"] == pytest.approx(0.73, abs=0.05)  # stuck on the plateau
    assert rows[1.0]["loss"]["mean"] < 0.15 and rows[3.0]["loss"]["mean"] < 0.15


def test_batch_sweep_confounds_batch_size_with_updates():
    rows = rows_by("ch01-batch-sweep", "batch_size")
    assert rows[100]["loss"]["mean"] > 0.4  # book: 0.633 after only 900 updates
    assert rows[5]["loss"]["mean"] < rows[30]["loss"]["mean"]


def test_validation_loss_is_above_training_loss():
    (row,) = committed("ch01-validation")["table"]["rows"]
    assert row["validation_loss"]["mean"] > row["loss"]["mean"]
    assert (row["train_points"], row["validation_points"]) == (240, 60)
