"""Shortcuts taken for speed in writing give the answers the plain ways give."""
from __future__ import annotations

import os

from studykb.write import _existing, write_tree


def test_existing_files_are_listed_like_rglob(tmp_path):
    owned = tmp_path / "generated"
    (owned / "a" / "b").mkdir(parents=True)
    (owned / "a" / "b" / "x.md").write_text("x")
    (owned / ".hidden").write_text("h")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.md").write_text("y")
    os.symlink(tmp_path / "elsewhere", owned / "linked-folder")
    os.symlink(tmp_path / "elsewhere" / "y.md", owned / "linked-file.md")
    expected = {p.relative_to(owned).as_posix() for p in owned.rglob("*") if p.is_file()}
    assert _existing(owned) == expected == {"a/b/x.md", ".hidden", "linked-file.md"}


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
