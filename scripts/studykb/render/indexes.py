"""The index pages across all sessions: glossary, watchlist, recall cards."""
from __future__ import annotations

from itertools import groupby

from .common import concept_page, front_matter, page, rel, session_page, source_link
from .concept import one_line_definition
from .context import Context
from .session import page_linker
from .text import inline, plain


def render_glossary(ctx: Context) -> str:
    here = page("glossary.md")
    linker = page_linker(ctx.knowledge, here)
    out = [front_matter(title="Glossary", search={"boost": 2}), "# Glossary", "",
           f"{len(ctx.knowledge.concepts)} terms, A–Z. Each links to its concept page; "
           "the site search finds a term by any of its names.", ""]
    concepts = ctx.knowledge.concepts
    letters = [(letter, list(group)) for letter, group in groupby(concepts, key=_letter)]
    out += [" · ".join(f"[{letter}](#letter-{letter.lower() if letter.isalpha() else 'other'})" for letter, _ in letters), ""]
    for letter, group in letters:
        out += [f"## {letter} {{#letter-{letter.lower() if letter.isalpha() else 'other'}}}", ""]
        for concept in group:
            out += [f"### {plain(concept.name)} {{#{concept.slug}}}", ""]
            out += [inline(one_line_definition(concept), linker), ""]
            if concept.aliases:
                out += ["*Also:* " + ", ".join(plain(a) for a in concept.aliases), ""]
            out += [f"[Concept page]({rel(here, concept_page(concept.slug))})", ""]
    return "\n".join(out).rstrip() + "\n"


def _letter(concept) -> str:
    first = concept.name[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def render_watchlist(ctx: Context, window: int) -> str:
    here = page("watchlist.md")
    linker = page_linker(ctx.knowledge, here)
    items = ctx.knowledge.watchlist
    open_count = sum(1 for w in items if w.open)
    out = [front_matter(title="Watchlist"), "# Watchlist", "",
           f"Concepts repeatedly confused: {open_count} open, {len(items) - open_count} quiet "
           f"(not flagged in the last {window} sessions).", ""]
    if not items:
        return "\n".join(out + ["Nothing flagged yet.", ""])
    out += ["| Item | Concepts | First flagged | Last flagged | Times | Status |", "|---|---|---|---|---|---|"]
    for w in items:
        concepts = ", ".join(f"[{plain(ctx.concepts_by_slug[c].name)}]({rel(here, concept_page(c))})" for c in w.concepts)
        first, last = (ctx.knowledge.session(s) for s in (w.first, w.last))
        out.append(f"| {inline(w.text, linker, False).replace('|', chr(92) + '|')} | {concepts or '–'} | "
                   f"[{plain(first.title)}]({rel(here, session_page(first))}) | "
                   f"[{plain(last.title)}]({rel(here, session_page(last))}) | {len(w.sources)} | "
                   f"{'**open**' if w.open else 'quiet'} |")
    return "\n".join(out).rstrip() + "\n"


def render_recall(ctx: Context) -> str:
    here = page("recall.md")
    linker = page_linker(ctx.knowledge, here)
    cards = ctx.knowledge.cards
    out = [front_matter(title="Recall cards"), "# Recall cards", "",
           f"{len(cards)} cards from your Q/A lines and your own definitions. "
           "Answer in your head, then open the card. Watchlist concepts come first.", ""]
    for watch, group in groupby(cards, key=lambda c: c.watch):
        out += ["## On the watchlist" if watch else "## Everything else", ""]
        for card in group:
            out += _card(card, ctx, here, linker)
    return "\n".join(out).rstrip() + "\n"


def _card(card, ctx: Context, here: str, linker) -> list[str]:
    title = inline(card.front, at_block_start=False).replace('"', "&quot;")
    where = source_link(here, card.source)
    if card.session:
        session = ctx.knowledge.session(card.session)
        where = f"[{plain(session.title)}]({rel(here, session_page(session))}), {where}"
    return [f'<a id="{card.id}"></a>', "", f'??? question "{title}"', "",
            f"    {inline(card.back, linker)}", "", f"    — {where}", ""]
