"""The stacked trainer reproduces the plain one-model loop, and the data behaves."""

import numpy as np
import pytest

from experiments.common import data, sweep, training
from experiments.common.reference_loop import train_one


def stacked_and_reference_runs(dtype):
    seed_list, lrs, batch, epochs = [0, 1], (0.1, 1.0, 3.0), 30, 6
    points = sweep.spiral_per_seed(seed_list)
    schedule = training.Schedule(batch, epochs * (len(points) // batch))
    outcome = sweep.train_group(sweep.Group(lrs, schedule), seed_list, points, hidden_size=10, dtype=dtype)
    loss, accuracy = sweep.final_scores(outcome.snapshots[schedule.steps], points, len(lrs))
    for i, lr in enumerate(lrs):
        for seed in seed_list:
            stacked = (outcome.batch_loss[:, i, seed], loss[i, seed], accuracy[i, seed])
            yield stacked, train_one(seed, lr, batch, epochs)


def test_stacked_trainer_in_double_precision_equals_one_model_at_a_time_loop():
    # Same arithmetic up to the order of a few additions, so agreement to rounding.
    for (batch_loss, loss, accuracy), reference in stacked_and_reference_runs(np.float64):
        np.testing.assert_allclose(batch_loss, reference.batch_loss, rtol=0, atol=1e-10)
        assert loss == pytest.approx(reference.final_loss, abs=1e-10)
        assert accuracy == reference.final_accuracy


def test_stacked_trainer_in_single_precision_stays_close_to_the_double_precision_loop():
    # The experiments train in float32: over these 60 updates its rounding moves a
    # loss by about 2e-7, far below the spread between seeds (about 1e-2).
    for (batch_loss, loss, accuracy), reference in stacked_and_reference_runs(np.float32):
        np.testing.assert_allclose(batch_loss, reference.batch_loss, rtol=0, atol=1e-5)
        assert loss == pytest.approx(reference.final_loss, abs=1e-5)
        assert accuracy == pytest.approx(reference.final_accuracy, abs=1 / 300)  # one point at most


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
