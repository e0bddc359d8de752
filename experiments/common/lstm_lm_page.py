"""The page of a chapter-6 LSTM language model, plain or better: its tasks, table and figure."""

from __future__ import annotations

from typing import Mapping

import numpy as np

from experiments.common import charts
from experiments.common.language_models import LmTask, perplexity_levels, train_lm
from experiments.common.tasks import run_tasks
from experiments.common.text_corpus import TextCorpus, load_corpus, short_name
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, format_spread, rounded, spread
from experiments.common.book_params import LSTM_LM_COLUMNS
START_WORDS = {"ptb": "you", "stand-in": "the"}


def run_lm(params: Mapping, progress, context: RunContext, better: bool, reference: tuple[str, float],
           title: str) -> Result:
    corpus = load_corpus(context, params["stand_in_words"])
    start = START_WORDS["ptb" if corpus.is_ptb else "stand-in"]
    tasks = [LmTask(seed, better, dict(params), corpus.train, corpus.valid, corpus.test, corpus.id_to_word, start,
                    context.device, context.checkpoints / f"seed-{seed}.npz" if context.checkpoints else None)
             for seed in range(params["n_seeds"])]
    trained = run_tasks(train_lm, tasks, context, progress)
    test = spread([t["test"] for t in trained])
    true = corpus.true_perplexity(corpus.test)
    row = {"corpus": short_name(corpus), "epochs": params["epochs"], "test": test,
           "true": "–" if true is None else f"{true:.2f}", "unigram": f"{corpus.unigram_perplexity(corpus.test):.1f}",
           "reference": f"{reference[0]} (PTB test text)", "sample": trained[0]["sample"]}
    metrics = {
        "corpus": corpus.metrics(), "seeds": list(range(params["n_seeds"])), "device": context.device,
        "test_perplexity": test, "true_test_perplexity": true,
        "valid_perplexity_per_epoch": [spread(v) for v in zip(*(t["valid"] for t in trained))],
        "samples": [t["sample"] for t in trained],
        "headline": f"{short_name(corpus)}: test perplexity {format_spread(test)}"
                    + (f" (true {true:.2f})" if true is not None else f" (the book: {reference[1]:g})"),
    }
    caption = (f"Training and validation perplexity per epoch on {corpus.name}, mean ± std over {len(trained)} "
               f"seed(s); " + ("the dashed line is the stand-in's true perplexity, which no model beats."
                               if true is not None else f"the dash-dotted line is the book's {reference[1]:g}."))
    figure = FigureFile("perplexity.svg", caption, _figure(title, trained, corpus, reference))
    return Result(rounded(metrics), (figure,), Table(LSTM_LM_COLUMNS, (row,), _note(corpus, reference)))


def _note(corpus: TextCorpus, reference: tuple[str, float]) -> str:
    said = f"The book on PTB: {reference[0]}."
    if corpus.is_ptb:
        return f"Trained on PTB's {len(corpus.train):,} training words, scored on its {len(corpus.test):,} test words. {said}"
    return (f"Trained on {len(corpus.train):,} words of the generated stand-in corpus, scored on {len(corpus.test):,} "
            f"more: not PTB, so not comparable with the book's figure. {said} The stand-in's true perplexity is "
            "the floor; the unigram perplexity is what a model without context gets.")


def _figure(title: str, trained: list[dict], corpus: TextCorpus, reference: tuple[str, float]) -> bytes:
    epochs = np.arange(1, len(trained[0]["train"]) + 1)
    series = [charts.Series("training", epochs, charts.seeds_last([t["train"] for t in trained])),
              charts.Series("validation", epochs, charts.seeds_last([t["valid"] for t in trained]))]
    levels = perplexity_levels(corpus, corpus.test, reference)
    return charts.curves_svg(f"{title} on {short_name(corpus)}", "epoch", "perplexity", series, levels, log_y=True)
