"""``/kb.json``: the whole model, for other tools. Its schema is documented in docs/kb-json.md.

The file is written as JSON text, record by record, rather than built as one tree of
dicts for ``json.dumps``: at 1,000 sessions it holds five megabytes of a few record
shapes repeated (a line's source, a section's item, a concept's mention), and building
those dicts cost as much as encoding them. Strings go through the json module's own C
string encoder and values of no fixed shape (run parameters, metrics) through
``json.dumps``, so the bytes are those of ``json.dumps(tree, ensure_ascii=False,
separators=(",", ":"))`` in UTF-8: tests/test_render_shortcuts.py checks that against the tree.
"""
from __future__ import annotations

import json
from collections import defaultdict
from json.encoder import encode_basestring  # what json.dumps uses for a str with ensure_ascii=False

from ..model import (QA, CodeBlock, Concept, Definition, ExperimentRef, Field, Item, Knowledge, Mention, Note,
                     Section, SectionKind, Session, Source, Table, cycle_collector_paused)
from .runs import RunResult

SCHEMA_VERSION = 1


def render_kb_json(knowledge: Knowledge, results: dict[tuple[str, str], RunResult]) -> bytes:
    """The file's UTF-8 bytes, encoded record by record: most records are ASCII, which
    encodes by copying, while the whole text as one string would take the width of its
    widest character (a dash in one line makes every character two bytes) and then be
    encoded character by character. At 10,000 sessions: 0.17-0.21 s -> 0.09-0.12 s."""
    with cycle_collector_paused():
        try:
            return b"".join([piece.encode("utf-8") for piece in _kb_pieces(knowledge, results)])
        finally:
            _FILE_HEADS.clear(), _SESSION_IDS.clear()


def _kb_pieces(knowledge: Knowledge, results: dict[tuple[str, str], RunResult]) -> list[str]:
    """The file's text in pieces, for one join: the top-level lists are megabytes, and
    joining each on its own first would copy it once more."""
    pieces = ['{"schema":' + _int(SCHEMA_VERSION)]
    for key, records in _top_level(knowledge, results).items():
        pieces.append(f',"{key}":[')
        separator = ""
        for text in records:
            pieces += (separator, text)
            separator = ","
        pieces.append("]")
    pieces.append("}\n")
    return pieces


def _top_level(knowledge: Knowledge, results: dict[tuple[str, str], RunResult]) -> dict:
    """Each top-level list of records, as JSON texts, in the file's order."""
    ids_by_log: dict[str, list[str]] = defaultdict(list)
    for s in knowledge.sessions:  # chronological, as each log's list should be
        ids_by_log[s.source.path].append(s.id)
    return {
        "logs": (_object({"path": _str(log.path), "title": _str_or_null(log.title),
                          "preamble": _array(map(_note, log.preamble)),
                          "sessions": _strings(ids_by_log[log.path])})
                 for log in knowledge.logs),
        "sessions": map(_session, knowledge.sessions),
        "concepts": map(_concept, knowledge.concepts),
        "glossary": (_object({"term": _str(c.name), "slug": _str(c.slug), "aliases": _strings(c.aliases),
                              "definition": _str_or_null(c.definition.text if c.definition
                                                         else c.starter_definition)})
                     for c in knowledge.concepts),
        "watchlist": (_object({"text": _str(w.text), "concepts": _strings(w.concepts),
                               "first": _str(w.first), "last": _str(w.last), "times": _int(len(w.sources)),
                               "status": _str("open" if w.open else "quiet"),
                               "sources": _array(map(_src, w.sources))})
                      for w in knowledge.watchlist),
        "cards": (_object({"id": _str(c.id), "kind": _str(c.kind), "front": _str(c.front),
                           "back": _str(c.back), "session": _str_or_null(c.session), "source": _src(c.source),
                           "concepts": _strings(c.concepts), "watchlist": _bool(c.watch)})
                  for c in knowledge.cards),
        "experiment_refs": (_ref(r, results) for r in knowledge.experiment_refs),
    }


# --- JSON text ------------------------------------------------------------------------------

_str = encode_basestring


def _value(value) -> str:
    """Any JSON value, as json.dumps writes it (null, numbers, booleans, nested data)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _strings(values) -> str:
    return "[" + ",".join(map(_str, values)) + "]"


def _array(texts) -> str:
    return "[" + ",".join(texts) + "]"


def _object(fields: dict[str, str]) -> str:
    """Keys are this module's own names, which need no escaping; values are JSON text."""
    return "{" + ",".join([f'"{key}":{text}' for key, text in fields.items()]) + "}"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _str_or_null(value: str | None) -> str:
    return "null" if value is None else _str(value)


