"""Outlines (Logseq, Workflowy, nested Markdown lists): nesting decides what a part holds.
A list item that is a part's name alone with items nested under it holds exactly those
items; its next sibling and what follows at that depth are not the part's. A part's name
whose items follow it unindented keeps them, as in a flat log."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Section, SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"


def parts(body: str) -> list[tuple[SectionKind, list[str]]]:
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    return [(s.kind, [i.text for i in s.items]) for s in log.entries[0].sections]


def kind_of(body: str, text: str) -> SectionKind | None:
    """The kind of part that holds the item ``text``, None where no part does."""
    return next((kind for kind, items in parts(body) if text in items), None)


@pytest.mark.parametrize("body, inside, outside", [
    ("- still confused\n\t- why is W_out transposed?\n- TODO read 4.3 next", "why is W_out transposed?", "TODO read 4.3 next"),
    ("- Still confused\n  - BPTT length\n  - gradient clipping\n- went for a walk", "gradient clipping", "went for a walk"),
    ("- learned\n    - Embedding picks rows\n- tried the notebook again", "Embedding picks rows", "tried the notebook again"),
    ("- 헷갈리는 것\n  - 역전파에서 Repeat 노드\n- 다음: 5장 시작", "역전파에서 Repeat 노드", "다음: 5장 시작"),
    ("- 아직 헷갈림\n\t- 시그모이드 미분\n- 저녁 먹고 복습함", "시그모이드 미분", "저녁 먹고 복습함"),
    ("- Watchlist:\n  - PMI vs PPMI\n- DONE chapter 2 exercises", "PMI vs PPMI", "DONE chapter 2 exercises"),
])
def test_a_named_item_holds_only_what_is_nested_under_it(body, inside, outside):
    assert kind_of(body, inside) is not None and kind_of(body, inside) is not SectionKind.OTHER
    assert kind_of(body, outside) is not kind_of(body, inside)


@pytest.mark.parametrize("body, kind, items", [
    ("- Watchlist:\n- PMI vs PPMI\n- SVD", SectionKind.WATCHLIST, ["PMI vs PPMI", "SVD"]),
    ("- 헷갈리는 것:\n- 역전파\n- 기울기 소실", SectionKind.WATCHLIST, ["역전파", "기울기 소실"]),
    ("- Still confused: BPTT\n  - why truncate?\n- gradient clipping", SectionKind.WATCHLIST,
     ["BPTT", "why truncate?", "gradient clipping"]),
])
def test_items_that_follow_a_name_unindented_are_still_its_part(body, kind, items):
    assert (kind, items) in parts(body)


def test_nested_items_under_a_sibling_do_not_reopen_the_part():
    body = "- still confused\n  - softmax vs sigmoid\n- TODO 4.3\n  SCHEDULED: <2026-12-06 Sun>\n- TODO try skip-gram"
    watch = [items for kind, items in parts(body) if kind is SectionKind.WATCHLIST]
    assert watch == [["softmax vs sigmoid"]]
