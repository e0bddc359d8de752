"""Tables that are parts of a session: log text in, watchlist, definitions, topics and page out.

A table whose header row names a part is that part, one item a row: ``| confused | status |``
a watchlist (a status saying it is resolved resolves the row's item), ``| concept | note |``
what was learned (each row defines its term by its note), ``| topic | note |`` the topics.
Any other table is a table only; every table still shows as a table on the page.
"""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.labels_file import load_user_labels
from studykb.link import link
from studykb.model import Knowledge, SectionKind, Table
from studykb.parse import parse_log
from studykb.render.context import make_context
from studykb.render.session import render_session
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.conftest import visible_text
from tests.test_session_page import assert_every_line_shown, parts

LABELS = shipped_labels()


def knowledge_of(*sessions: str) -> Knowledge:
    """The knowledge of a log of these sessions (bodies), a day apart."""
    lines = ["# log"]
    for day, body in enumerate(sessions, 1):
        lines += ["", f"## Session: 2026-04-{day:02d} 19:00 KST", *body.splitlines()]
    log, _ = parse_log(LogText("sessions/log.md", tuple(lines)), LABELS)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    return knowledge


def definitions(knowledge: Knowledge) -> dict[str, str]:
    return {c.name: c.definition.text for c in knowledge.concepts if c.definition}


def watchlist(knowledge: Knowledge) -> list[tuple[str, str]]:
    """(the item's latest wording, its status), first flagged first."""
    return sorted(((w.text, w.status) for w in knowledge.watchlist), key=lambda w: w[0])


# --- a table of terms defines each row's term -------------------------------------------

TERM_TABLES = [
    pytest.param("| concept | note |\n|---|---|\n| attention weights | softmax over the encoder positions, sums to 1 |\n"
                 "| `WeightSum` | weights the hidden states, then sums them |",
                 {"attention weight": "attention weights — softmax over the encoder positions, sums to 1",
                  "WeightSum": "`WeightSum` — weights the hidden states, then sums them"}, id="concept | note"),
    pytest.param("| Term | Chapter | Meaning |\n|:--|:-:|:--|\n| perplexity | 5 | the exponent of the mean loss |",
                 {"perplexity": "perplexity — the exponent of the mean loss — 5"}, id="note not second"),
    pytest.param("| Key terms | Description |\n| --- | --- |\n| beam search | keeps the k best sequences, step by step |",
                 {"beam search": "beam search — keeps the k best sequences, step by step"}, id="key terms"),
    pytest.param("| 용어 | 설명 |\n|---|---|\n| 어텐션 | 필요한 정보에 주목하는 구조 |\n| 인코더 | 입력을 벡터로 바꾼다 |",
                 {"attention": "어텐션 — 필요한 정보에 주목하는 구조", "encoder": "인코더 — 입력을 벡터로 바꾼다"},
                 id="용어 | 설명, terms the vocabulary knows by another name"),
    pytest.param("| 개념 | 의미 |\n|---|---|\n| 양방향 RNN | 두 방향의 LSTM, 은닉 상태를 연결 |",
                 {"bidirectional RNN": "양방향 RNN — 두 방향의 LSTM, 은닉 상태를 연결"}, id="개념 | 의미"),
    pytest.param("| 用語 | 意味 |\n|---|---|\n| 注意機構 | 必要な情報に注目する仕組み |",
                 {"注意機構": "注意機構 — 必要な情報に注目する仕組み"}, id="用語 | 意味"),
]


@pytest.mark.parametrize("body, defined", TERM_TABLES)
def test_a_table_of_terms_defines_each_rows_term_by_its_note(body, defined):
    knowledge = knowledge_of(body)
    assert {name: text for name, text in definitions(knowledge).items() if name in defined} == defined
    learned = knowledge.sessions[0].items_of(SectionKind.LEARNED)
    assert [item.text for item in learned] == [defined[name] for name in defined]


def test_a_row_of_a_table_of_terms_without_a_note_defines_nothing():
    knowledge = knowledge_of("| concept | note |\n|---|---|\n| alignment | |\n| context vector | the weighted sum |")
    assert definitions(knowledge) == {"context vector": "context vector — the weighted sum"}
    assert [i.text for i in knowledge.sessions[0].items_of(SectionKind.LEARNED)] == [
        "alignment", "context vector — the weighted sum"]


# --- a table of confusions is a watchlist -----------------------------------------------

