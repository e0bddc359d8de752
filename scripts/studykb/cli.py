"""Command line: ``python -m studykb pages|check|site|anki|experiments`` (the Makefile's targets)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import ConfigError, load_config
from .diagnostics import Level, has_errors, summary
from .pipeline import generate, load
from .render.anki import anki_deck
from .sitebuild import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="studykb", description=__doc__)
    parser.add_argument("command", choices=["pages", "check", "site", "anki", "experiments"],
                        help="pages: write the generated pages; check: report problems in the logs; "
                             "site: mkdocs build --strict, replacing site/ only when it succeeds; "
                             "anki: write the recall cards as an Anki deck (--out); "
                             "experiments: re-run the stale experiment runs the logs ask for")
    parser.add_argument("--out", type=Path, default=Path("recall.apkg"), help="anki: where to write the deck")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds mkdocs.yml)")
    parser.add_argument("--quiet", action="store_true", help="print errors and warnings only")
    parser.add_argument("--force", action="store_true", help="experiments: re-run even fresh runs")
    parser.add_argument("--only", metavar="ID", help="experiments: only this experiment's runs")
    parser.add_argument("--jobs", type=int, help="experiments: parallel processes (default: cores)")
    parser.add_argument("--device", choices=["cpu", "gpu"],
                        help="experiments: train on the CPU (NumPy) or a GPU (CuPy); default: the setting, else cpu")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        config = load_config(root)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.command == "experiments":
        from .rerun import run_experiments
        return run_experiments(config, args.force, args.only, args.jobs, args.device)
    if args.command == "site":
        return build_site(root, config.site_dir)
    if args.command == "anki":
        knowledge = load(config).knowledge
        args.out.write_bytes(anki_deck(knowledge, "Recall cards"))
        print(f"studykb: {len(knowledge.cards)} cards written to {args.out}")
        return 0
    if args.command == "pages":
        generated = generate(config)
        diagnostics = generated.loaded.diagnostics
        report = generated.report
        _print(diagnostics, args.quiet)
        print(f"studykb: {len(report.written)} files written, {report.unchanged} unchanged, "
              f"{len(report.removed)} removed under {config.generated_dir}/")
        return 0
    diagnostics = load(config).diagnostics
    _print(diagnostics, args.quiet)
    print(f"studykb check: {summary(diagnostics)}")
    return 1 if has_errors(diagnostics) else 0


def _print(diagnostics, quiet: bool) -> None:
    for diagnostic in diagnostics:
        if not (quiet and diagnostic.level is Level.INFO):
            print(diagnostic, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
