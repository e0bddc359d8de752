"""A concept is new in the session that first studies it: a resume point, a next-time part or
an open task only plans it (log text in, the sessions' new concepts out)."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.parse import parse_log
from studykb.render.context import make_context
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon


def new_concepts(*sessions: tuple[str, ...]) -> list[set[str]]:
    """Each session's new concepts, for a log of ``sessions`` (each its lines under a header)."""
    text = []
    for day, lines in enumerate(sessions, start=1):
        text += [f"## Session: 2026-03-{day:02d} 10:00 UTC", *lines]
    log, _ = parse_log(LogText("sessions/log.md", tuple(text)), shipped_labels())
    knowledge = link([log], build_lexicon([], frozenset()), 3)[0]
    introduced = make_context(knowledge, {}).introduced
    return [{c.name for c in introduced.get(s.id, ())} for s in knowledge.sessions]


@pytest.mark.parametrize("first, second, new", [
    # English: a resume point names what comes next
    (("- Topics covered:", "  - softmax", "- Resume point for next session:", "  - negative sampling"),
     ("- Topics covered:", "  - negative sampling with a unigram sampler",),
     [{"softmax"}, {"negative sampling"}]),
    (("- What I learned:", "  - dropout keeps the model from overfitting", "- Next time:", "  - gradient clipping, then LSTM"),
     ("- What I learned:", "  - gradient clipping caps the norm of the gradients",),
     [{"dropout", "overfitting"}, {"gradient clipping", "gradient"}]),
    # Korean: ⏭ 다음에 is the next-time part
    (("💡 배운 점", "- 어텐션 가중치는 softmax로 구한다", "⏭ 다음에", "- 8.4 양방향 RNN, skip connection"),
     ("💡 배운 점", "- skip connection은 층을 건너뛰는 연결이다",),
     [{"attention weight", "softmax"}, {"skip connection"}]),
    # an open task plans; a ticked one was done
    (("- Tasks:", "  - [x] read about perplexity", "  - [ ] try weight tying"),
     ("- Tasks:", "  - [x] weight tying on the PTB model",),
     [{"perplexity"}, {"weight tying", "PTB"}]),
])
def test_a_concept_is_new_where_it_is_studied_not_where_it_is_planned(first, second, new):
    assert new_concepts(first, second) == new


def test_a_concept_only_planned_is_new_in_no_session_but_still_a_concept():
    log = ("- Topics covered:", "  - softmax", "- Resume point for next session:", "  - Ch06: LSTM gates")
    text = ["## Session: 2026-03-01 10:00 UTC", *log]
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(text)), shipped_labels())
    knowledge = link([parsed], build_lexicon([], frozenset()), 3)[0]
    assert "LSTM" in {c.name for c in knowledge.concepts}
    assert new_concepts(log) == [{"softmax"}]
