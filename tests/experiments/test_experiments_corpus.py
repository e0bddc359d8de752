"""PTB when the learner has it (a setting or $STUDYKB_PTB_DIR names the folder), else the
stand-in, labelled as such; PTB's files are part of the cache key of the runs that read it."""

from __future__ import annotations

import importlib.util
import json
import os
import re

import numpy as np
import pytest
from conftest import run_experiments, write_log

from experiments import make_run, runner
from experiments.context import PTB_ENV, RunContext, corpus_identity, ptb_folder, ptb_problem
from experiments.datasets.ptb import PTB_FILES
from studykb.config import config_from_mapping

LOG = """# Log

## Session: 2026-03-03 19:00:00 KST
- PPMI + SVD on PTB (Ch02) `stand_in_words=3000` `wordvec_size=10`
"""
WORDS = ("you", "say", "year", "car", "toyota", "the", "a", "market", "rose", "fell", "N", "<unk>")


def fake_ptb(folder, seed=0):
    """Three small files in PTB's shape: lower-case words, one sentence a line."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for split, name in PTB_FILES.items():
        lines = [" ".join(rng.choice(WORDS, size=int(rng.integers(4, 12)))) for _ in range(300)]
        (folder / name).write_text("\n".join(lines) + "\n")
    return folder


def metrics_of(root):
    (path,) = (root / "experiments" / "results" / "ch02-count-corpus").glob("*/metrics.json")
    return json.loads(path.read_text())


def test_without_ptb_the_run_reads_the_stand_in_and_says_so(tmp_path):
    write_log(tmp_path, LOG)
    assert run_experiments(tmp_path, env=no_ptb_env()).returncode == 0
    corpus = metrics_of(tmp_path)["corpus"]
    assert corpus["ptb"] is False and corpus["name"] == "generated stand-in corpus (not PTB)"
    assert "not PTB" in corpus["stand_in"] and corpus["true_perplexity"]["test"] > 1


def test_with_the_setting_the_run_reads_ptb_and_a_changed_file_reruns_it(tmp_path):
    write_log(tmp_path, LOG)
    fake_ptb(tmp_path / "data" / "ptb")
    (tmp_path / "mkdocs.yml").write_text("extra:\n  studykb:\n    experiments:\n      ptb_dir: data/ptb\n")
    first = run_experiments(tmp_path, env=no_ptb_env())
    assert first.returncode == 0, first.stderr
    corpus = metrics_of(tmp_path)["corpus"]
    assert corpus["ptb"] is True and corpus["name"] == "PTB" and "true_perplexity" not in corpus
    assert statuses(run_experiments(tmp_path, env=no_ptb_env())) == {"fresh"}
    fake_ptb(tmp_path / "data" / "ptb", seed=1)
    assert statuses(run_experiments(tmp_path, env=no_ptb_env())) == {"ran"}


def test_the_environment_variable_names_the_folder_before_the_setting(tmp_path):
    assert ptb_folder("data/ptb", tmp_path, {PTB_ENV: str(tmp_path / "elsewhere")}) == tmp_path / "elsewhere"
    assert ptb_folder("data/ptb", tmp_path, {}) == tmp_path / "data" / "ptb"
    assert ptb_folder(None, tmp_path, {}) is None


def test_a_named_folder_without_the_files_is_a_run_that_cannot_run(tmp_path):
    assert "lacks ptb.train.txt, ptb.valid.txt, ptb.test.txt" in ptb_problem(tmp_path)
    run = make_run("ch02-count-corpus")
    (planned,) = runner.plan([run], tmp_path, force=False, ptb_dir=tmp_path)
    assert planned.cannot.startswith("PTB folder")
    (toy,) = runner.plan([make_run("ch02-count-toy")], tmp_path, force=False, ptb_dir=tmp_path)
    assert toy.cannot == ""  # a run that reads no corpus does not care


def test_ptb_enters_the_key_of_runs_that_read_a_corpus_only(tmp_path):
    ptb = fake_ptb(tmp_path / "ptb")
    keys = {}
    for name, folder in (("stand-in", None), ("ptb", ptb)):
        planned = runner.plan([make_run("ch02-count-corpus"), make_run("ch02-count-toy")], tmp_path, False,
                              ptb_dir=folder)
        keys[name] = [p.key for p in planned]
    assert keys["stand-in"][0] != keys["ptb"][0]
    assert keys["stand-in"][1] == keys["ptb"][1]
    assert corpus_identity(ptb)["sha256"]["train"] != corpus_identity(fake_ptb(tmp_path / "other", 1))["sha256"]["train"]


def test_the_settings_name_the_ptb_folder_device_and_cluster(tmp_path):
    config = config_from_mapping(tmp_path, {"extra": {"studykb": {"experiments": {
        "ptb_dir": "data/ptb", "device": "gpu", "cluster": "tcp://127.0.0.1:8786"}}}})
    assert (config.experiments.ptb_dir, config.experiments.device, config.experiments.cluster) == (
        "data/ptb", "gpu", "tcp://127.0.0.1:8786")
    assert not config.problems
    bad = config_from_mapping(tmp_path, {"extra": {"studykb": {"experiments": {"device": "tpu", "cluster": 3}}}})
    assert bad.experiments.device == "cpu" and bad.experiments.cluster is None
    messages = [p.message for p in bad.problems]
    assert any("device should be cpu or gpu" in m for m in messages)
    assert any("cluster should be" in m for m in messages)


def test_a_gpu_run_without_cupy_says_what_to_install(tmp_path):
    if importlib.util.find_spec("cupy") is not None:
        pytest.skip("CuPy is installed here")
    write_log(tmp_path, LOG)
    result = run_experiments(tmp_path, "--device", "gpu")
    assert result.returncode == 2 and "pip install 'studykb[cupy]'" in result.stderr
    with pytest.raises(RuntimeError, match="CuPy"):
        RunContext(device="gpu").array_module()


def statuses(result) -> set[str]:
    return set(re.findall(r"^ch02-count-corpus/\S+\s+(\w+)", result.stdout, re.MULTILINE))


def no_ptb_env() -> dict:
    """This process's environment without $STUDYKB_PTB_DIR, so only the project's setting counts."""
    return {name: value for name, value in os.environ.items() if name != PTB_ENV}