def _int(value: int) -> str:
    return str(value)


def _int_or_null(value: int | None) -> str:
    return "null" if value is None else str(value)


# --- records ------------------------------------------------------------------------------
# The shapes that repeat by the ten thousand are f-string templates (cheaper than
# _object), keys in the order docs/kb-json.md lists them, each value JSON text.

class _Encoded(dict):
    """A string's JSON text, by the string, made when first asked: a file's path or a
    session's id is in hundreds of thousands of records (every line's source, every mention)."""

    def __init__(self, template: str) -> None:
        super().__init__()
        self.template = template

    def __missing__(self, key: str) -> str:
        text = self[key] = self.template.format(_str(key))
        return text


_FILE_HEADS = _Encoded('{{"file":{},"line":')
_SESSION_IDS = _Encoded("{}")


def _src(source: Source) -> str:
    return f"{_FILE_HEADS[source.path]}{source.line}}}"


def _note(note: Note) -> str:
    return f'{{"text":{_str(note.text)},"source":{_src(note.source)}}}'


def _session(s: Session) -> str:
    timelog = s.timelog
    return _object({
        "id": _str(s.id), "header": _str(s.header), "source": _src(s.source),
        "started": _str(s.started.isoformat()) if s.started else "null",
        "time_zone": _str_or_null(s.tz_name),
        "utc_offset_minutes": _int_or_null(int(s.utc_offset.total_seconds() // 60) if s.utc_offset is not None else None),
        "time_log": (_object({"start": _str_or_null(timelog.start), "end": _str_or_null(timelog.end),
                              "minutes": _int_or_null(timelog.minutes)}) if timelog else "null"),
        "blocks": _array(map(_block, s.blocks)),
    })


_KINDS = {kind: _str(kind.value) for kind in SectionKind}  # an enum's .value is a Python-level property


def _block(block) -> str:
    if isinstance(block, Section):
        return (f'{{"type":"section","name":{_str(block.name)},"kind":{_KINDS[block.kind]},'
                f'"source":{_src(block.source)},"items":{_array(map(_item, block.items))}}}')
    if isinstance(block, Field):
        return (f'{{"type":"field","name":{_str(block.name)},"value":{_str(block.value)},'
                f'"source":{_src(block.source)}}}')
    if isinstance(block, QA):
        return f'{{"type":"qa","text":{_str(block.text)},"source":{_src(block.source)}}}'
    if isinstance(block, Note):
        return f'{{"type":"note","text":{_str(block.text)},"source":{_src(block.source)}}}'
    if isinstance(block, CodeBlock):
        return (f'{{"type":"code","info":{_str(block.info)},"lines":{_strings(block.lines)},'
                f'"source":{_src(block.source)}}}')
    if isinstance(block, Table):
        return f'{{"type":"table","lines":{_strings(block.lines)},"source":{_src(block.source)}}}'
    raise TypeError(f"unknown block {block!r}")


def _item(item: Item) -> str:
    source = item.source
    return (f'{{"text":{_str(item.text)},"depth":{item.depth},"ordered":{"true" if item.ordered else "false"},'
            f'"source":{_FILE_HEADS[source.path]}{source.line}}}}}')


def _concept(c: Concept) -> str:
    return _object({"slug": _str(c.slug), "name": _str(c.name), "aliases": _strings(c.aliases),
                    "definitions": _array(map(_definition, c.definitions)),
                    "starter_definition": _str_or_null(c.starter_definition),
                    "mentions": _array(map(_mention, c.mentions))})


def _definition(d: Definition) -> str:
    return (f'{{"text":{_str(d.text)},"session":{_str_or_null(d.session)},"origin":{_str(d.origin)},'
            f'"source":{_src(d.source)}}}')


def _mention(m: Mention) -> str:
    return f'{{"session":{_SESSION_IDS[m.session]},"source":{_FILE_HEADS[m.source.path]}{m.source.line}}}}}'


def _ref(ref: ExperimentRef, results: dict[tuple[str, str], RunResult]) -> str:
    result = results.get((ref.experiment, ref.run_id))
    return _object({"experiment": _str(ref.experiment), "run": _str(ref.run_id),
                    "params": _value({k: v for k, v in ref.params}), "session": _str(ref.session),
                    "source": _src(ref.source), "planned": _bool(ref.planned),
                    "results": _value(result.metrics if result else None)})
