"""What an experiment hands back: metrics and rendered figures (no NumPy here).

Experiments return their files instead of writing them, so one place (the runner)
decides where and how they land on disk.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Mapping, Sequence

SIGNIFICANT_DIGITS = 6


@dataclass(frozen=True)
class FigureFile:
    file: str  # name inside the run's results directory, e.g. "loss.svg"
    caption: str
    content: bytes


@dataclass(frozen=True)
class Result:
    metrics: Mapping  # JSON-ready; "experiment", "params" and "figures" are added by the runner
    figures: tuple[FigureFile, ...]


def rounded(value, digits: int = SIGNIFICANT_DIGITS):
    """`value` with every float cut to `digits` significant digits, so files stay stable."""
    if isinstance(value, float):
        return float(f"{value:.{digits}g}") if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {key: rounded(item, digits) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(item, digits) for item in value]
    return value


def spread(values: Sequence[float]) -> dict[str, float]:
    """Mean and sample standard deviation over seeds (std 0 for a single seed)."""
    values = [float(v) for v in values]
    std = statistics.stdev(values) if len(values) > 1 else 0.0
    return {"mean": statistics.fmean(values), "std": std}


def format_spread(summary: Mapping[str, float], percent: bool = False) -> str:
    scale, unit = (100.0, " %") if percent else (1.0, "")
    digits = 1 if percent else 3
    return f"{summary['mean'] * scale:.{digits}f} ± {summary['std'] * scale:.{digits}f}{unit}"
