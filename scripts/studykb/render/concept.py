"""A concept's page: the learner's definition first, how it changed, where it comes up."""
from __future__ import annotations

from ..model import Concept
from .common import concept_page, front_matter, page, rel, session_page, source_link
from .context import Context
from .runs import experiment_page, run_anchor
from .session import page_linker
from .text import inline, plain

MAX_LISTED_MENTIONS = 100  # a concept named in every session must not list them all


def render_concept(concept: Concept, ctx: Context, illustrated_by: list) -> str:
    here = concept_page(concept.slug)
    linker = page_linker(ctx.knowledge, here, exclude=concept.slug)
    out = [front_matter(title=concept.name, description=_summary(concept), search={"boost": 3}),
           f"# {plain(concept.name)}", ""]
    if concept.aliases:
        out += ["**Also called:** " + ", ".join(plain(a) for a in concept.aliases), ""]
    out += _definitions(concept, ctx, here, linker)
    out += _watch(concept, ctx, here, linker) + _cards(concept, ctx, here, linker)
    out += _experiments(here, illustrated_by) + _mentions(concept, ctx, here, linker)
    out += [f"[Glossary entry]({rel(here, page('glossary.md') + '#' + concept.slug)})", ""]
    return "\n".join(out).rstrip() + "\n"


def one_line_definition(concept: Concept) -> str:
    if concept.definition:
        return concept.definition.text
    return concept.starter_definition or "Mentioned in the log; not defined yet."


def _summary(concept: Concept) -> str:
    return one_line_definition(concept)[:160]


def _definitions(concept: Concept, ctx: Context, here: str, linker) -> list[str]:
    out = ["## Definition", ""]
    if not concept.definitions:
        out += ["Not yet defined in your own words."]
        if concept.starter_definition:
            out += ["", f"Reference reading: {plain(concept.starter_definition)}"]
        return out + [""]
    first, *later = concept.definitions
    out += _quote(first, ctx, here, linker)
    if later:
        out += ["## How the understanding changed", ""]
        for definition in later:
            out += _quote(definition, ctx, here, linker)
    if concept.starter_definition:
        out += [f"Reference reading: {plain(concept.starter_definition)}", ""]
    return out


def _quote(definition, ctx: Context, here: str, linker) -> list[str]:
    text = inline(definition.text, linker, at_block_start=True)
    where = source_link(here, definition.source)
    if definition.session:
        session = ctx.knowledge.session(definition.session)
        where = f"[{plain(session.title)}]({rel(here, session_page(session))}), {where}"
    elif definition.origin == "vocabulary":
        where = f"your vocabulary file ({definition.source.path})"
    return [f"> {text}", ">", f"> — {where}", ""]


def _watch(concept: Concept, ctx: Context, here: str, linker) -> list[str]:
    items = [w for w in ctx.knowledge.watchlist if concept.slug in w.concepts]
    if not items:
        return []
    out = ["## On the watchlist", ""]
    for w in items:
        status = "open" if w.open else "quiet"
        out.append(f"- {inline(w.text, linker)} ({status}, flagged {len(w.sources)}×) "
                   f"— [watchlist]({rel(here, page('watchlist.md'))})")
    return out + [""]


def _cards(concept: Concept, ctx: Context, here: str, linker) -> list[str]:
    cards = [c for c in ctx.knowledge.cards if concept.slug in c.concepts]
    if not cards:
        return []
    out = ["## Recall cards", ""]
    for card in cards:
        out.append(f"- [{plain(card.front)}]({rel(here, page('recall.md') + '#' + card.id)})")
    return out + [""]


def _experiments(here: str, illustrated_by: list) -> list[str]:
    if not illustrated_by:
        return []
    out = ["## Experiments that illustrate it", ""]
    for result in illustrated_by:
        link = rel(here, experiment_page(result.experiment) + "#" + run_anchor(result.run_id))
        state = "" if result.metrics else " (not run yet)"
        out.append(f"- [{plain(result.title)} — {plain(result.run_id)}]({link}){state}")
    return out + [""]


def _mentions(concept: Concept, ctx: Context, here: str, linker) -> list[str]:
    mentions = sorted(concept.mentions, key=lambda m: (ctx.position[m.session], m.source.line), reverse=True)
    sessions = list(dict.fromkeys(m.session for m in mentions))
    out = [f"## Sessions that mention it ({len(sessions)})", ""]
    shown = set(sessions[:MAX_LISTED_MENTIONS])
    for m in mentions:
        if m.session not in shown:
            continue
        session = ctx.knowledge.session(m.session)
        line = _line_text(ctx, m.source)
        out.append(f"- [{plain(session.title)}]({rel(here, session_page(session))}): "
                   f"{inline(line, linker, False, ctx.knowledge.mention_spans.get(m.source, ()))} "
                   f"({source_link(here, m.source)})")
    if len(sessions) > MAX_LISTED_MENTIONS:
        out += ["", f"…and {len(sessions) - MAX_LISTED_MENTIONS} earlier sessions; the "
                f"[timeline]({rel(here, page('timeline.md'))}) lists them all."]
    return out + [""]


def _line_text(ctx: Context, source) -> str:
    return ctx.line_texts.get(source, "")
