"""The chapter 2-8 figures: curves over epochs (mean ± std over seeds), labelled word
scatters and heat maps, as reproducible SVG (experiments.common.plotting's style)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from matplotlib.ticker import MaxNLocator

from experiments.common import plotting

ANNOTATED_CELLS = 150  # a heat map this small also prints its values


@dataclass(frozen=True)
class Series:
    label: str
    x: np.ndarray
    samples: np.ndarray  # (len(x), seeds)


@dataclass(frozen=True)
class Level:
    """A horizontal line: a limit (the true perplexity) or a reference (the book's figure)."""

    label: str
    y: float
    style: str = "--"


def curves_svg(title: str, xlabel: str, ylabel: str, series: Sequence[Series], levels: Sequence[Level] = (),
               log_y: bool = False, size: tuple[float, float] = (6.0, 3.6)) -> bytes:
    def draw(figure):
        ax = figure.subplots()
        for one in series:
            plotting.plot_band(ax, one.x, one.samples, one.label)
        for level in levels:
            ax.axhline(level.y, color="C7", linestyle=level.style, linewidth=1.0, label=level.label)
        ax.set(xlabel=xlabel, ylabel=ylabel, yscale="log" if log_y else "linear")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # epochs and steps are whole numbers
        ax.set_title(title)
        ax.legend(fontsize=7)

    return plotting.render_svg(draw, size)


def scatter_words_svg(title: str, points: np.ndarray, words: Sequence[str], groups: Sequence[str] | None = None,
                      size: tuple[float, float] = (5.0, 4.4)) -> bytes:
    """Each word at its 2-D point, coloured by its group (a planted class) when given."""
    def draw(figure):
        ax = figure.subplots()
        names = sorted(set(groups)) if groups is not None else [""]
        for k, name in enumerate(names):
            chosen = [i for i in range(len(words)) if groups is None or groups[i] == name]
            ax.scatter(points[chosen, 0], points[chosen, 1], s=10, color=f"C{k % 10}", label=name or None)
            for i in chosen:
                ax.annotate(words[i], points[i], fontsize=7, xytext=(2, 2), textcoords="offset points")
        ax.set(xlabel="SVD dimension 1", ylabel="SVD dimension 2")
        ax.set_title(title)
        if groups is not None:
            ax.legend(fontsize=7, markerscale=1.5)

    return plotting.render_svg(draw, size)


def heatmaps_svg(title: str, panels: Sequence[tuple[str, np.ndarray, Sequence[str], Sequence[str]]],
                 size: tuple[float, float]) -> bytes:
    """Panels of (title, matrix (rows, columns), row labels, column labels), side by side."""
    def draw(figure):
        axes = np.atleast_1d(figure.subplots(1, len(panels)))
        for ax, (name, matrix, rows, columns) in zip(axes, panels):
            ax.imshow(matrix, cmap="Greys", aspect="auto", interpolation="nearest")
            ax.set_xticks(range(len(columns)), columns, fontsize=6)
            ax.set_yticks(range(len(rows)), rows, fontsize=6)
            ax.grid(False)
            ax.set_title(name, fontsize=8)
            if matrix.size <= ANNOTATED_CELLS:
                _print_values(ax, matrix)
        figure.suptitle(title)

    return plotting.render_svg(draw, size)


def _print_values(ax, matrix: np.ndarray) -> None:
    high = float(matrix.max()) or 1.0
    for (row, column), value in np.ndenumerate(matrix):
        ax.text(column, row, f"{value:.2g}", ha="center", va="center", fontsize=6,
                color="white" if value > high / 2 else "black")


def seeds_last(values: Sequence[Sequence[float]]) -> np.ndarray:
    """Per-seed sequences (seeds, epochs) as (epochs, seeds), the shape plot_band takes."""
    return np.asarray(values, dtype=np.float64).T
