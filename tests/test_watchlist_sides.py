"""What a watchlist item sets against what: the concepts of its two WHOLE sides, not those its
comment names after a dash, an arrow or a colon; and the contrast its recall card asks.
Log text in, an item's concepts (the pair first) and its card's question out."""
from __future__ import annotations

import pytest

from studykb.card_phrases import language_of
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.parse import parse_log
from studykb.watch_items import contrasted_sides
from studykb.sources import LogText
from studykb.vocabulary import Term, build_lexicon

TERMS = [Term("gradient clipping", aliases=("梯度裁剪",)), Term("weight decay", aliases=("权重衰减",)),
         Term("weight", aliases=("权重",)), Term("memory cell", aliases=("记忆单元", "기억 셀")),
         Term("hidden state", aliases=("隐藏状态", "은닉 상태")), Term("tanh"), Term("truncated BPTT"),
         Term("epoch"), Term("backpropagation", aliases=("反向传播",)), Term("encoder"), Term("decoder"),
         Term("fair comparison"), Term("softmax"), Term("sigmoid")]


def knowledge_of(*lines: str):
    text = "\n".join(["## Session: 2026-03-01 10:00 KST", "### Watchlist", *(f"- {line}" for line in lines)])
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(text.splitlines())), shipped_labels())
    # On a site in the language of the item's line (the log around it is a stub in English).
    knowledge, _ = link([parsed], build_lexicon(TERMS, frozenset()), 3, language=language_of(lines[0]))
    return knowledge


CASES = [
    ("zh both sides quoted", "学生把“梯度裁剪”和“权重衰减”搞混，以为裁剪是把权重缩小",
     ("gradient-clipping", "weight-decay", "weight"), "梯度裁剪和权重衰减有什么关系，又有何不同？"),
    ("zh a whole side of two concepts", "学生还是把 Truncated BPTT 的“截断反向传播”和“重置隐藏状态”搞混",
     ("truncated-bptt", "hidden-state", "backpropagation"), "Truncated BPTT和隐藏状态有什么关系，又有何不同？"),
    ("zh a comment after a Chinese dash", "学生还是把 Truncated BPTT 和“h 清零”搞混——讲了只在新 epoch 调用",
     ("truncated-bptt",), "关于Truncated BPTT，总是混淆的是什么？"),
    ("zh a comment after a full-width colon", "记忆单元 c 和隐藏状态 h 的作用分不清：学生说“c 就是 h 再过一遍 tanh”",
     ("memory-cell", "hidden-state"), "记忆单元和隐藏状态有什么关系，又有何不同？"),
    ("ko sides", "은닉 상태와 기억 셀 — tanh 를 거치는지", ("hidden-state", "memory-cell"),
     "은닉 상태와 기억 셀은 어떻게 관련되고, 어디서 다른가요?"),
    ("en sides, the comment after a dash", "encoder hidden state vs decoder — softmax?",
     ("encoder", "decoder", "hidden-state"), "What is the difference between encoder hidden state and decoder?"),
    ("en one-letter sides, a comment", "hs vs h — still open", (), "What is the difference between hs and h?"),
    ("en a label's rule after a colon is no comment", "Fair comparison rule: do not compare only by epoch",
     ("fair-comparison", "epoch"), None),
]


@pytest.mark.parametrize("name, line, concepts, question", CASES, ids=[case[0] for case in CASES])
def test_an_items_concepts_are_its_sides_and_its_card_asks_their_contrast(name, line, concepts, question):
    knowledge = knowledge_of(line)
    (item,) = knowledge.watchlist
    assert item.concepts == concepts
    (card,) = [c for c in knowledge.cards if c.kind == "watch"]
    assert question is None or card.front == question


@pytest.mark.parametrize("text, sides", [
    ("PMI vs PPMI", ("PMI", "PPMI")), ("“梯度裁剪”和“权重衰减”", ("“梯度裁剪”", "“权重衰减”")), ("c 和 h", ("c", "h")),
    ("윈도우 크기와 문맥 크기", ("윈도우 크기", "문맥 크기")), ("PMIとPPMIの違い", ("PMI", "PPMIの違い")),
    ("difference between PMI and PPMI", ("difference between PMI", "PPMI")),
    ("gives terrible ppl with this model", None), ("backward assign and add", None),
])
def test_where_an_item_sets_two_sides_against_each_other(text, sides):
    found = contrasted_sides(text, 0, len(text))
    assert (found and tuple(text[a:b] for a, b in found)) == sides or found is sides is None
