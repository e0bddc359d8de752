"""The watchlist: each repeatedly confused item once, with when and how often it was flagged.

An item is the confusion, not its wording: a watchlist line of a later session that names
the same concepts ("PPMI vs PMI: still unsure" after "Difference between PMI and PPMI")
is the same item flagged again, its earlier wordings kept as its history.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import ConceptSlug, Line, SectionKind, Session, SessionId, Source, WatchItem
from .vocabulary import normalise


@dataclass
class _Group:
    """The lines of one item, gathered while the watchlist lines are read."""

    key: str
    number: int  # its place among the items, first flagged first
    lines: list[Line] = field(default_factory=list)
    concept_sets: list[frozenset[ConceptSlug]] = field(default_factory=list)
    sessions: set[SessionId] = field(default_factory=set)

    def add(self, line: Line, concepts: frozenset[ConceptSlug]) -> None:
        self.lines.append(line)
        self.concept_sets.append(concepts)
        self.sessions.add(line.session)

    def named(self) -> frozenset[ConceptSlug]:
        return frozenset().union(*self.concept_sets)

    def names_the_same(self, concepts: frozenset[ConceptSlug]) -> bool:
        """Whether a line naming ``concepts`` is about the same confusion as a line of this
        item: the same concepts, or (two or more of them) those of one within the other's."""
        return any(concepts == known or (min(len(concepts), len(known)) >= 2 and
                                         (concepts <= known or known <= concepts))
                   for known in self.concept_sets)


def collect_watchlist(sessions: list[Session], lines: list[Line], named: dict[Source, tuple[ConceptSlug, ...]],
                      window: int) -> tuple[WatchItem, ...]:
    """Group watchlist lines by their words or the concepts they name (``named``); an item
    is open if flagged in the last ``window`` sessions."""
    position = {s.id: i for i, s in enumerate(sessions)}
    groups: list[_Group] = []
    by_words: dict[str, _Group] = {}
    by_concept: dict[ConceptSlug, list[_Group]] = {}  # the items that name a concept, in order
    for line in lines:
        if line.kind is not SectionKind.WATCHLIST:
            continue
        key = normalise(line.text) or line.text
        concepts = frozenset(named.get(line.source, ()))
        group = by_words.get(key) or _same_confusion(by_concept, line, concepts)
        if group is None:
            group = _Group(key, len(groups))
            groups.append(group)
        for concept in concepts - group.named():
            by_concept.setdefault(concept, []).append(group)
        group.add(line, concepts)
        by_words.setdefault(key, group)
    recent = len(sessions) - window
    items = [_item(group, named, position, recent) for group in groups]
    return tuple(sorted(items, key=lambda w: (not w.open, -len(w.flagged_in), position[w.first], w.key)))


def _same_confusion(by_concept: dict[ConceptSlug, list[_Group]], line: Line,
                    concepts: frozenset[ConceptSlug]) -> _Group | None:
    """The earliest item of another session that names the same concepts as ``line``.
    Two lines of one session are two items, unless worded alike."""
    if not concepts:
        return None
    candidates = by_concept.get(min(concepts), [])  # an item naming the same concepts names this one
    if len(concepts) >= 2:  # or one within the other's: any of them
        candidates = sorted({g.number: g for c in concepts for g in by_concept.get(c, ())}.values(),
                            key=lambda g: g.number)
    return next((g for g in candidates if line.session not in g.sessions and g.names_the_same(concepts)), None)


def _item(group: _Group, named, position, recent) -> WatchItem:
    lines = group.lines
    flagged = tuple(sorted(dict.fromkeys(line.session for line in lines), key=position.__getitem__))
    concepts = tuple(dict.fromkeys(c for line in lines for c in named.get(line.source, ())))
    latest = lines[-1]
    return WatchItem(group.key, latest.text, concepts, flagged, tuple(line.source for line in lines),
                     open=position[flagged[-1]] >= recent)


def watched_concepts(watch: tuple[WatchItem, ...]) -> frozenset[ConceptSlug]:
    return frozenset(c for w in watch if w.open for c in w.concepts)
