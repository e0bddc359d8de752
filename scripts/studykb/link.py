"""Link: parsed logs become the knowledge model (ids, concepts, watchlist, cards, runs)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Iterator

from . import concepts as found
from .cards import make_cards
from .diagnostics import Diagnostic, warning
from .experiment_lines import experiment_lines
from .markup import CodeSpan, replace_code_spans
from .model import (QA, Concept, ConceptSlug, Definition, Field,
                    Knowledge, LogFile, Mention, Note, Section, SectionKind,
                    Session, SessionId, Source, Table)
from .slugs import Slug, log_name, log_slugs, make_slug, unique_slugs
from .vocabulary import Lexicon, Match, Term, normalise
from .watchlist import collect_watchlist


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text in a session, with what it belongs to."""

    text: str
    source: Source
    session: SessionId
    kind: SectionKind | None  # the section it is an item of, if any
    role: str  # "item", "field", "qa", "note", "table"


def link(logs: list[LogFile], lexicon: Lexicon, watch_window: int) -> tuple[Knowledge, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    sessions = assign_session_ids([s for log in logs for s in log.sessions], diagnostics)
    by_source = {s.source: s for s in sessions}
    slugs = assign_log_slugs([log.path for log in logs], diagnostics)
    logs = [replace(log, sessions=tuple(by_source[s.source] for s in log.sessions), slug=slugs[log.path])
            for log in logs]
    lines = [line for s in sessions for line in session_lines(s)]
    separate_contrasted(lines, lexicon)
    definitions = discover_terms(lines, lexicon)
    mentions, mention_index, mention_spans, spans_by_session = find_mentions(lines, lexicon, definitions)
    concept_list = build_concepts(lexicon, definitions, mentions, found.scripts_in(line.text for line in lines))
    mention_index = by_slug(mention_index, {c.name: c.slug for c in concept_list})
    watch = collect_watchlist(sessions, lines, mention_index, watch_window)
    cards = make_cards(lines, concept_list, mention_index, watch)
    runs = experiment_lines(sessions, {d.source for defs in definitions.values() for d in defs})
    diagnostics += runs.diagnostics
    knowledge = Knowledge(
        logs=tuple(logs), sessions=tuple(sessions), concepts=tuple(concept_list),
        watchlist=watch, cards=cards, experiment_refs=runs.refs, experiment_notes=runs.notes,
        mention_index=mention_index, mention_spans=mention_spans, spans_by_session=spans_by_session,
        by_id={s.id: s for s in sessions}, log_slugs=slugs, lexicon=lexicon)
    return knowledge, diagnostics


def assign_log_slugs(paths: list[str], diagnostics: list[Diagnostic]) -> dict[str, Slug]:
    """Each log's source page name; a log whose name slugs like another's gets a suffix, reported."""
    slugs = log_slugs(paths)
    for path in sorted(paths):
        base = make_slug(log_name(path))
        if slugs[path] != base:
            first = next(p for p in sorted(paths) if slugs[p] == base)
            diagnostics.append(warning(path, 1, f"its name makes the same page name as {first} "
                                                f"({base}); its source page is {slugs[path]}"))
    return slugs


def assign_session_ids(sessions: list[Session], diagnostics: list[Diagnostic]) -> list[Session]:
    """Chronological order and ``YYYY-MM-DD-HHMM`` ids, with a suffix where two collide."""
    ordered = sorted(sessions, key=_chronological)
    seen_headers: dict[str, Source] = {}
    taken: set[str] = set()
    result = []
    for session in ordered:
        _note_duplicate(session, seen_headers, diagnostics)
        base = f"{session.started:%Y-%m-%d-%H%M}" if session.started else "undated"
        sid, n = base, 1
        while sid in taken:
            n += 1
            sid = f"{base}-{n}"
        taken.add(sid)
        result.append(replace(session, id=SessionId(sid)))
    return result


def _chronological(session: Session) -> tuple:
    started = session.started or datetime.max
    utc = started - session.utc_offset if session.utc_offset and session.started else started
    return (utc, session.source.path, session.source.line)


def _note_duplicate(session: Session, seen: dict[str, Source], diagnostics: list[Diagnostic]) -> None:
    key = " ".join(session.header.split()).lower()
    if key in seen and session.started is not None:
        first = seen[key]
        diagnostics.append(warning(session.source.path, session.source.line,
                                   f"duplicate session header (also at {first}); kept as a separate session"))
    seen.setdefault(key, session.source)


def session_lines(session: Session) -> Iterator[Line]:
    """Each line of text in a session, in order."""
    sid = session.id
    for block in session.blocks:
        if isinstance(block, Section):
            for item in block.items:
                yield Line(item.text, item.source, sid, block.kind, "item")
        elif isinstance(block, Field):
            yield Line(block.value, block.source, sid, None, "field")
        elif isinstance(block, QA):
            yield Line(block.text, block.source, sid, None, "qa")
        elif isinstance(block, Note):
            yield Line(block.text, block.source, sid, None, "note")
        elif isinstance(block, Table):
            for offset, row in enumerate(block.lines):
                yield Line(row, Source(block.source.path, block.source.line + offset), sid, None, "table")


DEFINING_KINDS = (SectionKind.LEARNED, SectionKind.OTHER, SectionKind.TOPICS, None)


def separate_contrasted(lines: list[Line], lexicon: Lexicon) -> None:
    """A spelling that a watchlist line sets against another of the same concept ("PMI vs
    PPMI", PMI being an alias of PPMI) becomes a term of its own: the learner tells them apart."""
    for line in lines:
        if line.kind is SectionKind.WATCHLIST:
            text = mentionable_text(line.text, lexicon)
            for spelling in found.contrasted(text, lexicon.find(text), lexicon):
                lexicon.separate(spelling, found.term_name(spelling))


def discover_terms(lines: list[Line], lexicon: Lexicon) -> dict[str, list[Definition]]:
    """Add the terms the log defines, backticks or names in two languages to the lexicon;
    return definitions by name."""
    definitions: dict[str, list[Definition]] = defaultdict(list)
    for line in lines:
        for spelling in found.backticked_terms(line.text, lexicon):
            _ensure_term(lexicon, spelling)
        for name, alias in found.paired_aliases(line.text, lexicon):
            lexicon.add(Term(name, (alias,), origin="log"))
        if line.kind not in DEFINING_KINDS or line.role == "field":
            continue
        defined = found.defined_term(line.text, lexicon, in_learned=line.kind is SectionKind.LEARNED)
        if defined:
            name = _ensure_term(lexicon, defined.subject, defined.aliases)
            definitions[name].append(Definition(line.text, line.source, line.session))
    return definitions


def _ensure_term(lexicon: Lexicon, spelling: str, aliases: tuple[str, ...] = ()) -> str:
    """The name of the term ``spelling`` (or one of its ``aliases``) is, added if new; the
    other spellings become its aliases where they name no other term."""
    name = next((lexicon.lookup(s) for s in (spelling, *aliases) if lexicon.lookup(s)), None)
    new = name is None
    name = name or found.term_name(spelling)
    had = {normalise(s) for s in (name, *lexicon.terms[name].aliases)} if not new else {normalise(name)}
    others = tuple(s for s in (spelling, *aliases) if normalise(s) not in had and lexicon.lookup(s) in (None, name))
    if new or others:
        lexicon.add(Term(name, others, origin="log"))
    return name


def find_mentions(lines: list[Line], lexicon: Lexicon, definitions: dict[str, list[Definition]]):
    """Which concepts each line names (a line that defines a term names it too), by concept,
    by line, and where in the line (for the renderers to link without searching again),
    also gathered by session (what a session page's links depend on, for render/memo.py)."""
    defined_on: dict[Source, list[str]] = defaultdict(list)
    for name, defs in definitions.items():
        for d in defs:
            defined_on[d.source].append(name)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    index: dict[Source, tuple[str, ...]] = {}
    spans: dict[Source, tuple[Match, ...]] = {}
    by_session: dict[SessionId, list[tuple[Source, tuple[Match, ...]]]] = defaultdict(list)
    for line in lines:
        matches = tuple(lexicon.find(mentionable_text(line.text, lexicon)))
        names = _names_on(defined_on.get(line.source, []), matches)
        if not names:
            continue
        if matches:
            spans[line.source] = matches
            by_session[line.session].append((line.source, matches))
        index[line.source] = names
        mention = Mention(line.session, line.source)  # one record, shared by the names
        for name in names:
            mentions[name].append(mention)
    return mentions, index, spans, by_session


def _names_on(defined: list[str], matches: tuple[Match, ...]) -> tuple[str, ...]:
    """The names a line defines, then those it mentions, each once."""
    return tuple(dict.fromkeys([*defined, *(m.term for m in matches)]))


def mentionable_text(text: str, lexicon: Lexicon) -> str:
    """Code spans that are code become blanks (same length); term-like ones lose their backticks."""
    def replace_span(span: CodeSpan) -> str:
        if found.is_term_like(span.inner, lexicon):
            pad = " " * len(span.fence)
            return pad + span.inner.replace("_", " ") + pad  # `hidden_size` is the term "hidden size"
        return " " * (span.end - span.start)
    return replace_code_spans(text, replace_span)


def by_slug(index: dict[Source, tuple[str, ...]], slugs: dict[str, ConceptSlug]) -> dict[Source, tuple[ConceptSlug, ...]]:
    """The index with slugs for names."""
    return {source: tuple(slugs[name] for name in names) for source, names in index.items()}


def build_concepts(lexicon: Lexicon, definitions: dict[str, list[Definition]],
                   mentions: dict[str, list[Mention]], scripts: frozenset[str] = frozenset()) -> list[Concept]:
    """The concepts the logs name or define; a starter term's names in a script the logs
    never use (Korean names in an English log) are not shown, though still recognised."""
    names = sorted((n for n, t in lexicon.terms.items()
                    if n in mentions or n in definitions or t.origin == "user"), key=str.lower)
    slugs = unique_slugs(names)
    concept_list = []
    for name in names:
        term = lexicon.terms[name]
        defs = list(definitions.get(name, ()))
        if term.origin == "user" and term.definition:
            defs.append(Definition(term.definition, Source(term.source or "vocabulary.yml", term.line), None, "vocabulary"))
        starter = term.definition if term.origin == "starter" else None
        aliases = found.in_scripts(term.aliases, scripts) if term.origin == "starter" else term.aliases
        concept_list.append(Concept(ConceptSlug(slugs[name]), name, aliases, tuple(defs),
                                    tuple(mentions.get(name, ())), starter))
    return concept_list

