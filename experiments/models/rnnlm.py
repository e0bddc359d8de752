"""Chapters 5 and 6: recurrent language models.

Each model reads a (batch, time) block of word ids and predicts the next word at every
step: embedding -> recurrent layer(s) -> affine -> softmax loss.

- SimpleRnnlm (ch. 5): a tanh RNN; the book trains it on the first 1,000 PTB words.
- Rnnlm (ch. 6): an LSTM instead. The book's run: V=10,000, D=H=100, SGD with lr 20,
  batch 20, 35 time steps, clipping at 0.25, 4 epochs; it reports a test perplexity of
  about 136.
- BetterRnnlm (ch. 6): two LSTM layers, dropout before and after them, and the output
  layer tied to the embedding (its weight is the embedding's transpose, so D must equal
  H). The book's run: D=H=650, dropout 0.5, 40 epochs, the learning rate divided by 4
  whenever validation perplexity does not improve; it reports about 75.8 on the test set.

Initialisation as in the book: embeddings 0.01 * standard normal, recurrent and affine
weights standard normal / sqrt(fan-in) (Xavier), biases zero. The recurrent layers are
stateful, so consecutive blocks continue one text (truncated BPTT); `reset_state()`
starts a new one.
"""

from __future__ import annotations

from typing import Any

import numpy

from experiments.models.backend import Array, ArrayModule, random_normal
from experiments.models.layers import TimeAffine, TimeDropout, TimeEmbedding, TimeSoftmaxWithLoss
from experiments.models.rnn import TimeLSTM, TimeRNN, xavier

EMBED_SCALE = 0.01


def gather(layers: list[Any]) -> tuple[list[Array], list[Array]]:
    """Every layer's params and grads, in layer order (shared weights appear again)."""
    return ([p for layer in layers for p in layer.params],
            [g for layer in layers for g in layer.grads])


class _StackedLanguageModel:
    """predict / forward / backward through self.layers, then the softmax loss."""

    layers: list[Any]
    loss_layer: TimeSoftmaxWithLoss
    recurrent: list[Any]

    def predict(self, xs: Array, train: bool = False) -> Array:
        """Scores (N, T, V) for the next word after each of xs (N, T)."""
        for layer in self.layers:
            if isinstance(layer, TimeDropout):
                layer.train = train
            xs = layer.forward(xs)
        return xs

    def forward(self, xs: Array, ts: Array, train: bool = True) -> Array:
        return self.loss_layer.forward(self.predict(xs, train), ts)

    def backward(self, dout: Any = 1) -> None:
        grad = self.loss_layer.backward(dout)
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def reset_state(self) -> None:
        for layer in self.recurrent:
            layer.reset_state()


class SimpleRnnlm(_StackedLanguageModel):
    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        V, D, H = vocab_size, wordvec_size, hidden_size
        rnn = TimeRNN(xavier(rng, D, (D, H), dtype), xavier(rng, H, (H, H), dtype),
                      xp.zeros(H, dtype=dtype), stateful=True, xp=xp)
        self.layers = [
            TimeEmbedding(random_normal(rng, (V, D), EMBED_SCALE, dtype), xp),
            rnn,
            TimeAffine(xavier(rng, H, (H, V), dtype), xp.zeros(V, dtype=dtype), xp),
        ]
        self.recurrent = [rnn]
        self.loss_layer = TimeSoftmaxWithLoss(xp)
        self.params, self.grads = gather(self.layers)


def _lstm(rng: Any, D: int, H: int, dtype: str, xp: ArrayModule) -> TimeLSTM:
    return TimeLSTM(xavier(rng, D, (D, 4 * H), dtype), xavier(rng, H, (H, 4 * H), dtype),
                    xp.zeros(4 * H, dtype=dtype), stateful=True, xp=xp)


class Rnnlm(_StackedLanguageModel):
    def __init__(self, vocab_size: int = 10000, wordvec_size: int = 100, hidden_size: int = 100,
                 *, rng: Any, xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        V, D, H = vocab_size, wordvec_size, hidden_size
        lstm = _lstm(rng, D, H, dtype, xp)
        self.layers = [
            TimeEmbedding(random_normal(rng, (V, D), EMBED_SCALE, dtype), xp),
            lstm,
            TimeAffine(xavier(rng, H, (H, V), dtype), xp.zeros(V, dtype=dtype), xp),
        ]
        self.recurrent = [lstm]
        self.loss_layer = TimeSoftmaxWithLoss(xp)
        self.params, self.grads = gather(self.layers)


class BetterRnnlm(_StackedLanguageModel):
    def __init__(self, vocab_size: int = 10000, wordvec_size: int = 650, hidden_size: int = 650,
                 dropout_ratio: float = 0.5, *, rng: Any, xp: ArrayModule = numpy,
                 dtype: str = "float32") -> None:
        V, D, H = vocab_size, wordvec_size, hidden_size
        if D != H:
            raise ValueError(f"weight tying needs wordvec_size == hidden_size, got {D} and {H}")
        embed_W = random_normal(rng, (V, D), EMBED_SCALE, dtype)
        lstms = [_lstm(rng, D, H, dtype, xp), _lstm(rng, H, H, dtype, xp)]
        self.dropouts = [TimeDropout(rng, dropout_ratio, xp) for _ in range(3)]
        self.layers = [
            TimeEmbedding(embed_W, xp),
            self.dropouts[0], lstms[0],
            self.dropouts[1], lstms[1],
            self.dropouts[2],
            TimeAffine(embed_W.T, xp.zeros(V, dtype=dtype), xp),  # tied: a view of embed_W
        ]
        self.recurrent = lstms
        self.loss_layer = TimeSoftmaxWithLoss(xp)
        self.params, self.grads = gather(self.layers)

    def use_rng(self, rng: Any) -> None:
        """The generator dropout masks come from (a trainer reseeds it per epoch)."""
        for dropout in self.dropouts:
            dropout.rng = rng
