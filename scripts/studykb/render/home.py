"""The variables the hand-written home page (docs/index.md) reads through mkdocs-macros.

Values that come from the log are given as ready, escaped Markdown (``kb.md.*``),
so the page's Jinja never sees log text as template source.
"""
from __future__ import annotations

from ..model import SectionKind
from .chart import minutes_per_week
from .common import concept_page, minutes, page, rel, session_page
from .context import Context
from . import html
from .runs import run_block
from .text import inline, page_linker, plain

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
        "md": {
            "chart": f"![Study minutes per week]({page('assets', 'study-time.svg')})",
            "watchlist": _watchlist(ctx, open_items),
            "resume": _resume(ctx),
            "last_session": _last_session(ctx),
        },
    }


def _watchlist(ctx: Context, items) -> str:
    if not items:
        return "Nothing on the watchlist is open."
    linker = page_linker(ctx.knowledge, HOME)
    return "\n".join(f"- {inline(w.text, linker)} (flagged {len(w.sources)}×)" for w in items[:10])


def _resume(ctx: Context) -> str:
    session = next((s for s in reversed(ctx.knowledge.sessions) if s.items_of(SectionKind.RESUME)), None)
    if session is None:
        return "No resume point logged yet."
    linker = page_linker(ctx.knowledge, HOME)
    out = [f"- {inline(item.text, linker)}" for item in session.items_of(SectionKind.RESUME)]
    out += ["", f"From [{plain(session.title)}]({rel(HOME, session_page(session))}).", ""]
    for ref in ctx.knowledge.experiment_refs:
        if ref.session == session.id and ref.planned:
            out += [html.block(run_block(HOME, ctx.results[(ref.experiment, ref.run_id)], "Planned experiment", opened=False)), ""]
    return "\n".join(out).rstrip()


def _last_session(ctx: Context) -> str:
    if not ctx.knowledge.sessions:
        return "No sessions yet: add a log under `sessions/`."
    session = ctx.knowledge.sessions[-1]
    out = [f"**[{plain(session.title)}]({rel(HOME, session_page(session))})** · {minutes(session.minutes)}", ""]
    topics = session.items_of(SectionKind.TOPICS)
    out += [f"- {inline(t.text)}" for t in topics[:8]]
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        out += ["", "New concepts: " + ", ".join(
            f"[{plain(c.name)}]({rel(HOME, concept_page(c.slug))})" for c in introduced)]
    return "\n".join(out)
