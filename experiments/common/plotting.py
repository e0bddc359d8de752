"""Deterministic SVG figures: mean ± spread bands over seeds, and decision regions.

Figures are drawn on bare `matplotlib.figure.Figure` objects (no pyplot, so no global
figure registry) inside `figure_style()`, which resets rcParams for every run and pins
everything that would otherwise make two renderings of the same data differ.
"""

from __future__ import annotations

import contextlib
import io
import re
from types import MappingProxyType
from typing import Callable, Iterator, Mapping, Sequence

import matplotlib

matplotlib.use("Agg")  # never open a window, whatever MPLBACKEND says

import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from experiments.common.data import LabelledPoints  # noqa: E402

_STYLE = MappingProxyType(
    {
        "svg.hashsalt": "studykb",  # stable ids for clip paths and markers
        "svg.fonttype": "none",  # text stays text: smaller files, searchable labels
        "font.size": 10.0,
        "legend.fontsize": 9.0,  # with figures 4 in wide: 11 px or more on a 360 px phone screen
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "path.simplify": True,
    }
)
BAND_ALPHA = 0.2
REGION_COLORS = ("#c6dbef", "#fdd0a2", "#c7e9c0")
POINT_COLORS = ("#2171b5", "#d94801", "#238b45")
GRID_SIZE = 120  # the decision regions: enough for the boundary, a fraction of the bytes
GRID_MARGIN = 0.1


@contextlib.contextmanager
def figure_style() -> Iterator[None]:
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(_STYLE)
        yield


def render_svg(
    draw: Callable[[Figure], None], size: tuple[float, float], margins: Mapping[str, float] | None = None
) -> bytes:
    """Draw a figure of `size` inches with `draw` and return it as reproducible SVG.

    `margins` (arguments of `Figure.subplots_adjust`) fix the layout by hand; without
    them the constrained layout fits it, which measures every label twice and takes
    about half the rendering time of a figure with a few dozen labels.
    """
    with figure_style():
        figure = Figure(figsize=size, layout=None if margins else "constrained")
        if margins:
            figure.subplots_adjust(**margins)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return _fewer_decimals(buffer.getvalue())


# Coordinates are in points: a tenth of a point is finer than any screen shows.
_GEOMETRY = re.compile(rb'(\s(?:d|x|y|x1|x2|y1|y2|width|height|transform)=")([^"]*)"')
_LONG_DECIMAL = re.compile(rb"(\d\.\d)\d+")


def _fewer_decimals(svg: bytes) -> bytes:
    """The SVG with the numbers of its geometry cut to one decimal (about a third of the
    bytes of a dense curve); text such as tick labels is left as it is."""
    return _GEOMETRY.sub(lambda m: m[1] + _LONG_DECIMAL.sub(rb"\1", m[2]) + b'"', svg)


MAX_CURVE_POINTS = 150  # more than a 4-inch figure can show apart


def plot_band(ax, x: np.ndarray, samples: np.ndarray, label: str, color=None) -> None:
    """Mean over seeds (last axis of `samples`) as a line, ± one std as a shaded band,
    at most MAX_CURVE_POINTS points (evenly spaced, the last one kept)."""
    if len(x) > MAX_CURVE_POINTS:
        keep = np.unique(np.linspace(0, len(x) - 1, MAX_CURVE_POINTS).round().astype(int))
        x, samples = np.asarray(x)[keep], samples[keep]
    mean = samples.mean(axis=-1)
    std = samples.std(axis=-1, ddof=1) if samples.shape[-1] > 1 else np.zeros_like(mean)
    (line,) = ax.plot(x, mean, label=label, color=color, linewidth=1.2)
    ax.fill_between(x, mean - std, mean + std, color=line.get_color(), alpha=BAND_ALPHA, linewidth=0)


def plot_errorbars(ax, x: Sequence, samples: np.ndarray, label: str, **style) -> None:
    """Mean ± one std over seeds (last axis of `samples`) at each x."""
    std = samples.std(axis=-1, ddof=1) if samples.shape[-1] > 1 else np.zeros(len(x))
    ax.errorbar(x, samples.mean(axis=-1), yerr=std, label=label, capsize=3, marker="o", markersize=4, **style)


def decision_grid(points: LabelledPoints, size: int = GRID_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """(xx, yy) meshgrid of `size` x `size` covering the points with a small margin."""
    low = points.x.min(axis=0) - GRID_MARGIN
    high = points.x.max(axis=0) + GRID_MARGIN
    return np.meshgrid(np.linspace(low[0], high[0], size), np.linspace(low[1], high[1], size))


def plot_decision_regions(ax, predict: Callable[[np.ndarray], np.ndarray], points: LabelledPoints) -> None:
    """Filled class regions of `predict` (points (K, 2) -> labels (K,)), points on top."""
    xx, yy = decision_grid(points)
    regions = predict(np.column_stack([xx.ravel(), yy.ravel()])).reshape(xx.shape)
    classes = len(REGION_COLORS)
    ax.contourf(xx, yy, regions, levels=np.arange(classes + 1) - 0.5, colors=REGION_COLORS)
    for label in range(classes):
        chosen = points.x[points.labels == label]
        ax.scatter(chosen[:, 0], chosen[:, 1], s=6, color=POINT_COLORS[label], label=f"class {label}")
    ax.set_aspect("equal")
    ax.grid(False)
