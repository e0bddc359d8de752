"""An experiment run's figures and results table, as shown beside the line that asked for it."""
from __future__ import annotations

from dataclasses import dataclass

from . import html
from .common import page
from .html import href


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


def run_block(from_page: str, result: RunResult, heading: str, opened: bool = True) -> str:
    """A collapsible HTML block with the run's figures and table, or how to produce them."""
    link = href(from_page, experiment_page(result.experiment) + "#" + run_anchor(result.run_id))
    title = html.text(f"{heading}: {result.title} ({result.run_id})")
    if result.metrics is None:
        body = [f"<p>Not run yet. Produce it with <code>make experiments ONLY={html.text(result.experiment)}</code>; "
                f'the figure and numbers then appear here. <a href="{link}">All runs of this experiment</a></p>']
    else:
        body = [f'<p><img src="{href(from_page, path)}" alt="{html.attr(caption)}"></p>'
                for path, caption in result.figures]
        body += [results_table(result.metrics), f'<p><a href="{link}">Details and every run of this experiment</a></p>']
    return html.details("example", title, "\n".join(body), opened)


def results_table(metrics: dict) -> str:
    settings = metrics.get("settings") or []
    if not settings:
        return "<p>(no settings in metrics.json)</p>"
    keys = varying_keys([s.get("setting", {}) for s in settings])
    extra = [k for k in ("val_loss", "val_accuracy") if any(k in s for s in settings)]
    head = [*keys, "final loss (mean ± sd)", "accuracy (mean ± sd)", *[k.replace("_", " ") for k in extra]]
    rows = []
    for s in settings:
        values = [html.text(_number(s.get("setting", {}).get(k, ""))) for k in keys]
        values += [_spread(s.get("loss")), _spread(s.get("accuracy"), percent=True)]
        values += [_spread(s.get(k), percent="accuracy" in k) for k in extra]
        rows.append(values)
    seeds = metrics.get("seeds") or []
    where = "loss and accuracy on all training points"
    if extra:
        where = "loss and accuracy on the training points, validation columns on the held-out points"
    return html.table([html.text(h) for h in head], rows) + \
        f"\n<p>Mean and standard deviation over {len(seeds)} seeds; {where}.</p>"


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
