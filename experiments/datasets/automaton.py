"""A deterministic probabilistic automaton over words: sample text, score it exactly.

Each state has a distribution over next words, and the state after a word is a function
of the state and the word. Then the probability of a text is a product along its one
path, P(w_t | w_<t) = P(w_t | state_t), so scoring is exact and linear in its length --
no forward algorithm needed, because no two paths emit the same text.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Callable, Hashable, Mapping

import numpy

UNIFORM_BLOCK = 65536


@dataclass(frozen=True)
class StateTable:
    """One state's outcomes, in a fixed order: word id, cumulative probability, next state."""

    words: tuple[int, ...]
    cumulative: tuple[float, ...]
    log_probs: tuple[float, ...]
    next_states: tuple[int, ...]
    position: Mapping[int, int]  # word id -> index in the tuples above


@dataclass(frozen=True)
class Automaton:
    states: tuple[StateTable, ...]
    labels: tuple[Hashable, ...]  # the grammar's name for each state, for messages
    start: int = 0


OutcomeFn = Callable[[Hashable], list[tuple[str, float, Hashable]]]


def compile_automaton(start: Hashable, outcomes: OutcomeFn, word_to_id: Mapping[str, int]) -> Automaton:
    """Every state reachable from `start`, numbered in breadth-first order.

    Raises when a state gives one word two different next states (not deterministic) or
    when a state's probabilities do not add up to 1.
    """
    index: dict[Hashable, int] = {start: 0}
    labels: list[Hashable] = [start]
    tables: list[StateTable] = []
    for label in labels:  # grows while we go
        merged = merge_outcomes(label, outcomes(label))
        next_ids = []
        for _, _, then in merged:
            if then not in index:
                index[then] = len(labels)
                labels.append(then)
            next_ids.append(index[then])
        tables.append(state_table(label, merged, next_ids, word_to_id))
    return Automaton(tuple(tables), tuple(labels))


def merge_outcomes(label: Hashable, found: list[tuple[str, float, Hashable]]) -> list[tuple[str, float, Hashable]]:
    by_word: dict[str, tuple[float, Hashable]] = {}
    for word, p, then in found:
        if word in by_word and by_word[word][1] != then:
            raise ValueError(f"state {label!r}: {word!r} leads to two states, the grammar is ambiguous")
        by_word[word] = (by_word.get(word, (0.0, then))[0] + p, then)
    total = sum(p for p, _ in by_word.values())
    if not math.isclose(total, 1.0, abs_tol=1e-9):
        raise ValueError(f"state {label!r}: probabilities add up to {total}, not 1")
    return [(w, p, then) for w, (p, then) in by_word.items() if p > 0]


def state_table(label: Hashable, merged: list, next_ids: list[int], word_to_id: Mapping[str, int]) -> StateTable:
    probs = numpy.array([p for _, p, _ in merged])
    words = tuple(word_to_id[w] for w, _, _ in merged)
    cumulative = numpy.cumsum(probs / probs.sum())
    return StateTable(words, tuple(float(c) for c in cumulative), tuple(float(v) for v in numpy.log(probs)),
                      tuple(next_ids), {w: i for i, w in enumerate(words)})


def sample(automaton: Automaton, min_tokens: int, rng: numpy.random.Generator) -> numpy.ndarray:
    """Whole sentences from the start state until at least `min_tokens` words (int32 ids)."""
    out: list[int] = []
    state = automaton.start
    uniforms: list[float] = []
    while len(out) < min_tokens or state != automaton.start:
        if not uniforms:  # drawn in blocks: one call per word would dominate the time
            uniforms = rng.random(UNIFORM_BLOCK).tolist()[::-1]
        table = automaton.states[state]
        k = min(bisect.bisect_right(table.cumulative, uniforms.pop()), len(table.words) - 1)
        out.append(table.words[k])
        state = table.next_states[k]
    return numpy.asarray(out, dtype=numpy.int32)


def token_log_probs(automaton: Automaton, ids: numpy.ndarray) -> numpy.ndarray:
    """ln P(w_t | w_<t) under the automaton for every word, reading from the start state."""
    out = numpy.empty(len(ids), dtype=numpy.float64)
    state = automaton.start
    for t, word in enumerate(ids.tolist()):
        table = automaton.states[state]
        k = table.position.get(word)
        if k is None:
            raise ValueError(f"word {t} (id {word}) cannot follow state {automaton.labels[state]!r}")
        out[t] = table.log_probs[k]
        state = table.next_states[k]
    return out


def perplexity(automaton: Automaton, ids: numpy.ndarray) -> float:
    """exp(-mean ln P(w_t | w_<t)): the true process's perplexity on this text."""
    return math.exp(-float(token_log_probs(automaton, ids).mean()))


def entropy_rate(automaton: Automaton) -> float:
    """Expected -ln P(word | past) per word, in nats, for sentences that all return to the
    start state: E[-ln P(sentence)] / E[length] (renewal-reward), from the expected visits
    to each state per sentence, which are exact because a sentence's states form a DAG."""
    visits = expected_visits(automaton)
    entropies = [-sum(math.exp(lp) * lp for lp in table.log_probs) for table in automaton.states]
    return sum(v * h for v, h in zip(visits, entropies)) / sum(visits)


def expected_visits(automaton: Automaton) -> list[float]:
    visits = [0.0] * len(automaton.states)
    visits[automaton.start] = 1.0
    for state in topological_order(automaton):
        table = automaton.states[state]
        for lp, then in zip(table.log_probs, table.next_states):
            if then != automaton.start:
                visits[then] += visits[state] * math.exp(lp)
    return visits


def topological_order(automaton: Automaton) -> list[int]:
    """States of one sentence, each after every state that leads to it (edges back to the
    start cut); a cycle inside a sentence is an error, since visits would not be finite."""
    order: list[int] = []
    mark: dict[int, str] = {}
    stack = [(automaton.start, iter(automaton.states[automaton.start].next_states))]
    mark[automaton.start] = "open"
    while stack:
        state, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            mark[state] = "done"
            order.append(state)
        elif child != automaton.start and mark.get(child) == "open":
            raise ValueError(f"state {automaton.labels[child]!r} is on a cycle within a sentence")
        elif child != automaton.start and child not in mark:
            mark[child] = "open"
            stack.append((child, iter(automaton.states[child].next_states)))
    return order[::-1]
