"""Chapter 8: attention.

Instead of squeezing the question into one vector, the decoder looks back at all the
encoder's hidden states hs (N, T, H) at every step. AttentionWeight scores each encoder
state by its dot product with the decoder state h and turns the scores into weights a
(N, T) with a softmax; WeightSum makes the context vector c = sum_t a_t hs_t; the decoder
feeds [c, h] to its affine layer. The weights are kept, so they can be drawn as a heat map
(which input character each output character looked at).

The book's run on its date-format data (45,000 training pairs, questions reversed; D=16,
H=256, batch 128, Adam, clipping at 5.0, 10 epochs): attention gets nearly every answer
right after the first couple of epochs, and its heat maps show each part of the ISO date
attending to the year, month or day it came from.
"""

from __future__ import annotations

from typing import Any

import numpy

from experiments.models.backend import Array, ArrayModule
from experiments.models.layers import Softmax, TimeSoftmaxWithLoss
from experiments.models.rnnlm import gather
from experiments.models.seq2seq import greedy, make_affine, make_embedding, make_lstm


class WeightSum:
    """c = sum over t of a[:, t] * hs[:, t]: (N, T, H), (N, T) -> (N, H)."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.cache: tuple[Array, Array] = (None, None)

    def forward(self, hs: Array, a: Array) -> Array:
        self.cache = (hs, a)
        return (hs * a[:, :, None]).sum(axis=1)

    def backward(self, dc: Array) -> tuple[Array, Array]:
        """(dhs, da)."""
        hs, a = self.cache
        dhs = dc[:, None, :] * a[:, :, None]
        da = (dc[:, None, :] * hs).sum(axis=2)
        return dhs, da


class AttentionWeight:
    """a = softmax over t of hs[:, t] . h: (N, T, H), (N, H) -> (N, T)."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.softmax = Softmax(xp)
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.cache: tuple[Array, Array] = (None, None)

    def forward(self, hs: Array, h: Array) -> Array:
        self.cache = (hs, h)
        return self.softmax.forward((hs * h[:, None, :]).sum(axis=2))

    def backward(self, da: Array) -> tuple[Array, Array]:
        """(dhs, dh)."""
        hs, h = self.cache
        dscores = self.softmax.backward(da)[:, :, None]
        return dscores * h[:, None, :], (dscores * hs).sum(axis=1)


class Attention:
    """Context vector for one decoder state: weights from AttentionWeight, sum by WeightSum."""

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.weight = AttentionWeight(xp)
        self.weight_sum = WeightSum(xp)
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.attention_weight: Array = None

    def forward(self, hs: Array, h: Array) -> Array:
        self.attention_weight = self.weight.forward(hs, h)
        return self.weight_sum.forward(hs, self.attention_weight)

    def backward(self, dc: Array) -> tuple[Array, Array]:
        """(dhs, dh)."""
        dhs_sum, da = self.weight_sum.backward(dc)
        dhs_weight, dh = self.weight.backward(da)
        return dhs_sum + dhs_weight, dh


