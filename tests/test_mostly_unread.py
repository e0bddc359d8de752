"""What ``make check`` says once when most sessions of a log keep most of their lines in no
part studykb reads (their page shows them under "Everything else in the entry"): a layout
partly understood, log text in, the one info out (or none)."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()
PARTLY = ("1. Warm-up\n   - 4.1 Embedding\n   - 4.2 negative sampling\n2. Pair work\n   - wrote forward\n"
          "   - wrote backward\n- ?? why np.add.at\n- Q: why 0.75?\n- A: empirical\n")
PARTLY_KO = ("1. 몸풀기\n   - 4.1 임베딩\n   - 4.2 네거티브 샘플링\n2. 같이 짜 본 코드\n   - 순전파 구현\n   - 역전파 구현\n"
             "- ?? np.add.at 이유\n")
READ = ("- Learned:\n  - Embedding picks a row\n  - np.add.at adds duplicates\n- ?? why 0.75\n"
        "- Next: train.py\n- plain remark\n")


def notes(*bodies: str) -> list[str]:
    text = ["# Log", ""]
    for n, body in enumerate(bodies, 1):
        text += [f"## 2026-12-0{n} 19:00-20:00", *body.splitlines(), ""]
    _, diagnostics = parse_log(LogText("sessions/t.md", tuple(text)), LABELS)
    return [str(d) for d in diagnostics if "Everything else" in d.message]


def test_a_log_whose_sessions_are_mostly_unread_is_reported_once_at_the_first():
    assert notes(PARTLY, PARTLY, READ) == [
        "sessions/t.md:3: info: 2 of 3 sessions keep most of their lines in no part studykb reads, shown under "
        "'Everything else in the entry' (the first here: of its 9 lines it read only watchlist (1), Q/A (2), "
        "a time log) — README 'Writing a log' shows the parts it reads"]


def test_a_korean_log_is_reported_the_same_way():
    assert len(notes(PARTLY_KO, PARTLY_KO)) == 1


@pytest.mark.parametrize("bodies", [
    (READ, READ, READ),
    (PARTLY, READ, READ),  # one session in three is no pattern of the log
    ("- one\n- two\n- ?? three\n", "- one\n- two\n- ?? three\n"),  # sessions too short to say
    ("- a\n- b\n- c\n- d\n- e\n", "- a\n- b\n- c\n- d\n- e\n"),  # read not at all: said elsewhere
])
def test_a_log_read_mostly_or_not_at_all_gets_no_such_info(bodies):
    assert notes(*bodies) == []


# A sentence that says something is understood now, and none of the session's lines flags a
# confusion: no watchlist item is read (the session's watchlist stays empty).
UNDERSTOOD = ("晚上在地铁上看第2章。\n\n那个问题终于懂了：PMI 会除以出现次数。\n共现矩阵就是数出来的。\n"
              "4.2 负采样整节。\n\n- EmbeddingDot 层\n- sigmoid\n问：为什么？\n答：因为。\n余弦相似度。\n平均。\n")
UNDERSTOOD_EN = ("Read chapter 2 on the train.\n\nThe PMI thing finally clicked: it divides by counts.\n"
                 "Went through the whole of section 4.2.\n\n- EmbeddingDot\n- sigmoid\nQ: why?\nA: because.\n"
                 "Cosine.\nAveraging.\nMore text.\n")


@pytest.mark.parametrize("body", [UNDERSTOOD, UNDERSTOOD_EN])
def test_the_info_names_no_watchlist_for_a_line_that_only_says_something_is_understood(body):
    said, = notes(body, body, "### 2026-12-09 \n- short\n")
    assert "watchlist" not in said.split("read only")[1].split(")")[0]
    assert "lines resolving a confusion (1)" in said


@pytest.mark.parametrize("body, sentence", [(UNDERSTOOD, "4.2 负采样整节。"),
                                            (UNDERSTOOD_EN, "Went through the whole of section 4.2.")])
def test_a_sentence_before_a_list_is_no_part_name(body, sentence):
    said, = notes(body, body)
    assert sentence not in said


def test_the_info_says_which_sessions_it_counted_when_short_ones_are_left_out():
    said, = notes(PARTLY, PARTLY, "- one line\n")
    assert "2 of the 2 sessions of 5 lines or more keep most of their lines" in said
