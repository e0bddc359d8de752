"""A run's (setting, seed) tasks go through joblib to a Dask cluster when the settings name
one, and give the numbers they give in the run's own process."""

from __future__ import annotations

import pytest
from tiny import tiny_params

from experiments import make_run
from experiments.book import ch03_simple_word2vec, ch05_rnnlm
from experiments.common.tasks import run_tasks
from experiments.context import RunContext
from experiments.result import agree
from experiments.spec import Tolerance

distributed = pytest.importorskip("distributed")
pytest.importorskip("joblib")


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded workers in this process: a real scheduler, no process start-up."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def square(task, progress=None):
    return task * task


def test_tasks_come_back_in_order_with_progress_as_they_end(cluster):
    seen = []
    assert run_tasks(square, list(range(6)), RunContext(cluster=cluster), seen.append) == [0, 1, 4, 9, 16, 25]
    assert seen[-1] == 1.0 and len(seen) == 6


@pytest.mark.parametrize("module, experiment", [(ch05_rnnlm, "ch05-rnnlm"),
                                                (ch03_simple_word2vec, "ch03-simple-word2vec")])
def test_a_run_on_the_cluster_gives_the_numbers_it_gives_here(cluster, module, experiment):
    params = tiny_params(experiment, make_run(experiment).params_dict())
    here = module.run(params, context=RunContext())
    there = module.run(params, context=RunContext(cluster=cluster))
    assert agree(here.metrics, there.metrics, Tolerance(relative=1e-5, absolute=1e-6))
    assert [f.file for f in here.figures] == [f.file for f in there.figures]
