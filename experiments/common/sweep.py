"""Training a set of settings over several seeds at once, and summarising the outcome.

A group is every (learning rate, seed) pair that shares one batch size; it trains as
one stack of models. Under the same seed, every setting starts from the same data,
weights and shuffle order, so differences between settings are not init luck.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from experiments.common import data, net, training
from experiments.common.data import LabelledPoints
from experiments.result import Table, rounded, spread
from experiments.spec import Column


@dataclass(frozen=True)
class Group:
    lrs: tuple[float, ...]  # one setting per learning rate
    schedule: training.Schedule


@dataclass(frozen=True)
class GroupOutcome:
    group: Group
    batch_loss: np.ndarray  # (steps, settings, seeds)
    snapshots: dict[int, net.TwoLayerParams]  # models ordered setting-major, seed-minor
    evaluations: dict[str, np.ndarray]  # name -> (epochs, settings, seeds)


def seeds(n_seeds: int) -> list[int]:
    if n_seeds < 1:
        raise ValueError(f"need at least one seed, not {n_seeds}")
    return list(range(n_seeds))


def spiral_per_seed(seed_list: Sequence[int]) -> LabelledPoints:
    return data.stack([data.spiral(data.seed_streams(seed).data) for seed in seed_list])


def train_group(
    group: Group,
    seed_list: Sequence[int],
    points: LabelledPoints,
    hidden_size: int,
    evaluate: Callable | None = None,
    progress: Callable[[float], None] | None = None,
    dtype: type = training.TRAINING_DTYPE,
) -> GroupOutcome:
    """Train every learning rate of `group` for every seed, as one stack of models."""
    streams = [data.seed_streams(seed) for seed in seed_list]
    classes = int(points.labels.max()) + 1
    initial = net.stack_params([net.init_params(s.init, 2, hidden_size, classes) for s in streams])
    settings, n_seeds = len(group.lrs), len(seed_list)
    model_seed = np.tile(np.arange(n_seeds), settings)
    history = training.train_sgd(
        net.select_models(initial, model_seed),
        points,
        model_seed,
        np.repeat(np.asarray(group.lrs, dtype=float), n_seeds),
        group.schedule,
        [s.shuffle for s in streams],
        evaluate,
        progress,
        dtype,
    )
    shape = (settings, n_seeds)
    return GroupOutcome(
        group,
        history.batch_loss.reshape(-1, *shape),
        history.snapshots,
        {name: values.reshape(-1, *shape) for name, values in history.evaluations.items()},
    )


def final_scores(params: net.TwoLayerParams, points: LabelledPoints, settings: int) -> tuple[np.ndarray, np.ndarray]:
    """Loss and accuracy of every model on its seed's points, shaped (settings, seeds)."""
    x = np.tile(points.x, (settings, 1, 1))
    labels = np.tile(points.labels, (settings, 1))
    loss, accuracy = net.loss_and_accuracy(params, x, labels)
    return loss.reshape(settings, -1), accuracy.reshape(settings, -1)


def evaluator(points: LabelledPoints, settings: int, name: str) -> Callable:
    """An `evaluate` callback measuring loss and accuracy on `points` after each epoch."""

    def evaluate(params: net.TwoLayerParams) -> dict[str, np.ndarray]:
        loss, accuracy = final_scores(params, points, settings)
        return {f"{name}_loss": loss.ravel(), f"{name}_accuracy": accuracy.ravel()}

    return evaluate


def epoch_means(batch_loss: np.ndarray, per_epoch: int) -> np.ndarray:
    """Mean batch loss of each whole epoch, as the book logs it: (epochs, ...)."""
    epochs = batch_loss.shape[0] // per_epoch
    return batch_loss[: epochs * per_epoch].reshape(epochs, per_epoch, *batch_loss.shape[1:]).mean(axis=1)


def window_means(batch_loss: np.ndarray, windows: int) -> tuple[np.ndarray, np.ndarray]:
    """(update count at each window's end, mean loss per window) for ~`windows` windows."""
    width = max(1, batch_loss.shape[0] // windows)
    count = batch_loss.shape[0] // width
    means = batch_loss[: count * width].reshape(count, width, *batch_loss.shape[1:]).mean(axis=1)
    return width * np.arange(1, count + 1), means


def setting_entry(setting: dict, loss: np.ndarray, accuracy: np.ndarray, **extra: np.ndarray) -> dict:
    """One element of metrics["settings"]: the setting, mean ± std and per-seed values."""
    entry = {"setting": setting, "loss": spread(loss), "accuracy": spread(accuracy)}
    entry.update({name: spread(values) for name, values in extra.items()})
    entry["per_seed"] = {
        name: [float(v) for v in values]
        for name, values in {"loss": loss, "accuracy": accuracy, **extra}.items()
    }
    return entry


def scaled_progress(progress: Callable[[float], None] | None, start: float, share: float):
    """Report a sub-task's 0..1 progress as the slice [start, start + share] of the whole."""
    if progress is None:
        return None
    return lambda fraction: progress(start + share * fraction)


def settings_table(columns: Sequence[Column], entries: Sequence[dict], note: str) -> Table:
    """The result table of `entries` (from `setting_entry`): a row each, the columns' keys only."""
    keys = [column.key for column in columns]
    rows = []
    for entry in entries:
        values = {**entry["setting"], **{name: value for name, value in entry.items() if name not in ("setting", "per_seed")}}
        rows.append(rounded({key: values[key] for key in keys if key in values}))
    return Table(tuple(columns), tuple(rows), note)
