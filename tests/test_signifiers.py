"""A bullet journal's lines, line in, record out: signifiers (``??``, ``✓``, ``TIL:``) make a
line an item of a part of its own, and a line that only says the session's study time
(``studied 1h40``) is its time log, in no part."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Note, SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.time_lines import is_study_time

LABELS = shipped_labels()
HEADER = "### 2026-11-30 (Mon)"
W, L, R, O = SectionKind.WATCHLIST, SectionKind.LEARNED, SectionKind.RESUME, SectionKind.OTHER


def entry(body: str):
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    return log.entries[0]


def parts(body: str) -> list[tuple[SectionKind, list[str]]]:
    return [(s.kind, [i.text for i in s.items]) for s in entry(body).sections]


@pytest.mark.parametrize("body, expected", [
    ("- ?? why is dW zeroed first\n- ?? EmbeddingDot vs Embedding",
     [(W, ["why is dW zeroed first", "EmbeddingDot vs Embedding"])]),
    ("- TIL: Embedding = pick a row of W\n- read the chapter again",
     [(L, ["Embedding = pick a row of W"]), (O, ["read the chapter again"])]),
    ("- ? what does the 0.75 power do\n- ❓ 왜 0.75 제곱인가",
     [(W, ["what does the 0.75 power do", "왜 0.75 제곱인가"])]),
    ("- 오늘 배운 것: 임베딩은 행 하나를 고르는 것\n- ?? 네거티브 샘플링",
     [(L, ["임베딩은 행 하나를 고르는 것"]), (W, ["네거티브 샘플링"])]),
    ("- TODO: read 4.2\n- studied 1h40", [(R, ["read 4.2"])]),
    ("- ?? sigmoid vs softmax\n  - both squash scores", [(W, ["sigmoid vs softmax", "both squash scores"])]),
    ("- ❓ still unclear: PMI vs PPMI", [(W, ["PMI vs PPMI"])]),  # the label names the part, as before
    ("- TIL that the loss is 4.16 at first", [(O, ["TIL that the loss is 4.16 at first"])]),
])
def test_a_signifier_makes_its_line_an_item_of_a_part_of_its_own(body, expected):
    assert parts(body) == expected


@pytest.mark.parametrize("body", [
    "- ?? why is dW zeroed first\n- ✓ the zeroing of dW: grads are recomputed every backward",
    "- ?? 왜 dW를 0으로 초기화하나\n- ✔ dW 초기화: 매번 새로 계산하니까",
])
def test_a_checked_line_is_learned_and_names_the_item_it_resolves(body):
    learned = [s for s in entry(body).sections if s.kind is L]
    assert len(learned) == 1 and learned[0].items[0].resolves is not None


@pytest.mark.parametrize("line, minutes", [
    ("studied 1h40", 100), ("~90 min", 90), ("studied ~50 min + training in background", 50),
    ("1.5 h", 90), ("공부 1시간 40분", 100), ("total: 2h (with breaks)", 120), ("勉強 45分", 45),
])
def test_a_line_of_study_time_alone_is_the_time_log(line, minutes):
    session = entry(f"- TODO: read 4.2\n- {line}")
    assert session.timelog is not None and session.timelog.minutes == minutes
    assert [s.kind for s in session.sections] == [R]
    assert any(isinstance(b, Note) and b.text == line for b in session.blocks)


@pytest.mark.parametrize("line", [
    "epoch took 1m40s", "10 min video on attention", "training in background", "studied the softmax",
    "3 epochs", "1m40s per epoch",
])
def test_a_line_about_something_else_that_took_a_while_is_no_study_time(line):
    assert not is_study_time(line, LABELS)
    assert entry(f"- {line}").timelog is None
