"""Problems found in the input, each with the file and line it points at."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Iterable


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level.value}: {self.message}"


def error(path: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, Level.ERROR, message)


def warning(path: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, Level.WARNING, message)


def info(path: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, Level.INFO, message)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.level is Level.ERROR for d in diagnostics)


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    """One line of counts per level, e.g. ``1 error, 2 warnings, 0 infos``."""
    counts = Counter(d.level for d in diagnostics)
    parts = []
    for level in Level:
        n = counts.get(level, 0)
        parts.append(f"{n} {level.value}{'' if n == 1 else 's'}")
    return ", ".join(parts)
