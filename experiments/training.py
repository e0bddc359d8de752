"""SGD training of many models at once, recording the loss of every update.

All models of a call share one batch size; they may differ in learning rate and in
seed (data, initial weights, shuffle order). Each epoch every seed draws one random
key per point and its argsort is the shuffle, so a model sees exactly the batches a
one-model loop with the same seed would see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from experiments.data import LabelledPoints
from experiments.net import TwoLayerParams, loss_and_grads
from experiments.optim import sgd_step

Evaluate = Callable[[TwoLayerParams], dict[str, np.ndarray]]
Progress = Callable[[float], None]


@dataclass(frozen=True)
class TrainingHistory:
    batch_loss: np.ndarray  # (steps, models): the loss of every update's batch
    snapshots: dict[int, TwoLayerParams]  # params after the requested numbers of updates
    evaluations: dict[str, np.ndarray]  # name -> (epochs, models), measured after each epoch


@dataclass(frozen=True)
class Schedule:
    batch_size: int
    steps: int
    snapshot_steps: tuple[int, ...] = ()


def updates_per_epoch(points: int, batch_size: int) -> int:
    """Whole batches per epoch; a remainder of points is left out of that epoch."""
    if not 1 <= batch_size <= points:
        raise ValueError(f"batch size {batch_size} must be between 1 and the {points} training points")
    return points // batch_size


def train_sgd(
    params: TwoLayerParams,
    data: LabelledPoints,
    model_seed: np.ndarray,
    lr: np.ndarray,
    schedule: Schedule,
    shuffle_rngs: Sequence[np.random.Generator],
    evaluate: Evaluate | None = None,
    progress: Progress | None = None,
) -> TrainingHistory:
    """Train models stacked on axis 0; model m reads the data of seed model_seed[m].

    `data` is stacked per seed (x: (seeds, N, D)) and `shuffle_rngs[s]` shuffles seed s.
    """
    per_epoch = updates_per_epoch(len(data), schedule.batch_size)
    lr_column = np.asarray(lr, dtype=float)[:, None, None]
    batch_loss = np.empty((schedule.steps, len(model_seed)))
    snapshots, evaluations = {}, []
    for epoch_start in range(0, schedule.steps, per_epoch):
        x, onehot = _epoch_batches(data, model_seed, shuffle_rngs, params.w2.shape[-1], schedule.batch_size)
        for step in range(epoch_start, min(epoch_start + per_epoch, schedule.steps)):
            batch = step - epoch_start
            batch_loss[step], grads = loss_and_grads(params, x[batch], onehot[batch])
            params = sgd_step(params, grads, lr_column)
            if step + 1 in schedule.snapshot_steps:
                snapshots[step + 1] = params
        if evaluate is not None:
            evaluations.append(evaluate(params))
        if progress is not None:
            progress(min(epoch_start + per_epoch, schedule.steps) / schedule.steps)
    snapshots[schedule.steps] = params
    return TrainingHistory(batch_loss, snapshots, _stack_evaluations(evaluations))


def _epoch_batches(
    data: LabelledPoints, model_seed: np.ndarray, rngs: Sequence[np.random.Generator], classes: int, batch_size: int
) -> tuple[np.ndarray, np.ndarray]:
    """This epoch's batches, shaped (batch index, model, batch_size, ...), with one-hot labels.

    Each seed's points are reordered by the argsort of fresh random keys. Batches are
    laid out contiguously per step because matmul on strided slices is much slower.
    """
    order = np.argsort(np.stack([rng.random(len(data)) for rng in rngs]), axis=-1)
    used = order[:, : len(data) // batch_size * batch_size]
    x = np.take_along_axis(data.x, used[..., None], axis=-2)[model_seed]
    labels = np.take_along_axis(data.labels, used, axis=-1)[model_seed]
    models = len(model_seed)
    x = x.reshape(models, -1, batch_size, x.shape[-1]).swapaxes(0, 1)
    onehot = np.eye(classes)[labels.reshape(models, -1, batch_size).swapaxes(0, 1)]
    return np.ascontiguousarray(x), onehot


def _stack_evaluations(evaluations: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    if not evaluations:
        return {}
    return {name: np.stack([e[name] for e in evaluations]) for name in evaluations[0]}
