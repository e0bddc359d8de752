"""Optimizers and the gradient plumbing before a step: shared weights and clipping.

SGD and Adam update parameter arrays in place (layers hold references to them). Adam is
written as in the book (from Kingma and Ba): the bias correction is folded into the
step size, lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), and eps = 1e-7.

Shared weights: a model may list one array several times (CBOW's input layers) or list
a transposed view of it (BetterRnnlm's tied output layer). `merge_shared` keeps each
array once and adds the gradients of its copies up, as the book's trainer does before
each update; updating in place then updates every view too.

Clipping (chapter 6): when the L2 norm of all gradients together exceeds max_norm, every
gradient is scaled by max_norm / norm.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy

from experiments.models.backend import Array, ArrayModule

ADAM_EPS = 1e-7
CLIP_EPS = 1e-6


class Optimizer(Protocol):
    def update(self, params: list[Array], grads: list[Array]) -> None: ...

    def state(self) -> dict[str, Array]: ...

    def load_state(self, state: dict[str, Array]) -> None: ...


class SGD:
    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    def update(self, params: list[Array], grads: list[Array]) -> None:
        for param, grad in zip(params, grads):
            param -= self.lr * grad

    def state(self) -> dict[str, Array]:
        return {}

    def load_state(self, state: dict[str, Array]) -> None:
        return None


class Adam:
    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 xp: ArrayModule = numpy) -> None:
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.xp = xp
        self.steps = 0
        self.m: list[Array] = []
        self.v: list[Array] = []

    def update(self, params: list[Array], grads: list[Array]) -> None:
        xp = self.xp
        if not self.m:
            self.m = [xp.zeros_like(p) for p in params]
            self.v = [xp.zeros_like(p) for p in params]
        self.steps += 1
        lr_t = self.lr * (1 - self.beta2 ** self.steps) ** 0.5 / (1 - self.beta1 ** self.steps)
        for param, grad, m, v in zip(params, grads, self.m, self.v):
            m += (1 - self.beta1) * (grad - m)
            v += (1 - self.beta2) * (grad ** 2 - v)
            param -= lr_t * m / (xp.sqrt(v) + ADAM_EPS)

    def state(self) -> dict[str, Array]:
        """The moment estimates and step count, for a checkpoint."""
        arrays = {f"m{i}": m for i, m in enumerate(self.m)}
        arrays.update({f"v{i}": v for i, v in enumerate(self.v)})
        arrays["steps"] = self.xp.asarray(self.steps)
        return arrays

    def load_state(self, state: dict[str, Array]) -> None:
        count = sum(1 for key in state if key.startswith("m"))
        self.m = [self.xp.array(state[f"m{i}"]) for i in range(count)]  # copies: updated in place
        self.v = [self.xp.array(state[f"v{i}"]) for i in range(count)]
        self.steps = int(state["steps"]) if "steps" in state else 0


def is_transposed_view(a: Array, b: Array) -> bool:
    """a is b.T (a transposed view of b's memory), as a tied output layer holds it."""
    return a.ndim == 2 and a.base is b and a.shape == b.shape[::-1]


def merge_shared(params: list[Array], grads: list[Array]) -> tuple[list[Array], list[Array]]:
    """Each distinct weight array once, with its copies' and views' gradients added up."""
    kept_params: list[Array] = []
    kept_grads: list[Array] = []
    for param, grad in zip(params, grads):
        for i, kept in enumerate(kept_params):
            if param is kept:
                kept_grads[i] = kept_grads[i] + grad
                break
            if is_transposed_view(param, kept):
                kept_grads[i] = kept_grads[i] + grad.T
                break
        else:
            kept_params.append(param)
            kept_grads.append(grad)
    return kept_params, kept_grads


def clip_grads(grads: list[Array], max_norm: float, xp: ArrayModule = numpy) -> Any:
    """Scale all gradients in place so their joint L2 norm is at most max_norm; the norm."""
    total = xp.sqrt(sum((grad ** 2).sum() for grad in grads))
    rate = xp.minimum(max_norm / (total + CLIP_EPS), 1.0)
    for grad in grads:
        grad *= rate.astype(grad.dtype)
    return total
