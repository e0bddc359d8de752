"""A session's time log, from what its fields say about its time -> TimeLog.

The shapes read: ``Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes``,
``09:00–10:10 (KST)``, ``1h 20m``, ``약 50분``, ``1시간 20분``, ``50分``, a start and
an end in fields of their own (``**Start:** 23:30``, ``**End:** 00:40``), across midnight.
Hours as Japanese, Chinese and Korean write them read as clocks (``19時〜20時半``,
``19点半到21点``, ``7시 반``), and a half hour after hours as 30 minutes (``1時間半``,
``一个半小时`` aside: the number is written in digits, ``1个半小时``, ``1시간 반``).

A clock range is the time log and its minutes come from the range. A duration beside it
is the session's total only when the line states it as one: named (``Duration``,
``Total``, ``총``, ``합계``) or alone in its clause (``19:40–21:05 (1h25m)``). A duration
in a note (``(about 5 min of that was setup)``) is not; one that is a break
(``(중간에 15분 쉼)``, ``took a 10 min break``) is taken off the range.

A line with several clock ranges counts each (``10:00〜11:40、夜 21:00〜21:30``,
``9시~10시, 밤 9시~9시 반``): the time between them is no study time, nor is a range
inside the one before it or in a clause about a break (``(break 20:00-20:10)``).
Durations joined by ``+`` are one total: ``⏱ 45m + 30m``, ``30분 + 40분``.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .diagnostics import Diagnostic, info, warning
from .labels import Labels
from .model import Source, TimeLog

# ``14:28``, ``14：28``, ``14h30`` (but not the ``1h20`` of ``1h20m``), ``7:15pm``, ``오후 7:15``, ``午後 7:15``.
# Words of the part of the day before an hour: 오전/새벽/아침, Japanese 午前 and Chinese 上午/早上
# before noon, 오후/낮/저녁, 午後 and 下午/晚上 after it, and 밤 (night) after it from 6 to 11 and
# before it at 12 and 1 to 5 (``밤 12시`` is midnight, ``밤 1시`` one in the morning).
DAY_PARTS = "오전|오후|새벽|아침|낮|저녁|밤|午前|午後|上午|下午|早上|晚上"
AFTER_NOON = ("오후", "낮", "저녁", "午後", "下午", "晚上")
CLOCK = r"(?:(?:" + DAY_PARTS + r")\s*)?(\d{1,2})(?:[:：]|h(?=\d{2}(?![\dm])))(\d{2})(?:\s*[ap]\.?m(?![a-z])\.?)?"
CLOCK_RE = re.compile(CLOCK, re.IGNORECASE)
HALF_RE = re.compile(rf"^(?:(?P<ko>{DAY_PARTS})\s*(?P<hour>\d+)|.*?(?P<en>[ap])\.?m\.?$)", re.IGNORECASE)
RANGE_RE = re.compile(rf"{CLOCK}\s*(?:[-–—~〜～]|to|until|till|→|->|부터|から|到|至)\s*~?\s*{CLOCK}", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"[|;,]")
# A line's clauses: its chunks between separators, and what its parentheses hold.
CLAUSE_RE = re.compile(r"[|;,()（）\[\]]")
# Where the clause of a second clock range ends: those separators and the CJK commas.
RANGE_CLAUSE_RE = re.compile(r"[|;,()（）\[\]、，]")
HOURS = r"hours|hour|hrs|hr|h|시간|時間|小时|小時|個小時|个小时"
MINUTES = r"minutes|minute|mins|min|m|분|分钟|分鐘|分"
# ``1h30`` and ``1시간30``: minutes right after the hours need no unit of their own.
DURATION_RE = re.compile(
    rf"(?:(?P<h>\d+(?:\.\d+)?)\s*(?:{HOURS})(?:(?P<bare_m>[0-5]?\d)(?![\d.:]|\s*(?:{MINUTES}|[a-z])))?(?![a-z]))?"
    rf"\s*(?:(?P<m>\d+(?:\.\d+)?)\s*(?:{MINUTES})(?![a-z]))?",
    re.IGNORECASE)
# ``45m + 30m``: the sign between two durations of one sum.
PLUS_RE = re.compile(r"\s*[+＋]\s*")
# What may come before a line's opening duration: ``~``, ``≈``, a clock or timer sign (``⏱ 1h45``).
OPENING_SIGNS_RE = re.compile(r"^[^\w(（]*")
# An hour written with its word: ``19時``, ``19時30分``, ``19時半``, ``19点半``, ``7시 반``; not
# the ``時`` of ``1時間`` nor the ``시`` of ``1시간``.
WORDED_CLOCK_RE = re.compile(r"(?<![\d.第])(\d{1,2})\s*(?:時(?!間)|点|點|시(?!간))"
                             r"\s*(?:(\d{1,2})\s*分(?!钟|鐘)|(\d{1,2})\s*분|(半|반))?")
# Half an hour after hours: ``1時間半``, ``1个半小时``, ``1시간 반``.
HALF_HOUR_RE = re.compile(r"(\d+)\s*(?:(時間|小时|小時|시간)\s*(?:半|반)|(个|個)半(小时|小時))")
# Words that leave a duration alone in its clause: ``약 50분``, ``about 85 min in total``.
APPROXIMATELY = frozenset(
    "about around approx approximately roughly ca circa almost nearly some in all 약 대략 정도 쯤 가량 "
    "約 约 大约 大概 左右 ほど 程度 くらい ぐらい".split())
BREAK_RE = re.compile(r"(?<![a-z])(?:breaks?|pause[sd]?|rested|interrupted|interruptions?)(?![a-z])"
                      r"|쉼|쉬었|쉬는|쉬고|휴식|休憩|休息|中断", re.IGNORECASE)
WORD_RE = re.compile(r"[^\W\d_]+")
# A sitting longer than a day is a slip of the keyboard; counted, it would swamp the study time.
MAX_MINUTES = 24 * 60
# A stated total this close to its clock range agrees with it (``~35 minutes`` for 35).
AGREES_WITHIN = 5


class Piece(NamedTuple):
    """One thing a session says about its time: a whole time log (``time``), or only its
    ``start``, ``end`` or ``duration``."""

    kind: str
    text: str
    source: Source


class Reading(NamedTuple):
    """What one piece says: a start, an end, the total it states, and the breaks it notes."""

    start: str | None = None
    end: str | None = None
    total: float | None = None
    breaks: float = 0.0

    @property
    def complete(self) -> bool:
        """Whether it is a time log by itself: a total, or a start and an end."""
        return self.total is not None or bool(self.start and self.end)


def read_timelog(pieces: list[Piece], diagnostics: list[Diagnostic], labels: Labels) -> TimeLog | None:
    """The pieces of one session, read together: a start, an end and a total said on
    different lines make one time log; a second whole time log is reported and not
    counted. None when nothing was said."""
    if not pieces:
        return None
    kept = _one_time_log(pieces, diagnostics, labels)
    start = next((r.start for _, r in kept if r.start), None)
    end = next((r.end for _, r in kept if r.end), None)
    stated = next(((p, r.total) for p, r in kept if r.total is not None), None)
    breaks = sum(r.breaks for _, r in kept)
    first = pieces[0].source
    sources = tuple(piece.source for piece, _ in kept)
    if stated and stated[1] > MAX_MINUTES:
        diagnostics.append(warning(stated[0].source.path, stated[0].source.line,
                                   f"time log duration of {stated[1]:.6g} minutes is more than a day; not counted"
                                   .replace("inf minutes", "over 1e308 minutes")))
        return TimeLog(start, end, None, first, sources)
    minutes = _minutes(start, end, stated, breaks, diagnostics)
    if minutes is None:
        written = " | ".join(piece.text for piece, _ in kept)
        diagnostics.append(warning(first.path, first.line,
                                   f"time log without a readable duration or start/end: {written!r}"))
    return TimeLog(start, end, None if minutes is None else round(minutes), first, sources)


def _one_time_log(pieces: list[Piece], diagnostics: list[Diagnostic], labels: Labels) -> list[tuple[Piece, Reading]]:
    """The pieces that make the session's first time log, each with what it says; a piece
    that says again what is already said, or is a second whole time log, is reported."""
    kept: list[tuple[Piece, Reading]] = []
    for piece in pieces:
        reading = _read_piece(piece, labels)
        if kept and _says_again(reading, [r for _, r in kept]):
            diagnostics.append(warning(
                piece.source.path, piece.source.line,
                f"a second time log for one session, not counted: {piece.text!r}; counted the one on "
                f"line {kept[0][0].source.line} (does a session header belong above this line?)"))
        else:
            kept.append((piece, reading))
    return kept


def _says_again(reading: Reading, said: list[Reading]) -> bool:
    return bool((reading.start and any(r.start for r in said))
                or (reading.end and any(r.end for r in said))
                or (reading.total is not None and any(r.total is not None for r in said))
                or (reading.complete and any(r.complete for r in said)))


def _minutes(start: str | None, end: str | None, stated: tuple[Piece, float] | None, breaks: float,
             diagnostics: list[Diagnostic]) -> float | None:
    """The stated total if there is one, else the clock range less its breaks."""
    if not (start and end):
        return stated[1] if stated else None
    whole = minutes_between(start, end)
    net = whole - breaks if 0 < breaks < whole else whole
    if stated is None:
        return net
    piece, total = stated
    if min(abs(total - whole), abs(total - net)) > AGREES_WITHIN:
        diagnostics.append(info(piece.source.path, piece.source.line,
                                f"time log says {round(total)} min but {start}–{end} is {whole} min; "
                                f"counted {round(total)}"))
    return total


def _read_piece(piece: Piece, labels: Labels) -> Reading:
    piece = piece._replace(text=added_up(in_digits(piece.text)))
    if piece.kind == "start":
        return Reading(start=_clock(piece.text))
    if piece.kind == "end":
        return Reading(end=_clock(piece.text))
    if piece.kind == "duration":
        return Reading(total=_duration(piece.text))
    return _read_time_log(piece.text, labels)


def _read_time_log(text: str, labels: Labels) -> Reading:
    """``Start 14:28 | End 15:03 | Duration 35 minutes``, ``09:00–10:10 (1h10m)``, ``약 50분``."""
    parts, rest = _named_parts(text, labels)
    start, end = _clock(parts.get("start", "")), _clock(parts.get("end", ""))
    between = 0.0
    if not (start or end):
        start, end, between, rest = _ranges(rest)
    total = _duration(parts["duration"]) if "duration" in parts else None
    stated, breaks, noted = _unnamed_durations(rest, labels)
    breaks += between
    if total is None:
        total = stated
    if total is None and not (start and end):
        total = noted  # no range to count: a duration in free text is all there is
    return Reading(start, end, total, breaks)


def _ranges(text: str) -> tuple[str | None, str | None, float, str]:
    """The first start and the last end of a line's clock ranges, the minutes between them
    that are no study time, and the line less its ranges."""
    spans = [(match, *_range(match.group(0))) for match in RANGE_RE.finditer(text)]
    spans = [(match, start, end) for match, start, end in spans if start and end]
    if not spans:
        return None, None, 0.0, text
    first, last = spans[0][1], spans[0][2]
    between = 0.0
    for match, start, end in spans[1:]:
        if _pause(text, match) or _inside(first, last, start, end):
            between += minutes_between(start, end)
        else:
            between += minutes_between(last, start)
            last = end
    for match, _, _ in reversed(spans):
        text = f"{text[:match.start()]}|{text[match.end():]}"
    return first, last, between, text


def _pause(text: str, match: re.Match) -> bool:
    """Whether a clock range sits in a clause about a break (``(break 20:00-20:10)``)."""
    before = RANGE_CLAUSE_RE.split(text[:match.start()])[-1]
    after = RANGE_CLAUSE_RE.split(text[match.end():])[0]
    return BREAK_RE.search(f"{before} {after}") is not None


def _inside(first: str, last: str, start: str, end: str) -> bool:
    """Whether ``start``-``end`` lies within ``first``-``last`` (a pause in that sitting)."""
    span = minutes_between(first, last)
    return minutes_between(first, start) <= span and minutes_between(first, end) <= span \
        and minutes_between(first, start) <= minutes_between(first, end)


def _named_parts(text: str, labels: Labels) -> tuple[dict[str, str], str]:
    """The chunks named by a time-log kind (``Start 14:28``, ``Total: 50 min``), and the rest."""
    parts: dict[str, str] = {}
    unnamed = []
    for chunk in SEPARATOR_RE.split(text):
        match = labels.time_part_re.match(chunk)
        if match:
            parts.setdefault(labels.field_kind(match["key"]), match["value"])
        else:
            unnamed.append(chunk)
    return parts, "|".join(unnamed)


def _unnamed_durations(text: str, labels: Labels) -> tuple[float | None, float, float | None]:
    """The durations of a line's unnamed clauses: the first stated as a total, the sum of
    its breaks, and the first said in a note."""
    stated = noted = None
    breaks = 0.0
    for clause in CLAUSE_RE.split(text.replace("~", " ")):
        kind, minutes = _clause_duration(clause, labels)
        if kind == "total" and stated is None:
            stated = minutes
        elif kind == "break":
            breaks += minutes
        elif kind == "note" and noted is None:
            noted = minutes
    return stated, breaks, noted


def _clause_duration(clause: str, labels: Labels) -> tuple[str | None, float]:
    """``total`` for a duration alone in its clause (``1h25m``, ``총 75분``), ``break`` for
    the one nearest a word for a break (``15분 쉼``), else ``note``; None without one."""
    found = [match for match in DURATION_RE.finditer(clause) if match["h"] or match["m"]]
    if not found:
        return None, 0.0
    if len(found) == 1 and _alone(clause, found[0], labels):
        return "total", _match_minutes(found[0])
    pause = BREAK_RE.search(clause)
    if pause:
        nearest = min(found, key=lambda match: abs(match.start() - pause.start()))
        return "break", _match_minutes(nearest)
    return "note", _match_minutes(found[0])


def _alone(clause: str, match: re.Match, labels: Labels) -> bool:
    """Whether the clause holds nothing but the duration, a word for about, or a name of a total."""
    rest = clause[:match.start()] + " " + clause[match.end():]
    if re.search(r"\d", rest):
        return False
    return all(word.lower() in APPROXIMATELY or labels.field_kind(word) == "duration"
               for word in WORD_RE.findall(rest))


def in_digits(text: str) -> str:
    """``text`` with hours written with their word as clocks (``19時半`` as ``19:30``) and a
    half hour after hours as a decimal (``1時間半`` as ``1.5時間``)."""
    if text.isascii():
        return text
    text = HALF_HOUR_RE.sub(lambda m: f"{m[1]}.5{m[2] or m[4]}", text)
    return WORDED_CLOCK_RE.sub(_worded_clock, text)


def added_up(text: str) -> str:
    """``text`` with durations joined by ``+`` as their sum: ``⏱ 45m + 30m`` as ``⏱ 75m``."""
    if "+" not in text and "＋" not in text:
        return text  # nothing joined: most time lines
    found = [match for match in DURATION_RE.finditer(text) if match["h"] or match["m"]]
    sums: list[list[re.Match]] = []
    for match in found:
        if sums and PLUS_RE.fullmatch(text[sums[-1][-1].end():match.start()]):
            sums[-1].append(match)
        else:
            sums.append([match])
    for terms in reversed([terms for terms in sums if len(terms) > 1]):
        total = sum(_match_minutes(term) for term in terms)
        if total < MAX_MINUTES:  # a sum past a day is left for the first term's warning
            text = f"{text[:terms[0].start()]}{total:f}m{text[terms[-1].end():]}"
    return text


def _worded_clock(match: re.Match) -> str:
    minutes = "30" if match[4] else (match[2] or match[3] or "0")
    return f"{int(match[1])}:{int(minutes):02d}"


def says_time(text: str) -> bool:
    """Whether a line of text is about a session's time: it holds a clock range, or starts
    with a duration (``20 minutes only.``; not ``Watched a 10 min video``)."""
    text = in_digits(text)
    opening = DURATION_RE.match(OPENING_SIGNS_RE.sub("", text))
    return bool(RANGE_RE.search(text) or (opening and (opening["h"] or opening["m"])))


def says_minutes(text: str) -> bool:
    """Whether ``text`` holds a duration (``20분``, ``1h25m``, ``10 min``)."""
    return any(match["h"] or match["m"] for match in DURATION_RE.finditer(text))


def _match_minutes(match: re.Match) -> float:
    return float(match["h"] or 0) * 60 + float(match["bare_m"] or 0) + float(match["m"] or 0)


def _clock(text: str) -> str | None:
    match = CLOCK_RE.search(text)
    return _hhmm(match, _half(match[0])) if match else None


def _range(text: str) -> tuple[str | None, str | None]:
    """The start and end of a clock range; a side without am/pm takes the other side's
    when the two stay in order (``7:15-8:40pm`` is 19:15-20:40, ``11:30-1:00pm`` 11:30-13:00)."""
    first = CLOCK_RE.match(text)
    second = CLOCK_RE.search(text, first.end())
    halves = [_half(first[0]), _half(second[0])]
    for side, other in ((0, 1), (1, 0)):
        if not halves[side] and halves[other]:
            start, end = _hhmm(first, halves[other]), _hhmm(second, halves[other])
            if start and end and start <= end:
                halves[side] = halves[other]
    return _hhmm(first, halves[0]), _hhmm(second, halves[1])


def _half(clock: str) -> str:
    """``a``, ``p`` or "": a clock's own am/pm (``7:15pm``, ``오후 7:15``, ``午後 7:15``)."""
    match = HALF_RE.match(clock)
    if not match:
        return ""
    if match["ko"]:
        return day_part_half(match["ko"], int(match["hour"]))
    return match["en"].lower()


