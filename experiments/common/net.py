"""The two-layer network: Affine -> Sigmoid -> Affine -> softmax with cross-entropy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from experiments.common import layers

INIT_SCALE = 0.01


@dataclass(frozen=True)
class TwoLayerParams:
    """Weights and biases, each with optional leading model axes."""

    w1: np.ndarray  # (..., input, hidden)
    b1: np.ndarray  # (..., 1, hidden)
    w2: np.ndarray  # (..., hidden, classes)
    b2: np.ndarray  # (..., 1, classes)

    def arrays(self) -> tuple[np.ndarray, ...]:
        return (self.w1, self.b1, self.w2, self.b2)


def init_params(rng: np.random.Generator, inputs: int, hidden: int, classes: int) -> TwoLayerParams:
    """Small Gaussian weights and zero biases, as in the book."""
    w1 = INIT_SCALE * rng.standard_normal((inputs, hidden))
    w2 = INIT_SCALE * rng.standard_normal((hidden, classes))
    return TwoLayerParams(w1, np.zeros((1, hidden)), w2, np.zeros((1, classes)))


def stack_params(models: list[TwoLayerParams]) -> TwoLayerParams:
    return TwoLayerParams(*(np.stack(arrays) for arrays in zip(*(m.arrays() for m in models))))


def select_models(params: TwoLayerParams, index: np.ndarray) -> TwoLayerParams:
    """The models at `index` along the leading axis (copies, so training cannot alias)."""
    return TwoLayerParams(*(array[index] for array in params.arrays()))


def scores(params: TwoLayerParams, x: np.ndarray) -> np.ndarray:
    hidden = layers.sigmoid(layers.affine(x, params.w1, params.b1))
    return layers.affine(hidden, params.w2, params.b2)


def loss_and_grads(
    params: TwoLayerParams, x: np.ndarray, onehot: np.ndarray
) -> tuple[np.ndarray, TwoLayerParams]:
    """Per-model mean cross-entropy on the batch, and its gradient for every parameter."""
    hidden = layers.sigmoid(layers.affine(x, params.w1, params.b1))
    probs = layers.softmax(layers.affine(hidden, params.w2, params.b2))
    loss = layers.cross_entropy(probs, onehot)
    dscores = layers.softmax_cross_entropy_backward(probs, onehot)
    dhidden, dw2, db2 = layers.affine_backward(hidden, params.w2, dscores)
    dpre = layers.sigmoid_backward(hidden, dhidden)
    dw1, db1 = layers.affine_param_grads(x, dpre)
    return loss, TwoLayerParams(dw1, db1, dw2, db2)


def loss_and_accuracy(
    params: TwoLayerParams, x: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Mean cross-entropy and share of correct predictions, per model."""
    logits = scores(params, x)
    onehot = np.eye(logits.shape[-1])[labels]
    loss = layers.cross_entropy(layers.softmax(logits), onehot)
    accuracy = (logits.argmax(axis=-1) == labels).mean(axis=-1)
    return loss, accuracy
