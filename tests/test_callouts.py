"""Blockquotes and callouts, log text in, records, cards and page out.

A question callout (``> [!question]``, ``> [!faq]``, ``> [!help]``) is a question and
its answer, which becomes a recall card; a quoted quiz line (``> **Q:** ...``) is that
quiz line; any other callout (``> [!note]``, ``> [!tip]``, ``> [!warning]``) stays a
note with its text, its marker shown as its kind's name. Every line reaches the page.
"""
from __future__ import annotations

import re

import pytest

from studykb.labels import shipped_labels
from studykb.model import QA, Note, Section, SectionKind
from studykb.parse import parse_log
from studykb.render import html
from studykb.sources import LogText
from tests.test_session_page import assert_every_line_shown, built, parts

LABELS = shipped_labels()


def blocks(body: str):
    log, _ = parse_log(LogText("sessions/log.md", ("## 2026-12-04", *body.splitlines())), LABELS)
    return log.entries[0].blocks


CARDS = [
    pytest.param("> [!question] Why sample with p^0.75?\n> So rare words get picked more often.",
                 [("Why sample with p^0.75?", "So rare words get picked more often.")], id="question"),
    pytest.param("> [!faq] Why add.at?\n> Plain indexing overwrites,\n> so repeated ids lose gradient.",
                 [("Why add.at?", "Plain indexing overwrites, so repeated ids lose gradient.")], id="faq wrapped"),
    pytest.param("> [!QUESTION]- Why cut the backward?\n> To bound memory.",
                 [("Why cut the backward?", "To bound memory.")], id="folded, upper case"),
    pytest.param("> [!question]\n> What is perplexity?\n> exp of the mean cross-entropy",
                 [("What is perplexity?", "exp of the mean cross-entropy")], id="question on its next line"),
    pytest.param("> [!help] 왜 p^0.75로 샘플링하나?\n> 드문 단어가 조금 더 자주 뽑히도록.",
                 [("왜 p^0.75로 샘플링하나?", "드문 단어가 조금 더 자주 뽑히도록.")], id="Korean callout"),
    pytest.param("> **Q:** What does Embedding replace?\n> **A:** MatMul with a one-hot input",
                 [("What does Embedding replace?", "MatMul with a one-hot input")], id="quoted Q/A"),
    pytest.param("> **질문:** 퍼플렉서티란?\n> **답:** 교차 엔트로피의 지수",
                 [("퍼플렉서티란?", "교차 엔트로피의 지수")], id="quoted Korean Q/A"),
]


@pytest.mark.parametrize("body, cards", CARDS)
def test_question_callouts_and_quoted_quiz_lines_are_cards(body, cards):
    knowledge, page = built("- Topics covered:\n- sampling\n\n" + body)
    assert [(c.front, c.back) for c in knowledge.cards if c.kind == "qa"] == cards
    assert "Questions and answers" in parts(page)
    assert "[!" not in page
    assert_every_line_shown(body, page)


@pytest.mark.parametrize("body, kind, title", [
    ("> [!note]\n> `EmbeddingDot` keeps a cache for backward.", "note", "Note"),
    ("> [!warning] Feed mini-batches in order\n> otherwise the hidden state means nothing.", "warning",
     "Feed mini-batches in order"),
    ("> [!tip] 미니배치는 순서대로", "tip", "미니배치는 순서대로"),
    ("> [!warning]\n> Feed mini-batches in order per row.", "warning", "Warning"),
    ("- read 4.1\n- read 4.2\n\n> [!info] Book errata\n> p. 150 has a typo", "info", "Book errata"),
])
def test_other_callouts_stay_notes_shown_as_admonitions(body, kind, title):
    assert all(isinstance(b, Note) for b in blocks(body) if not isinstance(b, Section))
    knowledge, page = built(body)
    assert [c for c in knowledge.cards if c.kind == "qa"] == []
    assert f'<div class="admonition {kind}"><p class="admonition-title">' in page
    assert title in re.sub(r"<[^>]+>", "", page.split('class="admonition-title">')[1].split("</p>")[0])
    assert "[!" not in page and "&gt;" not in page
    assert_every_line_shown(body, page)


WATCHLIST_CALLOUTS = [
    pytest.param("> [!warning] still confused\n> When does backward assign and when does it add?",
                 "still confused", ["When does backward assign and when does it add?"], id="titled warning"),
    pytest.param("- Embedding layer\n- add.at\n\n> [!caution] Still unclear\n> sigmoid vs softmax\n> for two classes",
                 "Still unclear", ["sigmoid vs softmax for two classes"], id="after a list, wrapped body"),
    pytest.param("> [!bug] Confusing\n> - PMI vs PPMI\n> - window size vs context size",
                 "Confusing", ["PMI vs PPMI", "window size vs context size"], id="bullets"),
    pytest.param("> [!note] 헷갈리는 것\n> 은닉 상태와 출력의 차이", "헷갈리는 것", ["은닉 상태와 출력의 차이"],
                 id="Korean title names the watchlist"),
]


