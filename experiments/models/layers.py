"""Layers of the book's chapters 1 to 6: matrix products, losses, embeddings, dropout.

Each layer is a small class with ``forward`` and ``backward``, a ``params`` list of its
weight arrays and a ``grads`` list of arrays of the same shapes, which ``backward`` fills
in place (so an optimizer holding the lists sees the new gradients). The Time* layers
apply one layer to every time step of a (batch, time, ...) array, as in chapters 5 and 6.

Facts from the book: the softmax loss takes either one-hot targets or class ids and
averages over the batch; the sigmoid loss is binary cross-entropy (chapter 4's negative
sampling); the embedding backward adds gradients of repeated ids up; dropout keeps a unit
with probability 1 - ratio and scales it by 1 / (1 - ratio) while training (inverted
dropout), and the time softmax loss skips targets equal to -1.
"""

from __future__ import annotations

from typing import Any

import numpy

from experiments.models.backend import Array, ArrayModule, scatter_add

# Inside the log, so a probability of exactly 0 costs a large but finite loss.
LOG_EPSILON = 1e-7
IGNORE_LABEL = -1


def softmax(xp: ArrayModule, scores: Array) -> Array:
    """Softmax over the last axis; shifting by the maximum keeps exp from overflowing."""
    shifted = xp.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def sigmoid(xp: ArrayModule, x: Array) -> Array:
    return 1 / (1 + xp.exp(-x))


def class_ids(t: Array, scores: Array) -> Array:
    """Targets as class ids: one-hot targets (as many axes as the scores) become the index
    of their 1."""
    return t.argmax(axis=-1) if t.ndim == scores.ndim else t


def cross_entropy(xp: ArrayModule, probs: Array, t: Array) -> Array:
    """Mean of -log p(true class) over the rows of `probs` (targets one-hot or ids)."""
    ids = class_ids(t, probs)
    rows = xp.arange(ids.shape[0])
    return -xp.log(probs[rows, ids] + LOG_EPSILON).mean()


