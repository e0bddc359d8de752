"""A line that comes back to an earlier confusion by what it calls it (``the assign/add
thing``, ``the CBOW question``) or by when it was flagged (``Tuesday's confusion``,
``yesterday's question``, ``last session's``, ``화요일에 헷갈렸던``, ``火曜の疑問``) resolves it:
log text in, watchlist items out. Sessions are one a day from Sunday 2026-03-01."""
from __future__ import annotations

import pytest

from studykb.session_references import session_referred_to
from tests.test_watchlist import items_of, knowledge_of, prose_log

FLAGGED = "- Still confused:\n  - When does backward assign and when does it add?"
CBOW = "- Still confused:\n  - Why does CBOW average the context vectors instead of summing?"
TWO = "- Still confused:\n  - Why does CBOW average the context vectors?\n  - why clip gradients"

CASES = [
    ("called a thing", [FLAGGED, "- Learned:\n  - dW[0] is 2 with add.at. Now I get it — resolved the assign/add thing."],
     [("When does backward assign and when does it add?", "resolved")]),
    ("called a question, finally", [CBOW, "- Learned:\n  - CBOW question finally: the scale is absorbed. Resolved."],
     [("Why does CBOW average the context vectors instead of summing?", "resolved")]),
    ("by weekday", ["", "", FLAGGED, "",
                    "- Learned:\n  - Answer to Tuesday's confusion: add.at accumulates the rows. Resolved."],
     [("When does backward assign and when does it add?", "resolved")]),
    ("by yesterday", [FLAGGED, "- Learned:\n  - yesterday's question → add.at accumulates, got it"],
     [("When does backward assign and when does it add?", "resolved")]),
    ("by the last session", [FLAGGED, "", "- Learned:\n  - The question from last session's notes: got it"],
     [("When does backward assign and when does it add?", "open")]),  # the session before flagged nothing
    ("by the last session, flagged there", [FLAGGED, "- Learned:\n  - Last session's confusion → got it now"],
     [("When does backward assign and when does it add?", "resolved")]),
    ("ko by weekday", ["", "", FLAGGED, "", "- 배운 것:\n  - 화요일에 헷갈렸던 거 → 이제 이해함"],
     [("When does backward assign and when does it add?", "resolved")]),
    ("ja by weekday", ["", "", FLAGGED, "", "- わかったこと:\n  - 火曜の疑問 → 理解した"],
     [("When does backward assign and when does it add?", "resolved")]),
    ("two flagged that day", ["", "", TWO, "", "- Learned:\n  - Answer to Tuesday's confusion: got it"],
     [("Why does CBOW average the context vectors?", "open"), ("why clip gradients", "open")]),
    ("a weekday more than a week back", ["", "", FLAGGED, "", "", "", "", "", "", "",
                                         "- Learned:\n  - Answer to Tuesday's confusion: got it"],
     [("When does backward assign and when does it add?", "quiet")]),
    ("called by another form of its words", ["- Still confused:\n  - why is dW zeroed before every backward",
                                              "- Learned:\n  - the zeroing thing: grads are recomputed, got it"],
     [("why is dW zeroed before every backward", "resolved")]),
    ("called by its two sides, in other forms", [CBOW, "- Learned:\n  - averaging vs summing: only a scale, clear now"],
     [("Why does CBOW average the context vectors instead of summing?", "resolved")]),
    ("owns for own", ["- Still confused:\n  - which layer should own W_out", "- Learned:\n  - who owns W_out → got it"],
     [("which layer should own W_out", "resolved")]),
    ("a key word among yesterday's items",
     ["- Still confused:\n  - why each row starts at an offset", "",
      "- Still confused:\n  - why the offset is data_size // batch_size\n  - why sum the losses",
      "- Learned:\n  - the offsets thing from yesterday → got it"],
     [("why each row starts at an offset", "quiet"), ("why the offset is data_size // batch_size", "resolved"),
      ("why sum the losses", "open")]),
    ("a weekday with no confusion said resolved", ["", "", FLAGGED, "", "- Learned:\n  - Tuesday's code ran fine"],
     [("When does backward assign and when does it add?", "open")]),
]


@pytest.mark.parametrize("name, bodies, expected", CASES, ids=[case[0] for case in CASES])
def test_a_line_that_names_an_earlier_confusion_resolves_it(name, bodies, expected):
    items = items_of(knowledge_of(prose_log(*bodies)))
    assert sorted((text, status) for text, _, status, _ in items) == sorted(expected)


@pytest.mark.parametrize("text, referred", [
    ("Answer to Tuesday's confusion", ("weekday", 1)), ("tuesdays are busy", None),
    ("yesterday's question", ("days", 1)), ("from last session", ("sessions", 1)),
    ("화요일에 헷갈렸던 거", ("weekday", 1)), ("火曜の疑問", ("weekday", 1)), ("周二的问题", ("weekday", 1)),
    ("星期天的问题", ("weekday", 6)), ("어제 질문", ("days", 1)), ("上次的问题", ("sessions", 1)),
    ("Monday's and Tuesday's questions", None), ("the CBOW question", None),
])
def test_which_earlier_session_a_line_names(text, referred):
    assert session_referred_to(text) == referred


# Sessions one a day from 2026-03-01, each numbered in its header as ``Session N``.
def numbered_log(*bodies: str) -> str:
    return "\n".join(f"## Session {n} — 2026-03-{n:02d}\n{body}\n" for n, body in enumerate(bodies, 1))


NUMBERED = [
    ("en by number", ["- Confused:\n  - why the forward pass is not cut", "",
                      "- Learned:\n  - Session 1's question is finally resolved"],
     [("why the forward pass is not cut", "resolved")]),
    ("ko by number", ["- 헷갈린 것:\n  - 왜 순전파는 안 끊는지", "", "- 배운 것:\n  - 1회차 질문은 이제 해결"],
     [("왜 순전파는 안 끊는지", "resolved")]),
    ("ja by number, in a later sentence", [
        "- つまずいた点:\n  - ミニバッチの与え方", "- つまずいた点:\n  - ミニバッチを順番に読む理由",
        "- 生徒の理解:\n  - ミニバッチを順番に読む理由を説明できた。第2回からの件はようやく解消。"],
     [("ミニバッチの与え方", "open"), ("ミニバッチを順番に読む理由", "resolved")]),
    ("resolved in a session, not named by it", [
        "- Confused:\n  - why clip gradients", "- Confused:\n  - why the forward pass is not cut",
        "- Learned:\n  - dropout masks — fixed in session 2"],
     [("why clip gradients", "open"), ("why the forward pass is not cut", "open")]),
]


@pytest.mark.parametrize("name, bodies, expected", NUMBERED, ids=[case[0] for case in NUMBERED])
def test_a_line_that_names_an_earlier_session_by_its_number_resolves_its_item(name, bodies, expected):
    items = items_of(knowledge_of(numbered_log(*bodies)))
    assert sorted((text, status) for text, _, status, _ in items) == sorted(expected)


@pytest.mark.parametrize("text, referred", [
    ("Session 6's question", ("number", 6)), ("6회차 질문", ("number", 6)), ("第6回からの件", ("number", 6)),
    ("第6次课的问题", ("number", 6)), ("6 sessions ago", None), ("fixed in session 3", None),
])
def test_which_numbered_session_a_line_names(text, referred):
    assert session_referred_to(text) == referred
