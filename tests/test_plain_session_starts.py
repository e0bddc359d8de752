"""Session starts written as plain lines, in a log whose headings open no session: log in,
sessions and diagnostics out."""
from __future__ import annotations

from datetime import datetime

import pytest

from studykb.diagnostics import Level
from tests.test_session_headers import parse

BODY = "\n**Learned:** softmax\n**Time:** 1h\n"


@pytest.mark.parametrize("log, lines", [
    ("# Study log 2026\n\n\nSession 14 — 3 Dec\n" + BODY + "\nSession 15 — 5 Dec\n" + BODY, [4, 9]),
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
    parsed, problems = parse("# Log 2026\n\n\nSession 14 — 3 Dec\n" + BODY + "\nSession 15 — 5 Dec\n" + BODY)
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
