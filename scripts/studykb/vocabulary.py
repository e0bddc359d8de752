"""The vocabulary: the starter terms of the field, the user's file, and the matcher.

All spellings are matched by one regular expression shaped as a trie, so a line
is scanned once, in C, whatever the size of the vocabulary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml


# libyaml's loader when PyYAML has it: the pure-Python one costs ~0.15 s per build here.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A word of any script (``epoch``, ``에폭``, ``学习率``); ``_`` joins two (``hidden_size``).
TOKEN_RE = re.compile(r"[^\W_]+(?:['/-][^\W_]+)*")
# Where a mention of a key ends: before no letter, digit, ``_`` or joined word part; a digit
# may follow a spelling that ends in a Korean, Japanese or Chinese character (``負例5個``).
WORDS_END = (r"(?:(?<=[^\x00-\x7f])(?![A-Za-z_]|['/-][A-Za-z0-9_])"
             r"|(?<![^\x00-\x7f])(?![A-Za-z0-9_]|['/-][A-Za-z0-9_]))")
# An acronym, matched as written, may share a slash with another (``LSTM/GRU``), not with a
# word in lower case (``lr/SGD``, a path).
EXACT_START = r"(?<![a-z0-9_]/)"
EXACT_END = r"(?![A-Za-z0-9_]|['-][A-Za-z0-9_]|/[a-z0-9_])"


@dataclass(frozen=True)
class Term:
    name: str
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    origin: str = "starter"  # "starter", "user" or "log"
    chapter: int | None = None
    source: str | None = None  # the user vocabulary file a term came from
    line: int = 1  # its line there
    singular_only: bool = False  # its plural names something else ("context vectors" of CBOW)


@dataclass(frozen=True, slots=True)
class Match:
    """A mention's position in a line."""

    start: int
    end: int
    term: str  # the canonical name


def is_acronym(word: str) -> bool:
    """``LR``, ``SGD``: matched only as written, so 'lr' in code stays code."""
    return len(word) <= 6 and word.isascii() and word.upper() == word and any(c.isalpha() for c in word)


def normalise(words: str) -> str:
    return " ".join(t.lower() for t in TOKEN_RE.findall(words))


