"""Chapter 2's toy sentence, the corpus the book first counts and first trains word2vec on.

"You say goodbye and I say hello." preprocesses to the ids [0, 1, 2, 3, 4, 1, 5, 6] with
you=0, say=1, goodbye=2, and=3, i=4, hello=5, '.'=6 (the book's listing).
"""

from __future__ import annotations

from experiments.datasets.corpus import Corpus, preprocess

TOY_TEXT = "You say goodbye and I say hello."


def toy_corpus() -> Corpus:
    return preprocess(TOY_TEXT)
