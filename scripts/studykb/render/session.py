"""The page of one session: every line of the entry, its structure made visible.

The whole page is HTML (see html.py) in one block, which the engine passes through as
it is; a code block from the log is shown as escaped text in ``<pre><code>``.
"""
from __future__ import annotations


from ..model import QA, CodeBlock, Field, Note, Section, Session, Table
from ..slugs import make_slug, unique
from . import html
from .common import (clock, concept_page, front_matter, minutes, page, session_anchor, session_page, source_page,
                     utc_offset)
from .context import Context, neighbours
from .html import href
from .html import Linker


def render_session(session: Session, ctx: Context) -> str:
    here = session_page(session)
    linker = ctx.linker(here)
    parts = [html.title("Session " + html.text(session.title)), _facts(session, ctx, here)]
    flow: list[str] = []  # fields and Q/A lines before, between or after sections: one list
    headings: set[str] = set()
    for block in session.blocks:
        if isinstance(block, (Field, QA)):
            flow.append(_line_item(block, linker, here, ctx))
            continue
        if flow:
            parts.append(html.items(flow))
            flow = []
        parts += _block(block, linker, here, ctx, headings)
    if flow:
        parts.append(html.items(flow))
    front = front_matter(title=f"Session {session.title}", description=_description(session))
    return f"{front}{html.block(chr(10).join(parts))}\n"


def _description(session: Session) -> str:
    return f"Study session of {session.title}: {minutes(session.minutes)}."


def _facts(session: Session, ctx: Context, here: str) -> str:
    before, after = neighbours(ctx, session)
    nav = []
    if before:
        nav.append(f'<a href="{href(here, session_page(before))}">← {html.text(before.title)}</a>')
    nav.append(f'<a href="{href(here, page("timeline.md"))}">Timeline</a>')
    if after:
        nav.append(f'<a href="{href(here, session_page(after))}">{html.text(after.title)} →</a>')
    source = href(here, f"{source_page(session.source.path)}#{session_anchor(session)}")
    rows = [["Header", f"<code>{html.text(session.header)}</code>"],
            ["Started", html.text(_started(session))],
            ["Time log", html.text(_times(session))],
            ["Source", f'<a href="{source}">{html.text(session.source.path)}</a>']]
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        rows.append(["Concepts introduced", ", ".join(
            f'<a href="{href(here, concept_page(c.slug))}">{html.text(c.name)}</a>' for c in introduced)])
    table = "\n".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    # Out of the search index: the title already names the session, the rest is navigation.
    return f'<div data-search-exclude>\n<p>{" · ".join(nav)}</p>\n<table class="studykb-facts">\n{table}\n</table>\n</div>'


def _started(session: Session) -> str:
    if session.started is None:
        return "no readable timestamp"
    zone = f" {session.tz_name}" if session.tz_name else " (no time zone)"
    return f"{clock(session.started)}{zone} ({utc_offset(session.utc_offset)})"


def _times(session: Session) -> str:
    log = session.timelog
    if log is None:
        return "not logged"
    span = f"{log.start or '?'}–{log.end or '?'}, " if (log.start or log.end) else ""
    return f"{span}{minutes(log.minutes)}"


def _line_item(block: Field | QA, linker: Linker, here: str, ctx: Context) -> str:
    spans = ctx.knowledge.mention_spans.get(block.source, ())
    if isinstance(block, Field):
        body = f"<strong>{_label(block.name)}:</strong> {html.inline(block.value, linker, spans)}"
    else:
        body = f"<strong>Q/A:</strong> {html.inline(block.text, linker, spans)}"
    runs = _runs(block.source, here, ctx) if block.source in ctx.refs_by_source else ""
    return f"{body}{runs}"


def _block(block, linker: Linker, here: str, ctx: Context, headings: set[str]) -> list[str]:
    if isinstance(block, Section):
        return _section(block, linker, here, ctx, headings)
    if isinstance(block, Note):
        spans = ctx.knowledge.mention_spans.get(block.source, ())
        return [f"<p>{html.inline(block.text, linker, spans)}</p>"]
    if isinstance(block, Table):
        return [_table(block, linker)]
    if isinstance(block, CodeBlock):
        return [_code_block(block)]
    raise TypeError(f"unknown block {block!r}")


def _section(section: Section, linker: Linker, here: str, ctx: Context, headings: set[str]) -> list[str]:
    out = [_heading(section.name, headings)] if section.name else []
    spans, refs = ctx.knowledge.mention_spans, ctx.refs_by_source
    items = [(item.depth, item.ordered, html.inline(item.text, linker, spans.get(item.source, ()))
              + (_runs(item.source, here, ctx) if item.source in refs else ""))
             for item in section.items]
    if items:
        out.append(html.nested_list(items))
    return out


def _heading(name: str, taken: set[str]) -> str:
    """A section heading with an anchor unique on the page."""
    return html.heading(2, _label(name), unique(make_slug(name), taken))


def _label(name: str) -> str:
    """A field's or section's name as HTML."""
    return html.inline(name)


def _runs(source, here: str, ctx: Context) -> str:
    out = []
    for ref in ctx.refs_by_source.get(source, ()):
        result = ctx.results.get((ref.experiment, ref.run_id))
        if result is not None:
            out.append(ctx.run_block(here, result, "Planned experiment" if ref.planned else "Experiment"))
    return "".join("\n" + block for block in out)


def _code_block(block: CodeBlock) -> str:
    """The log's code, verbatim and escaped; the info string's first word names the language."""
    words = block.info.split()
    language = "".join(ch for ch in words[0] if ch.isalnum() or ch in "+-_") if words else ""
    attrs = f' class="language-{language}"' if language else ""
    title = f'<span class="filename">{html.text(block.info)}</span>' if block.info.strip() else ""
    code = html.text("\n".join(block.lines))
    return f'<div class="highlight">{title}<pre><code{attrs}>{code}</code></pre></div>'


def _table(block: Table, linker: Linker) -> str:
    rows = [line.strip().strip("|").split("|") for line in block.lines]
    delimiter = len(rows) > 1 and all(set(c.strip()) <= set("-: ") and c.strip() for c in rows[1])
    head, body = (rows[0], rows[2:]) if delimiter else (None, rows)
    width = max(len(r) for r in rows)
    cells = lambda row: [html.inline(c.strip(), linker) for c in row] + [""] * (width - len(row))  # noqa: E731
    return html.table(cells(head) if head else None, [cells(r) for r in body])
