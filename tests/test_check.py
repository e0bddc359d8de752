"""``make check``: file:line diagnostics and an exit code that says whether a log has errors."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import SEED, fixture_logs, make_project


def run_check(project):
    return subprocess.run([sys.executable, "-m", "studykb", "check", "--root", str(project)],
                          capture_output=True, text=True)


def test_clean_seed_log_passes(tmp_path):
    result = run_check(make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()}))
    assert result.returncode == 0, result.stderr
    # Its one note: the scripts it runs (train.py) are not run without a repository to run them from.
    assert result.stdout.strip() == "studykb check: 0 errors, 0 warnings, 1 info"


def test_broken_logs_fail_with_file_line_messages_and_counts(tmp_path):
    result = run_check(make_project(tmp_path, fixture_logs()))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for expected in [
        "sessions/hostile.md:3: error: impossible date or time '2026-02-30 10:00:00'",
        "sessions/hostile.md:11: info: session headers give no time zone; times are shown as written",
        "sessions/hostile.md:14: warning: unknown time zone 'XYZ'; kept as written, no UTC offset",
        "sessions/hostile.md:17: error: session header has no timestamp (expected 'YYYY-MM-DD HH:MM:SS TZ')",
        "sessions/hostile.md:23: warning: duplicate session header (also at sessions/hostile.md:11); kept as a separate session",
        "sessions/empty.md:1: warning: empty log file",
        "sessions/title-only.md:1: warning: no session entries (only a title and free text)",
        "sessions/crlf-bom.md:1: info: byte-order mark removed",
        # after a session in chapter 2, a sweep no chapter-2 experiment answers
        "sessions/variants.md:39: info: looks like an experiment, but no experiment reproduces this yet "
        "(it describes a sweep)",
    ]:
        assert expected in lines
    assert result.stdout.strip() == "studykb check: 3 errors, 4 warnings, 5 infos"  # with the scripts not run


def test_pages_command_writes_only_what_changed(tmp_path):
    project = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    cmd = [sys.executable, "-m", "studykb", "pages", "--root", str(project)]
    first = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "0 unchanged" in first.stdout
    epoch = project / "docs" / "generated" / "concepts" / "epoch.md"
    stamp = epoch.stat().st_mtime_ns
    second = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert second.stdout.startswith("studykb: 0 files written")
    assert epoch.stat().st_mtime_ns == stamp


def test_a_removed_session_loses_its_page(tmp_path):
    project = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    cmd = [sys.executable, "-m", "studykb", "pages", "--root", str(project)]
    subprocess.run(cmd, check=True, capture_output=True)
    text = SEED.read_text().split("## Session: 2026-02-18")[0]
    (project / "sessions" / "dlfs2.md").write_text(text)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    assert "removed" in out and not (project / "docs/generated/sessions/2026-02-18-1503.md").exists()
