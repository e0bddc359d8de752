"""Tiny sizes for the chapter 2-8 experiments in tests: the same code paths, seconds not minutes.

`shrunk(monkeypatch)` wraps each quick experiment's ``run`` so that whatever the log asked
for, the run trains on a few thousand words or problems for an epoch or two; the results
land under the run ids the log asked for, so the pages show them where they belong.
"""

from __future__ import annotations

import importlib

from experiments import EXPERIMENTS

TINY = {
    "ch02-count-toy": {},
    "ch02-count-corpus": {"stand_in_words": 5_000, "wordvec_size": 20},
    "ch03-simple-word2vec": {"epochs": 30, "n_seeds": 2},
    "ch04-word2vec": {"stand_in_words": 4_000, "hidden_size": 16, "window_size": 2, "epochs": 2},
    "ch05-rnnlm": {"corpus_size": 300, "wordvec_size": 16, "hidden_size": 16, "epochs": 3, "n_seeds": 2},
    "ch06-gradient-norms": {},
    "ch06-lstm-lm": {"stand_in_words": 4_000, "wordvec_size": 16, "hidden_size": 16, "time_size": 10,
                     "batch_size": 10, "epochs": 2, "n_seeds": 1},
    "ch06-better-lstm-lm": {"stand_in_words": 4_000, "hidden_size": 16, "time_size": 10, "batch_size": 10,
                            "epochs": 2},
    "ch07-seq2seq": {"problems": 1_000, "hidden_size": 16, "epochs": 1},
    "ch08-attention": {"problems": 1_000, "hidden_size": 16, "epochs": 1},
}


def tiny_params(experiment: str, params: dict) -> dict:
    return {**params, **TINY[experiment]}


def shrink(monkeypatch) -> None:
    """Make every chapter 2-8 experiment's run() train at tiny sizes (in this process)."""
    for experiment, sizes in TINY.items():
        module = importlib.import_module(EXPERIMENTS[experiment].module)
        monkeypatch.setattr(module, "run", _shrunk(module.run, sizes))


def _shrunk(run, sizes: dict):
    def tiny_run(params, progress=None, **more):
        return run({**params, **sizes}, progress, **more)

    return tiny_run
