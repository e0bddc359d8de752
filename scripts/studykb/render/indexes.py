"""The index pages across all sessions: glossary, watchlist, recall cards."""
from __future__ import annotations

from itertools import groupby

from . import html
from .common import concept_page, front_matter, page, source_page
from .context import Context
from ..model import Span
from .urls import href


def render_glossary(ctx: Context) -> str:
    here = page("glossary.md")
    linker = ctx.linker(here)
    concepts = ctx.knowledge.concepts
    words = ctx.words
    out = [front_matter(title=words.plain("glossary"), search={"boost": 2}), f"# {words('glossary')}", "",
           words("glossary_intro", n=len(concepts)), ""]
    letters = [(letter, list(group)) for letter, group in groupby(concepts, key=_letter)]
    out += [html.block("<p>" + " · ".join(f'<a href="#{_letter_anchor(letter)}">{html.text(letter)}</a>'
                                          for letter, _ in letters) + "</p>"), ""]
    for letter, group in letters:
        entries = "\n".join(_glossary_entry(concept, ctx, here, linker) for concept in group)
        out += [f"## {letter} {{#{_letter_anchor(letter)}}}", "",
                html.block(f'<dl class="studykb-glossary">\n{entries}\n</dl>'), ""]
    return "\n".join(out).rstrip() + "\n"


def _glossary_entry(concept, ctx: Context, here: str, linker) -> str:
    name = f'<a href="{href(here, concept_page(concept.slug))}">{html.text(ctx.defined_name(concept))}</a>'
    definition = concept.definition
    if definition is not None:
        spans = ctx.spans(definition.source) if definition.origin == "log" else ()  # a vocabulary one is no log line
        whose = ctx.words("your_vocabulary" if definition.origin == "vocabulary" else "your_words")
        body = f'{html.inline(definition.text, linker, spans)} <span class="studykb-whose">({whose})</span>'
    elif concept.starter_definition:
        body = f'{html.text(concept.starter_definition)} <span class="studykb-whose">({ctx.words("reference")})</span>'
    else:
        body = f"<em>{ctx.words('not_defined')}</em>"
    if concept.aliases:
        body += f"<br><em>{ctx.words('also')}</em> " + ", ".join(html.text(a) for a in concept.aliases)
    return f'<dt id="{html.attr(concept.slug)}">{name}</dt>\n<dd>{body}</dd>'


def _letter_anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"


