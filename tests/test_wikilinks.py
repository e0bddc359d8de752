"""Obsidian's wikilinks, log text in, page and concepts out.

A wikilink (``[[Note]]``, ``[[Note|alias]]``, ``[[Note#heading]]``) shows as the text
Obsidian shows, without its brackets; a concept link never splits one. A wikilinked name
is a concept the learner named, a term, unless it is a note's title with a number in it
(``[[Chapter 4 - word2vec speedup]]``, ``[[2026-11-22]]``); a chapter's note linked in a
session titles it where its header names nothing.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.markup import wikilinks
from studykb.model import Span
from studykb.parse import parse_log
from studykb.render import html
from studykb.sources import LogText
from tests.test_session_page import built

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


@pytest.mark.parametrize("body, terms, not_terms", [
    ("- Built [[EmbeddingDot]] and [[Sigmoid with Loss]]",
     ["EmbeddingDot", "Sigmoid with Loss"], ["sigmoid"]),
    ("- Built [[NegativeSamplingLoss]]", ["negative sampling"], ["NegativeSamplingLoss"]),  # a class the book names
    ("Started [[Chapter 4 - word2vec speedup]] and [[2026-11-22]]", [], ["Chapter 4 - word2vec speedup"]),
    ("- [[Cross entropy error]] backward is y - t", ["cross-entropy error"], ["cross entropy error"]),
    ("- [[은닉 상태]]를 다음 블록으로 넘긴다", ["hidden state"], ["은닉 상태"]),
    ("- [[시간 방향 블록]] 단위로 역전파를 끊는다", ["시간 방향 블록"], []),
])
def test_a_wikilinked_name_is_a_concept(body, terms, not_terms):
    knowledge, page = built(body)
    names = {c.name for c in knowledge.concepts}
    assert set(terms) <= names
    assert not set(not_terms) & names
    assert "[[" not in page


@pytest.mark.parametrize("body, label", [
    ("Started [[Chapter 4 - word2vec speedup]].\n\n- read 4.1", "Chapter 4 - word2vec speedup"),
    ("- Quick one: started [[Ch. 5|the RNN chapter]]", "Ch. 5"),
    ("오늘 [[5장 RNN]] 시작", "5장 RNN"),
    ("Reviewed [[Negative sampling]] and [[2026-11-22]]", ""),
])
def test_a_linked_chapter_titles_a_session_whose_header_names_none(body, label):
    log, _ = parse_log(LogText("sessions/log.md", ("# 2026-11-22 (Sun)", "", *body.splitlines())), shipped_labels())
    assert log.entries[0].label == label


def test_a_header_label_is_kept_over_a_linked_chapter():
    log, _ = parse_log(LogText("sessions/log.md", ("## 2026-11-22 — Embedding", "Started [[Chapter 4]]")),
                       shipped_labels())
    assert log.entries[0].label == "Embedding"
