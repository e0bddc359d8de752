"""Private local paths never reach the site: ``/Users/luke/x`` is shown as ``~/x``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .config import Config

HOME_PATH_RE = re.compile(
    r"(?P<unix>(?<![\w.~])/(?:Users|home)/[^/\s`'\"<>|]+)(?=/|\b)"
    r"|(?P<root>(?<![\w.~])/root)(?=/)"
    r"|(?P<win>\b[A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+[^\\/\s`'\"<>|]+)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Redactor:
    enabled: bool
    patterns: tuple[re.Pattern, ...]

    def __call__(self, text: str) -> str:
        if self.enabled:
            text = HOME_PATH_RE.sub("~", text)
        for pattern in self.patterns:
            text = pattern.sub("[redacted]", text)
        return text


def make_redactor(config: Config) -> Redactor:
    return Redactor(config.redact_paths, tuple(re.compile(p) for p in config.redact_patterns))
