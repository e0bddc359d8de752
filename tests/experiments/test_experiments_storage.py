"""Cache keys and atomic result directories."""

import shutil

from experiments import cache, storage
from experiments.registry import make_run


def test_cache_key_covers_the_modules_an_experiment_imports():
    modules = cache.project_modules("experiments.ch01_lr_sweep")
    assert {"experiments.ch01_lr_sweep", "experiments.sweep", "experiments.training", "experiments.net",
            "experiments.layers", "experiments.stacked_sgd", "experiments.data", "experiments.plotting"} <= set(modules)
    assert "experiments.registry" not in modules and "experiments.runner" not in modules


def test_cache_key_changes_with_parameters_and_with_imported_code(tmp_path):
    run = make_run("ch01-lr-sweep")
    key = cache.cache_key(run, "experiments.ch01_lr_sweep")
    assert key == cache.cache_key(run, "experiments.ch01_lr_sweep")
    assert key != cache.cache_key(make_run("ch01-lr-sweep", epochs=10), "experiments.ch01_lr_sweep")
    copy = tmp_path / "experiments"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("results", "__pycache__"))
    assert cache.cache_key(run, "experiments.ch01_lr_sweep", copy) == key
    layers = copy / "layers.py"
    layers.write_text(layers.read_text() + "\n# changed\n")
    assert cache.cache_key(run, "experiments.ch01_lr_sweep", copy) != key


def test_replace_directory_swaps_whole_directories(tmp_path):
    target = tmp_path / "results" / "run"
    storage.replace_directory(target, {"a.txt": b"1", "b.txt": b"2"}, tmp_path)
    storage.replace_directory(target, {"a.txt": b"3"}, tmp_path)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == {"a.txt": b"3"}
    assert not list(tmp_path.glob(".tmp-*"))
