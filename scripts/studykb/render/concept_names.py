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

import re
from typing import Iterable

from ..model import Concept, ConceptSlug, Knowledge

HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
KANA_RE = re.compile("[\u3040-\u30ff]")
IDEOGRAPH_RE = re.compile("[\u4e00-\u9fff]")
LATIN_RE = re.compile("[A-Za-z]")  # "Embedding Dot 계층" is the English name, a Korean word after it


def in_script(name: str, language: str) -> bool:
    """Whether ``name`` is written in the script of ``language``: Hangul for Korean; kana or
    ideographs (逆伝播) for Japanese; ideographs without kana or Hangul for Chinese."""
    if language == "ko":
        return bool(HANGUL_RE.search(name))
    if language == "ja":
        return bool(KANA_RE.search(name) or IDEOGRAPH_RE.search(name)) and not HANGUL_RE.search(name)
    if language == "zh":
        return bool(IDEOGRAPH_RE.search(name)) and not (KANA_RE.search(name) or HANGUL_RE.search(name))
    return False


def shown_names(knowledge: Knowledge) -> dict[ConceptSlug, str]:
    """Concept slug -> the name it is shown by, for each concept shown by another than its own."""
    if knowledge.language not in ("ko", "ja", "zh"):
        return {}
    lines = {log.path: log.lines for log in knowledge.logs}
    out = {}
    for concept in knowledge.concepts:
        texts = [lines[m.source.path][m.source.line - 1] for m in concept.mentions
                 if 0 < m.source.line <= len(lines.get(m.source.path, ()))]
        name = written_name(concept, knowledge.language, texts)
        if name != concept.name:
            out[concept.slug] = name
    return out


def written_name(concept: Concept, language: str, texts: Iterable[str]) -> str:
    """The name of ``concept`` the lines ``texts`` write most in the script of ``language``,
    or its own where that is in the script, the lines write none, or its own as often."""
    if in_script(concept.name, language):
        return concept.name
    candidates = [alias for alias in concept.aliases if in_script(alias, language) and not LATIN_RE.search(alias)]
    texts = list(texts)
    if not candidates:
        return concept.name
    counts = _written(candidates, texts)
    best = max(candidates, key=counts.__getitem__)  # the first of those written most
    own = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(concept.name)}(?![A-Za-z0-9_])", re.IGNORECASE)
    own_count = sum(len(own.findall(text)) for text in texts)
    return best if counts[best] and counts[best] >= own_count else concept.name


def _written(names: list[str], texts: list[str]) -> dict[str, int]:
    """How often the lines write each name, each place once, for the longest name written
    there: 원핫 벡터 counts for 원핫 벡터, not for 원핫 too."""
    longest_first = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    counts = dict.fromkeys(names, 0)
    for text in texts:
        for found in longest_first.findall(text):
            counts[found] += 1
    return counts


def beside(shown: str, concept: Concept) -> str:
    """``역전파 (backpropagation)`` where the concept is shown by another name than its own."""
    return shown if shown == concept.name else f"{shown} ({concept.name})"
