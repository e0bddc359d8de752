"""Chapter 2: count-based word vectors.

Words are counted in a window around every position (the co-occurrence matrix), the
counts are turned into positive pointwise mutual information (PPMI), and a truncated
SVD makes dense vectors of them. Similarity is the cosine; an analogy a:b = c:? is
answered with the word nearest to vec(b) - vec(a) + vec(c).

Facts from the book that the tests hold this code to, on "You say goodbye and I say
hello.": with window 1, cos(you, i) = 0.707..., and the words most similar to "you" are
goodbye, i and hello (0.707 each); PPMI(you, say) = log2(14 / (1 * 4)) = 1.807.
The book uses sklearn's randomized SVD for the PTB matrix; here it is written out
(Halko, Martinsson and Tropp 2011) so it runs on CuPy too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy

from experiments.models.backend import Array, ArrayModule, scatter_add, to_numpy


@dataclass(frozen=True)
class Neighbour:
    word: str
    similarity: float


def co_occurrence_matrix(corpus: Array, vocab_size: int, window_size: int = 1,
                         xp: ArrayModule = numpy) -> Array:
    """C[w, c] = how often c occurs within `window_size` positions of w (int32)."""
    ids = xp.asarray(corpus)
    counts = xp.zeros((vocab_size, vocab_size), dtype=xp.int32)
    ones = xp.ones(max(ids.shape[0] - 1, 0), dtype=xp.int32)
    for offset in range(1, window_size + 1):
        left, right = ids[:-offset], ids[offset:]
        scatter_add(xp, counts, (left, right), ones[: left.shape[0]])
        scatter_add(xp, counts, (right, left), ones[: left.shape[0]])
    return counts


def cosine_similarity(x: Array, y: Array, xp: ArrayModule = numpy, eps: float = 1e-8) -> Array:
    """Cosine of the angle between two vectors; eps keeps a zero vector from dividing by 0."""
    nx = x / (xp.sqrt((x ** 2).sum()) + eps)
    ny = y / (xp.sqrt((y ** 2).sum()) + eps)
    return (nx * ny).sum()


def row_similarities(vector: Array, word_matrix: Array, xp: ArrayModule = numpy,
                     eps: float = 1e-8) -> Array:
    """Cosine of `vector` with every row of `word_matrix`."""
    norms = xp.sqrt((word_matrix ** 2).sum(axis=1)) + eps
    unit = vector / (xp.sqrt((vector ** 2).sum()) + eps)
    return (word_matrix / norms[:, None]) @ unit


def most_similar(query: str, word_to_id: Mapping[str, int], id_to_word: Sequence[str],
                 word_matrix: Array, top: int = 5, xp: ArrayModule = numpy) -> list[Neighbour]:
    """The `top` words nearest to `query` by cosine, the query itself left out."""
    if query not in word_to_id:
        raise KeyError(f"{query!r} is not in the vocabulary")
    query_id = word_to_id[query]
    similarity = row_similarities(word_matrix[query_id], word_matrix, xp)
    return _ranked(similarity, id_to_word, exclude={query_id}, top=top, xp=xp)


def analogy(a: str, b: str, c: str, word_to_id: Mapping[str, int], id_to_word: Sequence[str],
            word_matrix: Array, top: int = 5, xp: ArrayModule = numpy) -> list[Neighbour]:
    """a : b = c : ?, answered by cosine to normalised vec(b) - vec(a) + vec(c)."""
    missing = [w for w in (a, b, c) if w not in word_to_id]
    if missing:
        raise KeyError(f"not in the vocabulary: {', '.join(missing)}")
    unit = normalize_rows(word_matrix, xp)
    ids = [word_to_id[w] for w in (a, b, c)]
    query = unit[ids[1]] - unit[ids[0]] + unit[ids[2]]
    similarity = row_similarities(query, unit, xp)
    return _ranked(similarity, id_to_word, exclude=set(ids), top=top, xp=xp)


def _ranked(similarity: Array, id_to_word: Sequence[str], exclude: set[int], top: int,
            xp: ArrayModule) -> list[Neighbour]:
    """The `top` ids by falling similarity, leaving out `exclude`, as words."""
    order = to_numpy(xp.argsort(-similarity))[: top + len(exclude)]
    values = to_numpy(similarity)
    kept = [int(i) for i in order if int(i) not in exclude][:top]
    return [Neighbour(id_to_word[i], float(values[i])) for i in kept]


def normalize_rows(matrix: Array, xp: ArrayModule = numpy, eps: float = 1e-8) -> Array:
    return matrix / (xp.sqrt((matrix ** 2).sum(axis=1, keepdims=True)) + eps)


def ppmi(counts: Array, xp: ArrayModule = numpy, eps: float = 1e-8) -> Array:
    """max(0, log2(C[w,c] * N / (S[w] * S[c]))), N = total count, S = row sums (float32)."""
    C = counts.astype(xp.float32)
    total = C.sum()
    row_sums = C.sum(axis=1)
    expected = row_sums[:, None] * row_sums[None, :]
    pmi = xp.log2(C * total / (expected + eps) + eps)
    return xp.maximum(pmi, 0).astype(xp.float32)


@dataclass(frozen=True)
class Svd:
    """M ~= U @ diag(S) @ Vt with the `k` largest singular values."""

    U: Array
    S: Array
    Vt: Array


def truncated_svd(matrix: Array, k: int, xp: ArrayModule = numpy) -> Svd:
    """Full SVD cut to rank k (fine up to a few thousand rows)."""
    U, S, Vt = xp.linalg.svd(matrix, full_matrices=False)
    return Svd(U[:, :k], S[:k], Vt[:k])


def randomized_svd(matrix: Array, k: int, rng: Any, xp: ArrayModule = numpy,
                   oversamples: int = 10, power_iterations: int = 5) -> Svd:
    """Rank-k SVD from a random range finder (Halko et al. 2011, algorithms 4.4 and 5.1)."""
    probe = rng.standard_normal((matrix.shape[1], k + oversamples)).astype(matrix.dtype)
    Q, _ = xp.linalg.qr(matrix @ probe)
    for _ in range(power_iterations):  # re-orthonormalise each pass to keep precision
        Q, _ = xp.linalg.qr(matrix.T @ Q)
        Q, _ = xp.linalg.qr(matrix @ Q)
    small_U, S, Vt = xp.linalg.svd(Q.T @ matrix, full_matrices=False)
    return Svd((Q @ small_U)[:, :k], S[:k], Vt[:k])
