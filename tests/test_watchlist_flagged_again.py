"""A later line that flags an earlier item again, though worded apart: by a note that it is
still open (``(didn't revisit)``), or, saying it is still there, by a number the item's lines
write (``0.75``); and a resolving line that names an item by a key word finds it among the
items of a line that holds several by that item's own words only. Log text in, items out."""
from __future__ import annotations

import pytest

from studykb.resolution import without_status_note
from tests.test_watchlist import items_of, knowledge_of, log_of, prose_log

CASES = [
    ("a note that it was not revisited", [["why reversed input helps on addition"],
                                          ["why reversed input helps on addition (didn't revisit)"]],
     [("why reversed input helps on addition", 2, "open")]),
    ("not revisited, one of two items of a line", [
        ["why reversed input helps on addition"],
        ["why reversed input helps on addition (didn't revisit); the backward pass through the repeat node (unchecked)"]],
     [("why reversed input helps on addition", 2, "open"),
      ("the backward pass through the repeat node (unchecked)", 1, "open")]),
    ("ko: a number, still", [["왜 하필 0.75인지"], ["0.75제곱은 여전히 외운 상태"]], [("왜 하필 0.75인지", 2, "open")]),
    ("en: a number, again", [["why the exponent is 0.75"], ["the 0.75 thing again"]],
     [("why the exponent is 0.75", 2, "open")]),
    ("a number without still: two items", [["why the exponent is 0.75"], ["0.75 of the data used for training and validation?"]],
     [("why the exponent is 0.75", 1, "open"), ("0.75 of the data used for training and validation?", 1, "open")]),
    ("a section number is no constant", [["what section 4.2 says about sampling"], ["still unsure: 4.2 exercise 3"]],
     [("what section 4.2 says about sampling", 1, "open"), ("still unsure: 4.2 exercise 3", 1, "open")]),
]


@pytest.mark.parametrize("name, sessions, expected", CASES, ids=[case[0] for case in CASES])
def test_a_line_flags_an_earlier_item_again(name, sessions, expected):
    items = items_of(knowledge_of(log_of(*sessions)))
    assert sorted((text, times, status) for text, times, status, _ in items) == sorted(expected)


def test_a_key_word_names_the_item_of_its_own_piece_of_a_line():
    log = prose_log("- Still fuzzy: why reversed input helps (didn't revisit); the attention backward pass through"
                    " the repeat node (a repeat's gradient is a sum?)", "- Got it now: repeat-node backward is a sum")
    items = items_of(knowledge_of(log))
    assert sorted((text, status) for text, _, status, _ in items) == [
        ("the attention backward pass through the repeat node (a repeat's gradient is a sum?)", "resolved"),
        ("why reversed input helps (didn't revisit)", "open")]


@pytest.mark.parametrize("text, bare", [
    ("why reversed input helps (didn't revisit)", "why reversed input helps"),
    ("오프셋 이유 (못 다룸)", "오프셋 이유"), ("dc の流れ（触れられず）", "dc の流れ"),
    ("why 0.75 (the book's choice)", "why 0.75 (the book's choice)"),
])
def test_a_note_that_an_item_was_not_revisited_is_its_status(text, bare):
    assert without_status_note(text) == bare
