"""Every parameter is typed and bounded: a run with a value it cannot take is a run that
cannot run, with the reason, so `make experiments` never gets a run that fails or never ends."""

import importlib

import pytest

from experiments import EXPERIMENTS, answer, make_run, problems
from experiments.book import ch01_validation
from experiments.common import data
from experiments.common.ch01_settings import SPIRAL_POINTS


@pytest.mark.parametrize("line, problem, run_id", [
    ("Batch size sweep: `100, 1000`", "ch01-batch-sweep: cannot run: batch size 1000 > 300 training points",
     "batch-100-1000"),
    ("LR sweep `0.1, 1` `epochs=1e9`", "ch01-lr-sweep: cannot run: epochs 1000000000 > 5000",
     "lr-0.1-1_epochs-1000000000"),
    ("LR sweep `0.1` `n_seeds=100000`", "ch01-lr-sweep: cannot run: seeds 100000 > 50", "lr-0.1_seeds-100000"),
    ("LR sweep `" + "1" * 5000 + "`", "ch01-lr-sweep: cannot run: learning rate >1e308 > 100", "lr-inf"),
    ("LR sweep `-1, 1`", "ch01-lr-sweep: cannot run: learning rate -1 < 0", "lr--1-1"),
    ("batch sweep `2.5, 5`", "ch01-batch-sweep: cannot run: batch size 2.5 is not a whole number", "batch-2.5-5"),
    ("fixed total updates `10` `updates=1e7`", "ch01-fixed-updates: cannot run: total updates 10000000 > 100000",
     "batch-10_updates-10000000"),
    ("Hold-out split `batch_size=250`",
     "ch01-validation: cannot run: batch size 250 > 240 training points (20% of each class held out)", "batch-250"),
    ("Hold-out split `validation_fraction=0.9`", "ch01-validation: cannot run: validation fraction 0.9 > 0.5",
     "val-0.9"),
    ("ch01 baseline `epochs=1, 2`", "ch01-baseline: cannot run: epochs takes one value, not 2", "epochs-1-2"),
    ("Ch01 baseline `batch_size=32,64,128`", "ch01-baseline: cannot run: batch size takes one value, not 3",
     "batch-32-64-128"),
    ("Ch01 baseline `lr=fast`", "ch01-baseline: cannot run: learning rate 'fast' is not a number", "lr-fast"),
    ("LR sweep `" + ", ".join(f"0.{i:02d}" for i in range(1, 26)) + "`",
     "ch01-lr-sweep: cannot run: learning rates: 25 values (at most 20)", None),
])
def test_a_value_it_cannot_take_makes_a_run_that_cannot_run_and_says_why(line, problem, run_id):
    found = answer(line, 1)
    assert found.problems == (problem,)
    (run,) = found.runs
    assert problems(run) == (problem.split(": cannot run: ")[1],)
    if run_id:
        assert run.run_id == run_id


def test_values_at_the_bounds_can_run():
    (run,) = answer("LR sweep `0, 100` `batch_size=300` `epochs=5000` `n_seeds=50` `hidden_size=1000`", 1).runs
    assert run.params_dict() == {"lrs": (0.0, 100.0), "batch_size": 300, "epochs": 5000, "n_seeds": 50,
                                 "hidden_size": 1000}
    assert problems(run) == ()
    assert answer("Hold-out split `validation_fraction=0.5` `batch_size=150`", 1).problems == ()


def test_every_parameter_has_bounds_that_hold_its_default():
    for spec in EXPERIMENTS.values():
        assert problems(make_run(spec.id)) == (), spec.id
        for param in spec.params:
            if param.kind is not str:
                assert param.minimum < param.maximum, (spec.id, param.name)


def test_the_training_points_the_bounds_assume_are_those_the_data_has():
    assert SPIRAL_POINTS == data.CLASSES * data.POINTS_PER_CLASS
    points = data.spiral(data.seed_streams(0).data)
    for fraction in (0.01, 0.2, 0.33, 0.5):
        train, _ = data.stratified_split(points, fraction, data.seed_streams(0).split)
        assert ch01_validation.training_points(fraction) == len(train)


@pytest.mark.parametrize("experiment, values", [
    ("ch01-lr-sweep", {"lrs": (1.0,), "batch_size": 300}),
    ("ch01-batch-sweep", {"batch_sizes": (300,)}),
    ("ch01-validation", {"batch_size": 150, "validation_fraction": 0.5}),
    ("ch01-validation", {"validation_fraction": 0.01}),
])
def test_runs_at_the_bounds_finish(experiment, values):
    run = make_run(experiment, **values, epochs=1, n_seeds=1)
    assert problems(run) == ()
    result = importlib.import_module(EXPERIMENTS[experiment].module).run(run.params_dict())
    assert result.table.rows
