"""Chapter 2's preprocessing of the toy sentence, as the book lists it."""

from experiments.datasets.corpus import preprocess, unigram_perplexity
from experiments.datasets.toy import toy_corpus


def test_toy_sentence_ids_and_vocabulary():
    corpus = toy_corpus()
    assert corpus.ids.tolist() == [0, 1, 2, 3, 4, 1, 5, 6]
    assert corpus.word_to_id == {"you": 0, "say": 1, "goodbye": 2, "and": 3, "i": 4, "hello": 5, ".": 6}
    assert corpus.id_to_word[6] == "."
    assert corpus.vocab_size == 7
    assert corpus.words()[:3] == ["you", "say", "goodbye"]


def test_preprocess_lowercases_and_splits_off_periods():
    assert preprocess("The cat. The dog.").words() == ["the", "cat", ".", "the", "dog", "."]


def test_unigram_perplexity_of_a_uniform_text_is_its_vocabulary_size():
    ids = toy_corpus().ids[:5]  # five different words, once each
    assert round(unigram_perplexity(ids, ids, 5), 6) == 5.0
