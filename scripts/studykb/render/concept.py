"""A concept's page: the learner's definition first, how it changed, where it comes up.

Section headings are Markdown we write (the table of contents lists them); the title and
everything from the log are HTML (see html.py).
Nothing here names a line number: an edit that moves lines leaves the page as it is.
"""
from __future__ import annotations

from ..model import Concept, SessionId, Source
from . import html, urls
from .common import concept_page, front_matter, page, source_page
from .context import QUOTED_SESSIONS, Context, QuotedLine
from .urls import href
from .runs import experiment_page, run_anchor
from .words import Words

MAX_LISTED_SESSIONS = 100  # a concept named in every session must not list them all


def render_concept(concept: Concept, ctx: Context, illustrated_by: list) -> str:
    here = concept_page(concept.slug)
    linker = ctx.linker(here, exclude=concept.slug)
    session_href = ctx.session_hrefs(here)
    words = ctx.words
    out = [front_matter(title=ctx.defined_name(concept), description=_summary(concept, words), search={"boost": 3}),
           ]
    head = [html.title(html.text(ctx.defined_name(concept)))]
    if concept.aliases:
        head.append(f"<p><strong>{words('also_called')}</strong> " + ", ".join(html.text(a) for a in concept.aliases) + "</p>")
    out += [html.block("\n".join(head)), ""]
    out += _definitions(concept, ctx, here, linker, session_href)
    out += _watch(concept, ctx, here, linker) + _cards(concept, ctx, here)
    out += _experiments(here, illustrated_by, words) + _related(concept, ctx, here)
    out += _mentions(concept, ctx, here, linker, session_href)
    glossary = href(here, page("glossary.md") + "#" + concept.slug)
    out += [html.block(f'<p><a href="{glossary}">{words("glossary_entry")}</a></p>'), ""]
    return "\n".join(out).rstrip() + "\n"


def one_line_definition(concept: Concept, words: Words) -> str:
    if concept.definition:
        return concept.definition.text
    return concept.starter_definition or words.plain("not_defined")


def _summary(concept: Concept, words: Words) -> str:
    return one_line_definition(concept, words)[:160]


def _definitions(concept: Concept, ctx: Context, here: str, linker, session_href) -> list[str]:
    words = ctx.words
    out = [f"## {words('definition')}", ""]
    reading = []
    if concept.starter_definition:
        reading = [html.block(f"<p>{words('reference_reading', text=html.text(concept.starter_definition))}</p>"), ""]
    if not concept.definitions:
        return out + [html.block(f"<p>{words('not_in_own_words')}</p>"), ""] + reading
    first, *later = concept.definitions
    out += _quote(first, ctx, here, linker, session_href)
    if later:
        out += [f"## {words('understanding_changed')}", ""]
        for definition in later:
            out += _quote(definition, ctx, here, linker, session_href)
    return out + reading


def _quote(definition, ctx: Context, here: str, linker, session_href) -> list[str]:
    # A log's definition is one of its lines: linked as on its session's page. The
    # vocabulary file's definitions are no log lines: they are shown without links.
    spans = ctx.spans(definition.source) if definition.origin == "log" else ()
    text = html.inline(definition.text, linker, spans)
    if definition.session:
        session = ctx.session(definition.session)
        where = f'<a href="{session_href(session)}">{html.link_label(ctx.titles[session.id])}</a>'
    elif definition.origin == "vocabulary":
        where = ctx.words("vocabulary_file", path=html.text(definition.source.path))
    else:
        line = href(here, source_page(ctx.knowledge.log_slugs[definition.source.path]) + f"#L{definition.source.line}")
        where = f'<a href="{line}">{html.text(str(definition.source))}</a>'
    return [html.block(f"<blockquote>\n<p>{text}</p>\n<p>— {where}</p>\n</blockquote>"), ""]


WATCH_SHOWN = 10  # the open items first; a concept named by every item of a long log lists a few


def _watch(concept: Concept, ctx: Context, here: str, linker) -> list[str]:
    items = sorted(ctx.watch_by_concept.get(concept.slug, ()), key=lambda w: not w.open)
    if not items:
        return []
    watchlist = href(here, page("watchlist.md"))
    # An item's text is its latest line's.
    words = ctx.words
    link = f'<a href="{watchlist}">{words("watchlist_link")}</a>'
    rows = [f"<li>{html.inline(w.text, linker, w.own_spans(ctx.spans(w.sources[-1])))} "
            f"{words('watch_entry', status=words('status_' + w.status), n=len(w.sources))} "
            f"— {link}</li>" for w in items[:WATCH_SHOWN]]
    more = (f"\n<p>{words('watch_more', n=len(items) - WATCH_SHOWN, link=link)}</p>"
            if len(items) > WATCH_SHOWN else "")
    return [f"## {words('watch_heading')}", "", html.block("<ul>\n" + "\n".join(rows) + "\n</ul>" + more), ""]


def _cards(concept: Concept, ctx: Context, here: str) -> list[str]:
    cards = ctx.cards_by_concept.get(concept.slug, ())
    if not cards:
        return []
    recall = href(here, page("recall.md"))
    rows = [f'<li><a href="{recall}{urls.fragment(card.id)}">{html.link_label(card.front)}</a></li>' for card in cards]
    return [f"## {ctx.words('recall_cards')}", "", html.block("<ul>\n" + "\n".join(rows) + "\n</ul>"), ""]


