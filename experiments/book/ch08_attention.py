"""ch08-attention: attention seq2seq converts dates written many ways to ISO, with its heat maps."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import batch_size, epochs, hidden_size, learning_rate, max_grad, seeds, \
    wordvec_size
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, format_spread, rounded, spread
from experiments.spec import Column, integer
from experiments.tiers import TieredSpec

SPEC = TieredSpec(
    id="ch08-attention",
    chapter=8,
    title="Ch08 attention seq2seq on date-format conversion",
    summary=(
        "Trains the book's attention seq2seq on 50,000 generated dates written in many "
        "formats (\"September 27, 1994\", \"9/27/94\", \"27 SEP 1994\", ...) to be rewritten as "
        "ISO dates (\"1994-09-27\"), questions reversed: word vectors of 16, an LSTM of 256, "
        "batch 128, Adam, gradients clipped at 5, 10 epochs. The decoder looks back at every "
        "encoder state; its weights, drawn as heat maps, show each part of the ISO date "
        "attending to the year, month or day it came from. The book's published weights "
        "convert 100 % of its 5,000 held-out dates."
    ),
    answers=(r"\battention\b", r"\bdates?\b", r"\bdate[- ]format", r"\bheat ?maps?\b",
             r"\btrain_attention\.py\b", r"\bch0?8/train\.py\b"),
    params=(integer("problems", 50_000, "problems", "generated dates (a tenth held out)", 1_000, 200_000,
                    words=("problems", "examples", "dates")),
            wordvec_size(16, 256), hidden_size(256, 1024), batch_size(128, 1000),
            learning_rate(0.001, 1.0, "Adam learning rate"), max_grad(5.0), epochs(10, 100), seeds(1)),
    concepts=("attention", "seq2seq", "attention weights"),
    columns=(Column("model", "model"), Column("epochs", "epochs"),
             Column("accuracy", "held-out dates exactly right (mean ± std)", "percent"),
             Column("book", "the book"), Column("examples", "example answers (seed 0)")),
)

BOOK = "100 % of 5,000 held-out dates (its published weights)"


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.seq2seq_runs import Seq2seqTask, example_text, train_seq2seq
    from experiments.common.tasks import run_tasks

    tasks = [Seq2seqTask("dates", "attention", True, seed, dict(params), context.device)
             for seed in range(params["n_seeds"])]
    trained = run_tasks(train_seq2seq, tasks, context, progress)
    accuracy = spread([t["accuracy"][-1] for t in trained])
    row = {"model": "attention, reversed input", "epochs": params["epochs"], "accuracy": accuracy, "book": BOOK,
           "examples": example_text(trained[0]["examples"])}
    held_out = params["problems"] // 10
    metrics = {
        "data": f"{params['problems']:,} generated dates, {held_out:,} held out",
        "seeds": list(range(params["n_seeds"])), "device": context.device, "settings": [row],
        "headline": f"attention: {format_spread(accuracy, percent=True)} of {held_out:,} held-out dates right",
    }
    figures = (
        FigureFile("accuracy.svg", f"Share of the {held_out:,} held-out dates converted exactly right after each "
                   f"epoch, mean ± std over {params['n_seeds']} seed(s).", _accuracy_figure(trained)),
        FigureFile("attention.svg", "Attention weights of seed 0's model for held-out dates: each row an output "
                   "character, each column an input character (darker: more weight), the input as written.",
                   _attention_figure(trained[0]["attention"])),
    )
    note = (f"Trained on {params['problems'] - held_out:,} generated dates from 1970 to 2017, scored on "
            f"{held_out:,} others. The book's figure is for its own date.txt.")
    return Result(rounded(metrics), figures, Table(SPEC.columns, (row,), note))


def _accuracy_figure(trained: list[dict]) -> bytes:
    import numpy as np

    from experiments.common import charts

    accuracy = 100 * charts.seeds_last([t["accuracy"] for t in trained])
    series = [charts.Series("attention seq2seq", np.arange(1, len(accuracy) + 1), accuracy)]
    return charts.curves_svg("Ch08 attention on dates", "epoch", "held-out accuracy (%)", series)


def _attention_figure(maps: list[dict]) -> bytes:
    from experiments.common import charts

    panels = []
    for found in maps:
        used = len("".join(found["question"]).rstrip())  # the padding gets no column
        panels.append(("".join(found["question"]).strip(), found["weights"][:, :used], found["answer"],
                       found["question"][:used]))
    return charts.heatmaps_svg("Ch08 attention weights", panels, (4.2 * len(panels), 3.4))
