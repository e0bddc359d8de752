"""What an experiment hands back: metrics, its result table and rendered figures (no NumPy here).

Experiments return their files instead of writing them, so one place (the runner)
decides where and how they land on disk.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Mapping, Sequence

from experiments.spec import Column, Tolerance

# Digits five and six of a loss change with the CPU's BLAS kernels: four are kept.
SIGNIFICANT_DIGITS = 4


@dataclass(frozen=True)
class FigureFile:
    file: str  # name inside the run's results directory, e.g. "loss.svg"
    caption: str
    content: bytes


@dataclass(frozen=True)
class Table:
    """The result table a page shows: the experiment's columns, one row per setting.

    A row maps a column's key to a value: a number or text, or for a "spread" or
    "percent" column ``{"mean": ..., "std": ...}``. ``note`` says what the numbers are.
    """

    columns: tuple[Column, ...]
    rows: tuple[Mapping, ...]
    note: str = ""

    def as_json(self) -> dict:
        return {
            "columns": [{"key": c.key, "heading": c.heading, "format": c.format} for c in self.columns],
            "rows": [dict(row) for row in self.rows],
            "note": self.note,
        }


@dataclass(frozen=True)
class Result:
    metrics: Mapping  # JSON-ready; "experiment", "params", "table" and "figures" are added by the runner
    figures: tuple[FigureFile, ...]
    table: Table | None = None


def rounded(value, digits: int = SIGNIFICANT_DIGITS):
    """`value` with every float cut to `digits` significant digits, so files stay stable."""
    if isinstance(value, float):
        return float(f"{value:.{digits}g}") if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {key: rounded(item, digits) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(item, digits) for item in value]
    return value


def agree(stored, new, tolerance: Tolerance) -> bool:
    """Whether two JSON values are the same but for floats within `tolerance`."""
    if isinstance(stored, bool) or isinstance(new, bool):
        return stored == new
    if isinstance(stored, (int, float)) and isinstance(new, (int, float)):
        return stored == new or tolerance.agree(float(stored), float(new))
    if isinstance(stored, dict) and isinstance(new, dict):
        return stored.keys() == new.keys() and all(agree(stored[k], new[k], tolerance) for k in stored)
    if isinstance(stored, list) and isinstance(new, list):
        return len(stored) == len(new) and all(agree(a, b, tolerance) for a, b in zip(stored, new))
    return stored == new


def spread(values: Sequence[float]) -> dict[str, float]:
    """Mean and sample standard deviation over seeds (std 0 for a single seed)."""
    values = [float(v) for v in values]
    std = statistics.stdev(values) if len(values) > 1 else 0.0
    return {"mean": statistics.fmean(values), "std": std}


def format_spread(summary: Mapping[str, float], percent: bool = False) -> str:
    scale, unit = (100.0, " %") if percent else (1.0, "")
    digits = 1 if percent else 3
    return f"{summary['mean'] * scale:.{digits}f} ± {summary['std'] * scale:.{digits}f}{unit}"
