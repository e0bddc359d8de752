"""A heading at a level above the session's own ends the session, log text in, records out.

``## Week 50`` between ``### 2026-12-05`` and ``### 2026-12-07``, or ``## Running list``
after the last session, is the log's, not a part of the session before it: its lines are
kept with the log (as its preamble is, shown under the log on the timeline), and an info
diagnostic names a heading that has lines of its own; one alone only groups the sessions
after it. A heading at the session's level or below is still a part.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Section
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()


def parse(text: str):
    return parse_log(LogText("log.md", tuple(text.splitlines())), LABELS)


@pytest.mark.parametrize("log, sessions, logs_own, said", [
    # a week heading between level-3 sessions
    ("# Journal\n## Week 49\n### 2026-12-01\n- read 4.1\n## Week 50\n### 2026-12-07\n- read 5.1\n",
     [[4], [7]], ["# Journal", "## Week 49", "## Week 50"], []),
    # a running list after the last session, its items kept with it
    ("### 2026-12-01\n- read 4.1\n\n## Things I keep mixing up\n- BPTT vs truncated BPTT\n- p vs p^0.75\n",
     [[2]], ["## Things I keep mixing up", "- BPTT vs truncated BPTT", "- p vs p^0.75"], [4]),
    # Korean: a level-1 part heading between level-2 sessions
    ("## 2026-12-01 세션\n- 4.1 읽음\n# 2부: 순환 신경망\n메모 한 줄\n## 2026-12-07 세션\n- 5.1 읽음\n",
     [[2], [6]], ["# 2부: 순환 신경망", "메모 한 줄"], [3]),
])
def test_a_heading_above_the_sessions_ends_the_session(log, sessions, logs_own, said):
    parsed, problems = parse(log)
    placed = [[line.source.line for line in _lines(entry)] for entry in parsed.entries]
    assert placed == sessions
    assert [note.text for note in parsed.preamble] == logs_own
    notes = [p for p in problems if "above the session headings" in p.message]
    assert [p.line for p in notes] == said and all(p.level == "info" for p in notes)


@pytest.mark.parametrize("log", [
    "## 2026-12-01\n### What I learned\n- x\n## 2026-12-02\n- y\n",  # a part heading below the session's
    "### 2026-12-01\n### Watchlist\n- x\n",  # at the session's level, not a session: still a part
    "## 2026-12-01\n```\n# a comment in code\n```\n- x\n",  # a heading in code is code
    "**Mon 2026-12-07, 19:30**\n## Notes\n- x\n",  # a bold-line session has no level
])
def test_headings_that_do_not_end_a_session(log):
    parsed, problems = parse(log)
    assert not any("above the session headings" in p.message for p in problems)
    assert not [n for n in parsed.preamble if n.source.line > parsed.entries[0].source.line]


def _lines(entry):
    """The lines of an entry's records after its header (items of its sections)."""
    for block in entry.blocks:
        yield from block.items if isinstance(block, Section) else [block]


@pytest.mark.parametrize("log, days", [
    # a month heading gives the year of the day sessions under it, up to the next one
    ("# 공부 기록\n## 2026년 12월\n### 12/05 (토) 19:30~21:00\n- a\n### 12/27 (일) 10:00~12:00\n- b\n"
     "## 2027년 1월\n### 1/3 (일) 20:30~21:45\n- c\n", ["2026-12-05", "2026-12-27", "2027-01-03"]),
    ("# Log\n## December 2025\n### Dec 6 19:00\n- a\n## January 2026\n### Jan 2 19:00\n- b\n",
     ["2025-12-06", "2026-01-02"]),
    ("# 学習ログ\n## 2024年\n### 3月2日 10:00\n- a\n", ["2024-03-02"]),
])
def test_a_heading_that_groups_sessions_gives_them_its_year(log, days):
    parsed, problems = parse(log)
    assert [f"{entry.started:%Y-%m-%d}" for entry in parsed.entries] == days
    assert not [p for p in problems if "year" in p.message or "above the session headings" in p.message]


def test_a_week_heading_without_a_year_leaves_the_year_to_the_headers():
    parsed, _ = parse("# Log\n## Week 50\n### 2026-12-07\n- a\n### 12/09\n- b\n")
    assert [f"{entry.started:%Y-%m-%d}" for entry in parsed.entries] == ["2026-12-07", "2026-12-09"]
