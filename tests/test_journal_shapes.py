"""Journal and tutor-log shapes, log text in, sessions, parts and minutes out.

A log whose headings open no session may open one with a bold line that holds a date
(one session per ``---``-separated block); a duration may be written ``1h30`` and come
after a timer sign; a part opened by a line that names it and goes on holds that line's
paragraph, not the paragraphs after it, nor the labelled lines beside it.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Field, Note, Section, SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.timelog import says_time

LABELS = shipped_labels()


def parse(text: str):
    return parse_log(LogText("log.md", tuple(text.splitlines())), LABELS)


def parts(entry) -> list[tuple[SectionKind, list[str]]]:
    return [(b.kind, [i.text for i in b.items]) for b in entry.blocks if isinstance(b, Section)]


@pytest.mark.parametrize("log, dates, minutes", [
    ("# Tutoring log\n\n---\n\n**Mon 2026-12-07, 19:30–21:00**\n\nCovered: 4.1\n\n---\n\n"
     "**Thu 2026-12-10, 19:00–20:15**\n\nCovered: 4.2\n",
     ["2026-12-07 19:30", "2026-12-10 19:00"], [90, 75]),
    ("**2027-01-04 (Mon) 7:00pm-8:30pm**\nTopics: RNN\n\n**2027-01-06**\nTopics: LSTM\nTime: 45 min\n",
     ["2027-01-04 19:00", "2027-01-06 00:00"], [90, 45]),
    ("# 과외 기록\n\n__2026-12-07 (월) 19:30–21:00__\n\n다룬 내용: 5장\n",
     ["2026-12-07 19:30"], [90]),
])
def test_bold_date_lines_open_sessions_when_no_heading_does(log, dates, minutes):
    parsed, problems = parse(log)
    assert [e.started.strftime("%Y-%m-%d %H:%M") for e in parsed.entries] == dates
    assert [e.timelog.minutes for e in parsed.entries] == minutes
    assert not [p for p in problems if p.level == "error"]


@pytest.mark.parametrize("log, sessions", [
    # headings open sessions: a bold dated line inside one is its text, not another session
    ("## 2026-12-07\n**2026-12-08 update**\nLearned: x\n", 1),
    # a bold line without a year is no session header
    ("**Mon 12/07**\nLearned: x\n", 0),
    # bold in the middle of a line is no header either
    ("Met on **2026-12-07** after class\n", 0),
])
def test_bold_lines_that_open_no_session(log, sessions):
    assert len(parse(log)[0].entries) == sessions


@pytest.mark.parametrize("line, minutes", [
    ("⏱ 1h30", 90), ("⏱ 1h45", 105), ("⏱ 45m", 45), ("🕒 2h10 (morning 1h, evening 1h10)", 130),
    ("1h30m", 90), ("1h 30m", 90), ("1시간30분", 90), ("⏱ 1시간 20분", 80), ("2h", 120),
])
def test_opening_durations(line, minutes):
    parsed, _ = parse(f"## 2026-12-04\n\n{line}\n\n- [x] read 4.2\n")
    assert says_time(line)
    assert parsed.entries[0].timelog.minutes == minutes


@pytest.mark.parametrize("line", ["Watched a 10 min video", "⭐ read 4.2 in 1h30", "ch05, 100 epochs"])
def test_lines_that_say_no_session_time(line):
    assert not says_time(line)


@pytest.mark.parametrize("body, expected, notes", [
    # a labelled line's paragraph is its part; the paragraph after a blank line is not
    ("❓ still unclear: why add.at\n\nTried: ran train.py\n\n#word2vec #rnn\n",
     [(SectionKind.WATCHLIST, ["why add.at"])], ["#word2vec #rnn"]),
    ("Still confused: BPTT vs truncated BPTT\n\nThe backward is cut at block edges.\n",
     [(SectionKind.WATCHLIST, ["BPTT vs truncated BPTT"])], ["The backward is cut at block edges."]),
    ("헷갈린 것: 맥락 vs 타깃\n\n오늘은 여기까지.\n",
     [(SectionKind.WATCHLIST, ["맥락 vs 타깃"])], ["오늘은 여기까지."]),
    # the lines right after it (no blank line) are still its items, as before; one that
    # goes on it (wrapped.py) is more of its item
    ("Still confused: BPTT\nsoftmax vs sigmoid\n", [(SectionKind.WATCHLIST, ["BPTT", "softmax vs sigmoid"])], []),
    ("Still confused: BPTT\nand truncated BPTT\n", [(SectionKind.WATCHLIST, ["BPTT and truncated BPTT"])], []),
    # a part opened by its name alone keeps its paragraphs
    ("**Watchlist**\n\nBPTT\n\nsoftmax vs sigmoid\n", [(SectionKind.WATCHLIST, ["BPTT", "softmax vs sigmoid"])], []),
])
def test_a_part_named_on_its_line_holds_its_paragraph(body, expected, notes):
    entry = parse("## 2026-12-04\n" + body)[0].entries[0]
    assert parts(entry) == expected
    assert [b.text for b in entry.blocks if isinstance(b, Note)] == notes


@pytest.mark.parametrize("body, expected, fields", [
    ("Covered: 5.1, 5.2\nKey ideas: RNN shares weights\nStruggled with: truncated BPTT\n"
     "Homework: TimeRNN\nExperiment: ran train.py with hidden=100, got ppl 130\n",
     [(SectionKind.TOPICS, ["5.1, 5.2"]), (SectionKind.LEARNED, ["RNN shares weights"]),
      (SectionKind.WATCHLIST, ["truncated BPTT"]), (SectionKind.RESUME, ["TimeRNN"])],
     ["Experiment"]),
    ("다룬 내용: 5장\n숙제: TimeRNN 구현\n실험: train.py, ppl 130\n",
     [(SectionKind.TOPICS, ["5장"]), (SectionKind.RESUME, ["TimeRNN 구현"])], ["실험"]),
])
def test_labelled_lines_side_by_side_are_each_their_own(body, expected, fields):
    entry = parse("## 2026-12-07\n" + body)[0].entries[0]
    assert parts(entry) == expected
    assert [b.name for b in entry.blocks if isinstance(b, Field)] == fields


@pytest.mark.parametrize("item, resolved", [
    ("nothing new — truncated BPTT finally clicked", True),
    ("p^0.75 is fine now", True),
    ("softmax vs sigmoid", False),
])
def test_resolving_words(item, resolved):
    entry = parse(f"## 2026-12-07\nStruggled with: {item}\n")[0].entries[0]
    (section,) = [b for b in entry.blocks if isinstance(b, Section)]
    assert (section.items[0].resolves is not None) is resolved
