"""The writer: ``write_tree`` makes the owned folder hold exactly the files it is given,
writing only what changed, and swaps the new tree in whole or not at all."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from studykb import write
from studykb.write import exclusive, write_tree
from tests.conftest import ROOT

FIRST = {"generated/a.md": "a", "generated/s/b.md": "b", "generated/s/old.md": "old", "generated/kb.json": b"{}"}
SECOND = {"generated/a.md": "a", "generated/s/b.md": "b changed", "generated/s/t/c.md": "c é", "generated/kb.json": b"{}"}


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def as_bytes(files):
    return {path: content.encode() if isinstance(content, str) else content for path, content in files.items()}


def test_the_tree_holds_exactly_the_files_given(tmp_path):
    report = write_tree(tmp_path, FIRST, "generated")
    assert tree(tmp_path) == as_bytes(FIRST)
    assert report.written == tuple(sorted(FIRST)) and report.unchanged == 0 and report.removed == ()
    report = write_tree(tmp_path, SECOND, "generated")
    assert tree(tmp_path) == as_bytes(SECOND)
    assert report.written == ("generated/s/b.md", "generated/s/t/c.md") and report.unchanged == 2
    assert report.removed == ("generated/s/old.md",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]  # no stage or backup left


def test_an_unchanged_file_keeps_its_inode_and_mtime_and_a_changed_one_is_rewritten(tmp_path):
    write_tree(tmp_path, FIRST, "generated")
    kept, changed = (tmp_path / "generated" / "a.md").stat(), (tmp_path / "generated" / "s" / "b.md").stat()
    time.sleep(0.01)
    write_tree(tmp_path, SECOND, "generated")
    now = (tmp_path / "generated" / "a.md").stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert (tmp_path / "generated" / "s" / "b.md").stat().st_ino != changed.st_ino


def test_a_build_that_changes_nothing_touches_nothing(tmp_path):
    write_tree(tmp_path, SECOND, "generated")
    folder = (tmp_path / "generated").stat()
    report = write_tree(tmp_path, SECOND, "generated")
    assert (report.written, report.unchanged, report.removed) == ((), 4, ())
    assert (tmp_path / "generated").stat().st_ino == folder.st_ino  # not swapped


def test_a_file_taken_away_leaves_the_tree(tmp_path):
    write_tree(tmp_path, FIRST, "generated")
    report = write_tree(tmp_path, {"generated/a.md": "a"}, "generated")
    assert report.removed == ("generated/kb.json", "generated/s/b.md", "generated/s/old.md")
    assert tree(tmp_path) == {"generated/a.md": b"a"}


def test_a_failure_midway_leaves_the_previous_tree(tmp_path):
    write_tree(tmp_path, FIRST, "generated")
    before = tree(tmp_path)
    with pytest.raises(OSError):  # a file cannot also be a folder
        write_tree(tmp_path, {"generated/a.md": "new", "generated/a.md/b.md": "x", "generated/z.md": "z"}, "generated")
    assert tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_ctrl_c_midway_leaves_the_previous_tree(tmp_path, monkeypatch):
    write_tree(tmp_path, FIRST, "generated")
    before = tree(tmp_path)
    real, calls = write._Stage.write, []

    def interrupted_at_the_second_file(self, rel_path, data):
        calls.append(rel_path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(self, rel_path, data)
    monkeypatch.setattr(write._Stage, "write", interrupted_at_the_second_file)
    with pytest.raises(KeyboardInterrupt):
        write_tree(tmp_path, SECOND | {"generated/new.md": "n"}, "generated")
    assert tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


@pytest.mark.parametrize("bad", ["generated/../x.md", "/etc/passwd", "other/x.md", "generated/a/../../x.md",
                                 "generated\\..\\x", "generated", "generatedx/a.md", "generated/./a.md"])
def test_a_path_outside_the_owned_folder_is_refused_before_anything_is_written(tmp_path, bad):
    with pytest.raises(ValueError, match="refusing to write outside generated/"):
        write_tree(tmp_path, {"generated/a.md": "a", bad: "x"}, "generated")
    assert list(tmp_path.iterdir()) == []


WRITER = """
import sys
from pathlib import Path
from studykb.write import write_tree
write_tree(Path(sys.argv[1]), {"generated/a.md": "from the second writer"}, "generated")
"""


def test_a_second_writer_waits_and_leaves_the_first_writers_stage_alone(tmp_path):
    """While one writer holds the lock (here the test, with a stage half-filled), another
    waits for it instead of clearing the stages it finds as leftovers."""
    write_tree(tmp_path, FIRST, "generated")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), str(ROOT)])}
    with exclusive(tmp_path):
        stage = tmp_path / ".generated-stage-first"
        stage.mkdir()
        (stage / "a.md").write_text("half written")
        second = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], env=env)
        time.sleep(1.0)
        assert second.poll() is None and (stage / "a.md").is_file()
    assert second.wait(timeout=60) == 0
    assert tree(tmp_path / "generated") == {"a.md": b"from the second writer"}


def test_a_file_new_to_the_tree_is_written_and_others_are_kept(tmp_path):
    write_tree(tmp_path, {"generated/a.md": "a", "generated/s/b.md": "b"}, "generated")
    kept = (tmp_path / "generated" / "a.md").stat().st_ino
    report = write_tree(tmp_path, {"generated/a.md": "a", "generated/s/b.md": "b", "generated/s/c.md": "c"},
                        "generated")
    assert report.written == ("generated/s/c.md",) and report.unchanged == 2
    assert (tmp_path / "generated" / "a.md").stat().st_ino == kept


def test_a_write_the_kernel_cuts_short_is_finished(tmp_path, monkeypatch):
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
    pages = {"generated/a.md": "één page\n" * 50, "generated/s/b.bin": bytes(range(256))}
    write_tree(tmp_path, pages, "generated")
    assert (tmp_path / "generated" / "a.md").read_text(encoding="utf-8") == pages["generated/a.md"]
    assert (tmp_path / "generated" / "s" / "b.bin").read_bytes() == pages["generated/s/b.bin"]