WATCH_TABLES = [
    pytest.param(["| confused | status |\n|---|---|\n| attention weight vs attention score | open |",
                  "| confused | status |\n|---|---|\n| attention weight vs attention score | clear now |"],
                 [("attention weight vs attention score — open", "resolved")], id="clear now"),
    pytest.param(["| Confusing | Status |\n|---|---|\n| encoder vs decoder | still fuzzy |\n| BLEU vs accuracy | open |",
                  "| Confusing | Status |\n|---|---|\n| encoder vs decoder | resolved — the encoder reads |"],
                 [("BLEU vs accuracy — open", "open"), ("encoder vs decoder — still fuzzy", "resolved")],
                 id="resolved — why"),
    pytest.param(["| watchlist | status |\n|---|---|\n| PMI vs PPMI | not resolved yet |"],
                 [("PMI vs PPMI — not resolved yet", "open")], id="not resolved"),
    pytest.param(["| 헷갈리는 개념 | 상태 |\n|---|---|\n| 가중치와 점수 | 아직 헷갈림 |",
                  "| 헷갈리는 개념 | 상태 |\n|---|---|\n| 가중치와 점수 | 해결 |"],
                 [("가중치와 점수 — 아직 헷갈림", "resolved")], id="해결"),
    pytest.param(["| 混乱 | 状態 |\n|---|---|\n| 重みとスコア | まだ |", "| 混乱 | 状態 |\n|---|---|\n| 重みとスコア | 理解した |"],
                 [("重みとスコア — まだ", "resolved")], id="理解した"),
    # a yes under a column headed by a resolving word, or under a status column
    pytest.param(["| confused | resolved? |\n|---|---|\n| hs vs h | no |\n| PMI vs PPMI | no |",
                  "| confused | resolved? |\n|---|---|\n| hs vs h | yes |\n| PMI vs PPMI | no |"],
                 [("PMI vs PPMI — no", "open"), ("hs vs h — no", "resolved")], id="resolved? yes/no"),
    pytest.param(["| confused | status | note |\n|---|---|---|\n| encoder vs decoder | ✅ | the encoder reads |"],
                 [("encoder vs decoder — ✅ — the encoder reads", "resolved")], id="a check mark status"),
    pytest.param(["| confused | understood |\n|---|---|\n| hs vs h | **Y** |"],
                 [("hs vs h — **Y**", "resolved")], id="understood: Y"),
    pytest.param(["| 헷갈리는 개념 | 해결 여부 |\n|---|---|\n| 가중치와 점수 | 네 |"],
                 [("가중치와 점수 — 네", "resolved")], id="해결 여부: 네"),
    pytest.param(["| 混乱 | 理解した? |\n|---|---|\n| 重みとスコア | はい |"],
                 [("重みとスコア — はい", "resolved")], id="理解した?: はい"),
    # a yes that does not say resolved
    pytest.param(["| confused | still confused? |\n|---|---|\n| hs vs h | yes |"],
                 [("hs vs h — yes", "open")], id="still confused? yes"),
    pytest.param(["| confused | note |\n|---|---|\n| hs vs h | ok |"], [("hs vs h — ok", "open")],
                 id="a note column's ok"),
]


@pytest.mark.parametrize("bodies, items", WATCH_TABLES)
def test_a_table_of_confusions_is_the_watchlist_and_a_resolved_status_resolves_its_item(bodies, items):
    assert watchlist(knowledge_of(*bodies)) == items


def test_a_watchlist_table_row_resolves_as_a_resolving_line_would():
    table = knowledge_of("| confused | status |\n|---|---|\n| hs vs h | open |",
                         "| confused | status |\n|---|---|\n| hs vs h | got it now |")
    lines = knowledge_of("- Watchlist:\n  - hs vs h — open", "- Watchlist:\n  - hs vs h — got it now")
    assert [(w.key, w.status, w.flagged_in) for w in table.watchlist] == [
        (w.key, w.status, w.flagged_in) for w in lines.watchlist]


# --- other parts, and tables that are no part -------------------------------------------

def test_a_table_of_topics_is_the_topics():
    knowledge = knowledge_of("| topic | note |\n|---|---|\n| 8.1 | seq2seq bottleneck |\n|  | (cont.) |")
    assert [i.text for i in knowledge.sessions[0].items_of(SectionKind.TOPICS)] == ["8.1 — seq2seq bottleneck"]


