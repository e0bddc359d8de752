"""Every parameter is bounded: a value a log states outside its bounds is reported and the
default is used, so `make experiments` never gets a run it cannot finish or that fails."""

import importlib

import pytest

from experiments import data, registry
from experiments.registry import EXPERIMENTS, find_runs, make_run, read_line


@pytest.mark.parametrize("line, problem, run_id", [
    ("LR sweep `0.1, 1` `epochs=1e9`",
     "ch01-lr-sweep: epochs 1e+09 is out of bounds (1 to 5000); the default epochs=300 is used", "lr-0.1-1"),
    ("LR sweep `0.1` `n_seeds=100000`",
     "ch01-lr-sweep: n_seeds 100000 is out of bounds (1 to 50); the default n_seeds=5 is used", "lr-0.1"),
    ("LR sweep `" + "1" * 5000 + "`",
     "ch01-lr-sweep: lrs value >1e308 is out of bounds (0 to 100); the default lrs=0.01, 0.1, 1, 3, 10 is used",
     "lr-0.01-0.1-1-3-10"),
    ("LR sweep `-1, 1`",
     "ch01-lr-sweep: lrs value -1 is out of bounds (0 to 100); the default lrs=0.01, 0.1, 1, 3, 10 is used",
     "lr-0.01-0.1-1-3-10"),
    ("LR sweep `0.1` `batch_size=301`",
     "ch01-lr-sweep: batch_size 301 is out of bounds (1 to 300); the default batch_size=30 is used", "lr-0.1"),
    ("batch sweep `5, 500`",
     "ch01-batch-sweep: batch_sizes value 500 is out of bounds (1 to 300); the default batch_sizes=5, 10, 30, 100 "
     "is used", "batch-5-10-30-100"),
    ("batch sweep `2.5, 5`",
     "ch01-batch-sweep: batch_sizes value 2.5 is not a whole number; the default batch_sizes=5, 10, 30, 100 is used",
     "batch-5-10-30-100"),
    ("fixed total updates `10` `updates=1e7`",
     "ch01-fixed-updates: updates 1e+07 is out of bounds (1 to 100000); the default updates=3000 is used", "batch-10"),
    ("Hold-out split `batch_size=200`",
     "ch01-validation: batch_size 200 is out of bounds (1 to 150); the default batch_size=30 is used", "default"),
    ("Hold-out split `validation_fraction=0.9`",
     "ch01-validation: validation_fraction 0.9 is out of bounds (0.01 to 0.5); the default validation_fraction=0.2 "
     "is used", "default"),
    ("ch01 baseline `epochs=1, 2`",
     "ch01-baseline: epochs takes one number, not 2; the default epochs=300 is used", "default"),
    ("LR sweep `" + ", ".join(f"0.{i:02d}" for i in range(1, 26)) + "`",
     "ch01-lr-sweep: lrs has 25 values (at most 20); the default lrs=0.01, 0.1, 1, 3, 10 is used",
     "lr-0.01-0.1-1-3-10"),
])
def test_a_value_out_of_bounds_is_reported_and_the_default_used(line, problem, run_id):
    found = read_line(line)
    assert found.problems == (problem,)
    assert [run.run_id for run in found.runs] == [run_id]
    assert found.runs == tuple(find_runs(line))


def test_values_at_the_bounds_are_used():
    (run,) = find_runs("LR sweep `0, 100` `batch_size=300` `epochs=5000` `n_seeds=50` `hidden_size=1000`")
    assert run.params_dict() == {"lrs": (0.0, 100.0), "batch_size": 300, "epochs": 5000, "n_seeds": 50,
                                 "hidden_size": 1000}
    assert read_line("Hold-out split `validation_fraction=0.5` `batch_size=150`").problems == ()


def test_every_parameter_has_bounds_that_hold_its_default():
    for experiment in EXPERIMENTS.values():
        for param in experiment.params:
            values = param.default if isinstance(param.default, tuple) else (param.default,)
            assert param.minimum < param.maximum, (experiment.id, param.name)
            assert all(param.minimum <= v <= param.maximum for v in values), (experiment.id, param.name)


def test_no_batch_can_hold_more_points_than_training_has():
    assert registry.SPIRAL_POINTS == data.CLASSES * data.POINTS_PER_CLASS
    points = data.spiral(data.seed_streams(0).data)
    train, _ = data.stratified_split(points, registry.MAX_VALIDATION_FRACTION, data.seed_streams(0).split)
    assert len(train) >= registry.VALIDATION_BATCH_MAX
    assert EXPERIMENTS["ch01-validation"].param("batch_size").maximum == registry.VALIDATION_BATCH_MAX


@pytest.mark.parametrize("experiment, overrides", [
    ("ch01-lr-sweep", {"lrs": (1.0,), "batch_size": 300}),
    ("ch01-batch-sweep", {"batch_sizes": (300,)}),
    ("ch01-validation", {"batch_size": 150, "validation_fraction": 0.5}),
    ("ch01-validation", {"validation_fraction": 0.01}),
])
def test_runs_at_the_bounds_finish(experiment, overrides):
    run = make_run(experiment, **overrides, epochs=1, n_seeds=1)
    result = importlib.import_module(EXPERIMENTS[experiment].module).run(run.params_dict())
    assert result.metrics["settings"]
