"""Write: the one place that writes the generated subtree (``docs/generated``).

``write_tree`` makes the owned folder hold exactly the files it is given. Only changed
files are written; unchanged ones keep their inode and mtime, so ``mkdocs serve`` does
not rebuild in a loop, and a build that changes nothing touches nothing. The new tree is
staged beside the old one (unchanged files hard-linked into it) and swapped in by two
renames, so a build that fails or is interrupted leaves the previous good tree in place.

Between those two renames there is, for an instant, no tree. A process killed right
there leaves the previous tree under a backup name, and the next ``write_tree`` puts it
back before anything else. That is enough for this tree, unlike the built site (see
sitebuild.py), because what reads it writes it first, in the same process: the MkDocs
hook runs the generator before MkDocs lists ``docs/``. Two processes writing one tree
(``make serve`` and ``make site``) take turns, so neither removes the other's stage.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_tree(root: Path, files: dict[str, str | bytes], owned_prefix: str) -> WriteReport:
    """Make ``root/owned_prefix`` hold exactly ``files`` (paths relative to ``root``)."""
    contents = {_inside(path, owned_prefix): content for path, content in files.items()}  # all checked first
    owned = root / owned_prefix
    owned.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(owned.parent):
        recover(owned)
        stage = _Stage(owned)
        try:
            written, unchanged, removed = _update(owned, contents, stage)
        finally:
            stage.remove()
    prefix = owned_prefix.rstrip("/") + "/"
    return WriteReport(tuple(prefix + p for p in written), len(unchanged), tuple(prefix + p for p in removed))


def _update(owned: Path, contents: dict[str, str | bytes], stage: _Stage) -> tuple[list, list, list]:
    """Changed files into the stage; if anything changed or went away, the rest linked
    in and the stage swapped in. What was written, kept and removed (sorted)."""
    current = _existing(owned)
    written, unchanged = [], []
    for rel_path in sorted(contents):
        data = _bytes(contents[rel_path])  # encoded one at a time: all at once, the pages would be in memory twice
        if rel_path in current and _same(owned / rel_path, data):
            unchanged.append(rel_path)
        else:
            stage.write(rel_path, data)
            written.append(rel_path)
    removed = sorted(current - contents.keys())
    if written or removed:
        for rel_path in unchanged:
            stage.link(owned / rel_path, rel_path)
        replace_dir(stage.take(), owned)
    return written, unchanged, removed


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _inside(path: str, owned_prefix: str) -> str:
    """The path below the owned folder; anything that would land elsewhere is refused."""
    prefix = owned_prefix.rstrip("/") + "/"
    normal = posixpath.normpath(path)
    if not normal.startswith(prefix) or normal != path or "\\" in path:
        raise ValueError(f"refusing to write outside {owned_prefix}/: {path!r}")
    return normal[len(prefix):]


class _Stage:
    """The new tree, beside the owned one, made when its first file comes."""

    def __init__(self, owned: Path) -> None:
        self.owned = owned
        self.path: Path | None = None
        self.folders: set[Path] = set()  # the folders made in it so far

    def write(self, rel_path: str, data: bytes) -> None:
        self._place(rel_path).write_bytes(data)

    def link(self, source: Path, rel_path: str) -> None:
        """An unchanged file, as the same file (a hard link) where the system allows."""
        target = self._place(rel_path)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    def take(self) -> Path:
        """The stage, for the caller to swap in: no longer this object's to remove."""
        path, self.path = self._place(""), None
        return path

    def remove(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None

    def _place(self, rel_path: str) -> Path:
        if self.path is None:
            self.path = Path(tempfile.mkdtemp(dir=self.owned.parent, prefix=f".{self.owned.name}-stage-"))
            self.folders = {self.path}
        target = self.path / rel_path
        if target.parent not in self.folders:  # one folder holds many files: made once
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        return target


def _existing(owned: Path) -> set[str]:
    """The files below ``owned``, relative and '/'-separated (symbolic links to folders not followed)."""
    if not owned.is_dir():
        return set()
    return {path.relative_to(owned).as_posix() for path in owned.rglob("*") if path.is_file()}


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


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
    """After an interruption between the two renames, the previous tree comes back; stages
    left by a writer that died are removed. Call it holding the lock (``exclusive``), so
    that no stage removed here is one another writer is filling."""
    backup = _backup_of(target)
    if backup.exists() and not target.exists():
        os.rename(backup, target)
    elif backup.exists():
        shutil.rmtree(backup, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}-stage-*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def exclusive(path: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, a folder or a lock file (made if missing);
    ``on_wait`` is called first when another process holds it. The lock goes with the
    process: one that is killed holds nothing.

    The generated tree is locked through its parent folder (``docs/``), not a lock file
    in it: ``mkdocs serve`` watches that folder, and opening a file there is an event
    that starts a rebuild, while opening the folder itself is not.
    """
    fd = os.open(path, os.O_RDONLY if path.is_dir() else os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
