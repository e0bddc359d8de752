"""``python -m studykb experiments`` (``make experiments``): the runs the logs ask for, re-run.

Which runs the logs ask for is this side's question: the logs are loaded and linked as
for the site, and every run a line asks for (planned ones too) is handed to the
experiments' runner, which runs the stale ones. A run that cannot run (a value out of
bounds, a script not at hand) is reported, never a failure.
"""
from __future__ import annotations

import sys
import time

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.runs import Run

from .config import Config
from .model import Knowledge
from .pipeline import load


def referenced_runs(knowledge: Knowledge) -> list[Run]:
    """Every run the logs ask for, once each, sorted by experiment and run id."""
    runs = {Run(ref.experiment, ref.params) for ref in knowledge.experiment_refs}
    return sorted(runs, key=lambda run: (run.experiment, run.run_id))


def run_experiments(config: Config, force: bool = False, only: str | None = None, jobs: int | None = None) -> int:
    """Re-run the stale runs the logs ask for; the exit code (1 if a run failed)."""
    from experiments import runner

    started = time.monotonic()
    runs = [run for run in referenced_runs(load(config).knowledge) if only in (None, run.experiment)]
    outcomes = runner.rerun(runs, config.root, force=force, jobs=jobs, scripts_root=config.scripts_root)
    text, code = runner.summary(outcomes, time.monotonic() - started)
    print(text)
    sys.stdout.flush()
    return code
