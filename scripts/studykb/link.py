"""Link: parsed logs become the knowledge model.

The one place that gives sessions their ids and logs their page names, finds the
concepts, decides which concepts each line names and where (mentions.py), and collects
the watchlist, the recall cards and the experiment references.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from . import aliases, code_terms
from . import concepts as found
from .card_phrases import site_language
from .book_code import book_code_logs
from .cards import make_cards
from .definition_shape import says_what_is_done
from .diagnostics import Diagnostic, warning
from .experiment_lines import experiment_lines
from .labels import Labels
from .markup import CodeSpan, code_spans, replace_code_spans
from .mentions import find_mentions, mentions_by_name, names_on_lines, spans_of
from .model import (Concept, ConceptSlug, Definition, Field, Knowledge, Line, LogFile, Mention, Section, SectionKind,
                    Session, SessionEntry, SessionId, Source)
from .session_lines import lines_of
from .slugs import Slug, log_name, log_slugs, make_slug, unique_slugs
from .vocabulary import Lexicon, Term, normalise
from .watchlist import collect_watchlist


def link(logs: list[LogFile], lexicon: Lexicon, watch_window: int,
         labels: Labels | None = None, language: str | None = None) -> tuple[Knowledge, list[Diagnostic]]:
    """The whole model of the logs. Its ``language`` (of the site's words and the questions
    cards make up) is ``language`` when set, else the one most of the sessions' lines are in."""
    diagnostics: list[Diagnostic] = []
    sessions = assign_session_ids([entry for log in logs for entry in log.entries], diagnostics)
    slugs = assign_log_slugs([log.path for log in logs], diagnostics)
    lines = [line for s in sessions for line in lines_of(s)]
    language, notes = site_language(language, _texts_by_log(logs, sessions))
    diagnostics += notes
    code = [code_spans(line.text) for line in lines]  # each line's, found once for the steps below
    separate_contrasted(lines, code, lexicon)
    definitions = discover_terms(lines, code, lexicon)
    mentioned = find_mentions(lines, code, lexicon)
    names = names_on_lines(lines, mentioned, definitions)
    concept_list = build_concepts(lexicon, definitions, mentions_by_name(lines, names),
                                  aliases.writing_of(line.text for line in lines))
    slug_of = {c.name: c.slug for c in concept_list}
    named = {source: tuple(slug_of[name] for name in on_line) for source, on_line in names.items()}
    spans = spans_of(mentioned, slug_of)
    watch = collect_watchlist(sessions, lines, named, watch_window, spans, labels)
    runs = experiment_lines(sessions, {d.source for defs in definitions.values() for d in defs},
                            {log.path: log.title for log in logs}, book_code_logs(logs))
    diagnostics += runs.diagnostics
    shown = aliases.site_names(concept_list, logs, language)
    knowledge = Knowledge(
        logs=tuple(logs), log_slugs=slugs, sessions=tuple(sessions), concepts=tuple(concept_list),
        watchlist=watch, cards=make_cards(lines, concept_list, named, watch, language, shown),
        experiment_refs=runs.refs, experiment_notes=runs.notes, mentions=spans, language=language,
        shown_names=shown)
    return knowledge, diagnostics


def _texts_by_log(logs: list[LogFile], sessions: list[Session]) -> dict[str, list[str]]:
    """The text of each log's sessions, by the log's path: their header lines, the names of
    their parts and fields, and their lines (a log without sessions has none)."""
    out: dict[str, list[str]] = {log.path: [] for log in logs}
    for session in sessions:
        texts = out.setdefault(session.source.path, [])
        texts.append(session.header)
        texts += [block.name for block in session.blocks if isinstance(block, (Section, Field)) and block.name]
        texts += [line.text for line in lines_of(session)]
    return out


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


def assign_session_ids(entries: list[SessionEntry], diagnostics: list[Diagnostic]) -> list[Session]:
    """The sessions, chronological, with ``YYYY-MM-DD-HHMM`` ids (``YYYY-MM-DD`` for a date
    without a time) and a suffix where two collide."""
    seen_headers: dict[str, Source] = {}
    taken: set[str] = set()
    sessions = []
    for entry in sorted(entries, key=_chronological):
        _note_duplicate(entry, seen_headers, diagnostics)
        base = _base_id(entry)
        sid, n = base, 1
        while sid in taken:
            n += 1
            sid = f"{base}-{n}"
        taken.add(sid)
        sessions.append(Session.of(entry, SessionId(sid)))
    return sessions


def _base_id(entry: SessionEntry) -> str:
    if entry.started is None:
        return "undated"
    return f"{entry.started:%Y-%m-%d-%H%M}" if entry.timed else f"{entry.started:%Y-%m-%d}"


def _chronological(entry: SessionEntry) -> tuple:
    started = entry.started or datetime.max
    utc = started - entry.utc_offset if entry.utc_offset and entry.started else started
    return (utc, entry.source.path, entry.source.line)


