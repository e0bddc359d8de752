"""The writer: pages handed over one by one reach the tree as ``write_tree`` puts them there,
whether a helper process writes them (as builds do) or the build's own process."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

import pytest

from studykb import write
from studykb.write import TreeStream, write_tree

FIRST = {"generated/a.md": "a", "generated/s/b.md": "b", "generated/s/old.md": "old", "generated/kb.json": b"{}"}
SECOND = {"generated/a.md": "a", "generated/s/b.md": "b changed", "generated/s/t/c.md": "c é", "generated/kb.json": b"{}"}


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def streamed(root, files, helper):
    """``files``: a dict, or (path, content) pairs (which may repeat a path)."""
    with TreeStream(root, "generated", helper=helper) as out:
        assert (out.process is not None) == helper
        for path, content in files.items() if isinstance(files, dict) else files:
            out.put(path, content)
        return out.close()


@pytest.mark.parametrize("helper", [True, False], ids=["helper process", "in process"])
def test_a_streamed_tree_is_what_write_tree_makes(tmp_path, helper):
    expected, got = tmp_path / "expected", tmp_path / "got"
    write_tree(expected, FIRST, "generated")
    first = streamed(got, FIRST, helper)
    assert tree(got) == tree(expected) and first.written == tuple(sorted(FIRST))
    kept = (got / "generated" / "a.md").stat()
    report = streamed(got, SECOND, helper)
    assert report == write_tree(expected, SECOND, "generated")
    assert report.written == ("generated/s/b.md", "generated/s/t/c.md") and report.unchanged == 2
    assert report.removed == ("generated/s/old.md",)
    assert tree(got) == tree(expected)
    assert (got / "generated" / "a.md").stat().st_ino == kept.st_ino  # unchanged: the same file
    nothing = streamed(got, SECOND, helper)
    assert (nothing.written, nothing.unchanged, nothing.removed) == ((), 4, ())
    assert sorted(p.name for p in got.iterdir()) == ["generated"]  # no stage or backup left


@pytest.mark.parametrize("helper", [True, False], ids=["helper process", "in process"])
@pytest.mark.parametrize("second", ["generated/a.md", "generated/../x.md", "other/x.md"])
def test_a_page_generated_twice_or_outside_the_tree_fails_the_build_and_writes_nothing(tmp_path, helper, second):
    with pytest.raises(ValueError):
        streamed(tmp_path, [("generated/a.md", "a"), (second, "x")], helper)
    assert list(tmp_path.iterdir()) == []


def test_the_helpers_failure_fails_the_build_with_its_reason_and_keeps_the_tree(tmp_path):
    streamed(tmp_path, FIRST, helper=True)
    before = tree(tmp_path)
    with pytest.raises(OSError, match="writing the generated pages failed: .*Error"):
        streamed(tmp_path, {"generated/a.md": "new", "generated/a.md/b.md": "a file cannot hold a page"}, helper=True)
    assert tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


@pytest.mark.skipif(not hasattr(os, "writev"), reason="pages are sent one write() at a time here")
def test_pages_the_pipe_takes_in_part_reach_the_helper_whole(tmp_path, monkeypatch):
    real = os.writev
    monkeypatch.setattr(os, "writev", lambda fd, parts: real(fd, [bytes(parts[0][:5])]))  # 5 bytes a call
    pages = {"generated/a.md": "één page\n" * 50, "generated/s/b.bin": bytes(range(256)), "generated/c.md": ""}
    streamed(tmp_path, pages, helper=True)
    monkeypatch.undo()
    assert tree(tmp_path / "generated") == {p.removeprefix("generated/"): c.encode() if isinstance(c, str) else c
                                            for p, c in pages.items()}


@pytest.fixture
def single_threaded(monkeypatch):
    """As in a build's process, where no other thread runs (here the test session may
    serve a site from one): ``both`` forks where the system can."""
    monkeypatch.setattr(write, "_other_threads_running", lambda: False)


def forks_counted(monkeypatch) -> list[int]:
    """The pids of the copies ``os.fork`` makes from now on (in this process)."""
    pids, real = [], os.fork

    def fork():
        pid = real()
        if pid:
            pids.append(pid)
        return pid
    monkeypatch.setattr(os, "fork", fork)
    return pids


def test_both_puts_from_two_processes_into_one_tree(tmp_path, single_threaded):
    """Where it can fork, ``both`` runs its first task in a copy of the process: its pages
    still reach the tree, beside the second task's and those put before and after."""
    with TreeStream(tmp_path, "generated") as out:
        out.put("generated/before.md", "before")
        out.both(lambda: out.put("generated/first.md", str(os.getpid())),
                 lambda: out.put("generated/second.md", str(os.getpid())))
        out.put("generated/after.md", "after")
        out.close()
    pids = {name: (tmp_path / "generated" / name).read_text() for name in ("first.md", "second.md")}
    assert pids["second.md"] == str(os.getpid())
    if sys.platform.startswith("linux"):
        assert pids["first.md"] != str(os.getpid())  # rendered by the forked copy
    assert sorted(tree(tmp_path / "generated")) == ["after.md", "before.md", "first.md", "second.md"]


