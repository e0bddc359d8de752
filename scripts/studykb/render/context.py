"""What every renderer may read: the knowledge model plus indexes computed once."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..link import session_lines
from ..model import Concept, ExperimentRef, Knowledge, Session, SessionId, Source
from . import html
from .common import session_page
from .runs import RunResult, run_block
from .html import Linker


@dataclass(frozen=True)
class Context:
    knowledge: Knowledge
    results: dict[tuple[str, str], RunResult]
    position: dict[SessionId, int] = field(default_factory=dict)
    introduced: dict[SessionId, tuple[Concept, ...]] = field(default_factory=dict)
    mentioned_in: dict[str, tuple[SessionId, ...]] = field(default_factory=dict)
    """Concept slug -> the sessions that mention it, oldest first."""
    concepts_by_slug: dict[str, Concept] = field(default_factory=dict)
    refs_by_source: dict[Source, tuple[ExperimentRef, ...]] = field(default_factory=dict)
    refs_by_session: dict[SessionId, tuple[ExperimentRef, ...]] = field(default_factory=dict)
    cards_by_concept: dict[str, tuple] = field(default_factory=dict)
    watch_by_concept: dict[str, tuple] = field(default_factory=dict)
    notes_by_source: dict[Source, str] = field(default_factory=dict)
    """A line that looks like an experiment none reproduces -> why (shown beside it)."""
    notes_by_session: dict[SessionId, tuple[str, ...]] = field(default_factory=dict)

    def linker(self, here: str, exclude: str | None = None) -> Linker:
        """Links to concept pages from ``here`` (a concept page excludes itself)."""
        return html.concept_linker(self.knowledge, here, exclude)

    def run_block(self, from_page: str, result: RunResult, heading: str) -> str:
        return run_block(from_page, result, heading, opened=False)

    def line_text(self, session_id: SessionId, source: Source) -> str:
        """The text of one line of a session, as the link stage read it ("" if none)."""
        lines = session_lines(self.knowledge.session(session_id))
        return next((line.text for line in lines if line.source == source), "")


def make_context(knowledge: Knowledge, results: dict) -> Context:
    position = {s.id: i for i, s in enumerate(knowledge.sessions)}
    mentioned_in = {c.slug: tuple(sorted(dict.fromkeys([m.session for m in c.mentions]), key=position.__getitem__))
                    for c in knowledge.concepts}
    introduced: dict[SessionId, list[Concept]] = {}
    for concept in knowledge.concepts:
        if mentioned_in[concept.slug]:
            introduced.setdefault(mentioned_in[concept.slug][0], []).append(concept)
    refs: dict[Source, list[ExperimentRef]] = {}
    refs_by_session: dict[SessionId, list[ExperimentRef]] = {}
    for ref in knowledge.experiment_refs:  # in line order
        refs.setdefault(ref.source, []).append(ref)
        refs_by_session.setdefault(ref.session, []).append(ref)
    return Context(knowledge, results, position,
                   {k: tuple(v) for k, v in introduced.items()}, mentioned_in,
                   {c.slug: c for c in knowledge.concepts},
                   {k: tuple(v) for k, v in refs.items()},
                   {k: tuple(v) for k, v in refs_by_session.items()},
                   _by_concept(knowledge.cards), _by_concept(knowledge.watchlist),
                   *_notes(knowledge))


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
