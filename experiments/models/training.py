"""Training loops: mini-batches for word2vec and seq2seq, truncated BPTT for language models.

`fit` is the book's Trainer (chapters 1, 3, 4, 7, 8): each epoch shuffles the examples
and takes data_size // batch_size mini-batches. `fit_rnnlm` is its RnnlmTrainer
(chapters 5, 6): the corpus is read as batch_size parallel streams starting data_size //
batch_size apart, time_size steps per block, data_size // (batch_size * time_size) blocks
an epoch; perplexity is exp(mean loss). Both merge shared weights, clip gradients when
max_grad is given, report progress(done, total) in iterations after each one, and, given a
checkpoint path, save the parameters, optimizer state and history there after every
epoch and start from it when it exists, so a stopped run continues where it was.

Resuming gives the same numbers as an uninterrupted run: each epoch's random numbers
(shuffling, negative samples, dropout masks) come from a seed derived from (seed, epoch),
and a language model's hidden state is reset at the start of every epoch.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol, runtime_checkable

import numpy

from experiments.models.backend import Array, ArrayModule, derived_seed, make_rng, random_permutation, to_numpy
from experiments.models.optim import Optimizer, clip_grads, merge_shared

Progress = Callable[[int, int], None]
SHUFFLE_STREAM, MODEL_STREAM = 0, 1


@runtime_checkable
class UsesRng(Protocol):
    """A model with random parts of its own (negative samples, dropout)."""

    def use_rng(self, rng: Any) -> None: ...


@dataclass(frozen=True)
class History:
    """Per-epoch figures; a resumed run's history includes the epochs before the stop."""

    epoch_losses: tuple[float, ...] = ()
    epoch_perplexities: tuple[float, ...] = ()
    valid_perplexities: tuple[float, ...] = ()

    @property
    def epochs(self) -> int:
        return len(self.epoch_losses)


def fit(model: Any, optimizer: Optimizer, x: Array, t: Array, *, epochs: int, batch_size: int,
        seed: int = 0, xp: ArrayModule = numpy, max_grad: float | None = None,
        progress: Progress | None = None, checkpoint: Path | None = None) -> History:
    """Mini-batch training of model.forward(x_batch, t_batch) -> loss; the history."""
    x, t = xp.asarray(x), xp.asarray(t)  # host data to the model's device (no copy on NumPy)
    iters = x.shape[0] // batch_size
    history, start = resume(checkpoint, model, optimizer, xp)
    for epoch in range(start, epochs):
        order = random_permutation(xp, epoch_rng(xp, seed, epoch, model), x.shape[0])
        total = 0.0
        for i in range(iters):
            picked = order[i * batch_size:(i + 1) * batch_size]
            total += train_step(model, optimizer, (x[picked], t[picked]), max_grad, xp)
            report(progress, epoch * iters + i + 1, epochs * iters)
        history = History(history.epoch_losses + (total / max(iters, 1),))
        save_checkpoint(checkpoint, model, optimizer, history)
    return history


def fit_rnnlm(model: Any, optimizer: Optimizer, corpus: Array, *, epochs: int, batch_size: int,
              time_size: int, seed: int = 0, xp: ArrayModule = numpy, max_grad: float | None = None,
              valid: Array | None = None, lr_decay: float | None = None,
              progress: Progress | None = None, checkpoint: Path | None = None) -> History:
    """Truncated-BPTT training of a language model on one long id sequence; the history.

    With `valid`, each epoch ends with the validation perplexity; with `lr_decay` too, the
    learning rate is divided by it whenever that perplexity is not a new best (chapter 6).
    """
    corpus = xp.asarray(corpus)
    iters = (corpus.shape[0] - 1) // (batch_size * time_size)
    history, start = resume(checkpoint, model, optimizer, xp)
    for epoch in range(start, epochs):
        epoch_rng(xp, seed, epoch, model)  # reseeds the model's dropout, if it has any
        model.reset_state()
        total = 0.0
        for i in range(iters):
            block = stream_block(corpus, batch_size, time_size, (epoch * iters + i) * time_size, xp)
            total += train_step(model, optimizer, block, max_grad, xp)
            report(progress, epoch * iters + i + 1, epochs * iters)
        history = end_of_rnnlm_epoch(model, optimizer, history, total / max(iters, 1), valid,
                                     lr_decay, batch_size, time_size, xp)
        save_checkpoint(checkpoint, model, optimizer, history)
    return history


def end_of_rnnlm_epoch(model: Any, optimizer: Optimizer, history: History, mean_loss: float,
                       valid: Array | None, lr_decay: float | None, batch_size: int,
                       time_size: int, xp: ArrayModule) -> History:
    valid_ppl = history.valid_perplexities
    if valid is not None:
        ppl = perplexity(model, valid, batch_size=batch_size, time_size=time_size, xp=xp)
        if lr_decay and valid_ppl and ppl >= min(valid_ppl):
            optimizer.lr /= lr_decay
        valid_ppl += (ppl,)
    return History(history.epoch_losses + (mean_loss,),
                   history.epoch_perplexities + (math.exp(mean_loss),), valid_ppl)


