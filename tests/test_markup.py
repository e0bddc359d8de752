"""Code spans, as CommonMark reads them: a run of n backticks up to the next run of exactly n."""
from __future__ import annotations

import dataclasses

import pytest

from studykb.markup import CodeSpan, code_spans, replace_code_spans


@pytest.mark.parametrize("text, spans", [
    ("no code", []),
    ("a `b` c", [(2, 5, "`", "b")]),
    ("`a` and `b`", [(0, 3, "`", "a"), (8, 11, "`", "b")]),
    ("a `b` c `d", [(2, 5, "`", "b")]),  # an unmatched backtick is text
    ("``a`b``", [(0, 7, "``", "a`b")]),  # a longer fence holds shorter runs
    ("`a``b`", [(0, 6, "`", "a``b")]),
    ("``a` b", []),
    ("` `` `", [(0, 6, "`", " `` ")]),
    ("```", []),
    ("`é` `日本`", [(0, 3, "`", "é"), (4, 8, "`", "日本")]),
])
def test_code_spans(text, spans):
    assert [(s.start, s.end, s.fence, s.inner) for s in code_spans(text)] == spans


def test_a_long_line_of_backticks_is_read_in_one_pass():
    text = "` x " * 50_000 + "``"
    assert len(code_spans(text)) == 25_000  # each pair of single backticks; the final "``" has no match


def test_replacing_code_spans_keeps_the_text_around_them():
    assert replace_code_spans("a `b` c ``d`` e `f", lambda s: s.inner.upper()) == "a B c D e `f"


def test_code_spans_are_immutable_values():
    span = code_spans("x `y` z")[0]
    assert span == CodeSpan(2, 5, "`", "y") and hash(span) == hash(CodeSpan(2, 5, "`", "y"))
    assert span.markdown == "`y`"
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0


@pytest.mark.parametrize("line, shown", [
    ("`16+75  ` pads", "16+75  "), ("`_91  `", "_91  "), ("`` `x` ``", "`x`"), ("`  `", "  "), ("` a `", "a"),
])
def test_a_code_span_keeps_its_padding_but_one_blank_each_side(line, shown):
    from studykb.markup import code_spans
    assert code_spans(line)[0].shown == shown
