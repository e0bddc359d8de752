"""ch06-better-lstm-lm: two LSTM layers, dropout, tied weights and learning-rate decay on validation perplexity."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import (LSTM_LM_COLUMNS, batch_size, epochs, hidden_size, learning_rate,
                                            max_grad, seeds, stand_in_words, time_size)
from experiments.context import RunContext
from experiments.result import Result
from experiments.spec import number
from experiments.tiers import HEAVY, TieredSpec

REFERENCE = ("the book reports about 75.8", 75.8)

SPEC = TieredSpec(
    id="ch06-better-lstm-lm",
    chapter=6,
    title="Ch06 better LSTM language model: 2 layers, dropout, weight tying",
    summary=(
        "Trains the book's BetterRnnlm (train_better_rnnlm.py): two LSTM layers of 650, "
        "dropout 0.5 before and after them, the output layer tied to the embedding, batch "
        "20, 35 time steps, SGD with lr 20 divided by 4 whenever the validation perplexity "
        "does not improve, gradients clipped at 0.25, 40 epochs. About 15 CPU-hours per "
        "seed on PTB, where the book reports about 75.8; a stopped run resumes from its last "
        "epoch. Without PTB it runs on the generated stand-in, beside its true perplexity."
    ),
    answers=(r"\bbetter_?rnnlm\b", r"\btrain_better_rnnlm\.py\b", r"\bdropout\b", r"\bweight[- ]tying\b",
             r"\btied weights\b", r"\blstm\b.*\b(?:2|two)[- ]layers?\b", r"\blr decay\b", r"\blearning[- ]rate decay\b"),
    params=(batch_size(20, 200), hidden_size(650, 2000), time_size(35),
            learning_rate(20.0, 100.0, "SGD learning rate"), max_grad(0.25), epochs(40, 100),
            number("dropout", 0.5, "dropout", "dropout ratio", 0.0, 0.95, words=("dropout", "dropout ratio")),
            number("lr_decay", 4.0, "decay", "lr divided by this when validation perplexity does not improve", 1.0,
                   100.0, words=("lr decay", "lr_decay", "decay")),
            seeds(1), stand_in_words(200_000)),
    concepts=("lstm", "dropout", "weight tying", "perplexity", "language model"),
    columns=LSTM_LM_COLUMNS,
    tier=HEAVY,
    cost="about 15 CPU-hours per seed on PTB, 1 to 2 CPU-hours on the stand-in",
    uses_corpus=True,
)


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.lstm_lm_page import run_lm

    return run_lm(params, progress, context, better=True, reference=REFERENCE, title="Ch06 better LSTM LM")
