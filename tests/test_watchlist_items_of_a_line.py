"""One watchlist line or table cell that holds several confusions: each is an item of its
own, resolved or flagged again on its own (watch_items.py).

A tutor's "Still shaky" cell lists the session's confusions apart with semicolons, or says
how one went and then names another (``X — fixed. New: Y``, ``X — better but not
automatic. Y: …``). Each case is a log, one cell (or list line) per session, and the items
it makes: (the item's text as last flagged, how many sessions flagged it, its status, the
session that resolved it).
"""
from __future__ import annotations

import pytest

from studykb.link import link
from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from studykb.watch_items import line_items

LABELS = shipped_labels()


def tutor_log(*cells: str, row: str = "Still shaky") -> str:
    """A tutor's log of one lesson a week, each a table with its confusions in one cell."""
    out = []
    for week, cell in enumerate(cells, 1):
        out += [f"## Lesson {week} — 2026-11-{week * 7:02d} 18:00-19:00", "", "| | |", "|---|---|",
                f"| Covered | chapter {week} |", f"| {row} | {cell} |", "", ]
    return "\n".join(out)


def list_log(*lines: str) -> str:
    """A learner's log of one session a day, one watchlist line each."""
    out = []
    for day, line in enumerate(lines, 1):
        out += [f"## Session: 2026-03-{day:02d} 10:00 KST", "- Topics covered:", f"  - chapter {day}",
                "- Watchlist:", f"  - {line}", ""]
    return "\n".join(out)


def items_of(text: str) -> set[tuple[str, int, str, int | None]]:
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(text.splitlines())), LABELS)
    knowledge, _ = link([parsed], build_lexicon([], frozenset()), 3, LABELS)
    order = [s.id for s in knowledge.sessions]
    return {(w.text, len(w.flagged_in), w.status,
             order.index(w.resolution.session) + 1 if w.resolution else None) for w in knowledge.watchlist}


CASES = [
    ("a semicolon in a cell holds two items apart, and a later cell resolves one of them",
     tutor_log("the stride of the im2col output; the second softmax (over the vocabulary on the output side)",
               "why dropout is off at test time; the second softmax — now OK"),
     {("the stride of the im2col output", 1, "open", None),
      ("the second softmax (over the vocabulary on the output side)", 1, "resolved", 2),
      ("why dropout is off at test time", 1, "open", None)}),
    ("one resolved, then a new one after New:, which a later cell flags again with another after it",
     tutor_log("Weight tying: why the shapes transpose", "Weight tying — fixed, he derived it himself. "
               "New: the hidden state shape — which axis is the batch",
               "hidden state shape — better but not automatic. Beam search: why keep k candidates"),
     {("Weight tying: why the shapes transpose", 1, "resolved", 2),
      ("hidden state shape — better but not automatic.", 2, "open", None),
      ("Beam search: why keep k candidates", 1, "open", None)}),
    ("Also: opens another item; clicked resolves the first",
     tutor_log("teacher forcing at inference", "teacher forcing — clicked. Also: the reversed input order"),
     {("teacher forcing at inference", 1, "resolved", 2), ("the reversed input order", 1, "open", None)}),
    ("Korean: 그리고 새로: opens another item; 해결 resolves the first, 아직 flags the new one again",
     tutor_log("PMI와 PPMI 차이", "PMI와 PPMI 차이 — 해결. 그리고 새로: 은닉 상태의 모양 — 어느 축이 시간인지",
               "은닉 상태의 모양 — 아직 헷갈림", row="헷갈린 것"),
     {("PMI와 PPMI 차이", 1, "resolved", 2), ("은닉 상태의 모양 — 아직 헷갈림", 2, "open", None)}),
    ("Korean: a semicolon in a cell", tutor_log("드롭아웃 위치; 가중치 공유의 모양", "가중치 공유의 모양 — 이제 괜찮음",
                                                row="헷갈린 것"),
     {("드롭아웃 위치", 1, "open", None), ("가중치 공유의 모양", 1, "resolved", 2)}),
    ("Japanese, in a list: 新たに： opens another item",
     list_log("PMIとPPMIの違い", "PMIとPPMIの違い — 解決した。新たに：隠れ状態の形"),
     {("PMIとPPMIの違い", 1, "resolved", 2), ("隠れ状態の形", 1, "open", None)}),
    ("Chinese, in a list: 另外： opens another item",
     list_log("PMI和PPMI的区别", "PMI和PPMI的区别——明白了。另外：隐藏状态的形状"),
     {("PMI和PPMI的区别", 1, "resolved", 2), ("隐藏状态的形状", 1, "open", None)}),
    ("a 'Still fuzzy' line of two questions is two items; one flagged again later is one item flagged twice",
     "## 2026-12-05\nRan it.\n\nStill fuzzy: why reversed input helps on addition; how a real decoder decides "
     "when to stop\n\n## 2026-12-12\nRead 8.1.\n\nStill fuzzy: why reversed input helps on addition; "
     "the backward pass through the repeat node\n",
     {("why reversed input helps on addition", 2, "open", None),
      ("how a real decoder decides when to stop", 1, "open", None),
      ("the backward pass through the repeat node", 1, "open", None)}),
    ("a list line with a semicolon inside one sentence is one item",
     list_log("Training loss alone is insufficient; validation is required.",
              "Training loss alone is insufficient; validation is required. -> resolved today: see the test ppl"),
     {("Training loss alone is insufficient; validation is required.", 1, "resolved", 2)}),
]


