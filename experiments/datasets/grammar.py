"""A generated stand-in corpus with planted structure -- not the Penn Treebank.

When PTB is not at hand (and in tests) the book's word-vector and language-model
experiments run on text from a small probabilistic grammar whose structure is known, so
what a model learned can be checked against the truth:

- word classes (lexicon.py): animals, foods, people, places, three adjective classes, six
  verb classes, determiners... Words of one class share contexts: a verb class selects
  its object class, adjectives belong to one noun class, and so on;
- analogies by construction: every noun has a number (cat/cats) and every person a
  gender (king/queen); number changes the context the same way for every noun (a/this/
  every vs these/those/many before it, "eats" vs "eat" after it) and gender the same way
  for every person in the singular (his vs her later in the sentence), while each noun's
  own choice of verbs stays the same across its forms. So vec(cats) - vec(cat) ~
  vec(dogs) - vec(dog) and vec(queen) - vec(king) ~ vec(woman) - vec(man) (see
  relation_pairs for the relations that hold and the two that do not);
- the exact perplexity of any text it generated: the grammar is a deterministic finite
  automaton with probabilities (the state after a word is a function of the state before
  it and the word), so P(w_t | w_<t) = P(w_t | state_t) exactly, and the perplexity of
  held-out text under the true process -- the floor no language model beats, up to noise
  -- is an O(N) pass. Its expected value, the entropy rate, is exact too: every sentence
  starts from the same state, so it is E[-log P(sentence)] / E[length], computed from the
  expected visits to each state per sentence.

A sentence: determiner, an optional adjective, a subject noun, then by the subject's
class: a verb the subject prefers (intransitive; or transitive with a determiner --
possibly a possessive agreeing with the subject --, an optional adjective and an object
the verb prefers), an optional prepositional phrase with a place; or for a food "is /
tastes ..." and a food adjective. Sentences end with <eos> as PTB's lines do. Verbs agree
in number with the subject. Each noun's verb preferences and each verb's object
preferences are drawn once from a Dirichlet distribution with the grammar's seed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Iterator, Mapping

import numpy

from experiments.datasets import automaton as fsa
from experiments.datasets import lexicon as lx

NAME = "generated stand-in corpus (not PTB)"
DESCRIPTION = ("generated stand-in corpus, not PTB: sentences from a seeded probabilistic "
               "grammar with planted word classes and analogies, and a known exact perplexity")

SUBJECT_CLASS = MappingProxyType({"animal": 0.4, "person": 0.4, "food": 0.2})
SUBJECT_THE, SUBJECT_SINGULAR, SUBJECT_PLURAL = 0.1, 0.45, 0.45
OBJECT_THE, OBJECT_SINGULAR, OBJECT_PLURAL, OBJECT_POSSESSIVE = 0.1, 0.325, 0.325, 0.25
PLACE_THE, PLACE_A, PLACE_POSSESSIVE = 0.5, 0.2, 0.3
SUBJECT_ADJECTIVE, OBJECT_ADJECTIVE = 0.3, 0.25
STOP_AFTER_INTRANSITIVE, STOP_AFTER_OBJECT = 0.5, 0.6
ZIPF_EXPONENT = 0.5  # lemma frequency within a class falls as rank ** -0.5
PREFERENCE_CONCENTRATION = 1.0  # Dirichlet parameter of each noun's verb preferences
COMPLEMENT_CONCENTRATION = 2.0  # ... and of each verb's objects (or adjectives)

State = tuple
Outcome = tuple[str, float, State]


@dataclass(frozen=True)
class Noun:
    word: str
    cls: str  # animal, food, person
    lemma: int
    number: str  # sg, pl
    gender: str | None  # male, female for people


@dataclass(frozen=True)
class Analogy:
    """a : b = c : d, with the relation that makes it hold."""

    a: str
    b: str
    c: str
    d: str
    relation: str


def nouns() -> tuple[Noun, ...]:
    found = [Noun(form, cls, i, number, None)
             for cls, pairs in (("animal", lx.ANIMALS), ("food", lx.FOODS))
             for i, pair in enumerate(pairs) for form, number in zip(pair, ("sg", "pl"))]
    found += [Noun(form, "person", i, number, gender)
              for i, quad in enumerate(lx.PEOPLE)
              for form, (gender, number) in zip(quad, (("male", "sg"), ("male", "pl"),
                                                       ("female", "sg"), ("female", "pl")))]
    return tuple(found)


def word_classes() -> dict[str, tuple[str, ...]]:
    """Every word of the vocabulary under exactly one class name."""
    classes = {cls: tuple(n.word for n in nouns() if n.cls == cls) for cls in SUBJECT_CLASS}
    classes["place"] = lx.PLACES
    classes.update({f"{cls}_adjective": words for cls, words in lx.ADJECTIVES.items()})
    classes.update({f"verb_{name}": tuple(f for pair in pairs for f in pair)
                    for name, pairs in lx.VERBS.items()})
    classes["determiner"] = ("the", *lx.SINGULAR_DETERMINERS, *lx.PLURAL_DETERMINERS)
    classes["possessive"] = (*lx.POSSESSIVES.values(), lx.PLURAL_POSSESSIVE)
    classes["preposition"] = lx.PREPOSITIONS
    classes["end"] = (lx.END,)
    return classes


def relation_pairs() -> dict[str, tuple[tuple[str, str], ...]]:
    """Word pairs that differ by one planted feature whose context change is the same for
    every pair: number for animals and for foods (determiner and verb agreement), gender
    for people in the singular (his / her).

    Left out on purpose: gender in the plural (both take "their", so kings and queens have
    the same contexts) and number for people (the plural's "their" also removes the
    gender marker, so king -> kings and queen -> queens change context differently).
    """
    by_lemma = {(n.cls, n.lemma, n.number, n.gender): n.word for n in nouns()}
    pairs: dict[str, tuple[tuple[str, str], ...]] = {}
    for cls, count in (("animal", len(lx.ANIMALS)), ("food", len(lx.FOODS))):
        pairs[f"{cls}_number"] = tuple((by_lemma[cls, i, "sg", None], by_lemma[cls, i, "pl", None])
                                       for i in range(count))
    pairs["gender"] = tuple((male, female) for male, _, female, _ in lx.PEOPLE)
    return pairs


def analogies(relation: str) -> Iterator[Analogy]:
    """Every a : b = c : d from two different pairs of one relation."""
    pairs = relation_pairs()[relation]
    for a, b in pairs:
        for c, d in pairs:
            if (a, b) != (c, d):
                yield Analogy(a, b, c, d, relation)


# --- the grammar as a function from a state to its outcomes ----------------------------


@dataclass(frozen=True)
class Preferences:
    """Seeded choices: lemma frequencies, each noun's verbs, each verb's objects/adjectives."""

    lemma_weights: Mapping[str, tuple[float, ...]]
    subject_verbs: Mapping[tuple[str, int], tuple[float, ...]]
    verb_complements: Mapping[str, tuple[float, ...]]


def draw_preferences(seed: int) -> Preferences:
    rng = numpy.random.default_rng(seed)
    sizes = {"animal": len(lx.ANIMALS), "food": len(lx.FOODS), "person": len(lx.PEOPLE), "place": len(lx.PLACES)}
    zipf = {cls: normalised((numpy.arange(n) + 1.0) ** -ZIPF_EXPONENT) for cls, n in sizes.items()}
    subject_verbs = {(cls, i): normalised(rng.dirichlet([PREFERENCE_CONCENTRATION] * len(lx.SUBJECT_VERBS[cls])))
                     for cls in SUBJECT_CLASS for i in range(sizes[cls])}
    complements = {}
    for verb_class, forms in lx.VERBS.items():
        base = complement_base(verb_class, zipf)
        if base is None:  # intransitive: nothing to prefer
            continue
        for singular, _ in forms:
            complements[singular] = normalised(base * rng.dirichlet([COMPLEMENT_CONCENTRATION] * len(base)))
    return Preferences(zipf, subject_verbs, complements)


def complement_base(verb_class: str, zipf: Mapping[str, tuple[float, ...]]) -> numpy.ndarray | None:
    """What a verb of the class is followed by, before its own preference: the lemma
    frequencies of its object class, or all food adjectives alike; None if nothing."""
    if verb_class in lx.OBJECT_OF:
        return numpy.asarray(zipf[lx.OBJECT_OF[verb_class]])
    if verb_class == "food_predicate":
        return numpy.full(len(lx.ADJECTIVES["food"]), 1.0 / len(lx.ADJECTIVES["food"]))
    return None


def normalised(weights: numpy.ndarray) -> tuple[float, ...]:
    weights = numpy.asarray(weights, dtype=numpy.float64)
    return tuple(float(w) for w in weights / weights.sum())


def verb_forms() -> dict[str, tuple[str, str, str]]:
    """Third-person-singular form -> (singular, plural, verb class)."""
    return {sg: (sg, pl, name) for name, pairs in lx.VERBS.items() for sg, pl in pairs}


def possessive(agreement: tuple) -> str:
    cls, gender, number = agreement
    return lx.PLURAL_POSSESSIVE if number == "pl" else lx.POSSESSIVES[cls, gender, number]


def determiners(the: float, singular: float, plural: float) -> list[tuple[str, float, str]]:
    """(word, probability, number it allows) for 'the' and the number-marked determiners."""
    return ([("the", the, "any")]
            + [(d, singular / len(lx.SINGULAR_DETERMINERS), "sg") for d in lx.SINGULAR_DETERMINERS]
            + [(d, plural / len(lx.PLURAL_DETERMINERS), "pl") for d in lx.PLURAL_DETERMINERS])


def noun_outcomes(prefs: Preferences, cls: str, number: str, lemma_weights: tuple[float, ...],
                  scale: float, then: State | None) -> list[Outcome]:
    """Nouns of `cls` allowed by `number`, weighted by lemma, number and gender."""
    numbers = {"any": {"sg": 0.5, "pl": 0.5}, "sg": {"sg": 1.0}, "pl": {"pl": 1.0}}[number]
    outcomes = []
    for noun in nouns():
        if noun.cls != cls or noun.number not in numbers:
            continue
        p = scale * lemma_weights[noun.lemma] * numbers[noun.number] * (0.5 if noun.gender else 1.0)
        outcomes.append((noun.word, p, then if then is not None else ("after_subject", noun.word)))
    return outcomes


def outcomes(state: State, prefs: Preferences) -> list[Outcome]:
    """Every (next word, probability, next state) from `state`."""
    kind = state[0]
    if kind == "start":
        return [(w, p, ("subject", n, None)) for w, p, n in determiners(SUBJECT_THE, SUBJECT_SINGULAR, SUBJECT_PLURAL)]
    if kind == "subject":
        return subject_outcomes(state, prefs)
    if kind == "after_subject":
        return verb_outcomes(state[1], prefs)
    if kind == "food_predicate":
        weights = prefs.verb_complements[state[1]]
        return [(a, w, ("end",)) for a, w in zip(lx.ADJECTIVES["food"], weights)]
    if kind in ("after_intransitive", "after_object"):
        stop = STOP_AFTER_INTRANSITIVE if kind == "after_intransitive" else STOP_AFTER_OBJECT
        return [(lx.END, stop, ("start",))] + [
            (p, (1 - stop) / len(lx.PREPOSITIONS), ("place_determiner", state[1])) for p in lx.PREPOSITIONS]
    if kind == "place_determiner":
        return [("the", PLACE_THE, ("place",)), ("a", PLACE_A, ("place",)),
                (possessive(state[1]), PLACE_POSSESSIVE, ("place",))]
    if kind == "place":
        return [(w, p, ("end",)) for w, p in zip(lx.PLACES, prefs.lemma_weights["place"])]
    if kind == "end":
        return [(lx.END, 1.0, ("start",))]
    if kind == "object":
        return object_determiner_outcomes(state)
    if kind == "object_noun":
        return object_noun_outcomes(state, prefs)
    raise ValueError(f"unknown grammar state {state!r}")


def subject_outcomes(state: State, prefs: Preferences) -> list[Outcome]:
    _, number, chosen = state
    if chosen is not None:  # an adjective has fixed the class
        return noun_outcomes(prefs, chosen, number, prefs.lemma_weights[chosen], 1.0, None)
    found = []
    for cls, p_cls in SUBJECT_CLASS.items():
        adjectives = lx.ADJECTIVES[cls]
        found += [(a, p_cls * SUBJECT_ADJECTIVE / len(adjectives), ("subject", number, cls)) for a in adjectives]
        found += noun_outcomes(prefs, cls, number, prefs.lemma_weights[cls], p_cls * (1 - SUBJECT_ADJECTIVE), None)
    return found


def verb_outcomes(subject: str, prefs: Preferences) -> list[Outcome]:
    noun = next(n for n in nouns() if n.word == subject)
    agreement = (noun.cls, noun.gender, noun.number)
    forms = verb_forms()
    found = []
    for verb, weight in zip(lx.SUBJECT_VERBS[noun.cls], prefs.subject_verbs[noun.cls, noun.lemma]):
        singular, plural, verb_class = forms[verb]
        if verb_class == "food_predicate":
            then: State = ("food_predicate", singular)
        elif verb_class in lx.OBJECT_OF:
            then = ("object", singular, agreement)
        else:
            then = ("after_intransitive", agreement)
        found.append((singular if noun.number == "sg" else plural, weight, then))
    return found


def object_determiner_outcomes(state: State) -> list[Outcome]:
    _, verb, agreement = state
    found = [(w, p, ("object_noun", verb, agreement, n, False))
             for w, p, n in determiners(OBJECT_THE, OBJECT_SINGULAR, OBJECT_PLURAL)]
    return found + [(possessive(agreement), OBJECT_POSSESSIVE, ("object_noun", verb, agreement, "any", False))]


def object_noun_outcomes(state: State, prefs: Preferences) -> list[Outcome]:
    _, verb, agreement, number, adjective_used = state
    cls = lx.OBJECT_OF[verb_forms()[verb][2]]
    p_adjective = 0.0 if adjective_used else OBJECT_ADJECTIVE
    adjectives = lx.ADJECTIVES[cls]
    found = [(a, p_adjective / len(adjectives), ("object_noun", verb, agreement, number, True))
             for a in adjectives] if p_adjective else []
    return found + noun_outcomes(prefs, cls, number, prefs.verb_complements[verb], 1 - p_adjective,
                                 ("after_object", agreement))


# --- the corpus ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Grammar:
    automaton: fsa.Automaton
    word_to_id: Mapping[str, int]
    id_to_word: tuple[str, ...]
    seed: int

    def log_probs(self, ids: numpy.ndarray) -> numpy.ndarray:
        """ln P(w_t | w_<t) of every word of a text that starts at a sentence start."""
        return fsa.token_log_probs(self.automaton, ids)

    def perplexity(self, ids: numpy.ndarray) -> float:
        """The true process's perplexity on `ids`: the floor for any language model."""
        return fsa.perplexity(self.automaton, ids)

    def entropy_rate(self) -> float:
        """Expected nats per word; exp of it is the expected true perplexity."""
        return fsa.entropy_rate(self.automaton)


