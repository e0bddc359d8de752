"""``python -m bench.compare REF``: the same synthetic log built by this tree and by an
earlier commit, in alternating cold builds on this machine, and the ratio of the two.

The earlier commit is checked out into a temporary worktree; each round builds the log
with one tree, then the other (order swapped every round, so a slow spell of the machine
falls on both), and the medians are compared. It measures the whole `mkdocs build`: what
a learner waits for, whichever part of it is ours. The timing hooks also give each build's
search-index step (this tree's Pagefind run after the pages are written), reported apart.
Each round also times the engine alone on this tree's pages (the plain twin of its project:
the same pages, theme and extensions, no hook, no macros) followed by the search-index step:
what this tree's cold build would take were our stages instant, its least possible figure.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .project import ROOT, add_timing_hooks, child_env, make_plain_project
from .synth import write_logs


def tree_project(tree: Path, dest: Path, sessions: Path) -> Path:
    """``tree``'s site setup (mkdocs.yml, docs/, the hook, theme overrides) with the given logs."""
    dest.mkdir(parents=True)
    shutil.copytree(tree / "docs", dest / "docs", ignore=shutil.ignore_patterns("generated", ".generated-*"))
    shutil.copytree(tree / "scripts" / "hooks", dest / "scripts" / "hooks")
    add_timing_hooks(dest, (tree / "mkdocs.yml").read_text("utf-8"))
    if (tree / "overrides").is_dir():
        shutil.copytree(tree / "overrides", dest / "overrides")
    (dest / "experiments" / "results").mkdir(parents=True)
    shutil.copytree(sessions, dest / "sessions")
    return dest


def cold_build(tree: Path, project: Path) -> tuple[float, float]:
    """Seconds of one `mkdocs build` from nothing, with ``tree``'s generator on the path,
    and of its search-index step (the studykb hook's ``on_post_build``)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / "docs" / "generated", ignore_errors=True)
    stamps = project / "stamps.json"
    stamps.unlink(missing_ok=True)
    # The timing hooks import bench from this tree, whichever tree builds.
    path = [str(tree / "scripts"), str(tree), str(ROOT / "scripts")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path), "NO_MKDOCS_2_WARNING": "1", "BENCH_STAMPS": str(stamps)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    marks = json.loads(stamps.read_text("utf-8"))
    return seconds, marks["written"] - marks["pages"]


def engine_floor(plain: Path) -> float:
    """Seconds of a cold `mkdocs build` of ``plain`` (a plain twin: pages already generated, no hook)
    and of the search index of its site, as this tree's hook makes it after a build."""
    shutil.rmtree(plain / "site", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=plain, env=child_env(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from studykb.search import index_site; "
                    "index_site(Path(sys.argv[1]))", str(plain / "site")], env=child_env(), check=True)
    return time.perf_counter() - start


def compare(ref: str, sessions: int, rounds: int, seed: int = 0) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        before = scratch / "before"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(before), ref], cwd=ROOT, check=True)
        try:
            logs = scratch / "logs"
            write_logs(logs, sessions, seed)
            trees = {"before": before, "after": ROOT}
            projects = {name: tree_project(tree, scratch / f"p-{name}", logs) for name, tree in trees.items()}
            times: dict[str, list[float]] = {"before": [], "after": []}
            search: dict[str, list[float]] = {"before": [], "after": []}
            floor: list[float] = []
            plain = None
            for n in range(rounds):
                for name in (("before", "after") if n % 2 == 0 else ("after", "before")):
                    whole, index = cold_build(trees[name], projects[name])
                    times[name].append(whole)
                    search[name].append(index)
                    print(f"round {n + 1}: {name} {whole:.1f} s (search index {index:.1f} s)", file=sys.stderr, flush=True)
                plain = plain or make_plain_project(scratch / "p-engine", projects["after"])
                floor.append(engine_floor(plain))
                print(f"round {n + 1}: engine alone and search index {floor[-1]:.1f} s", file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False)
    medians = {name: statistics.median(t) for name, t in times.items()}
    without_search = {name: statistics.median(w - s for w, s in zip(times[name], search[name])) for name in times}
    return {"ref": ref, "sessions": sessions, "rounds": rounds, "times": times, "medians": medians,
            "ratio": medians["after"] / medians["before"], "search_index_s": search,
            "without_search_index": without_search,
            "ratio_without_search_index": without_search["after"] / without_search["before"],
            "engine_and_search_s": floor, "engine_and_search": statistics.median(floor),
            "ratio_engine_and_search": statistics.median(floor) / medians["before"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the earlier commit to compare with (e.g. a tag or a hash)")
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    result = compare(args.ref, args.sessions, args.rounds)
    m = result["medians"]
    print(f"{args.sessions:,} sessions, cold mkdocs build, median of {args.rounds} alternating rounds: "
          f"{args.ref} {m['before']:.1f} s, this tree {m['after']:.1f} s, ratio {result['ratio']:.2f}; "
          f"less the search-index step: {result['without_search_index']['before']:.1f} s and "
          f"{result['without_search_index']['after']:.1f} s, ratio {result['ratio_without_search_index']:.2f}; "
          f"the engine alone on this tree's pages and the search index: {result['engine_and_search']:.1f} s, "
          f"ratio {result['ratio_engine_and_search']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