@dataclass
class Lexicon:
    """Canonical names and aliases, looked up by normalised word sequences."""

    terms: dict[str, Term] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _singular_only: set[str] = field(default_factory=set)  # keys a plural ending does not name
    _matcher: re.Pattern | None = None  # for the spellings indexed so far; made when first needed
    ignored: frozenset[str] = frozenset()

    def add(self, term: Term) -> None:
        current = self.terms.get(term.name)
        if current is not None:
            term = merge_terms(current, term)
        self.terms[term.name] = term
        for spelling in (term.name, *term.aliases):
            self._index(spelling, term.name)
            if term.singular_only:
                self._singular_only.add(normalise(spelling))

    def _index(self, spelling: str, name: str) -> None:
        key = normalise(spelling)
        if not key or key in self.ignored:
            return
        if is_acronym(spelling):
            self._exact.setdefault(spelling, name)
        else:
            self._keys.setdefault(key, name)
        self._matcher = None

    def separate(self, spelling: str, name: str) -> None:
        """Make an alias a term of its own: the learner tells the two apart. It is called as
        the vocabulary spells the alias, else ``name``."""
        owner = self.lookup(spelling)
        if owner is None or normalise(owner) == normalise(spelling):
            return
        old = self.terms[owner]
        key = normalise(spelling)
        name = next((a for a in old.aliases if normalise(a) == key), name)
        self.terms[owner] = replace(old, aliases=tuple(a for a in old.aliases if normalise(a) != key))
        self._exact = {s: n for s, n in self._exact.items() if not (n == owner and normalise(s) == key)}
        self._keys.pop(key, None)
        self._matcher = None
        self.add(Term(name, origin="log", chapter=old.chapter))

    def lookup(self, words: str) -> str | None:
        """The canonical name for a spelling, or None."""
        if words.strip() in self._exact:
            return self._exact[words.strip()]
        return self._keys.get(normalise(words)) or self._singular_name(normalise(words))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions in ``text``, the longest at each position."""
        if self._matcher is None:
            self._matcher = matcher(sorted(self._keys), sorted(self._exact), frozenset(self._singular_only))
        found = []
        for match in self._matcher.finditer(text):
            name = self._name_of(match.group(), match["exact"] is not None)
            if name:
                found.append(Match(match.start(), match.end(), name))
        return found

    def _name_of(self, spelling: str, exact: bool) -> str:
        """The canonical name a matched spelling stands for ('' if none)."""
        if exact:
            return self._exact.get(spelling, "")
        key = spelling.lower()
        return self._keys.get(key) or self._singular_name(key) or ""

    def _singular_name(self, key: str) -> str | None:
        """The name a plural key stands for ("epochs": epoch), unless its singular is a name
        whose plural names something else."""
        singular = _singular(key)
        return None if singular in self._singular_only else self._keys.get(singular)


def matcher(keys: list[str], exact: list[str], singular_only: frozenset[str] = frozenset()) -> re.Pattern:
    """Every spelling in one regular expression shaped as a trie, so matching runs in C.

    A mention is the longest spelling at its position: a key in any case, perhaps with a
    plural ending, or an exact spelling as written; no letter, digit, ``_`` or joined word
    part may touch it on either side, so an identifier (``max_epoch``) names nothing; a key
    in ``singular_only`` takes no plural ending ("context vectors" are no context vector). Two
    acronyms may share a slash (``LSTM/GRU``), and a spelling that ends in a Korean, Japanese
    or Chinese character may touch a digit (``負例5個``), as those scripts write counts.
    """
    plural = frozenset(keys) - singular_only
    body = f"(?<![A-Za-z0-9_]/)(?P<words>{trie_regex(keys, plural)}){WORDS_END}" if keys else "(?!)"
    if exact:
        body += f"|(?-i:{EXACT_START}(?P<exact>{trie_regex(exact)}){EXACT_END})"
    # The characters a spelling starts with: a position where none stands is passed by at once.
    firsts = "".join(re.escape(char) for char in sorted({s[0] for s in (*keys, *exact)}))
    starts = f"(?=[{firsts}])" if firsts else ""
    return re.compile(rf"(?<![A-Za-z0-9_]){starts}(?<![A-Za-z0-9_]['-])(?:{body})", re.IGNORECASE)


def trie_regex(spellings: list[str], plural: frozenset[str] = frozenset()) -> str:
    """``["batch", "batch size", "bias"]`` -> ``b(?:atch(?: size)?|ias)``: one branch per prefix;
    a spelling in ``plural`` may end in a plural ending (``batch(?:e?s)?``)."""
    trie: dict = {}
    for spelling in spellings:
        node = trie
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = spelling in plural  # where a spelling ends: whether a plural ending may follow
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char]
    ending = PLURAL_ENDING if node.get("") else ""
    if not branches:
        return ending
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # Longer continuations are tried first; ending here is the fallback.
    return f"(?:{body}|{ending})" if ending else f"(?:{body})?"


PLURAL_ENDING = "(?:e?s)?"


def _singular(key: str) -> str:
    """``epochs`` -> ``epoch``; a short word is left as it is ("is" is not the plural of "i")."""
    if len(key) < 4:
        return key
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith("es") and key[:-2].endswith(("ss", "sh", "ch", "x")):
        return key[:-2]
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def merge_terms(old: Term, new: Term) -> Term:
    """One term from two entries of the same name: aliases of both, the newer definition."""
    aliases = tuple(dict.fromkeys(old.aliases + new.aliases))
    return Term(old.name, aliases, new.definition or old.definition,
                "user" if "user" in (old.origin, new.origin) else old.origin,
                old.chapter or new.chapter, new.source or old.source,
                new.line if new.source else old.line, old.singular_only or new.singular_only)


def starter_terms() -> list[Term]:
    # Beside this module, read as a file: importlib.resources would import a dozen modules
    # (zipfile, threading, ...) into a build that needs none of them.
    text = (Path(__file__).parent / "data" / "vocabulary.yml").read_text(encoding="utf-8")
    return [_term(entry, "starter") for entry in yaml.load(text, Loader=FAST_LOADER)["terms"]]


def _term(entry: dict, origin: str, source: str | None = None) -> Term:
    aliases = tuple(str(a) for a in entry.get("aliases") or ())
    return Term(str(entry["term"]).strip(), aliases, entry.get("definition"), origin, entry.get("chapter"), source,
                singular_only=bool(entry.get("singular_only")))


def build_lexicon(user_terms: list[Term], ignored: frozenset[str]) -> Lexicon:
    lexicon = Lexicon(ignored=ignored)
    for term in starter_terms() + user_terms:
        if normalise(term.name) not in ignored:
            lexicon.add(term)
    return lexicon
