"""Session headers, however a log writes them: header line in, session date, time, zone and
label out (or a diagnostic); which headings of a log open a session; and one site built from
a log that mixes the shapes."""
from __future__ import annotations

from datetime import datetime

import pytest

from studykb.diagnostics import Level
from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.sources import decode_log
from tests.conftest import make_project, mkdocs_build, visible_text

LABELS = shipped_labels()


def parse(text: str):
    lines, problems = decode_log(text.encode("utf-8"), "sessions/t.md")
    log, more = parse_log(lines, LABELS)
    return log, problems + more


# header -> started, timed, zone, label, levels of what it reports
@pytest.mark.parametrize("header, started, timed, zone, label, levels", [
    # the documented shape, read as it always was
    ("## Session: 2026-03-05 09:00:00 KST", datetime(2026, 3, 5, 9), True, "KST", "", []),
    ("## Session: 2026-03-05 09:00", datetime(2026, 3, 5, 9), True, None, "", [Level.INFO]),
    ("## Session: 2027-01-10", datetime(2027, 1, 10), False, None, "", [Level.INFO]),
    ("## 세션: 2026-12-01 14:00 KST", datetime(2026, 12, 1, 14), True, "KST", "", []),
    # a date somewhere in a level-2 heading, with the session word or without it
    ("## Session 14 — Mon 2026-11-02 — Ch.4 word2vec speed-up", datetime(2026, 11, 2), False, None,
     "Session 14 — Ch.4 word2vec speed-up", [Level.INFO]),
    ("## 1회차 — 2026.12.01(화)", datetime(2026, 12, 1), False, None, "1회차", [Level.INFO]),
    ("## 2027-01-07 (Thu) — session 2", datetime(2027, 1, 7), False, None, "session 2", [Level.INFO]),
    ("## 2027-01-10", datetime(2027, 1, 10), False, None, "", [Level.INFO]),
    ("## 2026/12/01 — RNN basics", datetime(2026, 12, 1), False, None, "RNN basics", [Level.INFO]),
    ("## 2026년 12월 1일 (화) 역전파 복습", datetime(2026, 12, 1), False, None, "역전파 복습", [Level.INFO]),
    ("## 2026. 12. 1. 화요일", datetime(2026, 12, 1), False, None, "", [Level.INFO]),
    ("## 3회차 - 2026.12.06 오후 2시 KST", datetime(2026, 12, 6, 14), True, "KST", "3회차", []),
    ("## 2026-12-06 오전 9시 30분 (KST)", datetime(2026, 12, 6, 9, 30), True, "KST", "", []),
    ("## Lesson 3, Tue 2026-11-03 at 7:15 pm (UTC+9)", datetime(2026, 11, 3, 19, 15), True, "UTC+9",
     "Lesson 3", []),
    ("## 2026-11-03 14:00–15:30 JST — attention", datetime(2026, 11, 3, 14), True, "JST", "attention", []),
    ("## 2026-11-03 14:00 — attention", datetime(2026, 11, 3, 14), True, None, "attention", [Level.INFO]),
    ("## 2026-11-03 14:00 XYZ", datetime(2026, 11, 3, 14), True, "XYZ", "", [Level.WARNING]),
    ("## Week 3: 2026-11-03 Sunset of SGD", datetime(2026, 11, 3), False, None, "Week 3 — Sunset of SGD", [Level.INFO]),
    ("## 2026-11-03 RNN intro", datetime(2026, 11, 3), False, None, "RNN intro", [Level.INFO]),
    # a weekday that is not the date's: said, and the date kept
    ("## Mon 2026-11-03 — CBOW", datetime(2026, 11, 3), False, None, "CBOW", [Level.WARNING, Level.INFO]),
    ("## 5회차 — 2026.12.01(수)", datetime(2026, 12, 1), False, None, "5회차", [Level.WARNING, Level.INFO]),
    ("## 2026年12月1日(火) 第3回", datetime(2026, 12, 1), False, None, "第3回", [Level.INFO]),
    # a session word and a date at level 3
    ("### session 3 - 2027-01-09", datetime(2027, 1, 9), False, None, "session 3", [Level.INFO]),
    ("### 2026-11-05 세션", datetime(2026, 11, 5), False, None, "", [Level.INFO]),
    # looks like a session header; its date cannot be read: reported, and its lines kept
    ("## Session 15 — sometime in November", None, False, None, "", [Level.ERROR]),
    ("## 4회차 — 2026.13.01(화)", None, False, None, "4회차", [Level.ERROR]),
    ("## 2026-02-30 — leap day?", None, False, None, "leap day?", [Level.ERROR]),
    ("## Session: 2026-02-14 25:61 KST", None, False, None, "", [Level.ERROR]),
])
def test_a_header_gives_its_session_date_time_zone_and_label(header, started, timed, zone, label, levels):
    log, problems = parse(f"# Log\n\n{header}\n- Topics: one\n")
    assert [e.source.line for e in log.entries] == [3]
    entry = log.entries[0]
    assert (entry.started, entry.timed, entry.tz_name, entry.label) == (started, timed, zone, label)
    assert [p.level for p in problems] == levels
    assert all(p.line == 3 for p in problems)
    assert entry.items_of(entry.sections[0].kind)[0].text == "one"  # its lines are read either way


def test_a_header_whose_date_cannot_be_read_says_what_was_expected():
    _, problems = parse("## Session 15 — sometime in November\n- Topics: one\n")
    assert [str(p) for p in problems] == [
        "sessions/t.md:1: error: session header has a broken timestamp '15 — sometime in November' "
        "(expected 'YYYY-MM-DD HH:MM:SS TZ')"]


