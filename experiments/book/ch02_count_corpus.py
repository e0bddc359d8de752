"""ch02-count-corpus: PPMI + SVD word vectors of a real corpus (PTB, else the stand-in) and their nearest words."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import stand_in_words, window_size, wordvec_size
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, rounded
from experiments.spec import Column
from experiments.tiers import TieredSpec

COUNTING = r"(?:ppmi|svd|co-?occurrence|count[- ]based|most[_ ]similar)"
CORPUS = r"(?:ptb|penn treebank)"

SPEC = TieredSpec(
    id="ch02-count-corpus",
    chapter=2,
    title="Ch02 count-based word vectors of a corpus: PPMI + SVD",
    summary=(
        "Counts co-occurrences in a window over a whole corpus, turns them into PPMI and "
        "keeps the first dimensions of a randomized SVD as word vectors (the book's "
        "count_method_big.py), then lists each query word's nearest words by cosine. On "
        "PTB when the settings name it; otherwise on the generated stand-in corpus, whose "
        "planted word classes say how many neighbours are right."
    ),
    answers=(r"\bcount_method_big\b", rf"\b{COUNTING}\b.*\b{CORPUS}\b", rf"\b{CORPUS}\b.*\b{COUNTING}\b"),
    params=(window_size(2, 10), wordvec_size(100, 300), stand_in_words(200_000)),
    concepts=("ppmi", "svd", "cosine similarity", "distributional hypothesis"),
    columns=(Column("query", "query"), Column("nearest", "nearest words (cosine)"),
             Column("same_class", "share in the query's planted class")),
    uses_corpus=True,
)

PTB_QUERIES = ("you", "year", "car", "toyota")  # the book's
STAND_IN_QUERIES = ("cat", "king", "apple", "eats", "garden")
TOP = 5


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    from experiments.common.text_corpus import load_corpus, short_name
    from experiments.models import count_based as cb
    from experiments.models.backend import make_rng, to_numpy

    xp = context.array_module()
    corpus = load_corpus(context, params["stand_in_words"])
    counts = cb.co_occurrence_matrix(corpus.train, corpus.vocab_size, params["window_size"], xp=xp)
    rank = min(params["wordvec_size"], corpus.vocab_size - 1)
    vectors = cb.randomized_svd(cb.ppmi(counts, xp=xp), rank, make_rng(xp, 0), xp=xp).U
    vectors = to_numpy(vectors)
    queries = [q for q in (PTB_QUERIES if corpus.is_ptb else STAND_IN_QUERIES) if q in corpus.word_to_id] \
        or _most_frequent(corpus, 4)
    rows = [_query_row(corpus, q, vectors) for q in queries]
    precision = _class_precision(corpus, vectors)
    if precision is not None:
        rows.append({"query": "every noun", "nearest": f"top {TOP} of each", "same_class": precision})
    name = short_name(corpus)
    metrics = {
        "corpus": corpus.metrics(),
        "neighbours": {row["query"]: row["nearest"] for row in rows[: len(queries)]},
        "class_precision_at_5": precision,
        "headline": f"{name}: nearest to '{queries[0]}': {rows[0]['nearest']}",
    }
    caption = (f"The query words and their nearest words at their first two SVD coordinates ({name}, "
               f"window {params['window_size']}).")
    figure = FigureFile("svd.svg", caption, _scatter(corpus, queries, vectors))
    note = (f"Word vectors: {rank} SVD dimensions of the PPMI matrix of {len(corpus.train):,} words of {corpus.name}. "
            + ("" if corpus.is_ptb else "The stand-in is generated from a grammar with planted word classes; its "
               "figures are not PTB's."))
    return Result(rounded(metrics), (figure,), Table(SPEC.columns, tuple(rows), note))


def _most_frequent(corpus, count: int) -> list[str]:
    """Queries for a corpus without the book's query words (a small or unusual PTB folder)."""
    import numpy as np

    order = np.argsort(-np.bincount(corpus.train, minlength=corpus.vocab_size), kind="stable")
    return [corpus.id_to_word[int(i)] for i in order[:count]]


def _query_row(corpus, query: str, vectors) -> dict:
    from experiments.models.count_based import most_similar

    found = most_similar(query, corpus.word_to_id, corpus.id_to_word, vectors, top=TOP)
    same = None
    if corpus.stand_in is not None:
        cls = corpus.stand_in.class_of(query)
        same = sum(corpus.stand_in.class_of(n.word) == cls for n in found) / len(found)
    return {"query": query, "nearest": ", ".join(f"{n.word} {n.similarity:.3f}" for n in found),
            "same_class": "–" if same is None else f"{same:.0%}"}


def _class_precision(corpus, vectors) -> str | None:
    """Of the top 5 neighbours of every noun, the share in the noun's own planted class."""
    if corpus.stand_in is None:
        return None
    from experiments.models.count_based import most_similar

    stand_in = corpus.stand_in
    nouns = [w for cls in ("animal", "food", "person") for w in stand_in.word_classes[cls]]
    hits = [stand_in.class_of(n.word) == stand_in.class_of(word)
            for word in nouns for n in most_similar(word, corpus.word_to_id, corpus.id_to_word, vectors, top=TOP)]
    return f"{sum(hits) / len(hits):.0%}"


def _scatter(corpus, queries, vectors) -> bytes:
    from experiments.common import charts
    from experiments.common.text_corpus import short_name
    from experiments.models.count_based import most_similar

    words = list(dict.fromkeys(w for q in queries for w in [q] + [n.word for n in most_similar(
        q, corpus.word_to_id, corpus.id_to_word, vectors, top=3)]))
    points = vectors[[corpus.word_to_id[w] for w in words], :2]
    groups = None if corpus.stand_in is None else [corpus.stand_in.class_of(w) for w in words]
    return charts.scatter_words_svg(f"Ch02 PPMI + SVD on {short_name(corpus)}", points, words, groups)
