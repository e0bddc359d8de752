"""The watchlist: each repeatedly confused item once, with when and how often it was flagged."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .model import ConceptSlug, SectionKind, Session, Source, WatchItem
from .vocabulary import normalise

if TYPE_CHECKING:
    from .link import Line


def collect_watchlist(sessions: list[Session], lines: list["Line"],
                      mention_index: dict[Source, tuple[ConceptSlug, ...]],
                      window: int) -> tuple[WatchItem, ...]:
    """Group watchlist lines by their words; an item is open if flagged in the last ``window`` sessions."""
    position = {s.id: i for i, s in enumerate(sessions)}
    groups: dict[str, list["Line"]] = {}
    keys: dict[str, str] = {}  # an item is flagged again and again in the same words
    for line in lines:
        if line.kind is SectionKind.WATCHLIST:
            key = keys.get(line.text)
            if key is None:
                key = keys[line.text] = normalise(line.text) or line.text
            groups.setdefault(key, []).append(line)
    recent = len(sessions) - window
    items = [_item(key, group, mention_index, position, recent) for key, group in groups.items()]
    return tuple(sorted(items, key=lambda w: (not w.open, -len(w.flagged_in), position[w.first], w.key)))


def _item(key, group, mention_index, position, recent) -> WatchItem:
    flagged = tuple(sorted(dict.fromkeys(line.session for line in group), key=position.__getitem__))
    concepts = tuple(dict.fromkeys(c for line in group for c in mention_index.get(line.source, ())))
    latest = group[-1]
    return WatchItem(key, latest.text, concepts, flagged, tuple(line.source for line in group),
                     open=position[flagged[-1]] >= recent)


def watched_concepts(watch: tuple[WatchItem, ...]) -> frozenset[ConceptSlug]:
    return frozenset(c for w in watch if w.open for c in w.concepts)
