"""Session headers written with month names, at level 1, with a time range, or without a
year: header in, date, time, label, time log and diagnostics out; and one site built from a
log whose sessions are level-1 headings with month names."""
from __future__ import annotations

from datetime import date, datetime

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


def messages(problems) -> list[str]:
    return [f"{p.line}: {p.level.value}: {p.message}" for p in problems]


# header -> started, timed, label
@pytest.mark.parametrize("header, started, timed, label", [
    ("## Nov 15, 2026 (Sun) — Day 13", datetime(2026, 11, 15), False, "Day 13"),
    ("## Day 8 — Nov 10, 2026", datetime(2026, 11, 10), False, "Day 8"),
    ("## Nov. 10 2026 — CBOW", datetime(2026, 11, 10), False, "CBOW"),
    ("## 14 November 2026", datetime(2026, 11, 14), False, ""),
    ("## November 14th, 2026 at 7:15 pm KST — negative sampling", datetime(2026, 11, 14, 19, 15), True,
     "negative sampling"),
    ("## Session 2 — Thursday, 3rd of December 2026", datetime(2026, 12, 3), False, "Session 2"),
    ("## sept 1, 2026 recap", datetime(2026, 9, 1), False, "recap"),
    ("## 세션 3 — Dec 1, 2026", datetime(2026, 12, 1), False, "세션 3"),
])
def test_a_month_name_date_is_read(header, started, timed, label):
    entry = parse(f"# Log\n\n{header}\n- Topics: one\n")[0].entries[0]
    assert (entry.started, entry.timed, entry.label) == (started, timed, label)


@pytest.mark.parametrize("heading", [
    "## Summary of November 2026", "## Week of 2026-11", "## Chapter 3.2 review", "## Results for May",
])
def test_a_month_or_a_year_alone_is_no_date(heading):
    log, _ = parse(f"## 2026-11-01\n- a\n{heading}\n- b\n")
    assert [e.source.line for e in log.entries] == [1]


# header (no time log in the body) -> started, label, time log (start, end, minutes)
@pytest.mark.parametrize("header, started, label, times", [
    ("## 2026-12-07 19:00–20:15", datetime(2026, 12, 7, 19), "", ("19:00", "20:15", 75)),
    ("## 2026-12-10 23:20–00:35 — late one", datetime(2026, 12, 10, 23, 20), "late one", ("23:20", "00:35", 75)),
    ("## [세션 7] 2026년 11월 24일 (화) 20:00~22:00 (중간에 20분 쉼)", datetime(2026, 11, 24, 20), "[세션 7]",
     ("20:00", "22:00", 100)),
    ("## 2026-12-12 09:05–09:50 (on the train, no laptop)", datetime(2026, 12, 12, 9, 5),
     "(on the train, no laptop)", ("09:05", "09:50", 45)),
    ("## 2026-11-03 7:15-8:40pm (took a 10 min break) — CBOW", datetime(2026, 11, 3, 19, 15), "CBOW",
     ("19:15", "20:40", 75)),
    ("## 2026.12.06 오후 2시~4시 KST 복습", datetime(2026, 12, 6, 14), "복습", ("14:00", "16:00", 120)),
    ("## 2026年12月1日 14:00〜15:30（休憩10分）第3回", datetime(2026, 12, 1, 14), "第3回", ("14:00", "15:30", 80)),
    ("## Nov 3, 2026 11:30-1:00pm", datetime(2026, 11, 3, 11, 30), "", ("11:30", "13:00", 90)),
    ("## 2026-12-08 (약 50분) 복습", datetime(2026, 12, 8), "복습", (None, None, 50)),
    # The documented shape with a range where its time stands: a range, not a zone.
    ("## Session: 2026-12-27 10:00-12:00", datetime(2026, 12, 27, 10), "", ("10:00", "12:00", 120)),
    ("## Session: 2026-12-28 (Mon) 21:30~23:00 KST", datetime(2026, 12, 28, 21, 30), "", ("21:30", "23:00", 90)),
    # The time after the bracket that holds the date and its weekday.
    ("## 1회차 (2026.11.25 수) 19:00-20:30", datetime(2026, 11, 25, 19), "1회차", ("19:00", "20:30", 90)),
    ("## Day 3 (Tue 1 Dec 2026) 7:15-8:40pm", datetime(2026, 12, 1, 19, 15), "Day 3", ("19:15", "20:40", 85)),
    ("## 第3回（2026年12月2日 水）19:00〜20:40", datetime(2026, 12, 2, 19), "第3回", ("19:00", "20:40", 100)),
])
def test_a_time_range_in_the_header_is_the_time_log_of_a_body_without_one(header, started, label, times):
    entry = parse(f"# Log\n{header}\n- Topics: one\n")[0].entries[0]
    assert (entry.started, entry.label) == (started, label)
    log = entry.timelog
    assert (log.start, log.end, log.minutes) == times
    assert log.source.line == 2


