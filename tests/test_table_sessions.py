"""A log kept as a table of sittings: log text in, sessions, watchlist, cards and page out.

A table whose header row has a date column and a column that names a part of a session
(``| 날짜 | 시간 | 배운 것 | 헷갈리는 것 |``, ``| Date | Time | Learned | Confused |``) holds one
session a row: its date cell is the session's header, each other cell the part its column
names, ``<br>`` a line break in a cell and ``\\|`` a bar of its text. A table with a date
column and no part's column (results by date), or a table inside a session, is a table only.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import Section, SectionKind
from studykb.parse import parse_log
from studykb.render.context import make_context
from studykb.render.session import render_session
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.conftest import visible_text

LABELS = shipped_labels()

KOREAN = """# 딥러닝 공부 기록

날짜는 월/일만 적음 (연도는 전부 2026년).

| 날짜 | 시간 | 범위 | 배운 것 | 헷갈리는 것 | 질문/답 | 다음에 할 것 | 실험 |
|---|---|---|---|---|---|---|---|
| 11/24(화) | 19:30~21:00 | 5.1 언어 모델<br>5.2 RNN | 은닉 상태 h<br>P(w \\| 맥락) | stateful이 뭔지 | Q. W_h는 시각마다 다른가?<br>A. 아님, 공유함 | 5.3 구현 | - |
| 11/26(목) | 19:00~20:10<br>22:00~22:30 | 5.3 RNN 구현 | TimeRNN | stateful (해결) — h를 들고 있음 | - | 6장 | `ch06/train_rnnlm.py` hidden 100, lr 20 → ppl 135 |
| 12/8(화) | 21:40~00:20 | 6.5 | 드롭아웃 | 마스크 공유 축 | - | 7장 | - |

메모: 6장까지 끝.
"""

ENGLISH = """# Study sheet (all 2026)

| Date | Time | Topics | Learned | Confused | Next |
|------|------|--------|---------|----------|------|
| Dec 3 | 19:00-20:30 | ch4 | embedding layer | negative sampling | 4.3 |
| Dec 5 | 10:00-11:00 | 4.3 | sigmoid loss | negative sampling (resolved) | 5.1 |
"""

JAPANESE = """# 学習表 2026

| 日付 | 時間 | 学んだこと | 次にやること |
|---|---|---|---|
| 12月3日 | 19:00-20:00 | Embedding | 4.3 |
"""


def parsed(text: str):
    return parse_log(LogText("sessions/log.md", tuple(text.splitlines())), LABELS)


def sections(entry) -> dict[SectionKind, list[str]]:
    found: dict[SectionKind, list[str]] = {}
    for block in entry.blocks:
        if isinstance(block, Section):
            found.setdefault(block.kind, []).extend(item.text for item in block.items)
    return found


@pytest.mark.parametrize("text, days, minutes, lines", [
    pytest.param(KOREAN, ["2026-11-24", "2026-11-26", "2026-12-08"], [90, 100, 160], [7, 8, 9], id="ko"),
    pytest.param(ENGLISH, ["2026-12-03", "2026-12-05"], [90, 60], [5, 6], id="en"),
    pytest.param(JAPANESE, ["2026-12-03"], [60], [5], id="ja"),
])
def test_a_row_is_a_session_dated_and_timed(text, days, minutes, lines):
    log, diagnostics = parsed(text)
    assert [f"{e.started:%Y-%m-%d}" for e in log.entries] == days
    assert [e.timelog.minutes for e in log.entries] == minutes
    assert [e.source.line for e in log.entries] == lines
    assert not [d for d in diagnostics if d.level == "error"]


def test_each_cell_is_the_part_its_column_names():
    log, _ = parsed(KOREAN)
    first = sections(log.entries[0])
    assert first[SectionKind.TOPICS] == ["5.1 언어 모델", "5.2 RNN"]
    assert first[SectionKind.LEARNED] == ["은닉 상태 h", "P(w | 맥락)"]
    assert first[SectionKind.WATCHLIST] == ["stateful이 뭔지"]
    assert first[SectionKind.RESUME] == ["5.3 구현"]
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    assert [(c.front, c.back) for c in knowledge.cards if c.kind == "qa"] == [("W_h는 시각마다 다른가?", "아님, 공유함")]
    assert [b.source.line for b in log.entries[0].blocks] and all(
        b.source.line == 7 for b in log.entries[0].blocks)


def test_an_empty_cell_and_an_experiment_cell():
    log, _ = parsed(KOREAN)
    other = [b for b in log.entries[1].blocks if isinstance(b, Section) and b.kind is SectionKind.OTHER]
    assert [(s.name, [i.text for i in s.items]) for s in other] == [
        ("실험", ["`ch06/train_rnnlm.py` hidden 100, lr 20 → ppl 135"])]
    assert not any(isinstance(b, Section) and b.name == "실험" for b in log.entries[0].blocks)  # ``-`` holds nothing


def test_the_lines_outside_the_table_are_the_logs():
    log, _ = parsed(KOREAN)
    assert log.title == "딥러닝 공부 기록"
    assert [b.source.line for b in log.preamble] == [1, 3, 11]


def test_a_later_row_resolves_a_watchlist_item():
    log, _ = parsed(KOREAN)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    status = {w.text: w.status for w in knowledge.watchlist}
    assert status["stateful이 뭔지"] == "resolved"
    english, _ = link([parsed(ENGLISH)[0]], build_lexicon([], frozenset()), 3)
    assert {w.text: w.status for w in english.watchlist}["negative sampling"] == "resolved"


def test_a_row_whose_date_reads_as_no_date_is_said_and_the_rest_built():
    text = ENGLISH.replace("| Dec 5 |", "| later |")
    log, diagnostics = parsed(text)
    assert [e.source.line for e in log.entries] == [5]
    said = [d for d in diagnostics if d.level == "error"]
    assert [(d.line, "'later'" in d.message) for d in said] == [(6, True)]
    assert 6 in [b.source.line for b in log.preamble]


@pytest.mark.parametrize("text", [
    pytest.param("# results\n\n## 2026-12-03\n\n| date | loss | acc |\n|---|---|---|\n| 12/3 | 0.5 | 0.9 |\n",
                 id="results by date inside a session"),
    pytest.param("# results\n\n| date | loss | acc |\n|---|---|---|\n| 12/3 | 0.5 | 0.9 |\n",
                 id="results by date, no session"),
    pytest.param("# log\n\n## 2026-12-03\n\n| 날짜 | 배운 것 |\n|---|---|\n| 12/1 | 복습 |\n",
                 id="a table of days inside a session"),
])
def test_a_table_that_is_no_table_of_sittings(text):
    log, _ = parsed(text)
    assert len(log.entries) <= 1
    assert all(e.source.line == 3 for e in log.entries)


def test_hostile_html_in_a_cell_shows_as_text():
    text = ENGLISH.replace("embedding layer", "<script>alert(1)</script> <img src=x onerror=alert(2)>")
    log, _ = parsed(text)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    assert "<script>" not in page and "<img" not in page
    assert "<script>alert(1)</script>" in visible_text(page)


def test_a_bar_written_escaped_stays_in_its_cell():
    log, _ = parsed(KOREAN)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    assert "P(w | 맥락)" in visible_text(page)
