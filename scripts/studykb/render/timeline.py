"""The timeline: every session, newest first, grouped by month, with the study-time chart."""
from __future__ import annotations

from itertools import groupby

from ..markup import HEADING_RE
from ..model import CodeBlock, SectionKind
from .common import concept_page, front_matter, page, source_page
from . import html
from .context import Context
from .urls import href

CHART = page("assets", "study-time.svg")


def render_timeline(ctx: Context) -> str:
    here = page("timeline.md")
    sessions = list(reversed(ctx.knowledge.sessions))
    total = sum(s.minutes or 0 for s in sessions)
    words = ctx.words
    title = words.plain("timeline_link")
    out = [front_matter(title=title), f"# {words('timeline_link')}", "",
           _summary(sessions, total, words), "",
           html.block(f'<p><img src="{href(here, CHART)}" alt="{html.attr(words.plain("chart_alt"))}"></p>'), ""]
    session_href = ctx.session_hrefs(here)
    for _, group in groupby(sessions, key=_month):
        group = list(group)
        # Kept out of the search index: each entry repeats its session page's topics.
        entries = "\n".join(_entry(session, ctx, here, session_href) for session in group)
        out += [f"## {html.text(words.month(group[0].started))}", "",
                html.block(f'<ul class="studykb-timeline" data-search-exclude>\n{entries}\n</ul>'), ""]
    out += _logs(ctx, here)
    return "\n".join(out).rstrip() + "\n"


def _summary(sessions, total: int, words) -> str:
    """How many sessions took place and their time; those that did not are counted apart."""
    held = sum(1 for s in sessions if s.cancelled is None)
    said = words("timeline_summary", n=held, time=html.text(words.minutes(total)))
    return said if held == len(sessions) else f"{said} {words('timeline_not_held', n=len(sessions) - held)}"


def _month(session) -> tuple[int, int] | None:
    """The month ``Words.month`` names, without formatting a date for each of a thousand sessions."""
    return (session.started.year, session.started.month) if session.started else None


def _entry(session, ctx: Context, here: str, session_href) -> str:
    facts = [ctx.words.minutes(session.minutes)]
    if session.timelog and session.timelog.start:
        facts.append(f"{session.timelog.start}–{session.timelog.end or '?'}")
    said = html.text(' · '.join(facts))
    if session.cancelled is not None:  # listed, with the line that says so, its time not counted
        said = ctx.words("cancelled_line", said=html.inline(session.cancelled.text))
    out = [f'<a href="{session_href(session)}"><strong>{html.link_label(ctx.titles[session.id])}</strong></a>'
           f" · {said}"]
    topics = session.items_of(SectionKind.TOPICS)
    if topics:
        out.append(ctx.words("topics_line", topics="; ".join(html.inline(t.text) for t in topics)))
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        out.append(ctx.words("new_concepts", links=", ".join(
            f'<a href="{href(here, concept_page(c.slug))}">{html.text(ctx.name_of(c))}</a>' for c in introduced)))
    return "<li>" + "<br>\n".join(out) + "</li>"


def _logs(ctx: Context, here: str) -> list[str]:
    out = [f"## {ctx.words('the_logs')}", ""]
    for log in ctx.knowledge.logs:
        source = href(here, source_page(ctx.knowledge.log_slugs[log.path]))
        parts = [f"<h3>{html.text(log.title or log.path)}</h3>",
                 f'<p><a href="{source}">{html.text(log.path)}</a> · {ctx.words("log_sessions", n=len(log.entries))}</p>']
        properties, text = _front_matter(_preamble_text(log), log.preamble)
        if properties:
            values = " · ".join(html.text(note.text) for note in properties)
            parts.append(f'<p class="studykb-properties">{ctx.words("properties", values=values)}</p>')
        parts += [_preamble_line(note) for note in text]
        out += [html.block("\n".join(parts)), ""]
    return out


def _preamble_line(block) -> str:
    """A line of the log outside its sessions: fenced code as code, a heading (``## 2026년
    12월`` over the sessions of that month) as a heading under the log's, any other line as
    a note."""
    if isinstance(block, CodeBlock):
        return html.code_block(block.info, block.lines)
    text = block.text
    heading = HEADING_RE.match(text)
    if heading is None:
        return html.note(text)
    return f'<h4 class="studykb-log-heading">{html.inline(heading["name"])}</h4>'


def _preamble_text(log) -> list:
    """The preamble's notes under the log's heading: less its title line, which is that
    heading, and its thematic breaks."""
    notes = [note for note in log.preamble if not isinstance(note, CodeBlock)]
    title = next((note for note in notes if _is_title(note.text, log.title)), None)
    return [note for note in log.preamble if note is not title and not getattr(note, "is_break", False)]


def _front_matter(notes: list, preamble: tuple) -> tuple[list, list]:
    """The properties of the log's front matter (``---``, ``tags: [dlfs2]``, ``---`` as its
    first lines), metadata rather than text about the log; and the other notes."""
    breaks = [n for n in preamble if not isinstance(n, CodeBlock) and n.is_break]
    if not breaks or breaks[0].source.line != 1 or preamble[0] is not breaks[0]:
        return [], notes
    closing = next(iter(breaks[1:]), None)
    if closing is None:
        return [], notes
    inside = [n for n in notes if n.source.line < closing.source.line]
    return inside, [n for n in notes if n.source.line > closing.source.line]


def _is_title(text: str, title: str | None) -> bool:
    """``# DLFS2 notes #`` for the title ``DLFS2 notes``."""
    return title is not None and text.startswith("# ") and text[2:].strip().rstrip("#").strip() == title