# header with the time booked, line under it -> the time log (start, end, minutes), from that line
@pytest.mark.parametrize("header, line, times", [
    ("## 4회차 (2026.12.05 토) 10:00-12:00", "※ 학생이 20분 늦게 도착해서 실제 수업은 10:20-12:00 (100분).",
     ("10:20", "12:00", 100)),
    ("## 2026-12-07 19:00–21:00", "Started late, actually 19:30-21:00.", ("19:30", "21:00", 90)),
])
def test_a_time_line_under_the_header_says_what_happened_in_the_time_it_books(header, line, times):
    entry = parse(f"# Log\n{header}\n\n{line}\n\n- Topics: one\n")[0].entries[0]
    log = entry.timelog
    assert (log.start, log.end, log.minutes, log.source.line) == (*times, 4)


def test_a_time_log_in_the_body_counts_instead_of_the_header_range():
    entry = parse("## 2026-12-07 19:00–20:15\n- Time: 19:10–20:00\n")[0].entries[0]
    assert (entry.timelog.start, entry.timelog.minutes, entry.timelog.source.line) == ("19:10", 50, 2)


def test_a_start_alone_in_the_header_is_no_time_log():
    log, problems = parse("## 2026-12-07 19:00 KST\n- Topics: one\n")
    assert log.entries[0].timelog is None and problems == []


# which headings of a log open a session: log in, header lines and title out
@pytest.mark.parametrize("text, lines, title", [
    # the log's sessions are level-1 headings, with month names or numbers, mixed with level 2
    ("# Day 8 — Nov 10, 2026\n- a\n# Day 9 — Nov 11, 2026\n- b\n## Nov 15, 2026 (Sun) — Day 13\n- c\n"
     "# Day 19 — Nov 21, 2026\n- d\n", [1, 3, 5, 7], None),
    # a title without a date, then dated level-1 headings: each is a session, the title stays
    ("# Study log 2026\n\n# Day 1 — 2026-11-10\n## What I learned\n- a\n# Day 2 — 2026-11-11\n- b\n",
     [3, 6], "Study log 2026"),
    ("# 학습 일지\n# 1일차 — 2026년 11월 10일\n- a\n# 2일차 — 2026년 11월 11일\n- b\n", [2, 4], "학습 일지"),
    # a log's only dated level-1 heading, first, above level-2 sessions: its title
    ("# Notes from 2026-11-01\n## 2026-11-02\n- a\n## 2026-11-03\n- b\n", [2, 4], "Notes from 2026-11-01"),
    # a dated first heading worded otherwise than the sessions, over prose: the title
    ("# DLFS2 notes — started 2026-11-01\n\nOne heading per sitting.\n\n# 2026-11-02 (Mon)\nLearned:\n- a\n"
     "# 2026-11-03 (Tue)\n- b\n", [5, 8], "DLFS2 notes — started 2026-11-01"),
    ("# 학습 노트 (2026년 11월 1일 시작)\n\n# 2026년 11월 2일\n- a\n# 2026년 11월 3일\n- b\n", [3, 5],
     "학습 노트 (2026년 11월 1일 시작)"),
    # ... but a session when a part, a list or a time log is under it, or it is worded as the next
    ("# Notes 2026-11-01\nLearned:\n- a\n# 2026-11-02\n- b\n", [1, 4], None),
    ("# Notes 2026-11-01\n- read ch1\n# 2026-11-02\n- b\n", [1, 3], None),
    ("# Notes 2026-11-01\nTime: 19:00-20:00\n# 2026-11-02\n- b\n", [1, 3], None),
    ("# Day 1 — 2026-11-01\nRead chapter 1.\n# Day 2 — 2026-11-02\nRead chapter 2.\n", [1, 3], None),
    # with level-1 sessions, a dated level-3 heading without a session word is a part
    ("# Day 1 — 2026-11-10\n### Results 2026-11-10\n- a\n# Day 2 — 2026-11-11\n", [1, 4], None),
])
def test_which_level_1_headings_open_a_session(text, lines, title):
    log, _ = parse(text)
    assert [e.source.line for e in log.entries] == lines
    assert log.title == title


