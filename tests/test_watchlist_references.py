"""A line that comes back to an earlier confusion by what it calls it (``the assign/add
thing``, ``the CBOW question``) or by when it was flagged (``Tuesday's confusion``,
``yesterday's question``, ``last session's``, ``화요일에 헷갈렸던``, ``火曜の疑問``) resolves it:
log text in, watchlist items out. Sessions are one a day from Sunday 2026-03-01."""
from __future__ import annotations

import pytest

from studykb.resolution import session_referred_to
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
