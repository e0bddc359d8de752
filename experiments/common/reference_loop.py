"""A deliberately plain trainer: one model at a time, 2-D arrays, no stacking.

It shares nothing with the stacked code except the dataset and the seed protocol
(`data.seed_streams`), so it serves two purposes: the tests check that the stacked
trainer reproduces it exactly, and the benchmark measures what stacking buys.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from experiments.common.data import LabelledPoints, seed_streams, spiral


@dataclass(frozen=True)
class OneModelRun:
    batch_loss: np.ndarray  # (steps,)
    final_loss: float  # over all training points
    final_accuracy: float


def train_one(seed: int, lr: float, batch_size: int, epochs: int, hidden_size: int = 10) -> OneModelRun:
    streams = seed_streams(seed)
    points = spiral(streams.data)
    classes = int(points.labels.max()) + 1
    targets = np.eye(classes)[points.labels]
    w1 = 0.01 * streams.init.standard_normal((2, hidden_size))
    w2 = 0.01 * streams.init.standard_normal((hidden_size, classes))
    b1, b2 = np.zeros(hidden_size), np.zeros(classes)
    per_epoch = len(points) // batch_size
    losses = []
    for _ in range(epochs):
        order = np.argsort(streams.shuffle.random(len(points)))
        for i in range(per_epoch):
            rows = order[i * batch_size : (i + 1) * batch_size]
            x, t = points.x[rows], targets[rows]
            h = 1.0 / (1.0 + np.exp(-(x @ w1 + b1)))
            s = h @ w2 + b2
            e = np.exp(s - s.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            losses.append(-np.sum(t * np.log(p + 1e-7)) / batch_size)
            ds = (p - t) / batch_size
            dh = ds @ w2.T * h * (1.0 - h)
            w2, b2 = w2 - lr * (h.T @ ds), b2 - lr * ds.sum(axis=0)
            w1, b1 = w1 - lr * (x.T @ dh), b1 - lr * dh.sum(axis=0)
    loss, accuracy = _evaluate(points, targets, w1, b1, w2, b2)
    return OneModelRun(np.array(losses), loss, accuracy)


def _evaluate(points: LabelledPoints, targets, w1, b1, w2, b2) -> tuple[float, float]:
    h = 1.0 / (1.0 + np.exp(-(points.x @ w1 + b1)))
    s = h @ w2 + b2
    e = np.exp(s - s.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.sum(targets * np.log(p + 1e-7)) / len(points)
    return float(loss), float(np.mean(s.argmax(axis=1) == points.labels))
