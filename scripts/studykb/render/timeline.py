"""The timeline: every session, newest first, grouped by month, with the study-time chart."""
from __future__ import annotations

from itertools import groupby

from ..model import SectionKind
from .common import concept_page, front_matter, minutes, month_heading, page, rel, session_page, source_page
from .context import Context
from .text import inline, plain

CHART = page("assets", "study-time.svg")


def render_timeline(ctx: Context) -> str:
    here = page("timeline.md")
    sessions = list(reversed(ctx.knowledge.sessions))
    total = sum(s.minutes or 0 for s in sessions)
    out = [front_matter(title="Timeline"), "# Timeline", "",
           f"{len(sessions)} sessions, {minutes(total)} of logged study time.", "",
           f"![Study minutes per week]({rel(here, CHART)})", ""]
    for month, group in groupby(sessions, key=month_heading):
        out += [f"## {month}", ""]
        for session in group:
            out += _entry(session, ctx, here)
    out += _logs(ctx, here)
    return "\n".join(out).rstrip() + "\n"


def _entry(session, ctx: Context, here: str) -> list[str]:
    out = [f"### [{plain(session.title)}]({rel(here, session_page(session))})", ""]
    facts = [f"{minutes(session.minutes)}"]
    if session.timelog and session.timelog.start:
        facts.append(f"{session.timelog.start}–{session.timelog.end or '?'}")
    out += [" · ".join(facts), ""]
    topics = session.items_of(SectionKind.TOPICS)
    if topics:
        out += ["Topics: " + "; ".join(inline(t.text, at_block_start=False) for t in topics), ""]
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        out += ["New concepts: " + ", ".join(f"[{plain(c.name)}]({rel(here, concept_page(c.slug))})"
                                             for c in introduced), ""]
    return out


def _logs(ctx: Context, here: str) -> list[str]:
    out = ["## The logs", ""]
    for log in ctx.knowledge.logs:
        title = log.title or log.path
        out += [f"### {plain(title)}", "", f"[{log.path}]({rel(here, source_page(log.path))}) · "
                f"{len(log.sessions)} sessions", ""]
        for note in log.preamble:
            out += [inline(note.text), ""]
    return out
