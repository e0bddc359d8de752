"""Task lists: a part whose items carry task boxes (``- [x] Read 4.1``, ``- [ ] Run the toy
test``), as Obsidian and GitHub write a day's tasks, or task markers (``- DONE read 4.1``,
``- TODO run train.py``), as Logseq writes them. A ticked task is one the session did: a
topic of it; an open one is still to do: the plan for next time, its resume point. The box is
markup, not words of the task. A watchlist's boxes say whether its items are resolved
(resolution.py), and what was learned is learned whatever its boxes say: those keep theirs.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Item, Section, SectionKind
from .logseq import TASK_STATES
from .resolution import TASK_BOX_RE, is_ticked

# The parts whose tasks are read by their boxes: a part of another name (``## Tasks``), the
# topics, the resume point, and bullets under no part.
TASK_PARTS = (SectionKind.OTHER, SectionKind.TOPICS, SectionKind.RESUME)
# An outliner's keyword for a task not yet begun (Logseq's and Org mode's ``TODO``, ``LATER``,
# ``WAITING``), in capitals at the start of a line: ``- TODO start chapter 5 [[RNN]] next time``.
PLANNED_TASK_RE = re.compile(r"^(?:TODO|LATER|WAITING)(?=\s|$)")


def by_box(section: Section) -> tuple[Section, ...]:
    """``section`` as it is, or, when items of it are tasks, its ticked tasks as topics and
    its open ones as the resume point (an item nested under a task goes with it; an item
    without a box stays in the part as named), in the order each kind first comes."""
    if section.kind not in TASK_PARTS or not any(_is_task(item) for item in section.items if item.depth == 0):
        return (section,)
    groups: dict[SectionKind, list[Item]] = {}
    kind = section.kind
    for item in section.items:
        if item.depth == 0:
            kind = task_kind(item.text) or section.kind
        groups.setdefault(kind, []).append(_unboxed(item))
    return tuple(Section(section.name, kind, section.source, tuple(items)) for kind, items in groups.items())


def task_kind(text: str) -> SectionKind | None:
    """TOPICS for a ticked task (``[x] Read 4.1``) or one being done (``DOING 4.2``), RESUME
    for an open one (``[ ] Run it``, ``TODO run it``),
    None for a line without a box."""
    box = TASK_BOX_RE.match(text)
    if box is None:
        return None
    doing = box["marker"] is not None and TASK_STATES[box["marker"]] == "doing"  # ``DOING 4.2``: studied today
    return SectionKind.TOPICS if is_ticked(box) or doing else SectionKind.RESUME


def is_planned_task(text: str) -> bool:
    """Whether a line is a task still to do: an open box (``[ ] Run it``) or an outliner's
    keyword for one (``TODO read 4.3``); ``DONE`` and ``DOING`` are what the session did."""
    return task_kind(text) is SectionKind.RESUME or PLANNED_TASK_RE.match(text.lstrip()) is not None


def _is_task(item: Item) -> bool:
    return TASK_BOX_RE.match(item.text) is not None


def _unboxed(item: Item) -> Item:
    box = TASK_BOX_RE.match(item.text)
    return item if box is None or not item.text[box.end():].strip() else replace(item, text=item.text[box.end():])
