"""ch05-rnnlm: the simple RNN language model with truncated BPTT on the first 1,000 words of a corpus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from experiments.common.book_params import batch_size, epochs, hidden_size, learning_rate, seeds, time_size, \
    wordvec_size
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, format_spread, rounded, spread
from experiments.spec import Column, integer
from experiments.tiers import TieredSpec

SPEC = TieredSpec(
    id="ch05-rnnlm",
    chapter=5,
    title="Ch05 RNN language model with truncated BPTT",
    summary=(
        "Trains the book's SimpleRnnlm (embedding, tanh RNN, affine, softmax) on the first "
        "1,000 words of a corpus with truncated backpropagation through time: batch 10, "
        "word vectors and hidden state of 100, 5 time steps, SGD with lr 0.1, 100 epochs. "
        "The curve is the training perplexity, which falls from about the vocabulary size "
        "as the model learns (and, on so few words, memorises) the text."
    ),
    answers=(r"\brnn ?lm\b", r"\bsimple_?rnnlm\b", r"\brnn language model\b", r"\btruncated bptt\b", r"\bbptt\b",
             r"\btrain_custom_loop\.py\b", r"\btrain\.py\b"),
    params=(integer("corpus_size", 1000, "words", "training words: the first N of the corpus", 100, 100_000,
                    words=("corpus size", "corpus_size", "first tokens", "tokens", "words")),
            batch_size(10, 100), wordvec_size(100, 500), hidden_size(100, 500), time_size(5),
            learning_rate(0.1, 100.0, "SGD learning rate"), epochs(100, 1000), seeds(3)),
    concepts=("rnn", "truncated bptt", "perplexity", "language model"),
    columns=(Column("corpus", "corpus"), Column("words", "training words"), Column("vocabulary", "vocabulary"),
             Column("epochs", "epochs"), Column("perplexity", "final training perplexity (mean ± std)", "spread"),
             Column("true", "true perplexity of these words"), Column("unigram", "unigram perplexity")),
    uses_corpus=True,
)


@dataclass(frozen=True)
class Task:
    seed: int
    params: dict
    ids: object  # the training ids
    device: str


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.language_models import perplexity_levels
    from experiments.common.tasks import run_tasks
    from experiments.common.text_corpus import load_corpus, short_name

    corpus = load_corpus(context, max(params["corpus_size"], 2_000))
    ids = corpus.train[: params["corpus_size"]]
    tasks = [Task(seed, dict(params), ids, context.device) for seed in range(params["n_seeds"])]
    trained = run_tasks(train_one, tasks, context, progress)
    final = spread([t[-1] for t in trained])
    true = corpus.true_perplexity(ids)
    row = {"corpus": short_name(corpus), "words": len(ids), "vocabulary": int(ids.max()) + 1,
           "epochs": params["epochs"], "perplexity": final, "true": "–" if true is None else f"{true:.2f}",
           "unigram": f"{corpus.unigram_perplexity(ids):.1f}"}
    metrics = {
        "corpus": corpus.metrics(),
        "seeds": list(range(params["n_seeds"])),
        "device": context.device,
        "perplexity_per_epoch": [spread(values) for values in zip(*trained)],
        "true_perplexity_of_training_words": true,
        "headline": f"{short_name(corpus)}: training perplexity {format_spread(final)} after {params['epochs']} "
                    f"epochs" + ("" if true is None else f" (true perplexity of these words {true:.2f})"),
    }
    caption = (f"Training perplexity per epoch on the first {len(ids):,} words of {corpus.name}, mean ± std over "
               f"{len(trained)} seeds; batch {params['batch_size']}, {params['time_size']} time steps, "
               f"lr {params['lr']:g}.")
    figure = FigureFile("perplexity.svg", caption, _figure(trained, perplexity_levels(corpus, ids), corpus))
    note = ("Perplexity on the words trained on, as the book plots it. A model can fall below the true perplexity "
            "here by memorising so few words; held-out perplexity is chapter 6's." if not corpus.is_ptb else
            "Perplexity on the words trained on, as the book plots it.")
    return Result(rounded(metrics), (figure,), Table(SPEC.columns, (row,), note))


def train_one(task: Task, progress=None) -> list[float]:
    """One seed: its training perplexity per epoch."""
    from experiments.common.tasks import iterations
    from experiments.models.backend import make_rng
    from experiments.models.optim import SGD
    from experiments.models.rnnlm import SimpleRnnlm
    from experiments.models.training import fit_rnnlm

    p = task.params
    xp = RunContext(device=task.device).array_module()
    model = SimpleRnnlm(int(task.ids.max()) + 1, p["wordvec_size"], p["hidden_size"], rng=make_rng(xp, task.seed),
                        xp=xp)
    history = fit_rnnlm(model, SGD(p["lr"]), task.ids, epochs=p["epochs"], batch_size=p["batch_size"],
                        time_size=p["time_size"], seed=task.seed, xp=xp, progress=iterations(progress))
    return list(history.epoch_perplexities)


def _figure(trained, levels, corpus) -> bytes:
    import numpy as np

    from experiments.common import charts
    from experiments.common.text_corpus import short_name

    curves = charts.seeds_last(trained)
    series = [charts.Series("SimpleRnnlm (training text)", np.arange(1, len(curves) + 1), curves)]
    return charts.curves_svg(f"Ch05 RNNLM on {short_name(corpus)}", "epoch", "perplexity", series, levels,
                             log_y=True)
