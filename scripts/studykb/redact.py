"""Private data never reaches the site: home paths, the user names in them, and more.

A home path is shown as ``~``: ``/Users/luke/x`` -> ``~/x``, in every shape a log may
hold it (``/home/luke``, ``/root``, ``C:\\Users\\Luke Lee``, ``C:/Users/luke``, WSL's
``/mnt/c/Users/luke``, a share's ``\\\\server\\Users\\luke``, ``file:///Users/luke`` and
URL-encoded ``%2FUsers%2Fluke``).

The user names found in those paths are hidden elsewhere too, as ``[user]``, by one rule:

    A name is hidden wherever it stands as a word of its own, in any letter case, but a
    name that is also a common English word (``data/common_words.yml``) is hidden only
    inside a path, URL, address or identifier: a run of text without spaces that holds
    ``/``, ``\\``, ``@``, ``~``, a digit, a ``%XX`` escape or a ``_`` joining two words.

"As a word of its own": letters next to it make it part of another word (``lukewarm``
keeps ``luke``), while digits, ``_``, punctuation and ``%XX`` escapes do not
(``luke_2``, ``LUKE@box``, ``%2Fluke``). So with ``/Users/will/`` in a log, "it will be
passed on" keeps its "will" while ``will@laptop`` and ``~/will/notes`` do not; a word
joined by a slash is read as a path (``will/won't`` loses its "will"). Generic account
names (``user``, ``admin``, …) and names shorter than three letters are left alone.

The path a log is published under (its URL, the source page, ``kb.json``) hides every
name, ordinary word or not: see ``Redactor.path``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from .config import Config
from .diagnostics import Diagnostic, info
from .sources import LogText

# A path separator, as typed or URL-encoded.
SEPARATOR = r"(?:[\\/]|%2F|%5C)"
# One word of a home folder's name; Windows profiles may hold spaces ("John Smith"),
# so words joined by spaces (or %20) count when a separator follows them.
_WORD = r"[^\\/\s`'\"<>|%]+"
HOME_FOLDER = rf"{_WORD}(?:(?:\ |%20){_WORD})*(?={SEPARATOR})|{_WORD}(?=\b|{SEPARATOR})"
HOME_PATH_RE = re.compile(rf"""
    (?: \b[A-Z](?::|%3A) {SEPARATOR}+              # a drive: C:/ (or C%3A%5C URL-encoded)
      | (?<![\w.~%])/mnt/[A-Z] {SEPARATOR}+        # the same drive seen from WSL: /mnt/c/
      | \\\\[^\\/\s]+(?:\\[^\\/\s]+)? {SEPARATOR}+   # a network share: \\server or \\server\share
      | (?<![\w.~%]) {SEPARATOR}                   # or the path begins here: /
    )
    (?: (?:Users|home|Documents\ and\ Settings) {SEPARATOR}+ (?P<name>{HOME_FOLDER})
      | root (?={SEPARATOR})
    )
