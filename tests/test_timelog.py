"""A session's time log, its lines in, start, end, minutes and diagnostics out.

A clock range is the time log; a duration on its line is the session's total only when
the line states it as one (named ``Duration``/``Total``/``총``/``합계``, or alone in its
parentheses); a break noted beside it is taken off; a note's duration is not counted.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Source
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.timelog import Piece, read_timelog

HEADER = "## Session: 2026-03-05 20:00 KST"


@pytest.mark.parametrize("value, start, end, minutes", [
    ("Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes", "14:28", "15:03", 35),
    ("Start 23:40 UTC | End 00:25 UTC", "23:40", "00:25", 45),  # across midnight
    ("Start ~10:00 JST | End 11:30 JST | Duration ~1h 30m", "10:00", "11:30", 90),
    ("Duration about 2 hours", None, None, 120),
    ("Duration: 1.5 h", None, None, 90),
    ("Start 9:05 | End 9:50", "09:05", "09:50", 45),
    ("Total 50 min", None, None, 50),
    ("forgot to write it down", None, None, None),
])
def test_time_log(value, start, end, minutes):
    problems = []
    log = read_timelog([Piece("time", value, Source("s.md", 3))], problems, shipped_labels())
    assert (log.start, log.end, log.minutes) == (start, end, minutes)
    assert bool(problems) is (minutes is None)


def read(body: str):
    """The time log of a one-session log whose body is ``body`` (line 2 on), and the
    diagnostics about it."""
    log, problems = parse_log(LogText("s.md", (HEADER, *body.splitlines())), shipped_labels())
    times = log.entries[0].timelog
    said = (times.start, times.end, times.minutes) if times else None
    return said, [str(p) for p in problems]


def info_line(line, said, start, end, whole):
    return f"s.md:{line}: info: time log says {said} min but {start}–{end} is {whole} min; counted {said}"


ONE_LINE = [
    # the range is the time log
    pytest.param("- Time: 14:00~15:30", ("14:00", "15:30", 90), [], id="a range"),
    pytest.param("- 소요 시간: 23:20~00:35", ("23:20", "00:35", 75), [], id="a range past midnight"),
    pytest.param("**Time:** 22:15 to 00:05 (KST)", ("22:15", "00:05", 110), [], id="a range and its zone"),
    # a total the line states: named, or alone in its parentheses
    pytest.param("- Time: 19:40–21:05 (1h25m)", ("19:40", "21:05", 85), [], id="total in parentheses"),
    pytest.param("- 공부 시간: 09:10~10:40 (약 1시간 30분)", ("09:10", "10:40", 90), [], id="Korean total"),
    pytest.param("- Time log (today): Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes",
                 ("14:28", "15:03", 35), [], id="start, end and duration"),
    pytest.param("- 시간 기록: 시작 20:10 | 종료 21:00 | 약 50분", ("20:10", "21:00", 50), [], id="Korean fields"),
    pytest.param("- Time: 13:00-14:30 (total 80 min)", ("13:00", "14:30", 80),
                 [info_line(2, 80, "13:00", "14:30", 90)], id="a named total that disagrees"),
    pytest.param("- 학습 시간: 20:00~21:00 (총 90분)", ("20:00", "21:00", 90),
                 [info_line(2, 90, "20:00", "21:00", 60)], id="총, disagreeing"),
    pytest.param("- Time log: Start 09:00 | End 10:10 | Duration 30 min", ("09:00", "10:10", 30),
                 [info_line(2, 30, "09:00", "10:10", 70)], id="a duration field that disagrees"),
    pytest.param("- Time: 10:00-11:02 (about 60 min)", ("10:00", "11:02", 60), [], id="a few minutes off agree"),
    # a break is taken off the range
    pytest.param("- 소요 시간: 20:30~22:00 (중간에 15분 쉼)", ("20:30", "22:00", 75), [], id="Korean break"),
    pytest.param("- Time: 18:30-20:00 (had a 20 minute pause for dinner)", ("18:30", "20:00", 70), [],
                 id="a pause"),
    pytest.param("- Time: 07:00 - 08:30, coffee break 10 min", ("07:00", "08:30", 80), [], id="break after a comma"),
    pytest.param("- 공부 시간: 13:00~15:00 (휴식 20분)", ("13:00", "15:00", 100), [], id="휴식"),
    pytest.param("- 学習時間: 09:00～10:30（休憩10分）", ("09:00", "10:30", 80), [], id="Japanese break"),
    pytest.param("- Time: 21:00–22:00 (total 60 min, incl. a 10 min break)", ("21:00", "22:00", 60), [],
                 id="a total with its break: the total counts"),
    # a duration in a note is not the session's total
    pytest.param("- Time: 16:00–17:00 (spent maybe 10 min of it installing numpy)", ("16:00", "17:00", 60), [],
                 id="a note"),
    pytest.param("- 시간: 10:00~11:20 (그중 20분은 환경 설정)", ("10:00", "11:20", 80), [], id="Korean note"),
    # no range: the duration is all there is
    pytest.param("- 소요 시간: 약 50분", (None, None, 50), [], id="약 50분"),
    pytest.param("- 소요 시간: 1시간 40분", (None, None, 100), [], id="1시간 40분"),
    pytest.param("- Time: 45 min (short one, tired)", (None, None, 45), [], id="a duration and a remark"),
    pytest.param("- Time: roughly 2 h", (None, None, 120), [], id="roughly"),
    # hours written with their word are clocks, and half an hour after hours is 30 minutes
    pytest.param("- 学習時間：約1時間半（19時〜20時半）", ("19:00", "20:30", 90), [], id="Japanese hours and a half"),
    pytest.param("- 勉強時間: 20時15分～21時", ("20:15", "21:00", 45), [], id="Japanese hours and minutes"),
    pytest.param("- 学习时间：19点半到21点（共1个半小时）", ("19:30", "21:00", 90), [], id="Chinese hours"),
    pytest.param("- 공부 시간: 7시 반~9시", ("07:30", "09:00", 90), [], id="Korean hours"),
    pytest.param("- 소요 시간: 2시간 반", (None, None, 150), [], id="Korean hours and a half"),
    pytest.param("- 所要時間：2時間", (None, None, 120), [], id="hours are no clock"),
    # every clock range of a line counts; the time between them does not
    pytest.param("- Time: 10:00-11:00, 20:00-20:30", ("10:00", "20:30", 90), [], id="two ranges"),
    pytest.param("- 時間: 10:00〜11:40（休憩なし）、夜 21:00〜21:30 復習", ("10:00", "21:30", 130), [],
                 id="two Japanese ranges"),
    pytest.param("- 시간: 9시~10시, 밤 9시~9시 반", ("09:00", "21:30", 90), [], id="two Korean ranges"),
    pytest.param("- 时间：19:00-20:00，21:00-21:45", ("19:00", "21:45", 105), [], id="two Chinese ranges"),
    pytest.param("- Time: 23:00-23:30, 00:10-01:00", ("23:00", "01:00", 80), [], id="two ranges past midnight"),
    pytest.param("- Time: 08:00-09:00; 12:00-12:20; 18:00-18:40", ("08:00", "18:40", 120), [], id="three ranges"),
    pytest.param("- Time: 19:00-21:00 (break 20:00-20:10)", ("19:00", "21:00", 110), [], id="a range that is a break"),
    pytest.param("- Time: 19:00-22:00 (dinner 20:00-20:30)", ("19:00", "22:00", 150), [],
                 id="a range inside the one before is a pause"),
    pytest.param("- 공부 시간: 13:00~15:00 (휴식 20분), 16:00~16:30", ("13:00", "16:30", 130), [],
                 id="two ranges and a break"),
    # durations joined by + are one total
    pytest.param("⏱ 45m + 30m", (None, None, 75), [], id="a sum"),
    pytest.param("⏱ 25m + 25m + 20m (pomodoros)", (None, None, 70), [], id="a sum of three"),
    pytest.param("- Time: 1h + 20m", (None, None, 80), [], id="hours and minutes added"),
    pytest.param("- 소요 시간: 30분 + 40분", (None, None, 70), [], id="a Korean sum"),
    pytest.param("- 学習時間：30分+40分", (None, None, 70), [], id="a Japanese sum"),
    pytest.param("- Time: 20:00-21:40 (50m + 50m)", ("20:00", "21:40", 100), [], id="a sum beside its range"),
]


@pytest.mark.parametrize("body, said, problems", ONE_LINE)
def test_a_time_log_of_one_line(body, said, problems):
    assert read(body) == (said, problems)


SEVERAL_LINES = [
    pytest.param("- Start: 14:05\n- End: 15:10\n- Duration: 65 min", ("14:05", "15:10", 65), [],
                 id="start, end and duration fields"),
    pytest.param("**Start:** 23:30\n**End:** 00:40", ("23:30", "00:40", 70), [], id="past midnight"),
    pytest.param("시작: 19:00\n종료: 20:45\n합계: 1시간 30분", ("19:00", "20:45", 90),
                 [info_line(4, 90, "19:00", "20:45", 105)], id="Korean total that disagrees"),
    pytest.param("### Time log\n- 14:00–15:30\n- took a 10 min break", ("14:00", "15:30", 80), [],
                 id="a break on a line of its own"),
    pytest.param("- Time: 21:10 - 22:30\n- learned things\n- Time log: Start 22:00 | End 23:45 | Duration 1h45m",
                 ("21:10", "22:30", 80),
                 ["s.md:4: warning: a second time log for one session, not counted: "
                  "'Start 22:00 | End 23:45 | Duration 1h45m'; counted the one on line 2 "
                  "(does a session header belong above this line?)"], id="two time logs: the first counts"),
    pytest.param("- 소요 시간: 약 40분\n- 시간: 1시간", (None, None, 40),
                 ["s.md:3: warning: a second time log for one session, not counted: '1시간'; counted the one on "
                  "line 2 (does a session header belong above this line?)"], id="two Korean durations"),
    pytest.param("- Start: 10:00\n- End: 11:00\n- Start: 12:00", ("10:00", "11:00", 60),
                 ["s.md:4: warning: a second time log for one session, not counted: '12:00'; counted the one on "
                  "line 2 (does a session header belong above this line?)"], id="a second start"),
]


@pytest.mark.parametrize("body, said, problems", SEVERAL_LINES)
def test_a_time_log_of_several_lines(body, said, problems):
    assert read(body) == (said, problems)


@pytest.mark.parametrize("value, start, end, minutes", [
    ("Time: 7:15pm-8:40pm", "19:15", "20:40", 85),
    ("Time: 7:15-8:40pm", "19:15", "20:40", 85),  # the start takes the end's pm: they stay in order
    ("Time: 11:30-1:00pm", "11:30", "13:00", 90),  # 23:30 would come after 13:00: the start stays
    ("Time: 11:30pm-12:40am", "23:30", "00:40", 70),
    ("Time: 9:00 AM - 10:30 AM", "09:00", "10:30", 90),
    ("Time: 12:10 p.m. to 1:00 p.m.", "12:10", "13:00", 50),
    ("시간: 오후 7:15 ~ 8:40", "19:15", "20:40", 85),
    ("時間: 午後 7:15〜8:40", "19:15", "20:40", 85),
    ("时间: 下午7:15-晚上9:00", "19:15", "21:00", 105),
    ("시간: 오전 9:00 ~ 오전 10:30", "09:00", "10:30", 90),
    # Korean words of the part of the day: 밤 (night) and 저녁 (evening) are after noon, 밤 12시
    # midnight; 새벽 (dawn) and 아침 (morning) before noon; 낮 (daytime) after it
    ("시간: 밤 9시 ~ 10시 40분", "21:00", "22:40", 100),
    ("시간: 저녁 7:30 ~ 9:00", "19:30", "21:00", 90),
    ("시간: 밤 11시 ~ 밤 12시 30분", "23:00", "00:30", 90),
    ("시간: 새벽 5시 ~ 6시 20분", "05:00", "06:20", 80),
    ("시간: 아침 7시 ~ 8시", "07:00", "08:00", 60),
    ("시간: 낮 1시 ~ 3시", "13:00", "15:00", 120),
    ("시간: 밤 1시 ~ 2시", "01:00", "02:00", 60),
])
def test_a_range_in_twelve_hour_time(value, start, end, minutes):
    log = read_timelog([Piece("time", value, Source("s.md", 3))], [], shipped_labels())
    assert (log.start, log.end, log.minutes) == (start, end, minutes)


OPENING_LINES = [
    pytest.param("Ch3 word2vec, finally. Coffee shop, 7:15pm-8:40pm.\n\nLearned:\n- CBOW", ("19:15", "20:40", 85),
                 id="a range in the opening text"),
    pytest.param("8:00pm-9:30pm\n\nLearned:\n- CBOW", ("20:00", "21:30", 90), id="a range alone"),
    pytest.param("1h 30m in the morning.\n\nLearned:\n- CBOW", (None, None, 90), id="a duration that opens the text"),
    pytest.param("20 minutes only.", (None, None, 20), id="a duration alone"),
    # not the session's time
    pytest.param("Watched a 10 min video first.\n\nLearned:\n- CBOW", None, id="a duration inside a sentence"),
    pytest.param("Learned:\n- CBOW\n\nRan it again 19:00-20:00", None, id="text after the first part"),
    pytest.param("Time: 45 min\n\nSkipped 7:00-8:00 for dinner", (None, None, 45), id="a time field comes first"),
]


@pytest.mark.parametrize("body, said", OPENING_LINES)
def test_a_session_without_a_time_log_takes_its_time_from_its_opening_lines(body, said):
    log, _ = parse_log(LogText("s.md", ("# Log", "", "## 2026-11-10", *body.splitlines())), shipped_labels())
    times = log.entries[0].timelog
    assert ((times.start, times.end, times.minutes) if times else None) == said
