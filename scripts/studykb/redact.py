"""Private local paths never reach the site: ``/Users/luke/x`` is shown as ``~/x``.

The user names found in such paths are also hidden where they appear on their own
(``luke@laptop`` -> ``[user]@laptop``), unless they are generic account names.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, count
from operator import add
from typing import Iterable, Sequence

from .config import Config

# Case matters only in the folder names, so only they ignore it (``[A-Za-z]`` written out
# with the four other letters that IGNORECASE lets it match); and the paths' leading slash
# comes before its lookbehind. Both make this several times faster than the plain form,
# with the same matches (tests/test_fast_paths.py):
#   (?<![\w.~])/(?:Users|home)/(?P<unix>[^/\s`'"<>|\\]+)(?=/|\b) | (?<![\w.~])/root(?=/)
#   | \b[A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+(?P<win>[^\\/\s`'"<>|]+)   (IGNORECASE)
HOME_PATH_RE = re.compile(
    r"/(?<![\w.~]/)(?:(?i:Users|home)/(?P<unix>[^/\s`'\"<>|\\]+)(?=/|\b)|(?i:root)(?=/))"
    r"|\b[A-Za-z\u0130\u0131\u017f\u212a]:[\\/]+(?i:Users|Documents and Settings)[\\/]+(?P<win>[^\\/\s`'\"<>|]+)")
# Every home path holds one of these: a line without them has none.
PATH_SEPARATORS = ("/", "\\")
GENERIC_ACCOUNTS = frozenset({
    "user", "users", "admin", "administrator", "home", "shared", "public", "guest", "me",
    "root", "runner", "ubuntu", "vagrant", "pi", "default", "student", "test", "dev", "all users",
})


@dataclass(frozen=True)
class Redactor:
    enabled: bool
    patterns: tuple[re.Pattern, ...]
    names: re.Pattern | None = None
    name_list: tuple[str, ...] = ()  # the names ``names`` matches, for a cheap test first

    def __call__(self, text: str) -> str:
        if self.enabled:
            text = self._hide_private(text)
        for pattern in self.patterns:
            text = pattern.sub("[redacted]", text)
        return text

    def redact_lines(self, lines: Sequence[str]) -> tuple[str, ...]:
        """``self`` on each line, at a fraction of the cost.

        Only a line holding a path separator or a user name can lose a private part;
        ``str.find`` over the whole text finds those lines, rather than a test per line.
        """
        out = list(lines)
        if self.enabled:
            for i in self._lines_to_hide_in(out):
                out[i] = self._hide_private(out[i])
        for pattern in self.patterns:
            out = [pattern.sub("[redacted]", line) for line in out]
        return tuple(out)

    def _lines_to_hide_in(self, lines: Sequence[str]) -> Iterable[int]:
        if self.names is not None and not self.name_list:  # no cheap test for ``names``
            return range(len(lines))
        return _lines_holding(lines, PATH_SEPARATORS + self.name_list)

    def _hide_private(self, text: str) -> str:
        if _may_hold_home_path(text):
            text = HOME_PATH_RE.sub("~", text)
        if self.names is not None and self._may_name_a_user(text):
            text = self.names.sub("[user]", text)
        return text

    def _may_name_a_user(self, text: str) -> bool:
        """A cheap test first: ``in`` is much faster than ``names``, whose lookbehind runs at every position."""
        return not self.name_list or any(name in text for name in self.name_list)


def _may_hold_home_path(text: str) -> bool:
    """A cheap test first: most lines name no path, and the full expression is slow."""
    lowered = text.lower()
    return "users" in lowered or "/home/" in lowered or "/root/" in lowered or "settings" in lowered


def _lines_holding(lines: Sequence[str], needles: Iterable[str]) -> set[int]:
    """The indexes of the lines holding one of ``needles`` (none of which holds a line break).

    ``str.find`` scans the lines joined, and a bisection names the line of each hit:
    a line without a needle costs no Python at all.
    """
    if not lines:
        return set()
    text = "\n".join(lines)
    ends = list(map(add, accumulate(map(len, lines)), count(1)))  # where each line's successor begins
    found = set()
    for needle in needles:
        start = 0
        while (hit := text.find(needle, start)) >= 0:
            line = bisect_right(ends, hit)
            found.add(line)
            start = ends[line]
    return found


def user_names(lines: Iterable[str]) -> set[str]:
    """The account names inside home-directory paths, generic ones left out."""
    lines = list(lines)
    names = set()
    for i in sorted(_lines_holding(lines, PATH_SEPARATORS)):
        if not _may_hold_home_path(lines[i]):
            continue
        for match in HOME_PATH_RE.finditer(lines[i]):
            name = match["unix"] or match["win"]
            if name and len(name) >= 3 and name.lower() not in GENERIC_ACCOUNTS:
                names.add(name)
    return names


def make_redactor(config: Config, names: Iterable[str] = ()) -> Redactor:
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])") if ordered else None
    return Redactor(config.redact_paths, tuple(re.compile(p) for p in config.redact_patterns), pattern, tuple(ordered))
