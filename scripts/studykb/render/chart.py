"""The study-time chart: minutes per week as a self-contained SVG, drawn at build time."""
from __future__ import annotations

from datetime import date, timedelta
from html import escape

from .words import Words

WIDTH, HEIGHT, PAD = 720, 220, 40


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def minutes_per_week(sessions) -> list[tuple[date, int]]:
    """Every ISO week from the first session to the last, with logged minutes (0 if none)."""
    totals: dict[date, int] = {}
    for s in sessions:
        if s.started is not None:
            week = week_start(s.started.date())
            totals[week] = totals.get(week, 0) + (s.minutes or 0)
    if not totals:
        return []
    weeks, week, last = [], min(totals), max(totals)
    while week <= last:
        weeks.append((week, totals.get(week, 0)))
        week += timedelta(days=7)
    return weeks


def study_time_svg(weeks: list[tuple[date, int]], words: Words) -> str:
    top = max((m for _, m in weeks), default=0) or 60
    n = max(len(weeks), 1)
    slot = (WIDTH - 2 * PAD) / n
    bars = []
    for i, (week, mins) in enumerate(weeks):
        h = (HEIGHT - 2 * PAD) * mins / top
        x = PAD + i * slot + slot * 0.15
        y = HEIGHT - PAD - h
        label = words.plain("chart_week", date=week.isoformat(), time=words.plain("count_minutes", n=mins))
        bars.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" class="bar">'
                    f"<title>{escape(label)}</title></rect>")
        if n <= 26 or i % max(1, n // 12) == 0:
            bars.append(f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - PAD + 14}" text-anchor="middle">'
                        f"{week:%m-%d}</text>")
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(words.plain("chart_alt"))}">',
        "<style>text{font:11px sans-serif;fill:#777}.bar{fill:#3f51b5}.axis{stroke:#999}</style>",
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>',
        f'<text x="{PAD}" y="{PAD - 12}">{escape(words.plain("chart_axis", top=top))}</text>',
        *bars, "</svg>", ""])
