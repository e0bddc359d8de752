"""ch01-baseline: the book's settings, a loss curve and the decision boundary."""

from __future__ import annotations

from typing import Mapping

from experiments.common.ch01_settings import BATCH_SIZE, EPOCHS, HIDDEN_SIZE, LR, N_SEEDS
from experiments.result import FigureFile, Result, format_spread, rounded, spread
from experiments.spec import Column, Spec

SPEC = Spec(
    id="ch01-baseline",
    chapter=1,
    title="Ch01 baseline: two-layer net on spiral data",
    summary=(
        "Trains the book's two-layer network (Affine 2-10, Sigmoid, Affine 10-3, "
        "softmax with cross-entropy) on the 3-class spiral with plain SGD: learning "
        "rate 1.0, batch 30, 300 epochs. The loss curve shows the early fast descent, "
        "a plateau near 0.7 and the later diminishing returns; the decision boundary "
        "shows the three spiral arms separated. Every seed draws its own spiral noise, "
        "initial weights and shuffles, and the figures show mean and spread over seeds."
    ),
    answers=(r"\bbaseline\b", r"\btrain_custom_loop\.py\b"),
    params=(LR, BATCH_SIZE, HIDDEN_SIZE, EPOCHS, N_SEEDS),
    concepts=("epoch", "loss curve"),
    columns=(
        Column("lr", "lr"), Column("batch_size", "batch size"), Column("hidden_size", "hidden units"),
        Column("epochs", "epochs"), Column("updates", "updates"),
        Column("loss", "final loss (mean ± std)", "spread"),
        Column("accuracy", "accuracy (mean ± std)", "percent"),
    ),
)

# The epochs at which the reference table reports the book's logged loss.
CHECKPOINT_EPOCHS = (1, 10, 20, 50, 100, 150, 200, 250, 300)


def run(params: Mapping, progress=None) -> Result:
    from experiments.common import sweep, training

    seed_list = sweep.seeds(params["n_seeds"])
    points = sweep.spiral_per_seed(seed_list)
    per_epoch = training.updates_per_epoch(len(points), params["batch_size"])
    schedule = training.Schedule(params["batch_size"], params["epochs"] * per_epoch)
    outcome = sweep.train_group(sweep.Group((params["lr"],), schedule), seed_list, points, params["hidden_size"],
                                progress=progress)
    final = outcome.snapshots[schedule.steps]
    loss, accuracy = sweep.final_scores(final, points, 1)
    curve = sweep.epoch_means(outcome.batch_loss[:, 0], per_epoch)  # (epochs, seeds)
    setting = {key: params[key] for key in ("lr", "batch_size", "hidden_size", "epochs")}
    entry = sweep.setting_entry({**setting, "updates": schedule.steps}, loss[0], accuracy[0])
    metrics = {
        "seeds": seed_list,
        "settings": [entry],
        "loss_at_epoch": {str(e): spread(curve[e - 1]) for e in CHECKPOINT_EPOCHS if e <= len(curve)},
        "headline": f"loss {format_spread(spread(loss[0]))}, accuracy {format_spread(spread(accuracy[0]), percent=True)}",
    }
    figures = (
        FigureFile("loss.svg", _loss_caption(params, len(seed_list)), _loss_figure(curve, params)),
        FigureFile("boundary.svg", _boundary_caption(len(seed_list)), _boundary_figure(final, points, loss[0])),
    )
    note = f"Mean ± std over {len(seed_list)} seeds; loss and accuracy on all training points after training."
    return Result(rounded(metrics), figures, sweep.settings_table(SPEC.columns, [entry], note))


def _loss_caption(params: Mapping, n_seeds: int) -> str:
    return (
        f"Training loss per epoch (mean of the epoch's batch losses), mean ± std over {n_seeds} seeds; "
        f"lr {params['lr']:g}, batch {params['batch_size']}, hidden {params['hidden_size']}."
    )


def _boundary_caption(n_seeds: int) -> str:
    return (
        f"Decision regions after training for the median seed by final loss (of {n_seeds}), "
        "with that seed's spiral points."
    )


def _loss_figure(curve, params: Mapping) -> bytes:
    import numpy as np

    from experiments.common import plotting

    def draw(figure):
        ax = figure.subplots()
        plotting.plot_band(ax, np.arange(1, len(curve) + 1), curve, f"lr {params['lr']:g}, batch {params['batch_size']}")
        ax.set(xlabel="epoch", ylabel="training loss (cross-entropy)", ylim=(0, None))
        ax.set_title(f"Ch01 baseline: loss curve, mean ± std over {curve.shape[1]} seeds")
        ax.legend()

    return plotting.render_svg(draw, (4.0, 3.0))


def _boundary_figure(final, points, loss) -> bytes:
    import numpy as np

    from experiments.common import data, net, plotting

    # One representative panel: a panel per seed would multiply the file size while
    # the baseline's regions differ little between seeds (their losses are in metrics).
    seed = int(np.argsort(loss)[len(loss) // 2])
    model = net.select_models(final, seed)
    seed_points = data.LabelledPoints(points.x[seed], points.labels[seed])

    def draw(figure):
        ax = figure.subplots()
        plotting.plot_decision_regions(ax, lambda grid: net.scores(model, grid).argmax(axis=-1), seed_points)
        ax.set(xlabel="x₁", ylabel="x₂")
        ax.set_title(f"Ch01 baseline: decision regions\n(median seed {seed}, final loss {loss[seed]:.3f})")
        ax.legend(loc="lower left", markerscale=1.5)

    return plotting.render_svg(draw, (4.0, 3.9))
