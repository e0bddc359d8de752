"""Experiment results as the site shows them: metrics and figures read from experiments/results/."""
from __future__ import annotations

from pathlib import Path

from experiments.registry import EXPERIMENTS, Run, load_results, results_dir

from .model import Knowledge
from .render.common import page
from .render.runs import RunResult


def load_run_results(knowledge: Knowledge, root: Path) -> tuple[dict[tuple[str, str], RunResult], dict[str, bytes]]:
    """Each referenced run's results (or None metrics) and the figure files to publish."""
    results, assets = {}, {}
    for ref in knowledge.experiment_refs:
        key = (ref.experiment, ref.run_id)
        if key in results:
            continue
        run = Run(ref.experiment, ref.params)
        metrics = load_results(run, root)
        figures = _figures(run, metrics, root, assets) if metrics else ()
        results[key] = RunResult(ref.experiment, ref.run_id, EXPERIMENTS[ref.experiment].title, metrics, figures)
    return results, assets


def _figures(run: Run, metrics: dict, root: Path, assets: dict[str, bytes]) -> tuple[tuple[str, str], ...]:
    figures = []
    for entry in metrics.get("figures") or []:
        name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
        source = results_dir(run, root) / name
        if not name or "/" in name or "\\" in name or name.startswith(".") or not source.is_file():
            continue
        asset = page("assets", "runs", run.experiment, run.run_id, name)
        assets[asset] = source.read_bytes()
        figures.append((asset, str(entry.get("caption") or name)))
    return tuple(figures)
