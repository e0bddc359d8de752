"""Benchmark projects: the repository's site setup with synthetic logs, and a plain twin."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .synth import write_logs

ROOT = Path(__file__).resolve().parent.parent.parent
TIMING_HOOK = Path(__file__).resolve().parent / "timing_hook.py"
SESSION_HEADER = re.compile(r"^## Session: (\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})", re.MULTILINE)


def child_env() -> dict[str, str]:
    """The environment of every measured process: our packages importable, MkDocs quiet."""
    paths = [str(ROOT / "scripts"), str(ROOT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p), "NO_MKDOCS_2_WARNING": "1"}


def make_project(dest: Path, sessions: int, seed: int = 0, one_file: bool = False) -> Path:
    """mkdocs.yml, docs/ and the hook copied as the tests do, logs synthesised (one file a
    month, or ``one_file``), timing hooks added."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("generated", ".generated-*"))
    shutil.copytree(ROOT / "scripts" / "hooks", dest / "scripts" / "hooks")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "experiments" / "results").mkdir(parents=True)
    add_timing_hooks(dest, (ROOT / "mkdocs.yml").read_text("utf-8"))
    write_logs(dest / "sessions", sessions, seed, one_file)
    return dest


def add_timing_hooks(dest: Path, config: str) -> None:
    """``config`` written as ``dest``'s mkdocs.yml with the timing hooks around the others."""
    for role in ("before", "after"):
        shutil.copy(TIMING_HOOK, dest / "scripts" / "hooks" / f"{role}.py")
    timed = "hooks:\n  - scripts/hooks/before.py\n  - scripts/hooks/after.py\n"
    (dest / "mkdocs.yml").write_text(config.replace("hooks:\n", timed, 1), "utf-8")


def make_plain_project(dest: Path, source: Path) -> Path:
    """The same Markdown pages as ``source`` (generated ones included), the same theme and
    extensions, but no hook and no macros: what the engine alone costs for these pages."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "docs", dest / "docs")
    shutil.copytree(source / "overrides", dest / "overrides")
    (dest / "mkdocs.yml").write_text(plain_config((source / "mkdocs.yml").read_text("utf-8")), "utf-8")
    return dest


def plain_config(text: str) -> str:
    """mkdocs.yml without its ``hooks:``, ``watch:`` and the ``macros`` plugin."""
    out, skipping = [], None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if skipping is not None and (indent > skipping or not line.strip()):
            continue
        skipping = None
        if line.startswith(("hooks:", "watch:")) or line.strip().startswith("- macros"):
            skipping = indent
            continue
        out.append(line)
    return "".join(out)


def session_id(header_match: re.Match) -> str:
    day, hour, minute = header_match.groups()
    return f"{day}-{hour}{minute}"
