"""Layers as pure forward/backward functions over a leading model axis.

Every array may carry leading axes (one per stacked model): matmul broadcasts over
them, and sums run over the batch axis (-2) only, so one call trains many models at
once and the gradient of each model depends on that model's loss alone.
"""

from __future__ import annotations

import functools

import numpy as np

# Inside the log, so a probability of exactly 0 costs a large but finite loss.
LOG_EPSILON = 1e-7


def affine(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return x @ w + b


def affine_backward(
    x: np.ndarray, w: np.ndarray, dout: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(dx, dw, db) for out = x @ w + b, with b of shape (..., 1, out)."""
    return (affine_input_grad(w, dout), *affine_param_grads(x, dout))


def affine_input_grad(w: np.ndarray, dout: np.ndarray) -> np.ndarray:
    return dout @ np.swapaxes(w, -1, -2)


def affine_param_grads(x: np.ndarray, dout: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(dw, db); the first layer needs no dx, and skipping it saves a matmul per step."""
    return np.swapaxes(x, -1, -2) @ dout, sum_over_batch(dout)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def sigmoid_backward(y: np.ndarray, dout: np.ndarray) -> np.ndarray:
    """Gradient through y = sigmoid(x), written with the output y the forward pass kept."""
    return dout * y * (1.0 - y)


def softmax(scores: np.ndarray) -> np.ndarray:
    # Shifting by the row maximum leaves softmax unchanged and keeps exp from overflowing.
    shifted = np.exp(scores - row_max(scores))
    return shifted / sum_over_last(shifted)


def cross_entropy(probs: np.ndarray, onehot: np.ndarray) -> np.ndarray:
    """Mean over the batch of -log(p(true class) + LOG_EPSILON); one value per model."""
    true_class = sum_over_last(probs * onehot)
    return -sum_over_batch(np.log(true_class + LOG_EPSILON))[..., 0, 0] / probs.shape[-2]


def softmax_cross_entropy_backward(probs: np.ndarray, onehot: np.ndarray) -> np.ndarray:
    """d(cross_entropy(softmax(scores)))/d scores; LOG_EPSILON's effect (<1e-6) ignored."""
    return (probs - onehot) / probs.shape[-2]


# NumPy's reductions over a short axis (a batch of 30, three classes) cost several
# times more than a matmul with a row of ones or a few elementwise operations, and
# at these sizes they would dominate a training step.
def sum_over_batch(a: np.ndarray) -> np.ndarray:
    """Sum over axis -2, keeping it as length 1."""
    return _ones_row(a.shape[-2]) @ a


def sum_over_last(a: np.ndarray) -> np.ndarray:
    """Sum over a short axis -1, keeping it as length 1."""
    return functools.reduce(np.add, _columns(a))


def row_max(a: np.ndarray) -> np.ndarray:
    """Max over a short axis -1, keeping it as length 1."""
    return functools.reduce(np.maximum, _columns(a))


def _columns(a: np.ndarray) -> list[np.ndarray]:
    return [a[..., i : i + 1] for i in range(a.shape[-1])]


@functools.cache
def _ones_row(length: int) -> np.ndarray:
    ones = np.ones((1, length))
    ones.flags.writeable = False  # shared between calls, so nobody may change it
    return ones
