"""``python -m bench [--quick] [--sizes N ...]``: measure studykb at growing log sizes.

Prints the table and the targets, and writes the site's Performance page
(docs/performance.md, docs/assets/performance/bench.json and bench.svg).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from . import report
from .compare import compare
from .ours import child_main, profile
from .project import ROOT, make_project
from .run import BUILD_REPEATS, FULL_SIZES, OURS_REPEATS, QUICK_SIZES, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stop at 1,000 sessions; quick experiment bench")
    parser.add_argument("--sizes", type=int, nargs="+", help="session counts to measure (default 10 100 1000 10000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic logs")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="where the Performance page goes")
    parser.add_argument("--repeats", type=int, default=OURS_REPEATS,
                        help=f"fresh runs of our stages per size, the median reported (default {OURS_REPEATS}; "
                             f"builds up to {BUILD_REPEATS}, at 10,000 sessions 1)")
    parser.add_argument("--no-reload", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--no-experiments", action="store_true", help="skip the experiment suite's bench")
    parser.add_argument("--compare", metavar="REF",
                        help="also build 1,000 sessions with an earlier commit, alternating with this tree, "
                             "and report the ratio of the cold builds")
    parser.add_argument("--profile", type=int, metavar="SESSIONS", help="only cProfile our part at this size")
    parser.add_argument("--child-ours", metavar="PROJECT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_ours:
        return child_main(args.child_ours)
    if args.profile:
        with tempfile.TemporaryDirectory() as scratch:
            print(profile(make_project(Path(scratch) / "p", args.profile, args.seed)))
        return 0
    sizes = tuple(args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES))
    results = run(sizes, args.seed, reload=not args.no_reload, experiments=not args.no_experiments,
                  quick=args.quick, log=lambda line: print(line, file=sys.stderr, flush=True),
                  repeats=max(1, args.repeats))
    if args.compare:
        results["compare"] = compare(args.compare, sessions=1000, rounds=3)
    print(report.text_table(results))
    print()
    for target in report.targets(results):
        print(f"{report._mark(target['met']).strip('*'):>12}  {target['target']}: {target['measured']}")
    if "live_reload" in results:
        print()
        print(report.reload_table(results["live_reload"]))
    if "experiments" in results:
        print()
        print(results["experiments"]["table"])
    for path in report.write_outputs(results, args.docs):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
