"""What every renderer may read: the knowledge model plus indexes computed once."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..link import session_lines
from ..model import Concept, ExperimentRef, Knowledge, Session, SessionId, Source
from .html import concept_linker
from .runs import RunResult, run_block
from .text import Linker


@dataclass(frozen=True)
class Context:
    knowledge: Knowledge
    results: dict[tuple[str, str], RunResult]
    position: dict[SessionId, int] = field(default_factory=dict)
    introduced: dict[SessionId, tuple[Concept, ...]] = field(default_factory=dict)
    concepts_by_slug: dict[str, Concept] = field(default_factory=dict)
    line_texts: dict[Source, str] = field(default_factory=dict)
    refs_by_source: dict[Source, tuple[ExperimentRef, ...]] = field(default_factory=dict)
    cards_by_concept: dict[str, tuple] = field(default_factory=dict)
    watch_by_concept: dict[str, tuple] = field(default_factory=dict)
    _run_blocks: dict[tuple, str] = field(default_factory=dict)
    _linkers: dict[tuple, Linker] = field(default_factory=dict)

    def linker(self, here: str, exclude: str | None = None) -> Linker:
        """Links to concept pages from ``here``: the same for every page of one folder, made once."""
        key = (posixpath.dirname(here), exclude)
        if key not in self._linkers:
            self._linkers[key] = concept_linker(self.knowledge, here, exclude)
        return self._linkers[key]

    def run_block(self, from_page: str, result: RunResult, heading: str) -> str:
        """A run's block is the same on every page of one folder: render it once."""
        key = (posixpath.dirname(from_page), result.experiment, result.run_id, heading)
        if key not in self._run_blocks:
            self._run_blocks[key] = run_block(from_page, result, heading)
        return self._run_blocks[key]


def make_context(knowledge: Knowledge, results: dict) -> Context:
    position = {s.id: i for i, s in enumerate(knowledge.sessions)}
    introduced: dict[SessionId, list[Concept]] = {}
    for concept in knowledge.concepts:
        if concept.mentions:
            first = min(concept.mentions, key=lambda m: position[m.session]).session
            introduced.setdefault(first, []).append(concept)
    line_texts = {line.source: line.text for s in knowledge.sessions for line in session_lines(s)}
    refs: dict[Source, list[ExperimentRef]] = {}
    for ref in knowledge.experiment_refs:
        refs.setdefault(ref.source, []).append(ref)
    return Context(knowledge, results, position,
                   {k: tuple(v) for k, v in introduced.items()},
                   {c.slug: c for c in knowledge.concepts}, line_texts,
                   {k: tuple(v) for k, v in refs.items()},
                   _by_concept(knowledge.cards), _by_concept(knowledge.watchlist))


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
