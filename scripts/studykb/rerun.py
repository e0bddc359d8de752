"""``python -m studykb experiments`` (``make experiments``): the runs the logs ask for, re-run.

Which runs the logs ask for is this side's question: the logs are loaded and linked as
for the site, and every run a line asks for (planned ones too) is handed to the
experiments' runner, which runs the stale ones. A run that cannot run (a value out of
bounds, a script not at hand) is reported, never a failure. Heavy runs run only when
``--only`` names their experiment. The settings (and $STUDYKB_PTB_DIR, and ``--device``)
say where the chapter 2-8 runs find PTB, what they train on and where their tasks go.
"""
from __future__ import annotations

import importlib.util
import sys
import time

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.context import GPU, RunContext, ptb_folder
from experiments.runs import Run

from .config import Config
from .model import Knowledge
from .pipeline import load


def referenced_runs(knowledge: Knowledge) -> list[Run]:
    """Every run the logs ask for, once each, sorted by experiment and run id."""
    runs = {Run(ref.experiment, ref.params) for ref in knowledge.experiment_refs}
    return sorted(runs, key=lambda run: (run.experiment, run.run_id))


def run_context(config: Config, device: str | None = None) -> RunContext:
    settings = config.experiments
    return RunContext(ptb_folder(settings.ptb_dir, config.root), device or settings.device, settings.cluster)


def run_experiments(config: Config, force: bool = False, only: str | None = None, jobs: int | None = None,
                    device: str | None = None) -> int:
    """Re-run the stale runs the logs ask for; the exit code (1 if a run failed, 2 if no GPU can be used)."""
    from experiments import runner

    context = run_context(config, device)
    if context.device == GPU and importlib.util.find_spec("cupy") is None:
        print("experiments: device gpu needs CuPy: pip install 'studykb[cupy]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    runs = [run for run in referenced_runs(load(config).knowledge) if only in (None, run.experiment)]
    outcomes = runner.rerun(runs, config.root, force=force, jobs=jobs, scripts_root=config.scripts_root,
                            context=context, heavy=only is not None)
    text, code = runner.summary(outcomes, time.monotonic() - started)
    print(text)
    sys.stdout.flush()
    return code
