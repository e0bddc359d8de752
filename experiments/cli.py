"""`python -m experiments [--force] [--only ID] [--jobs N] [--root DIR]`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from experiments import runner, selection, storage
from experiments.registry import EXPERIMENTS
from experiments.report import Reporter, summary_table

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m experiments",
        description="Re-run the experiments the study logs refer to; only stale runs run.",
    )
    parser.add_argument("--force", action="store_true", help="re-run even fresh runs")
    parser.add_argument("--only", choices=sorted(EXPERIMENTS), metavar="ID", help="only this experiment's runs")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes (default: cores)")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="project root (holds sessions/, experiments/)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    reporter = Reporter(total=0, jobs=args.jobs)
    with storage.project_lock(args.root / "experiments" / storage.LOCK_FILE, reporter.waiting):
        runs = selection.referenced_runs(args.root)
        runs = [run for run in runs if args.only in (None, run.experiment)]
        planned = runner.plan(runs, args.root, args.force)
        stale = [item for item in planned if item.stale]
        reporter.total = len(stale)
        if stale:
            reporter.say(f"experiments: {len(stale)} of {len(planned)} runs to run on {min(args.jobs, len(stale))} processes")
        ran = {o.run: o for o in runner.execute(stale, args.root, min(args.jobs, len(stale)), reporter)}
    outcomes = [ran.get(item.run) or runner.fresh_outcome(item.run, args.root) for item in planned]
    print(summary_table(outcomes) if outcomes else "experiments: the logs refer to no runs")
    failed = sum(outcome.status == "failed" for outcome in outcomes)
    print(f"experiments: {len(stale) - failed} ran, {len(planned) - len(stale)} fresh, {failed} failed "
          f"in {time.monotonic() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
