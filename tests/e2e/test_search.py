"""The site search in a real browser: Pagefind behind Material's search box.

The site here is the seed log plus a Korean log (tests/fixtures/search/korean.md), built
once and served under ``/studykb/`` as the seed site is. Every tab fails at teardown on a
console error, a failed request or a request to another host (tests/e2e/conftest.py).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import SEED, _env, make_project

pytestmark = pytest.mark.e2e

KOREAN_LOG = Path(__file__).resolve().parent.parent / "fixtures" / "search" / "korean.md"
KOREAN_SESSION = "sessions/2026-03-02-2000/"
SEED_SESSION = "sessions/2026-02-18-1503/"


@pytest.fixture(scope="module")
def served_seed_site(tmp_path_factory):
    """Overrides the seed site for this module's ``tab``s: the seed log and a Korean log."""
    from tests.e2e.server import SubPathServer

    logs = {SEED.name: SEED.read_bytes(), KOREAN_LOG.name: KOREAN_LOG.read_bytes()}
    project = make_project(tmp_path_factory.mktemp("search-site"), logs, with_results=True)
    with SubPathServer(project / "site") as server:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                                capture_output=True, text=True, env={**_env(), "SITE_URL": server.base_url})
        assert result.returncode == 0, result.stderr[-3000:]
        yield server


def search(tab, query: str, open_with: str = "slash") -> list[dict]:
    """Open the search box, type ``query`` and return the results shown, top first:
    each result's link, title and snippet, and its sections' links."""
    page = tab.page
    if open_with == "click":
        page.click(".md-search__input")
    else:
        page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('[data-studykb-search]')"
                           ".getAttribute('data-studykb-searched') === q", arg=query)
    return page.eval_on_selector_all(".md-search-result__item", """items => items.map(item => {
        const [first, ...sections] = item.querySelectorAll("a.md-search-result__link");
        return {href: first.getAttribute("href"), title: first.querySelector("h1").textContent,
                snippet: first.querySelector("p").textContent,
                marked: [...first.querySelectorAll("p mark")].map(mark => mark.textContent),
                sections: sections.map(section => section.getAttribute("href"))};
    })""")


def paths(results: list[dict], tab) -> list[str]:
    """Result links as site paths: ``/studykb/concepts/epoch/`` -> ``concepts/epoch/``."""
    prefix = tab.site.prefix
    return [result["href"].removeprefix(prefix) for result in results]


def test_a_korean_term_is_found_followed_by_a_particle(tab):
    """``학습률`` (learning rate) finds the Korean session, where the log only says ``학습률은``
    (the term and its topic particle, written as one word)."""
    tab.goto("")
    results = search(tab, "학습률")
    found = paths(results, tab)
    assert KOREAN_SESSION in found, found
    session = results[found.index(KOREAN_SESSION)]
    assert "학습률은" in session["marked"], session
    tab.page.locator(f"a.md-search-result__link[href='{session['href']}']").click()
    tab.page.wait_for_url(re.compile(re.escape(KOREAN_SESSION) + "$"))
    # Instant navigation changes the address before it swaps the content in: wait for the text.
    expect(tab.page.locator(".md-content")).to_contain_text("학습률은 한 번의 업데이트")


def test_concept_and_glossary_pages_rank_above_sessions(tab):
    tab.goto(SEED_SESSION)
    found = paths(search(tab, "epoch"), tab)
    assert found[0] == "concepts/epoch/", found
    found_lr = paths(search_again(tab, "LR"), tab)
    assert found_lr.index("concepts/learning-rate/") < found_lr.index(SEED_SESSION), found_lr
    assert found_lr.index("glossary/") < 5, found_lr


def search_again(tab, query: str) -> list[dict]:
    tab.page.fill(".md-search__input", "")
    tab.page.keyboard.press("Escape")
    return search(tab, query)


