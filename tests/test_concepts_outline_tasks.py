"""Outliner tasks and the names concepts take: a line an outliner marks as a task still to
do (``TODO``, ``LATER``) plans the concepts it names, as an open box does, so they are not new
in that session; ``DONE`` and ``DOING`` lines were studied. Terms the starter vocabulary names
are shown as it spells them (``adam`` in a log is the concept Adam)."""
from __future__ import annotations

import pytest

from studykb.vocabulary import build_lexicon
from tests.test_concepts_first_studied import new_concepts


@pytest.mark.parametrize("first, second, new", [
    (("- DONE read 4.1 softmax", "- TODO start chapter 5 RNN next time"), ("- DONE 5.1 RNN",), [{"softmax"}, {"RNN"}]),
    (("- DOING dropout, half done", "- LATER try gradient clipping"), ("- DONE gradient clipping",),
     [{"dropout"}, {"gradient clipping"}]),
    (("- DONE 4.2.2 softmax", "- TODO 4.2.4 negative sampling + UnigramSampler on Sunday", "  SCHEDULED: <2026-12-06 Sun>"),
     ("- DONE 4.2.4 negative sampling",), [{"softmax"}, {"negative sampling"}]),
    (("- DONE 어텐션 읽음", "- TODO 다음에 skip connection"), ("- DONE skip connection 정리",),
     [{"attention"}, {"skip connection"}]),
    (("- TODOs pile up, but softmax finally clicked",), (), [{"softmax"}]),  # a word, not the outliner's keyword
])
def test_an_outliner_task_still_to_do_plans_what_it_names(first, second, new):
    assert new_concepts(first, second) == new if second else new_concepts(first) == new


@pytest.mark.parametrize("spelling, name", [
    ("adam", "Adam"), ("Adam optimizer", "Adam"), ("아담", "Adam"),
    ("binary classification", "binary classification"), ("이진 분류", "binary classification"), ("二分类", "binary classification"),
    ("unigram frequency", "unigram distribution"), ("unigram probabilities", "unigram distribution"),
])
def test_the_vocabulary_names_these_terms(spelling, name):
    assert build_lexicon([], frozenset()).lookup(spelling) == name
