"""Chapters 3 and 4: word2vec.

Chapter 3 builds the simple CBOW (predict a word from the mean of its context words'
vectors) and skip-gram (predict each context word from the centre word) with one-hot
inputs, MatMul layers and a softmax over the whole vocabulary. Chapter 4 makes CBOW
scale: an Embedding lookup replaces the one-hot product, and the softmax is replaced by
negative sampling, a binary question (is this the right word?) asked of the true word
and of `sample_size` words drawn from the unigram distribution raised to 0.75.

Facts from the book: weights start as 0.01 * standard normal (W_in (V, H); W_out (H, V)
for the simple models, (V, H) for negative sampling); the word vectors are W_in's rows;
the negative sampling loss is the sum over the true word and the samples of the batch
mean binary cross-entropy; sampling power 0.75, 5 samples. The book draws negatives
without replacement on the CPU; here they are drawn with replacement (as its GPU path
does) and a sample equal to the true word is redrawn a few times.
"""

from __future__ import annotations

from typing import Any

import numpy

from experiments.models.backend import Array, ArrayModule, random_normal
from experiments.models.layers import LOG_EPSILON, Embedding, MatMul, SoftmaxWithLoss, sigmoid

INIT_SCALE = 0.01
REDRAWS = 3


def contexts_and_targets(corpus: Array, window_size: int = 1,
                         xp: ArrayModule = numpy) -> tuple[Array, Array]:
    """For every position with a full window: (context ids (N, 2w), target ids (N,))."""
    ids = xp.asarray(corpus)
    n = ids.shape[0] - 2 * window_size
    targets = ids[window_size: window_size + n]
    offsets = [o for o in range(-window_size, window_size + 1) if o != 0]
    contexts = xp.stack([ids[window_size + o: window_size + o + n] for o in offsets], axis=1)
    return contexts, targets


def one_hot(ids: Array, vocab_size: int, xp: ArrayModule = numpy, dtype: str = "float32") -> Array:
    """ids of any shape -> (..., vocab_size) rows of 0 with a 1 at the id."""
    return (xp.asarray(ids)[..., None] == xp.arange(vocab_size)).astype(dtype)


