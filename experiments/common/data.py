"""The spiral dataset, its stratified hold-out split, and what a seed determines.

A seed fixes three independent random streams: the spiral's angle noise, the initial
weights, and the per-epoch shuffles (plus a fourth for the hold-out split). So every
seed is a fresh draw of the whole experiment, data included: the spread over seeds
then covers what a learner sees when re-running the book's script with another seed,
not only the luck of the initialisation. Independent child streams mean that drawing
more of one (say, more epochs of shuffles) never shifts another (the data).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CLASSES = 3
POINTS_PER_CLASS = 100
ANGLE_NOISE = 0.2


@dataclass(frozen=True)
class SeedStreams:
    data: np.random.Generator
    split: np.random.Generator
    init: np.random.Generator
    shuffle: np.random.Generator


@dataclass(frozen=True)
class LabelledPoints:
    """Points and integer class labels; a leading seed axis when stacked."""

    x: np.ndarray  # (..., N, 2)
    labels: np.ndarray  # (..., N)

    def __len__(self) -> int:
        return self.labels.shape[-1]


def seed_streams(seed: int) -> SeedStreams:
    """Fresh generators for `seed`; calling it again replays the same numbers."""
    data, split, init, shuffle = np.random.SeedSequence(seed).spawn(4)
    return SeedStreams(*(np.random.default_rng(child) for child in (data, split, init, shuffle)))


def spiral(rng: np.random.Generator, points_per_class: int = POINTS_PER_CLASS) -> LabelledPoints:
    """Three interleaved spiral arms: class j's point i sits at radius i/n, angle 4j + 4i/n + noise."""
    radius = np.arange(points_per_class) / points_per_class
    arm = np.arange(CLASSES)[:, None]
    angle = 4.0 * arm + 4.0 * radius + ANGLE_NOISE * rng.standard_normal((CLASSES, points_per_class))
    x = np.stack([radius * np.sin(angle), radius * np.cos(angle)], axis=-1)
    labels = np.repeat(np.arange(CLASSES), points_per_class)
    return LabelledPoints(x.reshape(-1, 2), labels)


def stratified_split(
    points: LabelledPoints, fraction: float, rng: np.random.Generator
) -> tuple[LabelledPoints, LabelledPoints]:
    """(train, validation), holding out round(fraction * n_c) points of every class c."""
    if not 0.0 < fraction < 1.0:
        raise ValueError(f"validation fraction must lie strictly between 0 and 1, not {fraction}")
    held_out = []
    for label in range(CLASSES):
        members = np.flatnonzero(points.labels == label)
        count = int(round(fraction * len(members)))
        held_out.append(rng.permutation(members)[:count])
    is_held_out = np.zeros(len(points), dtype=bool)
    is_held_out[np.concatenate(held_out)] = True
    return _subset(points, ~is_held_out), _subset(points, is_held_out)


def stack(points: list[LabelledPoints]) -> LabelledPoints:
    """One array per field with a leading seed axis (all sets must have equal size)."""
    return LabelledPoints(np.stack([p.x for p in points]), np.stack([p.labels for p in points]))


def _subset(points: LabelledPoints, mask: np.ndarray) -> LabelledPoints:
    return LabelledPoints(points.x[mask], points.labels[mask])
