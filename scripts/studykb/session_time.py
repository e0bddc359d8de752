"""Where a session says what its time was (parse.py hands these to timelog.py): its time
fields and a part named like a time log, else its heading's time, else a line of text
before its first part."""
from __future__ import annotations

from . import timelog
from .labels import Labels
from .model import Block, Field, Note, Section

TIME_KINDS = ("time", "start", "end", "duration")


def time_pieces(blocks: tuple[Block, ...], labels: Labels, heading: timelog.Piece | None) -> list[timelog.Piece]:
    """What a session says about its time: its time fields, else the time its ``heading``
    gives (``## 2026-12-07 19:00–20:15``), else a line of text before its first part."""
    return _fields(blocks, labels) or ([heading] if heading else []) or _opening_time(blocks)


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

