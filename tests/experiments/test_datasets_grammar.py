"""The generated stand-in corpus: seeded, labelled as not PTB, its classes and analogies
as planted, and its true perplexity exact."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from experiments.datasets import automaton as fsa
from experiments.datasets.corpus import unigram_perplexity
from experiments.datasets.grammar import (DESCRIPTION, NAME, analogies, draw_preferences, expected_true_perplexity,
                                          generate_corpus, outcomes, relation_pairs, word_classes)


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(50_000, 20_000, 20_000, seed=4)


def test_it_says_it_is_a_stand_in(corpus):
    assert "stand-in" in NAME and "not PTB" in NAME
    assert corpus.name == NAME and corpus.description == DESCRIPTION
    assert "generated stand-in corpus, not PTB" in DESCRIPTION


def test_same_seed_same_text_other_seed_other_text():
    a, b, c = (generate_corpus(2_000, 100, 100, seed=s) for s in (1, 1, 2))
    assert np.array_equal(a.train, b.train) and np.array_equal(a.test, b.test)
    assert not np.array_equal(a.train[:500], c.train[:500])


def test_splits_are_whole_sentences_of_at_least_the_asked_size(corpus):
    end = corpus.word_to_id["<eos>"]
    for ids, size in ((corpus.train, 50_000), (corpus.valid, 20_000), (corpus.test, 20_000)):
        assert size <= len(ids) < size + 40 and ids[-1] == end and ids.dtype == np.int32
    assert not np.array_equal(corpus.valid[:200], corpus.test[:200])


def test_vocabulary_is_a_few_hundred_words_each_in_one_class(corpus):
    classes = word_classes()
    listed = [w for words in classes.values() for w in words]
    assert len(listed) == len(set(listed)) == corpus.vocab_size
    assert 200 <= corpus.vocab_size <= 500
    assert corpus.class_of("cats") == "animal" and corpus.class_of("eats") == "verb_takes_food"
    assert set(corpus.id_to_word[i] for i in np.unique(corpus.train)) == set(listed)  # all words used


def test_words_of_a_class_share_contexts(corpus):
    """What follows 'eat(s)' is a food (after an optional determiner and adjective)."""
    words = corpus.grammar.id_to_word
    train = [words[i] for i in corpus.train[:20_000]]
    nouns_after = Counter()
    for i, w in enumerate(train[:-3]):
        if w in ("eats", "eat"):
            noun = next(x for x in train[i + 1:i + 4] if corpus.class_of(x) in ("food", "animal", "person"))
            nouns_after[corpus.class_of(noun)] += 1
    assert set(nouns_after) == {"food"}


def test_planted_relations_pair_forms_of_one_word():
    pairs = relation_pairs()
    assert ("cat", "cats") in pairs["animal_number"] and ("mouse", "mice") in pairs["animal_number"]
    assert ("king", "queen") in pairs["gender"] and ("man", "woman") in pairs["gender"]
    assert len(pairs["gender"]) == 14
    quads = list(analogies("gender"))
    assert len(quads) == 14 * 13 and all(q.relation == "gender" for q in quads)
    assert any((q.a, q.b, q.c, q.d) == ("king", "queen", "man", "woman") for q in quads)


def test_true_perplexity_is_the_exact_product_of_the_grammars_choices(corpus):
    """Walk the first sentences with the grammar's own outcome lists and multiply."""
    prefs = draw_preferences(corpus.grammar.seed)
    state, log_p = ("start",), 0.0
    words = [corpus.id_to_word[i] for i in corpus.test[:60]]
    for word in words:
        choices = {}
        for w, p, then in outcomes(state, prefs):
            choices[w] = (choices.get(w, (0.0, then))[0] + p, then)
        p, state = choices[word]
        log_p += math.log(p)
    assert corpus.grammar.log_probs(corpus.test[:60]).sum() == pytest.approx(log_p, rel=1e-12)


def test_held_out_perplexity_matches_the_entropy_rate_and_beats_unigram(corpus):
    expected = expected_true_perplexity(corpus.grammar)
    for split in ("train", "valid", "test"):
        assert corpus.true_perplexity[split] == pytest.approx(expected, rel=0.03)
    assert 5 < expected < 30  # measured: 11.88
    assert unigram_perplexity(corpus.train, corpus.test, corpus.vocab_size) > 5 * expected


def test_text_the_grammar_cannot_make_is_refused(corpus):
    the, cat = corpus.word_to_id["the"], corpus.word_to_id["cat"]
    with pytest.raises(ValueError, match="cannot follow"):
        corpus.grammar.log_probs(np.array([the, the, cat]))


def test_entropy_rate_of_a_fair_coin_then_end_is_half_a_bit_per_word():
    # Every sentence is two words: heads or tails (ln 2 nats), then <eos> (0 nats).
    coin = {"s": [("heads", 0.5, "t"), ("tails", 0.5, "t")], "t": [("<eos>", 1.0, "s")]}
    machine = fsa.compile_automaton("s", coin.__getitem__, {"heads": 0, "tails": 1, "<eos>": 2})
    assert fsa.entropy_rate(machine) == pytest.approx(math.log(2) / 2)
    assert fsa.perplexity(machine, np.array([0, 2, 1, 2])) == pytest.approx(math.sqrt(2))


def test_a_loop_inside_a_sentence_is_refused_by_the_entropy_rate():
    looping = {"s": [("a", 1.0, "u")], "u": [("a", 0.5, "u"), ("<eos>", 0.5, "s")]}
    machine = fsa.compile_automaton("s", looping.__getitem__, {"a": 0, "<eos>": 1})
    with pytest.raises(ValueError, match="cycle"):
        fsa.entropy_rate(machine)


def test_an_ambiguous_or_unnormalised_grammar_is_refused():
    words = {"a": 0, "b": 1}
    with pytest.raises(ValueError, match="ambiguous"):
        fsa.compile_automaton("s", lambda s: [("a", 0.5, "s"), ("a", 0.5, "t")], words)
    with pytest.raises(ValueError, match="add up to"):
        fsa.compile_automaton("s", lambda s: [("a", 0.5, "s"), ("b", 0.4, "s")], words)
