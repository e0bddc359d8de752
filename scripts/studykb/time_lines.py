"""A line of a session that is nothing but its study time (``studied 1h40``, ``~90 min``,
``공부 1시간 40분``): a bullet journal's way of writing its time log. Parse keeps such a line
out of the part above it; session_time.py reads it as the time log when nothing else is one."""
from __future__ import annotations

import re

from .labels import Labels
from .timelog import DURATION_RE, in_digits

# What may stand before the duration: ``~``, ``≈``, ``about``, ``약``, ``約``, ``大约``.
ABOUT_RE = re.compile(r"^(?:[~≈～]|about|around|approx\.?|약|約|大约|大概)?\s*", re.IGNORECASE)
# What may come after it: nothing, or a remark after ``+``, a comma, a dash or in parentheses
# (``+ training in background``, ``(with breaks)``), which adds no time of its own.
REMARK_RE = re.compile(r"^\s*(?:$|[+＋,，;(（—–]|-\s)")


def is_study_time(text: str, labels: Labels) -> bool:
    """Whether ``text`` is a line that only says how long the session was: a study word or
    none, a duration, and nothing after it but a remark (``studied ~50 min + training in
    background``); not a line about something else that took a while (``epoch took 1m40s``,
    ``10 min video on attention``)."""
    text = in_digits(text.strip())
    word = labels.studying_re.match(text) if labels.studying_re is not None else None
    rest = ABOUT_RE.sub("", text[word.end():] if word else text, count=1)
    duration = DURATION_RE.match(rest)
    if duration is None or not (duration["h"] or duration["m"]):
        return False
    return REMARK_RE.match(rest[duration.end():]) is not None
