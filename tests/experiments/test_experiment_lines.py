"""The site generator's side: which lines of a log ask for runs, in which chapter, and what
`make check` and the pages say about them (studykb.experiment_lines, results, render.runs)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, PROJECT

from experiments import EXPERIMENTS, make_run
from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.render.common import page
from studykb.render.runs import results_table, run_block
from studykb.results import ASSETS, RunResult, load_run_result, load_run_results

LOG_TO_CH06 = FIXTURES / "dlfs2-to-ch06.md"
SEED = PROJECT / "sessions" / "dlfs2.md"


def project(tmp_path: Path, log: Path) -> Path:
    (tmp_path / "sessions").mkdir()
    shutil.copy(log, tmp_path / "sessions" / "dlfs2.md")
    return tmp_path


def refs_by_line(root: Path) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list] = {}
    for ref in load(Config(root=root)).knowledge.experiment_refs:
        found.setdefault(ref.source.line, []).append((ref.experiment, ref.run_id))
    return found


def test_the_seed_logs_runs_are_those_it_always_asked_for(tmp_path):
    assert refs_by_line(project(tmp_path, SEED)) == {
        21: [("ch01-baseline", "default"), ("learner-scripts", "ch01-train.py"),
             ("learner-scripts", "ch01-train_custom_loop.py")],
        25: [("ch01-lr-sweep", "lr-0.01-0.1-1-3-10")],
        26: [("ch01-batch-sweep", "batch-5-10-30-100")],
        38: [("ch01-fixed-updates", "batch-5-10-30-100"), ("ch01-validation", "default")],
    }


def test_a_log_that_goes_on_into_chapters_2_to_6_asks_for_no_chapter_1_run_from_them(tmp_path):
    found = refs_by_line(project(tmp_path, LOG_TO_CH06))
    chapter_1 = {line for line, runs in found.items() for experiment, _ in runs if experiment.startswith("ch01-")}
    assert max(chapter_1) == 47  # the last line of the session that names Ch01
    assert found[43] == [("ch01-fixed-updates", "batch-5-10-30-100_updates-6000")]
    assert found[44] == [("ch01-lr-sweep", "lr-0.05-0.5-5")]
    assert found[45] == [("ch01-baseline", "hidden-5")]
    assert found[47] == [("ch01-validation", "epochs-100_val-0.3")]  # from the settings table after it
    assert found[61] == [("ch02-count-corpus", "default"), ("learner-scripts", "ch02-count_method_big.py")]
    assert found[62] == [("ch02-count-corpus", "default")]  # "PPMI + SVD on PTB"
    assert found[78] == [("ch05-rnnlm", "default"), ("learner-scripts", "ch05-train_custom_loop.py")]
    assert 84 not in found  # "Ch06 gated RNN: LSTM and gradient clipping" names topics, it runs nothing


def test_definitions_and_qa_lines_ask_for_no_run(tmp_path):
    found = refs_by_line(project(tmp_path, LOG_TO_CH06))
    assert 65 not in found and 66 not in found  # "`validation split` is ...", and a Q/A line


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studykb", "check", "--root", str(root)], cwd=PROJECT,
                          capture_output=True, text=True)


def test_make_check_names_every_experiment_line_nothing_answers_and_every_value_that_cannot_run(tmp_path):
    result = run_check(project(tmp_path, LOG_TO_CH06))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    prefix = "sessions/dlfs2.md:{}: info: looks like an experiment, but no experiment reproduces this yet ({})"
    for line, why in [(63, "it describes a sweep"), (72, "it describes a sweep"), (73, "it says something was run"),
                      (85, "it describes a sweep")]:
        assert prefix.format(line, why) in lines
    assert ("sessions/dlfs2.md:46: warning: ch01-batch-sweep: cannot run: batch size 1000 > 300 training points"
            in lines)
    assert ("sessions/dlfs2.md:21: info: 3 lines run the learner's own scripts (train.py, train_custom_loop.py, "
            "ch02/count_method_big.py, ch05/train_custom_loop.py), not run here: set "
            "extra.studykb.experiments.scripts_root in mkdocs.yml to the repository that holds them" in lines)
    assert result.stdout.strip() == "studykb check: 0 errors, 1 warning, 5 infos"


def test_the_seed_log_stays_clean_for_make_check_but_for_its_scripts_not_run(tmp_path):
    result = run_check(project(tmp_path, SEED))
    assert result.stderr.splitlines() == [
        "sessions/dlfs2.md:21: info: 1 line runs the learner's own scripts (train.py, train_custom_loop.py), not run "
        "here: set extra.studykb.experiments.scripts_root in mkdocs.yml to the repository that holds them"]
    assert result.stdout.strip() == "studykb check: 0 errors, 0 warnings, 1 info", result.stderr


@pytest.fixture(scope="module")
def pages_to_ch06(tmp_path_factory) -> dict[str, str]:
    root = project(tmp_path_factory.mktemp("site"), LOG_TO_CH06)
    knowledge = load(Config(root=root)).knowledge
    results, _ = load_run_results(knowledge, root)
    files, _ = render_site(knowledge, results, watch_window=3)
    return files


def test_the_session_page_marks_lines_no_experiment_reproduces_and_runs_that_cannot_run(pages_to_ch06):
    ch02 = pages_to_ch06[page("sessions", "2026-02-22-2000.md")]
    assert ch02.count("No experiment reproduces this yet") == 1
    assert "it describes a sweep" in ch02
    ch01 = pages_to_ch06[page("sessions", "2026-02-20-1900.md")]
    assert "Cannot run: batch size 1000 &gt; 300 training points" in ch01
    assert "No experiment reproduces this yet" not in ch01


def test_the_validation_experiment_shows_validation_numbers():
    run = make_run("ch01-validation")
    result = load_run_result(run, PROJECT, None, {})
    assert result.metrics is not None, "no committed results; run `make experiments`"
    table = results_table(result.metrics)
    for heading in ("training loss", "validation loss", "training accuracy", "validation accuracy",
                    "validation points"):
        assert heading in table
    row = result.metrics["table"]["rows"][0]
    assert f"{row['validation_loss']['mean']:.4f}" in table
    assert f"{100 * row['validation_accuracy']['mean']:.1f} %" in table
    assert "validation columns on the 60 held-out points" in table


@pytest.mark.parametrize("experiment", sorted(e for e, spec in EXPERIMENTS.items() if spec.chapter == 1))
def test_every_seed_experiment_renders_its_own_table(experiment):
    result = load_run_result(make_run(experiment), PROJECT, None, {})
    assert result.metrics is not None, f"no committed results for {experiment}; run `make experiments`"
    table = results_table(result.metrics)
    assert table.count("<th>") == len(EXPERIMENTS[experiment].columns)
    assert "–" not in table.split("<p>")[0]  # every cell has its value
    assert "(no results table" not in table


def test_a_run_block_says_why_a_run_cannot_run_or_how_to_make_it():
    cannot = RunResult("ch01-batch-sweep", "batch-100-1000", "Ch01 batch sweep", None,
                       cannot_run="batch size 1000 > 300 training points")
    assert "Cannot run: batch size 1000 &gt; 300 training points." in run_block("generated/x.md", cannot, "Run")
    missing = RunResult("ch01-baseline", "epochs-7", "Ch01 baseline", None)
    assert "make experiments ONLY=ch01-baseline" in run_block("generated/x.md", missing, "Run")


def test_loading_results_renders_nothing():
    code = "import sys, studykb.results; print(sorted(m for m in sys.modules if m.startswith('studykb.render')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": f"{PROJECT / 'scripts'}:{PROJECT}"})
    assert out.stdout.strip() == "[]"
    assert ASSETS == page("assets", "runs")
