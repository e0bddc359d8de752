"""The date a heading holds, however it is written: numbers, Korean/Japanese/Chinese
month and day signs, or an English month name.

With a year: ``2026-12-01``, ``2026.12.01``, ``2026/12/01``, ``2026. 12. 1.``,
``2026년 12월 1일``, ``2026年12月1日``, ``Nov 10, 2026``, ``Nov. 10 2026``,
``November 14th, 2026``, ``14 November 2026``. A year alone (``Study log 2026``) or a
year and a month (``2026-11``) is no date; in the log's title it is the year of the
sessions under it that give none (``find_year``).

Without a year (``Dec 6``, ``6th December``, ``12/06``, ``12月6日``, ``12월 6일``) a
heading holds a month and a day, which opens a session only beside a session word; its
year comes from the log's other sessions (parse).

A week's heading names its first day (``Week of Nov 30, 2026``, ``2026-W49``: ``week_start``);
a day heading under it names a weekday (``Mon``, ``Sat 12/5``, ``월요일``: ``weekday_heading``).
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

_NUMERIC = (r"(?<!\d)(?P<y>\d{4})(?:\s*(?P<sep>[-./])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?!\d)"
            r"|\s*[년年]\s*(?P<cm>\d{1,2})\s*[월月]\s*(?P<cd>\d{1,2})\s*[일日])")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(?<![^\W\d_])(?P<{p}mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
          r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|(?![^\W\d_]))")
_DAY = r"(?<!\d)(?P<{p}day>\d{{1,2}})(?:st|nd|rd|th)?(?![^\W_])"
# Month first (``Nov 10, 2026``) or day first (``14 November 2026``, ``14th of Nov``).
_NAMED = (rf"(?:{_MONTH.format(p='a')}\s*{_DAY.format(p='a')}|{_DAY.format(p='b')}\s*(?:of\s+)?{_MONTH.format(p='b')})")
_YEAR = r",?\s*(?P<ny>\d{4})(?!\d)"
DATE_RE = re.compile(rf"{_NUMERIC}|{_NAMED}{_YEAR}", re.IGNORECASE)
# ``12/06`` (a slash only: ``7.2`` is a section and ``12-16`` a page range), ``12月6日``, ``12월 6일``.
MONTH_DAY_RE = re.compile(
    rf"{_NAMED}(?!{_YEAR})|(?<![\d/])(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}})(?![\d/])"
    r"|(?<!\d)(?P<cm>\d{1,2})\s*[월月]\s*(?P<cd>\d{1,2})\s*[일日]", re.IGNORECASE)


# A year a title names on its own (``Study log 2026``, ``勉強ノート（2026年）``): four digits
# of a year studied in, not part of a longer number or a version (``v2026.1``).
YEAR_RE = re.compile(r"(?<![\d.])(?P<year>(?:19|20|21)\d{2})(?!\d)(?!\.\d)")


class FoundDate(NamedTuple):
    """A date in a heading: where it stands, its year (None when it has none), month and day;
    ``dotted`` for ``2026. 12. 1.``, whose last dot is the date's own."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    dotted: bool = False


def find_date(text: str) -> FoundDate | None:
    """The first date with a year in ``text``."""
    match = DATE_RE.search(text)
    if match is None:
        return None
    if match["y"]:
        month, day = (match["m"], match["d"]) if match["m"] else (match["cm"], match["cd"])
        return FoundDate(match.start(), match.end(), int(match["y"]), int(month), int(day), match["sep"] == ".")
    return _named(match, int(match["ny"]))


def find_month_day(text: str) -> FoundDate | None:
    """The first month and day without a year in ``text`` (``Dec 6``, ``12/06``, ``12月6日``)."""
    match = MONTH_DAY_RE.search(text)
    if match is None:
        return None
    if match["sm"] or match["cm"]:
        month, day = (match["sm"], match["sd"]) if match["sm"] else (match["cm"], match["cd"])
        return FoundDate(match.start(), match.end(), None, int(month), int(day))
    return _named(match, None)


# A month named alone, as a heading that groups sessions names it: ``12월``, ``12月``, ``December``.
MONTH_RE = re.compile(rf"(?<!\d)(?P<cm>\d{{1,2}})\s*[월月]|{_MONTH.format(p='a')}", re.IGNORECASE)


def find_month(text: str) -> FoundDate | None:
    """The first month ``text`` names without a day (``2026년 12월``, ``December 2026``), at its first day."""
    match = MONTH_RE.search(text)
    if match is None:
        return None
    month = int(match["cm"]) if match["cm"] else MONTHS.index(match["amon"][:3].lower()) + 1
    return FoundDate(match.start(), match.end(), None, month, 1) if 1 <= month <= 12 else None


# An ISO week: ``2026-W49``, ``2026W49``.
ISO_WEEK_RE = re.compile(r"(?<!\d)(?P<y>\d{4})-?W(?P<w>\d{1,2})(?!\d)")


def week_start(text: str) -> date | None:
    """The first day of the week a heading names: its date (``Week of Nov 30, 2026``,
    ``2026-11-30 ~ 12-06``), or the Monday of an ISO week (``2026-W49``). None for a heading
    with neither, or a day no calendar has."""
    week = ISO_WEEK_RE.search(text)
    found = find_date(text) if week is None else None
    try:
        if week is not None:
            return date.fromisocalendar(int(week["y"]), int(week["w"]), 1)
        return date(found.year, found.month, found.day) if found else None
    except ValueError:
        return None


