"""Write: the one place that touches the generated subtree and the built site.

Only changed files are written (unchanged ones keep their inode and mtime, so
``mkdocs serve`` does not rebuild in a loop), and a tree is replaced as a whole:
the new tree is staged beside the old one and swapped in by renames, so a build
that fails or is interrupted leaves the previous good output in place.
"""
from __future__ import annotations

import os
import posixpath
import shutil
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
    owned = root / owned_prefix
    recover(owned)
    contents = {_inside(p, owned_prefix): c for p, c in files.items()}
    current = _existing(owned)
    changed = [p for p, c in contents.items() if p not in current or not _same(owned / p, _bytes(c))]
    removed = sorted(current - set(contents))
    if changed or removed:
        _stage_and_swap(owned, contents, set(changed))
    prefix = owned_prefix.rstrip("/") + "/"
    return WriteReport(tuple(prefix + p for p in changed), len(contents) - len(changed),
                       tuple(prefix + p for p in removed))


def _bytes(content: str | bytes) -> bytes:
    """Encoded file by file, when needed: the pages of a large log, all encoded at once,
    would hold their size in memory a second time."""
    return content.encode("utf-8") if isinstance(content, str) else content


def _inside(path: str, owned_prefix: str) -> str:
    """The path below the owned folder; anything that would land elsewhere is refused."""
    prefix = owned_prefix.rstrip("/") + "/"
    normal = posixpath.normpath(path)
    if not normal.startswith(prefix) or normal != path or "\\" in path:
        raise ValueError(f"refusing to write outside {owned_prefix}/: {path!r}")
    return normal[len(prefix):]


def _existing(owned: Path) -> set[str]:
    """The files below ``owned``, relative and '/'-separated; symbolic links to folders are not followed.

    ``os.scandir`` tells files from folders without a ``stat`` per file.
    """
    found: set[str] = set()
    pending = [("", os.fspath(owned))] if owned.is_dir() else []
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.is_file():
                    found.add(prefix + entry.name)
    return found


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _stage_and_swap(owned: Path, files: dict[str, str | bytes], changed: set[str]) -> None:
    owned.parent.mkdir(parents=True, exist_ok=True)
    stage = tempfile.mkdtemp(dir=owned.parent, prefix=f".{owned.name}-stage-")
    old = os.fspath(owned)
    folders = {""}
    try:
        # String paths and os-level calls: a thousand pages through pathlib and
        # buffered file objects cost twice what the kernel does for them.
        for rel_path, data in files.items():
            folder = rel_path.rpartition("/")[0]
            if folder not in folders:
                os.makedirs(f"{stage}/{folder}", exist_ok=True)
                folders.add(folder)
            if rel_path in changed:
                _write_new(f"{stage}/{rel_path}", _bytes(data))
            else:
                _link_or_copy(f"{old}/{rel_path}", f"{stage}/{rel_path}")
        replace_dir(Path(stage), owned)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _write_new(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:  # a regular file takes it all at once, but write() may say otherwise
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _backup_of(target: Path) -> Path:
    return target.parent / f".{target.name}-previous"


def replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, by renames; ``recover`` finishes an interrupted swap."""
    backup = _backup_of(target)
    if backup.exists():
        shutil.rmtree(backup)
    if target.exists():
        os.rename(target, backup)
    os.rename(new, target)
    shutil.rmtree(backup, ignore_errors=True)


def recover(target: Path) -> None:
    """After an interruption between the two renames, the previous tree comes back."""
    backup = _backup_of(target)
    if backup.exists() and not target.exists():
        os.rename(backup, target)
    elif backup.exists():
        shutil.rmtree(backup, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}-stage-*"):
        shutil.rmtree(stale, ignore_errors=True)
