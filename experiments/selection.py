"""Which runs the study logs ask for: exactly the runs the site generator links."""

from __future__ import annotations

from pathlib import Path

from experiments.registry import Run


def referenced_runs(root: Path) -> list[Run]:
    """The unique runs the logs under `root` refer to (planned resume-point runs too)."""
    from studykb.pipeline import referenced_runs as from_site_model

    return sorted(set(from_site_model(root)), key=lambda run: (run.experiment, run.run_id))
