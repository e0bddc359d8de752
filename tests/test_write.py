"""The writer: pages handed over one by one reach the tree as ``write_tree`` puts them there,
whether a helper process writes them (as builds do) or the build's own process."""
from __future__ import annotations

import os

import pytest

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
