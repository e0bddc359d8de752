"""ch06-gradient-norms: how a gradient grows or fades going back through time, and what clipping does."""

from __future__ import annotations

from typing import Mapping

from experiments.common.book_params import CLIP_WORDS, hidden_size, seeds
from experiments.context import RunContext
from experiments.result import FigureFile, Result, Table, rounded
from experiments.spec import Column, integer, number, numbers
from experiments.tiers import TieredSpec

SPEC = TieredSpec(
    id="ch06-gradient-norms",
    chapter=6,
    title="Ch06 gradient norms through time: exploding, vanishing, clipping",
    summary=(
        "Follows the gradient dh back through T time steps of an RNN's recurrent product, "
        "dh <- dh Wh^T (as the book's rnn_gradient_graph.py: N = 2, H = 3, T = 20, dh starting "
        "as ones), with Wh a random matrix scaled to a given spectral radius (its largest "
        "eigenvalue's size): above 1 the norm grows exponentially, below 1 it fades, and tanh's slope in "
        "between makes it fade faster. Clipping caps the norm at a threshold and keeps the "
        "gradient's direction."
    ),
    answers=(r"\bgradient (?:norms?|clipping|explo\w*|vanish\w*)", r"\bexplod\w* gradients?\b",
             r"\bvanish\w* gradients?\b", r"\bclip\w*\b", r"\brnn_gradient_graph\.py\b"),
    params=(numbers("scales", (0.5, 1.5), "scale", "spectral radii of the recurrent weight Wh", 0.01,
                    10.0, words=("scales", "scale", "wh scale", "spectral radius")),
            integer("time_steps", 20, "T", "time steps the gradient goes back through", 2, 200,
                    words=("time steps", "time_steps", "T")),
            hidden_size(3, 100),
            number("max_grad", 5.0, "clip", "clipping threshold shown", 0.0, 1e6, words=CLIP_WORDS),
            seeds(5)),
    concepts=("exploding gradient", "vanishing gradient", "gradient clipping", "backpropagation through time"),
    columns=(Column("scale", "spectral radius of Wh"), Column("tanh", "through tanh"),
             Column("first", "norm one step back (median)"),
             Column("last", "norm T steps back: median (lowest, highest)"),
             Column("clipped", "median T steps back, clipped")),
    list_param="scales",
)

BATCH = 2  # the book's N


def run(params: Mapping, progress=None, context: RunContext = RunContext()) -> Result:
    import numpy as np

    settings = [(scale, tanh) for scale in params["scales"] for tanh in (False, True)]
    norms = {setting: np.stack([_norms_back(*setting, seed, params) for seed in range(params["n_seeds"])], axis=1)
             for setting in settings}  # (time steps, seeds)
    rows = [_row(scale, tanh, curve, params["max_grad"]) for (scale, tanh), curve in norms.items()]
    metrics = {
        "seeds": list(range(params["n_seeds"])),
        "settings": rows,
        "headline": "; ".join(f"scale {r['scale']:g}{' + tanh' if r['tanh'] == 'yes' else ''}: "
                              f"{r['first']} -> {r['last'].split()[0]}" for r in rows),
    }
    caption = (f"Norm of dh at each step going back through {params['time_steps']} steps (N = {BATCH}, H = "
               f"{params['hidden_size']}), mean ± std of its logarithm over {params['n_seeds']} draws of Wh; the dashed "
               f"line is the clipping threshold {params['max_grad']:g}.")
    figure = FigureFile("norms.svg", caption, _figure(norms, params))
    note = ("Plain linear algebra, no training: the norm is multiplied at each step by Wh^T (and tanh's slope), "
            "so it grows or fades geometrically with Wh's spectral radius (its largest eigenvalue's size).")
    return Result(rounded(metrics), (figure,), Table(SPEC.columns, tuple(rows), note))


def _norms_back(scale: float, tanh: bool, seed: int, params: Mapping):
    """|dh| at each step back in time, the book's way: dh starts as ones."""
    import numpy as np

    rng = np.random.default_rng(seed)
    H, T = params["hidden_size"], params["time_steps"]
    Wh = rng.standard_normal((H, H))
    Wh *= scale / np.abs(np.linalg.eigvals(Wh)).max()
    # tanh's slope where it is used: 1 - tanh(a)^2 at random pre-activations of unit size.
    slopes = 1 - np.tanh(rng.standard_normal((T, BATCH, H))) ** 2 if tanh else np.ones((T, BATCH, H))
    dh = np.ones((BATCH, H))
    norms = []
    for t in range(T):
        dh = (dh * slopes[t]) @ Wh.T
        norms.append(np.sqrt((dh ** 2).sum()) / BATCH)
    return np.asarray(norms)


def _row(scale: float, tanh: bool, curve, max_grad: float) -> dict:
    import numpy as np

    first, last = float(np.median(curve[0])), float(np.median(curve[-1]))
    return {"scale": scale, "tanh": "yes" if tanh else "no", "first": f"{first:.3g}",
            "last": f"{last:.3g} ({curve[-1].min():.2g}, {curve[-1].max():.2g})",
            "clipped": f"{_clipped_norm(last, max_grad):.3g}"}


def _clipped_norm(norm: float, max_grad: float) -> float:
    """The norm of a gradient of norm `norm` after the book's clipping (models.optim.clip_grads)."""
    import numpy as np

    from experiments.models.optim import clip_grads

    grad = np.full((1,), norm)
    if max_grad > 0:
        clip_grads([grad], max_grad)
    return float(np.abs(grad).sum())


def _figure(norms: dict, params: Mapping) -> bytes:
    import numpy as np

    from experiments.common import charts

    steps = np.arange(1, params["time_steps"] + 1)
    series = [charts.Series(f"spectral radius {scale:g}{' with tanh' if tanh else ''}", steps,
                            np.log10(curve)) for (scale, tanh), curve in norms.items()]
    levels = [charts.Level(f"clipping threshold {params['max_grad']:g}", float(np.log10(params["max_grad"])))] \
        if params["max_grad"] > 0 else []
    return charts.curves_svg("Ch06 gradient norm going back in time", "steps back in time",
                             "log10 of the norm of dh", series, levels)