def find_year(text: str) -> int | None:
    """The first year ``text`` names, with a date or alone (``Study log 2026``, ``（2026年）``)."""
    match = YEAR_RE.search(text)
    return int(match["year"]) if match else None


# A line that is a year alone, as a log gives the year of its sessions once above them:
# ``2026``, ``**2026**``, ``## 2026``, ``Year: 2026``, ``연도: 2026``, ``2026년``, ``2026年``.
YEAR_LINE_RE = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)?(?:(?:year|연도|년도|年份?)\s*(?:\*\*|__)?\s*[:：]\s*)?"
                          r"(?P<year>(?:19|20|21)\d{2})\s*[년年]?\s*(?:\*\*|__)?\s*$", re.IGNORECASE)


def year_alone(line: str) -> int | None:
    """The year of a line that is a year alone (``2026``, ``Year: 2026``, ``2026년``)."""
    match = YEAR_LINE_RE.match(line)
    return int(match["year"]) if match else None


# A line that says the year of every date below it in passing: ``(연도는 전부 2026년)``,
# ``(all 2026)``, ``All dates are 2026.``, ``年份都是2026年``.
YEAR_NOTE_RE = re.compile(r"(?:(?<![^\W\d_])(?:years?|all)(?![^\W\d_])|연도|년도|年份|年度|전부|모두|全部|すべて|都是)"
                          r"[^\d\n]{0,16}?(?P<year>(?:19|20|21)\d{2})(?!\d)", re.IGNORECASE)


def year_noted(line: str) -> int | None:
    """The year a line says every date has, in passing (``… (연도는 전부 2026년)``): a year
    word or "all" before the year, and no other year on the line."""
    match = YEAR_NOTE_RE.search(line)
    if match is None or len({m["year"] for m in YEAR_RE.finditer(line)}) != 1:
        return None
    return int(match["year"])


def _named(match: re.Match, year: int | None) -> FoundDate:
    month = match["amon"] or match["bmon"]
    day = match["aday"] or match["bday"]
    return FoundDate(match.start(), match.end(), year, MONTHS.index(month[:3].lower()) + 1, int(day))


def nearest_year_with_weekday(month: int, day: int, weekday: int, today: date) -> int | None:
    """The year nearest ``today`` in which ``month``/``day`` falls on ``weekday`` (Monday 0);
    a day has each weekday within any 28 years. None for a day no year has (2/30)."""
    fitting = []
    for year in range(today.year - 28, today.year + 29):
        try:
            when = date(year, month, day)
        except ValueError:  # 2/29 in a year without it
            continue
        if when.weekday() == weekday:
            fitting.append((abs((when - today).days), -year, year))
    return min(fitting)[2] if fitting else None


# A weekday in English, Korean, Japanese or Chinese, as a heading writes it.
WEEKDAY = (r"(?:mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
           r"|[월화수목금토일](?:요일)?|[月火水木金土日](?:曜日?)?|(?:星期|周)[一二三四五六日天]")
# Each weekday's English prefix, then its Korean and Japanese signs, then its Chinese one
# (星期一, 周日) last.
WEEKDAY_NAMES = (("mon", "월", "月", "一"), ("tue", "화", "火", "二"), ("wed", "수", "水", "三"),
                 ("thu", "목", "木", "四"), ("fri", "금", "金", "五"), ("sat", "토", "土", "六"),
                 ("sun", "일", "日", "天"))
# A heading that names a day of the week, a month and day after it or not, and maybe a
# label after a dash or colon: ``Mon``, ``Wednesday``, ``Sat 12/5``, ``월요일``, ``(火)``, ``月曜日 — ch5``.
DAY_HEADING_RE = re.compile(rf"^[(（]?\s*(?P<day>{WEEKDAY})\s*[)）]?(?![^\W\d_])\s*,?\s*(?P<rest>.*)$", re.IGNORECASE)
# What stands between a day heading's weekday or date and its label.
DAY_LABEL_EDGES = " \t-–—|:,·/~"


def weekday_heading(text: str) -> int | None:
    """The weekday (Monday 0) a heading names alone, or with a month and day after it, before
    any label after a dash or colon (``Mon``, ``Sat 12/5``, ``월요일``, ``Thu — 8.5``); None
    for any other heading (``Sunday reading``)."""
    match = DAY_HEADING_RE.match(text)
    if match is None:
        return None
    rest = match["rest"]
    found = find_month_day(rest)
    rest = rest[found.end:] if found is not None and found.start == 0 else rest
    return weekday_number(match["day"].strip(".")) if not rest or rest[0] in DAY_LABEL_EDGES else None


def weekday_number(written: str) -> int | None:
    """Monday 0 … Sunday 6, for a weekday in English, Korean, Japanese or Chinese."""
    lowered = written.lower()
    for number, names in enumerate(WEEKDAY_NAMES):
        if lowered[:3] == names[0] or (lowered and lowered[0] in names[1:]) or lowered[-1:] == names[-1]:
            return number
    return None
