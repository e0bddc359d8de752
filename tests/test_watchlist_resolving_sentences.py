"""A line of prose of several sentences resolves what each sentence that says so names, and a
sentence that says only that (``Resolved.``, ``Finally.``, ``So that one is done.``) what the
sentence before it names: log text in, the parts a line resolves and watchlist items out."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.watch_items import resolved_parts
from tests.test_watchlist import items_of, knowledge_of, prose_log

LABELS = shipped_labels()


@pytest.mark.parametrize("text, parts", [
    ("Untrained model ≈ vocab size. Forward isn't cut because h carries the context — resolved. Easy.",
     ["Forward isn't cut because h carries the context"]),
    ("Wrote the derivation out: dL/dx = y - t. Finally.", ["Wrote the derivation out: dL/dx = y - t."]),
    ("I did the shape check on the repeat node. So that one is done.", ["I did the shape check on the repeat node."]),
    ("W_out 행을 뽑는 계층이다. 드디어 해결.", ["W_out 행을 뽑는 계층이다."]),
    ("説明できた。前回の o と f の混同は解消。", ["前回の o と f の混同は解消"[:-2].rstrip()]),
    ("PMI vs PPMI; window vs context — got it", ["PMI vs PPMI", "window vs context"]),
    ("Forward isn't cut — resolved. The sigmoid derivative, y - t. Resolved.",
     ["Forward isn't cut", "The sigmoid derivative, y - t."]),
])
def test_the_parts_a_resolving_line_names(text, parts):
    from studykb.resolution import prose_reading
    resolves, _ = prose_reading(text, LABELS)
    assert resolves is not None
    assert [text[a:b] for a, b in resolved_parts(text, resolves, LABELS)] == parts


CASES = [
    ("each sentence its own item", [
        "- Confused:\n  - why the forward pass is not cut too\n  - softmax vs sigmoid",
        "- Learned:\n  - Perplexity is exp(L). The forward pass is not cut since h carries context — resolved."
        " Softmax vs sigmoid: one of many against yes or no. Finally."],
     [("why the forward pass is not cut too", "resolved"), ("softmax vs sigmoid", "resolved")]),
    ("a sentence that names nothing: the whole line", [
        "- 헷갈린 것:\n  - 분산 표현 vs 원핫 표현",
        "- 배운 것:\n  - 분산 표현 vs 원핫: 밀집 벡터에 의미를 나눠 담는 것이라고 말함. 3회 연속 헷갈리던 것 드디어 해결."],
     [("분산 표현 vs 원핫 표현", "resolved")]),
    ("a list apart with semicolons", [
        "- Confused:\n  - bidirectional encoder concatenation\n  - skip connections vs gradient clipping",
        "- Got it now: bidirectional encoder concatenation; skip connections vs gradient clipping"],
     [("bidirectional encoder concatenation", "resolved"), ("skip connections vs gradient clipping", "resolved")]),
]


@pytest.mark.parametrize("name, bodies, expected", CASES, ids=[case[0] for case in CASES])
def test_a_line_of_sentences_resolves_what_each_names(name, bodies, expected):
    items = items_of(knowledge_of(prose_log(*bodies)))
    assert sorted((text, status) for text, _, status, _ in items) == sorted(expected)