def test_snippets_read_as_sentences(tab):
    """No table cells run together, no experiment caption, no session facts: the snippet
    of a session is what the learner wrote."""
    tab.goto("")
    results = search(tab, "batch")
    session = next(r for r in results if r["href"].endswith(SEED_SESSION))
    for not_prose in ("±", "Mean and standard deviation", "UTC+09:00", "¶"):
        assert all(not_prose not in r["snippet"] for r in results), (not_prose, [r["snippet"] for r in results])
    assert re.search(r"batch size is samples per update step", session["snippet"]) or \
        "batch" in " ".join(session["marked"]).lower(), session


def test_search_loads_nothing_until_used_then_only_from_this_site(tab):
    """A page that is only read fetches no search file; the first search fetches
    Pagefind's bundle from the site itself, under the sub-path."""
    tab.goto(SEED_SESSION)
    tab.page.wait_for_load_state("networkidle")
    assert not [url for url in tab.requests if "/pagefind/" in url]
    search(tab, "sweep")
    fetched = [url for url in tab.requests if "/pagefind/" in url]
    assert tab.site.url("pagefind/pagefind.js") in fetched
    assert all(url.startswith(tab.site.url("pagefind/")) for url in fetched), fetched
    assert tab.third_party_requests() == []


def test_keyboard_enter_opens_the_first_result_and_escape_closes(tab):
    from playwright.sync_api import expect

    tab.goto("")
    results = search(tab, "watchlist", open_with="click")
    assert results
    tab.page.keyboard.press("Escape")
    assert not tab.page.is_checked("#__search")
    tab.page.keyboard.press("/")
    assert tab.page.is_checked("#__search")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(tab.site.url("") + results[0]["href"].removeprefix(tab.site.prefix))
    expect(tab.page.locator("#__search")).not_to_be_checked()


def test_the_search_box_keeps_materials_header_look(tab):
    """The search box sits in Material's header, where Material's own would be."""
    tab.goto("")
    box = tab.page.locator(".md-header .md-search .md-search__input")
    assert box.is_visible()
    header = tab.page.locator(".md-header").bounding_box()
    field = box.bounding_box()
    assert header["y"] <= field["y"] and field["y"] + field["height"] <= header["y"] + header["height"]


def test_on_a_phone_the_header_button_opens_the_search_and_a_result_closes_it(tab):
    tab.page.set_viewport_size({"width": 390, "height": 800})
    tab.goto("concepts/epoch/")
    tab.page.click("label.md-header__button[for='__search']")
    tab.page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    tab.page.keyboard.type("sweep")
    tab.page.wait_for_function("document.querySelector('[data-studykb-search]')"
                               ".getAttribute('data-studykb-searched') === 'sweep'")
    first = tab.page.locator("a.md-search-result__link").first
    assert first.is_visible()
    target = first.get_attribute("href")
    first.click()
    tab.page.wait_for_url(tab.site.origin + target)
    assert not tab.page.is_checked("#__search")


def test_under_serve_results_say_when_the_index_is_behind_and_then_load_the_new_one(tab):
    """`make serve` rebuilds the index after the page reloads. The page (given the state
    file's address, as the hook gives it under serve) says the results may miss the last
    edit while the index is behind, and loads the new index once it is there."""
    state = {"built": 2, "indexed": 1}
    tab.context.route(re.compile(r".*/studykb-state\.json$"),
                      lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(state)))

    def as_served(route):
        html = route.fetch().text()
        route.fulfill(status=200, content_type="text/html",
                      body=html.replace("data-studykb-search ", 'data-studykb-search data-studykb-state="../pagefind/studykb-state.json" ', 1))

    tab.context.route(re.compile(r".*/timeline/$"), as_served)
    tab.goto("timeline/")
    search(tab, "epoch")
    assert "catching up with your last edit" in tab.page.inner_text(".md-search-result__meta")
    state["indexed"] = 2
    tab.page.fill(".md-search__input", "")
    search(tab, "sweep", open_with="click")
    assert "catching up" not in tab.page.inner_text(".md-search-result__meta")
    assert any(url.endswith("pagefind-entry.json?ts=2") for url in tab.requests), tab.requests
