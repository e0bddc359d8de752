"""An experiment run's figures and results table, as shown beside the line that asked for it."""
from __future__ import annotations

from dataclasses import dataclass

from .common import page, rel
from .text import cell, plain


@dataclass(frozen=True)
class RunResult:
    """What ``make experiments`` wrote for one run, as the site shows it."""

    experiment: str
    run_id: str
    title: str
    metrics: dict | None
    figures: tuple[tuple[str, str], ...] = ()  # (docs-relative asset path, caption)


def experiment_page(experiment: str) -> str:
    return page("experiments", f"{experiment}.md")


def run_anchor(run_id: str) -> str:
    return "run-" + run_id.replace("_", "-").replace(".", "-")


def run_block(from_page: str, result: RunResult, heading: str, opened: bool = True) -> list[str]:
    """A collapsible admonition with the run's figures and table, or how to produce them."""
    link = rel(from_page, experiment_page(result.experiment) + "#" + run_anchor(result.run_id))
    title = f"{heading}: {result.title} ({result.run_id})".replace('"', "'")
    lines = [f'???{"+" if opened else ""} example "{plain(title)}"', ""]
    if result.metrics is None:
        body = [f"Not run yet. Produce it with `make experiments ONLY={result.experiment}`;",
                f"the figure and numbers then appear here. [All runs of this experiment]({link})"]
    else:
        body = [f"![{plain(caption)}]({rel(from_page, path)})" for path, caption in result.figures]
        body += [""] + results_table(result.metrics) + ["", f"[Details and every run of this experiment]({link})"]
    return lines + ["    " + line if line else "" for line in body]


def results_table(metrics: dict) -> list[str]:
    settings = metrics.get("settings") or []
    if not settings:
        return ["(no settings in metrics.json)"]
    keys = varying_keys([s.get("setting", {}) for s in settings])
    extra = [k for k in ("val_loss", "val_accuracy") if any(k in s for s in settings)]
    head = [*keys, "final loss (mean ± sd)", "accuracy (mean ± sd)", *[k.replace("_", " ") for k in extra]]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in settings:
        values = [cell(_number(s.get("setting", {}).get(k, ""))) for k in keys]
        values += [_spread(s.get("loss")), _spread(s.get("accuracy"), percent=True)]
        values += [_spread(s.get(k), percent="accuracy" in k) for k in extra]
        rows.append("| " + " | ".join(values) + " |")
    seeds = metrics.get("seeds") or []
    where = "loss and accuracy on all training points"
    if extra:
        where = "loss and accuracy on the training points, validation columns on the held-out points"
    return rows + ["", f"Mean and standard deviation over {len(seeds)} seeds; {where}."]


def _number(value) -> str:
    """``300.0`` -> ``300``: settings are shown as they would be written."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


HEADLINE_KEYS = ("lr", "batch_size", "epochs", "updates")


def varying_keys(settings: list[dict]) -> list[str]:
    """The setting keys that tell the rows apart; for one row, the usual headline ones."""
    keys = sorted({k for s in settings for k in s})
    varying = [k for k in keys if len({repr(s.get(k)) for s in settings}) > 1]
    return varying or [k for k in HEADLINE_KEYS if k in keys] or keys


def _spread(value, percent: bool = False) -> str:
    if not isinstance(value, dict) or "mean" not in value:
        return "–"
    mean, std = float(value["mean"]), float(value.get("std") or 0.0)
    if percent:
        return f"{100 * mean:.1f} % ± {100 * std:.1f}"
    return f"{mean:.4f} ± {std:.4f}"
