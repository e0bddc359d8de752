"""Central-difference gradients, to check the hand-written backward passes."""

from __future__ import annotations

from typing import Callable

import numpy as np


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """d f / d x by (f(x + h) - f(x - h)) / 2h per element; `x` is left unchanged."""
    grad = np.zeros_like(x)
    probe = x.astype(float, copy=True)
    for index in np.ndindex(x.shape):
        original = probe[index]
        probe[index] = original + h
        upper = f(probe)
        probe[index] = original - h
        lower = f(probe)
        probe[index] = original
        grad[index] = (upper - lower) / (2 * h)
    return grad
