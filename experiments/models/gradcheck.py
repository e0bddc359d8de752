"""Gradient checking (the book's chapter 1 habit): backward passes against central differences.

Meant for small float64 models on NumPy: every checked element costs two forward passes.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy

from experiments.models.backend import Array
from experiments.models.optim import merge_shared


def numerical_gradient(loss: Callable[[], float], array: Array, indices: list[tuple[int, ...]],
                       h: float = 1e-5) -> list[float]:
    """d loss / d array[index] by (loss(x + h) - loss(x - h)) / 2h, for each index; the
    array is changed in place while probing and restored after."""
    found = []
    for index in indices:
        original = float(array[index])
        array[index] = original + h
        upper = float(loss())
        array[index] = original - h
        lower = float(loss())
        array[index] = original
        found.append((upper - lower) / (2 * h))
    return found


def sample_indices(shape: tuple[int, ...], count: int, rng: numpy.random.Generator) -> list[tuple[int, ...]]:
    """Up to `count` distinct element indices of an array of `shape` (all when fewer)."""
    size = int(numpy.prod(shape))
    flat = numpy.arange(size) if size <= count else rng.choice(size, count, replace=False)
    return [tuple(int(i) for i in numpy.unravel_index(f, shape)) for f in flat]


def max_relative_error(analytic: list[float], numeric: list[float]) -> float:
    """max |a - n| / max(1e-8, |a| + |n|) over the probed elements."""
    errors = [abs(a - n) / max(1e-8, abs(a) + abs(n)) for a, n in zip(analytic, numeric)]
    return max(errors, default=0.0)


def check_arrays(loss: Callable[[], float], backward: Callable[[], list[Array]], arrays: list[Array],
                 count: int = 12, seed: int = 0) -> float:
    """Worst relative error between `backward()`'s gradients of `arrays` and central
    differences of `loss`, over up to `count` sampled elements of each array."""
    rng = numpy.random.default_rng(seed)
    grads = [numpy.array(g, dtype=numpy.float64) for g in backward()]
    worst = 0.0
    for array, grad in zip(arrays, grads):
        indices = sample_indices(array.shape, count, rng)
        analytic = [float(grad[i]) for i in indices]
        worst = max(worst, max_relative_error(analytic, numerical_gradient(loss, array, indices)))
    return worst


def check_model(model: Any, loss: Callable[[], float], count: int = 12, seed: int = 0) -> float:
    """check_arrays over a model's distinct parameters, with shared weights merged."""
    def backward() -> list[Array]:
        loss()
        model.backward()
        return merge_shared(model.params, model.grads)[1]

    params = merge_shared(model.params, model.grads)[0]
    return check_arrays(loss, backward, params, count, seed)
