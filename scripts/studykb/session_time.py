"""Where a session says what its time was (parse.py hands these to timelog.py): its time
fields and a part named like a time log, else its heading's time, else a line of text
before its first part; and whether it says it did not take place at all."""
from __future__ import annotations

import re
from dataclasses import replace

from . import time_lines, timelog
from .diagnostics import Diagnostic, info
from .labels import Labels
from .model import QA, Block, Field, Item, Note, Section, SectionKind, Source, Table, TimeLog

TIME_KINDS = ("time", "start", "end", "duration")


def time_pieces(blocks: tuple[Block, ...], labels: Labels, heading: timelog.Piece | None) -> list[timelog.Piece]:
    """What a session says about its time: its time fields, else a line of text before its
    first part, else the time its ``heading`` gives (``## 2026-12-07 19:00–20:15``). The
    heading gives the time booked; a line under it says what happened (``※ 20분 늦게 도착해서
    실제 수업은 10:20-12:00``)."""
    return _fields(blocks, labels) or _opening_time(blocks) or ([heading] if heading else [])


def _fields(blocks: tuple[Block, ...], labels: Labels) -> list[timelog.Piece]:
    """What a session says about its time: fields of the time kinds (``Time log``,
    ``Start``, ``End``, ``Duration``), and the items of a part named like a time log."""
    pieces = []
    for block in blocks:
        if isinstance(block, Field):
            kind = labels.field_kind(block.name)
            if kind in TIME_KINDS and not times_a_run(block.name, block.value, labels):
                pieces.append(timelog.Piece(kind, block.value, block.source))
        elif isinstance(block, Section) and block.name and labels.field_kind(block.name) == "time":
            pieces += [timelog.Piece("time", item.text, item.source) for item in block.items]
    return pieces


def times_a_run(name: str, value: str, labels: Labels) -> bool:
    """Whether a field of a time kind says how long a program took, not the session
    (``학습 시간: epoch당 약 1분 40초 (CPU)``, ``Time: 3 min per epoch on GPU``)."""
    return labels.field_kind(name) in ("time", "duration") and labels.times_a_run(value)


def _opening_time(blocks: tuple[Block, ...]) -> list[timelog.Piece]:
    """A session that names no time log: a line of text before its first part that holds
    a clock range (``Coffee shop, 7:15pm-8:40pm.``) or starts with a duration (``1h 30m in
    the morning.``), if one does."""
    for block in blocks:
        if isinstance(block, Section):
            break
        if isinstance(block, Note) and timelog.says_time(block.text):
            return [timelog.Piece("time", block.text, block.source)]
    return []


# Where a line's first sentence ends: the one that says whether the session took place.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s|[。！？]")
# Parts that say what a session covered: an entry with any of them took place.
STUDIED_KINDS = (SectionKind.TOPICS, SectionKind.LEARNED, SectionKind.WATCHLIST)


def cancelled_line(blocks: tuple[Block, ...], label: str, header: Source, labels: Labels) -> Note | Item | None:
    """The line that says a session did not take place: its header's label (``Lesson 10 —
    cancelled``) or its first line of text (``No lesson, student ill.``, ``- 휴강 (감기)``), when
    it says so and the entry holds nothing studied (no topics, learned or watchlist items, no
    Q/A); or its only line, when that says it was skipped (``- (skipped: travel)``, ``쉼``: a
    word that, with more written, tells what was skipped, ``Skipped the exercises``). None for
    a session that took place."""
    if any(isinstance(b, (QA, Table)) or isinstance(b, Section) and b.kind in STUDIED_KINDS and b.items for b in blocks):
        return None
    if label and labels.says_cancelled(label):
        return Note(label, header)
    written = [b for b in blocks if not (isinstance(b, Note) and b.is_break)]
    first = _first_line(written[0]) if written else None
    if first is None:
        return None
    if labels.says_cancelled(SENTENCE_END_RE.split(first.text, 1)[0]):
        return first
    only = len(written) == 1 and not (isinstance(written[0], Section) and len(written[0].items) > 1)
    return first if only and labels.says_skipped(first.text) else None


def _first_line(block: Block) -> Note | Item | None:
    """A block's first line of text: a note, a part's first item, a field; None for anything else."""
    if isinstance(block, Note):
        return block
    if isinstance(block, Section):
        return block.items[0] if block.items else None
    return Note(f"{block.name}: {block.value}", block.source) if isinstance(block, Field) else None


def not_counted(cancelled: Note | Item | None, times: TimeLog | None) -> list[Diagnostic]:
    """An info that a session's time is not counted, for one whose entry says it did not take place."""
    if cancelled is None or times is None:
        return []
    return [info(cancelled.source.path, cancelled.source.line,
                 f"session did not take place ({cancelled.text!r}); its time is not counted as study time")]


def study_time_lines(blocks: tuple[Block, ...], labels: Labels) -> list[timelog.Piece]:
    """A session that names no time log otherwise: its lines that say nothing but its study
    time (``studied 1h40``, ``~90 min``; time_lines.py), wherever they stand, else the
    sentences of its prose that do (``About 45 minutes tonight.``)."""
    notes = [block for block in blocks if isinstance(block, Note)]
    return [timelog.Piece("time", note.text, note.source) for note in notes
            if time_lines.is_study_time(note.text, labels)] \
        or [_sentence_piece(note, said) for note in notes for said in time_lines.study_time_sentences(note.text, labels)]


def _sentence_piece(note: Note, said: str) -> timelog.Piece:
    """The time a sentence of a paragraph says, at its column (1-based): the rest of the
    paragraph still says what was done and run (experiment_lines.py passes over the lines of
    a time log)."""
    return timelog.Piece("time", said, replace(note.source, column=note.text.find(said) + 1))
