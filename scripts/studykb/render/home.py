"""The variables the hand-written home page (docs/index.md) reads through mkdocs-macros.

Values that come from the log are given as ready HTML blocks (``kb.html.*``, made by
html.py like every other page), so neither the page's Jinja nor Markdown ever sees
log text as source. ``kb.ui`` holds the site's words (data/ui.yml) in the site's language,
as plain text, for the page's headings: ``## {{ kb.ui.next_up }}``.
"""
from __future__ import annotations

from ..model import SectionKind
from . import html
from .calendar import calendar_svg, minutes_per_day, streak
from .chart import minutes_per_week
from .common import concept_page, page, session_page
from .context import Context
from .urls import href
from .runs import run_block

HOME = "index.md"


def home_variables(ctx: Context) -> dict:
    sessions = ctx.knowledge.sessions
    weeks = minutes_per_week(sessions)
    total = sum(s.minutes or 0 for s in sessions)
    open_items = [w for w in ctx.knowledge.watchlist if w.open]
    minutes = ctx.words.minutes
    held = sum(1 for s in sessions if s.cancelled is None)
    defined = sum(1 for c in ctx.knowledge.concepts if c.definitions)
    per_week = minutes(round(total / len(weeks)) if weeks else 0)
    return {
        "sessions": held,
        "logged_sessions": sum(1 for s in sessions if s.minutes is not None),
        "total_minutes": total,
        "total_time": minutes(total),
        "weeks": len(weeks),
        "per_week": per_week,
        "concepts": len(ctx.knowledge.concepts),
        "defined_concepts": defined,
        "open_watchlist": len(open_items),
        "cards": len(ctx.knowledge.cards),
        "ui": {key: text for key, text in ctx.words.table.items() if isinstance(text, str) and "{" not in text},
        "html": {
            "stats": html.block(_stats(ctx, held, minutes(total), defined, len(open_items))),
            "watchlist_links": html.block(_watchlist_links(ctx)),
            "summary": html.block(_summary(ctx, per_week, len(weeks))),
            "chart": html.block(f'<p><img src="{href(HOME, page("assets", "study-time.svg"))}" '
                                f'alt="{html.attr(ctx.words.plain("chart_alt"))}"></p>'),
            "watchlist": html.block(_watchlist(ctx, open_items)),
            "resume": html.block(_resume(ctx)),
            "last_session": html.block(_last_session(ctx)),
            "rhythm": html.block(_rhythm(ctx)),
            "due": html.block(_due(ctx)),
        },
    }


def _stats(ctx: Context, held: int, total: str, defined: int, open_items: int) -> str:
    """The counts under "Next up": sessions and time, concepts, open watchlist items, cards due."""
    words, concepts = ctx.words, len(ctx.knowledge.concepts)
    lines = [words("stats_sessions", n=held, count=f"<strong>{held}</strong>", time=html.text(total)),
             words("stats_concepts", n=concepts, count=f"<strong>{concepts}</strong>", defined=str(defined)),
             words("stats_open", n=open_items, count=f"<strong>{open_items}</strong>")]
    return ('<div class="studykb-stats">\n' + "".join(f"<div>{line}</div>\n" for line in lines)
            + _due(ctx) + "\n</div>")


def _watchlist_links(ctx: Context) -> str:
    return (f'<p><a href="{href(HOME, page("watchlist.md"))}">{ctx.words("whole_watchlist")}</a> · '
            f'<a href="{href(HOME, page("recall.md"))}">{ctx.words("practise_with_cards")}</a></p>')


def _summary(ctx: Context, per_week: str, weeks: int) -> str:
    timeline = f'<a href="{href(HOME, page("timeline.md"))}">{ctx.words("timeline_word")}</a>'
    glossary = f'<a href="{href(HOME, page("glossary.md"))}">{ctx.words("glossary_word")}</a>'
    return f'<p>{ctx.words("weekly_summary", n=weeks, time=html.text(per_week), timeline=timeline, glossary=glossary)}</p>'