class MatMul:
    """out = x @ W, with no bias (word2vec's input and output layers)."""

    def __init__(self, W: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [W]
        self.grads = [xp.zeros_like(W)]
        self.x: Array = None

    def forward(self, x: Array) -> Array:
        self.x = x
        return x @ self.params[0]

    def backward(self, dout: Array) -> Array:
        self.grads[0][...] = self.x.T @ dout
        return dout @ self.params[0].T


class Affine:
    """out = x @ W + b."""

    def __init__(self, W: Array, b: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [W, b]
        self.grads = [xp.zeros_like(W), xp.zeros_like(b)]
        self.x: Array = None

    def forward(self, x: Array) -> Array:
        self.x = x
        return x @ self.params[0] + self.params[1]

    def backward(self, dout: Array) -> Array:
        self.grads[0][...] = self.x.T @ dout
        self.grads[1][...] = dout.sum(axis=0)
        return dout @ self.params[0].T


class Softmax:
    """Softmax over the last axis, as a layer (attention weights use it)."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.out: Array = None

    def forward(self, x: Array) -> Array:
        self.out = softmax(self.xp, x)
        return self.out

    def backward(self, dout: Array) -> Array:
        weighted = self.out * dout
        return weighted - self.out * weighted.sum(axis=-1, keepdims=True)


class SoftmaxWithLoss:
    """Softmax then mean cross-entropy; targets one-hot or class ids."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.probs: Array = None
        self.ids: Array = None

    def forward(self, scores: Array, t: Array) -> Array:
        self.probs = softmax(self.xp, scores)
        self.ids = class_ids(t, scores)
        return cross_entropy(self.xp, self.probs, self.ids)

    def backward(self, dout: Any = 1) -> Array:
        n = self.ids.shape[0]
        dx = self.probs.copy()
        dx[self.xp.arange(n), self.ids] -= 1
        return dx * (dout / n)


class SigmoidWithLoss:
    """Sigmoid then mean binary cross-entropy against 0/1 labels."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.y: Array = None
        self.t: Array = None

    def forward(self, x: Array, t: Array) -> Array:
        xp = self.xp
        self.y = sigmoid(xp, x)
        self.t = t
        loss = t * xp.log(self.y + LOG_EPSILON) + (1 - t) * xp.log(1 - self.y + LOG_EPSILON)
        return -loss.mean()

    def backward(self, dout: Any = 1) -> Array:
        return (self.y - self.t) * (dout / self.t.size)


class Embedding:
    """Rows of W picked by id: the same as one-hot @ W without building the one-hot."""

    def __init__(self, W: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [W]
        self.grads = [xp.zeros_like(W)]
        self.ids: Array = None

    def forward(self, ids: Array) -> Array:
        self.ids = ids
        return self.params[0][ids]

    def backward(self, dout: Array) -> None:
        dW = self.grads[0]
        dW[...] = 0
        scatter_add(self.xp, dW, self.ids, dout)


class EmbeddingDot:
    """Score of h against the output vectors of chosen words: sum(W[ids] * h, axis=1)."""

    def __init__(self, W: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.embed = Embedding(W, xp)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache: tuple[Array, Array] = (None, None)

    def forward(self, h: Array, ids: Array) -> Array:
        target_W = self.embed.forward(ids)
        self.cache = (h, target_W)
        return (target_W * h).sum(axis=1)

    def backward(self, dout: Array) -> Array:
        h, target_W = self.cache
        dout = dout.reshape(-1, 1)
        self.embed.backward(dout * h)
        return dout * target_W


class Dropout:
    """Inverted dropout on any shape: training keeps a unit with probability 1 - ratio
    and scales it by 1 / (1 - ratio); evaluation passes x through."""

    def __init__(self, rng: Any, ratio: float = 0.5, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.rng = rng
        self.ratio = ratio
        self.train = True
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.mask: Array = None

    def forward(self, x: Array) -> Array:
        if not self.train:
            return x
        keep = self.rng.random(x.shape) > self.ratio
        self.mask = keep.astype(x.dtype) / (1 - self.ratio)
        return x * self.mask

    def backward(self, dout: Array) -> Array:
        return dout * self.mask if self.train else dout


# The book's TimeDropout applies one mask to the whole (batch, time, hidden) block, which
# is what Dropout does on any shape.
TimeDropout = Dropout


class TimeEmbedding:
    """Embedding of a (batch, time) block of ids -> (batch, time, dim)."""

    def __init__(self, W: Array, xp: ArrayModule = numpy) -> None:
        self.embed = Embedding(W, xp)
        self.params = self.embed.params
        self.grads = self.embed.grads

    def forward(self, ids: Array) -> Array:
        return self.embed.forward(ids)

    def backward(self, dout: Array) -> None:
        self.embed.backward(dout)


class TimeAffine:
    """Affine on every time step: (batch, time, in) -> (batch, time, out)."""

    def __init__(self, W: Array, b: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [W, b]
        self.grads = [xp.zeros_like(W), xp.zeros_like(b)]
        self.x: Array = None

    def forward(self, x: Array) -> Array:
        self.x = x
        N, T, D = x.shape
        W, b = self.params
        return (x.reshape(N * T, D) @ W + b).reshape(N, T, -1)

    def backward(self, dout: Array) -> Array:
        N, T, D = self.x.shape
        W = self.params[0]
        flat_dout = dout.reshape(N * T, -1)
        self.grads[0][...] = self.x.reshape(N * T, D).T @ flat_dout
        self.grads[1][...] = flat_dout.sum(axis=0)
        return (flat_dout @ W.T).reshape(N, T, D)


class TimeSoftmaxWithLoss:
    """Softmax loss averaged over every (batch, time) target not equal to IGNORE_LABEL."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.cache: tuple[Array, Array, Array, tuple[int, ...]] = (None, None, None, ())

    def forward(self, scores: Array, t: Array) -> Array:
        xp = self.xp
        N, T, V = scores.shape
        ids = class_ids(t, scores).reshape(N * T)
        keep = ids != IGNORE_LABEL
        safe_ids = xp.where(keep, ids, 0)
        probs = softmax(xp, scores.reshape(N * T, V))
        logs = xp.log(probs[xp.arange(N * T), safe_ids] + LOG_EPSILON) * keep
        self.cache = (probs, safe_ids, keep, (N, T, V))
        return -logs.sum() / xp.maximum(keep.sum(), 1)

    def backward(self, dout: Any = 1) -> Array:
        xp = self.xp
        probs, ids, keep, (N, T, V) = self.cache
        dx = probs.copy()
        dx[xp.arange(N * T), ids] -= 1
        dx *= (dout / xp.maximum(keep.sum(), 1)) * keep[:, None]
        return dx.reshape(N, T, V)
