"""The vocabulary: the starter terms of the field, the user's file, and a fast matcher.

Terms are matched by word n-grams, not by one huge regular expression, so the
cost is linear in the text whatever the size of the vocabulary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, error, warning

TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:['/-][A-Za-z0-9]+)*")
MAX_WORDS = 6


@dataclass(frozen=True)
class Term:
    name: str
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    origin: str = "starter"  # "starter" or "user"
    chapter: int | None = None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str  # the canonical name


def is_acronym(word: str) -> bool:
    """``LR``, ``SGD``: matched only as written, so 'lr' in code stays code."""
    return len(word) <= 6 and word.upper() == word and any(c.isalpha() for c in word)


def normalise(words: str) -> str:
    return " ".join(t.lower() for t in TOKEN_RE.findall(words))


@dataclass
class Lexicon:
    """Canonical names and aliases, looked up by normalised word sequences."""

    terms: dict[str, Term] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _starts: dict[str, int] = field(default_factory=dict)  # first word -> longest phrase length
    ignored: frozenset[str] = frozenset()

    def add(self, term: Term) -> None:
        current = self.terms.get(term.name)
        if current is not None:
            term = _merge(current, term)
        self.terms[term.name] = term
        for spelling in (term.name, *term.aliases):
            self._index(spelling, term.name)

    def _index(self, spelling: str, name: str) -> None:
        key = normalise(spelling)
        if not key or key in self.ignored:
            return
        if is_acronym(spelling):
            self._exact.setdefault(spelling, name)
        else:
            self._keys.setdefault(key, name)
            words = key.split(" ")
            self._starts[words[0]] = max(self._starts.get(words[0], 0), len(words))

    def lookup(self, words: str) -> str | None:
        """The canonical name for a spelling, or None."""
        if words.strip() in self._exact:
            return self._exact[words.strip()]
        key = normalise(words)
        return self._keys.get(key) or self._keys.get(_singular(key))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions in ``text``, the longest at each position."""
        tokens = list(TOKEN_RE.finditer(text))
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            match = self._longest_at(tokens, i)
            if match is None:
                i += 1
                continue
            found.append(Match(tokens[i].start(), tokens[match[0]].end(), match[1]))
            i = match[0] + 1
        return found

    def _longest_at(self, tokens: list[re.Match], i: int) -> tuple[int, str] | None:
        first = tokens[i].group()
        lowered = first.lower()
        longest = max(self._starts.get(lowered, 0), self._starts.get(_singular(lowered), 0))
        if not longest:
            return (i, self._exact[first]) if first in self._exact else None
        for j in range(min(len(tokens), i + longest) - 1, i - 1, -1):
            if j > i and tokens[j].start() - tokens[j - 1].end() > 1:
                continue  # words must be adjacent (one space or hyphen apart)
            words = [t.group() for t in tokens[i:j + 1]]
            if j == i and words[0] in self._exact:
                return j, self._exact[words[0]]
            key = " ".join(w.lower() for w in words)
            name = self._keys.get(key) or self._keys.get(_singular(key))
            if name:
                return j, name
        return None


def _singular(key: str) -> str:
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith("es") and key[:-2].endswith(("ss", "sh", "ch", "x")):
        return key[:-2]
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def _merge(old: Term, new: Term) -> Term:
    aliases = tuple(dict.fromkeys(old.aliases + new.aliases))
    return Term(old.name, aliases, new.definition or old.definition,
                "user" if "user" in (old.origin, new.origin) else old.origin,
                old.chapter or new.chapter)


def starter_terms() -> list[Term]:
    text = resources.files("studykb").joinpath("data/vocabulary.yml").read_text(encoding="utf-8")
    return [_term(entry, "starter") for entry in yaml.safe_load(text)["terms"]]


def _term(entry: dict, origin: str) -> Term:
    aliases = tuple(str(a) for a in entry.get("aliases") or ())
    return Term(str(entry["term"]).strip(), aliases, entry.get("definition"), origin, entry.get("chapter"))


def load_user_vocabulary(path: Path, display: str) -> tuple[list[Term], frozenset[str], list[Diagnostic]]:
    """``sessions/vocabulary.yml``: ``terms:`` to add, ``ignore:`` for false positives."""
    if not path.exists():
        return [], frozenset(), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return [], frozenset(), [error(display, line, f"vocabulary file is not valid YAML: {exc}")]
    terms, problems = [], []
    for number, entry in enumerate(data.get("terms") or [], 1):
        if isinstance(entry, dict) and entry.get("term"):
            terms.append(_term(entry, "user"))
        else:
            problems.append(warning(display, 1, f"terms entry {number} has no 'term:'; skipped"))
    ignored = frozenset(normalise(str(w)) for w in data.get("ignore") or ())
    return terms, ignored, problems


def build_lexicon(user_terms: list[Term], ignored: frozenset[str]) -> Lexicon:
    lexicon = Lexicon(ignored=ignored)
    for term in starter_terms() + user_terms:
        if normalise(term.name) not in ignored:
            lexicon.add(term)
    return lexicon
