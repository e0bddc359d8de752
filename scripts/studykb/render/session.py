"""The page of one session: every line of the entry, its structure made visible."""
from __future__ import annotations

from ..model import QA, CodeBlock, Field, Item, Knowledge, Note, Section, Session, Table
from .common import code_span, concept_page, front_matter, minutes, page, rel, session_page, source_link, utc_offset
from .context import Context, neighbours
from .text import Linker, cell, inline, plain


def render_session(session: Session, ctx: Context) -> str:
    knowledge, refs = ctx.knowledge, ctx.refs_by_source
    here = session_page(session)
    linker = page_linker(knowledge, here)
    out = [front_matter(title=f"Session {session.title}", description=_description(session)),
           f"# Session {plain(session.title)}", ""]
    out += _facts(session, ctx, here)
    for block in session.blocks:
        out += _block(block, linker, here, refs, ctx)
    return "\n".join(out).rstrip() + "\n"


def page_linker(knowledge: Knowledge, here: str, exclude: str | None = None) -> Linker:
    """Links to concept pages from ``here``; a concept page does not link to itself."""
    prefix = rel(here, concept_page("x"))[:-len("x.md")]
    slugs = {c.name: c.slug for c in knowledge.concepts if c.slug != exclude}
    return Linker(knowledge.lexicon, slugs, prefix)


def _description(session: Session) -> str:
    return f"Study session of {session.title}: {minutes(session.minutes)}."


def _facts(session: Session, ctx: Context, here: str) -> list[str]:
    before, after = neighbours(ctx, session)
    introduced = ctx.introduced.get(session.id, ())
    nav = []
    if before:
        nav.append(f"[← {plain(before.title)}]({rel(here, session_page(before))})")
    nav.append(f"[Timeline]({rel(here, page('timeline.md'))})")
    if after:
        nav.append(f"[{plain(after.title)} →]({rel(here, session_page(after))})")
    rows = [f"| Header | {cell(code_span(session.header))} |", "|---|---|",
            f"| Started | {_started(session)} |",
            f"| Time log | {_times(session)} |",
            f"| Source | {source_link(here, session.source)} |"]
    if introduced:
        links = ", ".join(f"[{plain(c.name)}]({rel(here, concept_page(c.slug))})" for c in introduced)
        rows.append(f"| Concepts introduced | {links} |")
    return [" · ".join(nav), ""] + rows + [""]


def _started(session: Session) -> str:
    if session.started is None:
        return "no readable timestamp"
    zone = f" {plain(session.tz_name)}" if session.tz_name else " (no time zone)"
    return f"{session.started:%Y-%m-%d %H:%M:%S}{zone} ({utc_offset(session.utc_offset)})"


def _times(session: Session) -> str:
    log = session.timelog
    if log is None:
        return "not logged"
    span = f"{log.start or '?'}–{log.end or '?'}, " if (log.start or log.end) else ""
    return f"{span}{minutes(log.minutes)}"


def _block(block, linker: Linker, here: str, refs, ctx: Context) -> list[str]:
    spans = ctx.knowledge.mention_spans.get(getattr(block, "source", None), ())
    if isinstance(block, Field):
        return [f"- **{inline(block.name, at_block_start=False)}:** {inline(block.value, linker, False, spans)}"] \
            + _runs(block.source, here, refs, ctx) + [""]
    if isinstance(block, QA):
        return [f"- **Q/A:** {inline(block.text, linker, False, spans)}"] + _runs(block.source, here, refs, ctx) + [""]
    if isinstance(block, Section):
        return _section(block, linker, here, refs, ctx)
    if isinstance(block, Note):
        return [inline(block.text, linker, True, spans), ""]
    if isinstance(block, CodeBlock):
        return _code_block(block)
    if isinstance(block, Table):
        return _table(block, linker)
    raise TypeError(f"unknown block {block!r}")


def _section(section: Section, linker: Linker, here: str, refs, ctx: Context) -> list[str]:
    out = [f"## {inline(section.name, at_block_start=False)}", ""] if section.name else []
    for item in section.items:
        out += _item(item, linker, ctx.knowledge.mention_spans.get(item.source, ())) \
            + _runs(item.source, here, refs, ctx, depth=item.depth)
    return out + [""]


def _item(item: Item, linker: Linker, spans) -> list[str]:
    marker = "1." if item.ordered else "-"
    indent = "    " * item.depth
    return [f"{indent}{marker} {inline(item.text, linker, True, spans)}"]


def _runs(source, here: str, refs, ctx: Context, depth: int = 0) -> list[str]:
    out = []
    for ref in refs.get(source, ()):
        result = ctx.results.get((ref.experiment, ref.run_id))
        if result is None:
            continue
        heading = "Planned experiment" if ref.planned else "Experiment"
        indent = "    " * (depth + 1)
        out += [""] + [indent + line if line else "" for line in ctx.run_block(here, result, heading)] + [""]
    return out


def _code_block(block: CodeBlock) -> list[str]:
    longest = max((len(line) - len(line.lstrip("`~")) for line in block.lines), default=0)
    fence = ("~" if block.fence.startswith("~") else "`") * max(3, longest + 1)
    info = block.info.split()[0] if block.info.split() else ""
    language = "".join(ch for ch in info if ch.isalnum() or ch in "+-_")
    title = f' title="{language}"' if language else ""
    return [fence + language + title, *block.lines, fence, ""]


def _table(block: Table, linker: Linker) -> list[str]:
    rows = []
    for line in block.lines:
        cells = line.strip().strip("|").split("|")
        if all(set(c.strip()) <= set("-: ") and c.strip() for c in cells):
            rows.append("|" + "|".join(c.strip() for c in cells) + "|")
        else:
            rows.append("| " + " | ".join(cell(c.strip(), linker) for c in cells) + " |")
    return rows + [""]

