"""The index pages across all sessions: glossary, watchlist, recall cards."""
from __future__ import annotations

from itertools import groupby

from . import html
from .common import concept_page, front_matter, page, rel, source_page
from .concept import one_line_definition
from .context import Context, session_hrefs
from .html import href
from .text import inline, page_linker, plain


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
    linker = ctx.linker(here)
    items = ctx.knowledge.watchlist
    open_count = sum(1 for w in items if w.open)
    out = [front_matter(title="Watchlist"), "# Watchlist", "",
           f"Concepts repeatedly confused: {open_count} open, {len(items) - open_count} quiet "
           f"(not flagged in the last {window} sessions).", ""]
    if not items:
        return "\n".join(out + ["Nothing flagged yet.", ""])
    rows, session_href = [], session_hrefs(here)
    for w in items:
        concepts = ", ".join(f'<a href="{href(here, concept_page(c))}">{html.text(ctx.concepts_by_slug[c].name)}</a>'
                             for c in w.concepts)
        first, last = (ctx.knowledge.session(s) for s in (w.first, w.last))
        mentions = ctx.knowledge.mention_spans.get(w.sources[-1], ())  # the text is its latest line's
        rows.append([html.inline(w.text, linker, mentions), concepts or "–", _session_link(session_href, first),
                     _session_link(session_href, last), str(len(w.sources)),
                     "<strong>open</strong>" if w.open else "quiet"])
    head = ["Item", "Concepts", "First flagged", "Last flagged", "Times", "Status"]
    return "\n".join(out + [html.block(html.table(head, rows))]) + "\n"


def _session_link(session_href, session) -> str:
    return f'<a href="{session_href(session)}">{html.text(session.title)}</a>'


def render_recall(ctx: Context) -> str:
    here = page("recall.md")
    linker = ctx.linker(here)
    cards = ctx.knowledge.cards
    out = [front_matter(title="Recall cards"), "# Recall cards", "",
           f"{len(cards)} cards from your Q/A lines and your own definitions. "
           "Answer in your head, then open the card. Watchlist concepts come first.", ""]
    session_href = session_hrefs(here)
    for watch, group in groupby(cards, key=lambda c: c.watch):
        out += ["## On the watchlist" if watch else "## Everything else", ""]
        out += [html.block("\n".join(_card(card, ctx, here, linker, session_href) for card in group)), ""]
    return "\n".join(out).rstrip() + "\n"


def _card(card, ctx: Context, here: str, linker, session_href) -> str:
    """A closed question block; the answer and where it came from inside.

    The answer is kept out of the search index: it is on the session's page already.
    """
    if card.session:
        where = _session_link(session_href, ctx.knowledge.session(card.session))
    else:
        line = href(here, source_page(card.source.path) + f"#L{card.source.line}")
        where = f'<a href="{line}">{html.text(str(card.source))}</a>'
    body = f"<p>{html.inline(card.back, linker)}</p>\n<p>— {where}</p>"
    return html.details("question", html.inline(card.front), f"<div data-search-exclude>\n{body}\n</div>") \
        .replace("<details ", f'<details id="{card.id}" ', 1)
