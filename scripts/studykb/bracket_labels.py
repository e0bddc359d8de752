"""A part's name in brackets: ``【理解了】``, ``〔まとめ〕``, ``［明天］``, ``[今日学习]``.

Learners writing Chinese, Japanese or Korean often mark a part with its name between
lenticular or corner brackets, on a line of its own (``【还没懂】`` then its lines) or at the
start of a paragraph (``【理解了】分布式假设：…``, ``【用时】1小时20分``). Such a name means what
``**Name:**`` means: a part opened (its first line after the brackets), or a field.

Full-width brackets are a label's whatever the name: alone on its line, an unknown name
opens a part of its own, as ``**Name**`` does. ASCII brackets also make task boxes
(``[x]``), citations (``[1]``) and links (``[text](url)``), so ``[Name]`` is a label only
when the labels know its name.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from . import session_time
from .labels import Labels
from .model import Field, Source
from .session_state import SessionState

# ``【name】rest``: a name of at most 30 characters, no bracket inside it; what follows the
# closing bracket is the part's first line (a colon after the bracket is the label's).
BRACKET_LABEL_RE = re.compile(r"^(?P<open>[【〔［\[])(?P<name>[^【】〔〕［］\[\]\n]{1,30})(?P<close>[】〕］\]])"
                              r"(?![(\[])\s*[:：]?\s*(?P<value>.*)$")
CLOSING = {"【": "】", "〔": "〕", "［": "］", "[": "]"}


def bracket_label(text: str, labels: Labels) -> tuple[str, str] | None:
    """``【理解了】分布式假设：…`` -> (``理解了``, ``分布式假设：…``); (name, "") for a name alone on
    its line; None for a line no bracketed name starts, or one the labels do not know that
    goes on (``【重要】…`` stays a line), or an ASCII one they do not know (``[x] done``)."""
    match = BRACKET_LABEL_RE.match(text.strip())
    if match is None or CLOSING[match["open"]] != match["close"]:
        return None
    name, value = match["name"].strip(), match["value"].strip()
    if not name or not any(c.isalnum() for c in name):
        return None
    if _known(name, labels):
        return name, value
    return (name, "") if not value and match["open"] != "[" else None


def _known(name: str, labels: Labels) -> bool:
    """Whether the labels read ``name`` as a part's, a field's or a Q/A part's name."""
    return labels.label_part_kind(name) is not None or labels.field_kind(name) is not None \
        or labels.is_question_part(name) or labels.is_plain_part(name)


def read_bracket_label(entry: SessionState, text: str, source: Source, indent: int,
                       read_line: Callable[[SessionState, str, Source, bool], None]) -> bool:
    """``【用时】1小时20分`` is a field, as ``用时: 1小时20分`` is; ``【还没懂】`` opens its part, as its
    heading would, and ``【理解了】分布式假设：…`` opens it with the rest of the line read as its first
    line (by ``read_line``, parse.py's reader of a line of text); False for a line no bracketed name starts."""
    bracket = bracket_label(text, entry.labels)
    if bracket is None:
        return False
    name, value = bracket
    labels = entry.labels
    if value and labels.field_kind(name) is not None and not session_time.times_a_run(name, value, labels):
        entry.end_part()
        entry.blocks.append(Field(name, value, source, indent))
        return True
    entry.open_section(name, labels.part_kind(name), source, 0, by_heading=True)
    if value:
        read_line(entry, value, source, False)
    return True
