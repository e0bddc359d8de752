"""A week's heading over day headings: the days are the sessions, log text in, dates out.

``## Week of Nov 30, 2026`` (or ``## 2026-W49``) over ``### Mon``, ``### Wed``,
``### Sat 12/5``: each day is a session, dated by the week's first day and its weekday,
or by its own month and day (checked against the week); the week heading is the log's.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.header_dates import weekday_heading
from studykb.sources import LogText

LABELS = shipped_labels()


def parse(text: str):
    return parse_log(LogText("log.md", tuple(text.splitlines())), LABELS)


def days(text: str) -> list[str]:
    parsed, _ = parse(text)
    return [f"{entry.started:%Y-%m-%d}" if entry.started else "undated" for entry in parsed.entries]


@pytest.mark.parametrize("log, expected", [
    ("# Notes\n## Week of Nov 30, 2026\n### Mon\nread 7.1\n### Wed\nread 7.3\n### Sat 12/5\nran it\n"
     "## Week of Dec 7, 2026\n### Tue\nread 8.1\n### Sat 12/12\nran 8.3\n",
     ["2026-11-30", "2026-12-02", "2026-12-05", "2026-12-08", "2026-12-12"]),
    # the week's first day need not be a Monday: a weekday is the first such day from it on
    ("# Notes\n## Week from 2026-12-02\n### Wednesday\na\n### Monday — ch5\nb\n", ["2026-12-02", "2026-12-07"]),
    # an ISO week starts on its Monday
    ("# Notes\n## 2026-W49\n### Tue\na\n### Fri\nb\n", ["2026-12-01", "2026-12-04"]),
    # Korean and Japanese weekdays
    ("# 공부 기록\n## 2026년 11월 30일 주간\n### 월요일\n가\n### 목요일\n나\n", ["2026-11-30", "2026-12-03"]),
    ("# 学習ノート\n## 2026年11月30日の週\n### 月曜\nあ\n### 土曜日\nい\n", ["2026-11-30", "2026-12-05"]),
    # a week that runs into the next year
    ("# Notes\n## Week of Dec 28, 2026\n### Mon\na\n### Sat 1/2\nb\n", ["2026-12-28", "2027-01-02"]),
])
def test_the_days_under_a_week_heading_are_its_sessions(log, expected):
    assert days(log) == expected


def test_a_weekly_review_under_the_last_day_counts_on_that_day():
    parsed, _ = parse("# N\n## Week of Nov 30, 2026\n### Mon\nread\n### Sat 12/5\nran\n#### Weekly review\n"
                      "Still fuzzy: why reversing helps\n")
    last = parsed.entries[-1]
    assert f"{last.started:%Y-%m-%d}" == "2026-12-05"
    assert any("why reversing helps" in getattr(item, "text", "") for block in last.blocks
               for item in getattr(block, "items", ()))


def test_a_day_outside_its_week_is_said_and_kept():
    parsed, problems = parse("# N\n## Week of Nov 30, 2026\n### Mon\na\n### Sat 12/12\nb\n")
    assert [f"{e.started:%Y-%m-%d}" for e in parsed.entries] == ["2026-11-30", "2026-12-12"]
    assert any(p.level == "warning" and p.line == 5 and "not in the week" in p.message for p in problems)


def test_a_weekday_that_is_not_the_days_is_said():
    _, problems = parse("# N\n## Week of Nov 30, 2026\n### Mon\na\n### Fri 12/5\nb\n")
    assert any(p.level == "warning" and p.line == 5 and "'Fri'" in p.message for p in problems)


@pytest.mark.parametrize("log, expected", [
    # a dated week heading over headings that are not days stays a session of its own
    ("# N\n## Week of Nov 30, 2026\n### Sunday reading\na\n### Notes\nb\n", ["2026-11-30"]),
    # dated day sessions under a plain week heading are read as before
    ("# N\n## Week 49\n### 2026-12-01\na\n### 2026-12-03\nb\n", ["2026-12-01", "2026-12-03"]),
])
def test_other_headings_are_read_as_before(log, expected):
    assert days(log) == expected


@pytest.mark.parametrize("text, weekday", [
    ("Mon", 0), ("Wednesday", 2), ("Sat 12/5", 5), ("Thu — 8.5", 3), ("월요일", 0), ("(火)", 1),
    ("月曜日", 0), ("Sunday reading", None), ("Notes", None), ("Monster", None),
])
def test_a_day_heading_names_a_weekday(text, weekday):
    assert weekday_heading(text) == weekday