# a log whose headers give a month and day without a year: dates and what is said
@pytest.mark.parametrize("text, dates, said", [
    ("## 2026/12/05（土）第2回\n- a\n### 12月6日 セッション\n- b\n## 2026/12/12（土）第3回\n",
     ["2026-12-05", "2026-12-06", "2026-12-12"],
     ["3: info: the session header gives no year; 2026 is taken from the session header on line 1"]),
    ("## Session 3 — 2026-12-30\n- a\n## Session 4 — Jan 2\n- b\n", ["2026-12-30", "2027-01-02"],
     ["3: info: the session header gives no year; 2027 is taken from the session header on line 1"]),
    ("## 12/06 세션\n- a\n## 2026년 12월 8일 세션\n- b\n", ["2026-12-06", "2026-12-08"],
     ["1: info: the session header gives no year; 2026 is taken from the session header on line 3"]),
    ("## Session 1 — Dec 30\n- a\n## Session 2 — 2027-01-02\n- b\n", ["2026-12-30", "2027-01-02"],
     ["1: info: the session header gives no year; 2026 is taken from the session header on line 3"]),
    ("## Session 4 — Dec 6\n- a\n", [None],
     ["1: error: session header 'Session 4 — Dec 6' gives a month and day but no year, and no other session "
      "header of the log gives one; the session is kept undated, its date kept in its label (write the year in "
      "one session header, or alone on a line above the sessions, and the others take it from there)"]),
])
def test_a_header_without_a_year_takes_it_from_the_nearest_session(text, dates, said):
    log, problems = parse(text)
    assert [f"{e.started:%Y-%m-%d}" if e.started else None for e in log.entries] == dates
    assert [m for m in messages(problems) if "no time of day" not in m] == said


# a year the log's title gives (alone or in a date) is the year of the sessions under it that give
# none; a later session on an earlier day of the year is in the next year; a header's own year
# and the year of a dated header before it come first
@pytest.mark.parametrize("text, dates", [
    ("# 勉強ノート（2026年）\n\n## 11/14（土） 4章\n- a\n## 12月1日（火）\n- b\n", ["2026-11-14", "2026-12-01"]),
    ("# Study log 2026\n## Session 1 — Dec 20\n- a\n## Session 2 — Jan 3\n- b\n", ["2026-12-20", "2027-01-03"]),
    ("# 2025년 공부 기록\n## 12월 8일 (월) 공부\n- a\n", ["2025-12-08"]),
    ("# 学习笔记 2026\n## 11月13日 周五 第1次课\n- a\n", ["2026-11-13"]),
    ("# Notes from 2026-11-01 on\n## Session 1 — Nov 2\n- a\n", ["2026-11-02"]),
    ("# Log 2025\n## Session 1 — 2026-12-20\n- a\n## Session 2 — Dec 22\n- b\n", ["2026-12-20", "2026-12-22"]),
])
def test_a_header_without_a_year_takes_the_year_of_the_logs_title(text, dates):
    log, problems = parse(text)
    assert [f"{e.started:%Y-%m-%d}" for e in log.entries] == dates
    said = [m for m in messages(problems) if "no year" in m]
    assert all("nor does any other" not in m for m in said)
    assert any("taken from the log's title on line 1" in m for m in said) == ("2025" not in text or "2026" not in text)


# A line above the sessions that says the year of every date in passing dates them as a
# year alone on its line would; one naming two years says none.
@pytest.mark.parametrize("note, dates", [
    ("날짜는 월/일로만 적음 (연도는 전부 2026년).", ["2026-12-06"]),
    ("Dates are written month/day (all 2025).", ["2025-12-06"]),
    ("日期只写月日，年份都是2026年。", ["2026-12-06"]),
    ("Started in 2025, all of it redone in 2026.", [None]),
])
def test_a_line_that_says_the_year_in_passing_dates_the_sessions(note, dates):
    log, _ = parse(f"# notes\n\n{note}\n\n## Session 4 — Dec 6\n- a\n")
    assert [e.started and f"{e.started:%Y-%m-%d}" for e in log.entries] == dates


@pytest.mark.parametrize("title", ["# Deep Learning from Scratch 2 notes", "# DLFS2 v2026.1 notes",
                                   "# 10000 words a day"])
def test_a_title_without_a_year_gives_none(title):
    log, problems = parse(f"{title}\n## Session 4 — Dec 6\n- a\n")
    assert [e.started for e in log.entries] == [None]
    assert any("no other session header of the log gives one" in m for m in messages(problems))


