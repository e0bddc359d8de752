"""`python -m experiments.bench [--write] [--repeat N] [--quick] [--chapters [N ...]]`: what stacking the models buys, and what each chapter's quick runs cost.

(a) the seed log's 5-seed learning-rate sweep (25 models, with its figure), as a
whole fresh process; (b) the plain one-model-at-a-time loop of `reference_loop` for
one seed of the same 5 rates (5 models, one figure), also a whole fresh process.
Both sides run the same number of times, taking turns; the table gives min and median
wall time and min CPU time. Also each experiment's own time and the decision-boundary
grid's peak memory. Each chapter's time is the sum of its quick experiments' default runs
(the book's sizes; chapters 2-6 on the generated stand-in corpus), heavy ones left out;
`--chapters 2 5` times only those chapters and nothing else, with `--threads` BLAS threads
(default 1: at these models' sizes more threads only contend, and on a shared machine
they make a run several times slower). The table is printed;
`--write` also stores it in experiments/results/bench.json.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from experiments import gallery
from experiments.answers import answer
from experiments.catalog import EXPERIMENTS
from experiments.context import RunContext
from experiments.runs import Run, make_run
from experiments.tiers import is_heavy, takes_context

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_LR_LINE = "- LR sweep executed: `0.01, 0.1, 1.0, 3.0, 10.0`"


def lr_sweep_run() -> Run:
    (run,) = answer(SEED_LR_LINE, 1).runs
    return run


def child_stacked(out_dir: Path) -> None:
    from experiments.book import ch01_lr_sweep

    result = ch01_lr_sweep.run(lr_sweep_run().params_dict())
    for figure in result.figures:
        (out_dir / figure.file).write_bytes(figure.content)


def child_reference(out_dir: Path) -> None:
    import numpy as np

    from experiments.common import plotting, reference_loop

    params = lr_sweep_run().params_dict()
    curves = {}
    for lr in params["lrs"]:
        run = reference_loop.train_one(0, lr, params["batch_size"], params["epochs"], params["hidden_size"])
        curves[lr] = run.batch_loss.reshape(params["epochs"], -1).mean(axis=1)

    def draw(figure):
        ax = figure.subplots()
        for lr, curve in curves.items():
            ax.plot(np.arange(1, len(curve) + 1), curve, label=f"lr {lr:g}")
        ax.set(xlabel="epoch", ylabel="training loss")
        ax.legend()

    # Plain fixed margins, as a quick script would have, and as the sweep's figure uses.
    margins = {"left": 0.1, "right": 0.97, "bottom": 0.13, "top": 0.95}
    (out_dir / "loss.svg").write_bytes(plotting.render_svg(draw, (6.0, 3.8), margins))


def process_seconds(modes: tuple[str, ...], repeat: int) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU time of `repeat` fresh interpreters per mode, imports included.

    The modes take turns, so a change in the machine's load during the measurement
    falls on both alike; CPU time (user + system of the child) is the figure that
    other processes on the machine disturb least.
    """
    times = {mode: {"wall": [], "cpu": []} for mode in modes}
    for _ in range(repeat):
        for mode in modes:
            with tempfile.TemporaryDirectory() as out_dir:
                before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
                command = [sys.executable, "-m", "experiments.bench", "--child", mode, out_dir]
                subprocess.run(command, cwd=PROJECT_ROOT, check=True)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[mode]["wall"].append(time.perf_counter() - started)
            times[mode]["cpu"].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times


def experiment_seconds(chapters: tuple[int, ...] | None = None) -> dict[str, float]:
    """Each quick experiment's default run's `run()` time in this (already warmed-up) process;
    of the chapters given, else of all. Heavy experiments take hours and are left out."""
    times = {}
    for spec in EXPERIMENTS.values():
        if spec.id == gallery.SPEC.id or is_heavy(spec) or (chapters and spec.chapter not in chapters):
            continue
        run = make_run(spec.id)
        module = importlib.import_module(spec.module)
        more = {"context": RunContext()} if takes_context(spec) else {}
        started = time.perf_counter()
        module.run(run.params_dict(), **more)
        times[f"{run.experiment}/{run.run_id}"] = time.perf_counter() - started
    return times


def chapter_seconds(times: dict[str, float]) -> dict[str, float]:
    """The experiments' times added up by chapter ("ch02": seconds)."""
    chapters: dict[str, float] = {}
    for label, seconds in sorted(times.items()):
        chapter = label.split("-", 1)[0]
        chapters[chapter] = chapters.get(chapter, 0.0) + seconds
    return chapters