def _experiments(here: str, illustrated_by: list, words: Words) -> list[str]:
    """Each experiment that illustrates the concept: its key figure inline, then its runs."""
    if not illustrated_by:
        return []
    parts = []
    by_experiment: dict[str, list] = {}
    for result in illustrated_by:
        by_experiment.setdefault(result.experiment, []).append(result)
    for experiment, results in by_experiment.items():
        shown = next((r for r in results if r.metrics and r.figures), None)
        parts.append(f"<h3>{html.text(words.experiment('titles', experiment, results[0].title))}</h3>")
        if shown:
            path, caption = shown.figures[0]
            parts.append(f'<figure><img src="{href(here, path)}" alt="{html.attr(caption)}" loading="lazy">'
                         f"<figcaption>{html.text(caption)}</figcaption></figure>")
            if shown.metrics.get("headline"):
                parts.append(f"<p><strong>{words('finding')}</strong> {html.text(shown.metrics['headline'])}</p>")
        runs = []
        for result in results:
            link = href(here, experiment_page(result.experiment) + "#" + run_anchor(result.run_id))
            state = "" if result.metrics else words("not_run_yet_state")
            runs.append(f'<a href="{link}">{words("run_link", run=html.text(result.run_id))}</a>{state}')
        parts.append("<p>" + " · ".join(runs) + "</p>")
    # Out of the search index: the figures and numbers are the experiment pages' own.
    body = "<div data-search-exclude>\n" + "\n".join(parts) + "\n</div>"
    return [f"## {words('evidence')}", "", html.block(body), ""]


RELATED = 8  # a concept named with every other one in a long log must not list them all


def _related(concept: Concept, ctx: Context, here: str) -> list[str]:
    """Concepts a watchlist item sets against this one, then those named on the same lines
    most often: RELATED of each at most."""
    contrasted = dict.fromkeys(slug for w in ctx.watch_by_concept.get(concept.slug, ())
                               for slug in w.concepts if slug != concept.slug)
    counts = ctx.named_with.get(concept.slug, {})
    together = [slug for slug, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if slug not in contrasted]
    if not contrasted and not together:
        return []

    concept_href = ctx.concept_hrefs(here)

    def links(slugs) -> str:
        return ", ".join(f'<a href="{concept_href(s)}">{html.text(ctx.name_of(ctx.concepts_by_slug[s]))}</a>'
                         for s in slugs if s in ctx.concepts_by_slug)
    parts = []
    if contrasted:
        parts.append(f"<p>{ctx.words('set_against', links=links(list(contrasted)[:RELATED]))}</p>")
    if together:
        parts.append(f"<p>{ctx.words('named_with', links=links(together[:RELATED]))}</p>")
    return [f"## {ctx.words('related')}", "", html.block("\n".join(parts)), ""]


def _mentions(concept: Concept, ctx: Context, here: str, linker, session_href) -> list[str]:
    """Newest first: the lines of the latest sessions, then date links to earlier ones.

    Kept out of the search index: every line here is on its session's page already.
    """
    session_ids = ctx.mentioned_in[concept.slug][::-1]
    words = ctx.words
    out = [f"## {words('mentioned_in', n=len(session_ids))}", ""]
    if not session_ids:
        return out + [html.block(f"<p>{words('none_yet')}</p>"), ""]
    sessions = [ctx.session(s) for s in session_ids[:MAX_LISTED_SESSIONS]]
    lines_of = _mentioned_lines(concept, session_ids[:QUOTED_SESSIONS], ctx.quoted_lines)
    quoted = []
    for session in sessions[:QUOTED_SESSIONS]:
        lines = "<br>\n".join(_quoted(ctx.quoted_lines.get(source), linker, ctx.spans(source))
                               for source in lines_of[session.id])
        quoted.append(f'<li><a href="{session_href(session)}">{html.link_label(ctx.titles[session.id])}</a>: {lines}</li>')
    parts = ['<ul class="studykb-mentions" data-search-exclude>\n' + "\n".join(quoted) + "\n</ul>"]
    earlier = sessions[QUOTED_SESSIONS:]
    if earlier:
        links = ", ".join(f'<a href="{session_href(s)}">{html.link_label(ctx.titles[s.id])}</a>' for s in earlier)
        parts.append(f"<p data-search-exclude>{words('earlier', links=links)}</p>")
    if len(session_ids) > MAX_LISTED_SESSIONS:
        timeline = f'<a href="{href(here, page("timeline.md"))}">{words("timeline_word")}</a>'
        parts.append(f"<p>{words('earlier_more', n=len(session_ids) - MAX_LISTED_SESSIONS, link=timeline)}</p>")
    return out + [html.block("\n".join(parts)), ""]


def _quoted(line: QuotedLine | None, linker, spans) -> str:
    """A mentioning line as its session's page shows it; a table's row as its cells."""
    if line is None:
        return ""
    return (html.table_row if line.raw_row else html.inline)(line.text, linker, spans)


def _mentioned_lines(concept: Concept, session_ids: tuple[SessionId, ...],
                     quoted: dict[Source, QuotedLine]) -> dict[SessionId, list[Source]]:
    """The lines of these sessions that name the concept, each session's top to bottom,
    a line naming it twice once; a table's header row only where none of its body rows
    names it (the rows quoted say what the table is about).

    Only the quoted sessions need their lines: a concept named in every session of a
    long log has thousands of mentions.
    """
    found: dict[SessionId, list[Source]] = {s: [] for s in session_ids}
    for mention in [m for m in concept.mentions if m.session in found]:
        found[mention.session].append(mention.source)
    return {s: _without_headers(list(dict.fromkeys(sorted(sources, key=_line))), quoted)
            for s, sources in found.items()}


def _without_headers(sources: list[Source], quoted: dict[Source, QuotedLine]) -> list[Source]:
    """``sources`` less the header rows of tables some other of them is a row of."""
    tables = {s: quoted[s].table for s in sources if s in quoted}
    with_rows = {table for source, table in tables.items() if table is not None and table != source}
    return [s for s in sources if s not in with_rows]


def _line(source: Source) -> int:
    return source.line
