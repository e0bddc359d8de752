"""ch01-lr-sweep: one learning rate per setting, everything else held fixed."""

from __future__ import annotations

from typing import Mapping

import numpy as np

from experiments import plotting, sweep, training
from experiments.result import FigureFile, Result, format_spread, rounded, spread


def run(params: Mapping, progress=None) -> Result:
    seed_list = sweep.seeds(params["n_seeds"])
    points = sweep.spiral_per_seed(seed_list)
    lrs = tuple(params["lrs"])
    per_epoch = training.updates_per_epoch(len(points), params["batch_size"])
    schedule = training.Schedule(params["batch_size"], params["epochs"] * per_epoch)
    outcome = sweep.train_group(sweep.Group(lrs, schedule), seed_list, points, params["hidden_size"], progress=progress)
    loss, accuracy = sweep.final_scores(outcome.snapshots[schedule.steps], points, len(lrs))
    curves = sweep.epoch_means(outcome.batch_loss, per_epoch)  # (epochs, lrs, seeds)
    fixed = {"batch_size": params["batch_size"], "hidden_size": params["hidden_size"], "epochs": params["epochs"]}
    settings = [
        sweep.setting_entry({"lr": lr, **fixed, "updates": schedule.steps}, loss[i], accuracy[i])
        for i, lr in enumerate(lrs)
    ]
    best = int(np.argmin(loss.mean(axis=1)))
    metrics = {
        "seeds": seed_list,
        "settings": settings,
        "headline": f"lowest mean loss at lr {lrs[best]:g}: {format_spread(spread(loss[best]))}",
    }
    figures = (
        FigureFile("loss.svg", _loss_caption(params, len(seed_list)), _loss_figure(curves, lrs, params)),
        FigureFile("final.svg", _final_caption(len(seed_list)), _final_figure(loss, accuracy, lrs, params)),
    )
    return Result(rounded(metrics), figures)


def _loss_caption(params: Mapping, n_seeds: int) -> str:
    return (
        f"Training loss per epoch for each learning rate, mean ± std over {n_seeds} seeds "
        f"(batch {params['batch_size']}, {params['epochs']} epochs, same seeds for every rate)."
    )


def _final_caption(n_seeds: int) -> str:
    return f"Loss and accuracy on all training points after training, mean ± std over {n_seeds} seeds."


def _loss_figure(curves: np.ndarray, lrs: tuple, params: Mapping) -> bytes:
    def draw(figure):
        ax = figure.subplots()
        epochs = np.arange(1, curves.shape[0] + 1)
        for i, lr in enumerate(lrs):
            plotting.plot_band(ax, epochs, curves[:, i], f"lr {lr:g}")
        ax.set(xlabel="epoch", ylabel="training loss (cross-entropy)", ylim=(0, None))
        ax.set_title(f"Ch01 LR sweep: batch {params['batch_size']}, {params['epochs']} epochs")
        ax.legend(title="learning rate")

    return plotting.render_svg(draw, (6.0, 3.8))


def _final_figure(loss: np.ndarray, accuracy: np.ndarray, lrs: tuple, params: Mapping) -> bytes:
    def draw(figure):
        loss_ax, accuracy_ax = figure.subplots(1, 2)
        plotting.plot_errorbars(loss_ax, lrs, loss, "final loss")
        plotting.plot_errorbars(accuracy_ax, lrs, 100 * accuracy, "accuracy", color="C2")
        loss_ax.set(xscale="log", xlabel="learning rate", ylabel="loss on all points", ylim=(0, None))
        accuracy_ax.set(xscale="log", xlabel="learning rate", ylabel="accuracy on all points (%)")
        loss_ax.set_title("final loss (mean ± std)")
        accuracy_ax.set_title("final accuracy (mean ± std)")
        figure.suptitle(f"Ch01 LR sweep after {params['epochs']} epochs of batch {params['batch_size']}")

    return plotting.render_svg(draw, (7.0, 3.2))
