"""Chapter 8's date formats, generated: "September 27, 1994" -> "1994-09-27".

The book's date.txt holds 50,000 lines: a date written in one of several ways, padded
with spaces to 29 characters (the longest, e.g. "wednesday, september 24, 1997", fills
it), then '_' and the ISO date (10 characters); 45,000 train, 5,000 test. Its formats:
month name in full or abbreviated ("September 27, 1994", "Sep 30, 1981"), with a weekday
("Tuesday, September 27, 1994"), each in lower, title or upper case, and M/D/YY
("9/27/94"); its years run from 1970 to 2017. Here dates are drawn uniformly from
1970-01-01 to 2017-12-31 and written in those formats plus "27 SEP 1994", "27 September
1994" and "1994.09.27". Two-digit years are 19YY from 70, 20YY below.
"""

from __future__ import annotations

import datetime
from types import MappingProxyType
from typing import Callable, Mapping

import numpy

from experiments.datasets.chars import START, CharDataset, make_dataset

QUESTION_WIDTH = 29
FIRST_DAY, LAST_DAY = datetime.date(1970, 1, 1), datetime.date(2017, 12, 31)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BOOK_COUNT = 50_000
TEST_FRACTION = 0.1

Format = Callable[[datetime.date], str]


def month(d: datetime.date) -> str:
    return MONTHS[d.month - 1]


BOOK_FORMATS: Mapping[str, Format] = MappingProxyType({
    "month_day_year": lambda d: f"{month(d)} {d.day}, {d.year}",
    "mon_day_year": lambda d: f"{month(d)[:3]} {d.day}, {d.year}",
    "weekday_month_day_year": lambda d: f"{WEEKDAYS[d.weekday()]}, {month(d)} {d.day}, {d.year}",
    "m/d/yy": lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}",
})
EXTRA_FORMATS: Mapping[str, Format] = MappingProxyType({
    "day_mon_year": lambda d: f"{d.day} {month(d)[:3]} {d.year}",
    "day_month_year": lambda d: f"{d.day} {month(d)} {d.year}",
    "yyyy.mm.dd": lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
})
ALL_FORMATS = MappingProxyType({**BOOK_FORMATS, **EXTRA_FORMATS})
CASES: tuple[Callable[[str], str], ...] = (str.lower, lambda s: s, str.upper)


def alphabet() -> str:
    """Every character any format can write, plus ' ', '_' and '-' (sorted, so fixed)."""
    letters = {c for word in MONTHS + WEEKDAYS for case in CASES for c in case(word)}
    return "".join(sorted(letters | set("0123456789,./ -_")))


def date_pairs(count: int = BOOK_COUNT, seed: int = 0,
               formats: Mapping[str, Format] | None = None) -> list[tuple[str, str]]:
    """(question, answer): a date in a random format and case, padded; '_' + ISO date."""
    rng = numpy.random.default_rng(seed)
    chosen = list((formats or ALL_FORMATS).values())
    span = (LAST_DAY - FIRST_DAY).days + 1
    pairs = []
    for _ in range(count):
        day = FIRST_DAY + datetime.timedelta(days=int(rng.integers(span)))
        text = CASES[int(rng.integers(len(CASES)))](chosen[int(rng.integers(len(chosen)))](day))
        pairs.append((text.ljust(QUESTION_WIDTH), START + day.isoformat()))
    return pairs


def dates_dataset(count: int = BOOK_COUNT, seed: int = 0, formats: Mapping[str, Format] | None = None,
                  reverse_questions: bool = False, test_fraction: float = TEST_FRACTION) -> CharDataset:
    """The dates as id arrays: by default 45,000 train and 5,000 test, all formats."""
    names = ", ".join(formats or ALL_FORMATS)
    description = f"{count} generated dates from 1970 to 2017 (seed {seed}) written as: {names}"
    return make_dataset("dates", description, date_pairs(count, seed, formats), alphabet(),
                        test_fraction, reverse_questions)
