"""One benchmark run: every size measured, then live reload and the experiment suite."""
from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from . import engine
from .project import ROOT, make_plain_project, make_project

FULL_SIZES = (10, 100, 1_000, 10_000)
QUICK_SIZES = (10, 100, 1_000)
RELOAD_SESSIONS = 1_000
# A shared machine's speed drifts by a third from one second to the next (a pure Python
# loop, timed again and again, varies that much here): each figure is the median of
# several runs, reported with its spread. Builds at 10,000 sessions take minutes and run once.
OURS_REPEATS = 5
BUILD_REPEATS = 3


def measure_sizes(sizes: tuple[int, ...], seed: int, workdir: Path, log=print,
                  repeats: int = OURS_REPEATS) -> list[dict]:
    """Each size's figures: our stages in fresh processes, the engine's cold build, the plain twin's.

    The repeats go in rounds over the sizes (every size once, then again), so a slow
    spell of the machine lands on several sizes once each rather than on every run of
    one size. Each measurement gets a project of its own and nothing is deleted until
    the whole run is over: on a file system that avoids reusing recently freed inodes
    (ext4 without a journal, as on the machine of the published figures), creating files
    right after thousands were deleted costs up to a millisecond each in the kernel, which
    would be charged to whichever step writes next. Before each measurement the files
    just generated are flushed to disk, so their write-back is not charged to it either.
    """
    ours: dict[int, list] = {n: [] for n in sizes}
    builds: dict[int, list] = {n: [] for n in sizes}
    plains: dict[int, list] = {n: [] for n in sizes}
    for repeat in range(repeats):
        for sessions in sizes:
            ours[sessions].append(_our_stages(sessions, seed, workdir, repeat, repeats, log))
            if repeat < (min(repeats, BUILD_REPEATS) if sessions <= 1_000 else 1):
                built, plain = _builds(sessions, seed, workdir, repeat, log)
                builds[sessions].append(built)
                plains[sessions].append(plain)
    return [{"sessions": n, "ours": median_run(ours[n], "total_s"), "build": median_run(builds[n], "wall_s"),
             "plain": median_run(plains[n], "wall_s")} for n in sizes]


def _our_stages(sessions: int, seed: int, workdir: Path, repeat: int, repeats: int, log,
                one_file: bool = False) -> dict:
    layout = "one-file" if one_file else "ours"
    project = make_project(workdir / f"{layout}-{sessions}-{repeat}", sessions, seed, one_file)
    log(f"  {sessions} sessions{' in one log file' if one_file else ''}: our stages ({repeat + 1} of {repeats})")
    _flush()
    child = engine.timed_run([sys.executable, "-m", "bench", "--child-ours", str(project)], ROOT)
    return json.loads(child["stdout"])


def _builds(sessions: int, seed: int, workdir: Path, repeat: int, log) -> tuple[dict, dict]:
    project = make_project(workdir / f"studykb-{sessions}-{repeat}", sessions, seed)
    log(f"  {sessions} sessions: mkdocs build with the studykb hook ({repeat + 1})")
    _flush()
    built = engine.build(project)
    built["pages_listing_everything"] = engine.pages_listing_everything(project / "site")
    log(f"  {sessions} sessions: mkdocs build of the plain Material twin ({repeat + 1})")
    plain_project = make_plain_project(workdir / f"plain-{sessions}-{repeat}", project)
    _flush()
    return built, engine.build(plain_project)


def measure_one_file(sessions: int, seed: int, workdir: Path, log=print, repeats: int = OURS_REPEATS) -> dict:
    """Our stages with the same sessions in one log file, as a learner keeps them (the seed log
    is one file): a log's length must not cost more than its sessions do in monthly files."""
    runs = [_our_stages(sessions, seed, workdir, repeat, repeats, log, one_file=True) for repeat in range(repeats)]
    return {"sessions": sessions, "ours": median_run(runs, "total_s")}


def median_run(runs: list[dict], key: str) -> dict:
    """The run whose ``key`` is the median, whole (its parts add up to it), with every run's figure beside it."""
    ordered = sorted(runs, key=lambda run: run[key])
    return {**ordered[len(ordered) // 2], "runs": [run[key] for run in runs]}


def _flush() -> None:
    if hasattr(os, "sync"):
        os.sync()


def measure_reload(sessions: int, seed: int, workdir: Path, log=print) -> dict:
    project = make_project(workdir / f"serve-{sessions}", sessions, seed)
    out = {"sessions": sessions}
    for dirty in (False, True):
        log(f"  mkdocs serve{' --dirty' if dirty else ''} of {sessions} sessions: edit one session")
        out["dirty" if dirty else "full"] = engine.live_reload(project, dirty)
    return out


def measure_experiments(quick: bool) -> dict:
    run = engine.timed_run([sys.executable, "-m", "experiments.bench"] + (["--quick"] if quick else []), ROOT)
    return {"wall_s": run["wall_s"], "table": run["stdout"].rstrip("\n"), "quick": quick}


def environment() -> dict:
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin")}
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(terse=True),
            "load_average_at_start": os.getloadavg()[0], **versions}


def run(sizes: tuple[int, ...], seed: int = 0, reload: bool = True, experiments: bool = True,
        quick: bool = False, log=print, repeats: int = OURS_REPEATS) -> dict:
    results: dict = {"environment": environment(), "seed": seed, "quick": quick, "repeats": repeats,
                     "build_repeats": min(repeats, BUILD_REPEATS), "sizes": []}
    with tempfile.TemporaryDirectory(prefix="studykb-bench-") as scratch:
        workdir = Path(scratch)
        results["sizes"] = measure_sizes(sizes, seed, workdir, log, repeats)
        largest = max(sizes)
        results["one_file"] = measure_one_file(largest, seed, workdir, log, repeats if largest <= 1_000 else 1)
        if reload:
            results["live_reload"] = measure_reload(min(RELOAD_SESSIONS, max(sizes)), seed, workdir, log)
    if experiments:
        log("  experiment suite: python -m experiments.bench" + (" --quick" if quick else ""))
        results["experiments"] = measure_experiments(quick)
    results["environment"]["load_average_at_end"] = os.getloadavg()[0]
    return results
