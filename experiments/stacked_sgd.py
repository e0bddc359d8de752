"""SGD updates of many stacked two-layer nets, each update in a few in-place NumPy calls.

The maths is `net.loss_and_grads` followed by `optim.sgd_step` (a test checks that
they agree); only the arithmetic is arranged for speed, because at these sizes (25
models, batches of 30, ten hidden units) a training step costs about as much per
NumPy call as per number it computes:

- each bias rides as one more weight row against a constant-1 input column, so an
  affine layer is one matmul, and so is its weight-and-bias gradient;
- the first layer keeps its weights negated, so the sigmoid's exp(-z) needs no
  negation (and negating is exact);
- the 1 / batch of the cross-entropy gradient moves into the learning rate;
- every intermediate lives in a buffer allocated once, written with `out=`;
- the loss is recorded as the probability of each point's true class (one `take`),
  and turned into the mean cross-entropy once per epoch.
"""

from __future__ import annotations

import numpy as np

from experiments.layers import LOG_EPSILON
from experiments.net import TwoLayerParams


class StackedNets:
    """The weights of M stacked nets and the scratch buffers for batches of B points."""

    def __init__(self, params: TwoLayerParams, lr: np.ndarray, batch_size: int, dtype: type = np.float32):
        models, inputs, hidden = params.w1.shape
        classes = params.w2.shape[-1]
        self.batch_size = batch_size
        self.dtype = np.dtype(dtype)
        # (M, inputs + 1, hidden): minus [w1; b1], applied to [x, 1] gives minus the pre-activation.
        self.neg_w1 = -np.concatenate([params.w1, params.b1], axis=-2).astype(dtype)
        # (M, hidden + 1, classes): [w2; b2], applied to [sigmoid, 1] gives the scores.
        self.w2 = np.concatenate([params.w2, params.b2], axis=-2).astype(dtype)
        self.step_size = (np.asarray(lr, dtype=float) / batch_size).astype(dtype)[:, None, None]
        self.hidden = np.ones((models, batch_size, hidden + 1), dtype)  # the last column stays 1
        self.sigmoid = self.hidden[..., :hidden]
        self.scratch = np.empty((models, batch_size, hidden), dtype)
        self.scores = np.empty((models, batch_size, classes), dtype)
        self.score_columns = [self.scores[..., c : c + 1] for c in range(classes)]
        self.row = np.empty((models, batch_size, 1), dtype)
        self.flat_scores = self.scores.reshape(-1)
        self.dsigmoid = np.empty_like(self.scratch)
        self.grad_w1 = np.empty_like(self.neg_w1)
        self.grad_w2 = np.empty_like(self.w2)
        # A view: the updates change self.w2 in place, so it always shows the current weights.
        self.w2_transposed = np.swapaxes(self.w2[:, :hidden], -1, -2)

    def params(self) -> TwoLayerParams:
        """The current weights as separate arrays (fresh copies)."""
        inputs, hidden = self.neg_w1.shape[-2] - 1, self.w2.shape[-2] - 1
        w1, w2 = -self.neg_w1.astype(float), self.w2.astype(float)
        return TwoLayerParams(w1[:, :inputs], w1[:, inputs:], w2[:, :hidden], w2[:, hidden:])

    def step(self, x: np.ndarray, onehot: np.ndarray, true_index: np.ndarray, true_prob: np.ndarray) -> None:
        """One update on the batch: x (M, B, inputs + 1) ending in a 1 column, onehot (M, B, C).

        `true_index` indexes the flattened (M, B, C) scores at each point's class; the
        probability the nets gave that class before the update is written to `true_prob`.
        """
        self._forward(x)
        np.take(self.flat_scores, true_index, out=true_prob)
        self._backward(x, onehot)

    def _forward(self, x: np.ndarray) -> None:
        np.matmul(x, self.neg_w1, out=self.scratch)
        np.exp(self.scratch, out=self.scratch)
        self.scratch += 1.0
        np.reciprocal(self.scratch, out=self.sigmoid)
        np.matmul(self.hidden, self.w2, out=self.scores)
        # Softmax, shifted by the row maximum so that exp cannot overflow.
        first, *rest = self.score_columns
        np.maximum(first, rest[0], out=self.row)
        for column in rest[1:]:
            np.maximum(self.row, column, out=self.row)
        self.scores -= self.row
        np.exp(self.scores, out=self.scores)
        np.add(first, rest[0], out=self.row)
        for column in rest[1:]:
            self.row += column
        self.scores /= self.row

    def _backward(self, x: np.ndarray, onehot: np.ndarray) -> None:
        # batch * d(loss)/d(scores), overwriting the probabilities.
        dscores = np.subtract(self.scores, onehot, out=self.scores)
        np.matmul(np.swapaxes(self.hidden, -1, -2), dscores, out=self.grad_w2)
        np.matmul(dscores, self.w2_transposed, out=self.dsigmoid)
        np.subtract(1.0, self.sigmoid, out=self.scratch)
        self.scratch *= self.sigmoid
        self.scratch *= self.dsigmoid
        np.matmul(np.swapaxes(x, -1, -2), self.scratch, out=self.grad_w1)
        self.grad_w1 *= self.step_size
        self.neg_w1 += self.grad_w1
        self.grad_w2 *= self.step_size
        self.w2 -= self.grad_w2


def cross_entropy_of(true_prob: np.ndarray) -> np.ndarray:
    """Mean over the batch (last axis) of -log(p(true class) + LOG_EPSILON)."""
    return -np.log(true_prob.astype(float) + LOG_EPSILON).sum(axis=-1) / true_prob.shape[-1]
