"""``/kb.json``: the whole model, for other tools. Its schema is documented in docs/kb-json.md.

The model is turned into the documented tree of dicts and lists, key for key, then
written by ``json.dumps``.
"""
from __future__ import annotations

import json
from collections import defaultdict

from ..model import (QA, CodeBlock, ExperimentRef, Field, Knowledge, Note, Resolution, Section, Session, Source,
                     Table)
from .runs import RunResult

SCHEMA_VERSION = 1


def render_kb_json(knowledge: Knowledge, results: dict[tuple[str, str], RunResult]) -> bytes:
    """The file's UTF-8 bytes: compact JSON, non-ASCII text as it is, one line."""
    tree = kb_tree(knowledge, results)
    # Dicts and lists made here and results read from JSON files: no cycle to look for.
    text = json.dumps(tree, ensure_ascii=False, indent=None, separators=(",", ":"), check_circular=False)
    return text.encode("utf-8") + b"\n"


def kb_tree(knowledge: Knowledge, results: dict[tuple[str, str], RunResult]) -> dict:
    """The top level of docs/kb-json.md, in its order."""
    ids_by_log: dict[str, list[str]] = defaultdict(list)
    for s in knowledge.sessions:  # chronological, as each log's list should be
        ids_by_log[s.source.path].append(s.id)
    return {
        "schema": SCHEMA_VERSION,
        "logs": [{"path": log.path, "title": log.title, "preamble": [_preamble(n) for n in log.preamble],
                  "sessions": ids_by_log[log.path]} for log in knowledge.logs],
        "sessions": [_session(s) for s in knowledge.sessions],
        "concepts": [{"slug": c.slug, "name": c.name, "aliases": list(c.aliases),
                      "definitions": [{"text": d.text, "session": d.session, "origin": d.origin,
                                       "source": _source(d.source)} for d in c.definitions],
                      "starter_definition": c.starter_definition,
                      "mentions": [{"session": m.session, "source": _source(m.source)} for m in c.mentions]}
                     for c in knowledge.concepts],
        "glossary": [{"term": c.name, "slug": c.slug, "aliases": list(c.aliases),
                      "definition": c.definition.text if c.definition else c.starter_definition}
                     for c in knowledge.concepts],
        "watchlist": [{"text": w.text, "concepts": list(w.concepts), "first": w.first, "last": w.last,
                       "times": len(w.sources), "status": w.status, "sources": [_source(s) for s in w.sources],
                       "resolved": _resolution(w.resolution)} for w in knowledge.watchlist],
        "cards": [{"id": c.id, "kind": c.kind, "front": c.front, "back": c.back, "session": c.session,
                   "source": _source(c.source), "concepts": list(c.concepts), "watchlist": c.watch}
                  for c in knowledge.cards],
        "experiment_refs": [_experiment_ref(r, results) for r in knowledge.experiment_refs],
    }


def _resolution(resolution: Resolution | None) -> dict | None:
    if resolution is None:
        return None
    return {"text": resolution.text, "session": resolution.session, "source": _source(resolution.source)}


def _source(source: Source) -> dict:
    return {"file": source.path, "line": source.line}


def _note(note: Note) -> dict:
    return {"text": note.text, "source": _source(note.source)}


def _preamble(block: Note | CodeBlock) -> dict:
    """A line of the log's free text as ``{text, source}``; its fenced code as a code block."""
    return _block(block) if isinstance(block, CodeBlock) else _note(block)


def _session(s: Session) -> dict:
    return {
        "id": s.id, "header": s.header, "source": _source(s.source),
        "started": _started(s), "label": s.label,
        "time_zone": s.tz_name,
        "utc_offset_minutes": int(s.utc_offset.total_seconds() // 60) if s.utc_offset is not None else None,
        "time_log": ({"start": s.timelog.start, "end": s.timelog.end, "minutes": s.timelog.minutes}
                     if s.timelog else None),
        "cancelled": {"text": s.cancelled.text, "source": _source(s.cancelled.source)} if s.cancelled else None,
        "blocks": [_block(b) for b in s.blocks],
    }


def _started(s: Session) -> str | None:
    """ISO local time; a date alone (``2026-12-01``) for a header without a time."""
    if s.started is None:
        return None
    return s.started.isoformat() if s.timed else s.started.date().isoformat()


def _block(block) -> dict:
    if isinstance(block, Field):
        return {"type": "field", "name": block.name, "value": block.value, "source": _source(block.source)}
    if isinstance(block, Section):
        return {"type": "section", "name": block.name, "kind": block.kind.value, "source": _source(block.source),
                "items": [{"text": i.text, "depth": i.depth, "ordered": i.ordered, "source": _source(i.source)}
                          for i in block.items]}
    if isinstance(block, QA):
        return {"type": "qa", "text": block.text, "source": _source(block.source)}
    if isinstance(block, Note):
        return {"type": "note", "text": block.text, "source": _source(block.source)}
    if isinstance(block, CodeBlock):
        return {"type": "code", "info": block.info, "lines": list(block.lines), "source": _source(block.source)}
    if isinstance(block, Table):
        return {"type": "table", "lines": list(block.lines), "source": _source(block.source),
                "part": _block(block.part) if block.part else None}
    raise TypeError(f"unknown block {block!r}")


def _experiment_ref(ref: ExperimentRef, results: dict[tuple[str, str], RunResult]) -> dict:
    result = results.get((ref.experiment, ref.run_id))
    return {"experiment": ref.experiment, "run": ref.run_id, "params": dict(ref.params),
            "session": ref.session, "source": _source(ref.source), "planned": ref.planned,
            "results": result.metrics if result else None}