# a log that gives no year anywhere: a weekday beside the month and day dates it, the year
# nearest the day it is built in which that day is that weekday, and says so
@pytest.mark.parametrize("text, today, dates", [
    ("## 12월 8일 (화) 공부 기록\n- a\n## 12월 10일 (목) 공부 기록\n- b\n", "2026-12-03", ["2026-12-08", "2026-12-10"]),
    ("## 12월 8일 (화) 공부 기록\n- a\n", "2022-03-01", ["2020-12-08"]),  # 2026 is further away
    ("## Tue, Dec 8 — ch4\n- a\n", "2027-06-01", ["2026-12-08"]),
    ("## 12月8日（火）\n- a\n", "2026-12-03", ["2026-12-08"]),
    ("## Session 4 — Dec 6\n- a\n", "2026-12-03", [None]),  # no weekday: no year is made up
])
def test_a_log_without_years_is_dated_by_its_weekdays(text, today, dates):
    lines, _ = decode_log(text.encode("utf-8"), "sessions/t.md")
    log, problems = parse_log(lines, LABELS, date.fromisoformat(today))
    assert [f"{e.started:%Y-%m-%d}" if e.started else None for e in log.entries] == dates
    said = [p for p in problems if "no year" in p.message]
    assert [p.level for p in said] == [Level.INFO if day else Level.ERROR for day in dates]
    assert all(day[:4] in p.message for p, day in zip(said, dates) if day)


# a ## heading that starts with a month and day (a weekday before it or not) opens a session
# without the session word; its year is the nearest session header's, as above
@pytest.mark.parametrize("text, dates, labels", [
    ("## 2026년 12월 8일 (화) 공부 기록\n- a\n## 12월 10일 (목) 공부 기록\n- b\n",
     ["2026-12-08", "2026-12-10"], ["공부 기록", "공부 기록"]),
    ("## Dec 8 (Tue) — ch4\n- a\n## Thu, Dec 10 — ch5\n- b\n## 2026-12-12 — ch5 again\n- c\n",
     ["2026-12-08", "2026-12-10", "2026-12-12"], ["ch4", "ch5", "ch5 again"]),
    ("## 2026-12-30\n- a\n## 1/2 notes\n- b\n", ["2026-12-30", "2027-01-02"], ["", "notes"]),
    # not a date first: a part of the session, not a session
    ("## 2026-12-08\n- a\n## Notes on Dec 9 plans\n- b\n", ["2026-12-08"], [""]),
])
def test_a_heading_that_starts_with_a_month_and_day_opens_a_session(text, dates, labels):
    log, _ = parse(text)
    assert [f"{e.started:%Y-%m-%d}" for e in log.entries] == dates
    assert [e.label for e in log.entries] == labels


# parsed without the day of the build (the build passes it; see the weekday test above), no
# weekday can set the year: the session stays undated
@pytest.mark.parametrize("text, label", [
    ("## 12월 8일 (화) 공부 기록\n- a\n", "12월 8일 (화) 공부 기록"),
    ("## Dec 8 (Tue) — ch4\n- a\n", "Dec 8 (Tue) — ch4"),
])
def test_with_no_year_in_the_log_the_undated_session_keeps_its_date_in_its_label(text, label):
    log, problems = parse(text)
    assert log.entries[0].started is None and log.entries[0].label == label
    assert "write the year in one session header" in messages(problems)[0]


# the brackets that held the date (and its weekday) are no part of the label
@pytest.mark.parametrize("header, label", [
    ("## Day 12 (Sat 12 Dec 2026)", "Day 12"),
    ("## Day 3 (2026-12-01, ch4)", "Day 3 — ch4"),
    ("## 7일차 (2026년 12월 8일 화요일)", "7일차"),
    ("## Review (ch4) 2026-12-01 (Tue)", "Review (ch4)"),
    ("## [2026-12-01] RNN", "RNN"),
])
def test_brackets_around_the_date_are_no_part_of_the_label(header, label):
    log, _ = parse(header + "\n- a\n")
    assert log.entries[0].label == label


@pytest.mark.parametrize("header, started", [
    ("## 2026-12-15 (화) 밤 9시 ~ 10시 40분", datetime(2026, 12, 15, 21)),
    ("## 2026년 12월 10일 저녁 7시 30분", datetime(2026, 12, 10, 19, 30)),
    ("## 2026년 12월 10일 새벽 5시", datetime(2026, 12, 10, 5)),
])
def test_korean_words_for_the_part_of_the_day_in_a_header(header, started):
    log, _ = parse(header + "\n- a\n")
    assert log.entries[0].started == started