@pytest.mark.parametrize("body", [
    pytest.param("| param | value |\n|---|---|\n| lr | 0.1 |", id="settings"),
    pytest.param("| result | value |\n|---|---|\n| epoch 1 | val acc 0.2% |", id="results"),
    pytest.param("| concept | chapter |\n|---|---|\n| attention | 8 |", id="terms without a note"),
    pytest.param("| learning rate | batch size |\n|---|---|\n| 0.1 | 32 |", id="a word of a part's name"),
    pytest.param("| confused | status |\n| hs vs h | open |", id="no delimiter row: no header"),
])
def test_a_table_whose_header_names_no_part_is_a_table_only(body):
    knowledge = knowledge_of(body)
    (table,) = knowledge.sessions[0].blocks
    assert isinstance(table, Table) and table.part is None
    assert not knowledge.sessions[0].sections and not knowledge.watchlist and not definitions(knowledge)


def test_a_settings_table_after_an_experiment_line_still_goes_with_it():
    knowledge = knowledge_of("- Ran ch08 train.py\n| param | value |\n|---|---|\n| hidden size | 256 |")
    (table,) = [b for b in knowledge.sessions[0].blocks if isinstance(b, Table)]
    assert table.part is None


# --- the page ----------------------------------------------------------------------------

PAGES = [
    pytest.param("| concept | note |\n|---|---|\n| weighted sum | the context vector |", "What you learned",
                 ["concept", "note", "weighted sum", "the context vector"], id="terms"),
    pytest.param("| confused | status |\n|---|---|\n| hs vs h | clear now |", "Watchlist",
                 ["confused", "status", "hs vs h", "clear now"], id="watchlist"),
    pytest.param("| 용어 | 설명 |\n|---|---|\n| 어텐션 | 주목하는 구조 |", "배운 것",  # a Korean log's page
                 ["용어", "설명", "어텐션", "주목하는 구조"], id="용어"),
    pytest.param("| 混乱 | 状態 |\n|---|---|\n| 重みとスコア | 理解した |", "混乱しやすい概念",  # a Japanese log's page
                 ["混乱", "状態", "重みとスコア", "理解した"], id="混乱"),
]


@pytest.mark.parametrize("body, part, cells", PAGES)
def test_a_table_that_is_a_part_shows_as_a_table_under_that_part(body, part, cells):
    knowledge = knowledge_of(body)
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    shown = parts(page)[part]
    assert "<table>" in shown and shown.count("<tr>") == 2
    assert " ".join(cells) in " ".join(visible_text(shown).split())
    assert_every_line_shown(body, page)


def test_a_term_a_table_defines_is_linked_in_its_cell_where_the_row_names_it():
    knowledge = knowledge_of("| concept | note |\n|---|---|\n| weighted sum | uses the attention weights |\n"
                             "| attention weights | softmax output |")
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    text = visible_text(page)
    assert "weighted sum uses the attention weights attention weights softmax output" in " ".join(text.split())
    assert page.count('href="../../concepts/attention-weight/"') >= 2


def test_a_learners_own_column_names_make_a_table_of_terms(tmp_path):
    vocabulary = tmp_path / "vocabulary.yml"
    vocabulary.write_text("labels:\n  term: [Begriff]\n  note: [Erklärung]\n", encoding="utf-8")
    labels, problems = load_user_labels(vocabulary, "sessions/vocabulary.yml")
    table = "| Begriff | Erklärung |\n|---|---|\n| Aufmerksamkeit | gewichtet die Zustände |"
    log, _ = parse_log(LogText("sessions/log.md", ("## Session: 2026-04-01 19:00 KST", *table.splitlines())), labels)
    (block,) = log.entries[0].blocks
    assert not problems and block.part is not None
    assert [(i.text, i.term) for i in block.part.items] == [("Aufmerksamkeit — gewichtet die Zustände", "Aufmerksamkeit")]


# --- a status column in a table no part names: what was learned, a yes resolves -----------

@pytest.mark.parametrize("status, resolved", [("✔", True), ("这次分清楚了", True), ("resolved", True), ("해결", True),
                                              ("△", False), ("", False)])
def test_a_status_column_of_a_table_of_what_was_mastered_resolves_the_item_its_row_names(status, resolved):
    knowledge = knowledge_of("- Watchlist:\n  - hs vs h",
                             f"### mastered\n\n| point | 掌握情况 | note |\n|---|---|---|\n| hs vs h | {status} | ok |")
    assert watchlist(knowledge) == [("hs vs h", "resolved" if resolved else "open")]
    (table,) = [b for b in knowledge.sessions[1].blocks if isinstance(b, Table)]
    assert table.part is not None and table.part.kind is SectionKind.LEARNED  # still shown as a table


