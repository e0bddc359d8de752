"""A log exported from Notion, a page per day: a level-1 heading with a month and day, the
page's properties under it (its created time gives the year and the time of day), and
toggles (``<details><summary>…</summary>``) that name the session's parts. Log in,
sessions and parts out."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from studykb.diagnostics import Level
from studykb.model import Field, Note, Section, SectionKind
from tests.test_session_headers import parse

KO = ("# 12/2 (수) 4장 word2vec\n\n생성 일시: 2026년 12월 2일 오후 7:30\n태그: word2vec, 4장\n상태: 진행 중\n\n"
      "- Embedding 계층\n\n⏱ 1시간 20분\n\n"
      "# 12/3 (목) 네거티브 샘플링\n\n생성 일시: 2026년 12월 3일 오후 8:05\n\n- 시그모이드\n")
EN = ("# Dec 2 (Wed) ch4 word2vec\n\nCreated: December 2, 2026 7:30 PM\nTags: word2vec\n\n- embedding\n\n"
      "# Dec 4 (Fri) negative sampling\n\nCreated: December 4, 2026 9:15 AM\nStatus: done\n\n- sigmoid\n")
JA = "# 12/2（水）4章\n\n作成日時: 2026年12月2日 19:30\n\n- Embedding\n\n# 12/3（木）5章\n\n作成日時: 2026年12月3日 20:00\n\n- RNN\n"


@pytest.mark.parametrize("log, started", [
    (KO, [datetime(2026, 12, 2, 19, 30), datetime(2026, 12, 3, 20, 5)]),
    (EN, [datetime(2026, 12, 2, 19, 30), datetime(2026, 12, 4, 9, 15)]),
    (JA, [datetime(2026, 12, 2, 19, 30), datetime(2026, 12, 3, 20)]),
    # a Japanese or Chinese word for the half of the day before the hour (午後, 下午, 午前, 上午)
    ("# 12/2（水）4章\n\n作成日時: 2026年12月2日 午後 7:30\n\n- a\n\n# 12/3（木）5章\n\n作成日時: 2026年12月3日 午前11:05\n\n- b\n",
     [datetime(2026, 12, 2, 19, 30), datetime(2026, 12, 3, 11, 5)]),
    ("# 12/2（周三）4章\n\n创建时间: 2026年12月2日 下午7:30\n\n- a\n\n# 12/3（周四）5章\n\n创建时间: 2026年12月3日 上午 9:15\n\n- b\n",
     [datetime(2026, 12, 2, 19, 30), datetime(2026, 12, 3, 9, 15)]),
    # a created time on another day gives the year, not the hour
    ("# 12/2 (Wed) ch4\n\nCreated: 2026-12-01 23:50\n\n- a\n\n# 12/3 (Thu) ch4\n\n- b\n",
     [datetime(2026, 12, 2), datetime(2026, 12, 3)]),
    # the heading's own time wins
    ("# 12/2 (Wed) 21:00 ch4\n\nCreated: 2026-12-02 19:30\n\n- a\n", [datetime(2026, 12, 2, 21)]),
])
def test_level_1_month_day_headings_open_sessions_at_their_created_time(log, started):
    parsed, problems = parse(log)
    assert [e.started for e in parsed.entries] == started
    assert not [p for p in problems if p.level is Level.ERROR]


def test_a_log_title_without_a_date_stays_the_title():
    parsed, _ = parse("# 공부 기록\n\nword2vec 정리\n\n# 12/2 (수) 4장\n\n생성 일시: 2026년 12월 2일 오후 7:30\n\n- a\n"
                      "\n# 12/3 (목) 5장\n\n생성 일시: 2026년 12월 3일 오후 8:00\n\n- b\n")
    assert parsed.title == "공부 기록"
    assert [e.source.line for e in parsed.entries] == [5, 11]


@pytest.mark.parametrize("log, facts", [
    (KO, [("생성 일시", "2026년 12월 2일 오후 7:30"), ("태그", "word2vec, 4장"), ("상태", "진행 중")]),
    (EN, [("Created", "December 2, 2026 7:30 PM"), ("Tags", "word2vec")]),
])
def test_the_properties_are_the_sessions_facts(log, facts):
    parsed, _ = parse(log)
    first = parsed.entries[0]
    assert [(b.name, b.value) for b in first.blocks if isinstance(b, Field)] == facts


def test_a_name_value_run_without_a_created_time_is_read_as_before():
    parsed, _ = parse("## 2026-12-02\n\nLearned: softmax\n")
    assert isinstance(parsed.entries[0].blocks[0], Section)


@pytest.mark.parametrize("text, minutes", [("⏱ 1시간 20분", 80), ("⏱️ 50 min", 50), ("⏳ 2h 10m (waiting for training)", 130)])
def test_a_timer_and_a_duration_is_the_study_time(text, minutes):
    parsed, _ = parse(f"## 2026-12-02 19:00\n\n- softmax\n\n{text}\n")
    assert parsed.entries[0].timelog.minutes == minutes


TOGGLES = ("## 2026-12-02 19:00\n\n<details>\n<summary>오늘 배운 것</summary>\n\n- Embedding 계층\n- np.add.at\n\n</details>\n\n"
           "<details>\n<summary>헷갈리는 것</summary>\n\n- ~~대입 vs 더하기~~ → 해결\n- 원핫 × 행렬 곱\n\n</details>\n\n"
           "<details><summary>Questions</summary>\n\nQ. why 0.75?\nA. empirical\n\n</details>\n\nafter the toggles\n")


def test_a_toggle_is_the_part_its_summary_names():
    parsed, _ = parse(TOGGLES)
    blocks = parsed.entries[0].blocks
    parts = [(b.name, b.kind, [i.text for i in b.items]) for b in blocks if isinstance(b, Section)]
    assert parts[:2] == [("오늘 배운 것", SectionKind.LEARNED, ["Embedding 계층", "np.add.at"]),
                         ("헷갈리는 것", SectionKind.WATCHLIST, ["~~대입 vs 더하기~~ → 해결", "원핫 × 행렬 곱"])]
    watch = next(b for b in blocks if isinstance(b, Section) and b.kind is SectionKind.WATCHLIST)
    assert watch.items[0].resolves is not None and watch.items[1].resolves is None
    notes = [b.text for b in blocks if isinstance(b, Note)]
    assert notes == ["after the toggles"]  # the tags are no text; the line after the toggle is no item of it
    assert not any("<" in b.name for b in blocks if isinstance(b, Section))


@pytest.mark.parametrize("line", ['<details open class="x">', "<details>\n<summary><b>배운 것</b></summary>", "</details>"])
def test_other_html_stays_text(line):
    parsed, _ = parse(f"## 2026-12-02 19:00\n\n{line}\n- a\n")
    texts = [b.text for b in parsed.entries[0].blocks if isinstance(b, Note)]
    assert texts and texts[0].startswith("<")


@pytest.mark.parametrize("body", [
    "<details><summary>오늘 배운 것</summary>\n\n- <script>alert(1)</script> softmax\n\n</details>\n",
    "<details><summary><img src=x onerror=alert(1)></summary>\n\n- a\n\n</details>\n",
    '<details open onclick="alert(1)"><summary>Learned</summary>\n\n- b\n\n</details>\n',
    "<details><summary>{{ config }} {% raw %}</summary>\n\n- c\n\n</details>\n",
])
def test_a_toggle_is_never_markup_on_the_page_and_its_lines_are_still_there(body):
    from tests.test_session_page import built

    _, page = built(body)
    for live in ("<script", "<img", "<details", "<summary"):
        assert live not in page
    assert not re.search(r"<[a-z][^>]*\son\w+=", page)  # no handler inside a tag: "onclick=" only as text
    for line in body.splitlines():
        text = line.strip().removeprefix("- ")
        if text and not text.startswith(("<details", "</details")):
            assert text.split("</summary>")[0].removeprefix("<details><summary>").split("<")[0].strip() in \
                page.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
