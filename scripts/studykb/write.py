"""Write: the one place that touches the generated subtree. Only changed files are written,
each atomically, and files the generator no longer produces are removed."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_tree(root: Path, files: dict[str, str | bytes], owned_prefix: str) -> WriteReport:
    """Make ``root/owned_prefix`` hold exactly ``files`` (paths relative to ``root``)."""
    owned = (root / owned_prefix).resolve()
    written, unchanged = [], 0
    for rel_path, content in files.items():
        target = _inside(root / rel_path, owned)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if _same(target, data):
            unchanged += 1
            continue
        atomic_write(target, data)
        written.append(rel_path)
    removed = _remove_stale(owned, {(root / p).resolve() for p in files}, root)
    return WriteReport(tuple(written), unchanged, tuple(removed))


def _inside(path: Path, owned: Path) -> Path:
    resolved = path.resolve()
    if not resolved.is_relative_to(owned):
        raise ValueError(f"refusing to write outside {owned}: {path}")
    return resolved


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over: never a half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale(owned: Path, keep: set[Path], root: Path) -> list[str]:
    removed = []
    if not owned.is_dir():
        return removed
    for path in sorted(owned.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
            removed.append(path.relative_to(root.resolve()).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
