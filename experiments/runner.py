"""Running the stale runs: in a process pool, each result swapped in atomically.

``rerun`` takes the runs the logs ask for (the site generator works them out) and
runs those whose cache key changed. A run that cannot run (a value out of bounds, a
script not at hand) is reported and skipped, never a failure. A run that raises is
reported with its traceback and leaves its previous results in place; the other runs
still finish. A heavy run (experiments.tiers) runs only when asked for by name (``--only``);
otherwise it is reported as heavy and left as it is. Chapter 2-8 runs get a RunContext
(their corpus, device, cluster and checkpoint folder, experiments.context); with a
cluster, runs go one at a time here and their (setting, seed) tasks spread over it. A re-run whose key is the stored one and whose numbers agree with the
stored ones within the experiment's tolerance leaves the stored files untouched, so
running everything again on another CPU changes nothing. Planning imports neither
NumPy nor matplotlib, so a run where everything is fresh stays quick.
"""

from __future__ import annotations

import contextlib
import importlib
import shutil
import json
import multiprocessing
import os
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from experiments import gallery, storage
from experiments.cache import cache_key, library_versions
from experiments.context import RunContext, corpus_identity, ptb_problem
from experiments.report import Reporter, summary_table
from experiments.result import Result, agree
from experiments.runs import Run, cannot_run, load_results, results_dir
from experiments.tiers import heavy_message, is_heavy, takes_context, uses_corpus

POLL_SECONDS = 0.25
# Written by the run itself or describing where it ran: not compared with a re-run's.
NOT_COMPARED = ("headline", "versions", "seconds", "device")
CHECKPOINTS = "checkpoints"  # experiments/checkpoints/<id>/<run id>/<key>/: git-ignored


@dataclass(frozen=True)
class Planned:
    run: Run
    key: str
    stale: bool
    cannot: str = ""  # why it cannot run here ("" if it can)
    held: bool = False  # heavy and not named: planned, reported, not run


@dataclass(frozen=True)
class Outcome:
    run: Run
    status: str  # "fresh", "ran", "unchanged", "heavy" (not run), "cannot run" or "failed"
    seconds: float = 0.0
    headline: str = ""
    error: str = ""


@dataclass(frozen=True)
class _WorkDone:
    """What a worker sends back: a result, or the traceback of why there is none."""

    result: Result | None
    error: str
    seconds: float


def rerun(runs: list[Run], root: Path, force: bool = False, jobs: int | None = None,
          scripts_root: Path | None = None, reporter: Reporter | None = None,
          context: RunContext = RunContext(), heavy: bool = False) -> list[Outcome]:
    """Run the stale runs of `runs` under the project lock; the outcome of every run, in order.

    `heavy`: run heavy runs too (the caller named their experiment); else they are held.
    """
    cores = os.cpu_count() or 1
    jobs = 1 if context.cluster else max(1, jobs or cores)
    reporter = reporter or Reporter(total=0, jobs=jobs)
    with storage.project_lock(Path(root) / "experiments" / storage.LOCK_FILE, reporter.waiting):
        planned = plan(runs, root, force, scripts_root, context.ptb_dir, heavy)
        stale = [item for item in planned if item.stale and not item.cannot and not item.held]
        reporter.total = len(stale)
        workers = min(jobs, len(stale)) or 1
        if stale:
            reporter.say(f"experiments: {len(stale)} of {len(planned)} runs to run on {workers} processes, "
                         f"{threads_per_worker(workers, cores)} BLAS thread(s) each")
        ran = {o.run: o for o in execute(stale, root, workers, reporter, scripts_root, cores, context)}
    return [ran.get(item.run) or _not_run(item, root) for item in planned]


