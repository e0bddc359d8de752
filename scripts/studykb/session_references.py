"""Which earlier session a line names by when it was: by its weekday (``Tuesday's
confusion``), as the day or the session before (``yesterday's question``, ``前回``), or by
the number its header gives it (``Session 6's``, ``6회차``, ``第6回からの件``)."""
from __future__ import annotations

import re
from datetime import timedelta

from .model import Session, SessionId

# A line that names an earlier session by when it was: by its weekday (``Tuesday's
# confusion``, ``화요일에 헷갈렸던``, ``火曜の疑問``, ``周二的问题``), as the day before
# (``yesterday's question``, ``어제``, ``昨日``), as the session before (``last session's``) or by
# its number.
WEEKDAYS = (("monday", "월요일|月曜", "一"), ("tuesday", "화요일|火曜", "二"), ("wednesday", "수요일|水曜", "三"),
            ("thursday", "목요일|木曜", "四"), ("friday", "금요일|金曜", "五"), ("saturday", "토요일|土曜", "六"),
            ("sunday", "일요일|日曜", "[日天]"))
WEEKDAY_RES = tuple(re.compile(rf"(?<![^\W\d_]){en}(?![a-z])|{ko_ja}|(?:周|週|星期|礼拜){zh}", re.IGNORECASE)
                    for en, ko_ja, zh in WEEKDAYS)
YESTERDAY_RE = re.compile(r"(?<![^\W\d_])yesterday(?![a-z])|어제|昨日|昨天", re.IGNORECASE)
LAST_SESSION_RE = re.compile(r"(?<![^\W\d_])(?:last|previous)\s+(?:session|time|class|lesson)(?![a-z])"
                             r"|지난\s*(?:번|시간|수업)|저번|前回|上次|上节课", re.IGNORECASE)
# A session by its number, as headers number them (``Session 6's question``, ``6회차``,
# ``第6回からの件``, ``第6次课``); not when it was (``fixed in session 3``: resolved then), nor a
# number before an English session word (``6 sessions ago``).
SESSION_NUMBER_RE = re.compile(r"(?<![^\W\d_])(?<!in )(?<!on )(?<!by )(?<!since )(?<!during )(?:session|lesson|class|day)\s*#?(?P<en>\d+)(?!\d)"
                               r"|(?P<ko>\d+)\s*(?:회차|일차)|第\s*(?P<cjk>\d+)\s*(?:回|次课|课|节课)", re.IGNORECASE)
# The most days back a session said to be "yesterday" may be, where none was the day before
# (``昨天那个问题解决了`` on a Saturday, after Thursday's session and a Friday without one).
YESTERDAY_AT_MOST = 3


def session_referred_to(text: str) -> tuple[str, int] | None:
    """Which earlier session ``text`` names: ("weekday", 0-6, Monday 0), ("days", 1) for the
    day before, ("sessions", 1) for the session before, ("number", 6) for the one its header
    numbers 6; None if it names none, or two."""
    found = [("weekday", day) for day, pattern in enumerate(WEEKDAY_RES) if pattern.search(text)]
    found += [("days", 1)] if YESTERDAY_RE.search(text) else []
    found += [("sessions", 1)] if LAST_SESSION_RE.search(text) else []
    found += [("number", session_number(text))] if SESSION_NUMBER_RE.search(text) else []
    return found[0] if len(found) == 1 else None


def session_number(text: str) -> int:
    """The number the first session word of ``text`` gives (``Session 14 — 3 Dec``: 14), 0 if none."""
    found = SESSION_NUMBER_RE.search(text)
    return int(found["en"] or found["ko"] or found["cjk"]) if found else 0


def earlier_session(sessions: tuple[Session, ...], current: SessionId, kind: str, n: int) -> SessionId | None:
    """The session before ``current`` that is ``n`` sessions back, ``n`` days back, the last
    on weekday ``n`` within the week before, or the last numbered ``n`` (session_referred_to
    says which). A day the log says was no study (``今天太累，没学。``) is no session to refer to."""
    at = next(i for i, s in enumerate(sessions) if s.id == current)
    earlier, now = [s for s in sessions[:at] if s.cancelled is None], sessions[at].started  # not a day off
    if kind == "number":  # the last before it its header numbers so
        numbered = [s for s in earlier if session_number(s.label or s.header) == n]
        return numbered[-1].id if numbered else None
    if kind == "sessions":
        return earlier[-n].id if len(earlier) >= n else None
    if now is None:
        return None
    week = [s for s in earlier if s.started and timedelta(0) < now.date() - s.started.date() <= timedelta(7)]
    on_day = [s for s in week if (now.date() - s.started.date()).days == n] if kind == "days" \
        else [s for s in week if s.started.weekday() == n]
    if not on_day and kind == "days" and n == 1:  # no session yesterday: the learner's "yesterday" is the last one
        on_day = [s for s in week if (now.date() - s.started.date()).days <= YESTERDAY_AT_MOST]
    return on_day[-1].id if on_day else None
