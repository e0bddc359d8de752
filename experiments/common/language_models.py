"""What the chapter 5-6 language-model experiments share: per-seed training tasks over a
corpus's ids, text sampled from a trained model, and the perplexity levels a page shows
beside the model's (the stand-in's true perplexity, the unigram baseline, the book's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from experiments.common.charts import Level
from experiments.models.backend import make_rng, to_numpy
from experiments.models.layers import softmax


def sample_text(model: Any, id_to_word: Sequence[str], start_id: int, length: int, seed: int, xp) -> str:
    """`length` words drawn one at a time from the model's next-word distribution (dropout off)."""
    rng = make_rng(np, seed)
    model.reset_state()
    ids = [start_id]
    for _ in range(length - 1):
        scores = model.predict(xp.asarray([[ids[-1]]]), train=False)
        p = to_numpy(softmax(xp, scores.reshape(-1).astype(xp.float64)))
        ids.append(int(rng.choice(len(p), p=p / p.sum())))
    model.reset_state()
    return " ".join(id_to_word[i] for i in ids)


def perplexity_levels(corpus, ids: np.ndarray, book: tuple[str, float] | None = None) -> list[Level]:
    """The lines a perplexity figure draws: the stand-in's truth on `ids`, the unigram baseline
    and, on PTB, the book's figure."""
    levels = []
    true = corpus.true_perplexity(ids)
    if true is not None:
        levels.append(Level(f"true perplexity of the stand-in ({true:.2f}): no model beats it", true, "--"))
    unigram = corpus.unigram_perplexity(ids)
    levels.append(Level(f"unigram baseline ({unigram:.1f})", unigram, ":"))
    if book is not None and corpus.is_ptb:
        levels.append(Level(f"{book[0]} ({book[1]:g})", book[1], "-."))
    return levels


@dataclass(frozen=True)
class LmTask:
    """One seed of an LSTM language model: everything it needs, as plain data."""

    seed: int
    better: bool  # BetterRnnlm (2 layers, dropout, tied weights) instead of Rnnlm
    params: dict
    train: np.ndarray
    valid: np.ndarray
    test: np.ndarray
    id_to_word: tuple[str, ...]
    start_word: str
    device: str
    checkpoint: Path | None = None


def train_lm(task: LmTask, progress=None) -> dict:
    """Train one seed (resuming from its checkpoint), then score the test text and sample some."""
    from experiments.common.tasks import iterations, share
    from experiments.context import RunContext
    from experiments.models.optim import SGD
    from experiments.models.rnnlm import BetterRnnlm, Rnnlm
    from experiments.models.training import fit_rnnlm, perplexity

    p, V = task.params, len(task.id_to_word)
    xp = RunContext(device=task.device).array_module()
    rng = make_rng(xp, task.seed)
    if task.better:
        model = BetterRnnlm(V, p["hidden_size"], p["hidden_size"], p["dropout"], rng=rng, xp=xp)
    else:
        model = Rnnlm(V, p["wordvec_size"], p["hidden_size"], rng=rng, xp=xp)
    history = fit_rnnlm(model, SGD(p["lr"]), task.train, epochs=p["epochs"], batch_size=p["batch_size"],
                        time_size=p["time_size"], seed=task.seed, xp=xp, max_grad=p["max_grad"] or None,
                        valid=task.valid, lr_decay=p.get("lr_decay"), progress=iterations(share(progress, 0, 0.95)),
                        checkpoint=task.checkpoint)
    test = perplexity(model, task.test, batch_size=p["batch_size"], time_size=p["time_size"], xp=xp)
    start = list(task.id_to_word).index(task.start_word)
    return {"train": list(history.epoch_perplexities), "valid": list(history.valid_perplexities), "test": test,
            "sample": sample_text(model, task.id_to_word, start, SAMPLE_WORDS, task.seed, xp)}


SAMPLE_WORDS = 40
