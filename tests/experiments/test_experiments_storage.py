"""Cache keys, the pinned environment, and atomic result directories."""

import re
import shutil
from pathlib import Path

from experiments import cache, make_run, storage

PROJECT = Path(__file__).resolve().parents[2]


def test_cache_key_covers_the_modules_an_experiment_imports():
    modules = cache.project_modules("experiments.book.ch01_lr_sweep")
    assert {"experiments.book.ch01_lr_sweep", "experiments.common.sweep", "experiments.common.training",
            "experiments.common.net", "experiments.common.layers", "experiments.common.stacked_sgd",
            "experiments.common.data", "experiments.common.plotting", "experiments.result"} <= set(modules)
    assert not {"experiments.runner", "experiments.answers", "experiments.catalog"} & set(modules)


def test_cache_key_changes_with_parameters_and_with_imported_code(tmp_path):
    run = make_run("ch01-lr-sweep")
    key = cache.cache_key(run)
    assert key == cache.cache_key(run)
    assert key != cache.cache_key(make_run("ch01-lr-sweep", epochs=10))
    copy = tmp_path / "experiments"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("results", "__pycache__"))
    assert cache.cache_key(run, package_dir=copy) == key
    layers = copy / "common" / "layers.py"
    layers.write_text(layers.read_text() + "\n# changed\n")
    assert cache.cache_key(run, package_dir=copy) != key


def test_the_versions_in_the_cache_key_are_pinned_in_the_lock_file():
    """A fresh environment made from requirements.lock has the versions the committed keys hold."""
    pinned = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", (PROJECT / "requirements.lock").read_text(), re.M))
    pinned = {name.lower(): version for name, version in pinned.items()}
    for library, version in cache.library_versions().items():
        assert pinned[library] == version, f"{library} {version} is not the locked {pinned.get(library)}"


def test_the_lock_file_pins_every_dependency_exactly_and_not_the_project_itself():
    lines = [line for line in (PROJECT / "requirements.lock").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[^\s=]+", line) for line in lines), lines
    names = {line.split("==")[0].lower() for line in lines}
    assert "studykb" not in names
    assert {"numpy", "matplotlib", "mkdocs", "mkdocs-material", "threadpoolctl", "pytest"} <= names


def test_replace_directory_swaps_whole_directories(tmp_path):
    target = tmp_path / "results" / "run"
    storage.replace_directory(target, {"a.txt": b"1", "b.txt": b"2"}, tmp_path)
    storage.replace_directory(target, {"a.txt": b"3"}, tmp_path)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == {"a.txt": b"3"}
    assert not list(tmp_path.glob(".tmp-*"))
