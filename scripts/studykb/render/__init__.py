"""Render: the knowledge model to Markdown pages and assets. Pure functions, sorted output."""
from __future__ import annotations

from typing import Callable

from experiments.registry import EXPERIMENTS

from ..model import Knowledge, cycle_collector_paused
from .chart import minutes_per_week, study_time_svg
from .common import concept_page, page, session_page, source_page
from .concept import render_concept
from .context import make_context
from .experiments import render_experiment, render_experiment_index
from .home import home_variables
from .indexes import render_glossary, render_recall, render_watchlist
from .kbjson import render_kb_json
from .memo import PageMemo, concepts_key
from .runs import RunResult
from .session import render_session
from .sources import render_source
from .timeline import CHART, render_timeline

Emit = Callable[[str, "str | bytes"], None]  # a generated file's docs-relative path and content


def render_site(knowledge: Knowledge, results: dict[tuple[str, str], RunResult], watch_window: int,
                memo: PageMemo | None = None, emit: Emit | None = None) -> tuple[dict[str, str | bytes], dict]:
    """Every generated file (docs-relative path -> content) and the home page's variables.

    With a ``memo`` from the previous call, unchanged session pages are not rendered again.
    ``emit`` is given each file as soon as it is made (a build writes it meanwhile: see write.py).
    """
    files: dict[str, str | bytes] = {}
    with cycle_collector_paused():  # page texts and records form no cycles (see model.py)
        home = _render_site(knowledge, results, watch_window, memo, _keeping(files, emit))
    return dict(sorted(files.items())), home


def _keeping(files: dict[str, str | bytes], emit: Emit | None) -> Emit:
    if emit is None:
        return files.__setitem__

    def put(path: str, content: str | bytes) -> None:
        files[path] = content
        emit(path, content)
    return put


def _render_site(knowledge: Knowledge, results: dict[tuple[str, str], RunResult],
                 watch_window: int, memo: PageMemo | None, put: Emit) -> dict:
    """Each file to ``put``, the biggest first (``kb.json``: its writing overlaps the most rendering)."""
    ctx = make_context(knowledge, results)
    put(page("kb.json"), render_kb_json(knowledge, results))
    put(page("timeline.md"), render_timeline(ctx))
    put(page("glossary.md"), render_glossary(ctx))
    put(page("watchlist.md"), render_watchlist(ctx, watch_window))
    put(page("recall.md"), render_recall(ctx))
    put(page("experiments", "index.md"), render_experiment_index(ctx))
    put(CHART, study_time_svg(minutes_per_week(knowledge.sessions)))
    if memo is None:
        for session in knowledge.sessions:
            put(session_page(session), render_session(session, ctx))
    else:
        concepts = concepts_key(ctx)
        for session in knowledge.sessions:
            put(session_page(session), memo.session_page(session, ctx, concepts))
        memo.keep_only(s.id for s in knowledge.sessions)
    illustrated = _illustrations(knowledge, results)
    for concept in knowledge.concepts:
        put(concept_page(concept.slug), render_concept(concept, ctx, illustrated.get(concept.name, [])))
    for experiment_id in EXPERIMENTS:
        put(page("experiments", f"{experiment_id}.md"), render_experiment(experiment_id, ctx))
    for log in knowledge.logs:
        put(source_page(log.path), render_source(log))
    return home_variables(ctx)


def _illustrations(knowledge: Knowledge, results) -> dict[str, list[RunResult]]:
    """Concept name -> the runs of experiments that illustrate it."""
    out: dict[str, list[RunResult]] = {}
    for key in sorted({(r.experiment, r.run_id) for r in knowledge.experiment_refs}):
        for name in EXPERIMENTS[key[0]].concepts:
            out.setdefault(name, []).append(results[key])
    return out
