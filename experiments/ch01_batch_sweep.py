"""ch01-batch-sweep: batch sizes compared at a fixed number of epochs."""

from __future__ import annotations

from typing import Mapping

import numpy as np

from experiments import plotting, sweep
from experiments.batch_training import BatchRun, train_batch_sizes
from experiments.result import FigureFile, Result, format_spread, rounded, spread


def run(params: Mapping, progress=None) -> Result:
    seed_list = sweep.seeds(params["n_seeds"])
    points = sweep.spiral_per_seed(seed_list)
    runs = train_batch_sizes(params, points, seed_list, progress=progress)
    settings, losses = [], []
    for batch in runs:
        loss, accuracy = sweep.final_scores(batch.outcome.snapshots[batch.epoch_steps], points, 1)
        setting = _setting(params, batch)
        settings.append(sweep.setting_entry(setting, loss[0], accuracy[0]))
        losses.append(loss[0])
    best = int(np.argmin([loss.mean() for loss in losses]))
    metrics = {
        "seeds": seed_list,
        "settings": settings,
        "headline": (
            f"lowest mean loss at batch {runs[best].batch_size} "
            f"({runs[best].epoch_steps} updates): {format_spread(spread(losses[best]))}"
        ),
    }
    caption = (
        f"Training loss per epoch for each batch size at lr {params['lr']:g} and {params['epochs']} epochs, "
        f"mean ± std over {len(seed_list)} seeds; the legend gives each size's number of updates."
    )
    return Result(rounded(metrics), (FigureFile("loss.svg", caption, _loss_figure(runs, params)),))


def _setting(params: Mapping, batch: BatchRun) -> dict:
    return {
        "batch_size": batch.batch_size,
        "lr": params["lr"],
        "hidden_size": params["hidden_size"],
        "epochs": params["epochs"],
        "updates": batch.epoch_steps,
    }


def _loss_figure(runs: list[BatchRun], params: Mapping) -> bytes:
    def draw(figure):
        ax = figure.subplots()
        for batch in runs:
            curve = sweep.epoch_means(batch.outcome.batch_loss[: batch.epoch_steps, 0], batch.per_epoch)
            label = f"batch {batch.batch_size} ({batch.epoch_steps} updates)"
            plotting.plot_band(ax, np.arange(1, len(curve) + 1), curve, label)
        ax.set(xlabel="epoch", ylabel="training loss (cross-entropy)", ylim=(0, None))
        ax.set_title(f"Ch01 batch sweep: lr {params['lr']:g}, {params['epochs']} epochs for every batch size")
        ax.legend(title="batch size")

    return plotting.render_svg(draw, (6.0, 3.8))
