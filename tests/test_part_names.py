"""What a part's name means, in the words learners and tutors write in English, Korean,
Japanese and Chinese: log text in, the kinds of its parts out."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"


def sections(body: str) -> list[tuple[SectionKind, list[str]]]:
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    return [(s.kind, [i.text for i in s.items]) for s in log.entries[0].sections]


@pytest.mark.parametrize("name", [
    # What is still unclear, however a learner says it.
    "まだモヤモヤ", "もやもやしている点", "混乱している点", "よくわからない", "腑に落ちないところ", "苦手なところ",
    "つまずいた所", "まだ曖昧", "Still fuzzy", "Fuzzy", "Confusions", "Not sure yet", "Things I don't get",
    "Doubts", "Weak points", "Not mastered yet", "모르겠는 것", "아직 애매한 부분", "찜찜한 점", "약점",
    "还不懂", "困惑", "没搞懂的地方", "不太清楚", "模糊的概念", "学生未掌握", "没学会",
])
def test_a_part_of_what_is_still_unclear_is_the_watchlist(name):
    assert sections(f"### {name}\n- PMI vs PPMI") == [(SectionKind.WATCHLIST, ["PMI vs PPMI"])]


@pytest.mark.parametrize("name, kind", [
    # A tutor's notes: what the session covered, what the student has mastered, homework.
    ("本次内容", SectionKind.TOPICS),
    ("这次内容", SectionKind.TOPICS),
    ("今日の内容", SectionKind.TOPICS),
    ("오늘 수업 내용", SectionKind.TOPICS),
    ("This session", SectionKind.TOPICS),
    ("学生已掌握", SectionKind.LEARNED),
    ("学生已掌握（表格）", SectionKind.LEARNED),
    ("Student has mastered", SectionKind.LEARNED),
    ("理解できたこと", SectionKind.LEARNED),
    ("이해한 것", SectionKind.LEARNED),
    # What the student understood is what was learned.
    ("生徒の理解", SectionKind.LEARNED),
    ("学生の理解", SectionKind.LEARNED),
    ("生徒ができるようになったこと", SectionKind.LEARNED),
    ("학생 이해", SectionKind.LEARNED),
    ("学生的理解", SectionKind.LEARNED),
    ("Student's understanding", SectionKind.LEARNED),
    ("作业", SectionKind.RESUME),
    ("课后作业", SectionKind.RESUME),
    ("宿題", SectionKind.RESUME),
    ("숙제", SectionKind.RESUME),
    ("Homework", SectionKind.RESUME),
    # A session's notes are what was learned in it, named alone.
    ("Notes", SectionKind.LEARNED),
    ("My notes", SectionKind.LEARNED),
    ("メモ", SectionKind.LEARNED),
    ("메모", SectionKind.LEARNED),
    ("笔记", SectionKind.LEARNED),
    # ... not a longer name that holds the word.
    ("Notes on the experiment", SectionKind.OTHER),
    ("結果メモ", SectionKind.OTHER),
    ("实验", SectionKind.OTHER),
])
def test_a_tutors_part_is_named_in_its_own_language(name, kind):
    assert sections(f"### {name}\n- PMI vs PPMI") == [(kind, ["PMI vs PPMI"])]


@pytest.mark.parametrize("line, kind, item", [
    ("作业：实现 TimeRNN", SectionKind.RESUME, "实现 TimeRNN"),
    ("宿題: 4.3 を読む", SectionKind.RESUME, "4.3 を読む"),
    ("**Homework:** read 6.1", SectionKind.RESUME, "read 6.1"),
    ("Notes: the loss went down", SectionKind.LEARNED, "the loss went down"),
])
def test_a_label_with_its_value_names_the_same_parts(line, kind, item):
    assert sections(line) == [(kind, [item])]


def test_a_note_in_the_singular_still_opens_nothing():
    assert sections("- Note: the loss went down") == []


T, R, O = SectionKind.TOPICS, SectionKind.RESUME, SectionKind.OTHER


@pytest.mark.parametrize("body, expected", [
    # A day's task list: ticked tasks are what the session did, open ones the plan.
    ("## Tasks\n- [x] Read 4.1 Embedding layer\n- [X] Implement forward\n- [ ] Run the toy test",
     [(T, ["Read 4.1 Embedding layer", "Implement forward"]), (R, ["Run the toy test"])]),
    ("### 할 일\n- [ ] 6장 LSTM\n- [x] 5장 읽기", [(R, ["6장 LSTM"]), (T, ["5장 읽기"])]),
    ("### タスク\n- [✓] 4.2 を読む\n- [ ] PTB で学習", [(T, ["4.2 を読む"]), (R, ["PTB で学習"])]),
    ("- [x] read ch5\n- [ ] write TimeRNN", [(T, ["read ch5"]), (R, ["write TimeRNN"])]),
    # an item nested under a task goes with it; a line without a box stays in the part as named
    ("## Tasks\n- [x] Read 4.2\n  - up to the sigmoid\n- check the figures",
     [(T, ["Read 4.2", "up to the sigmoid"]), (O, ["check the figures"])]),
    # the resume point's ticked tasks are done; its open ones stay the plan
    ("### Next\n- [ ] implement CBOW\n- [x] download PTB", [(R, ["implement CBOW"]), (T, ["download PTB"])]),
    # a watchlist's boxes say what is resolved, and learned items stay learned: they keep their boxes
    ("### Watchlist\n- [x] PMI vs PPMI\n- [ ] offset", [(SectionKind.WATCHLIST, ["[x] PMI vs PPMI", "[ ] offset"])]),
    ("### What I learned\n- [x] SVD", [(SectionKind.LEARNED, ["[x] SVD"])]),
    # a link whose text is x is no box
    ("## Links\n- [x](https://example.com) the post", [(O, ["[x](https://example.com) the post"])]),
])
def test_a_task_list_is_read_by_its_boxes(body, expected):
    assert sections(body) == expected


def test_a_task_list_part_of_any_name_is_not_said_to_be_unknown():
    log = "\n".join(f"## 2026-11-2{day}\n## Tasks\n- [x] read\n- [ ] run" for day in (2, 4))
    _, problems = parse_log(LogText("sessions/t.md", tuple(log.splitlines())), LABELS)
    assert not [p for p in problems if "not one studykb knows" in p.message]


def items(body: str) -> list[tuple[SectionKind, list[tuple[str, int]]]]:
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    return [(s.kind, [(i.text, i.depth) for i in s.items]) for s in log.entries[0].sections]


@pytest.mark.parametrize("body, expected", [
    # A sentence ending in a colon holds a part's word (まとめ, 정리) but says what was done: an
    # item of the part it is in, the lines under it its own, one line each.
    ("### 生徒の理解\n- 4つの式をまとめてきた：\n  f = σ(x W_x + h W_h + b)、g = tanh(...)、i = σ(...)、o = σ(...)\n"
     "  c_t = f ⊙ c_{t-1} + g ⊙ i、h_t = o ⊙ tanh(c_t)\n- forget ゲートの役割も理解。",
     [(SectionKind.LEARNED, [("4つの式をまとめてきた：", 0),
                             ("f = σ(x W_x + h W_h + b)、g = tanh(...)、i = σ(...)、o = σ(...)", 1),
                             ("c_t = f ⊙ c_{t-1} + g ⊙ i、h_t = o ⊙ tanh(c_t)", 1), ("forget ゲートの役割も理解。", 0)])]),
    ("### 배운 것\n- 게이트 식을 노트에 정리해 왔다:\n  - f = σ(...)\n  - o = σ(...)\n- 기억 셀은 밖으로 나가지 않는다.",
     [(SectionKind.LEARNED, [("게이트 식을 노트에 정리해 왔다:", 0), ("f = σ(...)", 1), ("o = σ(...)", 1),
                             ("기억 셀은 밖으로 나가지 않는다.", 0)])]),
    # A name its part's word ends is still that part's name.
    ("### 今日の範囲\n- 6.2 LSTM\n- 今日学んだ：\n  - ゲートの役割", [(SectionKind.TOPICS, [("6.2 LSTM", 0)]),
                                                         (SectionKind.LEARNED, [("ゲートの役割", 0)])]),
    ("### 진도\n- 6.2 LSTM\n- 정리:\n  - 게이트", [(SectionKind.TOPICS, [("6.2 LSTM", 0)]), (SectionKind.LEARNED, [("게이트", 0)])]),
    # A label with a value that is a sentence is still its part: the value is what ends in a verb.
    ("- 배운 점: 역전파를 이해했다", [(SectionKind.LEARNED, [("역전파를 이해했다", 0)])]),
    ("- 学んだこと：逆伝播を理解した", [(SectionKind.LEARNED, [("逆伝播を理解した", 0)])]),
    ("- 헷갈림: 아직 모르겠다", [(SectionKind.WATCHLIST, [("아직 모르겠다", 0)])]),
])
def test_a_sentence_ending_in_a_colon_leads_into_its_lines_in_its_part(body, expected):
    assert items(body) == expected


def named_parts(body: str) -> list[tuple[str, SectionKind, int, list[str]]]:
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    return [(s.name, s.kind, s.source.line, [i.text for i in s.items]) for s in log.entries[0].sections]


@pytest.mark.parametrize("body, expected", [
    # A heading with nothing under it but lines that name parts heads their names: no empty part.
    ("#### Weekly review\n\nStill fuzzy: reversed input.\nGot it now: argmax.\nNext week: chapter 8.",
     [("Weekly review — Still fuzzy", SectionKind.WATCHLIST, 2, ["reversed input."]),
      ("Weekly review — Got it now", SectionKind.LEARNED, 5, ["argmax."]),
      ("Weekly review — Next week", SectionKind.RESUME, 6, ["chapter 8."])]),
    ("### 주간 회고\n아직 헷갈림: 역방향 입력\n다음 시간: 8장",
     [("주간 회고 — 아직 헷갈림", SectionKind.WATCHLIST, 2, ["역방향 입력"]),
      ("주간 회고 — 다음 시간", SectionKind.RESUME, 4, ["8장"])]),
    # A heading with lines of its own keeps them; the named lines after them are parts of their own.
    ("### Review\nRe-read 7.2.\nStill fuzzy: EOS.",
     [("Review", SectionKind.OTHER, 2, ["Re-read 7.2."]), ("Still fuzzy", SectionKind.WATCHLIST, 4, ["EOS."])]),
])
def test_an_empty_heading_over_named_lines_heads_their_names(body, expected):
    assert named_parts(body) == expected


def test_a_named_line_under_an_empty_heading_resolves_as_it_would_alone():
    from tests.test_session_page import built
    knowledge, _ = built("#### Weekly review\n\nStill fuzzy: PMI vs PPMI\n\n"
                         "## Session: 2026-03-06 09:00:00 KST\n\n#### Weekly review\n\nGot it now: PMI vs PPMI")
    assert [w.status for w in knowledge.watchlist] == ["resolved"]


def test_an_empty_heading_over_named_lines_is_on_the_page_once_with_them():
    from tests.test_session_page import assert_every_line_shown, built
    body = "#### Weekly review\n\nStill fuzzy: reversed input.\nNext week: chapter 8."
    _, page = built(body)
    assert_every_line_shown(body, page)
    assert "Weekly review:" not in page and "Weekly review — Still fuzzy:" in page
