"""A question written as a list item with its answer nested under it (Logseq, Workflowy,
nested Markdown lists) is a Q/A: the item is the question, the items under it the answer."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import QA
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"


def pairs(body: str) -> list[tuple[str, str]]:
    """The (question, answer) of each Q/A line that asks, in order."""
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    qas = [b for b in log.entries[0].blocks if isinstance(b, QA)]
    return [(q.question, a.answer) for q, a in zip(qas, qas[1:]) if q.question and not q.answer]


@pytest.mark.parametrize("body, question, answer", [
    ("- Why does sigmoid+CE give y - t?\n\t- multiply the two derivatives", "Why does sigmoid+CE give y - t?",
     "multiply the two derivatives"),
    ("- Do I need Embedding in ch5 too?\n  - Yes, TimeEmbedding.", "Do I need Embedding in ch5 too?", "Yes, TimeEmbedding."),
    ("* Is W_out the same matrix as in ch3?\n    * yes, transposed\n    * a row is one word", "Is W_out the same matrix as in ch3?",
     "yes, transposed a row is one word"),
    ("- 왜 가중치를 0.01배로 초기화하나?\n  - 값이 크면 시그모이드가 포화되니까", "왜 가중치를 0.01배로 초기화하나?",
     "값이 크면 시그모이드가 포화되니까"),
    ("- 为什么要用负采样？\n  - 词汇量大时softmax太慢", "为什么要用负采样？", "词汇量大时softmax太慢"),
    ("- What does np.add.at do (vs +=)?\n  - A: it accumulates repeated indices", "What does np.add.at do (vs +=)?",
     "it accumulates repeated indices"),
])
def test_a_question_item_with_items_under_it_is_a_qa(body, question, answer):
    assert pairs(body) == [(question, answer)]


@pytest.mark.parametrize("body", [
    "- Still confused\n  - why is W_out transposed?\n    - maybe memory layout",  # notes on a confusion
    "- Watchlist:\n  - does 0.75 flatten P?\n    - saw it in 4.2.6",
    "- Open questions for next time?\n  - why 0.75?\n  - why sample_size 5?",  # questions under a question
    "- Why does sigmoid+CE give y - t?",  # nothing under it
    "- read 4.2.6 today\n  - the sampler uses p ** 0.75",  # no question
])
def test_no_qa_where_the_items_under_it_do_not_answer_a_question(body):
    assert pairs(body) == []


def test_the_answer_ends_where_the_nesting_ends():
    body = "- Why 0.75?\n  - it flattens the distribution\n- TODO 4.3 improved CBOW"
    log, _ = parse_log(LogText("sessions/t.md", (HEADER, *body.splitlines())), LABELS)
    qa = [b.source.line for b in log.entries[0].blocks if isinstance(b, QA)]
    assert qa == [2, 3]