def build_grammar(seed: int = 0) -> Grammar:
    """The automaton with preferences drawn from `seed` (vocabulary in class order)."""
    id_to_word = tuple(w for words in word_classes().values() for w in words)
    word_to_id = {w: i for i, w in enumerate(id_to_word)}
    prefs = draw_preferences(seed)
    automaton = fsa.compile_automaton(("start",), partial(outcomes, prefs=prefs), word_to_id)
    return Grammar(automaton, word_to_id, id_to_word, seed)


@dataclass(frozen=True)
class GeneratedCorpus:
    """Train / valid / test ids (each whole sentences) and the truth behind them."""

    name: str
    description: str
    grammar: Grammar
    train: numpy.ndarray
    valid: numpy.ndarray
    test: numpy.ndarray
    true_perplexity: Mapping[str, float]  # per split, exact on that split's text
    word_classes: Mapping[str, tuple[str, ...]]
    relation_pairs: Mapping[str, tuple[tuple[str, str], ...]]

    @property
    def word_to_id(self) -> Mapping[str, int]:
        return self.grammar.word_to_id

    @property
    def id_to_word(self) -> tuple[str, ...]:
        return self.grammar.id_to_word

    @property
    def vocab_size(self) -> int:
        return len(self.grammar.id_to_word)

    def class_of(self, word: str) -> str:
        return next(name for name, words in self.word_classes.items() if word in words)


def generate_corpus(train_tokens: int = 200_000, valid_tokens: int = 20_000, test_tokens: int = 20_000,
                    seed: int = 0, grammar_seed: int = 0) -> GeneratedCorpus:
    """Three independent samples of at least the given sizes, from `seed`'s streams."""
    grammar = build_grammar(grammar_seed)
    sizes = {"train": train_tokens, "valid": valid_tokens, "test": test_tokens}
    splits = {name: fsa.sample(grammar.automaton, size, numpy.random.default_rng([seed, i]))
              for i, (name, size) in enumerate(sizes.items())}
    truth = {name: grammar.perplexity(ids) for name, ids in splits.items() if len(ids)}
    return GeneratedCorpus(NAME, DESCRIPTION, grammar, splits["train"], splits["valid"], splits["test"],
                           truth, word_classes(), relation_pairs())


def expected_true_perplexity(grammar: Grammar) -> float:
    return math.exp(grammar.entropy_rate())
