"""Obsidian's wikilinks, log text in, page and concepts out.

A wikilink (``[[Note]]``, ``[[Note|alias]]``, ``[[Note#heading]]``) shows as the text
Obsidian shows, without its brackets; a concept link never splits one.
"""
from __future__ import annotations

import pytest

from studykb.markup import wikilinks
from studykb.model import Span
from studykb.render import html

LINKER = html.Linker("c/")


@pytest.mark.parametrize("line, spans, shown", [
    ("x [[CBOW]] y", (Span(4, 8, "cbow"),), 'x <a href="c/cbow/">CBOW</a> y'),
    ("[[Cross entropy error]]: y - t", (Span(2, 15, "ce"),), "Cross entropy error: y - t"),
    ("[[Negative sampling|neg. sampling]] speeds it up", (), "neg. sampling speeds it up"),
    ("see [[Chapter 5 - RNN#5.2 RNN]]", (), "see Chapter 5 - RNN › 5.2 RNN"),
    ("TimeRNN + [[ Truncated BPTT ]] on Tuesday", (), "TimeRNN + Truncated BPTT on Tuesday"),
    ("`[[kept]]` as code, [[<b>]]", (), "<code>[[kept]]</code> as code, &lt;b&gt;"),
    ("[[학습률]] 조정", (Span(2, 5, "lr"),), '<a href="c/lr/">학습률</a> 조정'),
    ("[[a]](http://x.org) [not wiki]", (), "a(http://x.org) [not wiki]"),
])
def test_a_wikilink_shows_its_text_and_a_concept_links_it_whole_or_not_at_all(line, spans, shown):
    assert html.inline(line, LINKER, spans) == shown


def test_wikilinks_are_found_outside_code():
    found = wikilinks("[[A]] `[[B]]` [[C#h|c]] [[ ]]")
    assert [(w.name, w.heading, w.alias, w.shown) for w in found] == [("A", "", "", "A"), ("C", "h", "c", "c")]
