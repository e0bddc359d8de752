"""The learner's own scripts, run as sphinx-gallery runs examples (experiments.gallery)."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_experiments, write_log

from experiments import gallery, make_run, results_dir
from experiments.cache import cache_key
from studykb.config import load_config
from studykb.pipeline import load
from studykb.render.runs import run_block
from studykb.results import load_run_results

LOG = """# Log

## Session: 2026-02-18 15:03:34 KST
- Topics covered:
- Ch01 baseline run: `train.py` `epochs=1` `n_seeds=1`
"""


def project(tmp_path: Path, scripts_root: str | None) -> Path:
    root = tmp_path / "site"
    write_log(root, LOG)
    setting = f"    experiments:\n      scripts_root: {scripts_root}\n" if scripts_root else ""
    (root / "mkdocs.yml").write_text(f"site_name: t\nextra:\n  studykb:\n{setting}", "utf-8")
    return root


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    copy = tmp_path / "learner-repo"
    shutil.copytree(FIXTURES / "scripts", copy)
    return copy


def script_run(script: str = "train.py"):
    return make_run(gallery.SPEC.id, chapter=1, script=script)


def page_block(root: Path) -> str:
    config = load_config(root)
    knowledge = load(config).knowledge
    results, assets = load_run_results(knowledge, root, config.scripts_root)
    result = results[(gallery.SPEC.id, "ch01-train.py")]
    return run_block("generated/sessions/x.md", result, "Experiment"), assets


def test_a_script_the_log_runs_is_run_and_its_figures_and_output_shown(tmp_path, scripts):
    root = project(tmp_path, str(scripts))
    result = run_experiments(root, "--only", gallery.SPEC.id)
    assert result.returncode == 0, result.stderr
    assert "learner-scripts/ch01-train.py" in result.stdout and " ran " in result.stdout
    directory = results_dir(script_run(), root)
    metrics = json.loads((directory / "metrics.json").read_text())
    assert metrics["script"] == "ch01/train.py" and metrics["status"] == "ok"
    assert metrics["output_tail"][-2:] == ["| epoch 5 | loss 0.33", "done"]
    assert [f["file"] for f in metrics["figures"]] == ["figure-1.png", "figure-2.png"]
    assert (directory / "figure-1.png").read_bytes().startswith(b"\x89PNG")
    block, assets = page_block(root)
    assert block.count("<img ") == 2 and "| epoch 5 | loss 0.33" in block and "Ran <code>ch01/train.py</code>" in block
    assert any(path.endswith("ch01-train.py/figure-2.png") for path in assets)
    again = run_experiments(root, "--only", gallery.SPEC.id)
    assert "fresh" in again.stdout


def test_the_key_follows_the_script_and_the_local_modules_it_imports(scripts):
    key = cache_key(script_run(), scripts)
    assert set(gallery.source_key(scripts / "ch01" / "train.py", scripts)) == {
        "ch01/train.py", "common/__init__.py", "common/util.py"}
    (scripts / "common" / "util.py").write_text("def losses(lr, epochs):\n    return [lr] * epochs\n")
    assert cache_key(script_run(), scripts) != key


def test_without_the_setting_nothing_runs_and_the_page_says_so(tmp_path):
    root = project(tmp_path, None)
    result = run_experiments(root, "--only", gallery.SPEC.id)
    assert result.returncode == 0, result.stderr
    assert "cannot run" in result.stdout and "scripts_root" in result.stdout
    block, _ = page_block(root)
    assert "Not run: the learner&#x27;s scripts are not at hand" in block or "Not run: the learner's scripts" in block


def test_a_script_not_in_the_repository_is_named_on_the_page(tmp_path, scripts):
    (scripts / "ch01" / "train.py").unlink()
    root = project(tmp_path, str(scripts))
    assert run_experiments(root, "--only", gallery.SPEC.id).returncode == 0
    block, _ = page_block(root)
    assert f"Not run: train.py is not in {scripts}" in block


def test_a_failing_script_keeps_its_output_and_make_experiments_succeeds(scripts):
    result = gallery.run({"chapter": 1, "script": "broken.py"}, scripts)
    assert result.metrics["status"] == "error"
    assert "about to fail" in result.metrics["output_tail"]
    assert result.metrics["output_tail"][-1] == "ZeroDivisionError: the learner's bug"


def test_a_script_past_the_time_limit_is_stopped(scripts, monkeypatch):
    monkeypatch.setattr(gallery, "TIME_LIMIT_S", 2)
    result = gallery.run({"chapter": 1, "script": "slow.py"}, scripts)
    assert result.metrics["status"] == "timeout" and result.metrics["output_tail"] == ["started"]


@pytest.mark.parametrize("line, scripts_named", [
    ("Ch01 baseline run: `train.py` and `train_custom_loop.py`", ["train.py", "train_custom_loop.py"]),
    ("Ran `ch02/count_method_big.py` (window_size=2)", ["ch02/count_method_big.py"]),
    ("`ch05/train_custom_loop.py`: `hidden_size=100`", ["ch05/train_custom_loop.py"]),
    ("Fixed `np.int` in `dataset/spiral.py`", []),
    # A file named as where code is, or as what to write or read, is not run.
    ("TODO: CBOW class in ch04/cbow.py, then start training tonight", []),
    ("Ch02 loss function: worked through `ch04/cbow.py`", []),
    ("Implemented forget gate forward/backward in `ch07/seq2seq.py`", []),
    ("write `ch04/cbow.py` before Friday", []),
    ("TODO: leave train.py running overnight with max_epoch=10", ["train.py"]),
    ("학습된 cbow_params.pkl 로 `python ch04/eval.py` 실행해", ["ch04/eval.py"]),
    ("Ran `../../secret.py`", []),
])
def test_which_scripts_a_line_runs(line, scripts_named):
    assert gallery.scripts_run(line) == scripts_named


def test_a_script_outside_the_repository_is_never_found(scripts, tmp_path):
    (tmp_path / "outside.py").write_text("print('no')\n")
    assert gallery.find_script({"chapter": 0, "script": "../outside.py"}, scripts) is None
    assert gallery.find_script({"chapter": 1, "script": "train.py"}, scripts) == (scripts / "ch01" / "train.py").resolve()
