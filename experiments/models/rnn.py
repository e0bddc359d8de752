"""Chapters 5 and 6: recurrent layers, one step and a whole block of time steps.

An RNN step computes h_t = tanh(h_{t-1} Wh + x_t Wx + b). An LSTM step keeps a memory
cell c besides h: from A = x_t Wx + h_{t-1} Wh + b it cuts four slices, the forget gate f,
the new content g (tanh), the input gate i and the output gate o (the book's order), and
sets c_t = f * c_{t-1} + g * i, h_t = o * tanh(c_t).

The Time* layers run a step over every time step of a (batch, time, dim) block. With
`stateful=True` the last hidden state is carried into the next block: that is truncated
backpropagation through time, where the forward pass flows on across blocks and the
backward pass stops at the block's start (chapter 5). `reset_state()` starts afresh.
"""

from __future__ import annotations

from typing import Any

import numpy

from experiments.models.backend import Array, ArrayModule
from experiments.models.layers import sigmoid


class RNN:
    """One tanh RNN step; params [Wx (D, H), Wh (H, H), b (H,)]."""

    def __init__(self, Wx: Array, Wh: Array, b: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [Wx, Wh, b]
        self.grads = [xp.zeros_like(Wx), xp.zeros_like(Wh), xp.zeros_like(b)]
        self.cache: tuple[Array, Array, Array] = (None, None, None)

    def forward(self, x: Array, h_prev: Array) -> Array:
        Wx, Wh, b = self.params
        h_next = self.xp.tanh(h_prev @ Wh + x @ Wx + b)
        self.cache = (x, h_prev, h_next)
        return h_next

    def backward(self, dh_next: Array) -> tuple[Array, Array]:
        """(dx, dh_prev); the weight gradients go into self.grads."""
        Wx, Wh, _ = self.params
        x, h_prev, h_next = self.cache
        dt = dh_next * (1 - h_next ** 2)
        self.grads[0][...] = x.T @ dt
        self.grads[1][...] = h_prev.T @ dt
        self.grads[2][...] = dt.sum(axis=0)
        return dt @ Wx.T, dt @ Wh.T


class LSTM:
    """One LSTM step; params [Wx (D, 4H), Wh (H, 4H), b (4H,)], slices f, g, i, o."""

    def __init__(self, Wx: Array, Wh: Array, b: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [Wx, Wh, b]
        self.grads = [xp.zeros_like(Wx), xp.zeros_like(Wh), xp.zeros_like(b)]
        self.cache: tuple[Array, ...] = ()

    def forward(self, x: Array, h_prev: Array, c_prev: Array) -> tuple[Array, Array]:
        xp = self.xp
        Wx, Wh, b = self.params
        H = Wh.shape[0]
        A = x @ Wx + h_prev @ Wh + b
        f = sigmoid(xp, A[:, :H])
        g = xp.tanh(A[:, H:2 * H])
        i = sigmoid(xp, A[:, 2 * H:3 * H])
        o = sigmoid(xp, A[:, 3 * H:])
        c_next = f * c_prev + g * i
        tanh_c = xp.tanh(c_next)
        self.cache = (x, h_prev, c_prev, f, g, i, o, tanh_c)
        return o * tanh_c, c_next

    def backward(self, dh_next: Array, dc_next: Array) -> tuple[Array, Array, Array]:
        """(dx, dh_prev, dc_prev); the weight gradients go into self.grads."""
        xp = self.xp
        Wx, Wh, _ = self.params
        x, h_prev, c_prev, f, g, i, o, tanh_c = self.cache
        ds = dc_next + dh_next * o * (1 - tanh_c ** 2)
        dA = xp.concatenate([
            ds * c_prev * f * (1 - f),
            ds * i * (1 - g ** 2),
            ds * g * i * (1 - i),
            dh_next * tanh_c * o * (1 - o),
        ], axis=1)
        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = h_prev.T @ dA
        self.grads[2][...] = dA.sum(axis=0)
        return dA @ Wx.T, dA @ Wh.T, ds * f


class TimeRNN:
    """An RNN step over every time step: xs (N, T, D) -> hs (N, T, H)."""

    def __init__(self, Wx: Array, Wh: Array, b: Array, stateful: bool = False,
                 xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [Wx, Wh, b]
        self.grads = [xp.zeros_like(Wx), xp.zeros_like(Wh), xp.zeros_like(b)]
        self.stateful = stateful
        self.steps: list[RNN] = []
        self.h: Array = None
        self.dh: Array = None

    def set_state(self, h: Array) -> None:
        self.h = h

    def reset_state(self) -> None:
        self.h = None

    def forward(self, xs: Array) -> Array:
        N, T, _ = xs.shape
        Wx, Wh, b = self.params
        if not self.stateful or self.h is None:
            self.h = self.xp.zeros((N, Wh.shape[0]), dtype=xs.dtype)
        self.steps = [RNN(Wx, Wh, b, self.xp) for _ in range(T)]
        hs = []
        for t, step in enumerate(self.steps):
            self.h = step.forward(xs[:, t], self.h)
            hs.append(self.h)
        return self.xp.stack(hs, axis=1)

    def backward(self, dhs: Array) -> Array:
        dxs = [None] * len(self.steps)
        dh = 0
        for grad in self.grads:
            grad[...] = 0
        for t in reversed(range(len(self.steps))):
            dxs[t], dh = self.steps[t].backward(dhs[:, t] + dh)
            for total, grad in zip(self.grads, self.steps[t].grads):
                total += grad
        self.dh = dh
        return self.xp.stack(dxs, axis=1)


class TimeLSTM:
    """An LSTM step over every time step: xs (N, T, D) -> hs (N, T, H)."""

    def __init__(self, Wx: Array, Wh: Array, b: Array, stateful: bool = False,
                 xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [Wx, Wh, b]
        self.grads = [xp.zeros_like(Wx), xp.zeros_like(Wh), xp.zeros_like(b)]
        self.stateful = stateful
        self.steps: list[LSTM] = []
        self.h: Array = None
        self.c: Array = None
        self.dh: Array = None

    def set_state(self, h: Array, c: Any = None) -> None:
        self.h, self.c = h, c

    def reset_state(self) -> None:
        self.h, self.c = None, None

    def forward(self, xs: Array) -> Array:
        xp = self.xp
        N, T, _ = xs.shape
        Wx, Wh, b = self.params
        H = Wh.shape[0]
        if not self.stateful or self.h is None:
            self.h = xp.zeros((N, H), dtype=xs.dtype)
        if not self.stateful or self.c is None:
            self.c = xp.zeros((N, H), dtype=xs.dtype)
        self.steps = [LSTM(Wx, Wh, b, xp) for _ in range(T)]
        hs = []
        for t, step in enumerate(self.steps):
            self.h, self.c = step.forward(xs[:, t], self.h, self.c)
            hs.append(self.h)
        return xp.stack(hs, axis=1)

    def backward(self, dhs: Array) -> Array:
        dxs = [None] * len(self.steps)
        dh, dc = 0, 0
        for grad in self.grads:
            grad[...] = 0
        for t in reversed(range(len(self.steps))):
            dxs[t], dh, dc = self.steps[t].backward(dhs[:, t] + dh, dc)
            for total, grad in zip(self.grads, self.steps[t].grads):
                total += grad
        self.dh = dh
        return self.xp.stack(dxs, axis=1)


def xavier(rng: Any, fan_in: int, shape: tuple[int, ...], dtype: str) -> Array:
    """Standard normal / sqrt(fan_in): the book's Xavier initialisation."""
    return (rng.standard_normal(shape) / fan_in ** 0.5).astype(dtype)
