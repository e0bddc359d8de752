"""Private local paths and the user names inside them stay off the site by default."""
from __future__ import annotations

import pytest

from studykb.config import Config
from studykb.pipeline import load
from studykb.redact import make_redactor, user_names
from tests.conftest import SEED, make_project


@pytest.mark.parametrize("line, shown", [
    ("- Repository: /Users/lukelee/Study/repo", "- Repository: ~/Study/repo"),
    ("see /home/alice/code and /homework/a", "see ~/code and /homework/a"),
    (r"- Repository: C:\Users\bob\study\repo", r"- Repository: ~\study\repo"),
    ("/root/.cache/x", "~/.cache/x"),
    ("https://example.org/Users/bob/a", "https://example.org/Users/bob/a"),
    ("~/already/relative", "~/already/relative"),
])
def test_home_paths_are_redacted(line, shown):
    assert make_redactor(Config(root=None))(line) == shown


def test_user_names_from_paths_are_hidden_elsewhere_but_generic_ones_are_not():
    lines = ["- Repository: /Users/lukelee/Study/repo", "- Host: /home/user/x", "ssh lukelee@box, User language"]
    redact = make_redactor(Config(root=None), user_names(lines))
    assert redact(lines[2]) == "ssh [user]@box, User language"


def test_redaction_can_be_turned_off(tmp_path):
    root = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    shown = load(Config(root=root, redact_paths=False)).knowledge.sessions[0].fields[0].value
    hidden = load(Config(root=root)).knowledge.sessions[0].fields[0].value
    assert shown == "/Users/lukelee/Study/deep-learning-from-scratch-2/repo"
    assert hidden == "~/Study/deep-learning-from-scratch-2/repo"


def test_extra_patterns_are_redacted(tmp_path):
    root = make_project(tmp_path, {"a.md": "## Session: 2026-01-01 10:00 UTC\n- Token: sk-abc123secret\n"})
    value = load(Config(root=root, redact_patterns=(r"sk-[A-Za-z0-9]+",))).knowledge.sessions[0].fields[0].value
    assert value == "[redacted]"
