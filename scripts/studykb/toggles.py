"""Toggles, as Notion exports them: ``<details>``, ``<summary>오늘 배운 것</summary>``, the
toggle's lines, ``</details>``.

A toggle is a part named by its summary (``오늘 배운 것`` what was learned, ``헷갈리는 것``
the watchlist, ``질문`` questions), its lines read as that part's lines, as under a
heading of that name. The tags are markup, not text of the log: the part's name is shown
as any part's is. Only the bare tags are read so: a ``<details>`` with attributes, or a
summary holding other markup, stays a line of text (shown escaped, never as HTML).
"""
from __future__ import annotations

import re

from .model import Source
from .session_state import SessionState

SUMMARY = r"<summary>\s*(?P<name>[^<>]*?\S)\s*</summary>"
OPEN_RE = re.compile(rf"^\s*<details>\s*(?:{SUMMARY}\s*)?$", re.IGNORECASE)
SUMMARY_RE = re.compile(rf"^\s*{SUMMARY}\s*$", re.IGNORECASE)
CLOSE_RE = re.compile(r"^\s*</details>\s*$", re.IGNORECASE)


def read_toggle_line(entry: SessionState, body: list[str], i: int, source: Source) -> int:
    """Read a toggle's tag line at ``body[i]``: ``<details>`` (its summary on that line or the
    next) opens the part its summary names, ``</details>`` ends it. Returns how many lines
    it used; 0 for a line that is no such tag, and for a ``</details>`` that closes no toggle."""
    if CLOSE_RE.match(body[i]):
        if not entry.in_toggle:
            return 0
        entry.end_part()
        entry.in_toggle = False
        return 1
    opened = OPEN_RE.match(body[i])
    if opened is None:
        return 0
    if opened["name"]:
        _open_part(entry, opened["name"], source)
        return 1
    summary = SUMMARY_RE.match(body[i + 1]) if i + 1 < len(body) else None
    if summary is None:
        return 0
    _open_part(entry, summary["name"], Source(source.path, source.line + 1))
    return 2


def _open_part(entry: SessionState, name: str, source: Source) -> None:
    entry.end_part()
    entry.open_section(name, entry.labels.part_kind(name), source, 0, by_heading=True)
    entry.in_toggle = True
