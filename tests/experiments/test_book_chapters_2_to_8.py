"""A log that goes through chapters 2 to 8 asks for each chapter's experiments; the quick ones
run (on the generated stand-in corpus and generated problems) and its session pages show
their figures and tables; the heavy ones say how to run them until they are run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from tiny import shrink

from experiments import runner
from experiments.tiers import is_heavy
from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.render.common import page
from studykb.rerun import referenced_runs
from studykb.results import load_run_results

LOG = FIXTURES / "dlfs2-ch02-to-ch08.md"
SESSIONS = {2: "2026-03-03-1900", 3: "2026-03-05-1930", 4: "2026-03-08-2000", 5: "2026-03-11-2000",
            6: "2026-03-14-2000", 7: "2026-03-17-2000", 8: "2026-03-20-2000"}
QUICK = ["ch02-count-corpus", "ch02-count-toy", "ch03-simple-word2vec", "ch05-rnnlm", "ch06-gradient-norms",
         "ch06-lstm-lm", "ch07-seq2seq", "ch08-attention"]
HEAVY = ["ch04-word2vec", "ch06-better-lstm-lm"]


def project(root: Path) -> Path:
    (root / "sessions").mkdir(parents=True)
    shutil.copy(LOG, root / "sessions" / "dlfs2.md")
    return root


def test_the_log_asks_each_chapter_for_its_experiments_with_the_values_it_states(tmp_path):
    loaded = load(Config(root=project(tmp_path)))
    runs = {run.experiment: run for run in referenced_runs(loaded.knowledge)}
    assert sorted(e for e in runs if e != "learner-scripts") == sorted(QUICK + HEAVY)
    assert {e for e in runs if e != "learner-scripts" and is_heavy(runs[e].spec)} == set(HEAVY)
    rnnlm = runs["ch05-rnnlm"].params_dict()
    assert (rnnlm["batch_size"], rnnlm["hidden_size"], rnnlm["time_size"], rnnlm["lr"], rnnlm["epochs"],
            rnnlm["corpus_size"]) == (10, 100, 5, 0.1, 100, 1000)
    lstm = runs["ch06-lstm-lm"].params_dict()
    assert (lstm["lr"], lstm["batch_size"], lstm["time_size"], lstm["max_grad"], lstm["epochs"]) == (20, 20, 35, 0.25, 4)
    assert runs["ch06-better-lstm-lm"].params_dict()["dropout"] == 0.5
    assert runs["ch07-seq2seq"].params_dict()["problems"] == 50_000
    assert not [d for d in loaded.diagnostics if ("experiment" in d.message or "cannot run" in d.message)
                and "the learner's own scripts" not in d.message]  # said once: they are not run without the setting


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The quick runs made at tiny sizes, then every page rendered."""
    monkeypatch = pytest.MonkeyPatch()
    shrink(monkeypatch)
    root = project(tmp_path_factory.mktemp("chapters"))
    knowledge = load(Config(root=root)).knowledge
    outcomes = runner.rerun(referenced_runs(knowledge), root, jobs=1)
    monkeypatch.undo()
    results, assets = load_run_results(knowledge, root)
    files, _ = render_site(knowledge, results, watch_window=3)
    return {"outcomes": outcomes, "files": files, "assets": assets, "root": root}


def test_quick_runs_ran_and_heavy_ones_waited(pages):
    status = {o.run.experiment: o.status for o in pages["outcomes"] if o.run.experiment != "learner-scripts"}
    assert {e for e, s in status.items() if s == "ran"} == set(QUICK), status
    assert {e for e, s in status.items() if s == "heavy"} == set(HEAVY)
    assert not (pages["root"] / "experiments" / "results" / "ch04-word2vec").exists()


@pytest.mark.parametrize("chapter, experiments, figures", [
    (2, ["ch02-count-toy", "ch02-count-corpus"], ["matrices.svg", "svd.svg"]),
    (3, ["ch03-simple-word2vec"], ["loss.svg", "vectors.svg"]),
    (5, ["ch05-rnnlm"], ["perplexity.svg"]),
    (6, ["ch06-gradient-norms", "ch06-lstm-lm"], ["norms.svg", "perplexity.svg"]),
    (7, ["ch07-seq2seq"], ["accuracy.svg"]),
    (8, ["ch08-attention"], ["accuracy.svg", "attention.svg"]),
])
def test_each_chapters_session_page_shows_its_figures_and_tables(pages, chapter, experiments, figures):
    html = pages["files"][page("sessions", f"{SESSIONS[chapter]}.md")]
    for experiment in experiments:
        assert f"/runs/{experiment}/" in html
    for figure in figures:
        assert re.search(rf'<img src="[^"]+/{re.escape(figure)}"', html), figure
    assert html.count("<table>") >= len(experiments)
    assert "Not run yet" not in html
    assert ("heavy: run with" in html) == (chapter == 6)  # the better LSTM LM is heavy


def test_pages_name_the_stand_in_and_show_its_true_perplexity(pages):
    html = pages["files"][page("sessions", f"{SESSIONS[6]}.md")]
    assert "stand-in (not PTB)" in html and "not PTB" in html
    assert "true perplexity of the test text" in html
    assert "the book&#x27;s published weights reach ≈ 136" in html or "published weights reach ≈ 136" in html


@pytest.mark.parametrize("chapter, experiment", [(4, "ch04-word2vec"), (6, "ch06-better-lstm-lm")])
def test_a_heavy_run_not_yet_run_says_how_to_run_it(pages, chapter, experiment):
    html = pages["files"][page("sessions", f"{SESSIONS[chapter]}.md")]
    assert f"heavy: run with <code>make experiments ONLY={experiment}</code>" in html
    assert "CPU-hours per seed" in html


def test_every_figure_a_page_shows_is_published(pages):
    for path, html in pages["files"].items():
        if not isinstance(html, str):
            continue
        for src in re.findall(r'<img src="([^"]+runs/[^"]+)"', html):
            assert any(asset.endswith(src.split("assets/runs/", 1)[-1]) for asset in pages["assets"]), (path, src)
