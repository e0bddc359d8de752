"""A line that comes back to an earlier confusion by what it calls it (``the assign/add
thing``, ``the CBOW question``) resolves it: log text in, watchlist items out."""
from __future__ import annotations

import pytest

from tests.test_watchlist import items_of, knowledge_of, prose_log

FLAGGED = "- Still confused:\n  - When does backward assign and when does it add?"
CBOW = "- Still confused:\n  - Why does CBOW average the context vectors instead of summing?"

CASES = [
    ("called a thing", [FLAGGED, "- Learned:\n  - dW[0] is 2 with add.at. Now I get it — resolved the assign/add thing."],
     [("When does backward assign and when does it add?", "resolved")]),
    ("called a question, finally", [CBOW, "- Learned:\n  - CBOW question finally: the scale is absorbed. Resolved."],
     [("Why does CBOW average the context vectors instead of summing?", "resolved")]),
]


@pytest.mark.parametrize("name, bodies, expected", CASES, ids=[case[0] for case in CASES])
def test_a_line_that_names_an_earlier_confusion_resolves_it(name, bodies, expected):
    items = items_of(knowledge_of(prose_log(*bodies)))
    assert sorted((text, status) for text, _, status, _ in items) == sorted(expected)