def test_a_status_table_row_that_names_no_item_resolves_nothing():
    knowledge = knowledge_of("- Watchlist:\n  - hs vs h", "| point | status |\n|---|---|\n| PMI vs PPMI | ✔ |")
    assert watchlist(knowledge) == [("hs vs h", "open")]


@pytest.mark.parametrize("body", [
    "| param | value |\n|---|---|\n| lr | 0.1 <br> then 0.01 |",
    "| 용어 | 설명 |\n|---|---|\n| 클리핑 | 길이만 줄임<br/>방향은 그대로 |",
])
def test_a_break_in_a_cell_shows_as_a_line_break(body):
    knowledge = knowledge_of(body)
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    assert "<br>" in page.split("<table>", 1)[1] and "&lt;br" not in page


# A session written as one table, its rows named by their first cell: each row is the part
# it names, each line of its cell (lines broken by ``<br>``) an item or a Q/A line of it.
TUTOR_TABLES = [
    ("| | |\n|---|---|\n| Covered | Embedding layer |\n| Still shaky | shapes in backward <br> the second bottleneck |\n"
     "| Homework | implement `EmbeddingDot` |",
     {SectionKind.TOPICS: ["Embedding layer"], SectionKind.WATCHLIST: ["shapes in backward", "the second bottleneck"],
      SectionKind.RESUME: ["implement `EmbeddingDot`"]}),
    ("| 항목 | 내용 |\n|---|---|\n| 배운 것 | 임베딩은 행 추출<br/>역전파는 누적 |\n| 헷갈린 것 | 배치 형상 |\n| 숙제 | 4.2절 읽기 |",
     {SectionKind.LEARNED: ["임베딩은 행 추출", "역전파는 누적"], SectionKind.WATCHLIST: ["배치 형상"],
      SectionKind.RESUME: ["4.2절 읽기"]}),
]


@pytest.mark.parametrize("body, items", TUTOR_TABLES)
def test_a_session_written_as_a_table_is_read_as_its_parts(body, items):
    knowledge = knowledge_of(body + "\n\nA remark after the table.")
    session = knowledge.sessions[0]
    assert {kind: [i.text for i in session.items_of(kind)] for kind in items} == items
    assert not any(isinstance(b, Table) for b in session.blocks)
    page = render_session(session, make_context(knowledge, {}))
    assert "<table>" not in page and "A remark after the table." in visible_text(page)
    for texts in items.values():
        assert all(t.replace("`", "") in visible_text(page) for t in texts)


@pytest.mark.parametrize("row, cards", [
    ('| Questions asked | "Does it change the result?" → No, only cheaper. <br> "Why add?" → ids repeat |',
     [("Does it change the result?", "No, only cheaper."), ("Why add?", "ids repeat")]),
    ("| 질문 | 반전은 입력만? 정답도? → 입력만 <br> 몇 개 복사? → T개 |",
     [("반전은 입력만? 정답도?", "입력만"), ("몇 개 복사?", "T개")]),
])
def test_a_questions_row_of_a_session_table_gives_a_card_a_question(row, cards):
    knowledge = knowledge_of(f"| | |\n|---|---|\n| Covered | RNN |\n{row}\n| Homework | read 5.3 |")
    assert sorted((c.front, c.back) for c in knowledge.cards if c.kind == "qa") == sorted(cards)


def test_a_table_of_values_whose_rows_name_no_parts_stays_a_table():
    knowledge = knowledge_of("| | |\n|---|---|\n| lr | 0.1 |\n| Homework | none |")
    assert any(isinstance(b, Table) for b in knowledge.sessions[0].blocks)


@pytest.mark.parametrize("row, cells", [
    (r"| P(w \| context) | 확률 |", [r"P(w \| context)", "확률"]),
    (r"| if \|\|g\|\| > t | clip |", [r"if \|\|g\|\| > t", "clip"]),
    (r"| a | ends with a bar \|", ["a", r"ends with a bar \|"]),
    ("| a | b |", ["a", "b"]),
])
def test_a_bar_written_escaped_is_no_cell_border(row, cells):
    from studykb.markup import table_cells
    assert [text for _, text in table_cells(row)] == cells
