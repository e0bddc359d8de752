"""The study calendar: a year of days at a glance, minutes per day as shades, drawn as SVG.

The SVG is inline in the home page, so its colours follow the theme's palette (CSS
variables) in light and dark mode. The streak is counted up to the last session, so
the page stays the same until the log changes; how long ago that was is filled in by
the reader's browser (docs/javascripts/studykb.js).
"""
from __future__ import annotations

from datetime import date, timedelta

from . import html
from .words import Words

CELL, GAP = 11, 2
SHADES = (0, 15, 30, 60)  # minutes from which a day takes the next shade


def minutes_per_day(sessions) -> dict[date, int]:
    """Minutes per day with a session; a session that did not take place makes no study day."""
    days: dict[date, int] = {}
    for s in sessions:
        if s.started is not None and s.cancelled is None:
            day = s.started.date()
            days[day] = days.get(day, 0) + (s.minutes or 0)
    return days


def streak(days: dict[date, int]) -> int:
    """Consecutive days with a session, ending at the last one."""
    if not days:
        return 0
    day, count = max(days), 0
    while day in days:
        count, day = count + 1, day - timedelta(days=1)
    return count


def calendar_svg(days: dict[date, int], words: Words) -> str:
    """The 53 weeks up to the last session's week, a column a week, Monday on top."""
    if not days:
        return ""
    last = max(days)
    first = last - timedelta(days=last.weekday() + 52 * 7)
    cells = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        week, weekday = divmod(offset, 7)
        mins = days.get(day)
        label = (words("calendar_day", date=day.isoformat(), time=words("count_minutes", n=mins)) if mins is not None
                 else words("calendar_no_session", date=day.isoformat()))
        cells.append(f'<rect x="{week * (CELL + GAP)}" y="{weekday * (CELL + GAP)}" width="{CELL}" height="{CELL}" '
                     f'rx="2" class="studykb-day studykb-day-{_shade(mins)}"><title>{label}</title></rect>')
    width, height = 53 * (CELL + GAP), 7 * (CELL + GAP)
    return (f'<svg class="studykb-calendar" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{html.attr(words.plain("calendar_label", date=last.isoformat()))}">'
            + "".join(cells) + "</svg>")


def _shade(minutes: int | None) -> int:
    if minutes is None:
        return 0
    return 1 + sum(1 for limit in SHADES[1:] if minutes >= limit)