@pytest.mark.parametrize("body, name, items", WATCHLIST_CALLOUTS)
def test_a_callout_that_flags_a_confusion_is_a_watchlist_of_its_body(body, name, items):
    found = [b for b in blocks(body) if isinstance(b, Section) and b.kind is SectionKind.WATCHLIST]
    assert [(s.name, [i.text for i in s.items]) for s in found] == [(name, items)]
    knowledge, page = built(body)
    assert [w.text for w in knowledge.watchlist] == items
    assert "[!" not in page and "&gt;" not in page
    assert_every_line_shown(body, page)


def test_a_line_after_a_callout_is_not_its_item():
    found = blocks("> [!warning] still confused\n> CBOW average vs sum\n\nRan the toy test.")
    assert [type(b).__name__ for b in found] == ["Section", "Note"]


@pytest.mark.parametrize("body", [
    "## Notes\n- Answer to Tuesday's confusion: the negatives teach no. Resolved.",
    "## Notes\n- 지난번 헷갈린 것에 대한 답: 음성 샘플이 '아니오'를 가르친다. 해결.",
    "## Notes\n- Answer to yesterday's confusion: assignment drops repeated rows",
    "## メモ\n- 前回の疑問への回答: 負例は「いいえ」を教える",
])
def test_a_line_named_as_an_answer_to_a_confusion_flags_none(body):
    knowledge, _ = built(body)
    assert knowledge.watchlist == ()
    assert not [b for b in blocks(body) if isinstance(b, Section) and b.kind is SectionKind.WATCHLIST]


def test_a_plain_quote_is_a_note_and_a_bare_quote_line_ends_a_callouts_answer():
    found = blocks("> just a quote\n\n> [!faq] Why?\n> Because.\n>\n> an aside")
    assert [type(b).__name__ for b in found] == ["Note", "QA", "QA", "Note", "Note"]
    assert [b.text for b in found if isinstance(b, Note)] == ["> just a quote", ">", "> an aside"]


def test_a_wrapped_answer_keeps_a_record_per_line():
    qa = [b for b in blocks("> [!question] Why?\n> one\n> two\n> three") if isinstance(b, QA)]
    assert [(b.source.line, b.text, b.answer, b.continues) for b in qa] == [
        (2, "Why?", "", False), (3, "one", "one two three", False), (4, "two", "", True), (5, "three", "", True)]


@pytest.mark.parametrize("line, shown", [
    ("> a quote", "<blockquote><p>a quote</p></blockquote>"),
    ("> [!note]", "<blockquote><p><strong>Note:</strong> </p></blockquote>"),
    ("> [!tip]+ <b>raw</b>", "<blockquote><p><strong>Tip:</strong> &lt;b&gt;raw&lt;/b&gt;</p></blockquote>"),
    ("a > b", "<p>a &gt; b</p>"),
])
def test_a_note_line_renders_escaped(line, shown):
    assert html.note(line) == shown


QUOTED_PARTS = [
    pytest.param("- Embedding 계층\n\n> 💡 다음에 할 것: 6장 LSTM 읽고 게이트 그림 그려보기", SectionKind.RESUME,
                 "6장 LSTM 읽고 게이트 그림 그려보기", id="Notion callout names the resume point"),
    pytest.param("> 💡 배운 점: Embedding은 행을 뽑아 오는 것", SectionKind.LEARNED, "Embedding은 행을 뽑아 오는 것",
                 id="Korean learned"),
    pytest.param("> ❗ 헷갈림: sigmoid vs softmax", SectionKind.WATCHLIST, "sigmoid vs softmax", id="Korean watchlist"),
    pytest.param("> 📌 Next session: run train_rnnlm.py", SectionKind.RESUME, "run train_rnnlm.py", id="English"),
    pytest.param("> 📝 次回やること: 6章のLSTMから", SectionKind.RESUME, "6章のLSTMから", id="Japanese"),
]


@pytest.mark.parametrize("body, kind, item", QUOTED_PARTS)
def test_a_quote_that_opens_with_a_parts_name_is_that_part(body, kind, item):
    found = [b for b in blocks(body) if isinstance(b, Section) and b.kind is kind]
    assert [[i.text for i in s.items] for s in found] == [[item]]
    _, page = built(body)
    assert_every_line_shown(body, page)


@pytest.mark.parametrize("body", ["> 💡 목표: 3장 CBOW가 왜 느린지 이해하기", "> Note: the loss went down",
                                  "> ❗ GPU에서는 replace=False가 안 된다고 함"])
def test_a_quote_that_names_no_part_stays_a_note(body):
    assert [type(b).__name__ for b in blocks(body)] == ["Note"]
