"""ch06-lstm-lm: the book's LSTM language model (Rnnlm) on a corpus, perplexity per epoch and sampled text."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import (LSTM_LM_COLUMNS, batch_size, epochs, hidden_size, learning_rate,
                                            max_grad, seeds, stand_in_words, time_size, wordvec_size)
from experiments.context import RunContext
from experiments.result import Result
from experiments.tiers import TieredSpec

REFERENCE = ("the book's published weights reach ≈ 136", 136.0)

SPEC = TieredSpec(
    id="ch06-lstm-lm",
    chapter=6,
    title="Ch06 LSTM language model",
    summary=(
        "Trains the book's Rnnlm (embedding, one LSTM layer, affine, softmax) with its "
        "train_rnnlm.py settings: word vectors and hidden state of 100, batch 20, 35 time "
        "steps, SGD with lr 20, gradients clipped at 0.25, 4 epochs; then scores the test "
        "text and samples some words from it. The book's published weights reach a test "
        "perplexity of about 136 on PTB. Without PTB it runs on the generated stand-in, and "
        "the page shows the stand-in's true perplexity, the limit no model beats."
    ),
    answers=(r"^(?!.*\b(?:better|dropout|weight[- ]tying|tied)\b).*\blstm\b", r"\btrain_rnnlm\.py\b",
             r"\bgated rnn\b"),
    params=(batch_size(20, 200), wordvec_size(100, 1000), hidden_size(100, 1000), time_size(35),
            learning_rate(20.0, 100.0, "SGD learning rate"), max_grad(0.25), epochs(4, 100), seeds(2),
            stand_in_words(200_000)),
    concepts=("lstm", "perplexity", "language model", "gradient clipping"),
    columns=LSTM_LM_COLUMNS,
    uses_corpus=True,
)


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.lstm_lm_page import run_lm

    return run_lm(params, progress, context, better=False, reference=REFERENCE, title="Ch06 LSTM LM")
