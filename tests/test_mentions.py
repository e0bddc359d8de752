"""Mentions: the link stage decides once which concepts each line names, and where; the
renderers print those spans and search for nothing."""
from __future__ import annotations

import pytest

from studykb.link import link
from studykb.model import Source
from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.render import html, render_site
from studykb.render.common import page
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon

LABELS = shipped_labels()  # the table that ships with studykb

HEADER = ["## Session: 2026-03-01 10:00 UTC", "- Topics covered:"]


def link_lines(*texts: str):
    """The knowledge of a one-session log whose topics are ``texts`` (lines 3, 4, ...)."""
    log, _ = parse_log(LogText("sessions/log.md", tuple(HEADER + [f"  - {t}" for t in texts])), LABELS)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    return knowledge


def spans_on(knowledge, text: str, line: int = 3) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.concept) for s in knowledge.mentions.get(Source("sessions/log.md", line), ())]


@pytest.mark.parametrize("text, spans", [
    ("one epoch, then two epochs", [("epoch", "epoch"), ("epochs", "epoch")]),
    ("LR is the learning rate", [("LR", "learning-rate"), ("learning rate", "learning-rate")]),
    ("`batch size` of 10", [("`batch size`", "batch-size")]),  # a code span that is a term: one span
    ("`train.py` with `lr = 0.1` and `epoch`", [("`epoch`", "epoch")]),  # code names nothing
    ("the lr variable", []),  # an acronym only as written
    ("see [LR](https://example.org) notes", [("LR", "learning-rate")]),  # render decides a link cannot hold one
])
def test_a_line_names_a_concept_where_it_spells_one(text, spans):
    assert spans_on(link_lines(text), text) == spans


def test_a_line_that_defines_a_term_names_it_and_its_spans_have_the_final_slug():
    text = "`zorblax` is a made-up word for a batch size"
    knowledge = link_lines(text)
    zorblax = next(c for c in knowledge.concepts if c.name == "zorblax")
    assert spans_on(knowledge, text) == [("`zorblax`", "zorblax"), ("batch size", "batch-size")]
    assert [m.source.line for m in zorblax.mentions] == [3]


def test_inline_links_only_the_spans_it_is_given():
    linker = html.concept_linker(page("sessions", "x.md"))
    text = "LR and `batch size` and LR"
    knowledge = link_lines(text)
    spans = knowledge.mentions[Source("sessions/log.md", 3)]
    assert html.inline(text, linker, spans) == (
        '<a href="../../concepts/learning-rate/">LR</a> and '
        '<a href="../../concepts/batch-size/"><code>batch size</code></a> and LR')
    assert "<a " not in html.inline(text, linker)  # no spans, no links: render searches no vocabulary


def test_quoted_lines_are_linked_with_the_spans_of_the_line_they_quote():
    """The glossary, the watchlist and a concept page quote log lines (a definition, a
    watchlist item, the lines that mention the concept): linked as the link stage placed them."""
    log = ("## Session: 2026-03-01 10:00 UTC\n- What I learned:\n"
           "  - `epoch` is one pass over the data at a fixed learning rate\n"
           "- Key concepts repeatedly confused (watchlist):\n"
           "  - `epoch` versus iteration at one learning rate\n")
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(log.splitlines())), LABELS)
    knowledge, _ = link([parsed], build_lexicon([], frozenset()), 3)
    files, _ = render_site(knowledge, {}, 3)
    definition, item = knowledge.concepts[0].definition, knowledge.watchlist[0]
    quoted = [(page("glossary.md"), definition.text, definition.source), (page("watchlist.md"), item.text, item.sources[-1])]
    for path, text, source in quoted:
        shown = html.inline(text, html.concept_linker(path), knowledge.mentions[source])
        assert shown.count("<a href") == 2 and shown in files[path], path
        concept_page = page("concepts", "learning-rate.md")  # which links every concept but its own
        shown = html.inline(text, html.concept_linker(concept_page, "learning-rate"), knowledge.mentions[source])
        assert shown.count("<a href") == 1 and shown in files[concept_page]


def test_card_texts_carry_no_links_and_list_the_cards_concepts():
    knowledge = link_lines("Q/A: Why does the learning rate matter? Because LR scales each step.")
    files, _ = render_site(knowledge, {}, 3)
    recall = files[page("recall.md")]
    card = recall[recall.index("<details"):]
    summary, answer = card.split("</summary>", 1)
    assert "<a " not in summary and "Because LR scales each step." in answer
    assert 'Concepts: <a href="../concepts/learning-rate/">learning rate</a>' in answer


@pytest.mark.parametrize("text, spans", [
    ("max_epoch and max_grad", []),  # a word joined by `_` is part of an identifier
    ("epoch_size, grad_norm_2, _epoch", []),
    ("W_in rows; the epoch ends", [("epoch", "epoch")]),
    ("`max_epoch` then 4 epochs", [("epochs", "epoch")]),
    ("| max_epoch | 4 |", []),
    ("| epoch | max_grad |", [("epoch", "epoch")]),
    ("에폭_수 and 에폭은", [("에폭", "epoch")]),  # a Korean particle joins no identifier
])
def test_no_mention_starts_or_ends_inside_an_identifier(text, spans):
    assert spans_on(link_lines(text), text) == spans


def test_a_table_row_names_no_concept_inside_an_identifier():
    log = ("## Session: 2026-03-01 10:00 UTC\n- Topics covered:\n  - the run's settings\n\n"
           "| name | value |\n|---|---|\n| max_epoch | 4 |\n| max_grad | 0.25 |\n| epoch | 4 |\n")
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(log.splitlines())), LABELS)
    knowledge, _ = link([parsed], build_lexicon([], frozenset()), 3)
    named = {source.line: [s.concept for s in spans] for source, spans in knowledge.mentions.items()}
    assert named == {9: ["epoch"]}


@pytest.mark.parametrize("text, named", [
    ("vanishing / exploding gradients (6.1)", [("vanishing", "vanishing gradient"), ("exploding gradients", "exploding gradient")]),
    ("input/output gates", [("input", "input gate"), ("output gates", "output gate")]),
    ("기울기 소실/폭발 문제", [("기울기 소실", "vanishing gradient"), ("폭발", "exploding gradient")]),
    ("입력/출력 게이트", [("입력", "input gate"), ("출력 게이트", "output gate")]),
    ("LSTM/GRU", [("LSTM", "LSTM"), ("GRU", "GRU")]),
    ("train/test split", []),  # no term on both sides: nothing shared
])
def test_words_that_share_a_name_across_a_slash_each_name_their_term(text, named):
    from studykb.markup import code_spans
    from studykb.mentions import names_in
    from studykb.vocabulary import build_lexicon
    found = names_in(text, code_spans(text), build_lexicon([], frozenset()))
    assert [(text[m.start:m.end], m.term) for m in found] == named
