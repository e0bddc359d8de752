"""Reading parameters out of one log line's raw Markdown.

A log line states parameters in code spans: a bare number list (`0.01, 0.1, 1.0`)
fills the experiment's list parameter, and `name=value` spans (`epochs=50`,
`lrs=0.1, 1`) set any declared parameter by name. Pure functions, no NumPy.
"""

from __future__ import annotations

import re

Number = int | float

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_LIST = re.compile(rf"\s*{_NUMBER}(?:\s*,\s*{_NUMBER})*\s*,?\s*")
_ASSIGNMENT = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*")


def code_spans(text: str) -> list[str]:
    """The contents of the inline code spans of `text`, in order."""
    return [match.group(2) for match in _CODE_SPAN.finditer(text)]


def parse_numbers(text: str) -> tuple[Number, ...] | None:
    """`"0.01, 0.1, 1"` -> (0.01, 0.1, 1); None if `text` is not a number list."""
    if not _NUMBER_LIST.fullmatch(text):
        return None
    return tuple(_to_number(part) for part in text.split(",") if part.strip())


def first_number_list(text: str) -> tuple[Number, ...] | None:
    """The first code span of `text` that holds only numbers."""
    for span in code_spans(text):
        numbers = parse_numbers(span)
        if numbers is not None:
            return numbers
    return None


def assignments(text: str) -> dict[str, str]:
    """`name=value` code spans of `text` (the last one wins when a name repeats)."""
    found = {}
    for span in code_spans(text):
        match = _ASSIGNMENT.fullmatch(span)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def _to_number(text: str) -> Number:
    text = text.strip()
    # "1.0" stays a float and "30" an int, so run ids and JSON keep what was written.
    # A longer integer is read as a float (1e+30, or inf): int() refuses more than
    # 4,300 digits, and no parameter comes near 18; the registry's bounds turn it away.
    return int(text) if re.fullmatch(r"[+-]?\d{1,18}", text) else float(text)
