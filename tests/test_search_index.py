"""The site search's index (Pagefind, scripts/studykb/search.py) and the theme override that
marks what it indexes (overrides/). What a reader sees when searching is tested in a real
browser (tests/e2e/test_search.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from studykb.search import BUNDLE, index_site, read_index
from tests.conftest import ROOT


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_the_header_override_is_materials_header_with_the_search_box_always_shown():
    """overrides/partials/header.html is a copy: after a Material upgrade this says whether
    the copy still matches the header it replaces, apart from its search block."""
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text("utf-8")
    theirs = (material_templates() / "partials" / "header.html").read_text("utf-8")
    search_block = re.compile(r'    \{% if "material/search" in config\.plugins %\}\n.*?'
                              r'\{% endif %\}\n    \{% endif %\}\n', re.S)
    assert search_block.search(theirs), "Material's header no longer shows its search box this way"
    ours_body = ours.split("-#}\n", 1)[1]
    theirs_body = theirs.split("-#}\n", 1)[1]
    shown_always = ours_body[ours_body.index("    {#- studykb:"):ours_body.index('{% include "partials/search.html" %}\n')]
    expected = search_block.sub(lambda _: shown_always + '{% include "partials/search.html" %}\n', theirs_body)
    assert ours_body == expected


def test_materials_page_still_has_the_container_and_article_the_override_replaces():
    base = (material_templates() / "base.html").read_text("utf-8")
    assert "{% block container %}" in base and '<article class="md-content__inner md-typeset">' in base
    assert '{% include "partials/content.html" %}' in base


def test_only_page_bodies_are_indexed_and_pages_that_repeat_others_are_not(built_fixture_site):
    site = built_fixture_site / "site"
    urls = {page.url for page in read_index(site)}
    assert {"/glossary/", "/concepts/epoch/", "/timeline/", "/sessions/2026-02-18-1503/"} <= urls
    assert "/" not in urls  # the dashboard shows what the other pages say
    assert not [url for url in urls if url.startswith("/sources/")]  # the logs, line by line
    assert "/404.html" not in urls and "/404/" not in urls
    epoch = next(page for page in read_index(site) if page.url == "/concepts/epoch/")
    assert epoch.title == "epoch"
    for chrome in ("Skip to content", "Made with", "Switch to dark mode"):  # header, footer, navigation
        assert chrome not in epoch.content


def test_snippet_text_has_no_table_cells_captions_or_facts(built_fixture_site):
    for page in read_index(built_fixture_site / "site"):
        for not_prose in ("±", "Mean and standard deviation over", "UTC+09:00", "¶"):
            assert not_prose not in page.content, (page.url, not_prose)


def test_boosted_pages_carry_their_boost_for_the_search_script(built_fixture_site):
    site = built_fixture_site / "site"
    article = re.compile(r"<article [^>]*>")
    assert 'data-pagefind-filter="boost:3.0"' in article.search((site / "concepts/epoch/index.html").read_text())[0]
    assert 'data-pagefind-filter="boost:2.0"' in article.search((site / "glossary/index.html").read_text())[0]
    session = article.search((site / "sessions/2026-02-18-1503/index.html").read_text())[0]
    assert "data-pagefind-body" in session and "boost" not in session


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    site = tmp_path / "site"
    for name, words in (("a", "alpha words"), ("b", "beta words")):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(
            f'<html lang="en"><body><nav>menu</nav><article data-pagefind-body><h1>{name}</h1>'
            f"<p>{words}</p><table><tr><td>cell</td></tr></table></article></body></html>", "utf-8")
    return site


def test_indexing_again_replaces_the_bundle_whole(tiny_site):
    first = index_site(tiny_site)
    assert first.pages == 2 and first.bundle == tiny_site / BUNDLE
    (tiny_site / "b" / "index.html").unlink()
    assert index_site(tiny_site).pages == 1
    assert [page.url for page in read_index(tiny_site)] == ["/a/"]  # no fragment of the old bundle is left
    assert sorted(p.name for p in tiny_site.iterdir()) == ["a", "b", BUNDLE]  # no half-written bundle beside it
    assert read_index(tiny_site)[0].content == "a. alpha words."  # not the nav, not the table


def test_under_serve_the_index_follows_in_the_background_and_says_when_it_is_behind(tiny_site):
    """`make serve`: each rebuild asks for an index and goes on; requests made while one is
    written are answered by one more run; the state file says when the index is behind."""
    import json

    from studykb.search import STATE, IndexInBackground

    reports = []
    indexer = IndexInBackground(report=lambda index, error: reports.append((index, error)))
    assert indexer.request(tiny_site) == 1
    state = json.loads((tiny_site / BUNDLE / STATE).read_text())
    assert state["built"] == 1  # written before the index, which may still be running
    (tiny_site / "b" / "index.html").unlink()
    assert indexer.request(tiny_site) == 2
    indexer.wait(timeout=60)
    assert json.loads((tiny_site / BUNDLE / STATE).read_text()) == {"built": 2, "indexed": 2}
    assert [page.url for page in read_index(tiny_site)] == ["/a/"]  # the entry lists the pages of now
    assert all(error is None for _, error in reports) and 1 <= len(reports) <= 2