def _note_duplicate(entry: SessionEntry, seen: dict[str, Source], diagnostics: list[Diagnostic]) -> None:
    key = " ".join(entry.header.split()).lower()
    if key in seen and entry.started is not None:
        first = seen[key]
        diagnostics.append(warning(entry.source.path, entry.source.line,
                                   f"duplicate session header (also at {first}); kept as a separate session"))
    seen.setdefault(key, entry.source)


DEFINING_KINDS = (SectionKind.LEARNED, SectionKind.OTHER, SectionKind.TOPICS, None)


def separate_contrasted(lines: list[Line], code: list[tuple[CodeSpan, ...]], lexicon: Lexicon) -> None:
    """A spelling that a watchlist line sets against another of the same concept ("PMI vs
    PPMI", PMI being an alias of PPMI) becomes a term of its own: the learner tells them apart.
    ``code``: each line's code spans."""
    for line, spans in zip(lines, code):
        if line.kind is SectionKind.WATCHLIST:
            text = mentionable_text(line.text, spans, lexicon)
            for spelling in aliases.contrasted(text, lexicon.find(text), lexicon):
                lexicon.separate(spelling, found.term_name(spelling))


def discover_terms(lines: list[Line], code: list[tuple[CodeSpan, ...]],
                   lexicon: Lexicon) -> dict[str, list[Definition]]:
    """Add the terms the log defines, backticks, links as notes (``[[TimeRNN]]``) or names in
    two languages to the lexicon;
    return definitions by name. A lone English word backticked on one line only and never
    defined is taken for code (`offset`), not a term, and so is a common English word (`you`).
    ``code``: each line's code spans."""
    definitions: dict[str, list[Definition]] = defaultdict(list)
    code_words = code_terms.code_words(code, lexicon)
    for line, spans in zip(lines, code):
        for spelling in code_terms.backticked_terms(spans, lexicon):
            if normalise(spelling) not in code_words:
                _ensure_term(lexicon, spelling)
        for spelling in found.wikilinked_terms(line.text, spans):
            known = found.same_term(spelling, lexicon)
            _ensure_term(lexicon, known or spelling, (spelling,) if known else ())
        for name, alias in aliases.paired_aliases(line.text, lexicon):
            lexicon.add(Term(name, (alias,), origin="log"))
        if line.kind not in DEFINING_KINDS:
            continue
        defined = _defined_term(line, lexicon)
        if defined and line.resolves is not None and lexicon.lookup(defined.subject) is None:
            continue  # a line that says a confusion is cleared names it: it may define a known term, adds none
        if defined:
            name = _ensure_term(lexicon, defined.subject, defined.aliases)
            definitions[name].append(Definition(line.text, line.source, line.session))
    return definitions


def _defined_term(line: Line, lexicon: Lexicon) -> found.Defined | None:
    """The term a line defines: the one its table's row names (``| concept | note |``), else
    the one its words define ("`epoch` is ...", in a learned part "Encoder: reads ..."); a
    field's, where its name is a known term and its value what it is ("- Peeky: passes h ...")."""
    if line.role == "field":
        return found.field_definition(line.term, line.text, lexicon)
    if line.term and found.is_nameable(line.term):
        return found.Defined(line.term)
    return found.defined_term(line.text, lexicon, in_learned=line.kind is SectionKind.LEARNED)


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


def mentionable_text(text: str, spans: tuple[CodeSpan, ...], lexicon: Lexicon) -> str:
    """The text a watchlist line's contrasted spellings are found in: its code spans
    (``spans``) that are code become blanks (same length); term-like ones lose their backticks."""
    def replace_span(span: CodeSpan) -> str:
        if code_terms.is_term_like(span.inner, lexicon):
            pad = " " * len(span.fence)
            return pad + span.inner.replace("_", " ") + pad  # `hidden_size` is the term "hidden size"
        return " " * (span.end - span.start)
    return replace_code_spans(text, replace_span, spans)


def build_concepts(lexicon: Lexicon, definitions: dict[str, list[Definition]],
                   mentions: dict[str, list[Mention]], writing: aliases.Writing) -> list[Concept]:
    """The concepts the logs name or define; a starter term's names in a language the logs
    are not written in (Korean names in an English log, Chinese ones in a Japanese log) are
    not shown, though still recognised."""
    names = sorted((n for n, t in lexicon.terms.items()
                    if n in mentions or n in definitions or t.origin == "user"), key=str.lower)
    slugs = unique_slugs(names)
    concept_list = []
    for name in names:
        term = lexicon.terms[name]
        defs = sorted(definitions.get(name, ()), key=lambda d: says_what_is_done(d.text))  # what it is first
        if term.origin == "user" and term.definition:
            defs.append(Definition(term.definition, Source(term.source or "vocabulary.yml", term.line), None, "vocabulary"))
        starter = term.definition if term.origin == "starter" else None
        shown = aliases.shown_names(term.aliases, writing) if term.origin == "starter" else term.aliases
        concept_list.append(Concept(ConceptSlug(slugs[name]), name, shown, tuple(defs),
                                    tuple(mentions.get(name, ())), starter))
    return concept_list

