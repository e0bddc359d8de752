"""A session page links its neighbours, the timeline and its place in the source log."""
from __future__ import annotations

from studykb.config import Config
from studykb.pipeline import load
from studykb.render.common import page, session_anchor, session_page, source_page
from studykb.render.context import make_context, neighbours
from studykb.render.urls import href
from studykb.render.session import render_session
from studykb.results import load_run_results
from tests.conftest import fixture_logs, make_project


def test_a_session_page_links_its_neighbours_timeline_and_source_by_their_href(tmp_path):
    root = make_project(tmp_path, fixture_logs(), with_results=True)
    knowledge = load(Config(root=root)).knowledge
    results, _ = load_run_results(knowledge, root)
    ctx = make_context(knowledge, results)
    for session in knowledge.sessions:
        here = session_page(session)
        shown = render_session(session, ctx)
        before, after = neighbours(ctx, session)
        in_its_log = f"{source_page(knowledge.log_slugs[session.source.path])}#{session_anchor(session)}"
        targets = [page("timeline.md"), in_its_log]
        targets += [session_page(s) for s in (before, after) if s is not None]
        for target in targets:
            assert f'href="{href(here, target)}"' in shown
