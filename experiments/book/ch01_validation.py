"""ch01-validation: training vs validation loss on a stratified hold-out split."""

from __future__ import annotations

from typing import Mapping

from experiments.common.ch01_settings import BATCH_SIZE, EPOCHS, HIDDEN_SIZE, LR, N_SEEDS, SPIRAL_POINTS
from experiments.result import FigureFile, Result, format_spread, rounded, spread
from experiments.spec import Column, Spec, number

CLASSES, POINTS_PER_CLASS = 3, SPIRAL_POINTS // 3


def training_points(fraction: float) -> int:
    """The points left to train on when `fraction` of each class is held out (as data.stratified_split does)."""
    return SPIRAL_POINTS - CLASSES * int(round(fraction * POINTS_PER_CLASS))


def _batch_fits(params: Mapping) -> list[str]:
    points = training_points(params["validation_fraction"])
    if params["batch_size"] > points:
        return [f"batch size {params['batch_size']} > {points} training points "
                f"({params['validation_fraction']:.0%} of each class held out)"]
    return []


SPEC = Spec(
    id="ch01-validation",
    chapter=1,
    title="Ch01 training vs validation loss on a stratified hold-out split",
    summary=(
        "Holds out a stratified share of the spiral points (default 20 % of each "
        "class), trains on the rest with the baseline settings and records the loss "
        "on both sets after every epoch. Training loss alone cannot support a claim "
        "about generalization; the validation curve can."
    ),
    answers=(
        r"\bvalidation[- ]split",
        r"\bhold[- ]?out[- ](?:split|set)",
        r"\btrain(?:ing)?[/ ]validation[- ]split",
    ),
    params=(
        LR, BATCH_SIZE, HIDDEN_SIZE, EPOCHS, N_SEEDS,
        number("validation_fraction", 0.2, "val", "share of each class held out", 0.01, 0.5,
               words=("validation fraction", "validation_fraction", "val_fraction", "held out", "hold-out")),
    ),
    concepts=("validation", "generalization", "training loss"),
    columns=(
        Column("lr", "lr"), Column("batch_size", "batch size"), Column("epochs", "epochs"),
        Column("train_points", "training points"), Column("validation_points", "validation points"),
        Column("loss", "training loss (mean ± std)", "spread"),
        Column("validation_loss", "validation loss (mean ± std)", "spread"),
        Column("accuracy", "training accuracy", "percent"),
        Column("validation_accuracy", "validation accuracy", "percent"),
    ),
    constraints=_batch_fits,
)


def run(params: Mapping, progress=None) -> Result:
    from experiments.common import sweep, training

    seed_list = sweep.seeds(params["n_seeds"])
    train, validation = _split_per_seed(seed_list, params["validation_fraction"])
    per_epoch = training.updates_per_epoch(len(train), params["batch_size"])
    schedule = training.Schedule(params["batch_size"], params["epochs"] * per_epoch)
    # Both sets are scored on every point after each epoch, so the two curves measure
    # the same thing; a running mean of batch losses would flatter the training curve.
    evaluate = _evaluate_both(train, validation)
    group = sweep.Group((params["lr"],), schedule)
    outcome = sweep.train_group(group, seed_list, train, params["hidden_size"], evaluate, progress)
    final = {name: values[-1, 0] for name, values in outcome.evaluations.items()}
    setting = {key: params[key] for key in ("lr", "batch_size", "hidden_size", "epochs", "validation_fraction")}
    entry = sweep.setting_entry(
        {**setting, "updates": schedule.steps, "train_points": len(train), "validation_points": len(validation)},
        final["train_loss"],
        final["train_accuracy"],
        validation_loss=final["validation_loss"],
        validation_accuracy=final["validation_accuracy"],
    )
    metrics = {"seeds": seed_list, "settings": [entry], "headline": _headline(final)}
    caption = (
        f"Loss on all training points and on the held-out validation points after every epoch, "
        f"mean ± std over {len(seed_list)} seeds ({len(train)} training / {len(validation)} validation points, "
        f"stratified by class)."
    )
    figure = FigureFile("loss.svg", caption, _loss_figure(outcome.evaluations, params, len(train), len(validation)))
    note = (f"Mean ± std over {len(seed_list)} seeds; training columns on the {len(train)} points trained on, "
            f"validation columns on the {len(validation)} held-out points (stratified by class).")
    return Result(rounded(metrics), (figure,), sweep.settings_table(SPEC.columns, [entry], note))


def _split_per_seed(seed_list: list[int], fraction: float):
    from experiments.common import data

    splits = []
    for seed in seed_list:
        streams = data.seed_streams(seed)
        splits.append(data.stratified_split(data.spiral(streams.data), fraction, streams.split))
    return data.stack([train for train, _ in splits]), data.stack([held for _, held in splits])


def _evaluate_both(train, validation):
    from experiments.common import sweep

    on_train = sweep.evaluator(train, 1, "train")
    on_validation = sweep.evaluator(validation, 1, "validation")
    return lambda params: {**on_train(params), **on_validation(params)}


def _headline(final: dict) -> str:
    return (
        f"validation loss {format_spread(spread(final['validation_loss']))} "
        f"(training {format_spread(spread(final['train_loss']))}), validation accuracy "
        f"{format_spread(spread(final['validation_accuracy']), percent=True)}"
    )


def _loss_figure(evaluations: dict, params: Mapping, n_train: int, n_validation: int) -> bytes:
    import numpy as np

    from experiments.common import plotting

    def draw(figure):
        ax = figure.subplots()
        epochs = np.arange(1, evaluations["train_loss"].shape[0] + 1)
        plotting.plot_band(ax, epochs, evaluations["train_loss"][:, 0], f"training ({n_train} points)")
        plotting.plot_band(ax, epochs, evaluations["validation_loss"][:, 0], f"validation ({n_validation} points)")
        ax.set(xlabel="epoch", ylabel="loss (cross-entropy)", ylim=(0, None))
        ax.set_title(
            f"Ch01 validation split: lr {params['lr']:g}, batch {params['batch_size']}, "
            f"{params['validation_fraction']:.0%} held out"
        )
        ax.legend()

    return plotting.render_svg(draw, (4.0, 3.2))
