"""A run's independent (setting, seed) tasks: one after another here, or on a Dask cluster.

Tasks run in the run's own process unless the settings name a cluster; then they go
through joblib, whose ``dask`` backend hands them to that cluster's workers (a
``LocalCluster`` for "dask-local", else the scheduler at the address given). The task
function must be a module-level function of a project module, and its task and result
plain data (arrays, numbers, dataclasses), so they can travel to another process. The
workers of a remote cluster need this project installed, and a checkpoint path in a task
names a folder on the worker's disk (a shared folder, for resuming on any worker).

Progress: here each task reports as it trains; on a cluster a task reports when it ends.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, Callable, Iterator, Sequence

from experiments.context import LOCAL_DASK, RunContext

Fraction = Callable[[float], None]
TaskFunction = Callable[[Any, "Fraction | None"], Any]


def run_tasks(function: TaskFunction, tasks: Sequence, context: RunContext,
              progress: Fraction | None = None) -> list:
    """`function(task, progress)` for every task; the results in the order of `tasks`."""
    if not context.cluster:
        return [function(task, share(progress, i / len(tasks), 1 / len(tasks))) for i, task in enumerate(tasks)]
    return on_cluster(function, tasks, context.cluster, progress)


def on_cluster(function: TaskFunction, tasks: Sequence, address: str, progress: Fraction | None) -> list:
    import joblib

    results = []
    with dask_client(address), joblib.parallel_config(backend="dask"):
        parallel = joblib.Parallel(n_jobs=-1, return_as="generator")
        for done, result in enumerate(parallel(joblib.delayed(function)(task, None) for task in tasks), 1):
            results.append(result)
            if progress is not None:
                progress(done / len(tasks))
    return results


@contextlib.contextmanager
def dask_client(address: str) -> Iterator[Any]:
    """A Dask client: of a new local cluster (one single-threaded worker per core), or of `address`."""
    from distributed import Client, LocalCluster

    if address == LOCAL_DASK:
        with LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


def share(progress: Fraction | None, start: float, width: float) -> Fraction | None:
    """A progress callback for one part of the work: its 0..1 mapped onto start..start+width."""
    if progress is None:
        return None
    return lambda fraction: progress(start + width * fraction)


def iterations(progress: Fraction | None) -> Callable[[int, int], None] | None:
    """The models' progress(done, total) as a fraction."""
    if progress is None:
        return None
    return lambda done, total: progress(done / max(total, 1))
