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

from experiments.common.data import LabelledPoints
from experiments.common.net import TwoLayerParams
from experiments.common.stacked_sgd import StackedNets, cross_entropy_of

# Single precision takes about a third off a training step (exp and matmul on four-byte
# floats). At the book's rates the results match double precision to about 1e-6; the
# erratic lr 10 drifts, within its spread over seeds. Recorded losses and final scores
# are computed in double precision.
TRAINING_DTYPE = np.float32

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
    dtype: type = TRAINING_DTYPE,
) -> TrainingHistory:
    """Train models stacked on axis 0; model m reads the data of seed model_seed[m].

    `data` is stacked per seed (x: (seeds, N, D)) and `shuffle_rngs[s]` shuffles seed s.
    """
    per_epoch = updates_per_epoch(len(data), schedule.batch_size)
    nets = StackedNets(params, lr, schedule.batch_size, dtype)
    shuffler = Shuffler(data, model_seed, shuffle_rngs, schedule.batch_size, nets.dtype)
    batch_loss = np.empty((schedule.steps, len(model_seed)))
    snapshots, evaluations = {}, []
    for epoch_start in range(0, schedule.steps, per_epoch):
        batches = shuffler.epoch()
        epoch_end = min(epoch_start + per_epoch, schedule.steps)
        true_prob = np.empty((epoch_end - epoch_start, len(model_seed), schedule.batch_size), nets.dtype)
        for step in range(epoch_start, epoch_end):
            batch = step - epoch_start
            nets.step(batches.x[batch], batches.onehot[batch], batches.true_index[batch], true_prob[batch])
            if step + 1 in schedule.snapshot_steps:
                snapshots[step + 1] = nets.params()
        batch_loss[epoch_start:epoch_end] = cross_entropy_of(true_prob)
        if evaluate is not None:
            evaluations.append(evaluate(nets.params()))
        if progress is not None:
            progress(epoch_end / schedule.steps)
    snapshots[schedule.steps] = nets.params()
    return TrainingHistory(batch_loss, snapshots, _stack_evaluations(evaluations))


@dataclass(frozen=True)
class EpochBatches:
    """One epoch's batches, feature-major, indexed (batch, model, feature, point in batch)."""

    x: np.ndarray  # (..., inputs + 1, B): the points with a constant 1 appended (for the bias)
    onehot: np.ndarray  # (..., classes, B)
    true_index: np.ndarray  # (batch, model, B): each point's class, indexing a flattened (models, classes, B) array


class Shuffler:
    """Each epoch's batches: every seed's points reordered by the argsort of fresh random keys.

    An epoch is gathered at once into contiguous arrays, because slicing or fancy
    indexing at every step would cost as much as the step's arithmetic. Gathers use
    `take` on flat indices, several times faster than indexing with two arrays.
    """

    def __init__(
        self, data: LabelledPoints, model_seed: np.ndarray, rngs: Sequence[np.random.Generator], batch_size: int, dtype
    ):
        seeds, points, inputs = data.x.shape
        # Every point with a constant 1 appended (the bias input), all seeds in one table.
        self.x = np.concatenate([data.x, np.ones((seeds, points, 1))], axis=-1).astype(dtype).reshape(-1, inputs + 1)
        self.labels = data.labels.reshape(-1)
        self.classes = int(self.labels.max()) + 1
        self.model_seed, self.rngs, self.batch_size = model_seed, rngs, batch_size
        self.seed_start = model_seed[:, None] * points  # (models, 1): where each model's seed starts in the table
        models = len(model_seed)
        # Where point b of model m's batch sits in a flattened (models, classes, batch) array, for class 0.
        self.class_0_index = np.arange(models)[:, None] * self.classes * batch_size + np.arange(batch_size)

    def epoch(self) -> EpochBatches:
        points = len(self.labels) // len(self.rngs)
        order = np.argsort(np.stack([rng.random(points) for rng in self.rngs]), axis=-1)
        batches = order[:, : points // self.batch_size * self.batch_size].reshape(len(self.rngs), -1, self.batch_size)
        rows = self.seed_start + batches[self.model_seed].swapaxes(0, 1)  # (batch, model, point in batch)
        true_index = self.class_0_index + self.labels.take(rows) * self.batch_size
        onehot = np.zeros((*rows.shape[:2], self.classes, self.batch_size), self.x.dtype)
        batch_start = np.arange(len(rows))[:, None, None] * onehot[0].size
        onehot.reshape(-1)[batch_start + true_index] = 1.0
        x = np.ascontiguousarray(self.x.take(rows, axis=0).swapaxes(-1, -2))
        return EpochBatches(x, onehot, true_index)


def _stack_evaluations(evaluations: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    if not evaluations:
        return {}
    return {name: np.stack([e[name] for e in evaluations]) for name in evaluations[0]}