def boundary_peak_bytes() -> int:
    """Peak memory traced while evaluating a model over the decision-boundary grid."""
    import numpy as np

    from experiments.common import data, net, plotting

    points = data.spiral(data.seed_streams(0).data)
    model = net.init_params(data.seed_streams(0).init, 2, 10, 3)
    tracemalloc.start()
    xx, yy = plotting.decision_grid(points)
    net.scores(model, np.column_stack([xx.ravel(), yy.ravel()])).argmax(axis=-1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def measure(repeat: int, quick: bool = False) -> dict:
    times = process_seconds(("stacked", "reference"), repeat)
    runs = {} if quick else experiment_seconds()
    return {
        "a_stacked_lr_sweep_25_models_process_s": _summary(times["stacked"]),
        "b_one_model_loop_5_models_process_s": _summary(times["reference"]),
        "repeats": repeat,
        "experiment_run_s": runs,
        "chapter_run_s": chapter_seconds(runs),
        "boundary_grid_peak_mib": boundary_peak_bytes() / 2**20,
    }


def chapter_table(times: dict[str, float]) -> str:
    """Each quick run's time, then each chapter's."""
    lines = [f"{'quick run (default values, one process)':<58} {'time':>12}"]
    lines += [f"{'run ' + name:<58} {seconds:>10.2f} s" for name, seconds in times.items()]
    lines += [f"{name + ' quick runs':<58} {seconds:>10.2f} s" for name, seconds in chapter_seconds(times).items()]
    return "\n".join(lines)


def _summary(times: dict[str, list[float]]) -> dict[str, float]:
    return {"min": min(times["wall"]), "median": statistics.median(times["wall"]), "cpu_min": min(times["cpu"])}


def table(figures: dict) -> str:
    a, b = figures["a_stacked_lr_sweep_25_models_process_s"], figures["b_one_model_loop_5_models_process_s"]
    lines = [f"{'measure (' + str(figures['repeats']) + ' fresh processes each)':<58} {'value':>12}"]
    for name, side in (("(a) stacked LR sweep, 5 seeds x 5 rates", a), ("(b) one-model loop, 1 seed x 5 rates", b)):
        lines += [
            f"{name + ', whole process (min)':<58} {side['min']:>10.2f} s",
            f"{'    median':<58} {side['median']:>10.2f} s",
            f"{'    CPU time (min)':<58} {side['cpu_min']:>10.2f} s",
        ]
    lines += [
        f"{'(a)/(b), min':<58} {a['min'] / b['min']:>12.2f}",
        f"{'(a)/(b), median':<58} {a['median'] / b['median']:>12.2f}",
        f"{'(a)/(b), CPU time (min)':<58} {a['cpu_min'] / b['cpu_min']:>12.2f}",
    ]
    lines += [f"{'run ' + name:<58} {seconds:>10.2f} s" for name, seconds in figures["experiment_run_s"].items()]
    lines += [f"{name + ' quick runs':<58} {seconds:>10.2f} s"
              for name, seconds in figures.get("chapter_run_s", {}).items()]
    lines.append(f"{'decision-boundary grid peak memory (tracemalloc)':<58} {figures['boundary_grid_peak_mib']:>8.1f} MiB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m experiments.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="also write experiments/results/bench.json")
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="one process per side, no per-experiment times")
    parser.add_argument("--chapters", nargs="*", type=int, metavar="N",
                        help="only time the quick runs of these chapters (all when none are named)")
    parser.add_argument("--threads", type=int, default=1, help="with --chapters: BLAS threads (default 1)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, out_dir = args.child
        {"stacked": child_stacked, "reference": child_reference}[mode](Path(out_dir))
        return 0
    if args.chapters is not None:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=args.threads):
            print(chapter_table(experiment_seconds(tuple(args.chapters) or None)))
        return 0
    figures = measure(1 if args.quick else args.repeat, args.quick)
    print(table(figures))
    if args.write:
        path = PROJECT_ROOT / "experiments" / "results" / "bench.json"
        rounded = json.loads(json.dumps(figures), parse_float=lambda text: round(float(text), 3))
        path.write_text(json.dumps(rounded, indent=2) + "\n", "utf-8")
        print(f"wrote {path.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
