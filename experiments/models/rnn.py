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

from dataclasses import dataclass
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


@dataclass(frozen=True)
class LstmGates:
    """What one LSTM step keeps for its backward pass."""

    c_prev: Array
    f: Array
    g: Array
    i: Array
    o: Array
    tanh_c: Array


def lstm_gates(xp: ArrayModule, A: Array, c_prev: Array) -> tuple[Array, Array, LstmGates]:
    """(h_next, c_next, gates) from the pre-activations A = x Wx + h_prev Wh + b."""
    H = c_prev.shape[1]
    f = sigmoid(xp, A[:, :H])
    g = xp.tanh(A[:, H:2 * H])
    i = sigmoid(xp, A[:, 2 * H:3 * H])
    o = sigmoid(xp, A[:, 3 * H:])
    c_next = f * c_prev + g * i
    tanh_c = xp.tanh(c_next)
    return o * tanh_c, c_next, LstmGates(c_prev, f, g, i, o, tanh_c)


def lstm_gates_backward(xp: ArrayModule, gates: LstmGates, dh_next: Array,
                        dc_next: Any) -> tuple[Array, Array]:
    """(dA, dc_prev): the gradient of the step's pre-activations, and of its input cell."""
    c_prev, f, g, i, o, tanh_c = gates.c_prev, gates.f, gates.g, gates.i, gates.o, gates.tanh_c
    ds = dc_next + dh_next * o * (1 - tanh_c ** 2)
    dA = xp.concatenate([
        ds * c_prev * f * (1 - f),
        ds * i * (1 - g ** 2),
        ds * g * i * (1 - i),
        dh_next * tanh_c * o * (1 - o),
    ], axis=1)
    return dA, ds * f


class LSTM:
    """One LSTM step; params [Wx (D, 4H), Wh (H, 4H), b (4H,)], slices f, g, i, o."""

    def __init__(self, Wx: Array, Wh: Array, b: Array, xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [Wx, Wh, b]
        self.grads = [xp.zeros_like(Wx), xp.zeros_like(Wh), xp.zeros_like(b)]
        self.cache: tuple[Array, Array, LstmGates | None] = (None, None, None)

    def forward(self, x: Array, h_prev: Array, c_prev: Array) -> tuple[Array, Array]:
        Wx, Wh, b = self.params
        h_next, c_next, gates = lstm_gates(self.xp, x @ Wx + h_prev @ Wh + b, c_prev)
        self.cache = (x, h_prev, gates)
        return h_next, c_next

    def backward(self, dh_next: Array, dc_next: Array) -> tuple[Array, Array, Array]:
        """(dx, dh_prev, dc_prev); the weight gradients go into self.grads."""
        Wx, Wh, _ = self.params
        x, h_prev, gates = self.cache
        dA, dc_prev = lstm_gates_backward(self.xp, gates, dh_next, dc_next)
        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = h_prev.T @ dA
        self.grads[2][...] = dA.sum(axis=0)
        return dA @ Wx.T, dA @ Wh.T, dc_prev


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
    """An LSTM step over every time step: xs (N, T, D) -> hs (N, T, H).

    The same arithmetic as T LSTM cells, with the products that do not depend on the
    previous step (x_t Wx forward; dWx, dWh, db and dx backward) done for all steps in
    one matrix product each: at the book's sizes that halves the time on a CPU.
    """

    def __init__(self, Wx: Array, Wh: Array, b: Array, stateful: bool = False,
                 xp: ArrayModule = numpy) -> None:
        self.xp = xp
        self.params = [Wx, Wh, b]
        self.grads = [xp.zeros_like(Wx), xp.zeros_like(Wh), xp.zeros_like(b)]
        self.stateful = stateful
        self.cache: tuple[Array, Array, list[LstmGates]] = (None, None, [])
        self.h: Array = None
        self.c: Array = None
        self.dh: Array = None

    def set_state(self, h: Array, c: Any = None) -> None:
        self.h, self.c = h, c

    def reset_state(self) -> None:
        self.h, self.c = None, None

    def forward(self, xs: Array) -> Array:
        xp = self.xp
        N, T, D = xs.shape
        Wx, Wh, b = self.params
        H = Wh.shape[0]
        if not self.stateful or self.h is None:
            self.h = xp.zeros((N, H), dtype=xs.dtype)
        if not self.stateful or self.c is None:
            self.c = xp.zeros((N, H), dtype=xs.dtype)
        x_parts = (xs.reshape(N * T, D) @ Wx + b).reshape(N, T, 4 * H)
        hs = xp.empty((N, T, H), dtype=xs.dtype)
        h_prevs = xp.empty((N, T, H), dtype=xs.dtype)
        steps = []
        for t in range(T):
            h_prevs[:, t] = self.h
            self.h, self.c, gates = lstm_gates(xp, x_parts[:, t] + self.h @ Wh, self.c)
            hs[:, t] = self.h
            steps.append(gates)
        self.cache = (xs, h_prevs, steps)
        return hs

    def backward(self, dhs: Array) -> Array:
        xp = self.xp
        xs, h_prevs, steps = self.cache
        N, T, D = xs.shape
        Wx, Wh, _ = self.params
        dAs = xp.empty((N, T, Wx.shape[1]), dtype=dhs.dtype)
        dh, dc = 0, 0
        for t in reversed(range(T)):
            dAs[:, t], dc = lstm_gates_backward(xp, steps[t], dhs[:, t] + dh, dc)
            dh = dAs[:, t] @ Wh.T
        flat_dA = dAs.reshape(N * T, -1)
        self.grads[0][...] = xs.reshape(N * T, D).T @ flat_dA
        self.grads[1][...] = h_prevs.reshape(N * T, -1).T @ flat_dA
        self.grads[2][...] = flat_dA.sum(axis=0)
        self.dh = dh
        return (flat_dA @ Wx.T).reshape(N, T, D)


def xavier(rng: Any, fan_in: int, shape: tuple[int, ...], dtype: str) -> Array:
    """Standard normal / sqrt(fan_in): the book's Xavier initialisation."""
    return (rng.standard_normal(shape) / fan_in ** 0.5).astype(dtype)
