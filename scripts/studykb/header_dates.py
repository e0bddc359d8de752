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
