"""``/kb.json``: the whole model, in the schema docs/kb-json.md documents."""
from __future__ import annotations

import json
import re

import pytest

from studykb.config import Config
from studykb.session_lines import lines_of
from studykb.pipeline import load
from studykb.render.kbjson import render_kb_json
from studykb.results import load_run_results
from tests.conftest import ROOT, fixture_logs, make_project

DOC = (ROOT / "docs" / "kb-json.md").read_text("utf-8")
ODD_TEXT = ('- Goal: "quotes", back\\slash, tab\there, \x7f, é, 日本語, emoji 😀, </script>, \u2028 and \\u0000\n'
            "- Topics covered:\n  - a `code` item with **bold**\n    - nested \"deeper\"\n  1. numbered\n"
            "- Q/A: What is \"x\"? A: it\\is\n"
            "free text note with } and {\n"
            "| a | \"b\" |\n|---|---|\n| 1 | 2 |\n"
            "```py\nprint(\"hi\\n\")\n```\n")

# The keys of each record, as docs/kb-json.md lists them.
SOURCE = ["file", "line"]
LOG = ["path", "title", "preamble", "sessions"]
NOTE = ["text", "source"]
SESSION = ["id", "header", "source", "started", "label", "time_zone", "utc_offset_minutes", "time_log", "cancelled",
           "blocks"]
TIME_LOG = ["start", "end", "minutes"]
BLOCKS = {"field": ["type", "name", "value", "source"], "section": ["type", "name", "kind", "source", "items"],
          "qa": ["type", "text", "source"], "note": ["type", "text", "source"],
          "code": ["type", "info", "lines", "source"], "table": ["type", "lines", "source", "part"]}
