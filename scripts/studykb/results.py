"""Experiment results as the site shows them: metrics and figures read from experiments/results/.

Loading results renders nothing: ``RunResult`` is the record the renderers read.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.catalog import EXPERIMENTS
from experiments.runs import Run, cannot_run, load_results, problems, results_dir

from .model import Knowledge

# Where a run's figures are published, relative to docs/: under the generated subtree
# (render.common.page("assets", "runs"); a test checks they agree).
ASSETS = "generated/assets/runs"


@dataclass(frozen=True)
class RunResult:
    """What ``make experiments`` wrote for one run, as the site shows it.

    ``metrics`` is None when there are no results; ``cannot_run`` then says why none
    can be made ("batch size 1000 > 300 training points", a script not at hand), and is
    empty for a run that only has not been run yet.
    """

    experiment: str
    run_id: str
    title: str
    metrics: dict | None
    figures: tuple[tuple[str, str], ...] = ()  # (docs-relative asset path, caption)
    cannot_run: str = ""


def load_run_results(knowledge: Knowledge, root: Path, scripts_root: Path | None = None
                     ) -> tuple[dict[tuple[str, str], RunResult], dict[str, bytes]]:
    """Each referenced run's results (or why there are none) and the figure files to publish."""
    results, assets = {}, {}
    for ref in knowledge.experiment_refs:
        key = (ref.experiment, ref.run_id)
        if key not in results:
            results[key] = load_run_result(Run(ref.experiment, ref.params), root, scripts_root, assets)
    return results, assets


def load_run_result(run: Run, root: Path, scripts_root: Path | None,
                    assets: dict[str, bytes]) -> RunResult:
    title = EXPERIMENTS[run.experiment].title
    if problems(run):
        return RunResult(run.experiment, run.run_id, title, None, cannot_run=cannot_run(run, scripts_root))
    # Committed results show even where they cannot be made again (no learner's scripts in CI).
    metrics = load_results(run, root)
    if metrics is None:
        return RunResult(run.experiment, run.run_id, title, None, cannot_run=cannot_run(run, scripts_root))
    return RunResult(run.experiment, run.run_id, title, metrics, _figures(run, metrics, root, assets))


def _figures(run: Run, metrics: dict, root: Path, assets: dict[str, bytes]) -> tuple[tuple[str, str], ...]:
    figures = []
    for entry in metrics.get("figures") or []:
        name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
        source = results_dir(run, root) / name
        if not name or "/" in name or "\\" in name or name.startswith(".") or not source.is_file():
            continue
        asset = "/".join((ASSETS, run.experiment, run.run_id, name))
        assets[asset] = source.read_bytes()
        figures.append((asset, str(entry.get("caption") or name)))
    return tuple(figures)
