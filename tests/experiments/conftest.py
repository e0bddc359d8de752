import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

TINY_LOG = """# Tiny log

## Session: 2026-02-18 15:03:34 KST
- Topics covered:
- LR sweep executed: `0.1, 1.0` `epochs=3` `n_seeds=2`
- Ch01 baseline run `epochs=2` `n_seeds=2`
"""


def write_log(root: Path, text: str) -> None:
    (root / "sessions").mkdir(parents=True, exist_ok=True)
    (root / "sessions" / "log.md").write_text(text, "utf-8")


def run_experiments(root: Path, *args: str, python_flags: tuple[str, ...] = (), env=None) -> subprocess.CompletedProcess:
    """`make experiments` for the project at `root`: python -m studykb experiments."""
    command = [sys.executable, *python_flags, "-m", "studykb", "experiments", "--root", str(root), *args]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def tiny_root(tmp_path: Path) -> Path:
    write_log(tmp_path, TINY_LOG)
    return tmp_path