def _letter(concept) -> str:
    first = concept.name[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def render_watchlist(ctx: Context, window: int) -> str:
    here = page("watchlist.md")
    linker = ctx.linker(here)
    items = ctx.knowledge.watchlist
    counts = {status: sum(1 for w in items if w.status == status) for status in ("open", "quiet", "resolved")}
    repeated = sum(1 for w in items if len(w.sources) > 1)
    words = ctx.words
    resolved = words("resolved_count", n=counts["resolved"]) if counts["resolved"] else ""
    out = [front_matter(title=words.plain("watchlist")), f"# {words('watchlist')}", "",
           words("watchlist_summary", items=words("watch_items", n=len(items)), repeated=repeated, open=counts["open"],
                 window=words("last_sessions", n=window), quiet=counts["quiet"], resolved=resolved), ""]
    if not items:
        return "\n".join(out + [words("nothing_flagged"), ""])
    session_href, concept_href = ctx.session_hrefs(here), ctx.concept_hrefs(here)
    entries = []
    for w in items:
        first, last = (ctx.session(s) for s in (w.first, w.last))
        spans = w.own_spans(ctx.spans(w.sources[-1]))  # the text is its latest line's, or a part of it
        flagged = (words("flagged_times", n=len(w.sources), first=_session_link(ctx, session_href, first),
                         last=_session_link(ctx, session_href, last)) if len(w.sources) > 1
                   else words("flagged_once", first=_session_link(ctx, session_href, first)))
        concepts = _concept_links(w.concepts, ctx, concept_href)
        facts = [_status(w, ctx, session_href), flagged] + ([words("concepts_facts", links=concepts)] if concepts else [])
        entries.append(f'{html.inline(w.text, linker, spans)}{_resolving_line(w, ctx, linker)}'
                       f'<br><span class="studykb-whose">{" · ".join(facts)}</span>')
    return "\n".join(out + [html.block(html.items(entries, ' class="studykb-watchlist"'))]) + "\n"


def _status(item, ctx: Context, session_href) -> str:
    """``open`` (bold), ``quiet``, or ``resolved`` with the session that resolved it."""
    if item.resolution is not None:
        return ctx.words("resolved_in", session=_session_link(ctx, session_href, ctx.session(item.resolution.session)))
    return f"<strong>{ctx.words('status_open')}</strong>" if item.open else ctx.words("status_quiet")


def _resolving_line(item, ctx: Context, linker) -> str:
    """The line that resolved an item, under the item's own wording, where it is another line:
    the item's text may still say it is open (``… (still open)``), the line says what changed."""
    done = item.resolution
    if done is None or done.source in item.sources:
        return ""
    start = done.said
    spans = tuple(Span(s.start - start, s.end - start, s.concept) for s in ctx.spans(done.source) if s.start >= start)
    return f'<br><span class="studykb-resolving">→ {html.inline(done.text[start:], linker, spans)}</span>'


def _session_link(ctx: Context, session_href, session) -> str:
    return f'<a href="{session_href(session)}">{html.link_label(ctx.titles[session.id])}</a>'


DECK = page("assets", "recall.apkg")
PRACTICE = """<div class="studykb-practice" data-practice{script_words} hidden>
<p data-practice-status></p>
<div class="studykb-practice-front" data-practice-front></div>
<div class="studykb-practice-back" data-practice-back hidden></div>
<p><button type="button" class="md-button md-button--primary" data-practice-show>{show_answer} <kbd>Space</kbd></button></p>
<p data-practice-grades hidden>
<button type="button" class="md-button" data-grade="1">{grade_again} <kbd>1</kbd></button>
<button type="button" class="md-button" data-grade="2">{grade_hard} <kbd>2</kbd></button>
<button type="button" class="md-button md-button--primary" data-grade="3">{grade_good} <kbd>3</kbd></button>
<button type="button" class="md-button" data-grade="4">{grade_easy} <kbd>4</kbd></button>
</p>
</div>"""
"""The practice box; its buttons' words are ui.yml's keys, and its script's too (``Words.script_words``)."""


def render_recall(ctx: Context) -> str:
    here = page("recall.md")
    cards = ctx.knowledge.cards
    words = ctx.words
    practice = PRACTICE.format(script_words=words.script_words(), **{
        key: words(key) for key in ("show_answer", "grade_again", "grade_hard", "grade_good", "grade_easy")})
    out = [front_matter(title=words.plain("recall_cards")), f"# {words('recall_cards')}", "",
           words("recall_intro", n=len(cards)), "",
           html.block(practice + f'\n<p><a href="{href(here, DECK)}" download>{words("download_deck")}</a>'
                      + words("deck_note", command="<code>make anki</code>") + "</p>"),
           "", f"## {words('every_card')}", ""]
    session_href, concept_href = ctx.session_hrefs(here), ctx.concept_hrefs(here)
    groups = [(watch, list(group)) for watch, group in groupby(cards, key=lambda c: c.watch)]
    for watch, group in groups:
        if len(groups) > 1:  # cards not on the watchlist are the rest only beside those that are
            out += [f"### {words('on_the_watchlist' if watch else 'other_cards')}", ""]
        out += [html.block("\n".join(_card(card, ctx, here, session_href, concept_href) for card in group)), ""]
    return "\n".join(out).rstrip() + "\n"


def _card(card, ctx: Context, here: str, session_href, concept_href) -> str:
    """A closed question block; the answer, the concepts it names and where it came from inside.

    The front and back are cut from a line (or are its definition's question), so they
    carry no links of their own: the card's concepts are listed after the answer. The
    answer is kept out of the search index: it is on the session's page already.
    """
    if card.session:
        where = _session_link(ctx, session_href, ctx.session(card.session))
    else:
        line = href(here, source_page(ctx.knowledge.log_slugs[card.source.path]) + f"#L{card.source.line}")
        where = f'<a href="{line}">{html.text(str(card.source))}</a>'
    answer = f"<p>{html.inline(card.back)}</p>\n{_card_concepts(card, ctx, concept_href)}<p>— {where}</p>"
    watch = " data-watch" if card.watch else ""
    return (f'<details class="question" id="{html.attr(card.id)}" data-card{watch}>\n'
            f"<summary>{html.inline(card.front)}</summary>\n"
            f"<div data-card-answer data-search-exclude>\n{answer}\n</div>\n</details>")


def _card_concepts(card, ctx: Context, concept_href) -> str:
    """The concepts a card names, as links (a paragraph and a newline), or nothing."""
    if not card.concepts:
        return ""
    return f'<p class="studykb-whose">{ctx.words("card_concepts", links=_concept_links(card.concepts, ctx, concept_href))}</p>\n'


def _concept_links(slugs, ctx: Context, concept_href) -> str:
    """Links to the pages of these concepts, by name."""
    return ", ".join(f'<a href="{concept_href(slug)}">{html.text(ctx.name_of(ctx.concepts_by_slug[slug]))}</a>'
                     for slug in slugs)
