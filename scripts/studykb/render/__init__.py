"""Render: the knowledge model to the generated pages and assets, returned by path (``render_site``)."""
from __future__ import annotations

from experiments.catalog import EXPERIMENTS

from ..model import Knowledge
from .anki import anki_deck
from .chart import minutes_per_week, study_time_svg
from .common import concept_page, page, session_page, source_page
from .concept import render_concept
from .context import make_context
from .experiments import render_experiment, render_experiment_index
from .home import home_variables
from .indexes import DECK, render_glossary, render_recall, render_watchlist
from .kbjson import render_kb_json
from .memo import PageMemo
from .runs import RunResult
from .session import render_session
from .sources import render_source
from .timeline import CHART, render_timeline


def render_site(knowledge: Knowledge, results: dict[tuple[str, str], RunResult], watch_window: int,
                memo: PageMemo | None = None) -> tuple[dict[str, str | bytes], dict]:
    """Every generated file (docs-relative path -> content), sorted by path, and the home
    page's variables. With a ``memo`` from the previous call, unchanged session pages
    are not rendered again."""
    ctx = make_context(knowledge, results)
    files: dict[str, str | bytes] = {
        page("kb.json"): render_kb_json(knowledge, results),
        page("timeline.md"): render_timeline(ctx),
        page("glossary.md"): render_glossary(ctx),
        page("watchlist.md"): render_watchlist(ctx, watch_window),
        page("recall.md"): render_recall(ctx),
        page("experiments", "index.md"): render_experiment_index(ctx),
        CHART: study_time_svg(minutes_per_week(knowledge.sessions), ctx.words),
        DECK: anki_deck(knowledge, ctx.words.plain("recall_cards")),
    }
    illustrated = _illustrations(knowledge, results)
    for concept in knowledge.concepts:
        files[concept_page(concept.slug)] = render_concept(concept, ctx, illustrated.get(concept.name, []))
    for experiment_id in EXPERIMENTS:
        files[page("experiments", f"{experiment_id}.md")] = render_experiment(experiment_id, ctx)
    for log in knowledge.logs:
        files[source_page(knowledge.log_slugs[log.path])] = render_source(log, ctx.sessions_by_log.get(log.path, ()), ctx.words)
    files.update(_session_pages(knowledge, ctx, memo))
    return dict(sorted(files.items())), home_variables(ctx)


def _session_pages(knowledge: Knowledge, ctx, memo: PageMemo | None) -> dict[str, str]:
    if memo is None:
        return {session_page(s): render_session(s, ctx) for s in knowledge.sessions}
    pages = {session_page(s): memo.session_page(s, ctx) for s in knowledge.sessions}
    memo.keep_only(s.id for s in knowledge.sessions)
    return pages


def _illustrations(knowledge: Knowledge, results) -> dict[str, list[RunResult]]:
    """Concept name -> the runs of experiments that illustrate it."""
    out: dict[str, list[RunResult]] = {}
    for key in sorted({(r.experiment, r.run_id) for r in knowledge.experiment_refs}):
        for name in EXPERIMENTS[key[0]].concepts:
            out.setdefault(name, []).append(results[key])
    return out
