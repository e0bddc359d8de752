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
