"""Typed, immutable records: the log model (parse) and the knowledge model (link)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import NewType, Union

from .slugs import Slug


SessionId = NewType("SessionId", str)
"""``YYYY-MM-DD-HHMM`` with a ``-2``, ``-3`` suffix where two sessions collide."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: a path relative to the project root and a 1-based line;
    ``column``, where on the line its text starts, for one of several records a line holds
    (the items of a table row's cell, ``a <br> b``), 0 for a record of the whole line."""

    path: str
    line: int
    column: int = 0

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
    """One bullet or numbered line of a section; ``depth`` 0 is top level. A watchlist
    line that marks its item resolved says where it names it: ``text[start:end]``. A row
    of a table of terms (``| concept | note |``) names the ``term`` it defines."""

    text: str
    source: Source
    depth: int = 0
    ordered: bool = False
    number: int = 0  # a numbered item's number as the log wrote it (``5.``), 0 for a bullet
    resolves: tuple[int, int] | None = None
    term: str = ""
    flags: tuple[int, int] | None = None  # a line of prose that says a confusion is still there: where it names it


@dataclass(frozen=True, slots=True)
class Section:
    """A bullet ending in ``:`` and the items that follow it."""

    name: str
    kind: SectionKind
    source: Source
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class QA:
    """A Q/A line. A quiz line is split as it is read: ``question`` and ``answer`` (one
    of them empty for a question whose answer is the next line, and for that answer line;
    both for a line that is not in a quiz shape). ``labelled``: the line was written with
    a ``Q/A:`` label, which ``text`` is without. ``continues``: the line goes on the
    answer of the Q/A line before it (a callout's answer written over several lines,
    which that line's ``answer`` holds whole)."""

    text: str
    source: Source
    indent: int = 0
    question: str = ""
    answer: str = ""
    labelled: bool = False
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """A line of free text that is neither field, section, item nor Q/A."""

    text: str
    source: Source
    # Where it names the watchlist item it says is resolved or still confused, if it does.
    resolves: tuple[int, int] | None = None
    flags: tuple[int, int] | None = None

    @property
    def is_break(self) -> bool:
        """``---``, ``***`` or ``___``: a thematic break, which separates and says nothing."""
        marks = "".join(self.text.split())
        return len(marks) >= 3 and marks[0] in "-*_" and len(set(marks)) == 1


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced code block, kept verbatim; ``source`` is the opening fence."""

    fence: str
    info: str
    lines: tuple[str, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Table:
    """A table, kept verbatim. One whose header row names a part (tables.py) is that
    part too: ``part`` holds an item for each row, read in ``columns`` order."""

    lines: tuple[str, ...]
    source: Source
    part: Section | None = None
    columns: tuple[int, ...] = ()


Block = Union[Field, Section, QA, Note, CodeBlock, Table]


@dataclass(frozen=True, slots=True)
class TimeLog:
    """What a session says about its time, read from one line or several (``Start``,
    ``End``, ``Duration`` each on its own): ``source`` is the first, ``sources`` all of them."""

    start: str | None
    end: str | None
    minutes: int | None
    source: Source
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One ``## Session:`` entry as parse reads it: all of a session but its id, which
    link gives it (an id depends on every log: the order in time, and its collisions)."""

    source: Source
    header: str
    started: datetime | None
    tz_name: str | None
    utc_offset: timedelta | None
    blocks: tuple[Block, ...]
    timelog: TimeLog | None = None
    timed: bool = True
    """False for a header with a date and no time of day: ``started`` is that day's 0:00."""
    label: str = ""
    """What the header says besides when: ``Session 14 — Ch.4 word2vec``, ``1회차``."""
    cancelled: Note | Item | None = None
    """The line that says the session did not take place (``No lesson, student ill.``, ``휴강``):
    then it counts no study time, whatever its header's range says."""

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Field))

    @property
    def sections(self) -> tuple[Section, ...]:
        """Its parts: sections, and tables that are parts."""
        return tuple(b if isinstance(b, Section) else b.part for b in self.blocks
                     if isinstance(b, Section) or isinstance(b, Table) and b.part is not None)

    def items_of(self, kind: SectionKind) -> tuple[Item, ...]:
        return tuple(i for s in self.sections if s.kind is kind for i in s.items)

    @property
    def minutes(self) -> int | None:
        return self.timelog.minutes if self.timelog and self.cancelled is None else None

    @property
    def title(self) -> str:
        if self.started is None:
            return f"Session at {self.source} — {self.label}" if self.label else f"Session at {self.source}"
        zone = f" {self.tz_name}" if self.tz_name else ""
        when = f"{self.started:%Y-%m-%d %H:%M}" if self.timed else f"{self.started:%Y-%m-%d}"
        return f"{when}{zone} — {self.label}" if self.label else f"{when}{zone}"


