"""The shortcuts taken for speed give the answers the slow paths gave."""
from __future__ import annotations

import gc
import json
import os
from datetime import datetime

import pytest

from studykb.config import Config
from studykb.model import cycle_collector_paused
from studykb.parse import parse_session_header
from studykb.pipeline import load
from studykb.redact import make_redactor
from studykb.render.kbjson import render_kb_json
from studykb.vocabulary import Match, Term, build_lexicon
from studykb.write import _existing, write_tree
from tests.conftest import make_project


@pytest.mark.parametrize("rest, started", [
    ("2026-02-14 13:16:07 KST", datetime(2026, 2, 14, 13, 16, 7)),
    ("2026-02-14 13:16 KST", datetime(2026, 2, 14, 13, 16)),
    ("2026-2-4 9:05 KST", datetime(2026, 2, 4, 9, 5)),
    ("2026-2-4 9:05:03 KST", datetime(2026, 2, 4, 9, 5, 3)),
    ("2026-02-30 10:00 KST", None),
    ("2026-02-14 24:00 KST", None),
])
def test_session_times_padded_or_not(rest, started):
    assert parse_session_header(rest, "a.md", 1)[0] == started


@pytest.mark.parametrize("line, shown", [
    ("ssh luke@box", "ssh [user]@box"),
    ("lukewarm water", "lukewarm water"),
    ("no name here", "no name here"),
    ("bob and luke", "[user] and [user]"),
])
def test_user_names_are_hidden_whatever_the_cheap_test_says(line, shown):
    assert make_redactor(Config(root=None), {"luke", "bob"})(line) == shown


def test_a_term_added_after_a_search_is_found_by_the_next():
    lexicon = build_lexicon([], frozenset())
    assert lexicon.find("a zorblax here") == []
    lexicon.add(Term("zorblax", origin="log"))
    assert lexicon.find("a zorblax here, two zorblaxes") == [Match(2, 9, "zorblax"), Match(20, 29, "zorblax")]


def test_the_cycle_collector_resumes_only_if_it_ran():
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


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


def test_kb_json_lists_each_logs_sessions_in_time_order(tmp_path):
    root = make_project(tmp_path, {
        "a.md": "## Session: 2026-01-03 10:00 UTC\n- Goal: x\n## Session: 2026-01-01 10:00 UTC\n- Goal: y\n",
        "b.md": "## Session: 2026-01-02 10:00 UTC\n- Goal: z\n",
        "c.md": "# Only a title\n",
    })
    data = json.loads(render_kb_json(load(Config(root=root)).knowledge, {}))
    assert {log["path"]: log["sessions"] for log in data["logs"]} == {
        "sessions/a.md": ["2026-01-01-1000", "2026-01-03-1000"],
        "sessions/b.md": ["2026-01-02-1000"],
        "sessions/c.md": [],
    }
