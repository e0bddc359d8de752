"""ch01-batch-sweep: batch sizes compared at a fixed number of epochs."""

from __future__ import annotations

from typing import Mapping

from experiments.common.ch01_settings import EPOCHS, HIDDEN_SIZE, LR, N_SEEDS, SWEPT_BATCHES
from experiments.result import FigureFile, Result, format_spread, rounded, spread
from experiments.spec import Column, Spec

SPEC = Spec(
    id="ch01-batch-sweep",
    chapter=1,
    title="Ch01 batch-size sweep at a fixed number of epochs",
    summary=(
        "Trains the same network with several batch sizes for the same number of "
        "epochs at a fixed learning rate. Because updates per epoch = dataset size / "
        "batch size, smaller batches also make many more updates, so this sweep "
        "confounds batch size with the number of updates; the fixed-updates "
        "experiment separates the two."
    ),
    answers=(r"\bbatch[- ](?:size[- ])?sweep", r"\bsweep\w*\W+(?:\w+\W+){0,3}batch[- ]?sizes?\b"),
    params=(SWEPT_BATCHES, LR, HIDDEN_SIZE, EPOCHS, N_SEEDS),
    concepts=("batch size", "updates per epoch"),
    columns=(
        Column("batch_size", "batch size"), Column("lr", "lr"), Column("epochs", "epochs"),
        Column("updates", "updates"), Column("loss", "final loss (mean ± std)", "spread"),
        Column("accuracy", "accuracy (mean ± std)", "percent"),
    ),
    list_param="batch_sizes",
)


def run(params: Mapping, progress=None) -> Result:
    import numpy as np

    from experiments.common import sweep
    from experiments.common.batch_training import train_batch_sizes

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
    note = f"Mean ± std over {len(seed_list)} seeds; loss and accuracy on all training points after training."
    table = sweep.settings_table(SPEC.columns, settings, note)
    return Result(rounded(metrics), (FigureFile("loss.svg", caption, _loss_figure(runs, params)),), table)


def _setting(params: Mapping, batch) -> dict:
    return {
        "batch_size": batch.batch_size,
        "lr": params["lr"],
        "hidden_size": params["hidden_size"],
        "epochs": params["epochs"],
        "updates": batch.epoch_steps,
    }


def _loss_figure(runs: list, params: Mapping) -> bytes:
    import numpy as np

    from experiments.common import plotting, sweep

    def draw(figure):
        ax = figure.subplots()
        for batch in runs:
            curve = sweep.epoch_means(batch.outcome.batch_loss[: batch.epoch_steps, 0], batch.per_epoch)
            label = f"batch {batch.batch_size} ({batch.epoch_steps} updates)"
            plotting.plot_band(ax, np.arange(1, len(curve) + 1), curve, label)
        ax.set(xlabel="epoch", ylabel="training loss (cross-entropy)", ylim=(0, None))
        ax.set_title(f"Ch01 batch sweep: lr {params['lr']:g}, {params['epochs']} epochs for every batch size")
        ax.legend(title="batch size")

    return plotting.render_svg(draw, (4.0, 3.2))
