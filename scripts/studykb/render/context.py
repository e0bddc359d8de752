"""What every renderer may read: the knowledge model plus indexes computed once."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import quote

from ..model import (Concept, ConceptSlug, ExperimentNote, ExperimentRef, Knowledge, Session, SessionId, Source, Span,
                     Table)
from ..session_lines import lines_of
from . import html, urls
from .common import concept_page, session_page
from .concept_names import beside, shown_names
from .runs import RunResult, run_block
from .html import Linker
from .words import Words, words_for

QUOTED_SESSIONS = 10
"""A concept page quotes the lines of the newest sessions that mention it, this many."""


@dataclass(frozen=True)
class QuotedLine:
    """A line a concept page may quote: its text as the link stage read it, and, for a
    row of a table, where the table's header row is and whether the text is the row as
    written (``| epoch | perplexity |``), not the item a part's row reads as."""

    text: str
    table: Source | None = None
    raw_row: bool = False


@dataclass(frozen=True)
class Context:
    knowledge: Knowledge
    results: dict[tuple[str, str], RunResult]
    words: Words
    """The site's own words, in the site's language (``Knowledge.language``)."""
    sessions_by_id: dict[SessionId, Session] = field(default_factory=dict)
    sessions_by_log: dict[str, tuple[Session, ...]] = field(default_factory=dict)
    """Log path -> its sessions, in time order."""
    position: dict[SessionId, int] = field(default_factory=dict)
    introduced: dict[SessionId, tuple[Concept, ...]] = field(default_factory=dict)
    mentioned_in: dict[str, tuple[SessionId, ...]] = field(default_factory=dict)
    """Concept slug -> the sessions that mention it, oldest first."""
    named_with: dict[ConceptSlug, dict[ConceptSlug, int]] = field(default_factory=dict)
    """Concept slug -> each other concept named on its lines (mentioned or defined there),
    and how often: once a line, or once a mention on a line that names it twice."""
    concepts_by_slug: dict[str, Concept] = field(default_factory=dict)
    encoded_slugs: dict[ConceptSlug, str] = field(default_factory=dict)
    """Each concept's slug as its page's URL has it, percent-encoded."""
    concept_urls: dict[ConceptSlug, str] = field(default_factory=dict)
    """Each concept page's URL from the site's root."""
    refs_by_session: dict[SessionId, tuple[ExperimentRef, ...]] = field(default_factory=dict)
    cards_by_concept: dict[str, tuple] = field(default_factory=dict)
    watch_by_concept: dict[str, tuple] = field(default_factory=dict)
    notes_by_session: dict[SessionId, tuple[ExperimentNote, ...]] = field(default_factory=dict)
    """The lines of a session that look like an experiment none reproduces, and why (shown beside them)."""
    quoted_lines: dict[Source, QuotedLine] = field(default_factory=dict)
    """The text of each line, as the link stage read it, of the sessions concept pages
    quote (each concept's QUOTED_SESSIONS newest)."""
    titles: dict[SessionId, str] = field(default_factory=dict)
    """Each session's title (``Session.title``)."""
    session_urls: dict[SessionId, str] = field(default_factory=dict)
    """Each session page's URL from the site's root."""
    shown_names: dict[ConceptSlug, str] = field(default_factory=dict)
    """The concepts shown by another name than their own (concept_names.py): 역전파 for backpropagation."""

    def name_of(self, concept: Concept) -> str:
        """The name ``concept`` is shown by on this site."""
        return self.shown_names.get(concept.slug, concept.name)

    def defined_name(self, concept: Concept) -> str:
        """Its name where it is defined: the one it is shown by, its own beside it (``역전파 (backpropagation)``)."""
        return beside(self.name_of(concept), concept)

    def linker(self, here: str, exclude: ConceptSlug | None = None) -> Linker:
        """Links to concept pages from ``here`` (a concept page excludes itself)."""
        return html.concept_linker(here, exclude, self.encoded_slugs)

    def session(self, sid: SessionId) -> Session:
        return self.sessions_by_id[sid]

    def session_hrefs(self, from_page: str) -> Callable[[Session], str]:
        """The link from ``from_page`` to a session's page."""
        root = urls.root_of(from_page)
        return lambda session: root + self.session_urls[session.id]

    def concept_hrefs(self, from_page: str) -> Callable[[ConceptSlug], str]:
        """The link from ``from_page`` to a concept's page, by its slug."""
        root = urls.root_of(from_page)
        return lambda slug: root + self.concept_urls[slug]

    def spans(self, source: Source) -> tuple[Span, ...]:
        """Where the log line at ``source`` names concepts, as the link stage found them."""
        return self.knowledge.mentions.get(source, ())

    def run_block(self, from_page: str, result: RunResult, heading: str) -> str:
        return run_block(from_page, result, heading, opened=False, words=self.words)


