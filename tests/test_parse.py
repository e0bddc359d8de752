"""The parser, line in, record out."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from studykb.diagnostics import Level
from studykb.model import QA, CodeBlock, Field, Note, Section, SectionKind, Table
from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.session_header import parse_session_header
from studykb.sources import decode_log

LABELS = shipped_labels()  # the table that ships with studykb


def parse(text: str):
    lines, problems = decode_log(text.encode("utf-8"), "sessions/t.md")
    log, more = parse_log(lines, LABELS)
    return log, problems + more


def one_block(body_line: str):
    log, _ = parse(f"## Session: 2026-02-18 15:03:34 KST\n- User language: English\n{body_line}\n")
    return log.entries[0].blocks[-1]


@pytest.mark.parametrize("line, expected", [
    ("- Repository: /x/y", Field("Repository", "/x/y", None)),
    ("- Next concept emphasis: noise vs labels", Field("Next concept emphasis", "noise vs labels", None)),
    ("- Some unknown field: kept", Field("Some unknown field", "kept", None)),
    (" - Q/A: User guessed 'data quality'.", QA("User guessed 'data quality'.", None, 1)),
    ("- Q/A: When model performs badly, choose **1**.", QA("When model performs badly, choose **1**.", None)),
    ("    - Q&A: indented deeper", QA("indented deeper", None, 4)),
    ("**Q&A:**", Section("Q&A", SectionKind.OTHER, None)),  # a Q/A label alone names a part
    ("- Q/A:", Section("Q/A", SectionKind.OTHER, None)),
    ("Free text with `code`.", Note("Free text with `code`.", None)),
])
def test_single_line_records(line, expected):
    block = one_block(line)
    assert type(block) is type(expected)
    for attr in ("name", "value", "text"):
        if hasattr(expected, attr):
            assert getattr(block, attr) == getattr(expected, attr)
    assert block.source.line == 3


@pytest.mark.parametrize("header, started, zone, offset, levels", [
    ("2026-02-14 13:16:07 KST", datetime(2026, 2, 14, 13, 16, 7), "KST", timedelta(hours=9), []),
    ("2026-02-14 13:16 UTC", datetime(2026, 2, 14, 13, 16), "UTC", timedelta(0), []),
    ("2026-02-14 13:16:07 +05:30", datetime(2026, 2, 14, 13, 16, 7), "+05:30", timedelta(hours=5, minutes=30), []),
    # no zone, or no time of day: said once for the log, by parse_log (tests/test_session_headers.py)
    ("2026-02-14 13:16:07", datetime(2026, 2, 14, 13, 16, 7), None, None, []),
    ("2026-02-14 13:16:07 XYZ", datetime(2026, 2, 14, 13, 16, 7), "XYZ", None, [Level.WARNING]),
    ("2026-02-14 KST", datetime(2026, 2, 14), "KST", timedelta(hours=9), []),  # a date alone
    ("2026-02-30 10:00:00 KST", None, None, None, [Level.ERROR]),
    ("2026-02-14 25:61 KST", None, None, None, [Level.ERROR]),
    ("yesterday evening", None, None, None, [Level.ERROR]),
    ("", None, None, None, [Level.ERROR]),
])
def test_session_header(header, started, zone, offset, levels):
    got_started, got_zone, problems = parse_session_header(header, "sessions/t.md", 4)
    assert (got_started, got_zone) == (started, zone)
    assert [p.level for p in problems] == levels
    assert all(str(p).startswith("sessions/t.md:4: ") for p in problems)
    if started and zone:
        log, _ = parse(f"## Session: {header}\n- A: b\n")
        assert log.entries[0].utc_offset == offset


@pytest.mark.parametrize("rest, started", [
    ("2026-02-14 13:16:07 KST", datetime(2026, 2, 14, 13, 16, 7)),
    ("2026-02-14 13:16 KST", datetime(2026, 2, 14, 13, 16)),
    ("2026-2-4 9:05 KST", datetime(2026, 2, 4, 9, 5)),
    ("2026-2-4 9:05:03 KST", datetime(2026, 2, 4, 9, 5, 3)),
    ("2026-02-30 10:00 KST", None),
    ("2026-02-14 24:00 KST", None),
])
def test_session_times_padded_or_not(rest, started):
    assert parse_session_header(rest, "a.md", 1)[0] == started


def test_seed_sections_hold_their_flat_items():
    log, problems = parse((__import__("tests.conftest", fromlist=["SEED"]).SEED).read_text())
    second = log.entries[1]
    sections = {s.kind: s for s in second.sections}
    assert [s.name for s in second.sections] == [
        "Topics covered", "What we learned today",
        "Key concepts repeatedly confused (watchlist)", "Resume point for next session"]
    assert len(sections[SectionKind.TOPICS].items) == 6
    # "Ch01 baseline run: ..." looks like a field but is an item of the open section.
    assert sections[SectionKind.TOPICS].items[0].text.startswith("Ch01 baseline run:")
    assert len(sections[SectionKind.LEARNED].items) == 5
    assert len(sections[SectionKind.WATCHLIST].items) == 3
    assert sections[SectionKind.RESUME].items[0].source.line == 38
    assert [f.name for f in second.fields] == ["Repository", "User language", "Time log (today)"]
    assert second.timelog.minutes == 35
    assert log.title == "Deep Learning Study Session Log"
    assert not [p for p in problems if p.level is not Level.INFO]


def test_indented_nested_and_numbered_items():
    log, _ = parse("## Session: 2026-03-02 23:40 UTC\n- A: b\n- Topics covered:\n"
                   "  - one\n    - nested\n  1. first\n  2. second\n- User language: English\n")
    section = log.entries[0].sections[0]
    assert [(i.text, i.depth, i.ordered) for i in section.items] == [
        ("one", 0, False), ("nested", 1, False), ("first", 0, True), ("second", 0, True)]
    assert log.entries[0].blocks[-1] == Field("User language", "English", log.entries[0].blocks[-1].source)


def test_known_field_closes_a_section_but_unknown_name_is_an_item():
    log, _ = parse("## Session: 2026-03-02 10:00 UTC\n- A: b\n- Topics covered:\n- Core terms: `epoch`\n"
                   "- Study mode: concept-first\n")
    blocks = log.entries[0].blocks
    assert isinstance(blocks[1], Section) and blocks[1].items[0].text == "Core terms: `epoch`"
    assert isinstance(blocks[2], Field) and blocks[2].name == "Study mode"


def test_code_fence_and_table_are_kept_verbatim():
    log, _ = parse("## Session: 2026-03-02 10:00 UTC\n- A: b\n```python\nx = {{ y }}\n\n- not a bullet\n```\n"
                   "| a | b |\n|---|---|\n| 1 | 2 |\n")
    code, table = log.entries[0].blocks[1:]
    assert isinstance(code, CodeBlock) and code.lines == ("x = {{ y }}", "", "- not a bullet")
    assert isinstance(table, Table) and table.lines == ("| a | b |", "|---|---|", "| 1 | 2 |")


def test_unclosed_fence_is_kept_and_reported():
    log, problems = parse("## Session: 2026-03-02 10:00 UTC\n- A: b\n```\ncode\n## Session: 2026-03-03 10:00 UTC\n- A: b\n")
    assert len(log.entries) == 2
    assert any("never closed" in p.message for p in problems)
    assert [type(b).__name__ for b in log.entries[0].blocks] == ["Field", "Note", "Note"]


@pytest.mark.parametrize("text, message", [
    ("", "empty log file"),
    ("# Only a title\n", "no session entries"),
    ("## Session: 2026-03-02 10:00 UTC\n" + "- 공부한 것 한 줄\n" * 5,
     "session 2026-03-02 has 5 lines but no learned items, watchlist, resume point or time log were recognised"),
])
def test_file_level_problems(text, message):
    _, problems = parse(text)
    assert any(message in p.message for p in problems)


def test_crlf_bom_and_tabs():
    data = "\ufeff# T\r\n## Session: 2026-05-01 08:00:00 KST\r\n- User language: English\r\n-\tTopics covered:\r\n\t- Item\r\n"
    lines, problems = decode_log(data.encode("utf-8"), "sessions/w.md")
    log, more = parse_log(lines, LABELS)
    assert lines.lines[0] == "# T"
    assert [(i.text, i.depth) for i in log.entries[0].sections[0].items] == [("Item", 0)]
    messages = " ".join(p.message for p in problems + more)
    assert "byte-order mark" in messages and "CRLF" in messages and "tab" in messages


def test_invalid_utf8_reports_line_and_byte_and_keeps_the_rest():
    data = b"## Session: 2026-05-01 08:00:00 KST\n- User language: Engl\xffish\n- Study mode: fine\n"
    lines, problems = decode_log(data, "sessions/u.md")
    assert [str(p) for p in problems] == [
        "sessions/u.md:2: warning: invalid UTF-8 at byte 22 of the line; shown as \N{REPLACEMENT CHARACTER}"]
    log, _ = parse_log(lines, LABELS)
    assert log.entries[0].fields[1].value == "fine"


def test_every_nonblank_line_lands_in_exactly_one_record():
    from tests.conftest import FIXTURES
    from studykb.model import Session, SessionId
    from studykb.session_lines import lines_of
    for path in FIXTURES.glob("*.md"):
        lines, _ = decode_log(path.read_bytes(), path.name)
        log, _ = parse_log(lines, LABELS)
        placed = [n.source.line for n in log.preamble if not isinstance(n, CodeBlock)]
        for code in (b for b in log.preamble if isinstance(b, CodeBlock)):
            placed += range(code.source.line, code.source.line + len(code.lines) + 2)
        for session in log.entries:
            placed.append(session.source.line)
            placed += [section.source.line for section in session.sections if section.name]
            placed += [line.source.line for line in lines_of(Session.of(session, SessionId("s")))]
            for code in (b for b in session.blocks if isinstance(b, CodeBlock)):
                placed += range(code.source.line, code.source.line + len(code.lines) + 2)
        expected = [n for n, text in enumerate(lines.lines, 1) if text.strip()]
        assert sorted(set(placed) & set(expected)) == expected, path.name
        assert len([p for p in placed if p in expected]) == len(expected), f"{path.name}: a line placed twice"


@pytest.mark.parametrize("part, lead_in, nested, after", [
    ("### What I learned", "My results (is_reverse=False):", "epoch 1: 0.18% / epoch 5: 1.7%", "Loss falls fast"),
    ("### 배운 점", "내 결과 (is_reverse=False):", "epoch 1: 0.18%", "손실은 잘 떨어짐"),
])
def test_a_name_with_items_nested_under_it_leads_into_them_in_the_part_it_is_in(part, lead_in, nested, after):
    log, _ = parse(f"## Session: 2026-03-05 09:00 KST\n{part}\n- Seq2seq reads, then writes\n"
                   f"- {lead_in}\n  - {nested}\n- {after}\n")
    (section,) = [b for b in log.entries[0].blocks if isinstance(b, Section)]
    assert section.kind is SectionKind.LEARNED
    assert [item.text for item in section.items] == ["Seq2seq reads, then writes", lead_in, nested, after]


def test_a_name_alone_before_items_at_its_own_depth_still_opens_a_part():
    log, _ = parse("## Session: 2026-03-05 09:00 KST\n- Topics covered:\n- softmax\n- Scratchpad:\n- a note\n")
    names = [b.name for b in log.entries[0].blocks if isinstance(b, Section)]
    assert names == ["Topics covered", "Scratchpad"]


@pytest.mark.parametrize("outline, expected", [
    ("1. 진도\n   - 4.1 임베딩 계층\n2. 학생이 이해한 것\n   - W[idx]로 행을 뽑음\n"
     "3. 아직 헷갈려 하는 것\n   - 분산 표현 vs 원핫\n6. 다음 시간\n   - 4.2 네거티브 샘플링\n",
     [("1. 진도", SectionKind.TOPICS), ("2. 학생이 이해한 것", SectionKind.LEARNED),
      ("3. 아직 헷갈려 하는 것", SectionKind.WATCHLIST), ("6. 다음 시간", SectionKind.RESUME)]),
    ("1. Covered\n\n   - attention weights\n2. Still confusing:\n   - why scale by sqrt(d)\n"
     "3. Next time\n   - Transformer\n",
     [("1. Covered", SectionKind.TOPICS), ("2. Still confusing", SectionKind.WATCHLIST),
      ("3. Next time", SectionKind.RESUME)]),
    ("1. 진도\n- 4.1 임베딩 계층\n\n2. 아직 헷갈려 하는 것\n- 분산 표현 vs 원핫\n",  # bullets after a numbered name
     [("1. 진도", SectionKind.TOPICS), ("2. 아직 헷갈려 하는 것", SectionKind.WATCHLIST)]),
    ("2. 理解したこと\n   - 内積で類似度\n3. 还不清楚的\n   - 负采样\n",
     [("2. 理解したこと", SectionKind.LEARNED), ("3. 还不清楚的", SectionKind.WATCHLIST)]),
    ("- Watchlist\n  - softmax vs sigmoid\n- 실습\n  - 작은 W로 순전파 구현\n",
     [("Watchlist", SectionKind.WATCHLIST), ("실습", SectionKind.OTHER)]),
])
def test_a_list_item_that_names_a_part_with_lines_under_it_opens_that_part(outline, expected):
    """The part keeps the item's number in its name, as the log wrote it."""
    log, _ = parse(f"## 1회차 (2026.11.25 수) 19:00-20:30\n\n{outline}")
    sections = [b for b in log.entries[0].blocks if isinstance(b, Section)]
    assert [(s.name, s.kind) for s in sections] == expected
    assert all(len(s.items) == 1 and s.items[0].depth == 0 for s in sections)


