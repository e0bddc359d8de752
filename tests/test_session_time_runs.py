"""A line that times a program, not the session (``학습 시간: epoch당 약 1분 40초``), log text
in, the session's time and the part the line is in out: the header's range stands and the
line stays where it was; a real time log keeps working."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import SectionKind
from studykb.parse import parse_log
from studykb.render.calendar import minutes_per_day, streak
from studykb.render.context import make_context
from studykb.render.session import render_session
from studykb.render.timeline import render_timeline
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.conftest import visible_text


def read(*lines: str):
    """The last session of a log of ``lines``, and the warnings about it."""
    log, problems = parse_log(LogText("s.md", tuple("\n".join(lines).splitlines())), shipped_labels())
    return log.entries[-1], [p for p in problems if p.level.value != "info"]


@pytest.mark.parametrize("header, part, line", [
    ("## 2026년 12월\n### 12/27 (일) 10:00~12:00", "💡 배운 점", "- 학습 시간: epoch당 약 1분 40초 (CPU)"),
    ("## 2026년 12월\n### 12/27 (일) 10:00~12:00", "💡 배운 점", "- 소요 시간: 에폭 하나에 3분 (GPU)"),
    ("## 2026-12-27 10:00-12:00", "### What I learned", "- Time: about 3 min per epoch on the GPU"),
    ("## 2026-12-27 10:00-12:00", "### What I did", "- Training time: 40 s per iteration (CPU)"),
    ("## 2026-12-27 10:00-12:00", "**Learned**", "Study time: 1 min 40 s an epoch"),
])
def test_a_line_timing_a_program_stays_in_its_part_and_the_header_range_stands(header, part, line):
    session, problems = read("# Log", header, "", part, "- first thing", line, "- last thing")
    assert session.minutes == 120
    kind = session.sections[0].kind
    assert [i.text for i in session.items_of(kind)] == ["first thing", line.lstrip("- "), "last thing"]
    assert not problems


@pytest.mark.parametrize("lines, minutes", [
    (("## Session: 2026-12-27", "- Time: 2h", "### What I learned", "- x"), 120),
    (("## Session: 2026-12-27", "### What I learned", "- x", "- 공부 시간: 2시간"), 120),
    (("## Session: 2026-12-27", "### Time log", "- 10:00-11:40"), 100),
    (("## Session: 2026-12-27", "1h 40m at the library.", "### What I learned", "- x"), 100),
    (("## Session: 2026-12-27", "- Time: 3 min per epoch, 45 min in all"), None),
])
def test_a_real_time_log_still_counts(lines, minutes):
    session, _ = read("# Log", *lines)
    assert session.minutes == minutes


def test_a_program_time_outside_a_part_is_a_field_but_not_the_time_log():
    session, problems = read("# Log", "## 2026-12-27 10:00-11:00", "- Time: 2 min per epoch (CPU)")
    assert session.minutes == 60 and [f.value for f in session.fields] == ["2 min per epoch (CPU)"]
    assert not problems


@pytest.mark.parametrize("lines", [
    ("## Lesson 10 — 2026-11-24, 18:00-19:15", "", "No lesson, student ill. Moved homework to next week."),
    ("## 2026-11-24 18:00-19:15", "Session cancelled (tutor travelling)."),
    ("## 2026-11-24 18:00-19:15", "- Didn't study today, too tired."),
    ("## 2026년 11월", "### 11/24 (화) 18:00~19:15", "감기로 휴강."),
    ("## 2026년 11월", "### 11/24 (화) 18:00~19:15", "- 수업 없음 (학생 아픔)"),
    ("## 2026-11-24 18:00-19:15 — cancelled",),
    ("## 2026年11月", "### 11/24 18:00〜19:15", "体調不良で休み。"),
    ("## 2026-11-24 18:00-19:15", "- (skipped: travel)"),
    ("## 2026-11-24 18:00-19:15", "skipped — sick"),
    ("## 2026-11-24 18:00-19:15", "- 오늘은 쉼 (출장)"),
    ("## 2026-11-24 18:00-19:15", "今日は休み"),
    ("## 2026-11-24 18:00-19:15", "- 今天没学，加班"),
])
def test_a_session_that_did_not_take_place_counts_no_time(lines):
    session, _ = read("# Log", *lines)
    assert session.cancelled is not None and session.minutes is None
    assert session.timelog is None or session.timelog.minutes == 75


@pytest.mark.parametrize("lines", [
    ("## 2026-11-24 18:00-19:15", "### Learned", "- why the lesson on cancelled flights was a bad example"),
    ("## 2026-11-24 18:00-19:15", "Skipped the exercises, read 5.1 instead.", "### Learned", "- RNN"),
    ("## 2026-11-24 18:00-19:15", "Cancelled the plan to run ch05; read instead.", "### Learned", "- RNN"),
    ("## 2026-11-24 18:00-19:15", "Q: was the lesson cancelled? A: no"),
    ("## 2026-11-24 18:00-19:15", "Read ch 5.1. No lesson plan today."),
    ("## 2026-11-24 18:00-19:15", "- Skipped the exercises", "- read 5.1 and 5.2"),
    ("## 2026-11-24 18:00-19:15", "- 연습문제는 건너뜀", "- 5.1 읽음"),
    ("## 2026-11-24 18:00-19:15", "- why skip-gram is slower than CBOW"),
    ("## 2026-11-24 18:00-19:15", "- skipped ahead to 5.3 (RNN layer)"),
])
def test_a_session_that_took_place_counts_its_time(lines):
    session, _ = read("# Log", *lines)
    assert session.cancelled is None and session.minutes == 75


def test_a_session_that_did_not_take_place_is_listed_but_is_no_study_day():
    lines = ("# Log", "## 2026-11-23 18:00-19:00", "### Learned", "- RNN",
             "## Lesson 10 — 2026-11-24 18:00-19:15", "No lesson, student ill. Moved homework to next week.",
             "## 2026-11-25 18:00-18:30", "### Learned", "- LSTM")
    log, problems = parse_log(LogText("sessions/t.md", lines), shipped_labels())
    assert "sessions/t.md:6: info: session did not take place ('No lesson, student ill. Moved homework to next " \
           "week.'); its time is not counted as study time" in [str(p) for p in problems]
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    ctx = make_context(knowledge, {})
    timeline = visible_text(render_timeline(ctx))
    assert "2 sessions, 1 h 30 min of logged study time. 1 more did not take place." in timeline
    assert "Lesson 10 · did not take place: No lesson, student ill. Moved homework to next week." in timeline
    page = visible_text(render_session(knowledge.sessions[1], ctx))
    assert 'description: "Study session of 2026-11-24 18:00 — Lesson 10: did not take place."' in page
    assert "did not take place (No lesson, student ill." in page and "18:00–19:15 not counted as study time" in page
    assert "Moved homework to next week." in page.split("did not take place", 2)[-1]  # the line is still shown
    days = minutes_per_day(knowledge.sessions)
    assert sorted(d.day for d in days) == [23, 25] and streak(days) == 1