def summary(outcomes: list[Outcome], seconds: float) -> tuple[str, int]:
    """The summary table and counts to print, and the exit code (1 if a run failed)."""
    failed = sum(o.status == "failed" for o in outcomes)
    counts = {status: sum(o.status == status for o in outcomes)
              for status in ("ran", "unchanged", "fresh", "heavy", "cannot run")}
    table = summary_table(outcomes) if outcomes else "experiments: the logs ask for no runs"
    line = (f"experiments: {counts['ran']} ran, {counts['unchanged']} re-ran with the stored numbers (files kept), "
            f"{counts['fresh']} fresh, {counts['heavy']} heavy not run (make experiments ONLY=<id>), "
            f"{counts['cannot run']} cannot run, {failed} failed in {seconds:.1f} s")
    return f"{table}\n{line}", 1 if failed else 0


def threads_per_worker(workers: int, cores: int) -> int:
    """BLAS threads for each worker process, so that workers x threads <= cores."""
    return max(1, cores // max(1, workers))


def plan(runs: list[Run], root: Path, force: bool, scripts_root: Path | None = None,
         ptb_dir: Path | None = None, heavy: bool = True) -> list[Planned]:
    """Each run's key and whether it is stale; `heavy` False holds heavy runs back."""
    corpus = _corpus_identity(runs, ptb_dir)
    planned = []
    for run in runs:
        cannot = cannot_run(run, scripts_root) or (ptb_problem(ptb_dir) if uses_corpus(run.spec) else "")
        key = "" if cannot else cache_key(run, scripts_root, corpus=corpus)
        stale = force or (not cannot and storage.stored_key(results_dir(run, root)) != key)
        planned.append(Planned(run, key, stale, cannot, held=is_heavy(run.spec) and not heavy))
    return planned


def _corpus_identity(runs: list[Run], ptb_dir: Path | None) -> dict | None:
    """PTB's digests, read once per plan (and only when a run reads a corpus)."""
    if ptb_dir is None or ptb_problem(ptb_dir) or not any(uses_corpus(run.spec) for run in runs):
        return None
    return corpus_identity(ptb_dir)


def checkpoint_dir(run: Run, root: Path, key: str) -> Path:
    """Where a run keeps its checkpoints: by key, so changed code or data never resumes old ones."""
    return Path(root) / "experiments" / CHECKPOINTS / run.experiment / run.run_id / key[:16]


def _not_run(item: Planned, root: Path) -> Outcome:
    if item.cannot:
        return Outcome(item.run, "cannot run", headline=item.cannot)
    if item.held and item.stale:
        return Outcome(item.run, "heavy", headline=heavy_message(item.run.spec))
    metrics = load_results(item.run, root) or {}
    return Outcome(item.run, "fresh", headline=str(metrics.get("headline", "")))


def execute(stale: list[Planned], root: Path, jobs: int, reporter, scripts_root: Path | None = None,
            cores: int | None = None, context: RunContext = RunContext()) -> list[Outcome]:
    """Run every planned run, `jobs` at a time; returns outcomes in the order given."""
    threads = threads_per_worker(jobs, cores or os.cpu_count() or 1)
    contexts = {item.run: context.with_checkpoints(checkpoint_dir(item.run, root, item.key)) for item in stale}
    if jobs <= 1:
        return [_finish(item, _work(item.run, _reporting(reporter), scripts_root, threads, contexts[item.run]),
                        root, reporter) for item in stale]
    mp_context = multiprocessing.get_context()
    with mp_context.Manager() as manager, ProcessPoolExecutor(jobs, mp_context=mp_context) as pool:
        queue = manager.Queue()
        futures = {pool.submit(_work_in_pool, item.run, queue, scripts_root, threads, contexts[item.run]): item
                   for item in stale}
        outcomes = _collect(futures, queue, root, reporter)
    return [outcomes[item.run] for item in stale]


def _reporting(reporter) -> Callable[[Run, float], None]:
    """Progress of a run in this process, with the progress line (and time left) now and then."""
    def report(run: Run, fraction: float) -> None:
        reporter.progress(run, fraction)
        reporter.tick()

    return report


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
    status = "ran"
    if work.result is not None:
        try:
            files = _files(item, work.result)
            if _same_as_stored(item, files, root):
                status = "unchanged"
            else:
                storage.replace_directory(results_dir(item.run, root), files, root / "experiments")
            # Kept only to resume a stopped run: this one finished and its results are stored.
            shutil.rmtree(checkpoint_dir(item.run, root, item.key).parent, ignore_errors=True)
        except Exception:
            work = _WorkDone(None, traceback.format_exc(), work.seconds)
    if work.result is None:
        outcome = Outcome(item.run, "failed", work.seconds, error=work.error)
    else:
        outcome = Outcome(item.run, status, work.seconds, str(work.result.metrics.get("headline", "")))
    reporter.finished(outcome)
    return outcome


def _same_as_stored(item: Planned, files: dict[str, bytes], root: Path) -> bool:
    """Whether the stored results have this key and numbers within the experiment's tolerance."""
    directory = results_dir(item.run, root)
    stored = load_results(item.run, root)
    if stored is None or storage.stored_key(directory) != item.key:
        return False
    if set(files) != {p.name for p in directory.iterdir() if p.is_file()}:
        return False
    new = json.loads(files[storage.METRICS_FILE])
    compared = [{k: v for k, v in m.items() if k not in NOT_COMPARED} for m in (stored, new)]
    return agree(*compared, item.run.spec.tolerance)


def _files(item: Planned, result: Result) -> dict[str, bytes]:
    metrics = {
        "experiment": item.run.experiment,
        "params": {name: list(v) if isinstance(v, tuple) else v for name, v in item.run.params},
        "versions": library_versions(),
        **result.metrics,
        "figures": [{"file": figure.file, "caption": figure.caption} for figure in result.figures],
    }
    if result.table is not None:
        metrics["table"] = result.table.as_json()
    files = {figure.file: figure.content for figure in result.figures}
    files[storage.METRICS_FILE] = storage.metrics_json(metrics)
    files[storage.KEY_FILE] = (item.key + "\n").encode()
    return files


def _work_in_pool(run: Run, queue, scripts_root: Path | None, threads: int, context: RunContext) -> _WorkDone:
    return _work(run, lambda run_, fraction: queue.put((run_, fraction)), scripts_root, threads, context)


def _work(run: Run, report: Callable[[Run, float], None], scripts_root: Path | None, threads: int,
          context: RunContext = RunContext()) -> _WorkDone:
    """Import the experiment's module and run it with at most `threads` BLAS threads; never raises."""
    started = time.perf_counter()
    report(run, 0.0)
    try:
        progress = _throttled(lambda f: report(run, f))
        if run.experiment == gallery.SPEC.id:
            result = gallery.run(run.params_dict(), scripts_root, threads)
        else:
            module = importlib.import_module(run.spec.module)
            more = {"context": context} if takes_context(run.spec) else {}
            with _blas_threads(threads):
                result = module.run(run.params_dict(), progress=progress, **more)
        if not isinstance(result, Result):
            raise TypeError(f"{run.spec.module}.run returned {type(result).__name__}, not Result")
        return _WorkDone(result, "", time.perf_counter() - started)
    except Exception:
        return _WorkDone(None, traceback.format_exc(), time.perf_counter() - started)


@contextlib.contextmanager
def _blas_threads(threads: int):
    """At most `threads` threads in NumPy's BLAS while the run trains (threadpoolctl)."""
    import numpy  # noqa: F401  (threadpoolctl limits the libraries loaded so far)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=threads):
        yield


def _throttled(report: Callable[[float], None], every: float = 0.5) -> Callable[[float], None]:
    """Pass on at most one progress report per `every` seconds (training reports each epoch)."""
    last = [0.0]  # the time of the last report, shared with the closure below

    def throttled(fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] >= every:
            last[0] = now
            report(fraction)

    return throttled
