"""The searches built from the experiments' words: one per experiment for every way a line asks
for it, and quick ones that find every line that may ask for any (experiments.answers)."""

from __future__ import annotations

import re

from experiments.asking import BOOK_FLAGS, OTHER_LANGUAGES
from experiments.spec import Spec


def answers_search(spec: Spec) -> re.Pattern:
    """One search for every way `spec` is asked for (its words, in English and the side table's
    languages, and the book's flags for it)."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns(spec)) or r"(?!)")


def patterns(spec: Spec) -> tuple[str, ...]:
    return spec.answers + OTHER_LANGUAGES.get(spec.id, ()) + BOOK_FLAGS.get(spec.id, ())


def any_search(patterns: list[str]) -> tuple[re.Pattern, ...]:
    """Searches that together find every line any of `patterns` matches (and a few more): the
    patterns without a leading \\b; one search for those that start with a letter, which Python's
    regex engine then finds by their first letters, several times faster on a long log; the
    others each on its own, those that read the line from its start (the slowest) last."""
    patterns = list(dict.fromkeys(pattern.removeprefix(r"\b") for pattern in patterns))
    latin = [pattern for pattern in patterns if _starts_with_a_letter(pattern) and pattern[0].isascii()]
    other = [pattern for pattern in patterns if _starts_with_a_letter(pattern) and not pattern[0].isascii()]
    alone = sorted((pattern for pattern in patterns if not _starts_with_a_letter(pattern)),
                   key=lambda pattern: pattern.startswith("^"))
    return tuple(_by_first_letter(group) for group in (latin, other) if group) + tuple(map(re.compile, alone))


def _starts_with_a_letter(pattern: str) -> bool:
    """Whether `pattern` is its first character, a letter, then more: "cbow\\b", not "a?b" nor "ab|c"."""
    return pattern[0].isalpha() and pattern[1:2] not in ("?", "*", "+", "{") and "|" not in pattern


def _by_first_letter(patterns: list[str]) -> re.Pattern:
    """One search for patterns that each start with a letter, grouped by it ("b(?:aseline\\b|atch...)|
    t(?:rain...)"): at each place in a line, the engine tries only the patterns that start there."""
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        groups.setdefault(pattern[0], []).append(pattern[1:])
    return re.compile("|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items()))