def make_context(knowledge: Knowledge, results: dict) -> Context:
    position = {s.id: i for i, s in enumerate(knowledge.sessions)}
    mentioned_in = {c.slug: tuple(sorted(dict.fromkeys([m.session for m in c.mentions]), key=position.__getitem__))
                    for c in knowledge.concepts}
    refs = knowledge.experiment_refs  # in line order
    return Context(
        knowledge, results, words_for(knowledge.language), sessions_by_id={s.id: s for s in knowledge.sessions},
        sessions_by_log=_grouped(knowledge.sessions, lambda s: s.source.path), position=position,
        introduced=_introduced(knowledge.concepts, position),
        mentioned_in=mentioned_in, named_with=_named_with(knowledge.concepts),
        concepts_by_slug={c.slug: c for c in knowledge.concepts},
        encoded_slugs={c.slug: quote(c.slug) for c in knowledge.concepts},
        concept_urls={c.slug: urls.relative("", concept_page(c.slug)) for c in knowledge.concepts},
        refs_by_session=_grouped(refs, lambda r: r.session),
        cards_by_concept=_by_concept(knowledge.cards), watch_by_concept=_by_concept(knowledge.watchlist),
        notes_by_session=_grouped(knowledge.experiment_notes, lambda n: n.session),
        quoted_lines=_quoted_lines(knowledge.sessions, mentioned_in),
        titles={s.id: s.title for s in knowledge.sessions},
        session_urls={s.id: urls.relative("", session_page(s)) for s in knowledge.sessions},
        shown_names=shown_names(knowledge))


def _introduced(concepts: tuple[Concept, ...], position: dict[SessionId, int]) -> dict[SessionId, tuple[Concept, ...]]:
    """Session id -> the concepts new in it: those it is the first to study. A line that
    only plans a concept (the resume point, an open task) does not make it new there."""
    first = {c.slug: min((position[m.session] for m in c.mentions if not m.planned), default=None) for c in concepts}
    studied = [c for c in concepts if first[c.slug] is not None]
    by_position = _grouped(studied, lambda c: first[c.slug])
    order = list(position)
    return {order[i]: group for i, group in by_position.items()}


def _quoted_lines(sessions: tuple[Session, ...],
                  mentioned_in: dict[str, tuple[SessionId, ...]]) -> dict[Source, QuotedLine]:
    """Each line of the sessions that some concept page quotes."""
    quoted = {sid for sids in mentioned_in.values() for sid in sids[::-1][:QUOTED_SESSIONS]}
    out = {}
    for session in (s for s in sessions if s.id in quoted):
        tables = _table_headers(session)
        out.update({line.source: QuotedLine(line.text, tables.get(line.source), line.role == "table")
                    for line in lines_of(session)})
    return out


def _table_headers(session: Session) -> dict[Source, Source]:
    """Each row of the session's tables -> its table's header row."""
    return {Source(block.source.path, block.source.line + offset): block.source
            for block in session.blocks if isinstance(block, Table) for offset in range(len(block.lines))}


def _grouped(records, key) -> dict:
    """The records by ``key``, each group in the records' order."""
    out: dict = {}
    for record in records:
        out.setdefault(key(record), []).append(record)
    return {k: tuple(group) for k, group in out.items()}


def _named_with(concepts: tuple[Concept, ...]) -> dict[ConceptSlug, dict[ConceptSlug, int]]:
    """The concepts named on each concept's lines, and how often, from the concepts' mentions."""
    named_on: defaultdict[Source, list[ConceptSlug]] = defaultdict(list)  # a line -> a slug for each mention on it
    for concept in concepts:
        for mention in concept.mentions:
            named_on[mention.source].append(concept.slug)
    out: dict[ConceptSlug, dict[ConceptSlug, int]] = {concept.slug: {} for concept in concepts}
    for slugs in named_on.values():
        for slug in dict.fromkeys(slugs):
            counts = out[slug]
            for other in slugs:
                if other != slug:
                    counts[other] = counts.get(other, 0) + 1
    return out


def _by_concept(records) -> dict[str, tuple]:
    """Concept slug -> the records (cards, watchlist items) that name it, in order."""
    out: dict[str, list] = {}
    for record in records:
        for slug in dict.fromkeys(record.concepts):
            out.setdefault(slug, []).append(record)
    return {slug: tuple(found) for slug, found in out.items()}


def neighbours(ctx: Context, session: Session) -> tuple[Session | None, Session | None]:
    i = ctx.position[session.id]
    sessions = ctx.knowledge.sessions
    return (sessions[i - 1] if i > 0 else None, sessions[i + 1] if i + 1 < len(sessions) else None)
