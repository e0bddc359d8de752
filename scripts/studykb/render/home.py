"""The variables the hand-written home page (docs/index.md) reads through mkdocs-macros.

Values that come from the log are given as ready HTML blocks (``kb.html.*``, made by
html.py like every other page), so neither the page's Jinja nor Markdown ever sees
log text as source.
"""
from __future__ import annotations

from ..model import SectionKind
from . import html
from .calendar import calendar_svg, minutes_per_day, streak
from .chart import minutes_per_week
from .common import concept_page, minutes, page, session_page
from .context import Context
from .urls import href
from .runs import run_block

HOME = "index.md"


def home_variables(ctx: Context) -> dict:
    sessions = ctx.knowledge.sessions
    weeks = minutes_per_week(sessions)
    total = sum(s.minutes or 0 for s in sessions)
    open_items = [w for w in ctx.knowledge.watchlist if w.open]
    return {
        "sessions": len(sessions),
        "logged_sessions": sum(1 for s in sessions if s.minutes is not None),
        "total_minutes": total,
        "total_time": minutes(total),
        "weeks": len(weeks),
        "per_week": minutes(round(total / len(weeks)) if weeks else 0),
        "concepts": len(ctx.knowledge.concepts),
        "defined_concepts": sum(1 for c in ctx.knowledge.concepts if c.definitions),
        "open_watchlist": len(open_items),
        "cards": len(ctx.knowledge.cards),
        "html": {
            "chart": html.block(f'<p><img src="{href(HOME, page("assets", "study-time.svg"))}" '
                                'alt="Study minutes per week"></p>'),
            "watchlist": html.block(_watchlist(ctx, open_items)),
            "resume": html.block(_resume(ctx)),
            "last_session": html.block(_last_session(ctx)),
            "rhythm": html.block(_rhythm(ctx)),
            "due": html.block(_due(ctx)),
        },
    }


def _watchlist(ctx: Context, items) -> str:
    if not items:
        return "<p>Nothing on the watchlist is open.</p>"
    linker = ctx.linker(HOME)  # an item's text is its latest line's
    return html.items([f"{html.inline(w.text, linker, w.own_spans(ctx.spans(w.sources[-1])))} (flagged {len(w.sources)}×)"
                       for w in items[:10]])


def _resume(ctx: Context) -> str:
    session = next((s for s in reversed(ctx.knowledge.sessions) if s.items_of(SectionKind.RESUME)), None)
    if session is None:
        return "<p>No resume point logged yet.</p>"
    linker = ctx.linker(HOME)
    out = [html.items([html.inline(item.text, linker, ctx.spans(item.source))
                       for item in session.items_of(SectionKind.RESUME)]),
           f'<p>From <a href="{href(HOME, session_page(session))}">{html.link_label(session.title)}</a>.</p>']
    for ref in ctx.refs_by_session.get(session.id, ()):
        if ref.planned:
            result = ctx.results[(ref.experiment, ref.run_id)]
            out.append(run_block(HOME, result, "Planned experiment" if result.metrics is None else "Experiment",
                                 opened=False))
    return "\n".join(out)


def _last_session(ctx: Context) -> str:
    if not ctx.knowledge.sessions:
        return "<p>No sessions yet: add a log under <code>sessions/</code>.</p>"
    session = ctx.knowledge.sessions[-1]
    link = f'<a href="{href(HOME, session_page(session))}">{html.link_label(session.title)}</a>'
    took = "did not take place" if session.cancelled is not None else minutes(session.minutes)
    out = [f"<p><strong>{link}</strong> · {took}</p>"]
    topics = session.items_of(SectionKind.TOPICS)
    if topics:
        out.append(html.items([html.inline(t.text) for t in topics[:8]]))
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        out.append("<p>New concepts: " + ", ".join(
            f'<a href="{href(HOME, concept_page(c.slug))}">{html.text(c.name)}</a>' for c in introduced) + "</p>")
    return "\n".join(out)


def _rhythm(ctx: Context) -> str:
    """The study calendar, the streak up to the last session, and how long ago that was."""
    days = minutes_per_day(ctx.knowledge.sessions)
    if not days:
        return "<p>No dated sessions yet.</p>"
    last = max(days)
    weeks = minutes_per_week(ctx.knowledge.sessions)
    latest, average = weeks[-1][1], round(sum(m for _, m in weeks) / len(weeks))
    run = streak(days)
    return "\n".join([
        f'<p>Last session <strong>{last.isoformat()}</strong>'
        f'<span data-studykb-since="{last.isoformat()}"></span> · '
        f'streak up to it: <strong>{run} day{"s" if run != 1 else ""}</strong> · '
        # Without script: the last session's week; the reader's browser counts the current one.
        f'<span data-studykb-week-label>its week</span>: <strong data-studykb-days="{_days(days)}">'
        f'{minutes(latest)}</strong> (weekly average {minutes(average)})</p>',
        f'<div class="studykb-calendar-wrap">{calendar_svg(days)}</div>'])


def _days(days) -> str:
    """Minutes per day of the last eight weeks, for the browser's count of the current week."""
    last = max(days)
    return " ".join(f"{day.isoformat()}={mins}" for day, mins in sorted(days.items()) if (last - day).days < 56)


def _due(ctx: Context) -> str:
    """The recall cards due today, counted by the reader's browser from its practice record
    (docs/javascripts/recall.js); without script, how many cards there are."""
    cards = ctx.knowledge.cards
    ids = " ".join(html.attr(card.id) for card in cards)
    practise = href(HOME, page("recall.md"))
    return (f'<div><strong data-studykb-due="{ids}">{len(cards)}</strong> '
            f'<a href="{practise}">recall cards</a> <span data-studykb-due-label>to practise</span></div>')
