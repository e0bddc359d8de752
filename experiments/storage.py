"""Writing a run's results: whole directories swapped in at once, under a project lock."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator, Mapping

KEY_FILE = "key.txt"
METRICS_FILE = "metrics.json"
LOCK_FILE = ".lock"


def stored_key(directory: Path) -> str | None:
    try:
        return (directory / KEY_FILE).read_text("utf-8").strip()
    except OSError:
        return None


def metrics_json(metrics: Mapping) -> bytes:
    """Stable text: fixed indentation, no NaN (the experiments round and replace them)."""
    return (json.dumps(metrics, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode()


def replace_directory(target: Path, files: Mapping[str, bytes], scratch: Path) -> None:
    """Make `target` hold exactly `files`, never leaving a half-written directory behind.

    The new directory is written under `scratch` (same file system, git-ignored
    `.tmp-*` names) and renamed into place; an old one is renamed away first and
    deleted afterwards, so a reader sees either the old or the new results.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=scratch))
    try:
        for name, content in files.items():
            (staging / name).write_bytes(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        retired = staging.with_name(staging.name + "-old")
        if target.exists():
            os.replace(target, retired)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(staging.with_name(staging.name + "-old"), ignore_errors=True)


@contextlib.contextmanager
def project_lock(path: Path, on_wait: Callable[[Path], None]) -> Iterator[None]:
    """Hold an exclusive flock on `path`; call `on_wait` first if someone else holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(path)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