def train_step(model: Any, optimizer: Optimizer, batch: tuple[Array, Array],
               max_grad: float | None, xp: ArrayModule) -> float:
    """One forward, backward and update; the batch loss."""
    loss = model.forward(*batch)
    model.backward()
    params, grads = merge_shared(model.params, model.grads)
    if max_grad is not None:
        clip_grads(grads, max_grad, xp)
    optimizer.update(params, grads)
    return float(loss)


def stream_block(corpus: Array, batch_size: int, time_size: int, time_index: int,
                 xp: ArrayModule) -> tuple[Array, Array]:
    """(inputs, next-word targets), each (batch, time): stream b starts b * jump in."""
    size = corpus.shape[0] - 1
    jump = size // batch_size
    starts = xp.arange(batch_size)[:, None] * jump
    positions = (starts + time_index + xp.arange(time_size)[None, :]) % size
    return corpus[positions], corpus[positions + 1]


def perplexity(model: Any, corpus: Array, *, batch_size: int = 10, time_size: int = 35,
               xp: ArrayModule = numpy, progress: Progress | None = None) -> float:
    """exp(mean loss) over the corpus read as in training, with dropout off (the book's
    eval_perplexity): (len - 1) // (batch_size * time_size) blocks, state reset first."""
    corpus = xp.asarray(corpus)
    iters = (corpus.shape[0] - 1) // (batch_size * time_size)
    if iters == 0:
        raise ValueError(f"{corpus.shape[0]} words is too short for batches of {batch_size} x {time_size}")
    model.reset_state()
    total = 0.0
    for i in range(iters):
        xs, ts = stream_block(corpus, batch_size, time_size, i * time_size, xp)
        total += float(model.forward(xs, ts, train=False))
        report(progress, i + 1, iters)
    model.reset_state()
    return math.exp(total / iters)


def epoch_rng(xp: ArrayModule, seed: int, epoch: int, model: Any) -> Any:
    """The epoch's shuffling generator; a model with random parts gets its own stream."""
    if isinstance(model, UsesRng):
        model.use_rng(make_rng(xp, derived_seed(seed, epoch, MODEL_STREAM)))
    return make_rng(xp, derived_seed(seed, epoch, SHUFFLE_STREAM))


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def save_checkpoint(path: Path | None, model: Any, optimizer: Optimizer, history: History) -> None:
    """Parameters, optimizer state and history to `path` (.npz), replaced atomically."""
    if path is None:
        return
    params, _ = merge_shared(model.params, model.grads)
    arrays = {f"param{i}": to_numpy(p) for i, p in enumerate(params)}
    arrays.update({f"optim_{k}": to_numpy(v) for k, v in optimizer.state().items()})
    arrays.update({f"history_{name}": numpy.asarray(getattr(history, name), dtype=numpy.float64)
                   for name in History.__dataclass_fields__})
    if hasattr(optimizer, "lr"):
        arrays["lr"] = numpy.asarray(optimizer.lr, dtype=numpy.float64)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as handle:
        numpy.savez(handle, **arrays)
    os.replace(partial, path)


def resume(path: Path | None, model: Any, optimizer: Optimizer,
           xp: ArrayModule = numpy) -> tuple[History, int]:
    """Load a checkpoint into model and optimizer when one exists: (history, next epoch)."""
    if path is None or not Path(path).exists():
        return History(), 0
    with numpy.load(path) as saved:
        arrays = {key: saved[key] for key in saved.files}
    params, _ = merge_shared(model.params, model.grads)
    load_params(params, arrays, path, xp)
    optimizer.load_state({k[len("optim_"):]: v for k, v in arrays.items() if k.startswith("optim_")})
    if "lr" in arrays and hasattr(optimizer, "lr"):
        optimizer.lr = float(arrays["lr"])
    history = History(**{name: tuple(float(v) for v in arrays[f"history_{name}"])
                         for name in History.__dataclass_fields__})
    return history, history.epochs


def load_params(params: list[Array], arrays: dict[str, numpy.ndarray], path: Path,
                xp: ArrayModule = numpy) -> None:
    """Copy saved parameters into the model's arrays in place, checking they fit."""
    saved = [arrays[f"param{i}"] for i in range(sum(k.startswith("param") for k in arrays))]
    shapes = [tuple(p.shape) for p in params]
    if [tuple(s.shape) for s in saved] != shapes:
        raise ValueError(f"{path}: the checkpoint's parameter shapes do not match this model "
                         f"({[tuple(s.shape) for s in saved]} vs {shapes}); delete it to start over")
    for param, value in zip(params, saved):
        param[...] = xp.asarray(value)