@dataclass(frozen=True, slots=True)
class LogFile:
    path: str
    title: str | None
    # The log's own lines, in file order: those before its first session, and those from a
    # heading above the session headings (``## Week 50``) to the next session: notes, and
    # fenced code as code blocks.
    preamble: tuple[Note | CodeBlock, ...]
    entries: tuple[SessionEntry, ...]  # in file order
    lines: tuple[str, ...] = ()  # every line as read (after redaction), for the source page


# --- the knowledge model ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Session(SessionEntry):
    """An entry with the id link gives it (the one place ids are given)."""

    id: SessionId = field(kw_only=True)

    @classmethod
    def of(cls, entry: SessionEntry, sid: SessionId) -> Session:
        return cls(**{f.name: getattr(entry, f.name) for f in dataclasses.fields(SessionEntry)}, id=sid)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text in a session, with what it belongs to: what link reads."""

    text: str
    source: Source
    session: SessionId
    kind: SectionKind | None  # the section it is an item of, if any
    role: str  # "item", "field", "qa", "note", "table"
    question: str = ""  # a Q/A line's, as parsed (QA)
    answer: str = ""
    resolves: tuple[int, int] | None = None  # a watchlist line's, as parsed (Item)
    term: str = ""  # the term a table's row defines, as parsed (Item); a field's name (Field)
    flags: tuple[int, int] | None = None  # a line of prose that flags a confusion, as parsed (Item, Note)


ConceptSlug = NewType("ConceptSlug", str)


@dataclass(frozen=True, slots=True)
class Span:
    """Where a line names a concept: ``text[start:end]`` of the line. A code span that
    names one as a whole (`` `batch size` ``) is one span, its backticks included."""

    start: int
    end: int
    concept: ConceptSlug


@dataclass(frozen=True, slots=True)
class Definition:
    text: str
    source: Source
    session: SessionId | None
    origin: str = "log"  # "log", "vocabulary" (user file) or "starter"


@dataclass(frozen=True, slots=True)
class Mention:
    """A line that names a concept. ``planned``: the line says what is still to do (the
    resume point, an open task ``[ ] read 8.4``): the concept is not studied there yet."""

    session: SessionId
    source: Source
    planned: bool = False


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
class Resolution:
    """The watchlist line that marks an item resolved (``~~PMI vs PPMI~~ got it now``)."""

    text: str
    source: Source
    session: SessionId
    said: int = 0  # where ``text`` says what changed, after the item's own wording if it repeats it


@dataclass(frozen=True, slots=True)
class WatchItem:
    """A confusion flagged on the watchlist: ``sources`` are the lines that flagged it
    (``text`` is the latest's), ``resolution`` the line after them that marks it resolved.
    It is open when flagged in the last N sessions and not resolved since."""

    key: str
    text: str
    concepts: tuple[ConceptSlug, ...]
    flagged_in: tuple[SessionId, ...]
    sources: tuple[Source, ...]
    open: bool
    resolution: Resolution | None = None
    part: tuple[int, int] | None = None  # where on its latest line ``text`` is, one of its several items

    def own_spans(self, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        """Where its latest line names concepts (``spans``), as places in ``text``."""
        if self.part is None:
            return spans
        start, end = self.part
        return tuple(Span(s.start - start, s.end - start, s.concept) for s in spans if start <= s.start and s.end <= end)

    @property
    def first(self) -> SessionId:
        return self.flagged_in[0]

    @property
    def last(self) -> SessionId:
        return self.flagged_in[-1]

    @property
    def status(self) -> str:
        """``open``, ``resolved``, or ``quiet`` (not flagged lately, never marked resolved)."""
        return "open" if self.open else "resolved" if self.resolution else "quiet"


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
    """The whole model, as link builds it and the renderers read it."""

    logs: tuple[LogFile, ...]  # as parsed
    log_slugs: dict[str, Slug]  # log path -> the name of its source page, unique among the logs
    sessions: tuple[Session, ...]  # chronological
    concepts: tuple[Concept, ...]  # sorted by name
    watchlist: tuple[WatchItem, ...]
    cards: tuple[Card, ...]
    experiment_refs: tuple[ExperimentRef, ...]
    experiment_notes: tuple[ExperimentNote, ...]
    """Lines that look like an experiment no experiment reproduces yet, in line order."""
    mentions: dict[Source, tuple[Span, ...]]
    """Each line that names concepts -> where, in line order. A line that defines a term
    without naming it again has none; its concept's ``mentions`` list the line all the same."""
    language: str = "en"
    """The language of the site's own words and of the questions cards make up (en, ko, ja, zh)."""
    shown_names: dict[ConceptSlug, str] = field(default_factory=dict)
    """Concept slug -> the name a Korean, Japanese or Chinese site shows it by, where that is
    not its own (aliases.site_names: 역전파 for backpropagation); empty on an English site."""
