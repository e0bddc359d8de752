"""Running the stale runs: in a process pool, each result swapped in atomically.

A run that raises is reported with its traceback and leaves its previous results in
place; the other runs still finish. Planning (which runs are stale) imports neither
NumPy nor matplotlib, so a run where everything is fresh stays quick.
"""

from __future__ import annotations

import importlib
import multiprocessing
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from experiments import storage
from experiments.cache import cache_key
from experiments.registry import EXPERIMENTS, Run, load_results, results_dir
from experiments.result import Result

POLL_SECONDS = 0.25


@dataclass(frozen=True)
class Planned:
    run: Run
    key: str
    stale: bool


@dataclass(frozen=True)
class Outcome:
    run: Run
    status: str  # "fresh", "ran" or "failed"
    seconds: float = 0.0
    headline: str = ""
    error: str = ""


@dataclass(frozen=True)
class _WorkDone:
    """What a worker sends back: a result, or the traceback of why there is none."""

    result: Result | None
    error: str
    seconds: float


def plan(runs: list[Run], root: Path, force: bool) -> list[Planned]:
    planned = []
    for run in runs:
        key = cache_key(run, EXPERIMENTS[run.experiment].module)
        stale = force or storage.stored_key(results_dir(run, root)) != key
        planned.append(Planned(run, key, stale))
    return planned


def fresh_outcome(run: Run, root: Path) -> Outcome:
    metrics = load_results(run, root) or {}
    return Outcome(run, "fresh", headline=str(metrics.get("headline", "")))


def execute(stale: list[Planned], root: Path, jobs: int, reporter) -> list[Outcome]:
    """Run every planned run, `jobs` at a time; returns outcomes in the order given."""
    if jobs <= 1:
        return [_finish(item, _work(item.run, reporter.progress), root, reporter) for item in stale]
    context = multiprocessing.get_context()
    with context.Manager() as manager, ProcessPoolExecutor(jobs, mp_context=context) as pool:
        queue = manager.Queue()
        futures = {pool.submit(_work_in_pool, item.run, queue): item for item in stale}
        outcomes = _collect(futures, queue, root, reporter)
    return [outcomes[item.run] for item in stale]


def _collect(futures: dict[Future, Planned], queue, root: Path, reporter) -> dict[Run, Outcome]:
    outcomes, pending = {}, set(futures)
    while pending:
        done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
        while not queue.empty():
            reporter.progress(*queue.get())
        for future in done:
            item = futures[future]
            try:
                work = future.result()
            except Exception:  # the worker process itself died (killed, out of memory)
                work = _WorkDone(None, traceback.format_exc(), 0.0)
            outcomes[item.run] = _finish(item, work, root, reporter)
        reporter.tick()
    return outcomes


def _finish(item: Planned, work: _WorkDone, root: Path, reporter) -> Outcome:
    if work.result is not None:
        try:
            storage.replace_directory(results_dir(item.run, root), _files(item, work.result), root / "experiments")
        except Exception:
            work = _WorkDone(None, traceback.format_exc(), work.seconds)
    if work.result is None:
        outcome = Outcome(item.run, "failed", work.seconds, error=work.error)
    else:
        outcome = Outcome(item.run, "ran", work.seconds, str(work.result.metrics.get("headline", "")))
    reporter.finished(outcome)
    return outcome


def _files(item: Planned, result: Result) -> dict[str, bytes]:
    metrics = {
        "experiment": item.run.experiment,
        "params": {name: list(v) if isinstance(v, tuple) else v for name, v in item.run.params},
        **result.metrics,
        "figures": [{"file": figure.file, "caption": figure.caption} for figure in result.figures],
    }
    files = {figure.file: figure.content for figure in result.figures}
    files[storage.METRICS_FILE] = storage.metrics_json(metrics)
    files[storage.KEY_FILE] = (item.key + "\n").encode()
    return files


def _work_in_pool(run: Run, queue) -> _WorkDone:
    return _work(run, lambda run_, fraction: queue.put((run_, fraction)))


def _work(run: Run, report: Callable[[Run, float], None]) -> _WorkDone:
    """Import the experiment's module and run it; never raises."""
    started = time.perf_counter()
    report(run, 0.0)
    try:
        module = importlib.import_module(EXPERIMENTS[run.experiment].module)
        result = module.run(run.params_dict(), progress=_throttled(lambda f: report(run, f)))
        if not isinstance(result, Result):
            raise TypeError(f"{module.__name__}.run returned {type(result).__name__}, not Result")
        return _WorkDone(result, "", time.perf_counter() - started)
    except Exception:
        return _WorkDone(None, traceback.format_exc(), time.perf_counter() - started)


def _throttled(report: Callable[[float], None], every: float = 0.5) -> Callable[[float], None]:
    """Pass on at most one progress report per `every` seconds (training reports each epoch)."""
    last = [0.0]  # the time of the last report, shared with the closure below

    def throttled(fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] >= every:
            last[0] = now
            report(fraction)

    return throttled