""", re.IGNORECASE | re.VERBOSE)
# Every home path holds one of these folders right after a separator. Most lines hold
# none, and searching for them first costs a fraction of the full expression, which is
# tried at every position of a line (1,000 synthetic sessions: 11 ms against 130 ms).
HOME_FOLDER_RE = re.compile(rf"{SEPARATOR}(?:Users|home|root|Documents and Settings)", re.IGNORECASE)

# Where a name stands as a word of its own: no letter before it (a %XX escape may end
# in one) and none after it.
_STARTS_WORD = r"(?:(?<![^\W\d_])|(?<=%[0-9A-F][0-9A-F]))"
_ENDS_WORD = r"(?![^\W\d_])"
# What makes a run of text without spaces a path, URL, address or identifier.
IDENTIFIER_MARK_RE = re.compile(r"[/\\@~\d]|%[0-9A-F][0-9A-F]|[^\W_]_+[^\W_]", re.IGNORECASE)

GENERIC_ACCOUNTS = frozenset({
    "user", "users", "admin", "administrator", "home", "shared", "public", "guest", "me",
    "root", "runner", "ubuntu", "vagrant", "pi", "default", "student", "test", "dev", "all users",
    "default user", "linuxbrew", "jovyan", "codespace", "vscode", "node", "ec2-user",
})
SHORTEST_NAME = 3


def _common_words() -> frozenset[str]:
    data = yaml.safe_load((Path(__file__).parent / "data" / "common_words.yml").read_text(encoding="utf-8"))
    return frozenset(word for words in data.values() for word in words.split())


COMMON_WORDS = _common_words()


@dataclass(frozen=True)
class Redactor:
    """Hides private text: ``redact(text)`` for what a log or the vocabulary says,
    ``redact.path(path)`` for the path a file is published under."""

    enabled: bool  # home paths and user names; ``redact_paths`` in the config
    patterns: tuple[re.Pattern, ...]  # the config's ``redact_patterns``, shown as [redacted]
    any_name: re.Pattern | None = None  # any user name, even inside a word: a quick test first, as for paths
    names: re.Pattern | None = None  # every user name as a word of its own
    distinctive_names: re.Pattern | None = None  # the names that are not common words, likewise
    identifiers_with_common_names: re.Pattern | None = None  # a run of text without spaces holding one

    def __call__(self, text: str) -> str:
        if self.enabled:
            text = self._hide_names(_without_home_paths(text))
        return self._hide_patterns(text)

    def redact_lines(self, lines: Iterable[str]) -> tuple[str, ...]:
        return tuple(self(line) for line in lines)

    def path(self, path: str) -> str:
        """A file's path as the site shows it: a path, so every name is hidden in it."""
        if self.enabled:
            path = _without_home_paths(path)
            if self.names is not None:
                path = self.names.sub("[user]", path)
        return self._hide_patterns(path)

    def _hide_names(self, text: str) -> str:
        if self.any_name is None or not self.any_name.search(text):  # most lines name no one
            return text
        if self.distinctive_names is not None:
            text = self.distinctive_names.sub("[user]", text)
        if self.identifiers_with_common_names is not None:
            text = self.identifiers_with_common_names.sub(self._hide_in_identifier, text)
        return text

    def _hide_in_identifier(self, run: re.Match) -> str:
        """A run of text without spaces that holds a name which is also a common word."""
        if IDENTIFIER_MARK_RE.search(run.group()):
            return self.names.sub("[user]", run.group())
        return run.group()

    def _hide_patterns(self, text: str) -> str:
        for pattern in self.patterns:
            text = pattern.sub("[redacted]", text)
        return text


def names_hidden_outside_home_paths(text: LogText, redacted: Sequence[str]) -> list[Diagnostic]:
    """An info line, for ``make check``, on each line of ``text`` where its ``redacted``
    form hides a user name outside a home path (a home path becomes ``~``, a name ``[user]``)."""
    return [info(text.path, number, "a user name from a home path is also here; shown as [user]")
            for number, (line, shown) in enumerate(zip(text.lines, redacted), 1)
            if shown.count("[user]") > line.count("[user]")]


def _without_home_paths(text: str) -> str:
    if not _may_hold_home_path(text):
        return text
    return HOME_PATH_RE.sub("~", text)


def _may_hold_home_path(text: str) -> bool:
    """Whether a home folder follows a path separator in ``text``. Most lines hold no ``/``,
    ``\\`` or ``%`` (one of which every SEPARATOR is): no search for those."""
    return ("/" in text or "\\" in text or "%" in text) and HOME_FOLDER_RE.search(text) is not None


def user_names(texts: Iterable[str]) -> set[str]:
    """The account names in the home paths of ``texts``, in lower case, generic ones left out.

    A name with spaces ("John Smith") is also taken word by word.
    """
    names = set()
    for text in filter(_may_hold_home_path, texts):
        for match in HOME_PATH_RE.finditer(text):
            if match["name"]:
                full = match["name"].replace("%20", " ").lower()
                names.update(n for n in [full, *full.split()] if _is_private(n))
    return names


def _is_private(name: str) -> bool:
    return len(name) >= SHORTEST_NAME and name not in GENERIC_ACCOUNTS


def make_redactor(config: Config, names: Iterable[str] = ()) -> Redactor:
    patterns = tuple(re.compile(p) for p in config.redact_patterns)
    names = sorted({n.lower() for n in names if n.strip()}, key=lambda n: (-len(n), n))  # the longest first
    if not names:
        return Redactor(config.redact_paths, patterns)
    distinctive = [n for n in names if n not in COMMON_WORDS]
    common = [n for n in names if n in COMMON_WORDS]
    return Redactor(config.redact_paths, patterns, re.compile("|".join(map(re.escape, names)), re.IGNORECASE),
                    _as_words(names), _as_words(distinctive) if distinctive else None,
                    _runs_holding(common) if common else None)


def _as_words(names: list[str]) -> re.Pattern:
    return re.compile(rf"{_STARTS_WORD}(?:{'|'.join(map(re.escape, names))}){_ENDS_WORD}", re.IGNORECASE)


def _runs_holding(names: list[str]) -> re.Pattern:
    """A run of text without spaces that holds one of ``names`` as a word of its own."""
    return re.compile(rf"(?<!\S)\S*?{_as_words(names).pattern}\S*", re.IGNORECASE)
