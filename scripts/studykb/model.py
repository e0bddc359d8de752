"""Typed, immutable records: the log model (parse) and the knowledge model (link)."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from datetime import datetime, timedelta
from enum import Enum
from typing import Iterator, NamedTuple, NewType, Union


def record(cls: type | None = None, *, slots: bool = True):
    """``@dataclass(frozen=True, slots=True)``, with an ``__init__`` that stores each field through its slot.

    Parse builds a record for nearly every line and every later stage reads them, so
    their size and the cost of reading a field count. A slotted record is 72 bytes
    where one with an instance dict is 176, and reads its fields about twice as fast.
    The ``__init__`` dataclasses writes for a frozen class sets each field through
    ``object.__setattr__`` (to get past the ``__setattr__`` that refuses changes), at
    several times the cost of calling the slot's own setter, which this one does.
    ``@record(slots=False)`` keeps an instance dict (for a ``cached_property``) and
    stores the fields straight into it. Same parameters, defaults, instances and
    immutability either way (tests/test_fast_paths.py).
    """
    def make(cls: type) -> type:
        cls = dataclass(frozen=True, slots=slots)(cls)
        if _only_plain_fields(cls):
            cls.__init__ = _slot_storing_init(cls) if slots else _dict_storing_init(cls)
        return cls
    return make if cls is None else make(cls)


def _only_plain_fields(cls: type) -> bool:
    """No factory, keyword-only, non-init field or ``__post_init__``: cases left to dataclasses."""
    return not hasattr(cls, "__post_init__") and all(
        f.default_factory is MISSING and f.init and not f.kw_only for f in fields(cls))


def _init_from(cls: type, namespace: dict, body: str):
    namespace.update({f"default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING})
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=default_{f.name}" for f in fields(cls))
    exec(f"def __init__(self, {params}):{body}", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _slot_storing_init(cls: type):
    # Each slot's setter is a C function, looked up once here rather than per call.
    setters = {f"set_{f.name}": cls.__dict__[f.name].__set__ for f in fields(cls)}
    return _init_from(cls, setters, "".join(f"\n    set_{f.name}(self, {f.name})" for f in fields(cls)))


def _dict_storing_init(cls: type):
    stores = "".join(f"\n    attributes[{f.name!r}] = {f.name}" for f in fields(cls))
    return _init_from(cls, {}, "\n    attributes = self.__dict__" + stores)


SessionId = NewType("SessionId", str)
"""``YYYY-MM-DD-HHMM`` with a ``-2``, ``-3`` suffix where two sessions collide."""


class Source(NamedTuple):
    """Where a record came from: a path relative to the project root and a 1-based line.

    A named tuple rather than a dataclass: it keys several indexes, and a tuple hashes in C.
    """

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


@record
class Field:
    """``- Name: value``; unknown names are kept as fields too."""

    name: str
    value: str
    source: Source
    indent: int = 0


@record
class Item:
    """One bullet or numbered line of a section; ``depth`` 0 is top level."""

    text: str
    source: Source
    depth: int = 0
    ordered: bool = False


@record
class Section:
    """A bullet ending in ``:`` and the items that follow it."""

    name: str
    kind: SectionKind
    source: Source
    items: tuple[Item, ...] = ()


@record
class QA:
    text: str
    source: Source
    indent: int = 0


@record
class Note:
    """A line of free text that is neither field, section, item nor Q/A."""

    text: str
    source: Source


@record
class CodeBlock:
    """A fenced code block, kept verbatim; ``source`` is the opening fence."""

    fence: str
    info: str
    lines: tuple[str, ...]
    source: Source


@record
class Table:
    lines: tuple[str, ...]
    source: Source


Block = Union[Field, Section, QA, Note, CodeBlock, Table]


@record
class TimeLog:
    start: str | None
    end: str | None
    minutes: int | None
    source: Source


@record(slots=False)  # ``title`` is a cached_property, kept in the instance dict
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

    @cached_property
    def title(self) -> str:
        if self.started is None:
            return f"Session at {self.source}"
        zone = f" {self.tz_name}" if self.tz_name else ""
        return f"{self.started:%Y-%m-%d %H:%M}{zone}"


@record
class LogFile:
    path: str
    title: str | None
    preamble: tuple[Note, ...]
    sessions: tuple[Session, ...]
    lines: tuple[str, ...] = ()  # every line as read (after redaction), for the source page
    slug: str = ""  # its source page's name, unique among the logs (set by link)


# --- the knowledge model ---------------------------------------------------

ConceptSlug = NewType("ConceptSlug", str)


@record
class Definition:
    text: str
    source: Source
    session: SessionId | None
    origin: str = "log"  # "log", "vocabulary" (user file) or "starter"


@record
class Mention:
    session: SessionId
    source: Source


@record
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


@record
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


@record
class Card:
    id: str
    front: str
    back: str
    kind: str  # "qa" or "definition"
    source: Source
    session: SessionId | None
    concepts: tuple[ConceptSlug, ...]
    watch: bool = False


@record
class ExperimentRef:
    """A log line that names an experiment run, with the parameters it states."""

    experiment: str
    run_id: str
    params: tuple[tuple[str, object], ...]
    source: Source
    session: SessionId
    planned: bool


@record
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


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Build records without Python's cycle collector running meanwhile.

    Records form trees, never reference cycles, so the collector finds nothing in
    them; yet it runs every few hundred allocations and now and then walks every
    object built so far, which cost the link stage about a third of its time at
    1,000 sessions. Reference counting frees memory as usual; the collector
    resumes afterwards (unless it was off already).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def build_set_apart_from_the_collector() -> Iterator[None]:
    """A whole build with the cycle collector paused, what it built then set apart as long-lived.

    Paused stage by stage, the collector still ran at the end of each pause and walked
    every record made meanwhile, then walked them again as they aged: about a second of
    fourteen at 10,000 sessions, and the engine's own passes walked them once more.
    ``gc.freeze`` moves everything tracked so far into a generation no pass walks
    (reference counting still frees what is dropped). Garbage cycles caught in it would
    stay, so a build that finds the last one's objects set apart gives them back and
    collects first: under ``mkdocs serve`` nothing outlives the build after it.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    with cycle_collector_paused():
        yield
        gc.freeze()
