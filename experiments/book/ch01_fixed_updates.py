"""ch01-fixed-updates: batch sizes at fixed epochs beside the same at fixed total updates."""

from __future__ import annotations

from typing import Mapping

from experiments.common.ch01_settings import EPOCHS, HIDDEN_SIZE, LR, N_SEEDS, SWEPT_BATCHES
from experiments.result import FigureFile, Result, format_spread, rounded, spread
from experiments.spec import Column, Spec, integer

SPEC = Spec(
    id="ch01-fixed-updates",
    chapter=1,
    title="Ch01 batch sizes compared fairly: fixed epochs vs fixed total updates",
    summary=(
        "Runs the batch sizes twice: once for a fixed number of epochs (so small "
        "batches make more updates) and once for a fixed total number of updates "
        "(default 3000 = batch 30 x 300 epochs), shown side by side. Only the second "
        "is a fair comparison of batch size itself."
    ),
    answers=(
        r"fixed[- ]total[- ]updates?",
        r"fixed[- ](?:number[- ]of[- ])?updates?\b",
        r"(?:equal|same)[- ](?:number[- ]of[- ]|total[- ])?updates",
        r"\b(?:ran|run|re-?ran|re-?run|repeated|redid|did)\b.*\bfair comparison\b",
    ),
    params=(
        SWEPT_BATCHES, LR, HIDDEN_SIZE, EPOCHS, N_SEEDS,
        integer("updates", 3000, "updates", "total SGD updates per model (fair panel)", 1, 100_000,
                words=("total updates", "updates", "update steps", "total update")),
    ),
    concepts=("batch size", "updates per epoch", "fair comparison"),
    columns=(
        Column("regime", "trained for"), Column("batch_size", "batch size"), Column("epochs", "epochs"),
        Column("updates", "updates"), Column("loss", "final loss (mean ± std)", "spread"),
        Column("accuracy", "accuracy (mean ± std)", "percent"),
    ),
    list_param="batch_sizes",
)

CURVE_POINTS = 150  # windows per fixed-updates curve: smooth enough, small files
FIXED_EPOCHS, FIXED_UPDATES = "fixed epochs", "fixed updates"


def run(params: Mapping, progress=None) -> Result:
    from experiments.common import sweep
    from experiments.common.batch_training import train_batch_sizes

    seed_list = sweep.seeds(params["n_seeds"])
    points = sweep.spiral_per_seed(seed_list)
    runs = train_batch_sizes(params, points, seed_list, updates=params["updates"], progress=progress)
    finals = {}  # (regime, batch size) -> (loss, accuracy) per seed
    for batch in runs:
        for regime, steps in ((FIXED_EPOCHS, batch.epoch_steps), (FIXED_UPDATES, params["updates"])):
            loss, accuracy = sweep.final_scores(batch.outcome.snapshots[steps], points, 1)
            finals[regime, batch.batch_size] = (loss[0], accuracy[0])
    settings = [
        sweep.setting_entry(_setting(params, batch, regime), *finals[regime, batch.batch_size])
        for regime in (FIXED_EPOCHS, FIXED_UPDATES)
        for batch in runs
    ]
    metrics = {"seeds": seed_list, "settings": settings, "headline": _headline(finals, params)}
    figures = (
        FigureFile("comparison.svg", _comparison_caption(params, len(seed_list)), _comparison_figure(runs, params)),
        FigureFile("final.svg", _final_caption(params), _final_figure(runs, finals, params)),
    )
    note = (f"Mean ± std over {len(seed_list)} seeds; loss and accuracy on all training points, "
            f"after {params['epochs']} epochs and after {params['updates']} updates.")
    return Result(rounded(metrics), figures, sweep.settings_table(SPEC.columns, settings, note))


def _setting(params: Mapping, batch, regime: str) -> dict:
    updates = batch.epoch_steps if regime == FIXED_EPOCHS else params["updates"]
    return {
        "regime": regime,
        "batch_size": batch.batch_size,
        "lr": params["lr"],
        "hidden_size": params["hidden_size"],
        "epochs": updates / batch.per_epoch,
        "updates": updates,
    }


def _headline(finals: dict, params: Mapping) -> str:
    def best(regime: str) -> str:
        sizes = [size for kind, size in finals if kind == regime]
        size = min(sizes, key=lambda s: finals[regime, s][0].mean())
        return f"batch {size} ({format_spread(spread(finals[regime, size][0]))})"

    return (
        f"lowest mean loss at {params['updates']} updates: {best(FIXED_UPDATES)}; "
        f"at {params['epochs']} epochs: {best(FIXED_EPOCHS)}"
    )


def _comparison_caption(params: Mapping, n_seeds: int) -> str:
    return (
        f"Top: every batch size trained {params['epochs']} epochs, so smaller batches make more updates. "
        f"Bottom: every batch size trained {params['updates']} updates (mean batch loss per window). "
        f"Mean ± std over {n_seeds} seeds, lr {params['lr']:g}."
    )


def _final_caption(params: Mapping) -> str:
    return (
        f"Loss on all training points after training, mean ± std over seeds: at {params['epochs']} epochs "
        f"versus at {params['updates']} updates."
    )


def _comparison_figure(runs: list, params: Mapping) -> bytes:
    import numpy as np

    from experiments.common import plotting, sweep

    def draw(figure):
        epochs_ax, updates_ax = figure.subplots(2, 1, sharey=True)
        for batch in runs:
            label = f"batch {batch.batch_size}"
            curve = sweep.epoch_means(batch.outcome.batch_loss[: batch.epoch_steps, 0], batch.per_epoch)
            plotting.plot_band(epochs_ax, np.arange(1, len(curve) + 1), curve, f"{label} ({batch.epoch_steps} upd.)")
            steps, windows = sweep.window_means(batch.outcome.batch_loss[: params["updates"], 0], CURVE_POINTS)
            epochs = params["updates"] / batch.per_epoch
            plotting.plot_band(updates_ax, steps, windows, f"{label} ({epochs:g} epochs)")
        epochs_ax.set(xlabel="epoch", ylabel="training loss (cross-entropy)", ylim=(0, None))
        epochs_ax.set_title(f"fixed {params['epochs']} epochs (updates differ)")
        updates_ax.set(xlabel="update (SGD step)")
        updates_ax.set_title(f"fixed {params['updates']} updates (fair)")
        epochs_ax.legend()
        updates_ax.legend()
        figure.suptitle(f"Ch01 batch sizes at lr {params['lr']:g}:\nfixed epochs vs fixed total updates")

    return plotting.render_svg(draw, (4.0, 6.4))


def _final_figure(runs: list, finals: dict, params: Mapping) -> bytes:
    import numpy as np

    from experiments.common import plotting

    sizes = [batch.batch_size for batch in runs]

    def draw(figure):
        ax = figure.subplots()
        for regime, label in ((FIXED_EPOCHS, f"{params['epochs']} epochs"), (FIXED_UPDATES, f"{params['updates']} updates")):
            losses = np.stack([finals[regime, size][0] for size in sizes])
            plotting.plot_errorbars(ax, sizes, losses, label)
        ax.set(xscale="log", xlabel="batch size", ylabel="loss on all points", ylim=(0, None))
        ax.set_xticks(sizes, [str(size) for size in sizes])
        ax.minorticks_off()
        ax.set_title("Ch01 final loss by batch size: fixed epochs vs fixed updates")
        ax.legend(title="trained for")

    return plotting.render_svg(draw, (4.0, 3.2))
