"""The name a concept is shown by on a site in Korean, Japanese or Chinese.

A concept's name is the vocabulary's (often English: ``backpropagation``); a Korean learner
writes 역전파. On such a site a concept whose name is not in the site's script is shown by
the other name the logs write it by most in that script (its most used alias on the lines
that mention it), unless the logs write its own name at least as often (``RNN`` stays RNN
where the logs write RNN more than 순환 신경망). Where a concept is defined (its page's
title, its glossary entry) the name it is known by stands beside it: ``역전파 (backpropagation)``.
Its slug and URL stay as they are; an English site shows every name as it is.
"""
from __future__ import annotations

from ..model import Concept, ConceptSlug, Knowledge


def shown_names(knowledge: Knowledge) -> dict[ConceptSlug, str]:
    """Concept slug -> the name it is shown by, for each concept shown by another than its own;
    link chose them (``aliases.site_names``), and the cards ask by the same names."""
    return knowledge.shown_names


def beside(shown: str, concept: Concept) -> str:
    """``역전파 (backpropagation)`` where the concept is shown by another name than its own."""
    return shown if shown == concept.name else f"{shown} ({concept.name})"
