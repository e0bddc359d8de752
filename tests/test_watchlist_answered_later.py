"""A confusion resolved in an ordinary line of a later session: a line that names it, then
says it is over at the start of its comment (``the 0.75 power: sorted it out with numbers``),
or a line that says it answers the question or confusion of an earlier session it names by
when (``answers the question from Tuesday: …``); of two items flagged then, the one its words
are about. A line that only mentions the words resolves nothing. Sessions are one a day from
Sunday 2026-03-01."""
from __future__ import annotations

import pytest

from tests.test_watchlist import items_of, knowledge_of, prose_log

TWO = ("- still confused\n  - why is W_out (V, H) here but (H, V) in ch3?\n"
       "  - if we only train positives the model can just say yes to everything, how do negatives fix it?")
POWER = "- still confused\n  - the 0.75 power: does it make frequent words more or less likely?"
ANALOGY = "- confused:: which vector does `analogy(a, b, c)` subtract? I expected queen from man, king, woman"
BACKPROP = "- 헷갈리는 것\n  - 음성 예시만으로 왜 학습이 되는지\n  - W_out 이 전치된 이유"

CASES = [
    ("named, then sorted out", [POWER, "- DONE 4.3.1 the CBOW class\n- 0.75 power thing: sorted it out with numbers, rare words go up"],
     {"the 0.75 power: does it make frequent words more or less likely?": "resolved"}),
    ("named, then worked out after a dash", [POWER, "- the 0.75 power — worked it out on paper"],
     {"the 0.75 power: does it make frequent words more or less likely?": "resolved"}),
    ("named, but not sorted out", [POWER, "- DONE 4.3.1 the CBOW class\n- 0.75 power thing: not sorted it out yet"],
     {"the 0.75 power: does it make frequent words more or less likely?": "open"}),
    ("an ordinary mention", [POWER, "- read about the 0.75 power again in 4.2.6"],
     {"the 0.75 power: does it make frequent words more or less likely?": "open"}),
    ("answers the question from a weekday, the one its words are about",
     ["", "", TWO, "", "- DONE 4.2.4\n  - answers the question from Tuesday: with only positives the model "
                       "says yes to everything, negatives teach it to say no"],
     {"why is W_out (V, H) here but (H, V) in ch3?": "open",
      "if we only train positives the model can just say yes to everything, how do negatives fix it?": "resolved"}),
    ("answered yesterday's confusion", [POWER, "- DONE 4.2.6 UnigramSampler\n- this answered yesterday's confusion: rare words go up, frequent ones down"],
     {"the 0.75 power: does it make frequent words more or less likely?": "resolved"}),
    ("an answer that says no when", ["", "", TWO, "", "- the book answers the question of negatives in 4.2.4"],
     {"why is W_out (V, H) here but (H, V) in ch3?": "open",
      "if we only train positives the model can just say yes to everything, how do negatives fix it?": "open"}),
    ("an answer that says it does not", [POWER, "- didn't answer the question from yesterday about the power"],
     {"the 0.75 power: does it make frequent words more or less likely?": "open"}),
    ("ko: 화요일 질문에 대한 답", ["", "", BACKPROP, "", "- 4.2.4 읽음\n- 화요일 질문에 대한 답: 음성 예시가 있어야 학습이 NO 를 배운다"],
     {"음성 예시만으로 왜 학습이 되는지": "resolved", "W_out 이 전치된 이유": "open"}),
    ("a sentence before the colon says it is clear now: no part's name, it resolves",
     [POWER, "- 0.75 power thing from yesterday is clear now: rare words go up, frequent ones down ✅"],
     {"the 0.75 power: does it make frequent words more or less likely?": "resolved"}),
    ("a sentence that says only it is resolved, with an outliner's tag after it",
     [ANALOGY, "- DONE read `common/util.py`: it is `b - a + c`, so man, king, woman gives king - man + woman, queen. "
               "Resolved ✅ #ch4"],
     {"which vector does `analogy(a, b, c)` subtract? I expected queen from man, king, woman": "resolved"}),
    ("a tag alone says nothing", [POWER, "- DONE read 4.2.6 about the 0.75 power #resolved"],
     {"the 0.75 power: does it make frequent words more or less likely?": "open"}),
]


@pytest.mark.parametrize("name, bodies, expected", CASES, ids=[case[0] for case in CASES])
def test_a_later_line_resolves_the_confusion_it_answers(name, bodies, expected):
    items = items_of(knowledge_of(prose_log(*bodies)))
    assert {text: status for text, _, status, _ in items} == expected


@pytest.mark.parametrize("status", ["계속", "해결", "解決", "继续", "resolved", "continued"])
def test_an_items_status_in_parentheses_is_no_other_name_of_what_it_names(status):
    knowledge = knowledge_of(prose_log(f"- 헷갈리는 것\n  - Truncated BPTT ({status}) — 순전파는 이어지는데 역전파는 끊김",
                                       f"- 헷갈리는 것\n  - Truncated BPTT ({status}) — 이제 이해됨"))
    names = {name for concept in knowledge.concepts for name in (concept.name, *concept.aliases)}
    assert status not in names, sorted(names)