@pytest.mark.parametrize("name, log, expected", CASES, ids=[case[0] for case in CASES])
def test_each_confusion_of_a_line_is_its_own_item(name, log, expected):
    assert items_of(log) == expected


@pytest.mark.parametrize("text, in_cell, items", [
    ("A vs B; C vs D", False, ["A vs B", "C vs D"]),
    ("loss alone is not enough; validation is needed", False, []),
    ("loss alone is not enough; validation is needed", True, ["loss alone is not enough", "validation is needed"]),
    ("X (a; b) — still", True, []),
    ("`a; b` shapes — still. Why c", True, ["`a; b` shapes — still.", "Why c"]),
    ("X — she asked why. Then Y", False, []),
    ("X: why it is slow. It took two tries", True, []),
    ("X — she asked why it is slow and drew it. It took two tries", True, []),
    ("X — clear now, she drew the whole graph herself. Y", True, ["X — clear now, she drew the whole graph herself.", "Y"]),
    ("X — fixed. New: Y", False, ["X — fixed.", "Y"]),
    # a sentence that only says it is settled, or goes on explaining, stays with the item it follows
    ("X (해결) — 코드 보니까 h를 들고 있어서 순전파는 이어지고, 역전파는 블록 안에서만 흐름. 이제 이해됨", True, []),
    ("X (해결) — 균등분포면 ppl = V. 즉 \"후보를 평균 몇 개까지 좁혔나\"", True, []),
    ("X — fixed, he derived it himself. Finally clicked. Beam search: why k", True,
     ["X — fixed, he derived it himself. Finally clicked.", "Beam search: why k"]),
    ("X — fixed. That is, the shapes transpose. Y vs Z", True, ["X — fixed. That is, the shapes transpose.", "Y vs Z"]),
    ("X (해결) — g는 무엇을, i는 얼마나. 구현에서 sigmoid/tanh를 조각별로 따로 적용하는 걸 보고 이해", True, []),
    ("X — fixed, she drew it. He then wrote the backward pass for the whole layer himself. Why Y?", True,
     ["X — fixed, she drew it. He then wrote the backward pass for the whole layer himself.", "Why Y?"]),
    # questions and bare names apart with semicolons are items of their own
    ("why reversed input helps; how the decoder knows when to stop (EOS?)", False,
     ["why reversed input helps", "how the decoder knows when to stop (EOS?)"]),
    ("why reversing helps (didn't revisit); the backward pass through the repeat node (a repeat's gradient is a sum)",
     False, ["why reversing helps (didn't revisit)", "the backward pass through the repeat node (a repeat's gradient is a sum)"]),
    ("왜 입력을 뒤집으면 좋은지; 어떻게 디코더가 멈추는지", False, ["왜 입력을 뒤집으면 좋은지", "어떻게 디코더가 멈추는지"]),
    ("なぜ逆順が効くのか；どう止まるのか", False, ["なぜ逆順が効くのか", "どう止まるのか"]),
    # a part that says something is a sentence: the line is one item
    ("why it helps; the gradient is a sum", False, []),
    ("the repeat node; validation was needed", False, []),
])
def test_where_a_line_holds_several_items(text, in_cell, items):
    assert [text[a:b] for (a, b), _ in line_items(text, in_cell, LABELS)] == items
