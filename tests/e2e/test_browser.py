"""What only a browser can show: figures that load, search, the colour toggle, a clean console.

Every test runs in a fresh tab (tests/e2e/conftest.py) that fails at teardown on a console
error, an uncaught exception, a failed request or any request to another host.
"""
from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.screenshots import README_PAGES, load_images, take_screenshots

pytestmark = pytest.mark.e2e

SEED_SESSION = "sessions/2026-02-18-1503/"


def unloaded(images: list[dict]) -> list[str]:
    return [image["src"] for image in images if image["width"] == 0]


def test_home_page_renders_with_its_figures_loaded(tab):
    tab.goto("")
    assert tab.page.locator(".md-content h1").inner_text().startswith("Study dashboard")
    images = load_images(tab.page, open_boxes=True)
    assert any("study-time.svg" in image["src"] for image in images), images
    assert any("/assets/runs/" in image["src"] for image in images), images
    assert unloaded(images) == []


def test_session_page_shows_its_experiment_figures(tab):
    tab.goto(SEED_SESSION)
    images = load_images(tab.page, open_boxes=True)
    runs = [image for image in images if "/assets/runs/" in image["src"]]
    assert any("ch01-lr-sweep" in image["src"] for image in runs), images
    assert unloaded(images) == []


@pytest.mark.parametrize("query, title, target, open_with", [
    ("epoch", "epoch", r"/(concepts/epoch/|glossary/[^#]*#epoch$)", "click"),
    ("LR", "learning rate", r"/(concepts/learning-rate/|glossary/[^#]*#learning-rate$)", "slash"),
], ids=["epoch", "LR"])
def test_search_finds_a_term_and_opens_its_page(tab, query, title, target, open_with):
    """Type in Material's search box (clicked, or opened with "/"); the term's concept page
    or glossary entry is among the top 3 results, and clicking it opens that page."""
    from playwright.sync_api import expect

    page = tab.page
    tab.goto("")
    if open_with == "click":
        page.click(".md-search__input")
    else:
        page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    top_items = page.locator(".md-search-result__item").all()[:3]
    links = [link for item in top_items for link in item.locator("a.md-search-result__link").all()
             if link.is_visible() and re.search(target, link.get_attribute("href"))]
    assert links, f"no result for {query!r} in the top 3 leads to {target}: " + " | ".join(
        item.locator("a").first.get_attribute("href") for item in top_items)
    links[0].click()
    page.wait_for_url(re.compile(target))
    if "/concepts/" in page.url:
        expect(page.locator(".md-content h1")).to_contain_text(title)
    else:
        expect(page.locator(f"[id='{page.url.rsplit('#', 1)[1]}']")).to_be_in_viewport()


def test_light_dark_toggle_switches_and_remembers_the_scheme(tab):
    tab.goto("")
    page = tab.page
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    background = lambda: page.evaluate("getComputedStyle(document.body).backgroundColor")  # noqa: E731
    light = background()
    assert scheme() == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert background() != light
    page.screenshot(path=str(ARTIFACTS / "dark-home.png"), animations="disabled")
    page.reload()
    assert scheme() == "slate", "the chosen scheme should survive a reload"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert background() == light


PAGES = ["", "timeline/", "glossary/", "watchlist/", "recall/", "experiments/", "experiments/ch01-lr-sweep/",
         SEED_SESSION, "concepts/epoch/", "concepts/learning-rate/", "sources/dlfs2/", "kb-json/"]


def test_every_kind_of_page_loads_cleanly_and_stays_on_this_host(tab):
    """No console error, no uncaught exception, no failed request and no font/CDN/analytics
    request on any kind of page (checked at teardown, for every request the tab made).
    The pages load side by side in one context; a full-page screenshot of each is kept."""
    (ARTIFACTS / "pages").mkdir(parents=True, exist_ok=True)
    opened = [(path, tab.open(path)) for path in PAGES]
    for path, page in opened:
        page.bring_to_front()  # a background tab does not load its lazy images
        page.wait_for_load_state("networkidle")
        assert page.locator(".md-content h1").count() == 1, path
        assert unloaded(load_images(page, open_boxes=True)) == [], path
        name = path.strip("/").replace("/", "__") or "home"
        page.screenshot(path=str(ARTIFACTS / "pages" / f"{name}.png"), full_page=True, animations="disabled")


def test_missing_page_shows_the_404_page_with_its_styles(tab):
    """GitHub Pages answers a missing URL with 404.html: it must find its CSS from any depth."""
    tab.goto("no-such/page/", expect_status=404)
    tab.page.wait_for_load_state("networkidle")
    assert "404" in tab.page.locator(".md-content h1").inner_text()
    header = tab.page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent"), "the 404 page has no stylesheet"


NAVIGATION = [("Timeline", "timeline/", "Timeline"), ("Glossary", "glossary/", "Glossary"),
              ("Watchlist", "watchlist/", "Watchlist"), ("Recall", "recall/", "Recall cards"),
              ("Experiments", "experiments/", "Experiments"), ("Home", "", "Study dashboard")]


def test_navigation_opens_each_section(tab):
    """Material's instant navigation swaps pages in place; each section still arrives whole."""
    from playwright.sync_api import expect

    tab.goto("")
    for link, path, heading in NAVIGATION:
        tab.page.locator(".md-sidebar--primary .md-nav__link", has_text=link).first.click()
        expect(tab.page).to_have_url(tab.site.url(path))
        expect(tab.page.locator(".md-content h1")).to_contain_text(heading)


def test_readme_screenshots_render(tab):
    written = take_screenshots(tab.page, tab.site, ARTIFACTS / "readme")
    assert sorted(p.stem for p in written) == sorted(README_PAGES)
    assert all(p.stat().st_size > 10_000 for p in written)


def test_the_tab_records_what_would_fail_a_test(tab):
    """Without this, a recorder that heard nothing would let every page pass."""
    tab.goto("")
    tab.page.evaluate("""() => {
        console.error("studykb-test console error");
        setTimeout(() => { throw new Error("studykb-test uncaught"); }, 0);
        fetch("https://third-party.invalid/pixel.png").catch(() => null);
    }""")
    tab.page.wait_for_timeout(300)
    problems = "\n".join(tab.problems())
    assert "request to another host: https://third-party.invalid/pixel.png" in problems
    assert "console error: studykb-test console error" in problems
    assert "uncaught exception: " in problems and "studykb-test uncaught" in problems
    tab.forget_problems()  # they were provoked on purpose


def test_the_tab_waits_for_requests_still_loading(tab):
    """A page is judged on requests that finished: one still loading when a test ends is
    waited for, not cut short by the closing tab; one that never ends is a problem."""
    held = []
    tab.context.route("**/held.txt", lambda route: held.append(route))  # answered when the test says so
    tab.goto("")
    tab.page.evaluate("() => { fetch('held.txt'); }")
    tab.page.wait_for_timeout(200)
    assert held, "the request never reached the route"
    tab.settle(timeout_ms=300)
    assert tab.problems() == [f"still loading: {tab.site.url('held.txt')}"]
    held[0].fulfill(status=200, body="late but whole")
    tab.settle()
    assert tab.problems() == []
