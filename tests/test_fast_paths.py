"""Shortcuts taken for speed in writing and rendering give the answers the plain ways give."""
from __future__ import annotations

import os

from studykb.config import Config
from studykb.pipeline import load
from studykb.render import html
from studykb.render.common import page
from studykb.write import _existing, write_tree
from tests.conftest import make_project


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


def test_a_quoted_line_links_what_searching_it_again_links(tmp_path):
    """Concept and watchlist pages link a quoted log line with the mentions the link stage
    found on it (in the line with its code spans blanked), not by searching it again."""
    log = ("## Session: 2026-03-01 10:00 UTC\n- What I learned:\n"
           "  - `epoch` is one pass over the data at a fixed learning rate\n"
           "  - `batch size` means how many samples go into one `SGD` step, not the `lr` variable\n"
           "  - LR controls the step size of gradient descent (see `learning rate`)\n"
           "  - `x = learning rate * grad` is not a definition of epoch\n"
           "- Key concepts repeatedly confused (watchlist):\n"
           "  - `epoch` versus iteration at one learning rate\n")
    knowledge = load(Config(root=make_project(tmp_path, {"log.md": log}))).knowledge
    linker = html.concept_linker(knowledge, page("concepts", "x.md"))
    quoted = [(d.text, d.source) for c in knowledge.concepts for d in c.definitions if d.origin == "log"]
    quoted += [(w.text, w.sources[-1]) for w in knowledge.watchlist]
    assert len(quoted) >= 4
    shown = [html.inline(text, linker, knowledge.mention_spans.get(source, ())) for text, source in quoted]
    assert shown == [html.inline(text, linker) for text, _ in quoted]
    assert sum("<a href=" in line for line in shown) >= 3
