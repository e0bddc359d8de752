"""ch02-count-toy: co-occurrence, cosine similarity, PPMI and SVD on "You say goodbye and I say hello."."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import window_size
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, rounded
from experiments.spec import Column
from experiments.tiers import TieredSpec

# A line about counting that names PTB is the corpus experiment's (ch02_count_corpus).
NOT_PTB = r"^(?!.*\b(?:ptb|penn treebank|count_method_big)\b)"

SPEC = TieredSpec(
    id="ch02-count-toy",
    chapter=2,
    title="Ch02 count-based word vectors on the toy sentence",
    summary=(
        "Counts which words occur next to which in \"You say goodbye and I say hello.\" "
        "(the co-occurrence matrix), compares the rows by cosine similarity, turns the "
        "counts into positive pointwise mutual information (PPMI) and reduces it to two "
        "dimensions with SVD. The table holds the book's printed values beside this code's."
    ),
    answers=(
        NOT_PTB + r".*\b(?:co-?occurrence|cosine[- ]similarity|most[_ ]similar|ppmi|count[- ]based"
                  r"|toy (?:corpus|sentence)|count_method_small)",
    ),
    params=(window_size(1, 3),),
    concepts=("co-occurrence matrix", "cosine similarity", "ppmi", "svd"),
    columns=(Column("quantity", "quantity"), Column("value", "this run"), Column("book", "the book prints")),
)

QUERY = "you"


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    import numpy as np

    from experiments.datasets.toy import toy_corpus
    from experiments.models import count_based as cb
    from experiments.models.backend import to_numpy

    xp = context.array_module()
    toy = toy_corpus()
    counts = cb.co_occurrence_matrix(toy.ids, toy.vocab_size, params["window_size"], xp=xp)
    ppmi = cb.ppmi(counts, xp=xp)
    svd = cb.truncated_svd(ppmi, 2, xp=xp)
    ids = toy.word_to_id
    neighbours = cb.most_similar(QUERY, ids, toy.id_to_word, counts.astype(xp.float32), top=5, xp=xp)
    rows = [
        _row("cos(you, i), co-occurrence rows", f"{float(cb.cosine_similarity(counts[ids['you']], counts[ids['i']], xp)):.4f}",
             "0.7071 (window 1)"),
        _row("most similar to you", _listed(neighbours), "goodbye, i, hello 0.7071; say, and 0.0 (window 1)"),
        _row("PPMI(you, say)", f"{float(ppmi[ids['you'], ids['say']]):.4f}", "1.807 (window 1)"),
        _row("singular values of PPMI (first 2)", ", ".join(f"{v:.4f}" for v in to_numpy(svd.S)),
             "not printed"),
    ]
    words = list(toy.id_to_word)
    metrics = {
        "window_size": params["window_size"],
        "co_occurrence": to_numpy(counts).tolist(),
        "ppmi": np.round(to_numpy(ppmi), 3).tolist(),
        "headline": f"most similar to '{QUERY}': {_listed(neighbours[:3])}",
    }
    figures = (
        FigureFile("matrices.svg", "The co-occurrence counts and their PPMI, word by word "
                   f"(window {params['window_size']}).", _matrices(to_numpy(counts), to_numpy(ppmi), words)),
        FigureFile("svd.svg", "Each word at its first two SVD coordinates of the PPMI matrix "
                   "(U's first two columns; the book's figure 2-11).", _scatter(to_numpy(svd.U), words)),
    )
    note = "The toy sentence has 7 words; the book's values are for window 1."
    return Result(rounded(metrics), figures, Table(SPEC.columns, tuple(rows), note))


def _row(quantity: str, value: str, book: str) -> dict:
    return {"quantity": quantity, "value": value, "book": book}


def _listed(neighbours) -> str:
    return ", ".join(f"{n.word} {n.similarity:.4f}" for n in neighbours)


def _matrices(counts, ppmi, words) -> bytes:
    from experiments.common import charts

    panels = [("co-occurrence counts", counts, words, words), ("PPMI", ppmi, words, words)]
    return charts.heatmaps_svg("Ch02 toy sentence: counts and PPMI", panels, (7.0, 3.4))


def _scatter(U, words) -> bytes:
    from experiments.common import charts

    return charts.scatter_words_svg("Ch02 toy sentence: PPMI + SVD, 2 dimensions", U[:, :2], words)
