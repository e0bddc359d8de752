"""Obsidian's metadata, log text in, pages out: a line of ``#tags`` shows as tags, a tag that
names a concept linked to its page; YAML front matter at the top of a log (``---``, ``tags: [...]``, ``---``) is the log's
properties on the timeline, not its description. Every line stays on the site."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.markup import tags_of
from studykb.parse import parse_log
from studykb.render import html
from studykb.render.context import make_context
from studykb.render.timeline import render_timeline
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.test_session_page import built


@pytest.mark.parametrize("line, tags", [
    ("#dlfs2 #ch4 #word2vec", ((0, "#dlfs2"), (7, "#ch4"), (12, "#word2vec"))),
    ("  #rnn  ", ((2, "#rnn"),)),
    ("#딥러닝 #5장", ((0, "#딥러닝"), (5, "#5장"))),
    ("# Title", None),
    ("#rnn is next", None),
    ("Ran it #experiment", None),
])
def test_a_line_of_tags(line, tags):
    assert tags_of(line) == tags


@pytest.mark.parametrize("body, concept, other", [
    ("#dlfs2 #word2vec\n\n- Topics: embedding", "word2vec", "#dlfs2"),
    ("#딥러닝 #소프트맥스\n\n- 다룬 내용: 임베딩", "softmax", "#딥러닝"),
])
def test_tags_show_as_tags_a_concept_one_linked_to_it(body, concept, other):
    knowledge, page = built(body)
    assert concept in {c.name for c in knowledge.concepts}  # the session is tagged with it
    tags = page.split('<p class="studykb-tags">')[1].split("</p>")[0]
    assert f'<span class="studykb-tag">{other}</span>' in tags
    assert f'class="studykb-tag" href="../../concepts/{concept}/">#' in tags
    assert "#<a" not in page


def test_a_tag_note_renders_escaped():
    assert html.note("#a<b>") == '<p class="studykb-tags"><span class="studykb-tag">#a&lt;b&gt;</span></p>'


def timeline(text: str) -> str:
    log, _ = parse_log(LogText("sessions/log.md", tuple(text.splitlines())), shipped_labels())
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    return render_timeline(make_context(knowledge, {}))


@pytest.mark.parametrize("top", [
    "---\ntags: [dlfs2, daily]\nbook: \"Deep Learning from Scratch 2\"\n---\n",
    "---\naliases: [딥러닝 노트]\n---\n",
])
def test_front_matter_is_the_logs_properties(top):
    page = timeline(top + "\nMy notes on the book.\n\n## 2026-11-22\n- Topics: embedding\n")
    properties = [line for line in top.splitlines() if line != "---"]
    shown = page.split('<p class="studykb-properties">Properties: ')[1].split("</p>")[0]
    assert shown == " · ".join(html.text(p) for p in properties)
    assert "<p>My notes on the book.</p>" in page


def test_a_break_later_in_the_preamble_is_no_front_matter():
    page = timeline("Intro line\n\n---\n\nkey: value\n\n---\n\n## 2026-11-22\n- Topics: embedding\n")
    assert "studykb-properties" not in page and "<p>key: value</p>" in page
