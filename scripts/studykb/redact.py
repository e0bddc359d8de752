"""Private local paths never reach the site: ``/Users/luke/x`` is shown as ``~/x``.

The user names found in such paths are also hidden where they appear on their own
(``luke@laptop`` -> ``[user]@laptop``), unless they are generic account names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .config import Config

HOME_PATH_RE = re.compile(
    r"(?<![\w.~])/(?:Users|home)/(?P<unix>[^/\s`'\"<>|\\]+)(?=/|\b)"
    r"|(?<![\w.~])/root(?=/)"
    r"|\b[A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+(?P<win>[^\\/\s`'\"<>|]+)",
    re.IGNORECASE)
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
            if _may_hold_home_path(text):
                text = HOME_PATH_RE.sub("~", text)
            if self.names is not None and self._may_name_a_user(text):
                text = self.names.sub("[user]", text)
        for pattern in self.patterns:
            text = pattern.sub("[redacted]", text)
        return text

    def _may_name_a_user(self, text: str) -> bool:
        """A cheap test first: ``in`` is much faster than ``names``, whose lookbehind runs at every position."""
        return not self.name_list or any(name in text for name in self.name_list)


def _may_hold_home_path(text: str) -> bool:
    """A cheap test first: most lines name no path, and the full expression is slow."""
    lowered = text.lower()
    return "users" in lowered or "/home/" in lowered or "/root/" in lowered or "settings" in lowered


def user_names(lines: Iterable[str]) -> set[str]:
    """The account names inside home-directory paths, generic ones left out."""
    names = set()
    for line in lines:
        if not _may_hold_home_path(line):
            continue
        for match in HOME_PATH_RE.finditer(line):
            name = match["unix"] or match["win"]
            if name and len(name) >= 3 and name.lower() not in GENERIC_ACCOUNTS:
                names.add(name)
    return names


def make_redactor(config: Config, names: Iterable[str] = ()) -> Redactor:
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])") if ordered else None
    return Redactor(config.redact_paths, tuple(re.compile(p) for p in config.redact_patterns), pattern, tuple(ordered))
