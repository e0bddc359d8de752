"""Training one stack of seeds per batch size, shared by both batch-size experiments.

Every batch size trains from the same seeds, so under a seed all batch sizes start
from the same data and weights. A model stopped after U updates is exactly the model
a run of U updates would give, so one training per batch size serves both the
fixed-epochs and the fixed-updates comparison (via snapshots).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from experiments.common import sweep, training
from experiments.common.data import LabelledPoints


@dataclass(frozen=True)
class BatchRun:
    batch_size: int
    per_epoch: int  # updates per epoch = points // batch size
    epoch_steps: int  # updates in params["epochs"] epochs
    outcome: sweep.GroupOutcome  # one setting (params["lr"]) x seeds


def train_batch_sizes(
    params: Mapping, points: LabelledPoints, seed_list: list[int], updates: int | None = None, progress=None
) -> list[BatchRun]:
    """Train each batch size for `epochs` epochs, and on to `updates` updates if that is longer."""
    plans = []
    for batch_size in params["batch_sizes"]:
        per_epoch = training.updates_per_epoch(len(points), batch_size)
        epoch_steps = params["epochs"] * per_epoch
        wanted = (epoch_steps,) if updates is None else (epoch_steps, updates)
        plans.append((batch_size, per_epoch, epoch_steps, training.Schedule(batch_size, max(wanted), wanted)))
    total = sum(schedule.steps for *_, schedule in plans)
    runs, done = [], 0
    for batch_size, per_epoch, epoch_steps, schedule in plans:
        report = sweep.scaled_progress(progress, done / total, schedule.steps / total)
        group = sweep.Group((params["lr"],), schedule)
        outcome = sweep.train_group(group, seed_list, points, params["hidden_size"], progress=report)
        runs.append(BatchRun(batch_size, per_epoch, epoch_steps, outcome))
        done += schedule.steps
    return runs
