"""The records of the log and knowledge models are values: immutable, equal when their fields are."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from studykb import model
from studykb.model import Field, Item, Section, SectionKind, Session, SessionId, Source, TimeLog

RECORDS = [model.Source, model.Field, model.Item, model.Section, model.QA, model.Note, model.CodeBlock, model.Table,
           model.TimeLog, model.Session, model.LogFile, model.Definition, model.Mention, model.Concept,
           model.WatchItem, model.Card, model.ExperimentRef, model.ExperimentNote]


@pytest.mark.parametrize("cls", RECORDS)
def test_records_are_frozen_and_compare_by_value(cls):
    fields = dataclasses.fields(cls)
    values = [f"{f.name}-value" for f in fields]
    record = cls(*values)
    assert record == cls(**{f.name: v for f, v in zip(fields, values)})
    assert hash(record) == hash(cls(*values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, fields[0].name, None)


def test_a_source_reads_as_path_and_line():
    assert str(Source("sessions/a.md", 3)) == "sessions/a.md:3"
    assert {Source("sessions/a.md", 3): 1}[Source("sessions/a.md", 3)] == 1


def test_a_session_title_is_its_local_start_and_zone():
    source = Source("sessions/a.md", 4)
    blocks = (Field("Time log", "Start 10:00", source),
              Section("Topics covered", SectionKind.TOPICS, source, (Item("epoch", source),)))
    session = Session(SessionId("2026-02-14-1316"), source, "## Session: 2026-02-14 13:16 KST",
                      datetime(2026, 2, 14, 13, 16), "KST", timedelta(hours=9), blocks, TimeLog("10:00", None, 35, source))
    assert session.title == "2026-02-14 13:16 KST" and session.minutes == 35
    assert session.fields == blocks[:1] and session.items_of(SectionKind.TOPICS) == (Item("epoch", source),)
    undated = dataclasses.replace(session, started=None)
    assert undated.title == "Session at sessions/a.md:4"
