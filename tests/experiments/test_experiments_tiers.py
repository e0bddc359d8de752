"""Heavy runs never run unless named (so neither CI nor the Pages workflow runs them), keep
checkpoints to resume from while they run, and report their time left."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import PROJECT, run_experiments, write_log

from experiments import EXPERIMENTS, make_run, runner
from experiments.report import Reporter, duration
from experiments.tiers import HEAVY, QUICK, TieredSpec, heavy_message, is_heavy

HEAVY_LOG = """# Log

## Session: 2026-03-08 20:00:00 KST
- Chapter 4: word2vec with negative sampling `epochs=1` `stand_in_words=2000` `hidden_size=8` `window_size=1`
"""


def test_the_book_scale_runs_of_chapters_4_and_6_are_the_heavy_ones():
    assert sorted(e for e, spec in EXPERIMENTS.items() if is_heavy(spec)) == ["ch04-word2vec", "ch06-better-lstm-lm"]
    for spec in EXPERIMENTS.values():
        assert getattr(spec, "tier", QUICK) in (QUICK, HEAVY)
        assert not is_heavy(spec) or "CPU-hours" in spec.cost


def test_a_tier_is_quick_or_heavy():
    with pytest.raises(ValueError, match="tier 'medium'"):
        TieredSpec("ch09-x", 9, "x", "x", (), (), (), (), tier="medium")


def test_make_experiments_holds_a_heavy_run_and_only_names_run_it(tmp_path):
    write_log(tmp_path, HEAVY_LOG)
    held = run_experiments(tmp_path)
    assert held.returncode == 0, held.stderr
    assert re.search(r"^ch04-word2vec/\S+\s+heavy\b", held.stdout, re.MULTILINE), held.stdout
    assert "1 heavy not run (make experiments ONLY=<id>)" in held.stdout
    assert not (tmp_path / "experiments" / "results" / "ch04-word2vec").exists()

    named = run_experiments(tmp_path, "--only", "ch04-word2vec")
    assert named.returncode == 0, named.stderr
    assert re.search(r"^ch04-word2vec/\S+\s+ran\b", named.stdout, re.MULTILINE), named.stdout
    (run_dir,) = (tmp_path / "experiments" / "results" / "ch04-word2vec").iterdir()
    assert {"metrics.json", "loss.svg", "key.txt"} <= {p.name for p in run_dir.iterdir()}
    checkpoints = tmp_path / "experiments" / runner.CHECKPOINTS
    assert not list(checkpoints.rglob("*.npz")), "the checkpoints go once the results are stored"

    again = run_experiments(tmp_path)
    assert re.search(r"^ch04-word2vec/\S+\s+fresh\b", again.stdout, re.MULTILINE)


def test_the_pages_workflow_and_ci_never_name_a_heavy_experiment():
    workflow = (PROJECT / ".github" / "workflows" / "pages.yml").read_text()
    assert re.search(r"^\s*- run: make experiments\s*$", workflow, re.MULTILINE)
    makefile = (PROJECT / "Makefile").read_text()
    assert "$(if $(ONLY),--only $(ONLY))" in makefile  # --only only when ONLY= is given
    for steps in (workflow, (PROJECT / ".ci" / "run").read_text()):
        assert not re.search(r"^[^#]*(?:ONLY=|--only)", steps, re.MULTILINE)


def test_a_heavy_run_keeps_its_checkpoints_by_key_under_a_git_ignored_folder(tmp_path):
    run = make_run("ch06-better-lstm-lm")
    folder = runner.checkpoint_dir(run, tmp_path, "ab" * 32)
    assert folder == tmp_path / "experiments" / "checkpoints" / "ch06-better-lstm-lm" / "default" / ("ab" * 8)
    assert "experiments/checkpoints/" in (PROJECT / ".gitignore").read_text()


def test_the_heavy_message_names_the_command_and_the_cost():
    message = heavy_message(EXPERIMENTS["ch06-better-lstm-lm"])
    assert message.startswith("heavy: run with `make experiments ONLY=ch06-better-lstm-lm`")
    assert "15 CPU-hours per seed" in message


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_time_left_of_a_resumed_run_counts_from_where_it_resumed(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("experiments.report.time.monotonic", clock)
    reporter = Reporter(total=1, jobs=1, stream=open("/dev/null", "w"))
    run = make_run("ch06-better-lstm-lm")
    reporter.progress(run, 0.0)
    clock.now = 1.0
    reporter.progress(run, 0.5)  # resumed from a checkpoint half-way
    clock.now = 3601.0
    reporter.progress(run, 0.6)  # an hour for a tenth: four hours for the rest
    assert reporter._time_left(clock.now) == "about 4.0 h left"


@pytest.mark.parametrize("seconds, shown", [(42, "42 s"), (600, "10 min"), (54_000, "15.0 h")])
def test_durations_read_in_their_own_unit(seconds, shown):
    assert duration(seconds) == shown


class Stopped(Exception):
    """Stands for the process being stopped (Ctrl-C, a lost machine) after an epoch."""


def test_a_stopped_heavy_run_resumes_from_its_checkpoint_and_ends_where_an_unbroken_one_does(tmp_path, monkeypatch):
    from experiments.models import training

    run = make_run("ch04-word2vec", epochs=3, stand_in_words=2000, hidden_size=8, window_size=1)
    (unbroken,) = runner.rerun([run], tmp_path / "unbroken", jobs=1, heavy=True)
    saved = training.save_checkpoint
    calls = []

    def stop_after_the_first_epoch(*args):
        saved(*args)
        calls.append(1)
        if len(calls) == 1:
            raise Stopped

    monkeypatch.setattr(training, "save_checkpoint", stop_after_the_first_epoch)
    (stopped,) = runner.rerun([run], tmp_path / "resumed", jobs=1, heavy=True)
    assert stopped.status == "failed" and "Stopped" in stopped.error
    assert list((tmp_path / "resumed" / "experiments" / runner.CHECKPOINTS).rglob("seed-0.npz"))
    (resumed,) = runner.rerun([run], tmp_path / "resumed", jobs=1, heavy=True)
    assert resumed.status == "ran" and len(calls) == 3  # epochs 2 and 3 only
    metrics = [json.loads((root / "experiments" / "results" / "ch04-word2vec" / run.run_id / "metrics.json")
                          .read_text()) for root in (tmp_path / "unbroken", tmp_path / "resumed")]
    assert metrics[0]["final_loss"] == metrics[1]["final_loss"]
    assert unbroken.status == "ran"