class TimeAttention:
    """Attention at every decoder step: enc_hs (N, Te, H), dec_hs (N, Td, H) -> (N, Td, H).

    The same arithmetic as one Attention layer per decoder step (the book's way, and what
    the tests compare it with), written as batched matrix products over all steps at once:
    scores = dec_hs enc_hs^T, weights = softmax(scores), contexts = weights enc_hs.
    """

    def __init__(self, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.softmax = Softmax(xp)
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.cache: tuple[Array, Array, Array] = (None, None, None)

    @property
    def attention_weights(self) -> Array:
        """Weights (N, Td, Te) of the last forward pass: row t is decoder step t's."""
        return self.cache[2]

    def forward(self, enc_hs: Array, dec_hs: Array) -> Array:
        weights = self.softmax.forward(dec_hs @ enc_hs.transpose(0, 2, 1))
        self.cache = (enc_hs, dec_hs, weights)
        return weights @ enc_hs

    def backward(self, dout: Array) -> tuple[Array, Array]:
        """(d enc_hs, d dec_hs)."""
        enc_hs, dec_hs, weights = self.cache
        dscores = self.softmax.backward(dout @ enc_hs.transpose(0, 2, 1))
        denc = weights.transpose(0, 2, 1) @ dout + dscores.transpose(0, 2, 1) @ dec_hs
        return denc, dscores @ enc_hs


class AttentionEncoder:
    """xs (N, T) ids -> every hidden state hs (N, T, H)."""

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        self.embed = make_embedding(rng, vocab_size, wordvec_size, dtype, xp)
        self.lstm = make_lstm(rng, wordvec_size, hidden_size, False, dtype, xp)
        self.params, self.grads = gather([self.embed, self.lstm])

    def forward(self, xs: Array) -> Array:
        return self.lstm.forward(self.embed.forward(xs))

    def backward(self, dhs: Array) -> None:
        self.embed.backward(self.lstm.backward(dhs))


class AttentionDecoder:
    """LSTM decoder started from the last encoder state; affine on [context, state]."""

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        self.xp = xp
        self.embed = make_embedding(rng, vocab_size, wordvec_size, dtype, xp)
        self.lstm = make_lstm(rng, wordvec_size, hidden_size, True, dtype, xp)
        self.attention = TimeAttention(xp)
        self.affine = make_affine(rng, 2 * hidden_size, vocab_size, dtype, xp)
        self.params, self.grads = gather([self.embed, self.lstm, self.affine])
        self.enc_hs: Array = None

    def forward(self, xs: Array, enc_hs: Array) -> Array:
        self.lstm.set_state(enc_hs[:, -1])
        self.enc_hs = enc_hs
        return self.forward_step(xs)

    def forward_step(self, ids: Array) -> Array:
        dec_hs = self.lstm.forward(self.embed.forward(ids))
        context = self.attention.forward(self.enc_hs, dec_hs)
        return self.affine.forward(self.xp.concatenate([context, dec_hs], axis=2))

    def backward(self, dscores: Array) -> Array:
        """d enc_hs, including the gradient of the state the LSTM started from."""
        H = self.enc_hs.shape[2]
        dout = self.affine.backward(dscores)
        dcontext, ddec_hs = dout[:, :, :H], dout[:, :, H:]
        denc_hs, ddec_attention = self.attention.backward(dcontext)
        self.embed.backward(self.lstm.backward(ddec_hs + ddec_attention))
        denc_hs = denc_hs.copy()
        denc_hs[:, -1] += self.lstm.dh
        return denc_hs

    def generate(self, enc_hs: Array, start_ids: Array, sample_size: int) -> tuple[Array, Array]:
        """Greedy ids (N, sample_size) and their attention weights (N, sample_size, Te)."""
        self.lstm.set_state(enc_hs[:, -1])
        self.enc_hs = enc_hs
        weights: list[Array] = []

        def step(ids: Array) -> Array:
            scores = self.forward_step(ids)
            weights.append(self.attention.attention_weights[:, 0])
            return scores

        ids = greedy(step, start_ids, sample_size, self.xp)
        return ids, self.xp.stack(weights, axis=1)


class AttentionSeq2seq:
    """Attention encoder + decoder + softmax loss on ts (N, 1 + T) after its first id."""

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        sizes = (vocab_size, wordvec_size, hidden_size)
        self.xp = xp
        self.encoder = AttentionEncoder(*sizes, rng=rng, xp=xp, dtype=dtype)
        self.decoder = AttentionDecoder(*sizes, rng=rng, xp=xp, dtype=dtype)
        self.loss_layer = TimeSoftmaxWithLoss(xp)
        self.params, self.grads = gather([self.encoder, self.decoder])

    def forward(self, xs: Array, ts: Array) -> Array:
        enc_hs = self.encoder.forward(xs)
        return self.loss_layer.forward(self.decoder.forward(ts[:, :-1], enc_hs), ts[:, 1:])

    def backward(self, dout: Any = 1) -> None:
        self.encoder.backward(self.decoder.backward(self.loss_layer.backward(dout)))

    def generate(self, xs: Array, start_id: int, sample_size: int) -> Array:
        """Greedy answers (N, sample_size) to the questions xs (N, T)."""
        return self.generate_with_attention(xs, start_id, sample_size)[0]

    def generate_with_attention(self, xs: Array, start_id: int,
                                sample_size: int) -> tuple[Array, Array]:
        """Greedy answers and, for the heat map, weights (N, sample_size, T_question)."""
        start_ids = self.xp.full((xs.shape[0], 1), start_id, dtype=xs.dtype)
        return self.decoder.generate(self.encoder.forward(xs), start_ids, sample_size)

    def attention_weights(self) -> Array:
        """Weights (N, T_answer, T_question) of the last forward pass (teacher-forced, as
        the book's heat map is drawn)."""
        return self.decoder.attention.attention_weights
