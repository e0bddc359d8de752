"""SGD updates of many stacked two-layer nets, each update in a few in-place NumPy calls.

The maths is `net.loss_and_grads` followed by `optim.sgd_step` (a test checks that
they agree); only the arithmetic is arranged for speed, because at these sizes (25
models, batches of 30, ten hidden units) a step costs about as much per NumPy call
as per number it computes:

- activations are stored feature-major, (model, feature, point), so the elementwise
  work runs along contiguous rows of a whole batch rather than rows of 3 or 10;
- each bias rides as one more weight column against a constant-1 input row, so an
  affine layer is one matmul, and so is its weight-and-bias gradient;
- the first layer keeps its weights negated, so the sigmoid's exp(-z) needs no
  negation (negating is exact);
- the learning rate and the 1 / batch of the cross-entropy gradient scale the score
  gradient once, so both layers' gradients come out as ready-made updates;
- every intermediate lives in a buffer allocated once, written with `out=`;
- the loss is recorded as the probability of each point's true class (one `take`),
  and turned into the mean cross-entropy once per epoch.
"""

from __future__ import annotations

import numpy as np

from experiments.common.layers import LOG_EPSILON
from experiments.common.net import TwoLayerParams


class StackedNets:
    """The weights of M stacked nets and the scratch buffers for batches of B points."""

    def __init__(self, params: TwoLayerParams, lr: np.ndarray, batch_size: int, dtype: type = np.float32):
        models, inputs, hidden = params.w1.shape
        classes = params.w2.shape[-1]
        self.dtype = np.dtype(dtype)
        # (M, hidden, inputs + 1): minus [w1; b1]ᵀ, applied to [x; 1] gives minus the pre-activation.
        self.neg_w1 = -_with_bias_transposed(params.w1, params.b1, self.dtype)
        # (M, classes, hidden + 1): [w2; b2]ᵀ, applied to [sigmoid; 1] gives the scores.
        self.w2 = _with_bias_transposed(params.w2, params.b2, self.dtype)
        self.step_size = (np.asarray(lr, dtype=float) / batch_size).astype(self.dtype)[:, None, None]
        self.hidden = np.ones((models, hidden + 1, batch_size), self.dtype)  # the last row stays 1
        self.sigmoid = self.hidden[:, :hidden]
        self.scratch = np.empty((models, hidden, batch_size), self.dtype)
        self.dsigmoid = np.empty_like(self.scratch)
        self.scores = np.empty((models, classes, batch_size), self.dtype)
        self.score_rows = [self.scores[:, c : c + 1] for c in range(classes)]
        self.row = np.empty((models, 1, batch_size), self.dtype)
        self.flat_scores = self.scores.reshape(-1)
        self.grad_w1 = np.empty_like(self.neg_w1)
        self.grad_w2 = np.empty_like(self.w2)
        # Views: the updates change the weights in place, so these always show the current ones.
        self.w2_weights_transposed = np.swapaxes(self.w2[..., :hidden], -1, -2)
        self.hidden_transposed = np.swapaxes(self.hidden, -1, -2)

    def params(self) -> TwoLayerParams:
        """The current weights as separate float64 arrays (fresh copies)."""
        w1 = -np.swapaxes(self.neg_w1, -1, -2).astype(float)
        w2 = np.swapaxes(self.w2, -1, -2).astype(float)
        return TwoLayerParams(w1[:, :-1], w1[:, -1:], w2[:, :-1], w2[:, -1:])

    def step(self, x: np.ndarray, onehot: np.ndarray, true_index: np.ndarray, true_prob: np.ndarray) -> None:
        """One update on a batch given feature-major: x (M, inputs + 1, B) ending in a row of 1s, onehot (M, C, B).

        `true_index` indexes the flattened (M, C, B) scores at each point's class; the
        probability the nets gave that class before the update is written to `true_prob`.
        """
        self._forward(x)
        np.take(self.flat_scores, true_index, out=true_prob)
        self._backward(x, onehot)

    def _forward(self, x: np.ndarray) -> None:
        np.matmul(self.neg_w1, x, out=self.scratch)
        np.exp(self.scratch, out=self.scratch)
        self.scratch += 1.0
        np.reciprocal(self.scratch, out=self.sigmoid)
        np.matmul(self.w2, self.hidden, out=self.scores)
        # Softmax, shifted by the largest score so that exp cannot overflow.
        first, second, *rest = self.score_rows
        np.maximum(first, second, out=self.row)
        for row in rest:
            np.maximum(self.row, row, out=self.row)
        self.scores -= self.row
        np.exp(self.scores, out=self.scores)
        np.add(first, second, out=self.row)
        for row in rest:
            self.row += row
        self.scores /= self.row

    def _backward(self, x: np.ndarray, onehot: np.ndarray) -> None:
        # lr * d(loss)/d(scores), overwriting the probabilities.
        dscores = np.subtract(self.scores, onehot, out=self.scores)
        dscores *= self.step_size
        np.matmul(dscores, self.hidden_transposed, out=self.grad_w2)
        np.matmul(self.w2_weights_transposed, dscores, out=self.dsigmoid)
        np.subtract(1.0, self.sigmoid, out=self.scratch)
        self.scratch *= self.sigmoid
        self.scratch *= self.dsigmoid
        np.matmul(self.scratch, np.swapaxes(x, -1, -2), out=self.grad_w1)
        self.neg_w1 += self.grad_w1
        self.w2 -= self.grad_w2


def _with_bias_transposed(w: np.ndarray, b: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """(M, out, in + 1): [w; b] transposed, so that it multiplies feature-major inputs."""
    return np.ascontiguousarray(np.swapaxes(np.concatenate([w, b], axis=-2), -1, -2), dtype=dtype)


def cross_entropy_of(true_prob: np.ndarray) -> np.ndarray:
    """Mean over the batch (last axis) of -log(p(true class) + LOG_EPSILON)."""
    return -np.log(true_prob.astype(float) + LOG_EPSILON).sum(axis=-1) / true_prob.shape[-1]
