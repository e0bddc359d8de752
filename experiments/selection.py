"""Which runs the study logs ask for."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from experiments.registry import Run, find_runs


def referenced_runs(root: Path, note: Callable[[str], None] = lambda message: None) -> list[Run]:
    """The unique runs the logs under `root` refer to, as the site generator sees them."""
    try:
        from studykb.pipeline import referenced_runs as from_site_model
    except ImportError as error:
        if error.name not in ("studykb", "studykb.pipeline"):
            raise
        # FALLBACK(studykb.pipeline): remove once the site generator provides
        # studykb.pipeline.referenced_runs (it also adds resume-point "planned" runs).
        note("studykb.pipeline.referenced_runs not available; scanning sessions/*.md lines directly")
        return scan_session_lines(root)
    return sorted(set(from_site_model(root)), key=_run_order)


def scan_session_lines(root: Path) -> list[Run]:
    """FALLBACK(studykb.pipeline): every run any line of sessions/*.md refers to."""
    runs = {
        run
        for log in sorted((Path(root) / "sessions").glob("*.md"))
        for line in log.read_text("utf-8").splitlines()
        for run in find_runs(line)
    }
    return sorted(runs, key=_run_order)


def _run_order(run: Run) -> tuple[str, str]:
    return run.experiment, run.run_id
