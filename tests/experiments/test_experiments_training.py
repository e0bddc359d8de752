"""The stacked trainer reproduces the plain one-model loop, and the data behaves."""

import numpy as np
import pytest

from experiments import data, sweep, training
from experiments.reference_loop import train_one


def test_stacked_trainer_equals_one_model_at_a_time_loop():
    seed_list, lrs, batch, epochs = [0, 1], (0.1, 1.0, 3.0), 30, 6
    points = sweep.spiral_per_seed(seed_list)
    schedule = training.Schedule(batch, epochs * (len(points) // batch))
    outcome = sweep.train_group(sweep.Group(lrs, schedule), seed_list, points, hidden_size=10)
    loss, accuracy = sweep.final_scores(outcome.snapshots[schedule.steps], points, len(lrs))
    for i, lr in enumerate(lrs):
        for seed in seed_list:
            reference = train_one(seed, lr, batch, epochs)
            np.testing.assert_allclose(outcome.batch_loss[:, i, seed], reference.batch_loss, rtol=0, atol=1e-10)
            assert loss[i, seed] == pytest.approx(reference.final_loss, abs=1e-10)
            assert accuracy[i, seed] == reference.final_accuracy


def test_snapshot_after_fewer_updates_equals_a_shorter_run():
    seed_list = [3]
    points = sweep.spiral_per_seed(seed_list)
    long = sweep.train_group(sweep.Group((1.0,), training.Schedule(30, 50, (20,))), seed_list, points, 10)
    short = sweep.train_group(sweep.Group((1.0,), training.Schedule(30, 20)), seed_list, points, 10)
    for a, b in zip(long.snapshots[20].arrays(), short.snapshots[20].arrays()):
        np.testing.assert_array_equal(a, b)


def test_training_lowers_the_loss():
    points = sweep.spiral_per_seed([0])
    outcome = sweep.train_group(sweep.Group((1.0,), training.Schedule(30, 600)), [0], points, 10)
    curve = sweep.epoch_means(outcome.batch_loss, 10)
    assert curve[-1].mean() < curve[0].mean() - 0.3


@pytest.mark.parametrize("batch_size", [0, 301])
def test_impossible_batch_sizes_are_refused(batch_size):
    with pytest.raises(ValueError, match="batch size"):
        training.updates_per_epoch(300, batch_size)


def test_spiral_has_three_balanced_classes_inside_the_unit_disc():
    points = data.spiral(data.seed_streams(0).data)
    assert points.x.shape == (300, 2)
    assert np.bincount(points.labels).tolist() == [100, 100, 100]
    assert np.all(np.hypot(points.x[:, 0], points.x[:, 1]) < 1.0)


def test_a_seed_replays_the_same_data_and_different_seeds_differ():
    first = data.spiral(data.seed_streams(4).data)
    again = data.spiral(data.seed_streams(4).data)
    other = data.spiral(data.seed_streams(5).data)
    np.testing.assert_array_equal(first.x, again.x)
    assert not np.allclose(first.x, other.x)


def test_stratified_split_holds_out_the_same_share_of_every_class():
    points = data.spiral(data.seed_streams(0).data)
    train, held = data.stratified_split(points, 0.2, data.seed_streams(0).split)
    assert np.bincount(held.labels).tolist() == [20, 20, 20]
    assert np.bincount(train.labels).tolist() == [80, 80, 80]
    together = np.concatenate([train.x, held.x])
    assert sorted(map(tuple, together)) == sorted(map(tuple, points.x))


def test_epoch_and_window_means():
    losses = np.arange(12.0)
    np.testing.assert_array_equal(sweep.epoch_means(losses, 4), [1.5, 5.5, 9.5])
    ends, means = sweep.window_means(losses, 3)
    np.testing.assert_array_equal(ends, [4, 8, 12])
    np.testing.assert_array_equal(means, [1.5, 5.5, 9.5])
