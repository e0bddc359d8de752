"""What every renderer may read: the knowledge model plus indexes computed once."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..model import (Concept, ConceptSlug, ExperimentRef, Knowledge, Session, SessionId, Source, Span,
                     lines_of)
from . import html
from .common import session_page
from .runs import RunResult, run_block
from .html import Linker


@dataclass(frozen=True)
class Context:
    knowledge: Knowledge
    results: dict[tuple[str, str], RunResult]
    sessions_by_id: dict[SessionId, Session] = field(default_factory=dict)
    sessions_by_log: dict[str, tuple[Session, ...]] = field(default_factory=dict)
    """Log path -> its sessions, in time order."""
    position: dict[SessionId, int] = field(default_factory=dict)
    introduced: dict[SessionId, tuple[Concept, ...]] = field(default_factory=dict)
    mentioned_in: dict[str, tuple[SessionId, ...]] = field(default_factory=dict)
    """Concept slug -> the sessions that mention it, oldest first."""
    named_on: dict[Source, tuple[ConceptSlug, ...]] = field(default_factory=dict)
    """A line -> the concepts it names (those it mentions and the one it defines)."""
    concepts_by_slug: dict[str, Concept] = field(default_factory=dict)
    refs_by_source: dict[Source, tuple[ExperimentRef, ...]] = field(default_factory=dict)
    refs_by_session: dict[SessionId, tuple[ExperimentRef, ...]] = field(default_factory=dict)
    cards_by_concept: dict[str, tuple] = field(default_factory=dict)
    watch_by_concept: dict[str, tuple] = field(default_factory=dict)
    notes_by_source: dict[Source, str] = field(default_factory=dict)
    """A line that looks like an experiment none reproduces -> why (shown beside it)."""
    notes_by_session: dict[SessionId, tuple[str, ...]] = field(default_factory=dict)

    def linker(self, here: str, exclude: ConceptSlug | None = None) -> Linker:
        """Links to concept pages from ``here`` (a concept page excludes itself)."""
        return html.concept_linker(here, exclude)

    def session(self, sid: SessionId) -> Session:
        return self.sessions_by_id[sid]

    def spans(self, source: Source) -> tuple[Span, ...]:
        """Where the log line at ``source`` names concepts, as the link stage found them."""
        return self.knowledge.mentions.get(source, ())

    def run_block(self, from_page: str, result: RunResult, heading: str) -> str:
        return run_block(from_page, result, heading, opened=False)

    def line_texts(self, session_id: SessionId) -> dict[Source, str]:
        """The text of each line of a session, as the link stage read it, by its source."""
        return {line.source: line.text for line in lines_of(self.session(session_id))}


def make_context(knowledge: Knowledge, results: dict) -> Context:
    position = {s.id: i for i, s in enumerate(knowledge.sessions)}
    mentioned_in = {c.slug: tuple(sorted(dict.fromkeys([m.session for m in c.mentions]), key=position.__getitem__))
                    for c in knowledge.concepts}
    refs = knowledge.experiment_refs  # in line order
    notes_by_source, notes_by_session = _notes(knowledge)
    return Context(
        knowledge, results, sessions_by_id={s.id: s for s in knowledge.sessions},
        sessions_by_log=_grouped(knowledge.sessions, lambda s: s.source.path), position=position,
        introduced=_grouped((c for c in knowledge.concepts if mentioned_in[c.slug]), lambda c: mentioned_in[c.slug][0]),
        mentioned_in=mentioned_in, named_on=_named_on(knowledge.concepts),
        concepts_by_slug={c.slug: c for c in knowledge.concepts},
        refs_by_source=_grouped(refs, lambda r: r.source), refs_by_session=_grouped(refs, lambda r: r.session),
        cards_by_concept=_by_concept(knowledge.cards), watch_by_concept=_by_concept(knowledge.watchlist),
        notes_by_source=notes_by_source, notes_by_session=notes_by_session)


def _grouped(records, key) -> dict:
    """The records by ``key``, each group in the records' order."""
    out: dict = {}
    for record in records:
        out.setdefault(key(record), []).append(record)
    return {k: tuple(group) for k, group in out.items()}


def _named_on(concepts: tuple[Concept, ...]) -> dict[Source, tuple[ConceptSlug, ...]]:
    """The concepts each line names, from the concepts' mentions."""
    out: dict[Source, list[ConceptSlug]] = {}
    for concept in concepts:
        for mention in concept.mentions:
            out.setdefault(mention.source, []).append(concept.slug)
    return {source: tuple(slugs) for source, slugs in out.items()}


def _notes(knowledge: Knowledge) -> tuple[dict, dict]:
    """The notes on lines no experiment reproduces, by line and by session."""
    by_session: dict[SessionId, list[str]] = {}
    for note in knowledge.experiment_notes:
        by_session.setdefault(note.session, []).append(f"{note.source.line}: {note.message}")
    return ({note.source: note.message for note in knowledge.experiment_notes},
            {sid: tuple(notes) for sid, notes in by_session.items()})


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


def session_hrefs(from_page: str) -> Callable[[Session], str]:
    """The link from ``from_page`` to a session's page."""
    return lambda session: html.href(from_page, session_page(session))
