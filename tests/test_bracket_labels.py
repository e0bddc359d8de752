"""A part's name in brackets (``【还没懂】``, ``〔まとめ〕``, ``［明天］``, ``[今日学习]``), alone on its
line or at the start of a paragraph: log text in, the session's parts, fields and time out."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import QA, Field, SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"
W, L, R, T, O = (SectionKind.WATCHLIST, SectionKind.LEARNED, SectionKind.RESUME, SectionKind.TOPICS,
                 SectionKind.OTHER)


def entry(body: str):
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    return log.entries[0]


def sections(body: str) -> list[tuple[SectionKind, str, list[str]]]:
    return [(s.kind, s.name, [i.text for i in s.items]) for s in entry(body).sections]


@pytest.mark.parametrize("name, kind", [
    ("【今天学了】", T), ("【理解了】", L), ("【还没懂】", W), ("【明天】", R), ("【没想通的地方】", W),
    ("〔今日やったこと〕", T), ("【わからない】", W), ("［次回］", R), ("【分かったこと】", L),
    ("【오늘 배운 것】", L), ("【헷갈리는 것】", W), ("【다음 시간】", R), ("[今日学习]", T), ("[Still confused]", W),
])
def test_a_bracketed_name_alone_on_its_line_opens_its_part(name, kind):
    assert sections(f"{name}\n共现矩阵 vs PPMI\n\n第二行") == [(kind, name[1:-1], ["共现矩阵 vs PPMI", "第二行"])]


@pytest.mark.parametrize("line, kind, name, item", [
    ("【理解了】分布式假设：一个词的含义由周围的词决定。", L, "理解了", "分布式假设：一个词的含义由周围的词决定。"),
    ("【今天学了】第3章 CBOW 模型。", T, "今天学了", "第3章 CBOW 模型。"),
    ("【还没懂】为什么要取平均？", W, "还没懂", "为什么要取平均？"),
    ("【明天】4.2 负采样。", R, "明天", "4.2 负采样。"),
    ("【明天】：4.2 负采样。", R, "明天", "4.2 负采样。"),
    ("〔次回〕5章 RNN", R, "次回", "5章 RNN"),
    ("【아직 헷갈림】 PMI와 PPMI", W, "아직 헷갈림", "PMI와 PPMI"),
    ("[Next session] implement CBOW", R, "Next session", "implement CBOW"),
])
def test_a_bracketed_name_starting_a_paragraph_opens_its_part_with_the_rest_as_its_first_line(line, kind, name, item):
    assert sections(f"{line}\n第二行") == [(kind, name, [item, "第二行"])]


def test_bracketed_parts_follow_one_another_as_headings_do():
    body = "【今天学了】\nPPMI、SVD\n\n【还没懂】\n1. S 代表什么？\n2. randomized_svd？\n\n【明天】开始第3章。"
    assert [(kind, items) for kind, _, items in sections(body)] == [
        (T, ["PPMI、SVD"]), (W, ["S 代表什么？", "randomized_svd？"]), (R, ["开始第3章。"])]


def test_a_bracketed_qa_name_holds_its_questions_and_answers():
    session = entry("【问答】\n问：为什么要排除查询词？\n答：自己和自己的相似度是 1。")
    assert [s.name for s in session.sections] == ["问答"]
    assert sum(isinstance(b, QA) for b in session.blocks) == 2


@pytest.mark.parametrize("line, minutes", [
    ("【用时】1小时20分", 80), ("【用时】约90分钟", 90), ("【用时】2小时（中间吃饭停了半小时，不算）", 120),
    ("【用时】55分钟", 55), ("【用时】下午 2:10 到 4:30，约2小时20分", 140), ("【用时】1小时05分", 65),
    ("〔学習時間〕1時間20分", 80), ("【공부 시간】 1시간 20분", 80), ("[Time] 1h 20m", 80),
])
def test_a_bracketed_time_name_is_the_sessions_time_log(line, minutes):
    session = entry(f"【今天学了】\nCBOW\n\n{line}")
    assert session.minutes == minutes
    assert [b.value for b in session.blocks if isinstance(b, Field)] == [line.split("】")[-1].split("〕")[-1]
                                                                         .split("]")[-1].strip()]


def test_a_clock_range_in_brackets_gives_the_sessions_times():
    session = entry("【用时】下午 2:10 到 4:30，约2小时20分")
    assert (session.timelog.start, session.timelog.end) == ("14:10", "16:30")


@pytest.mark.parametrize("line", [
    "[x] ran train.py",  # a task box
    "[1] Mikolov et al., 2013",  # a citation
    "[Notes](notes.md) on the loss",  # a link
    "[Aside] later",  # a name the labels do not know, in ASCII brackets
    "【重要】SVD 很关键",  # an unknown name going on: a line of the text
])
def test_a_bracketed_word_that_names_no_part_stays_a_line(line):
    assert [s for s in entry(line).sections if s.items] == []
    assert any(getattr(b, "text", "") == line for b in entry(line).blocks)


def test_an_unknown_bracketed_name_alone_opens_a_part_of_its_own_as_a_bold_name_does():
    assert sections("【感想】\n书写得很好。") == [(O, "感想", ["书写得很好。"])]


@pytest.mark.parametrize("line", [
    "今天太累，没学。", "今天加班，没学", "- Too tired, skipped.", "오늘은 피곤해서 못 함", "- 오늘은 못 함",
    "今日は休み", "今日は疲れたので休み。",
])
def test_a_day_that_says_it_did_not_study_is_no_session_that_took_place(line):
    session = entry(line)
    assert session.cancelled is not None and session.minutes is None


@pytest.mark.parametrize("line", [
    "- 소요 시간: 20:30~22:00 (중간에 15분 쉼)",  # a break in parentheses
    "Read 5.1, skipped the exercises.",
    "【今天学了】CBOW，没学 skip-gram",
])
def test_a_line_that_only_mentions_a_pause_or_a_skipped_part_leaves_the_session_taken_place(line):
    assert entry(line).cancelled is None


@pytest.mark.parametrize("line", [
    "还有：书上说下一节用负采样解决，但听起来像作弊，不知道为什么结果还能一样好。",
    "PMI vs PPMI — the book says 3.1 solves it, but I don't know why it works",
    "PMI vs PPMI — 책에서는 해결, 하지만 왜 되는지 모르겠음",
])
def test_a_watchlist_line_whose_resolving_word_is_turned_against_stays_open(line):
    session = entry(f"【还没懂】\n{line}")
    assert [i.resolves for s in session.sections for i in s.items] == [None]


@pytest.mark.parametrize("line", [
    "softmax vs sigmoid：理解了，不再混淆",
    "PMI vs PPMI — resolved, still unsure about the eps",
    "PMI vs PPMI — 해결, 설명할 수 있음",
])
def test_a_watchlist_line_resolved_with_a_remark_after_stays_resolved(line):
    session = entry(f"【还没懂】\n{line}")
    assert [i.resolves is not None for s in session.sections for i in s.items] == [True]