def _watchlist(ctx: Context, items) -> str:
    if not items:
        return f"<p>{ctx.words('watchlist_none_open')}</p>"
    linker = ctx.linker(HOME)  # an item's text is its latest line's
    return html.items([f"{html.inline(w.text, linker, w.own_spans(ctx.spans(w.sources[-1])))} "
                       f"({ctx.words('flagged_count', n=len(w.sources))})" for w in items[:10]])


def _resume(ctx: Context) -> str:
    session = next((s for s in reversed(ctx.knowledge.sessions) if s.items_of(SectionKind.RESUME)), None)
    if session is None:
        return f"<p>{ctx.words('no_resume')}</p>"
    linker = ctx.linker(HOME)
    out = [html.items([html.inline(item.text, linker, ctx.spans(item.source))
                       for item in session.items_of(SectionKind.RESUME)]),
           f'<p>{ctx.words("resume_from", link=_session_link(session))}</p>']
    for ref in ctx.refs_by_session.get(session.id, ()):
        if ref.planned:
            result = ctx.results[(ref.experiment, ref.run_id)]
            heading = ctx.words.plain("planned_experiment" if result.metrics is None else "experiment")
            out.append(run_block(HOME, result, heading, opened=False, words=ctx.words))
    return "\n".join(out)


def _last_session(ctx: Context) -> str:
    if not ctx.knowledge.sessions:
        logs = ctx.knowledge.logs
        if not logs:
            return f"<p>{ctx.words('no_sessions', folder='<code>sessions/</code>')}</p>"
        files = ", ".join(f"<code>{html.text(log.path)}</code>" for log in logs)
        return f"<p>{ctx.words('no_sessions_read', n=len(logs), files=files, command='<code>make check</code>')}</p>"
    session = ctx.knowledge.sessions[-1]
    took = ctx.words.plain("did_not_take_place") if session.cancelled is not None else ctx.words.minutes(session.minutes)
    out = [f"<p><strong>{_session_link(session)}</strong> · {html.text(took)}</p>"]
    topics = session.items_of(SectionKind.TOPICS)
    if topics:
        out.append(html.items([html.inline(t.text) for t in topics[:8]]))
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        links = ", ".join(f'<a href="{href(HOME, concept_page(c.slug))}">{html.text(ctx.name_of(c))}</a>' for c in introduced)
        out.append(f"<p>{ctx.words('new_concepts', links=links)}</p>")
    return "\n".join(out)


def _session_link(session) -> str:
    return f'<a href="{href(HOME, session_page(session))}">{html.link_label(session.title)}</a>'


def _rhythm(ctx: Context) -> str:
    """The study calendar, the streak up to the last session, and how long ago that was."""
    days = minutes_per_day(ctx.knowledge.sessions)
    if not days:
        return f"<p>{ctx.words('no_dated_sessions')}</p>"
    last = max(days)
    weeks = minutes_per_week(ctx.knowledge.sessions)
    latest, average = weeks[-1][1], round(sum(m for _, m in weeks) / len(weeks))
    words = ctx.words
    run = words("streak", days=f"<strong>{words('days_count', n=streak(days))}</strong>")
    return "\n".join([
        f'<p{words.script_words()}>{words("last_session")} <strong>{last.isoformat()}</strong>'
        f'<span data-studykb-since="{last.isoformat()}"></span> · '
        f'{run} · '
        # Without script: the last session's week; the reader's browser counts the current one.
        f'<span data-studykb-week-label>{words("its_week")}</span>: <strong data-studykb-days="{_days(days)}">'
        f'{html.text(words.minutes(latest))}</strong> {words("weekly_average", time=html.text(words.minutes(average)))}</p>',
        f'<div class="studykb-calendar-wrap">{calendar_svg(days, words)}</div>'])


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
    return (f'<div{ctx.words.script_words()}><strong data-studykb-due="{ids}">{len(cards)}</strong> '
            f'<a href="{practise}">{ctx.words("recall_cards_link")}</a> '
            f'<span data-studykb-due-label>{ctx.words("to_practise")}</span></div>')
