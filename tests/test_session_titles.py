"""The title of a session whose header gives only its date, log text in, title and topics out.

Its first line titles it when that line names a chapter or a section (``4.2: multi-class →
binary classification``, ``started ch4 (word2vec speed-up), re-read ch3``, ``5장 RNN 시작``,
``第4章 RNN``), cut at the end of its first clause; that line is then the session's topic,
under Topics once, unless the session has a topics part. A header with words of its own
keeps them as its title, and a first line that names no chapter titles nothing.
"""
from __future__ import annotations

import re

import pytest

from studykb.labels import shipped_labels
from studykb.model import SectionKind
from studykb.parse import parse_log
from studykb.session_titles import title_of
from studykb.sources import LogText
from tests.test_session_page import built, parts

LABELS = shipped_labels()
T, O = SectionKind.TOPICS, SectionKind.OTHER


def entry(header: str, body: str):
    log, _ = parse_log(LogText("sessions/t.md", (header, *body.splitlines())), LABELS)
    return log.entries[0]


@pytest.mark.parametrize("body, label", [
    ("- started ch4 (word2vec speed-up), re-read end of ch3 first\n- TIL: x", "started ch4 (word2vec speed-up)"),
    ("- 4.2: multi-class → binary classification\n- TIL: x", "4.2: multi-class → binary classification"),
    ("- 4.2.6-4.2.7 sampling\n- ?? 0.75", "4.2.6-4.2.7 sampling"),
    ("- 4.3 improved CBOW on PTB", "4.3 improved CBOW on PTB"),
    ("Ch.5 RNN — the first half, slowly", "Ch.5 RNN"),
    ("- Chapter 6: gated RNN; LSTM only", "Chapter 6: gated RNN"),
    ("- **§5.3** TimeRNN", "§5.3 TimeRNN"),
    ("- 5장 RNN 시작, 5.1까지", "5장 RNN 시작"),
    ("- 오늘 6장 게이트가 추가된 RNN", "오늘 6장 게이트가 추가된 RNN"),
    ("- 4.2절 다중 분류에서 이진 분류로", "4.2절 다중 분류에서 이진 분류로"),
    ("- 第4章 word2vecの高速化。前半だけ", "第4章 word2vecの高速化"),
    ("- 今日は第5章のRNN", "今日は第5章のRNN"),
    ("- 4.2節 多値分類から二値分類へ", "4.2節 多値分類から二値分類へ"),
    # A first line that names no chapter or section titles nothing.
    ("- training finished (Fri night → Sat noon)\n- 4.3 eval", ""),
    ("- (skipped: travel)", ""),
    ("- 0.75 power lifts rare words", ""),
    ("- 1.5 hours", ""),
    ("- studied 1h40\n- 4.2 sampling", ""),
    ("- TIL: ch4 is about speed", ""),
    ("- the book's ch4 is long", ""),
    ("- 2026.12.01 review", ""),
    # A paragraph of prose is no topic line, even when it opens with a section.
    ("8.4. Bidirectional LSTM encoder: one LSTM reads left to right, one right to left. Then the two "
     "are concatenated. About 50 minutes.", ""),
])
def test_a_first_line_that_names_a_chapter_titles_a_session_whose_header_names_none(body, label):
    assert entry("### 2026-11-30 (Mon)", body).label == label


@pytest.mark.parametrize("header", ["## 2026-11-30 — Embedding", "### 2026-11-30 (Mon) review day",
                                    "## 3회차 (2026.12.02 수) 복습"])
def test_a_header_with_words_of_its_own_keeps_them(header):
    session = entry(header, "- 4.2: multi-class → binary classification")
    assert session.label and "4.2" not in session.label
    assert not session.items_of(T)


@pytest.mark.parametrize("body, expected", [
    ("- 4.2: multi-class → binary\n- ran: x", [(T, ["4.2: multi-class → binary"])]),
    ("- 4.3 improved CBOW on PTB\n  - from the book's code\n- plain line",
     [(T, ["4.3 improved CBOW on PTB", "from the book's code"]), (O, ["plain line"])]),
    ("5장 RNN 시작\n\n- ?? BPTT", [(T, ["5장 RNN 시작"]), (SectionKind.WATCHLIST, ["BPTT"])]),
    # A topics part of its own keeps the first line where it was.
    ("- 4.2 sampling\n- Topics:\n  - negative sampling", [(O, ["4.2 sampling"]), (T, ["negative sampling"])]),
])
def test_the_first_line_that_titles_a_session_is_its_topic(body, expected):
    session = entry("### 2026-11-30 (Mon)", body)
    assert [(s.kind, [i.text for i in s.items]) for s in session.sections] == expected


def test_the_first_line_shows_once_on_the_page_under_topics():
    _, page = built("- 4.2: multi-class → binary classification\n- TIL: sigmoid + CE gives y - t")
    shown = parts(page)
    assert "4.2: multi-class" in shown["Topics"]
    assert len(re.findall("multi-class", page.split("## ", 1)[1])) == 1
    assert "Everything else in the entry" not in shown


@pytest.mark.parametrize("line, title", [
    ("started ch4 (word2vec speed-up, part 1), then ch3", "started ch4 (word2vec speed-up, part 1)"),
    ("4.2: " + "very long words " * 8, "4.2: very long words very long words very long words very…"),
    ("`4.2` sampling:", "4.2 sampling"),
])
def test_a_title_is_the_first_clause_of_its_line(line, title):
    assert title_of(line) == title
