"""What an outliner's journal writes besides text: Logseq's block properties, its task
markers and the planning lines under a task.

A block property is ``name:: value``, on a bullet of its own (``- time:: 19:10-20:40``) or on
the lines right under a bullet's first (``  chapter:: 4``). Each is one fact, never more
words of the bullet above it. ``collapsed::``, ``id::`` and the like are Logseq's own
bookkeeping (whether the block is folded, its id): they say nothing of the session, so no
page shows them but the log's source page.

A task marker starts a block: ``TODO``, ``LATER``, ``WAIT`` (a task still to do), ``DOING``,
``NOW`` (one being done: studied in the session, not yet finished), ``DONE`` (done),
``CANCELED`` (dropped); it is markup, not words of the task, read as
a task list's box is (task_lists.py). ``SCHEDULED: <2026-12-06 Sun>`` and ``DEADLINE: <…>``
on the line under a task say when it is planned; they belong to it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from .model import Field, Source

if TYPE_CHECKING:  # session_state reads task markers (task_lists.py) from here
    from .session_state import SessionState

# ``name:: value`` (the value may be empty): a name of letters, digits, ``-``, ``_`` or ``.``.
PROPERTY_RE = re.compile(r"^(?P<indent> *)(?P<bullet>[-*+] +)?(?P<name>\w[\w.-]{0,39})::(?:\s+(?P<value>.*)|$)")
BOOKKEEPING = frozenset({"collapsed", "id", "heading", "background-color", "logseq.order-list-type",
                         "card-last-interval", "card-repeats", "card-ease-factor", "card-next-schedule",
                         "card-last-reviewed", "card-last-score"})
# A task marker before a block's words, and the state it gives the task.
TASK_STATES = {"TODO": "open", "LATER": "open", "WAIT": "open", "WAITING": "open", "DOING": "doing",
               "NOW": "doing", "IN-PROGRESS": "doing", "DONE": "done", "CANCELED": "dropped",
               "CANCELLED": "dropped"}
TASK_RE = re.compile(r"^(?P<marker>" + "|".join(sorted(TASK_STATES, key=len, reverse=True)) + r")\s+(?=\S)")
PLANNING_RE = re.compile(r"^\s*(?P<word>SCHEDULED|DEADLINE):\s*<(?P<when>[^<>]{1,40})>\s*$")


class Property(NamedTuple):
    """A block property: its name, its value, and whether a bullet starts it."""

    name: str
    value: str
    bulleted: bool

    @property
    def bookkeeping(self) -> bool:
        """Logseq's own (``collapsed:: true``, ``id:: 6571…``), nothing the learner wrote."""
        return self.name.lower() in BOOKKEEPING


def block_property(line: str) -> Property | None:
    """The property ``line`` holds, if it is one (``- time:: 19:10``, ``  tags:: a, b``)."""
    found = PROPERTY_RE.match(line)
    if found is None:
        return None
    return Property(found["name"], (found["value"] or "").strip(), found["bullet"] is not None)


def task_state(text: str) -> tuple[str, str] | None:
    """(``open``, ``doing``, ``done`` or ``dropped``, the task's words) for a block a task marker starts
    (``TODO finish 4.2``), None for any other."""
    found = TASK_RE.match(text)
    return (TASK_STATES[found["marker"]], text[found.end():]) if found else None


def planning(line: str) -> str | None:
    """``scheduled 2026-12-06 Sun`` for ``SCHEDULED: <2026-12-06 Sun>`` (``deadline …`` for a
    deadline); None for any other line."""
    found = PLANNING_RE.match(line)
    return f"{found['word'].lower()} {found['when'].strip()}" if found else None


def read_outline_line(entry: SessionState, line: str, source: Source) -> bool:
    """Read a property or planning line into ``entry``; False for any other line. A property
    whose name names a part (``confused:: …``, ``todo:: …``) is that part, its value its one
    item; a time (``time:: 19:10-20:40``) or any other property is a fact of the session; a
    planning line goes with the task above it."""
    found = block_property(line)
    if found is not None:
        if not found.bookkeeping:
            _read_property(entry, found, source, len(line) - len(line.lstrip()))
        return True
    when = planning(line)
    if when is None or not entry.items:
        return False
    task = entry.items[-1]
    entry.items[-1] = replace(task, text=f"{task.text} ({when})")
    return True


def _read_property(entry: SessionState, found: Property, source: Source, indent: int) -> None:
    labels = entry.labels
    kind = None if labels.field_kind(found.name) else labels.label_part_kind(found.name)
    entry.end_part()
    if kind is None or not found.value:
        entry.blocks.append(Field(found.name, found.value, source, indent))
        return
    entry.open_section(found.name, kind, source, indent, by_heading=False)
    entry.add_item(found.value, source, indent)
    entry.end_part()
