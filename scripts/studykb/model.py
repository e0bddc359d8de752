"""Typed, immutable records: the log model (parse) and the knowledge model (link)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import NewType, Union


SessionId = NewType("SessionId", str)
"""``YYYY-MM-DD-HHMM`` with a ``-2``, ``-3`` suffix where two sessions collide."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: a path relative to the project root and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class SectionKind(str, Enum):
    TOPICS = "topics"
    LEARNED = "learned"
    WATCHLIST = "watchlist"
    RESUME = "resume"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Field:
    """``- Name: value``; unknown names are kept as fields too."""

    name: str
    value: str
    source: Source
    indent: int = 0


@dataclass(frozen=True, slots=True)
class Item:
    """One bullet or numbered line of a section; ``depth`` 0 is top level."""

    text: str
    source: Source
    depth: int = 0
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A bullet ending in ``:`` and the items that follow it."""

    name: str
    kind: SectionKind
    source: Source
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class QA:
    text: str
    source: Source
    indent: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """A line of free text that is neither field, section, item nor Q/A."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced code block, kept verbatim; ``source`` is the opening fence."""

    fence: str
    info: str
    lines: tuple[str, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Table:
    lines: tuple[str, ...]
    source: Source


Block = Union[Field, Section, QA, Note, CodeBlock, Table]


@dataclass(frozen=True, slots=True)
class TimeLog:
    start: str | None
    end: str | None
    minutes: int | None
    source: Source


@dataclass(frozen=True, slots=True)
class Session:
    id: SessionId
    source: Source
    header: str
    started: datetime | None
    tz_name: str | None
    utc_offset: timedelta | None
    blocks: tuple[Block, ...]
    timelog: TimeLog | None = None

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Field))

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Section))

    def items_of(self, kind: SectionKind) -> tuple[Item, ...]:
        return tuple(i for s in self.sections if s.kind is kind for i in s.items)

    @property
    def minutes(self) -> int | None:
        return self.timelog.minutes if self.timelog else None

    @property
    def title(self) -> str:
        if self.started is None:
            return f"Session at {self.source}"
        zone = f" {self.tz_name}" if self.tz_name else ""
        return f"{self.started:%Y-%m-%d %H:%M}{zone}"


@dataclass(frozen=True, slots=True)
class LogFile:
    path: str
    title: str | None
    preamble: tuple[Note, ...]
    sessions: tuple[Session, ...]
    lines: tuple[str, ...] = ()  # every line as read (after redaction), for the source page
    slug: str = ""  # its source page's name, unique among the logs (set by link)


# --- the knowledge model ---------------------------------------------------

ConceptSlug = NewType("ConceptSlug", str)


@dataclass(frozen=True, slots=True)
class Definition:
    text: str
    source: Source
    session: SessionId | None
    origin: str = "log"  # "log", "vocabulary" (user file) or "starter"


@dataclass(frozen=True, slots=True)
class Mention:
    session: SessionId
    source: Source


@dataclass(frozen=True, slots=True)
class Concept:
    slug: ConceptSlug
    name: str
    aliases: tuple[str, ...]
    definitions: tuple[Definition, ...]
    mentions: tuple[Mention, ...]
    starter_definition: str | None = None

    @property
    def definition(self) -> Definition | None:
        return self.definitions[0] if self.definitions else None


@dataclass(frozen=True, slots=True)
class WatchItem:
    key: str
    text: str
    concepts: tuple[ConceptSlug, ...]
    flagged_in: tuple[SessionId, ...]
    sources: tuple[Source, ...]
    open: bool

    @property
    def first(self) -> SessionId:
        return self.flagged_in[0]

    @property
    def last(self) -> SessionId:
        return self.flagged_in[-1]


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    front: str
    back: str
    kind: str  # "qa" or "definition"
    source: Source
    session: SessionId | None
    concepts: tuple[ConceptSlug, ...]
    watch: bool = False


@dataclass(frozen=True, slots=True)
class ExperimentRef:
    """A log line that names an experiment run, with the parameters it states."""

    experiment: str
    run_id: str
    params: tuple[tuple[str, object], ...]
    source: Source
    session: SessionId
    planned: bool


@dataclass(frozen=True, slots=True)
class ExperimentNote:
    """A log line that looks like an experiment but that no experiment answers, and why."""

    source: Source
    session: SessionId
    message: str


@dataclass(frozen=True)
class Knowledge:
    logs: tuple[LogFile, ...]
    sessions: tuple[Session, ...]  # chronological
    concepts: tuple[Concept, ...]  # sorted by name
    watchlist: tuple[WatchItem, ...]
    cards: tuple[Card, ...]
    experiment_refs: tuple[ExperimentRef, ...]
    mention_index: dict = field(default_factory=dict, compare=False, hash=False)
    """Source -> concept slugs mentioned on that line."""
    mention_spans: dict = field(default_factory=dict, compare=False, hash=False)
    """Source -> the vocabulary.Match list of that line (positions for linking while rendering)."""
    spans_by_session: dict = field(default_factory=dict, compare=False, hash=False)
    """SessionId -> [(Source, Match list)] of its lines that have mentions, in order."""
    by_id: dict = field(default_factory=dict, compare=False, hash=False)
    """SessionId -> Session."""
    log_slugs: dict = field(default_factory=dict, compare=False, hash=False)
    """Log path -> the slug of its source page (the LogFile's ``slug``)."""
    lexicon: object = field(default=None, compare=False, hash=False)
    """The vocabulary.Lexicon the concepts were found with (renderers link mentions with it)."""
    experiment_notes: tuple[ExperimentNote, ...] = ()
    """Lines that look like an experiment no experiment reproduces yet, in line order."""

    def session(self, sid: SessionId) -> Session:
        return self.by_id[sid]
