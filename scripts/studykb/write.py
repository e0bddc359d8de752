"""Write: the one place that touches the generated subtree and the built site.

Only changed files are written (unchanged ones keep their inode and mtime, so
``mkdocs serve`` does not rebuild in a loop), and a tree is replaced as a whole:
the new tree is staged beside the old one and swapped in by renames, so a build
that fails or is interrupted leaves the previous good output in place.

A build hands its pages over as they are rendered (``TreeStream``) to a helper
process, which compares and writes each one on another core while the next are
rendered: creating ten thousand files takes the kernel half a second,
which then overlaps the rendering instead of following it. The helper is this
file run as a script, with nothing but the standard library; where it cannot be
started the same steps run in the build's own process (``write_tree`` always does).
A forked copy of the build can hand pages to the same helper, down a lane of its own
(``TreeStream.both``), so that two processes render at once.
"""
from __future__ import annotations

import json
import os
import posixpath
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NoReturn


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_tree(root: Path, files: dict[str, str | bytes], owned_prefix: str) -> WriteReport:
    """Make ``root/owned_prefix`` hold exactly ``files`` (paths relative to ``root``), in this process."""
    contents = {_inside(p, owned_prefix): c for p, c in files.items()}  # every path checked before any write
    update = TreeUpdate(os.fspath(root / owned_prefix))
    try:
        for rel_path, content in contents.items():
            update.put(rel_path, _bytes(content))
        return _report(owned_prefix, update.finish())
    except BaseException:
        update.abandon()
        raise


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


def _report(owned_prefix: str, outcome: dict) -> WriteReport:
    prefix = owned_prefix.rstrip("/") + "/"
    return WriteReport(tuple(prefix + p for p in outcome["written"]), outcome["unchanged"],
                       tuple(prefix + p for p in outcome["removed"]))


class TreeUpdate:
    """One update of an owned tree: its files put one by one, then finished (swapped in) or abandoned.

    A changed file goes to the stage at once; an unchanged one is linked into it at the
    end, and only if something changed: a build that changes nothing touches nothing.
    """

    def __init__(self, owned: str) -> None:
        recover(Path(owned))
        self.owned = owned
        self.current = _existing(Path(owned))
        self.stage: str | None = None
        self.folders = {""}
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.seen: set[str] = set()

    def put(self, rel_path: str, data: bytes) -> None:
        if rel_path in self.seen:  # from two processes rendering at once, each checking only its own
            raise ValueError(f"{rel_path!r} was generated twice")
        self.seen.add(rel_path)
        if rel_path in self.current and _same(f"{self.owned}/{rel_path}", data):
            self.unchanged.append(rel_path)
        else:
            _write_new(self._staged(rel_path), data)
            self.written.append(rel_path)

    def finish(self) -> dict:
        """Swap the staged tree in if anything changed; what was written, kept and removed."""
        removed = sorted(self.current.difference(self.written, self.unchanged))
        if self.written or removed:
            for rel_path in self.unchanged:
                _link_or_copy(f"{self.owned}/{rel_path}", self._staged(rel_path))
            replace_dir(Path(self._staged("")), Path(self.owned))
            self.stage = None
        return {"written": sorted(self.written), "unchanged": len(self.unchanged), "removed": removed}

    def abandon(self) -> None:
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage = None

    def _staged(self, rel_path: str) -> str:
        """Where ``rel_path`` goes in the stage, made (with its folder) when first needed.

        String paths and os-level calls: a thousand pages through pathlib and buffered
        file objects cost twice what the kernel does for them."""
        if self.stage is None:
            parent = os.path.dirname(self.owned)
            os.makedirs(parent, exist_ok=True)
            self.stage = tempfile.mkdtemp(dir=parent, prefix=f".{os.path.basename(self.owned)}-stage-")
        folder = rel_path.rpartition("/")[0]
        if folder not in self.folders:
            os.makedirs(f"{self.stage}/{folder}", exist_ok=True)
            self.folders.add(folder)
        return f"{self.stage}/{rel_path}" if rel_path else self.stage


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


