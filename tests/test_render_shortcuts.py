"""The renderers' shortcuts give what the plain way gives: kb.json written as text is the
json.dumps of the documented tree, session links made per folder are the href of each
page (on session pages too), and line texts found per session are session_lines' texts."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from studykb.config import Config
from studykb.link import session_lines
from studykb.model import QA, CodeBlock, Field, Note, Section, Table
from studykb.pipeline import load
from studykb.render.common import concept_page, page, session_anchor, session_page, source_page
from studykb.render.context import make_context, neighbours, session_hrefs
from studykb.render.html import href
from studykb.render.kbjson import render_kb_json
from studykb.render.session import render_session
from studykb.results import load_run_results
from tests.conftest import fixture_logs, make_project

ODD_TEXT = ('- Goal: "quotes", back\\slash, tab\there, \x7f, é, 日本語, emoji 😀, </script>, \u2028 and \\u0000\n'
            "- Topics covered:\n  - a `code` item with **bold**\n    - nested \"deeper\"\n  1. numbered\n"
            "- Q/A: What is \"x\"? A: it\\is\n"
            "free text note with } and {\n"
            "| a | \"b\" |\n|---|---|\n| 1 | 2 |\n"
            "```py\nprint(\"hi\\n\")\n```\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    logs = {**fixture_logs(), "odd.md": "# Odd \"title\"\n\nA preamble with \"quotes\".\n\n"
            "## Session: 2026-03-01 10:00 KST\n" + ODD_TEXT}
    root = make_project(tmp_path_factory.mktemp("shortcuts"), logs, with_results=True)
    knowledge = load(Config(root=root)).knowledge
    results, _ = load_run_results(knowledge, root)
    return knowledge, results


def test_kb_json_is_the_json_of_the_documented_tree(project):
    knowledge, results = project
    assert any(r.metrics for r in results.values())  # floats and nested values get written too
    tree = kb_tree(knowledge, results)
    expected = json.dumps(tree, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert render_kb_json(knowledge, results) == expected.encode("utf-8")


def test_session_links_are_each_pages_href(project):
    knowledge, results = project
    pages = [concept_page(c.slug) for c in knowledge.concepts] + [
        page("timeline.md"), page("recall.md"), page("watchlist.md"), page("index.md"), page("a", "index.md")]
    for here in pages:
        session_href = session_hrefs(here)
        assert [session_href(s) for s in knowledge.sessions] == [href(here, session_page(s))
                                                                 for s in knowledge.sessions]


def test_a_session_page_links_its_neighbours_timeline_and_source_by_their_href(project):
    knowledge, results = project
    ctx = make_context(knowledge, results)
    for session in knowledge.sessions:
        here = session_page(session)
        shown = render_session(session, ctx)
        before, after = neighbours(ctx, session)
        targets = [page("timeline.md"), f"{source_page(knowledge.log_slugs[session.source.path])}#{session_anchor(session)}"]
        targets += [session_page(s) for s in (before, after) if s is not None]
        for target in targets:
            assert f'href="{href(here, target)}"' in shown


def test_line_texts_are_the_lines_of_their_session(project):
    knowledge, results = project
    ctx = make_context(knowledge, results)
    for session in knowledge.sessions:
        for line in session_lines(session):
            assert ctx.line_text(session.id, line.source) == line.text


# --- the schema of docs/kb-json.md, as the tree json.dumps wrote before ----------------------

def kb_tree(knowledge, results) -> dict:
    ids_by_log = defaultdict(list)
    for s in knowledge.sessions:
        ids_by_log[s.source.path].append(s.id)
    return {
        "schema": 1,
        "logs": [{"path": log.path, "title": log.title, "preamble": [_note(n) for n in log.preamble],
                  "sessions": ids_by_log[log.path]} for log in knowledge.logs],
        "sessions": [_session(s) for s in knowledge.sessions],
        "concepts": [{"slug": c.slug, "name": c.name, "aliases": list(c.aliases),
                      "definitions": [{"text": d.text, "session": d.session, "origin": d.origin,
                                       "source": _src(d.source)} for d in c.definitions],
                      "starter_definition": c.starter_definition,
                      "mentions": [{"session": m.session, "source": _src(m.source)} for m in c.mentions]}
                     for c in knowledge.concepts],
        "glossary": [{"term": c.name, "slug": c.slug, "aliases": list(c.aliases),
                      "definition": (c.definition.text if c.definition else c.starter_definition)}
                     for c in knowledge.concepts],
        "watchlist": [{"text": w.text, "concepts": list(w.concepts), "first": w.first, "last": w.last,
                       "times": len(w.sources), "status": "open" if w.open else "quiet",
                       "sources": [_src(s) for s in w.sources]} for w in knowledge.watchlist],
        "cards": [{"id": c.id, "kind": c.kind, "front": c.front, "back": c.back, "session": c.session,
                   "source": _src(c.source), "concepts": list(c.concepts), "watchlist": c.watch}
                  for c in knowledge.cards],
        "experiment_refs": [_ref(r, results) for r in knowledge.experiment_refs],
    }


def _src(source) -> dict:
    return {"file": source.path, "line": source.line}


def _note(note) -> dict:
    return {"text": note.text, "source": _src(note.source)}


def _session(s) -> dict:
    return {
        "id": s.id, "header": s.header, "source": _src(s.source),
        "started": s.started.isoformat() if s.started else None,
        "time_zone": s.tz_name,
        "utc_offset_minutes": int(s.utc_offset.total_seconds() // 60) if s.utc_offset is not None else None,
        "time_log": ({"start": s.timelog.start, "end": s.timelog.end, "minutes": s.timelog.minutes}
                     if s.timelog else None),
        "blocks": [_block(b) for b in s.blocks],
    }


def _block(block) -> dict:
    if isinstance(block, Field):
        return {"type": "field", "name": block.name, "value": block.value, "source": _src(block.source)}
    if isinstance(block, Section):
        return {"type": "section", "name": block.name, "kind": block.kind.value, "source": _src(block.source),
                "items": [{"text": i.text, "depth": i.depth, "ordered": i.ordered, "source": _src(i.source)}
                          for i in block.items]}
    if isinstance(block, QA):
        return {"type": "qa", "text": block.text, "source": _src(block.source)}
    if isinstance(block, Note):
        return {"type": "note", **_note(block)}
    if isinstance(block, CodeBlock):
        return {"type": "code", "info": block.info, "lines": list(block.lines), "source": _src(block.source)}
    if isinstance(block, Table):
        return {"type": "table", "lines": list(block.lines), "source": _src(block.source)}
    raise TypeError(f"unknown block {block!r}")


def _ref(ref, results) -> dict:
    result = results.get((ref.experiment, ref.run_id))
    return {"experiment": ref.experiment, "run": ref.run_id, "params": {k: v for k, v in ref.params},
            "session": ref.session, "source": _src(ref.source), "planned": ref.planned,
            "results": result.metrics if result else None}
