"""The records of the log and knowledge models are values: immutable, equal when their fields are."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from studykb import model
from studykb.model import Field, Item, Line, Section, SectionKind, Session, SessionEntry, SessionId, Source, Table, TimeLog
from studykb.session_lines import lines_of

RECORDS = [model.Source, model.Field, model.Item, model.Section, model.QA, model.Note, model.CodeBlock, model.Table,
           model.TimeLog, model.SessionEntry, model.LogFile, model.Session, model.Line, model.Span, model.Definition,
           model.Mention, model.Concept, model.WatchItem, model.Card, model.ExperimentRef, model.ExperimentNote]


@pytest.mark.parametrize("cls", RECORDS)
def test_records_are_frozen_and_compare_by_value(cls):
    fields = dataclasses.fields(cls)
    values = {f.name: f"{f.name}-value" for f in fields}
    positional = [values[f.name] for f in fields if not f.kw_only]
    keywords = {f.name: values[f.name] for f in fields if f.kw_only}
    record = cls(*positional, **keywords)
    assert record == cls(**values)
    assert hash(record) == hash(cls(*positional, **keywords))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, fields[0].name, None)


def test_a_source_reads_as_path_and_line():
    assert str(Source("sessions/a.md", 3)) == "sessions/a.md:3"
    assert {Source("sessions/a.md", 3): 1}[Source("sessions/a.md", 3)] == 1


def test_a_session_title_is_its_local_start_and_zone():
    source = Source("sessions/a.md", 4)
    blocks = (Field("Time log", "Start 10:00", source),
              Section("Topics covered", SectionKind.TOPICS, source, (Item("epoch", source),)))
    session = SessionEntry(source, "## Session: 2026-02-14 13:16 KST", datetime(2026, 2, 14, 13, 16), "KST",
                           timedelta(hours=9), blocks, TimeLog("10:00", None, 35, source))
    assert session.title == "2026-02-14 13:16 KST" and session.minutes == 35
    assert session.fields == blocks[:1] and session.items_of(SectionKind.TOPICS) == (Item("epoch", source),)
    undated = dataclasses.replace(session, started=None)
    assert undated.title == "Session at sessions/a.md:4"


def test_a_session_is_its_entry_with_the_id_link_gives_it():
    source = Source("sessions/a.md", 4)
    entry = SessionEntry(source, "## Session: 2026-02-14 13:16 KST", datetime(2026, 2, 14, 13, 16), "KST",
                         timedelta(hours=9), (Field("Goal", "x", Source("sessions/a.md", 5)),))
    session = Session.of(entry, SessionId("2026-02-14-1316"))
    assert session.id == "2026-02-14-1316" and session.title == entry.title
    assert all(getattr(session, f.name) == getattr(entry, f.name) for f in dataclasses.fields(SessionEntry))


def test_a_sessions_lines_are_its_text_in_order_and_a_table_row_is_a_line():
    at = lambda n: Source("sessions/a.md", n)  # noqa: E731
    blocks = (Field("Goal", "learn", at(5)), Section("Watchlist", SectionKind.WATCHLIST, at(6), (Item("epoch", at(7)),)),
              Table(("| a |", "|---|"), at(8)))
    session = Session(at(4), "## Session: x", None, None, None, blocks, id=SessionId("s"))
    assert list(lines_of(session)) == [
        Line("learn", at(5), "s", None, "field", term="Goal"), Line("epoch", at(7), "s", SectionKind.WATCHLIST, "item"),
        Line("| a |", at(8), "s", None, "table"), Line("|---|", at(9), "s", None, "table")]