def _same(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _write_new(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:  # a regular file or a pipe takes it all at once, but write() may say otherwise
        view = view[os.write(fd, view):]


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


# --- the helper process ------------------------------------------------------------------
# Each file goes down a pipe to the helper as a frame: the lengths of its path and of its
# content (little-endian, 32 and 64 bits), the path in UTF-8, the content. There are two
# pipes, the helper's standard input and a side lane, so that a second process can render
# at the same time (``TreeStream.both``); each ends with a frame with an empty path ("that
# was all"). When both have, the helper swaps the tree in and answers on its standard
# output with the outcome as JSON. A pipe closing before its last frame means the build
# failed: the stage is removed and the old tree stays.

_FRAME = struct.Struct("<IQ")
_PIPE_BYTES = 1 << 20  # Linux's ceiling for a pipe an unprivileged process enlarges: fewer switches
_F_SETPIPE_SZ = 1031
_BATCH_BYTES = 256 << 10
_BATCH_PARTS = 512  # at most 1,024 buffers in one writev(): IOV_MAX on Linux and the BSDs
_END = _FRAME.pack(0, 0)
# A pipe's end passes to the helper by its number on POSIX systems only: elsewhere there
# is no side lane, and ``both`` runs its tasks in turn.
_SIDE_LANE = os.name == "posix"
_HELPER_GONE = 3  # a forked copy's exit status when the helper stopped reading its frames

Task = Callable[[], None]


class TreeStream:
    """The files of one build, handed over as they are made: ``put`` each, then ``close``."""

    def __init__(self, root: Path, owned_prefix: str, helper: bool = True) -> None:
        self.owned_prefix = owned_prefix
        self.seen: set[str] = set()
        owned = os.fspath(root / owned_prefix)
        self.process, self.side = _start_helper(owned) if helper else (None, None)
        self.local = TreeUpdate(owned) if self.process is None else None
        self.lane = self.process.stdin.fileno() if self.process is not None else None
        self.pending: list[bytes] = []  # frames not sent yet, sent together
        self.pending_bytes = 0
        self.forked_copy = False

    def put(self, path: str, content: str | bytes) -> None:
        rel_path = _inside(path, self.owned_prefix)
        if rel_path in self.seen:
            raise ValueError(f"{path!r} was generated twice")
        self.seen.add(rel_path)
        if self.local is not None:
            self.local.put(rel_path, _bytes(content))
            return
        name, data = rel_path.encode("utf-8"), _bytes(content)
        self.pending += (_FRAME.pack(len(name), len(data)) + name, data)
        self.pending_bytes += len(data)
        if self.pending_bytes >= _BATCH_BYTES or len(self.pending) >= _BATCH_PARTS:
            self._send()

    def both(self, first: Task, second: Task) -> None:
        """``first()`` and ``second()``, which ``put`` files and need nothing of each other.

        Where it can, ``first`` runs in a copy of this process (``fork``) on the other core,
        its files going to the helper down the side lane, while this process runs ``second``.
        The copy shares this one's memory until either writes to it (a reference count
        will do): at 10,000 sessions the rendering took 2.7-3.5 s instead of 3.3-4.5 s, and
        0.4-0.7 s more CPU, mostly the pages copied. It ends with ``os._exit``: nothing of
        this process (its buffers, ``atexit``, the caller's ``finally``) runs twice.

        Only on Linux, with a helper, and with no other thread running: a thread (a
        ``mkdocs serve`` server's) may hold a lock at the fork that the copy would wait on
        forever. Elsewhere the two run one after the other, here.
        """
        if not self._may_fork():
            first(), second()
            return
        self._send()  # nothing of this process's left for the copy to send again
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for it
            first(), second()
            return
        if pid == 0:
            self._run_as_copy(first)
        os.close(self.side)
        self.side = None
        try:
            second()
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == _HELPER_GONE:
            self._outcome()  # raises with the helper's reason
        if status:
            raise RuntimeError(f"the pages rendered in a second process failed ({_described(status)}); "
                               "the reason is above")

    def close(self) -> WriteReport:
        """Every file is in: swap the new tree in and say what changed."""
        if self.local is not None:
            return _report(self.owned_prefix, self.local.finish())
        if self.side is not None:  # nothing went down the side lane: it ends empty
            side, self.side = self.side, None
            try:
                self._write(side, [_END])
            finally:
                os.close(side)
        self.pending.append(_END)
        self._send()
        return _report(self.owned_prefix, self._outcome())

    def abandon(self) -> None:
        """The build failed: nothing of it reaches the tree."""
        if self.local is not None:
            self.local.abandon()
            return
        if self.side is not None:
            os.close(self.side)
            self.side = None
        if self.process.returncode is None:
            self.process.stdin.close()  # input ends before the closing frame: the helper removes its stage
            if not self.process.stdout.closed:
                self.process.stdout.read()  # its answer, unread, so that it can end
                self.process.stdout.close()
            self.process.wait()

    def __enter__(self) -> TreeStream:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if kind is not None:
            self.abandon()

    def _may_fork(self) -> bool:
        return (sys.platform.startswith("linux") and hasattr(os, "fork") and self.side is not None
                and not _other_threads_running())

    def _run_as_copy(self, task: Task) -> NoReturn:
        """In the forked copy: ``task``, its files down the side lane; then end this process."""
        status = 1
        try:
            os.close(self.lane)
            self.lane, self.side, self.forked_copy = self.side, None, True
            task()
            self.pending.append(_END)
            self._send()
            status = 0
        except BrokenPipeError:  # the helper stopped reading: the parent asks it why
            status = _HELPER_GONE
        except BaseException:  # noqa: BLE001 - told here, then the process ends with a failure
            try:
                import traceback
                traceback.print_exc()
                sys.stderr.flush()
            except BaseException:  # noqa: BLE001
                pass
        finally:
            os._exit(status)

    def _send(self) -> None:
        """The pending frames down the pipe in one call: handing 10,000 pages over one call
        each (and waking the helper as often) took 0.35 s of the build's CPU, batched 0.18 s,
        encoding included."""
        parts, self.pending, self.pending_bytes = self.pending, [], 0
        if parts:
            self._write(self.lane, parts)

    def _write(self, fd: int, parts: list[bytes]) -> None:
        try:
            _write_parts(fd, parts)
        except OSError:  # the helper stopped reading: it failed, and says why (to the process that started it)
            if not self.forked_copy:
                self._outcome()
            raise

    def _outcome(self) -> dict:
        self.process.stdin.close()
        answer = self.process.stdout.read()
        self.process.stdout.close()
        self.process.wait()
        outcome = json.loads(answer) if answer.strip() else {"error": f"exit status {self.process.returncode}"}
        if "error" in outcome:
            raise OSError(f"writing the generated pages failed: {outcome['error']}")
        return outcome


def _other_threads_running() -> bool:
    return threading.active_count() > 1


def _described(status: int) -> str:
    code = os.waitstatus_to_exitcode(status)
    return f"killed by signal {-code}" if code < 0 else f"exit status {code}"


def _write_parts(fd: int, parts: list[bytes]) -> None:
    """``parts`` one after the other, in as few calls as the system allows."""
    if not hasattr(os, "writev"):
        for part in parts:
            _write_all(fd, part)
        return
    while parts:
        written = os.writev(fd, parts)
        while parts and written >= len(parts[0]):
            written -= len(parts.pop(0))
        if parts and written:
            parts[0] = parts[0][written:]


def _start_helper(owned: str) -> tuple[subprocess.Popen | None, int | None]:
    """This file run as a script by the same Python, isolated (``-I -S``: it needs only the
    standard library, so no site-packages to scan), and the side lane's end to write to;
    (None, None) where processes cannot be started."""
    if not sys.executable:
        return None, None
    side_in, side_out = os.pipe() if _SIDE_LANE else (None, None)
    try:
        process = subprocess.Popen([sys.executable, "-I", "-S", os.path.abspath(__file__), owned, str(side_in)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
                                   pass_fds=() if side_in is None else (side_in,))
    except OSError:
        if side_out is not None:
            os.close(side_out)
        return None, None
    finally:
        if side_in is not None:
            os.close(side_in)
    if sys.platform == "linux":
        import fcntl
        for fd in (fd for fd in (process.stdin.fileno(), side_out) if fd is not None):
            try:
                fcntl.fcntl(fd, _F_SETPIPE_SZ, _PIPE_BYTES)
            except OSError:
                pass  # a lower limit set by the administrator: the default pipe works, with more switches
    return process, side_out


def _helper_main(owned: str, side: int | None) -> int:
    """Read the frames of both lanes (``side``: None, none but standard input) into one
    update of ``owned``; answer with the outcome."""
    update, failures, lock = None, [], threading.Lock()

    def take(stream) -> None:
        for rel_path, data in _frames(stream):
            with lock:
                if failures:  # the other lane failed: the stage is gone
                    return
                update.put(rel_path, data)

    def take_side() -> None:
        try:
            with open(side, "rb") as stream:
                take(stream)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            with lock:
                failures.append(error)

    try:
        update = TreeUpdate(owned)
        side_lane = threading.Thread(target=take_side, daemon=True) if side is not None else None
        if side_lane is not None:
            side_lane.start()
        take(sys.stdin.buffer)
        if side_lane is not None:
            side_lane.join()
        if failures:
            raise failures[0]
        outcome = update.finish()
    except BaseException as error:  # noqa: BLE001 - every failure is reported and its stage removed
        with lock:
            failures.append(error)
            if update is not None:
                update.abandon()
        outcome = {"error": f"{type(error).__name__}: {error}"}
    sys.stdout.buffer.write(json.dumps(outcome).encode("utf-8"))
    return 0 if "error" not in outcome else 1


def _frames(stream):
    """Each (path, content) up to the closing frame; input that ends before it is an error."""
    while True:
        name_size, data_size = _FRAME.unpack(_read_exactly(stream, _FRAME.size))
        if not name_size:
            return
        yield _read_exactly(stream, name_size).decode("utf-8"), _read_exactly(stream, data_size)


def _read_exactly(stream, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the build stopped before its last page")
    return data


if __name__ == "__main__":
    sys.exit(_helper_main(sys.argv[1], None if sys.argv[2] == "None" else int(sys.argv[2])))
