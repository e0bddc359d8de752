"""The vocabulary: the starter terms of the field, the user's file, and a fast matcher.

All spellings are matched by one regular expression shaped as a trie, so a line
is scanned once, in C, whatever the size of the vocabulary.
"""
from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml


# libyaml's loader when PyYAML has it: the pure-Python one costs ~0.15 s per build here.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A word of any script (``epoch``, ``에폭``, ``学习率``); ``_`` joins two (``hidden_size``).
TOKEN_RE = re.compile(r"[^\W_]+(?:['/-][^\W_]+)*")


@dataclass(frozen=True)
class Term:
    name: str
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    origin: str = "starter"  # "starter", "user" or "log"
    chapter: int | None = None
    source: str | None = None  # the user vocabulary file a term came from
    line: int = 1  # its line there


class Match(NamedTuple):
    """A mention's position in a line. A named tuple: the link stage makes one per mention."""

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
    _compiled: _Compiled | None = None
    ignored: frozenset[str] = frozenset()
    _separated: tuple[str, ...] = ()  # aliases made terms of their own (``separate``)

    def add(self, term: Term) -> None:
        current = self.terms.get(term.name)
        if current is not None:
            term = merge_terms(current, term)
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

    def separate(self, spelling: str, name: str) -> None:
        """Make an alias a term of its own: the learner tells the two apart. It is called as
        the vocabulary spells the alias, else ``name``."""
        owner = self.lookup(spelling)
        if owner is None or normalise(owner) == normalise(spelling):
            return
        old = self.terms[owner]
        key = normalise(spelling)
        name = next((a for a in old.aliases if normalise(a) == key), name)
        self.terms[owner] = Term(old.name, tuple(a for a in old.aliases if normalise(a) != key), old.definition,
                                 old.origin, old.chapter, old.source, old.line)
        self._exact = {s: n for s, n in self._exact.items() if not (n == owner and normalise(s) == key)}
        self._keys.pop(key, None)
        self._compiled = None  # the same number of spellings, not the same names
        self._separated += (name,)
        self.add(Term(name, origin="log", chapter=old.chapter))

    def _memo_key(self, compiled: _Compiled) -> str:
        """What the mentions found are kept under: the pattern, and the aliases made terms
        of their own, which change what a spelling names but not the pattern."""
        return "\x00".join((compiled.regex.pattern, *self._separated))

    def lookup(self, words: str) -> str | None:
        """The canonical name for a spelling, or None."""
        if words.strip() in self._exact:
            return self._exact[words.strip()]
        key = normalise(words)
        return self._keys.get(key) or self._keys.get(_singular(key))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions in ``text``, the longest at each position."""
        compiled = self._current()
        known = _found_with(self._memo_key(compiled))
        hit = known.get(text)
        if hit is None:
            hit = known[text] = self._find_all(compiled, [text])[0]
        return list(hit)

    def find_each(self, texts: list[str]) -> list[tuple[Match, ...]]:
        """``find`` for each of ``texts`` (the matcher and its memo looked up once, new texts searched together)."""
        compiled = self._current()
        known = _found_with(self._memo_key(compiled))
        new = [text for text in dict.fromkeys(texts) if text not in known]
        if new:
            known.update(zip(new, self._find_all(compiled, new)))
        return [known[text] for text in texts]

    def _find_all(self, compiled: _Compiled, texts: list[str]) -> list[tuple[Match, ...]]:
        """The mentions in each of ``texts``, found in one scan of them all.

        The pattern opens with the character before a mention: a newline stands for the
        start of a line, so the texts are joined by newlines (and one leads). A mention
        never spans two texts: it would hold the newline, and no spelling holds one
        (the matcher knows, and then the texts are scanned one by one).
        """
        if not compiled.joinable and len(texts) > 1:
            return [self._find_all(compiled, [text])[0] for text in texts]
        found: list[list[Match]] = [[] for _ in texts]
        starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=1))
        k = 0  # the text the current mention is in: mentions come in order
        new_match = tuple.__new__  # Match(...) at half the cost: a named tuple's own __new__ is Python code
        for match in compiled.regex.finditer("\n" + "\n".join(texts)):
            spelling = match["mention"]
            name = compiled.names.get(spelling)
            if name is None:
                name = compiled.names[spelling] = self._name_of(spelling, match["exact"] is not None)
            if name:
                at = match.start("mention")
                while at >= starts[k + 1]:
                    k += 1
                start = at - starts[k]
                found[k].append(new_match(Match, (start, start + len(spelling), name)))
        return [tuple(mentions) for mentions in found]

    def _name_of(self, spelling: str, exact: bool) -> str:
        """The canonical name a matched spelling stands for ('' if none)."""
        if exact:
            return self._exact.get(spelling, "")
        key = spelling.lower()
        return self._keys.get(key) or self._keys.get(_singular(key)) or ""

    def _current(self) -> _Compiled:
        """The compiled matcher, rebuilt after terms were added."""
        size = len(self._keys) + len(self._exact)
        if self._compiled is None or self._compiled.size != size:
            joinable = not any("\n" in spelling for spelling in self._exact)  # keys are words and spaces
            self._compiled = _Compiled(size, matcher(sorted(self._keys), sorted(self._exact)), {}, joinable)
        return self._compiled


def matcher(keys: list[str], exact: list[str]) -> re.Pattern:
    """Every spelling in one regular expression shaped as a trie, so matching runs in C.

    The mention (group ``mention``) is the longest spelling at its position: a key in
    any case, perhaps with a plural ending, or an exact spelling as written; no letter,
    digit or joined word part may touch it on either side.

    Written for the regex engine's shortcuts: the pattern opens with the character
    before the mention, so only the positions after a non-word character are tried,
    not those inside words; a lookahead then turns away, in one test, the positions
    where no spelling starts; and the first character of a key is a class of its cases
    rather than a case-blind letter, so the branches that cannot match are skipped.
    """
    body = f"(?P<words>{_caseless_trie(keys)})(?i:e?s)?" if keys else "(?!)"
    if exact:
        body += f"|(?P<exact>{trie_regex(exact)})"
    # A mention could start where another ends only if its first character is not a
    # word character: then the character before it is matched by a lookbehind instead.
    opens_with_word = all(spelling[:1].isascii() and spelling[:1].isalnum() for spelling in [*exact, *keys])
    before = f"[^{WORD}]" if opens_with_word else f"(?<![{WORD}])"
    starts = "".join(sorted({c for key in keys for c in _cases(key[0])} | {e[0] for e in exact}))
    may_start = f"(?=[{re.escape(starts)}])" if starts else ""
    return re.compile(
        rf"{before}{may_start}(?<![{WORD}]['/-])(?P<mention>{body})(?![{WORD}]|['/-][{WORD}])")


def _caseless_trie(keys: list[str]) -> str:
    """``trie_regex(keys)`` matching in any case, its first characters as classes of their cases.

    Only the first: classes for every character scan no faster once the lookahead has
    turned away most positions, and take the compiler ten times as long (~45 ms).
    """
    rests: dict[str, list[str]] = {}
    for key in keys:
        rests.setdefault(key[0], []).append(key[1:])
    branches = []
    for first, after in sorted(rests.items()):
        rest = trie_regex([r for r in after if r])
        if rest:  # longer keys first; ending after the first character is the fallback
            rest = f"(?:(?i:{rest}))?" if "" in after else f"(?i:{rest})"
        branches.append(caseless(first) + rest)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# What [A-Za-z0-9] matches ignoring case: also the dotted and dotless i, the long s and
# the Kelvin sign; and what a letter matches ignoring case besides its two cases.
WORD = "A-Za-z0-9\u0130\u0131\u017f\u212a"
OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def caseless(char: str) -> str:
    """A character of a key (lower case ASCII) as a class of what it matches ignoring case."""
    if "a" <= char <= "z":
        return f"[{_cases(char)}]"
    return re.escape(char)


def _cases(char: str) -> str:
    """The characters a character of a key matches ignoring case."""
    if "a" <= char <= "z":
        return char + char.upper() + OTHER_CASES.get(char, "")
    return char


# Mentions already found, by matcher (its pattern says which terms it knows) and line.
# Under `mkdocs serve` the lexicon is built again for every rebuild, but comes out the
# same unless a term was added: then only edited lines are searched. A few matchers are
# kept (the lexicon grows while the log's own terms are discovered).
_FOUND: OrderedDict[str, dict[str, tuple]] = OrderedDict()
_FOUND_MATCHERS = 4


def _found_with(pattern: str) -> dict[str, tuple]:
    if pattern in _FOUND:
        _FOUND.move_to_end(pattern)
    else:
        _FOUND[pattern] = {}
        while len(_FOUND) > _FOUND_MATCHERS:
            _FOUND.popitem(last=False)
    return _FOUND[pattern]


@dataclass(frozen=True)
class _Compiled:
    """The matcher for one state of the lexicon, and the names its matched spellings resolved to.

    A log repeats a few hundred spellings many thousand times: each is resolved once.
    """

    size: int
    regex: re.Pattern
    names: dict[str, str]
    joinable: bool  # whether texts joined by newlines can be searched at once: no spelling holds one


def trie_regex(spellings: list[str]) -> str:
    """``["batch", "batch size", "bias"]`` -> ``b(?:atch(?: size)?|ias)``: one branch per prefix."""
    trie: dict = {}
    for spelling in spellings:
        node = trie
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Longer continuations are tried first; ending here is the fallback.
    return f"(?:{body})?" if "" in node else body


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
                new.line if new.source else old.line)


def starter_terms() -> list[Term]:
    # Beside this module, read as a file: importlib.resources would import a dozen modules
    # (zipfile, threading, ...) into a build that needs none of them.
    text = (Path(__file__).parent / "data" / "vocabulary.yml").read_text(encoding="utf-8")
    return [_term(entry, "starter") for entry in yaml.load(text, Loader=FAST_LOADER)["terms"]]


def _term(entry: dict, origin: str, source: str | None = None) -> Term:
    aliases = tuple(str(a) for a in entry.get("aliases") or ())
    return Term(str(entry["term"]).strip(), aliases, entry.get("definition"), origin, entry.get("chapter"), source)


def build_lexicon(user_terms: list[Term], ignored: frozenset[str]) -> Lexicon:
    lexicon = Lexicon(ignored=ignored)
    for term in starter_terms() + user_terms:
        if normalise(term.name) not in ignored:
            lexicon.add(term)
    return lexicon