ITEM = ["text", "depth", "ordered", "source"]
CONCEPT = ["slug", "name", "aliases", "definitions", "starter_definition", "mentions"]
DEFINITION = ["text", "session", "origin", "source"]
MENTION = ["session", "source"]
GLOSSARY_ENTRY = ["term", "slug", "aliases", "definition"]
WATCH_ITEM = ["text", "concepts", "first", "last", "times", "status", "sources", "resolved"]
CARD = ["id", "kind", "front", "back", "session", "source", "concepts", "watchlist"]
EXPERIMENT_REF = ["experiment", "run", "params", "session", "source", "planned", "results"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    logs = {**fixture_logs(), "odd.md": "# Odd \"title\"\n\nA preamble with \"quotes\".\n\n"
            "## Session: 2026-03-01 10:00 KST\n" + ODD_TEXT}
    root = make_project(tmp_path_factory.mktemp("kb-json"), logs, with_results=True)
    knowledge = load(Config(root=root)).knowledge
    results, _ = load_run_results(knowledge, root)
    raw = render_kb_json(knowledge, results)
    return knowledge, results, raw, json.loads(raw)


def test_the_top_level_is_the_documented_table_in_its_order(built):
    *_, kb = built
    top_level = DOC.split("## Top level", 1)[1].split("## Records", 1)[0]
    assert list(kb) == re.findall(r"^\| `(\w+)` \|", top_level, re.MULTILINE)
    assert kb["schema"] == 1


def test_every_record_has_the_documented_keys(built):
    *_, kb = built
    assert all(list(log) == LOG and all(list(n) == NOTE for n in log["preamble"]) for log in kb["logs"])
    for session in kb["sessions"]:
        assert list(session) == SESSION and list(session["source"]) == SOURCE
        assert session["time_log"] is None or list(session["time_log"]) == TIME_LOG
        assert session["cancelled"] is None or list(session["cancelled"]) == NOTE
        for block in session["blocks"]:
            assert list(block) == BLOCKS[block["type"]] and list(block["source"]) == SOURCE
            assert all(list(item) == ITEM for item in block.get("items", ()))
    for concept in kb["concepts"]:
        assert list(concept) == CONCEPT
        assert all(list(d) == DEFINITION for d in concept["definitions"])
        assert all(list(m) == MENTION for m in concept["mentions"])
    assert all(list(entry) == GLOSSARY_ENTRY for entry in kb["glossary"])
    assert all(list(item) == WATCH_ITEM for item in kb["watchlist"])
    assert all(list(card) == CARD for card in kb["cards"])
    assert all(list(ref) == EXPERIMENT_REF for ref in kb["experiment_refs"])
    assert {block["type"] for s in kb["sessions"] for block in s["blocks"]} == set(BLOCKS)


def test_every_key_is_named_in_the_schema_page():
    keys = {*SOURCE, *LOG, *SESSION, *TIME_LOG, *ITEM, *CONCEPT, *DEFINITION, *MENTION, *GLOSSARY_ENTRY,
            *WATCH_ITEM, *CARD, *EXPERIMENT_REF, *(key for keys in BLOCKS.values() for key in keys)}
    named = {word for code in re.findall(r"`([^`]+)`", DOC) for word in re.findall(r"\w+", code)}
    assert keys - named == set()


def test_it_holds_the_whole_model(built):
    knowledge, results, _, kb = built
    assert [s["id"] for s in kb["sessions"]] == [s.id for s in knowledge.sessions]
    assert [c["slug"] for c in kb["concepts"]] == [c.slug for c in knowledge.concepts]
    assert len(kb["watchlist"]) == len(knowledge.watchlist) and len(kb["cards"]) == len(knowledge.cards)
    assert len(kb["experiment_refs"]) == len(knowledge.experiment_refs)
    assert any(ref["results"] for ref in kb["experiment_refs"]) and any(results.values())
    for session, written in zip(knowledge.sessions, kb["sessions"]):
        assert _line_texts(written) == [line.text for line in lines_of(session)]


def _line_texts(session: dict) -> list[str]:
    """The session's lines of text, in order, as the link stage reads them."""
    out = []
    for block in session["blocks"]:
        out += {"field": lambda: [block["value"]], "qa": lambda: [block["text"]], "note": lambda: [block["text"]],
                "section": lambda: [item["text"] for item in block["items"]], "table": lambda: _table_texts(block),
                "code": lambda: []}[block["type"]]()
    return out


def _table_texts(table: dict) -> list[str]:
    """A table's rows, a row that is an item of the part the table is read as that item."""
    items = {item["source"]["line"]: item["text"] for item in (table["part"] or {"items": []})["items"]}
    first = table["source"]["line"]
    return [items.get(first + offset, row) for offset, row in enumerate(table["lines"])]


def test_text_is_kept_as_written_on_one_line(built):
    knowledge, _, raw, kb = built
    assert raw.endswith(b"\n") and raw.count(b"\n") == 1
    assert "日本語 emoji 😀".encode() not in raw and "日本語, emoji 😀".encode() in raw  # UTF-8, not \u escapes
    odd = next(s for s in kb["sessions"] if s["source"]["file"] == "sessions/odd.md")
    assert odd["blocks"][0]["value"] == next(s for s in knowledge.sessions if s.id == odd["id"]).fields[0].value
    assert {"type": "code", "info": "py", "lines": ['print("hi\\n")'],
            "source": {"file": "sessions/odd.md", "line": 16}} in odd["blocks"]
    log = next(log for log in kb["logs"] if log["path"] == "sessions/odd.md")
    assert log["title"] == 'Odd "title"' and log["preamble"][1]["text"] == 'A preamble with "quotes".'


def test_each_logs_sessions_are_listed_in_time_order(tmp_path):
    root = make_project(tmp_path, {
        "a.md": "## Session: 2026-01-03 10:00 UTC\n- Goal: x\n## Session: 2026-01-01 10:00 UTC\n- Goal: y\n",
        "b.md": "## Session: 2026-01-02 10:00 UTC\n- Goal: z\n",
        "c.md": "# Only a title\n",
    })
    data = json.loads(render_kb_json(load(Config(root=root)).knowledge, {}))
    assert {log["path"]: log["sessions"] for log in data["logs"]} == {
        "sessions/a.md": ["2026-01-01-1000", "2026-01-03-1000"],
        "sessions/b.md": ["2026-01-02-1000"],
        "sessions/c.md": [],
    }


def test_a_session_that_did_not_take_place_says_so_with_the_line_and_keeps_its_header_range(tmp_path):
    root = make_project(tmp_path, {"tutor.md": (
        "## Lesson 9 — 2026-11-17, 18:00-19:15\n- Covered: Embedding layer\n\n"
        "## Lesson 10 — 2026-11-24, 18:00-19:15\nNo lesson, student ill.\n")})
    data = json.loads(render_kb_json(load(Config(root=root)).knowledge, {}))
    held, cancelled = data["sessions"]
    assert held["cancelled"] is None
    assert cancelled["cancelled"] == {"text": "No lesson, student ill.", "source": {"file": "sessions/tutor.md", "line": 5}}
    assert cancelled["time_log"]["minutes"] == 75  # as the log gives it; `cancelled` says it is no study time