def test_numbered_questions_and_answers_under_a_part_name_are_its_qa_lines():
    log, _ = parse("## 1회차 (2026.11.25 수) 19:00-20:30\n4. 질문과 답변\n   Q. 왜 더하나요?\n   A. 두 곳으로 분기되니까.\n"
                   "5. 실습\n   - 기울기 확인\n")
    blocks = log.entries[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Section", "QA", "QA", "Section"]
    assert (blocks[0].name, blocks[0].items) == ("4. 질문과 답변", ())
    assert blocks[3].name == "5. 실습" and [i.text for i in blocks[3].items] == ["기울기 확인"]


@pytest.mark.parametrize("body", [
    "1. Learning rate\n   - 0.1 then 0.01\n",  # a name that only holds a part word
    "1. 진도가 빨라서 힘들어함.\n   - 속도 조절\n",  # a sentence
    "1. 오늘 진도가 빨라서 학생이 많이 힘들어함\n   - 속도 조절\n",  # more than four words
    "### What I learned\n- Summary of CBOW: it averages\n  - context vectors\n",  # a name with a value
    "1. Covered\n2. Softmax\n",  # nothing under it
])
def test_a_list_item_that_says_more_than_a_name_or_has_nothing_under_it_is_an_item(body):
    log, _ = parse(f"## Session: 2026-03-05 09:00 KST\n{body}")
    names = [b.name for b in log.entries[0].blocks if isinstance(b, Section) and b.name]
    assert names == (["What I learned"] if body.startswith("###") else [])


def test_a_numbered_item_keeps_its_number():
    log, _ = parse("## Session: 2026-03-05 09:00 KST\n### Steps\n1. load PTB\n- Q/A: why? → size\n5. train\n7) plot\n")
    items = [i for b in log.entries[0].blocks if isinstance(b, Section) for i in b.items]
    assert [(i.text, i.ordered, i.number) for i in items] == [("load PTB", True, 1), ("train", True, 5), ("plot", True, 7)]
