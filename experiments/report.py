"""What `python -m experiments` tells the person waiting: progress, then a summary."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from experiments.runs import Run

PROGRESS_EVERY = 1.0  # seconds between progress lines


def label(run: Run) -> str:
    return f"{run.experiment}/{run.run_id}"


class Reporter:
    """Collects progress events from the runs and prints a line now and then."""

    def __init__(self, total: int, jobs: int, stream: TextIO | None = None):
        self.total, self.jobs, self.stream = total, jobs, stream
        self.started: dict[Run, float] = {}
        self.fraction: dict[Run, float] = {}
        # (time, fraction) of a run's first report past 0: a run resumed from a checkpoint
        # starts part-way, and its time left is measured from there.
        self.baseline: dict[Run, tuple[float, float]] = {}
        self.durations: list[float] = []
        self.last_line = 0.0

    def say(self, message: str) -> None:
        # Looked up per call, so a redirected sys.stderr (tests, wrappers) is honoured.
        print(message, file=self.stream or sys.stderr, flush=True)

    def waiting(self, lock_path) -> None:
        self.say(f"experiments: {lock_path} is held by another run; waiting for it to finish")

    def progress(self, run: Run, fraction: float) -> None:
        if run not in self.started:
            self.started[run] = time.monotonic()
            self.say(f"  start   {label(run)}")
        if fraction > 0 and run not in self.baseline:
            self.baseline[run] = (time.monotonic(), fraction)
        self.fraction[run] = fraction

    def finished(self, outcome) -> None:
        self.started.setdefault(outcome.run, time.monotonic())
        self.fraction.pop(outcome.run, None)
        self.durations.append(outcome.seconds)
        done = len(self.durations)
        if outcome.status == "failed":
            self.say(f"  FAILED  {label(outcome.run)} after {outcome.seconds:.1f} s [{done}/{self.total}]")
            self.say(_indent(outcome.error))
        else:
            self.say(f"  ran     {label(outcome.run)} in {outcome.seconds:.1f} s [{done}/{self.total}]: {outcome.headline}")

    def tick(self) -> None:
        now = time.monotonic()
        if not self.fraction or now - self.last_line < PROGRESS_EVERY:
            return
        self.last_line = now
        running = ", ".join(f"{label(run)} {100 * f:.0f}%" for run, f in sorted(self.fraction.items(), key=lambda i: label(i[0])))
        self.say(f"  ...     [{len(self.durations)}/{self.total} done] {running}; {self._time_left(now)}")

    def _time_left(self, now: float) -> str:
        remaining = []
        for run, fraction in self.fraction.items():
            since, first = self.baseline.get(run, (self.started[run], 0.0))
            done = fraction - first
            remaining.append((now - since) * (1 - fraction) / done if done > 0.02 else None)
        known = [r for r in remaining if r is not None]
        typical = _mean(self.durations) or _mean(known) or None
        waiting = self.total - len(self.durations) - len(self.fraction)
        if typical is None or len(known) < len(remaining):
            return "time left: estimating"
        left = (sum(known) + waiting * typical) / max(1, min(self.jobs, len(known) + waiting))
        return f"about {duration(left)} left"


def duration(seconds: float) -> str:
    """42 s, 12 min, 3.4 h: a heavy run's time left is hours, a quick one's seconds."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def summary_table(outcomes) -> str:
    rows = [("run", "status", "time", "headline")]
    rows += [
        (label(o.run), o.status, f"{o.seconds:.1f} s" if o.status not in ("fresh", "heavy", "cannot run") else "-", o.headline)
        for o in outcomes
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3] for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths) + "  " + "-" * 8)
    return "\n".join(line.rstrip() for line in lines)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines())


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
