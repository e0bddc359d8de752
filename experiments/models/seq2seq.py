"""Chapter 7: sequence to sequence (encoder-decoder) models.

The encoder, an LSTM over the embedded input characters, hands its last hidden state h
to the decoder, an LSTM language model whose state starts at h; training feeds the
decoder the true answer shifted by one (teacher forcing), `generate` feeds it its own
argmax. The book's two improvements: reversing the input sequence (done on the data),
and the "peeky" decoder, which also gives h to every step's LSTM input and affine input.

The book's runs on its addition data (45,000 training problems; D=16, H=128, batch 128,
Adam, clipping at 5.0, 25 epochs): the plain model gets about 10 % of the test answers
exactly right, with reversed input about 50 %, peeky with reversed input close to 100 %.
Initialisation: embeddings 0.01 * standard normal, LSTM and affine weights Xavier.
"""

from __future__ import annotations

from typing import Any

import numpy

from experiments.models.backend import Array, ArrayModule, random_normal
from experiments.models.layers import TimeAffine, TimeEmbedding, TimeSoftmaxWithLoss
from experiments.models.rnn import TimeLSTM, xavier
from experiments.models.rnnlm import EMBED_SCALE, gather


def make_lstm(rng: Any, D: int, H: int, stateful: bool, dtype: str, xp: ArrayModule) -> TimeLSTM:
    return TimeLSTM(xavier(rng, D, (D, 4 * H), dtype), xavier(rng, H, (H, 4 * H), dtype),
                    xp.zeros(4 * H, dtype=dtype), stateful=stateful, xp=xp)


def make_embedding(rng: Any, V: int, D: int, dtype: str, xp: ArrayModule) -> TimeEmbedding:
    return TimeEmbedding(random_normal(rng, (V, D), EMBED_SCALE, dtype), xp)


def make_affine(rng: Any, H: int, V: int, dtype: str, xp: ArrayModule) -> TimeAffine:
    return TimeAffine(xavier(rng, H, (H, V), dtype), xp.zeros(V, dtype=dtype), xp)


class Encoder:
    """xs (N, T) ids -> the LSTM's last hidden state (N, H)."""

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        self.xp = xp
        self.embed = make_embedding(rng, vocab_size, wordvec_size, dtype, xp)
        self.lstm = make_lstm(rng, wordvec_size, hidden_size, False, dtype, xp)
        self.params, self.grads = gather([self.embed, self.lstm])
        self.hs_shape: tuple[int, ...] = ()

    def forward(self, xs: Array) -> Array:
        hs = self.lstm.forward(self.embed.forward(xs))
        self.hs_shape = hs.shape
        return hs[:, -1, :]

    def backward(self, dh: Array) -> None:
        dhs = self.xp.zeros(self.hs_shape, dtype=dh.dtype)
        dhs[:, -1, :] = dh
        self.embed.backward(self.lstm.backward(dhs))


class Decoder:
    """An LSTM language model started from the encoder's state h: scores (N, T, V)."""

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        self.xp = xp
        self.embed = make_embedding(rng, vocab_size, wordvec_size, dtype, xp)
        self.lstm = make_lstm(rng, wordvec_size, hidden_size, True, dtype, xp)
        self.affine = make_affine(rng, hidden_size, vocab_size, dtype, xp)
        self.params, self.grads = gather([self.embed, self.lstm, self.affine])

    def forward(self, xs: Array, h: Array) -> Array:
        self.lstm.set_state(h)
        return self.affine.forward(self.lstm.forward(self.embed.forward(xs)))

    def backward(self, dscores: Array) -> Array:
        """dh for the encoder's state."""
        self.embed.backward(self.lstm.backward(self.affine.backward(dscores)))
        return self.lstm.dh

    def generate(self, h: Array, start_ids: Array, sample_size: int) -> Array:
        """Greedy decoding of (N, sample_size) ids, each step fed the previous argmax."""
        self.lstm.set_state(h)
        return greedy(self.forward_step, start_ids, sample_size, self.xp)

    def forward_step(self, ids: Array) -> Array:
        return self.affine.forward(self.lstm.forward(self.embed.forward(ids)))


