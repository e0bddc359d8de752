"""ch03-simple-word2vec: the simple CBOW and skip-gram trained on the toy sentence with Adam."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from experiments.common.book_params import batch_size, epochs, hidden_size, learning_rate, seeds, window_size
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, format_spread, rounded, spread
from experiments.spec import Column, text
from experiments.tiers import TieredSpec

CBOW, SKIP_GRAM = "cbow", "skip-gram"

SPEC = TieredSpec(
    id="ch03-simple-word2vec",
    chapter=3,
    title="Ch03 simple CBOW and skip-gram on the toy sentence",
    summary=(
        "Trains the book's SimpleCBOW (predict a word from the mean of its neighbours' "
        "vectors) and SimpleSkipGram (predict the neighbours from the word) on \"You say "
        "goodbye and I say hello.\" with one-hot inputs, a full softmax and Adam: window 1, "
        "5 hidden units, batch 3, 1000 epochs. The loss cannot reach 0 (\"say\" is followed "
        "by two different words); the learned vectors are W_in's rows."
    ),
    answers=(r"\bcbow\b", r"\bskip[- _]?gram\b", r"\bword2vec\b", r"\bsimple_?cbow\b", r"\bsimple_?skip_?gram\b"),
    params=(
        text("models", (CBOW, SKIP_GRAM), "model", "which models to train", choices=(CBOW, SKIP_GRAM), many=True,
             words=("models", "model")),
        window_size(1, 3), hidden_size(5, 50), batch_size(3, 6), epochs(1000, 10_000),
        learning_rate(0.001, 1.0, "Adam learning rate"), seeds(3),
    ),
    concepts=("word2vec", "cbow", "skip-gram", "word vector"),
    columns=(Column("model", "model"), Column("epochs", "epochs"),
             Column("loss", "final loss (mean ± std)", "spread"), Column("nearest", "nearest to 'you' (seed 0)")),
)


@dataclass(frozen=True)
class Task:
    model: str
    seed: int
    params: dict
    device: str


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.tasks import run_tasks

    models = tuple(params["models"])
    tasks = [Task(m, s, dict(params), context.device) for m in models for s in range(params["n_seeds"])]
    trained = run_tasks(train_one, tasks, context, progress)
    by_model = {m: [t for task, t in zip(tasks, trained) if task.model == m] for m in models}
    rows = [_row(m, outcomes, params) for m, outcomes in by_model.items()]
    metrics = {
        "seeds": list(range(params["n_seeds"])),
        "device": context.device,
        "settings": rows,
        "headline": "; ".join(f"{row['model']} final loss {format_spread(row['loss'])}" for row in rows),
    }
    figures = (
        FigureFile("loss.svg", f"Loss per epoch, mean ± std over {params['n_seeds']} seeds (window "
                   f"{params['window_size']}, hidden {params['hidden_size']}, batch {params['batch_size']}, Adam "
                   f"lr {params['lr']:g}).", _loss_figure(by_model)),
        FigureFile("vectors.svg", "The learned word vectors (W_in's rows) of seed 0, one row per word.",
                   _vectors_figure(by_model)),
    )
    note = "Mean ± std over seeds 0..n-1; the toy sentence gives 6 training examples."
    return Result(rounded(metrics), figures, Table(SPEC.columns, tuple(rows), note))


def train_one(task: Task, progress=None) -> dict:
    """One model, one seed: its loss per epoch, word vectors and nearest words to "you"."""
    from experiments.common.tasks import iterations
    from experiments.datasets.toy import toy_corpus
    from experiments.models.backend import make_rng, to_numpy
    from experiments.models.count_based import most_similar
    from experiments.models.optim import Adam
    from experiments.models.training import fit
    from experiments.models.word2vec import SimpleCBOW, SimpleSkipGram, contexts_and_targets, one_hot

    xp = RunContext(device=task.device).array_module()
    toy, p = toy_corpus(), task.params
    contexts, target = contexts_and_targets(toy.ids, p["window_size"])
    V = toy.vocab_size
    if task.model == CBOW:
        model, x, t = SimpleCBOW(V, p["hidden_size"], p["window_size"], rng=make_rng(xp, task.seed), xp=xp), \
            one_hot(contexts, V), target
    else:
        model, x, t = SimpleSkipGram(V, p["hidden_size"], p["window_size"], rng=make_rng(xp, task.seed), xp=xp), \
            contexts, one_hot(target, V)
    history = fit(model, Adam(p["lr"], xp=xp), x, t, epochs=p["epochs"], batch_size=p["batch_size"],
                  seed=task.seed, xp=xp, progress=iterations(progress))
    vectors = to_numpy(model.word_vecs)
    nearest = most_similar("you", toy.word_to_id, toy.id_to_word, vectors, top=3)
    return {"losses": list(history.epoch_losses), "vectors": vectors, "words": list(toy.id_to_word),
            "nearest": ", ".join(f"{n.word} {n.similarity:.2f}" for n in nearest)}


def _row(model: str, outcomes: list[dict], params: Mapping) -> dict:
    return {"model": model, "epochs": params["epochs"], "loss": spread([o["losses"][-1] for o in outcomes]),
            "nearest": outcomes[0]["nearest"]}


def _loss_figure(by_model: dict) -> bytes:
    import numpy as np

    from experiments.common import charts

    series = [charts.Series(m, np.arange(1, len(o[0]["losses"]) + 1), charts.seeds_last([x["losses"] for x in o]))
              for m, o in by_model.items()]
    return charts.curves_svg("Ch03 simple word2vec on the toy sentence", "epoch", "loss (cross-entropy)", series)


def _vectors_figure(by_model: dict) -> bytes:
    from experiments.common import charts

    panels = []
    for model, outcomes in by_model.items():
        vectors = outcomes[0]["vectors"]
        panels.append((model, vectors, outcomes[0]["words"], [str(i) for i in range(vectors.shape[1])]))
    return charts.heatmaps_svg("Ch03 learned word vectors (seed 0)", panels, (3.2 * len(panels) + 0.6, 3.0))
