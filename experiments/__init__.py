"""NumPy experiments re-run from the study log, and the machinery that runs them.

What the site generator uses is here, and none of it imports NumPy or matplotlib:

- ``answer(line, chapter)``: the runs a log line asks for (experiments.answers);
- ``chapters_named(text)``: the chapters a line names;
- ``EXPERIMENTS``: every experiment's spec, by id (experiments.catalog);
- ``Run``, ``problems(run)``, ``cannot_run(run, scripts_root)``, ``results_dir``,
  ``load_results`` (experiments.runs);
- ``experiments.runner.rerun(runs, ...)``: run the stale ones.

This package never imports the site generator: which runs the logs ask for is the
generator's question (``python -m studykb experiments``).
"""

from experiments.answers import Answer, answer, chapters_named
from experiments.catalog import EXPERIMENTS
from experiments.runs import Run, cannot_run, load_results, make_run, problems, results_dir

__all__ = ["Answer", "answer", "chapters_named", "EXPERIMENTS", "Run", "make_run", "problems", "cannot_run",
           "results_dir", "load_results"]