def day_part_half(day_part: str, hour: int) -> str:
    """``a`` or ``p`` for an hour after a word of the part of the day (``DAY_PARTS``):
    ``저녁 7시`` is 19:00, ``밤 9시`` 21:00, ``밤 12시`` 0:00, ``새벽 2시`` 2:00, ``午後 7:30`` 19:30."""
    if day_part == "밤":
        return "a" if hour == 12 or hour < 6 else "p"
    return "p" if day_part in AFTER_NOON else "a"


def _hhmm(clock: re.Match, half: str) -> str | None:
    """``HH:MM`` of a clock read as 24-hour, or with ``half`` as 12-hour; None if no such time."""
    hours, minutes = int(clock[1]), int(clock[2])
    if half and not 1 <= hours <= 12:
        return None
    if half == "p" and hours < 12:
        hours += 12
    elif half == "a" and hours == 12:
        hours = 0
    if hours > 24 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


def _duration(text: str) -> float | None:
    """Minutes, as a float: a number of any length is read (a huge one as inf), never refused."""
    for match in DURATION_RE.finditer(text.replace("~", "")):
        if match["h"] or match["m"]:
            return _match_minutes(match)
    return None


def minutes_between(start: str, end: str) -> int:
    """Minutes from ``start`` to ``end`` (HH:MM), across midnight when end is earlier."""
    def to_minutes(clock: str) -> int:
        hours, minutes = clock.split(":")
        return int(hours) * 60 + int(minutes)
    return (to_minutes(end) - to_minutes(start)) % (24 * 60)
