"""ch04-word2vec: CBOW with an Embedding layer and negative sampling on a corpus; nearest words and analogies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from experiments.common.book_params import (batch_size, epochs, hidden_size, learning_rate, seeds, stand_in_words,
                                            window_size)
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, format_spread, rounded, spread
from experiments.spec import Column, integer
from experiments.tiers import HEAVY, TieredSpec

SPEC = TieredSpec(
    id="ch04-word2vec",
    chapter=4,
    title="Ch04 word2vec: CBOW with negative sampling",
    summary=(
        "Trains the book's faster CBOW (an Embedding lookup instead of one-hot products, "
        "negative sampling instead of a softmax over every word) with window 5, 100 hidden "
        "units, batch 100, 10 epochs and Adam, then lists each query word's nearest words "
        "and answers analogies such as king - man + woman. On PTB when the settings name it "
        "(1 to 2.5 CPU-hours per seed), else on the generated stand-in corpus, whose planted "
        "analogies (king : queen = man : woman, cat : cats = dog : dogs) are scored."
    ),
    answers=(r"\bcbow\b", r"\bnegative[- ]sampling\b", r"\bword2vec\b", r"\bembedding layer\b",
             r"\banalog(?:y|ies)\b", r"\btrain\.py\b",
             r"\beval\.py\b"),  # the book's ch04/eval.py prints the nearest words and analogies the run lists
    params=(window_size(5, 10), hidden_size(100, 300), batch_size(100, 1000), epochs(10, 50),
            learning_rate(0.001, 1.0, "Adam learning rate"),
            integer("sample_size", 5, "negatives", "negative samples per target", 1, 20,
                    words=("sample size", "sample_size", "negative samples")),
            seeds(1), stand_in_words(200_000)),
    concepts=("word2vec", "cbow", "negative sampling", "embedding", "word analogy"),
    columns=(Column("query", "query"), Column("answer", "nearest words (cosine), seed 0"), Column("score", "score")),
    reports=("loss",),  # the final loss in the headline, the loss per epoch in its figure
    tier=HEAVY,
    cost="1 to 2.5 CPU-hours per seed on PTB, about a minute on the stand-in",
    uses_corpus=True,
)

PTB_QUERIES = ("you", "year", "car", "toyota")
STAND_IN_QUERIES = ("cat", "king", "apple", "eats")
PTB_ANALOGIES = (("man", "king", "woman"), ("take", "took", "go"), ("car", "cars", "child"), ("good", "better", "bad"))
STAND_IN_ANALOGIES = (("man", "king", "woman"), ("cat", "cats", "dog"), ("apple", "apples", "pear"))
PLANTED = ("gender", "animal_number", "food_number")


@dataclass(frozen=True)
class Task:
    seed: int
    params: dict
    train: object  # the training ids (a NumPy array)
    vocab_size: int
    device: str
    checkpoint: Path | None


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.tasks import run_tasks
    from experiments.common.text_corpus import load_corpus

    corpus = load_corpus(context, params["stand_in_words"])
    tasks = [Task(seed, dict(params), corpus.train, corpus.vocab_size, context.device,
                  context.checkpoints / f"seed-{seed}.npz" if context.checkpoints else None)
             for seed in range(params["n_seeds"])]
    trained = run_tasks(train_one, tasks, context, progress)
    vectors = trained[0]["vectors"]
    rows = _query_rows(corpus, vectors) + _analogy_rows(corpus, vectors)
    scores = [_planted_scores(corpus, t["vectors"]) for t in trained]
    rows += [{"query": f"planted {relation} analogies, top-1 accuracy", "answer": f"{len(scores)} seed(s)",
              "score": format_spread(spread([s[relation] for s in scores]), percent=True)}
             for relation in (scores[0] if scores[0] else {})]
    metrics = {
        "corpus": corpus.metrics(),
        "seeds": list(range(params["n_seeds"])),
        "device": context.device,
        "final_loss": spread([t["losses"][-1] for t in trained]),
        "planted_analogy_accuracy": {r: spread([s[r] for s in scores]) for r in (scores[0] or {})},
        "headline": _headline(corpus, rows, trained),
    }
    figure = FigureFile("loss.svg", f"Loss per epoch (negative sampling), mean ± std over {len(trained)} seed(s), "
                        f"on {corpus.name}.", _loss_figure(trained, corpus))
    note = (f"Trained on {len(corpus.train):,} words of {corpus.name}. Analogy a : b = c : ? is answered by the "
            "words nearest to b - a + c." + ("" if corpus.is_ptb else " The stand-in's analogies are planted by "
                                             "its grammar; its figures are not PTB's."))
    return Result(rounded(metrics), (figure,), Table(SPEC.columns, tuple(rows), note))


def train_one(task: Task, progress=None) -> dict:
    from experiments.common.tasks import iterations
    from experiments.models.backend import make_rng, to_numpy
    from experiments.models.optim import Adam
    from experiments.models.training import fit
    from experiments.models.word2vec import CBOW, contexts_and_targets

    p = task.params
    xp = RunContext(device=task.device).array_module()
    contexts, target = contexts_and_targets(task.train, p["window_size"])
    model = CBOW(task.vocab_size, p["hidden_size"], xp.asarray(task.train), p["sample_size"],
                 rng=make_rng(xp, task.seed), xp=xp)
    history = fit(model, Adam(p["lr"], xp=xp), contexts, target, epochs=p["epochs"], batch_size=p["batch_size"],
                  seed=task.seed, xp=xp, progress=iterations(progress), checkpoint=task.checkpoint)
    return {"losses": list(history.epoch_losses), "vectors": to_numpy(model.word_vecs)}


def _query_rows(corpus, vectors) -> list[dict]:
    from experiments.models.count_based import most_similar

    queries = [q for q in (PTB_QUERIES if corpus.is_ptb else STAND_IN_QUERIES) if q in corpus.word_to_id]
    return [{"query": f"nearest to {q}", "answer": _words(most_similar(q, corpus.word_to_id, corpus.id_to_word,
                                                                        vectors, top=5)), "score": ""}
            for q in queries]


def _analogy_rows(corpus, vectors) -> list[dict]:
    from experiments.models.count_based import analogy

    rows = []
    for a, b, c in (PTB_ANALOGIES if corpus.is_ptb else STAND_IN_ANALOGIES):
        if all(w in corpus.word_to_id for w in (a, b, c)):
            found = analogy(a, b, c, corpus.word_to_id, corpus.id_to_word, vectors, top=5)
            rows.append({"query": f"{b} - {a} + {c}", "answer": _words(found), "score": ""})
    return rows


def _planted_scores(corpus, vectors) -> dict[str, float]:
    """Top-1 accuracy over every planted analogy of each relation (stand-in only)."""
    if corpus.stand_in is None:
        return {}
    from experiments.datasets.grammar import analogies
    from experiments.models.count_based import analogy

    scores = {}
    for relation in PLANTED:
        quads = list(analogies(relation))
        hits = [analogy(q.a, q.b, q.c, corpus.word_to_id, corpus.id_to_word, vectors, top=1)[0].word == q.d
                for q in quads]
        scores[relation] = sum(hits) / len(hits)
    return scores


def _words(neighbours) -> str:
    return ", ".join(f"{n.word} {n.similarity:.2f}" for n in neighbours)


def _headline(corpus, rows, trained) -> str:
    from experiments.common.text_corpus import short_name

    loss = format_spread(spread([t["losses"][-1] for t in trained]))
    analogy = next((r for r in rows if " - " in r["query"]), None)
    said = f"; {analogy['query']} -> {analogy['answer'].split(',')[0]}" if analogy else ""
    return f"{short_name(corpus)}: final loss {loss}{said}"


def _loss_figure(trained, corpus) -> bytes:
    import numpy as np

    from experiments.common import charts
    from experiments.common.text_corpus import short_name

    losses = charts.seeds_last([t["losses"] for t in trained])
    series = [charts.Series("CBOW, negative sampling", np.arange(1, len(losses) + 1), losses)]
    return charts.curves_svg(f"Ch04 word2vec on {short_name(corpus)}", "epoch", "loss", series)