def test_both_runs_in_turn_without_a_helper_or_beside_another_thread(tmp_path, monkeypatch):
    def no_fork():
        raise AssertionError("forked")
    monkeypatch.setattr(os, "fork", no_fork)
    with TreeStream(tmp_path / "local", "generated", helper=False) as out:
        out.both(lambda: out.put("generated/a.md", "a"), lambda: out.put("generated/b.md", "b"))
        out.close()
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # as mkdocs serve's, which may hold a lock at a fork
    server.start()
    try:
        with TreeStream(tmp_path / "threads", "generated") as out:
            out.both(lambda: out.put("generated/a.md", "a"), lambda: out.put("generated/b.md", "b"))
            out.close()
    finally:
        stop.set(), server.join()
    assert tree(tmp_path / "local") == tree(tmp_path / "threads") == {"generated/a.md": b"a", "generated/b.md": b"b"}


def test_a_page_put_by_both_processes_fails_the_build(tmp_path, single_threaded):
    streamed(tmp_path, FIRST, helper=True)
    before = tree(tmp_path)
    with pytest.raises(OSError, match="generated twice"):
        with TreeStream(tmp_path, "generated") as out:
            out.both(lambda: out.put("generated/a.md", "one"), lambda: out.put("generated/a.md", "other"))
            out.close()
    assert tree(tmp_path) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="both tasks run in this process here")
@pytest.mark.parametrize("ending, message", [
    (lambda: 1 / 0, "exit status 1"),                                  # an error: its traceback on stderr
    (lambda: os.kill(os.getpid(), signal.SIGKILL), "killed by signal 9"),  # killed (out of memory, say)
])
def test_a_forked_copy_that_fails_fails_the_build_and_keeps_the_tree(tmp_path, capfd, single_threaded, ending,
                                                                    message):
    streamed(tmp_path, FIRST, helper=True)
    before = tree(tmp_path)

    def first():
        out.put("generated/new.md", "written before the failure")
        ending()
    with pytest.raises(RuntimeError, match=f"second process failed \\({message}\\)"):
        with TreeStream(tmp_path, "generated") as out:
            out.both(first, lambda: out.put("generated/a.md", "new"))
            out.close()
    assert tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["generated"]
    if "status" in message:
        assert "ZeroDivisionError" in capfd.readouterr().err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="both tasks run in this process here")
def test_a_helper_that_stops_while_the_copy_writes_fails_the_build_with_the_helpers_reason(tmp_path, single_threaded):
    def first():
        os.kill(out.process.pid, signal.SIGKILL)  # not Popen.kill: this process did not start it
        out.put("generated/big.md", "x" * (4 << 20))  # more than the pipe holds
    with pytest.raises(OSError, match="writing the generated pages failed: exit status -9"):
        with TreeStream(tmp_path, "generated") as out:
            out.both(first, lambda: None)
    assert not tmp_path.joinpath("generated").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="both tasks run in this process here")
def test_ctrl_c_in_the_build_stops_the_forked_copy_too(tmp_path, single_threaded, monkeypatch):
    streamed(tmp_path, FIRST, helper=True)
    before = tree(tmp_path)
    started = tmp_path / "copy-started"

    def first():  # would run for a minute
        started.touch()
        for _ in range(6000):
            time.sleep(0.01)

    def second():
        while not started.exists():
            time.sleep(0.01)
        raise KeyboardInterrupt
    copies = forks_counted(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        with TreeStream(tmp_path, "generated") as out:
            out.both(first, second)
    started.unlink()
    assert tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["generated"]
    assert len(copies) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(copies[0], os.WNOHANG)  # stopped and waited for: no copy is left running


def test_without_a_side_lane_the_helper_takes_standard_input_alone(tmp_path, monkeypatch, single_threaded):
    """As on Windows, where a pipe's end cannot be handed to the helper by number."""
    monkeypatch.setattr(write, "_SIDE_LANE", False)
    with TreeStream(tmp_path, "generated") as out:
        assert out.process is not None and out.side is None
        out.both(lambda: out.put("generated/a.md", str(os.getpid())), lambda: out.put("generated/b.md", "b"))
        out.close()
    assert tree(tmp_path / "generated") == {"a.md": str(os.getpid()).encode(), "b.md": b"b"}
