"""ch07-seq2seq: an encoder-decoder learns to add, with the book's two improvements."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import batch_size, epochs, hidden_size, learning_rate, max_grad, seeds, \
    wordvec_size
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, format_spread, rounded, spread
from experiments.spec import Column, integer, text
from experiments.tiers import TieredSpec

PLAIN, REVERSED, PEEKY = "plain", "reversed", "reversed-peeky"
VARIANTS = {PLAIN: ("plain", False), REVERSED: ("plain", True), PEEKY: ("peeky", True)}  # model, reversed input

SPEC = TieredSpec(
    id="ch07-seq2seq",
    chapter=7,
    title="Ch07 seq2seq on addition: reversed input, peeky decoder",
    summary=(
        "Trains the book's encoder-decoder on 50,000 generated addition problems such as "
        "\"16+75\" -> \"91\", one character at a time (45,000 to train, 5,000 held out): "
        "word vectors of 16, an LSTM of 128, batch 128, Adam, gradients clipped at 5, 25 "
        "epochs. Then again with the question reversed, and with reversed questions and the "
        "peeky decoder, which hands the encoder's summary to every decoder step. The book "
        "reports about 10 %, 50 % and close to 100 % of the held-out answers exactly right."
    ),
    answers=(r"\bseq2seq\b", r"\baddition\b", r"\bpeeky\b", r"\brevers\w* (?:the )?(?:input|question)s?\b",
             r"\bencoder[- ]decoder\b", r"\btrain_seq2seq\.py\b"),
    params=(text("variants", (PLAIN, REVERSED, PEEKY), "variant", "models to train: plain, reversed (input), "
                 "reversed-peeky", choices=tuple(VARIANTS), many=True, words=("variants",)),
            integer("problems", 50_000, "problems", "generated problems (a tenth held out)", 1_000, 200_000,
                    words=("problems", "examples")),
            wordvec_size(16, 256), hidden_size(128, 512), batch_size(128, 1000),
            learning_rate(0.001, 1.0, "Adam learning rate"), max_grad(5.0), epochs(25, 100), seeds(1)),
    concepts=("seq2seq", "encoder-decoder", "peeky decoder", "teacher forcing"),
    columns=(Column("variant", "variant"), Column("epochs", "epochs"),
             Column("accuracy", "held-out answers exactly right (mean ± std)", "percent"),
             Column("book", "the book"), Column("examples", "example answers (seed 0)")),
)

BOOK = {PLAIN: "about 10 %", REVERSED: "about 50 %", PEEKY: "close to 100 %"}


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.seq2seq_runs import Seq2seqTask, example_text, train_seq2seq
    from experiments.common.tasks import run_tasks

    variants = [v for v in VARIANTS if v in params["variants"]]
    tasks = [Seq2seqTask("addition", VARIANTS[v][0], VARIANTS[v][1], seed, dict(params), context.device)
             for v in variants for seed in range(params["n_seeds"])]
    trained = run_tasks(train_seq2seq, tasks, context, progress)
    by_variant = {v: [t for task, t in zip(tasks, trained) if (task.model, task.reversed) == VARIANTS[v]]
                  for v in variants}
    rows = [{"variant": v, "epochs": params["epochs"], "accuracy": spread([o["accuracy"][-1] for o in outcomes]),
             "book": BOOK[v], "examples": example_text(outcomes[0]["examples"])} for v, outcomes in by_variant.items()]
    held_out = params["problems"] // 10
    metrics = {
        "data": f"{params['problems']:,} generated addition problems, {held_out:,} held out",
        "seeds": list(range(params["n_seeds"])), "device": context.device, "settings": rows,
        "headline": "; ".join(f"{r['variant']} {format_spread(r['accuracy'], percent=True)}" for r in rows),
    }
    caption = (f"Share of the {held_out:,} held-out problems answered exactly right after each epoch, mean ± std "
               f"over {params['n_seeds']} seed(s).")
    figure = FigureFile("accuracy.svg", caption, _figure(by_variant))
    note = (f"Trained on {params['problems'] - held_out:,} generated problems of up to 3-digit numbers, scored on "
            f"{held_out:,} others. The book's figures are for its own 50,000-line addition.txt.")
    return Result(rounded(metrics), (figure,), Table(SPEC.columns, tuple(rows), note))


def _figure(by_variant: dict) -> bytes:
    import numpy as np

    from experiments.common import charts

    series = [charts.Series(v, np.arange(1, len(o[0]["accuracy"]) + 1),
                            100 * charts.seeds_last([x["accuracy"] for x in o])) for v, o in by_variant.items()]
    return charts.curves_svg("Ch07 seq2seq on addition", "epoch", "held-out accuracy (%)", series)