@pytest.mark.parametrize("header, title", [
    ("## Session: 2026-03-05 09:00:00 KST", "2026-03-05 09:00 KST"),
    ("## 2027-01-10", "2027-01-10"),
    ("## 1회차 — 2026.12.01(화)", "2026-12-01 — 1회차"),
    ("## Session 14 — Mon 2026-11-02 — Ch.4", "2026-11-02 — Session 14 — Ch.4"),
])
def test_a_session_is_titled_by_its_date_and_label_with_no_time_made_up(header, title):
    entry = parse(f"{header}\n- Topics: one\n")[0].entries[0]
    assert entry.title == title


# which headings of a log open a session: log in, header lines out
@pytest.mark.parametrize("log, lines", [
    # level-2 sessions: a level-3 heading opens one only with a session word and a date
    ("## 2026-11-02 — intro\n### Results 2026-11-02\n- a\n### session 2 - 2026-11-04\n- b\n", [1, 4]),
    ("## Session: 2026-11-02 10:00 KST\n## Summary of 2026-11\n- a\n", [1]),
    ("## Session: 2026-11-02 10:00 KST\n### 2026-11-03 retro\n- a\n", [1]),
    ("## 1회차 — 2026.12.01(화)\n### 배운 것\n- a\n### 2회차 — 2026.12.03(목)\n- b\n", [1, 4]),
    # a log whose sessions are level 3: each dated level-3 heading opens one
    ("# Log\n## November\n### 2026-11-02\n- a\n### Tue 2026-11-03 — CBOW\n- b\n#### Notes 2026-11-01\n", [3, 5]),
    # a heading in fenced code is code; a level-1 heading is the log's title
    ("# 2026-11-01 notes\n## 2026-11-02\n```\n## 2026-11-03\n```\n", [2]),
    ("## 2026-11-02\n```\nnever closed\n## 2026-11-03\n", [1, 4]),
    # a heading with neither a date nor a session word opens nothing
    ("## Notes\n- a\n## Sessions overview\n- b\n## Next session\n", []),
])
def test_which_headings_open_a_session(log, lines):
    parsed, _ = parse(log)
    assert [e.source.line for e in parsed.entries] == lines


def test_a_log_with_lines_and_no_session_is_an_error_and_a_title_alone_a_warning():
    _, problems = parse("# 학습 기록\n\n### 1일차\n- 배운 것: RNN\n")
    assert [(p.level, p.line) for p in problems] == [(Level.ERROR, 1)]
    assert "no session entries" in problems[0].message and "its 2 non-blank lines" in problems[0].message
    _, problems = parse("# Only a title\n")
    assert [p.level for p in problems] == [Level.WARNING]


def test_date_only_sessions_get_date_ids_and_collide_with_a_suffix(tmp_path):
    from studykb.config import Config
    from studykb.pipeline import load
    project = make_project(tmp_path, {"a.md": "## 2026-12-01\n- Topics: a\n## 2026-12-01 — again\n- Topics: b\n"
                                              "## Session: 2026-12-01 09:00 KST\n- Topics: c\n"})
    sessions = load(Config(root=project)).knowledge.sessions
    assert [s.id for s in sessions] == ["2026-12-01", "2026-12-01-2", "2026-12-01-0900"]


MIXED = """\
# Mixed headers

Notes kept by two tutors.

## Session: 2026-11-01 09:00 KST
- Topics: perceptron

## Session 2 — Mon 2026-11-02 — Ch.4 word2vec speed-up
- Topics: embedding layer

## 3회차 — 2026.11.04(수)
- 오늘 범위: 5장

### 배운 것
- RNN

### Results 2026-11-04
- loss went down

### session 4 - 2026-11-06
- Topics: negative sampling

## 2026-11-08
- Topics: CBOW on PTB

## Session 6 — whenever
- Topics: a header whose date cannot be read
"""


@pytest.mark.slow
def test_a_site_from_mixed_headers_lists_every_session_on_its_timeline(tmp_path):
    project = make_project(tmp_path, {"mixed.md": MIXED})
    built = mkdocs_build(project)  # --strict: the unreadable header is shown, the rest builds
    assert built.returncode == 0, built.stderr[-3000:]
    assert "sessions/mixed.md:26: error: session header has a broken timestamp" in built.stderr
    site = project / "site"
    timeline = visible_text((site / "timeline" / "index.html").read_text(encoding="utf-8"))
    for title in ("2026-11-01 09:00 KST", "2026-11-02 — Session 2 — Ch.4 word2vec speed-up", "2026-11-04 — 3회차",
                  "2026-11-06 — session 4", "2026-11-08", "Session at sessions/mixed.md:26"):
        assert title in timeline
    assert "00:00" not in timeline
    assert "6 sessions" in timeline
    pages = {p.parent.name for p in (site / "sessions").glob("*/index.html")}
    assert pages == {"2026-11-01-0900", "2026-11-02", "2026-11-04", "2026-11-06", "2026-11-08", "undated"}
    third = visible_text((site / "sessions" / "2026-11-04" / "index.html").read_text(encoding="utf-8"))
    assert "2026-11-04 — 3회차" in third and "Results 2026-11-04" in third and "loss went down" in third
    fixed = MIXED.replace("## Session 6 — whenever", "## Session 6 — 2026-11-09")
    (project / "sessions" / "mixed.md").write_text(fixed, encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