class SimpleCBOW:
    """Mean of the context words' W_in rows, scored against every word by W_out."""

    def __init__(self, vocab_size: int, hidden_size: int, window_size: int = 1, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        W_in = random_normal(rng, (vocab_size, hidden_size), INIT_SCALE, dtype)
        W_out = random_normal(rng, (hidden_size, vocab_size), INIT_SCALE, dtype)
        # One MatMul per context position, all sharing W_in (merged by optim.merge_shared).
        self.in_layers = [MatMul(W_in, xp) for _ in range(2 * window_size)]
        self.out_layer = MatMul(W_out, xp)
        self.loss_layer = SoftmaxWithLoss(xp)
        layers = [*self.in_layers, self.out_layer]
        self.params = [p for layer in layers for p in layer.params]
        self.grads = [g for layer in layers for g in layer.grads]
        self.word_vecs = W_in

    def forward(self, contexts: Array, target: Array) -> Array:
        """contexts one-hot (N, 2w, V); target one-hot (N, V) or ids (N,)."""
        h = sum(layer.forward(contexts[:, i]) for i, layer in enumerate(self.in_layers))
        h = h / len(self.in_layers)
        return self.loss_layer.forward(self.out_layer.forward(h), target)

    def backward(self, dout: Any = 1) -> None:
        dh = self.out_layer.backward(self.loss_layer.backward(dout)) / len(self.in_layers)
        for layer in self.in_layers:
            layer.backward(dh)


class SimpleSkipGram:
    """The centre word's W_in row, scored against every word once per context position."""

    def __init__(self, vocab_size: int, hidden_size: int, window_size: int = 1, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        W_in = random_normal(rng, (vocab_size, hidden_size), INIT_SCALE, dtype)
        W_out = random_normal(rng, (hidden_size, vocab_size), INIT_SCALE, dtype)
        self.in_layer = MatMul(W_in, xp)
        self.out_layer = MatMul(W_out, xp)
        self.loss_layers = [SoftmaxWithLoss(xp) for _ in range(2 * window_size)]
        self.params = [*self.in_layer.params, *self.out_layer.params]
        self.grads = [*self.in_layer.grads, *self.out_layer.grads]
        self.word_vecs = W_in

    def forward(self, contexts: Array, target: Array) -> Array:
        """contexts one-hot (N, 2w, V) or ids (N, 2w); target one-hot (N, V)."""
        scores = self.out_layer.forward(self.in_layer.forward(target))
        return sum(layer.forward(scores, contexts[:, i]) for i, layer in enumerate(self.loss_layers))

    def backward(self, dout: Any = 1) -> None:
        dscores = sum(layer.backward(dout) for layer in self.loss_layers)
        self.in_layer.backward(self.out_layer.backward(dscores))


class UnigramSampler:
    """Draws negative samples with P(w) proportional to count(w) ** power."""

    def __init__(self, corpus: Array, vocab_size: int, power: float = 0.75,
                 sample_size: int = 5, xp: ArrayModule = numpy) -> None:
        counts = xp.bincount(xp.asarray(corpus), minlength=vocab_size).astype(xp.float64)
        weights = counts ** power
        self.probabilities = weights / weights.sum()
        self.cdf = xp.cumsum(self.probabilities)
        self.vocab_size = vocab_size
        self.sample_size = sample_size
        self.xp = xp

    def draw(self, rng: Any, shape: tuple[int, ...]) -> Array:
        ids = self.xp.searchsorted(self.cdf, rng.random(shape), side="right")
        return self.xp.minimum(ids, self.vocab_size - 1)

    def negative_samples(self, target: Array, rng: Any) -> Array:
        """(N, sample_size) ids; one equal to its row's target is redrawn up to REDRAWS times."""
        shape = (target.shape[0], self.sample_size)
        samples = self.draw(rng, shape)
        for _ in range(REDRAWS):
            clash = samples == target[:, None]
            samples = self.xp.where(clash, self.draw(rng, shape), samples)
        return samples


class NegativeSamplingLoss:
    """Binary cross-entropy of h's score with the true word (label 1) and negatives (0)."""

    def __init__(self, W: Array, sampler: UnigramSampler, rng: Any, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.rng = rng
        self.sampler = sampler
        self.embed = Embedding(W, xp)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache: tuple[Array, ...] = ()

    def use_rng(self, rng: Any) -> None:
        self.rng = rng

    def forward(self, h: Array, target: Array) -> Array:
        xp = self.xp
        negatives = self.sampler.negative_samples(target, self.rng)
        ids = xp.concatenate([target[:, None], negatives], axis=1)  # (N, 1 + k)
        labels = xp.zeros(ids.shape, dtype=h.dtype)
        labels[:, 0] = 1
        rows = self.embed.forward(ids)  # (N, 1 + k, H)
        y = sigmoid(xp, (rows * h[:, None, :]).sum(axis=2))
        self.cache = (h, rows, y, labels)
        log_likelihood = labels * xp.log(y + LOG_EPSILON) + (1 - labels) * xp.log(1 - y + LOG_EPSILON)
        return -log_likelihood.sum() / h.shape[0]

    def backward(self, dout: Any = 1) -> Array:
        h, rows, y, labels = self.cache
        dscores = (y - labels) * (dout / h.shape[0])  # (N, 1 + k)
        self.embed.backward(dscores[:, :, None] * h[:, None, :])
        return (dscores[:, :, None] * rows).sum(axis=1)


class CBOW:
    """Chapter 4's CBOW: mean of the context words' embeddings, negative sampling loss."""

    def __init__(self, vocab_size: int, hidden_size: int, corpus: Array, sample_size: int = 5,
                 power: float = 0.75, *, rng: Any, xp: ArrayModule = numpy,
                 dtype: str = "float32") -> None:
        W_in = random_normal(rng, (vocab_size, hidden_size), INIT_SCALE, dtype)
        W_out = random_normal(rng, (vocab_size, hidden_size), INIT_SCALE, dtype)
        self.in_layer = Embedding(W_in, xp)
        sampler = UnigramSampler(corpus, vocab_size, power, sample_size, xp)
        self.loss_layer = NegativeSamplingLoss(W_out, sampler, rng, xp)
        self.params = [*self.in_layer.params, *self.loss_layer.params]
        self.grads = [*self.in_layer.grads, *self.loss_layer.grads]
        self.word_vecs = W_in
        self.context_count = 0

    def use_rng(self, rng: Any) -> None:
        """The generator negative samples come from (a trainer reseeds it per epoch)."""
        self.loss_layer.use_rng(rng)

    def forward(self, contexts: Array, target: Array) -> Array:
        """contexts ids (N, 2w); target ids (N,)."""
        self.context_count = contexts.shape[1]
        h = self.in_layer.forward(contexts).mean(axis=1)
        return self.loss_layer.forward(h, target)

    def backward(self, dout: Any = 1) -> None:
        dh = self.loss_layer.backward(dout) / self.context_count
        # Every context word contributed the same share of the mean.
        self.in_layer.backward(dh[:, None, :].repeat(self.context_count, axis=1))
