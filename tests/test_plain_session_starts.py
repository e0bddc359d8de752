"""Session starts written as plain lines, in a log whose headings open no session, and a
year written once above the sessions: log in, sessions and diagnostics out."""
from __future__ import annotations

from datetime import datetime

import pytest

from studykb.diagnostics import Level
from tests.test_session_headers import parse

BODY = "\n**Learned:** softmax\n**Time:** 1h\n"


@pytest.mark.parametrize("log, lines", [
    ("# Study log\n2026\n\nSession 14 — 3 Dec\n" + BODY + "\nSession 15 — 5 Dec\n" + BODY, [4, 9]),
    ("Day 3 – 2026-12-03\n- Learned: RNN\n\nDay 4 – 2026-12-04\n- Learned: LSTM\n", [1, 4]),
    ("# 학습 기록\n\n3회차 (2026.12.02)\n- 배운 것: RNN\n\n4회차 (2026.12.04)\n- 배운 것: LSTM\n", [3, 6]),
    ("# 勉強ノート 2026\n\n12月3日（水）\n- 学んだこと: RNN\n\n12月5日（金）\n- 学んだこと: LSTM\n", [3, 6]),
    ("Notes\n\nSession 1: 2026-12-01\nsoftmax\n\n---\nSession 2\nsigmoid\n", [3, 7]),
    # a sentence that starts like a session opens none, nor does one inside prose
    ("# Log\n\nIn session 14 we did CBOW.\n\nSession 14 went fine, no notes.\n\nDec 3 we did CBOW\n- a\n", []),
    # a start with no blank line before it, or no lines after it, opens none
    ("# Log\nintro\nSession 1 — 2026-12-01\n- a\n", []),
    ("# Log\n\nSession 1 — 2026-12-01\n\nSession 2 — 2026-12-02\n- a\n", [5]),
    # a line in fenced code is code
    ("# Log\n\n```\n\nSession 1 — 2026-12-01\n- a\n```\n", []),
])
def test_which_plain_lines_open_a_session(log, lines):
    parsed, _ = parse(log)
    assert [e.source.line for e in parsed.entries] == lines


def test_plain_starts_are_not_read_when_headings_open_sessions():
    parsed, _ = parse("## 2026-12-01\n- a\n\nSession 2 — 2026-12-02\n- b\n")
    assert [e.source.line for e in parsed.entries] == [1]


def test_plain_starts_are_said_once_with_their_lines():
    parsed, problems = parse("# Log\n2026\n\nSession 14 — 3 Dec\n" + BODY + "\nSession 15 — 5 Dec\n" + BODY)
    said = [p for p in problems if "plain lines" in p.message]
    assert [(p.level, p.line) for p in said] == [(Level.INFO, 4)]
    assert "lines 4, 9" in said[0].message
    assert [e.label for e in parsed.entries] == ["Session 14", "Session 15"]


def test_no_session_names_the_lines_that_looked_like_starts_and_counts_every_line():
    log = "# Log\nintro\nSession 1 — 2026-12-01\n- a\n```\n# batch_size=10\n```\nSession 2 — 2026-12-02 was long.\n"
    _, problems = parse(log)
    errors = [p for p in problems if p.level is Level.ERROR]
    assert len(errors) == 1 and errors[0].line == 1
    assert "its 7 non-blank lines besides the title" in errors[0].message
    assert "lines 3, 8 begin as a session start does" in errors[0].message


@pytest.mark.parametrize("year_line", ["2026", "Year: 2026", "**2026**", "연도: 2026", "2026년", "2026年",
                                       "---\nyear: 2026\n---"])
def test_a_year_alone_above_the_sessions_dates_them_and_a_later_january_is_the_next_year(year_line):
    parsed, problems = parse(f"# Notes\n{year_line}\n\n## Session 1 — 3 Dec\n- a\n\n## Session 2 — 4 Jan\n- b\n")
    assert [e.started for e in parsed.entries] == [datetime(2026, 12, 3), datetime(2027, 1, 4)]
    assert not [p for p in problems if p.level is Level.ERROR]
    assert any("taken from the year written above the sessions" in p.message for p in problems)


@pytest.mark.parametrize("above", ["# Notes\n2026\n", "# Notes 2026\n", "# 공부 기록\n연도: 2026\n"])
def test_the_year_above_the_sessions_is_said_once_at_the_first_header_that_takes_it(above):
    text = above + "\n## Session 1 — 3 Dec\n- a\n\n## Session 2 — 5 Dec\n- b\n\n## Session 3 — 7 Dec\n- c\n"
    parsed, problems = parse(text)
    said = [(p.line, p.message) for p in problems if "no year" in p.message]
    assert [line for line, _ in said] == [parsed.entries[0].source.line]
    assert said[0][1].startswith("the session headers give no year; 2026 is taken from")


@pytest.mark.parametrize("line", ["Started in 2026 with ch1", "v2026", "2026-12", "20260"])
def test_a_line_that_is_more_than_a_year_gives_none(line):
    parsed, problems = parse(f"# Notes\n{line}\n\n## Session 1 — 3 Dec\n- a\n")
    assert parsed.entries[0].started is None
    assert any(p.level is Level.ERROR and "alone on a line above the sessions" in p.message for p in problems)