class PeekyDecoder:
    """A decoder that also feeds h to every step's LSTM input and affine input."""

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        V, D, H = vocab_size, wordvec_size, hidden_size
        self.xp = xp
        self.embed = make_embedding(rng, V, D, dtype, xp)
        self.lstm = make_lstm(rng, H + D, H, True, dtype, xp)
        self.affine = make_affine(rng, H + H, V, dtype, xp)
        self.params, self.grads = gather([self.embed, self.lstm, self.affine])
        self.h: Array = None

    def forward(self, xs: Array, h: Array) -> Array:
        self.lstm.set_state(h)
        self.h = h
        return self.forward_step(xs)

    def forward_step(self, ids: Array) -> Array:
        xp = self.xp
        hs = xp.repeat(self.h[:, None, :], ids.shape[1], axis=1)
        out = self.lstm.forward(xp.concatenate([hs, self.embed.forward(ids)], axis=2))
        return self.affine.forward(xp.concatenate([hs, out], axis=2))

    def backward(self, dscores: Array) -> Array:
        H = self.h.shape[1]
        dout = self.affine.backward(dscores)
        dhs_affine, dout = dout[:, :, :H], dout[:, :, H:]
        dx = self.lstm.backward(dout)
        dhs_lstm, dembed = dx[:, :, :H], dx[:, :, H:]
        self.embed.backward(dembed)
        return self.lstm.dh + (dhs_affine + dhs_lstm).sum(axis=1)

    def generate(self, h: Array, start_ids: Array, sample_size: int) -> Array:
        self.lstm.set_state(h)
        self.h = h
        return greedy(self.forward_step, start_ids, sample_size, self.xp)


def greedy(step: Any, start_ids: Array, sample_size: int, xp: ArrayModule) -> Array:
    """Run `step` on one id per row at a time, feeding back its argmax: (N, sample_size)."""
    ids = start_ids.reshape(-1, 1)
    generated = []
    for _ in range(sample_size):
        ids = step(ids).argmax(axis=2)
        generated.append(ids[:, 0])
    return xp.stack(generated, axis=1)


class Seq2seq:
    """Encoder + decoder + softmax loss on the answer ts (N, 1 + T) after its first id."""

    decoder_class: Any = Decoder

    def __init__(self, vocab_size: int, wordvec_size: int, hidden_size: int, *, rng: Any,
                 xp: ArrayModule = numpy, dtype: str = "float32") -> None:
        sizes = (vocab_size, wordvec_size, hidden_size)
        self.xp = xp
        self.encoder = Encoder(*sizes, rng=rng, xp=xp, dtype=dtype)
        self.decoder = self.decoder_class(*sizes, rng=rng, xp=xp, dtype=dtype)
        self.loss_layer = TimeSoftmaxWithLoss(xp)
        self.params, self.grads = gather([self.encoder, self.decoder])

    def forward(self, xs: Array, ts: Array) -> Array:
        h = self.encoder.forward(xs)
        return self.loss_layer.forward(self.decoder.forward(ts[:, :-1], h), ts[:, 1:])

    def backward(self, dout: Any = 1) -> None:
        self.encoder.backward(self.decoder.backward(self.loss_layer.backward(dout)))

    def generate(self, xs: Array, start_id: int, sample_size: int) -> Array:
        """Greedy answers (N, sample_size) to the questions xs (N, T)."""
        h = self.encoder.forward(xs)
        start_ids = self.xp.full((xs.shape[0], 1), start_id, dtype=xs.dtype)
        return self.decoder.generate(h, start_ids, sample_size)


class PeekySeq2seq(Seq2seq):
    decoder_class = PeekyDecoder


def exact_match_rate(model: Any, questions: Array, answers: Array, batch_size: int = 1000) -> float:
    """Share of questions whose generated answer equals answers[:, 1:] exactly (the book's
    accuracy); generation starts from each answer's first id (the '_' separator)."""
    start_id = int(answers[0, 0])
    correct = 0
    for i in range(0, questions.shape[0], batch_size):
        truth = answers[i:i + batch_size, 1:]
        guess = model.generate(questions[i:i + batch_size], start_id, truth.shape[1])
        correct += int((guess == truth).all(axis=1).sum())
    return correct / questions.shape[0]