def test_a_count_after_the_session_word_is_no_month_and_day():
    log, problems = parse("## Session 2/10 — attention\n- a\n")
    assert log.entries[0].started is None
    assert "broken timestamp" in problems[0].message


def test_a_missing_zone_and_a_missing_time_are_said_once_for_the_log():
    text = ("## 2026-12-07 19:00–20:15\n- a\n## 2026-12-08 20:00–21:10\n- b\n## 2026-12-09\n- c\n"
            "## 2026-12-10\n- d\n## 2026-12-11\n- Time: 14:00–15:30\n## 2026-12-12 09:00 XYZ\n- e\n")
    assert messages(parse(text)[1]) == [
        "11: warning: unknown time zone 'XYZ'; kept as written, no UTC offset",
        "1: info: session headers give no time zone; times are shown as written",
        "5: info: 2 session headers give a date but no time of day (the first here); "
        "those sessions are placed by their dates"]


ZONE_NOTE = "1: info: session headers give no time zone; times are shown as written"


# A time of day from the session's time log is shown as written, as one in the header is:
# without a zone, the log is told so either way.
@pytest.mark.parametrize("text, said", [
    ("## 2026-12-11\n- Time: 14:00–15:30\n- a\n", [ZONE_NOTE]),
    ("## 第1回 2026年11月27日（金）\n\n学習時間：約1時間半（19時〜20時半）\n- a\n", [ZONE_NOTE]),
    ("## 第6次学习 2026-12-07\n\n学习时间：19点半到21点\n- a\n", [ZONE_NOTE]),
    ("## 2026년 12월 8일 세션\n- 공부 시간: 19:00~20:30\n- a\n", [ZONE_NOTE]),
    ("## 2026-12-11 20:00 KST\n- a\n## 2026-12-12\n- Time: 14:00–15:30\n", [ZONE_NOTE.replace("1:", "3:")]),
    ("## 2026-12-12 UTC+9\n- Time: 14:00–15:30\n- a\n", []),
])
def test_a_time_from_the_time_log_without_a_zone_is_said_once_for_the_log(text, said):
    assert [m for m in messages(parse(text)[1]) if "no time zone" in m] == said


def test_a_header_with_a_date_alone_and_no_time_log_is_no_zone_matter():
    assert messages(parse("## 2026-12-11\n- a\n")[1]) == [
        "1: info: session header has a date but no time of day; the session is placed by its date"]


G_LIKE = """\
# Day 1 — Nov 10, 2026
Coffee shop.

Learned:
- CBOW predicts the center word from its context.

# Day 2 — November 11th, 2026
Time: 45 min

Learned:
- `create_contexts_target` returns contexts and targets.

## Nov 13, 2026 (Fri) — Day 4
Learned:
- skip-gram predicts the context from the center word.

# Day 6 — 15 November 2026
- Topics: negative sampling

## Session 7 — Nov 16
- Topics: PTB

# Day 9 — 2026-11-19 19:00–20:30 KST
- Topics: evaluation

## Nov 20, 2026 — Day 10
- Time log: 14:00–15:30
- Topics: analogy
"""


@pytest.mark.slow
def test_a_site_from_level_1_month_name_headers_lists_every_session_on_its_timeline(tmp_path):
    project = make_project(tmp_path, {"days.md": G_LIKE})
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr[-3000:]
    site = project / "site"
    timeline = visible_text((site / "timeline" / "index.html").read_text(encoding="utf-8"))
    for title in ("2026-11-10 — Day 1", "2026-11-11 — Day 2", "2026-11-13 — Day 4", "2026-11-15 — Day 6",
                  "2026-11-16 — Session 7", "2026-11-19 19:00 KST — Day 9", "2026-11-20 — Day 10"):
        assert title in timeline
    assert "7 sessions" in timeline
    pages = {p.parent.name for p in (site / "sessions").glob("*/index.html")}
    assert pages == {"2026-11-10", "2026-11-11", "2026-11-13", "2026-11-15", "2026-11-16", "2026-11-19-1900",
                     "2026-11-20"}
    ninth = visible_text((site / "sessions" / "2026-11-19-1900" / "index.html").read_text(encoding="utf-8"))
    assert "19:00–20:30 (1 h 30 min)" in ninth  # the header's range is the time log
    tenth = visible_text((site / "sessions" / "2026-11-20" / "index.html").read_text(encoding="utf-8"))
    assert "2026-11-20 14:00 (time of day from the time log)" in tenth  # and the address stays the date's
