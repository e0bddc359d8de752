"""Regenerate the golden pages of the seed log: ``make golden`` (on purpose only)."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.results import load_run_results

GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = Path(__file__).resolve().parent.parent / "sessions" / "dlfs2.md"


def seed_pages() -> dict[str, str]:
    """The generated Markdown of the seed log, with no experiment results present."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sessions").mkdir()
        shutil.copy(SEED, root / "sessions" / "dlfs2.md")
        knowledge = load(Config(root=root)).knowledge
        results, _ = load_run_results(knowledge, root)
        files, _ = render_site(knowledge, results, watch_window=3)
    return {path: text for path, text in files.items() if path.endswith(".md")}


def golden_name(path: str) -> str:
    return path.removeprefix("generated/").replace("/", "__")


def main() -> int:
    pages = seed_pages()
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    GOLDEN.mkdir()
    for path, text in pages.items():
        (GOLDEN / golden_name(path)).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} golden pages to {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
