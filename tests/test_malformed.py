"""What real logs and real machines produce: each problem reported, the rest still built."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.results import load_run_results
from tests.conftest import SEED, make_project

GOOD = "## Session: 2026-03-01 10:00 UTC\n- User language: English\n- Topics covered:\n- `epoch` basics\n"


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studykb", "check", "--root", str(project)],
                          capture_output=True, text=True)


def test_binary_file_is_skipped_with_an_error_and_the_rest_builds(tmp_path):
    project = make_project(tmp_path, {"good.md": GOOD, "photo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    result = check(project)
    assert "sessions/photo.md:1: error: binary file (NUL bytes or bytes that are not UTF-8); skipped" in result.stderr
    assert result.returncode == 1 and result.stdout.strip().endswith("1 error, 0 warnings, 0 infos")
    assert len(load(Config(root=project)).knowledge.sessions) == 1


def test_symlink_out_of_sessions_is_not_followed(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("## Session: 2026-03-01 10:00 UTC\n- Password: hunter2\n")
    project = make_project(tmp_path / "p" if (tmp_path / "p").mkdir() is None else tmp_path, {"good.md": GOOD})
    os.symlink(secret, project / "sessions" / "link.md")
    os.symlink(project / "sessions" / "good.md", project / "sessions" / "inside.md")
    result = check(project)
    assert "sessions/link.md:1: error: symbolic link pointing outside sessions/; not followed" in result.stderr
    knowledge = load(Config(root=project)).knowledge
    assert "hunter2" not in str(knowledge.sessions)
    assert {log.path for log in knowledge.logs} == {"sessions/good.md", "sessions/inside.md"}


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"good.md": GOOD, "locked.md": GOOD})
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", deny)
    loaded = load(Config(root=project))
    assert [str(d) for d in loaded.diagnostics] == ["sessions/locked.md:1: error: cannot read file: Permission denied"]
    assert len(loaded.knowledge.sessions) == 1


def test_windows_paths_and_mixed_line_endings(tmp_path):
    log = "## Session: 2026-03-01 10:00 UTC\r\n- Repository: C:\\Users\\bob\\study\n- User language: English\r- Topics covered:\n- x\n"
    project = make_project(tmp_path, {"w.md": log})
    loaded = load(Config(root=project))
    session = loaded.knowledge.sessions[0]
    assert session.fields[0].value == "~\\study"
    assert len(session.fields) == 2 and session.sections[0].items[0].text == "x"
    assert any("mixed line endings" in d.message for d in loaded.diagnostics)


def build_pages(project: Path) -> dict:
    knowledge = load(Config(root=project)).knowledge
    results, _ = load_run_results(knowledge, project)
    return render_site(knowledge, results, 3)[0]


@pytest.mark.slow
def test_a_100kb_line_and_a_session_with_20000_items(tmp_path):
    long_line = "- Q/A: " + "`x` [a](b) <b>epoch</b> {{ y }} " * 3300 + "\n"
    items = "".join(f"- item {i} about `batch size` and LR\n" for i in range(20000))
    log = GOOD + long_line + "## Session: 2026-03-02 10:00 UTC\n- User language: English\n- Topics covered:\n" + items
    project = make_project(tmp_path, {"big.md": log})
    pages = build_pages(project)
    second = pages["generated/sessions/2026-03-02-1000.md"]
    assert "item 19999 about" in second and second.count("<li>item ") == 20000
    first = pages["generated/sessions/2026-03-01-1000.md"]
    assert first.count("&lt;/b&gt;") == 3300 and "<b>" not in first


@pytest.mark.slow
def test_10000_sessions_in_one_10mb_file(tmp_path):
    body = SEED.read_text().split("## Session: 2026-02-18 15:03:34 KST\n")[1]
    entries = [f"## Session: {2000 + i // 300}-{1 + i // 25 % 12:02d}-{1 + i % 25:02d} 10:00:00 KST\n{body}"
               for i in range(10000)]
    text = "# Years of logs\n\n" + "".join(entries)
    assert len(text.encode()) > 10_000_000
    project = make_project(tmp_path, {"years.md": text})
    loaded = load(Config(root=project))
    assert len(loaded.knowledge.sessions) == 10000
    assert len({s.id for s in loaded.knowledge.sessions}) == 10000
    assert not [d for d in loaded.diagnostics if d.level.value != "info"]


def test_path_like_and_colliding_names_get_safe_unique_slugs(tmp_path):
    vocabulary = ("terms:\n  - term: ../../x\n  - term: /abs/path\n  - term: a-b\n  - term: a b\n"
                  "  - term: '???'\n  - term: '!!!'\n  - term: '数据'\n")
    log = "## Session: 2026-03-01 10:00 UTC\n- User language: English\n"
    project = make_project(tmp_path, {"ok.md": log})
    (project / "sessions" / "vocabulary.yml").write_text(vocabulary, encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    pages = build_pages(project)
    slugs = {c.name: c.slug for c in load(Config(root=project)).knowledge.concepts}
    assert slugs["../../x"] == "x" and slugs["/abs/path"] == "abs-path"
    assert {slugs["a-b"], slugs["a b"]} == {"a-b", "a-b-2"}
    assert slugs["???"].startswith("term-") and slugs["!!!"].startswith("term-") and slugs["???"] != slugs["!!!"]
    assert slugs["数据"] == "数据"
    from studykb.write import write_tree
    write_tree(project / "docs", pages, "generated")
    after = {p for p in tmp_path.rglob("*")} - before
    assert all(p.is_relative_to(project / "docs" / "generated") for p in after)


def test_a_log_code_block_cannot_name_the_pass_through_fence(tmp_path):
    log = GOOD + "```studykb-html\n<script>alert(1)</script>\n```\n"
    pages = build_pages(make_project(tmp_path, {"x.md": log}))
    page = pages["generated/sessions/2026-03-01-1000.md"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the code block's text, escaped
    assert "<script>" not in page
    assert "```studykb-html\n<script>" not in page
