"""Render: the knowledge model to Markdown pages and assets, handed to a caller's ``put`` as they are
made (``emit_site``) or returned sorted by path (``render_site``)."""
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
Both = Callable[[Callable[[], None], Callable[[], None]], None]  # runs two tasks, maybe at once

# From this many sessions the pages are rendered by two processes when the build can
# (``TreeStream.both``). Measured on 2 cores, rendering (wall) and the CPU time it adds:
# 1,000 sessions 0.34-0.39 s -> 0.27-0.31 s for 0.05 s more, not worth it; 3,000 sessions
# 1.33-1.47 s -> 0.86-1.00 s for 0.1 s more; 10,000 sessions 3.3-4.5 s -> 2.7-3.5 s.
TWO_PROCESSES_FROM = 2_000


def in_turn(first: Callable[[], None], second: Callable[[], None]) -> None:
    first(), second()


def render_site(knowledge: Knowledge, results: dict[tuple[str, str], RunResult], watch_window: int,
                memo: PageMemo | None = None) -> tuple[dict[str, str | bytes], dict]:
    """Every generated file (docs-relative path -> content) and the home page's variables.

    With a ``memo`` from the previous call, unchanged session pages are not rendered again.
    """
    files: dict[str, str | bytes] = {}
    home = emit_site(knowledge, results, watch_window, files.__setitem__, memo)
    return dict(sorted(files.items())), home


def emit_site(knowledge: Knowledge, results: dict[tuple[str, str], RunResult], watch_window: int,
              put: Emit, memo: PageMemo | None = None, both: Both = in_turn) -> dict:
    """Each generated file to ``put`` as soon as it is made (a build writes it meanwhile:
    see write.py); the home page's variables. Two parts of the site that need nothing of
    each other go to ``both``, which may render them at once in two processes: the files
    of one of them may then never pass through this process."""
    if len(knowledge.sessions) < TWO_PROCESSES_FROM:
        both = in_turn
    with cycle_collector_paused():  # page texts and records form no cycles (see model.py)
        return _render_site(knowledge, results, watch_window, memo, put, both)


def _render_site(knowledge: Knowledge, results: dict[tuple[str, str], RunResult],
                 watch_window: int, memo: PageMemo | None, put: Emit, both: Both) -> dict:
    """Each file to ``put``, in two parts that take about as long at every size measured:
    the session pages (with the memo of them, which must outlive a forked process), and
    everything else."""
    ctx = make_context(knowledge, results)

    def the_rest() -> None:
        put(page("kb.json"), render_kb_json(knowledge, results))
        put(page("timeline.md"), render_timeline(ctx))
        put(page("glossary.md"), render_glossary(ctx))
        put(page("watchlist.md"), render_watchlist(ctx, watch_window))
        put(page("recall.md"), render_recall(ctx))
        put(page("experiments", "index.md"), render_experiment_index(ctx))
        put(CHART, study_time_svg(minutes_per_week(knowledge.sessions)))
        illustrated = _illustrations(knowledge, results)
        for concept in knowledge.concepts:
            put(concept_page(concept.slug), render_concept(concept, ctx, illustrated.get(concept.name, [])))
        for experiment_id in EXPERIMENTS:
            put(page("experiments", f"{experiment_id}.md"), render_experiment(experiment_id, ctx))
        for log in knowledge.logs:
            put(source_page(log.path), render_source(log))

    def session_pages() -> None:
        if memo is None:
            for session in knowledge.sessions:
                put(session_page(session), render_session(session, ctx))
            return
        concepts = concepts_key(ctx)
        for session in knowledge.sessions:
            put(session_page(session), memo.session_page(session, ctx, concepts))
        memo.keep_only(s.id for s in knowledge.sessions)

    both(the_rest, session_pages)
    return home_variables(ctx)


def _illustrations(knowledge: Knowledge, results) -> dict[str, list[RunResult]]:
    """Concept name -> the runs of experiments that illustrate it."""
    out: dict[str, list[RunResult]] = {}
    for key in sorted({(r.experiment, r.run_id) for r in knowledge.experiment_refs}):
        for name in EXPERIMENTS[key[0]].concepts:
            out.setdefault(name, []).append(results[key])
    return out
