"""``python -m experiments``: the experiments there are, their chapters and parameters.

Which runs the logs ask for is the site generator's question: ``python -m studykb
experiments`` (``make experiments``) reads the logs and runs the stale ones.
"""
import sys

from experiments.catalog import EXPERIMENTS
from experiments.runs import format_values
from experiments.tiers import is_heavy


def main() -> int:
    for spec in EXPERIMENTS.values():
        chapter = f"ch{spec.chapter:02d}" if spec.chapter else "any chapter"
        heavy = f", heavy: {spec.cost}" if is_heavy(spec) else ""
        print(f"{spec.id} ({chapter}{heavy}): {spec.title}")
        for param in spec.params:
            bounds = "" if param.minimum is None else f", {param.minimum:g} to {param.maximum:g}"
            default = ", ".join(format_values(param.default)) or '""'
            print(f"    {param.name} = {default}{bounds}: {param.help}")
    print("Run the ones the logs ask for with: python -m studykb experiments (make experiments)")
    return 0


sys.exit(main())
