"""The hostile fixture's site (tests/fixtures/hostile/) in a real browser: every kind of
page, every link and the search box, with payloads in every place a log can hold text.

A page is inert when, in the live DOM after the theme's JavaScript ran: no element has an
``on*`` attribute (Material's templates put none there), no URL attribute has a
``javascript:``, ``vbscript:`` or ``data:`` scheme, every <script> is one a plain page has
too (the theme's and the site's own), there is no <iframe>, <object>, <embed>, <base>,
<style> or refresh, and nothing is set to load from another host. The tab
(tests/e2e/conftest.py) fails a test at teardown on any dialog, console error, uncaught
exception, failed request or request to another host.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from tests.test_hostile_site import BAD_SCHEMES, FORBIDDEN_ELEMENTS, LOADING_ELEMENTS, URL_ATTRIBUTES, script_key

pytestmark = pytest.mark.e2e

PLAIN_PAGE = "performance/"  # hand-written, no log text: the scripts every page has
MISSING_PAGE = "no-such/page/"
SESSION = "sessions/2026-03-01-1000/"  # the hostile log's first session: a payload in every place
SAFE_SCHEMES = ("http", "https", "mailto")
IMG = "<img src=x onerror=alert(1)>"

AUDIT = """([urlAttributes, badSchemes, forbidden, loading]) => {
    const problems = [];
    const snippet = (el) => el.outerHTML.slice(0, 200);
    const scheme = (value) => value.replace(/[\\u0000-\\u0020\\u007f]+/g, "").toLowerCase();
    for (const el of document.querySelectorAll("*")) {
        const tag = el.localName;
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            if (name.startsWith("on")) problems.push(`event handler ${name}: ${snippet(el)}`);
            if (!urlAttributes.includes(name) || !attr.value) continue;
            if (badSchemes.some((s) => scheme(attr.value).startsWith(s)))
                problems.push(`${name} with a ${scheme(attr.value).split(":")[0]}: URL: ${snippet(el)}`);
            if (loading.includes(tag)) {
                let url = null;
                try { url = new URL(attr.value.trim().split(/[\\s,]/)[0], document.baseURI); } catch (e) {}
                if (url && url.protocol.startsWith("http") && url.origin !== location.origin)
                    problems.push(`${name} on another host: ${snippet(el)}`);
            }
        }
        if (forbidden.includes(tag) || tag === "style") problems.push(`<${tag}> element: ${snippet(el)}`);
        if (tag === "meta" && el.hasAttribute("http-equiv")) problems.push(`<meta http-equiv>: ${snippet(el)}`);
    }
    const scripts = [...document.scripts].map((s) => [s.getAttribute("src"), s.textContent]);
    const links = [...document.querySelectorAll("a[href]")].map((a) => [a.getAttribute("href"), a.href]);
    const heading = document.querySelector(".md-content h1");
    return {problems, scripts, links, heading: heading ? heading.innerText : null};
}"""


@dataclass
class Audit:
    """What one look at a page found, and the links it holds."""
    where: str
    problems: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (as written, resolved)
    heading: str | None = None


def audit(tab, where: str, allowed_scripts: set[str]) -> Audit:
    found = tab.page.evaluate(AUDIT, [sorted(URL_ATTRIBUTES), list(BAD_SCHEMES), sorted(FORBIDDEN_ELEMENTS),
                                      sorted(LOADING_ELEMENTS)])
    result = Audit(where, [f"{where}: {p}" for p in found["problems"]], [tuple(l) for l in found["links"]],
                   found["heading"])
    for src, text in found["scripts"]:
        if script_key(src, text, tab.site.base_url) not in allowed_scripts or "alert" in text:
            result.problems.append(f"{where}: a script no plain page has: src={src!r} {text[:160]!r}")
    return result


def open_page(tab, path: str) -> None:
    """Go to ``path`` once the page before has finished loading (leaving it earlier would
    abort, and so fail, what it still fetched), and wait until this one has."""
    tab.settle()
    tab.goto(path, expect_status=404 if path == MISSING_PAGE else 200)
    tab.page.wait_for_load_state("networkidle")


def plain_page_scripts(tab) -> set[str]:
    open_page(tab, PLAIN_PAGE)
    scripts = tab.page.evaluate("() => [...document.scripts].map((s) => [s.getAttribute('src'), s.textContent])")
    keys = {script_key(src, text, tab.site.base_url) for src, text in scripts}
    assert keys and not any("alert" in key for key in keys)
    return keys


def built_pages(site) -> list[str]:
    """Every page of the built site, as a path under the site's address."""
    pages = sorted(p.parent.relative_to(site.site_dir).as_posix() for p in site.site_dir.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in pages]


def unsafe_href(raw: str) -> bool:
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", re.sub(r"[\x00-\x20\x7f]+", "", raw))
    return bool(scheme) and scheme[1].lower() not in SAFE_SCHEMES


def test_the_hostile_site_has_every_kind_of_page(served_hostile_site):
    """The pages the next tests open: every kind the site has, built from the hostile log."""
    pages = built_pages(served_hostile_site)
    assert {"", "timeline/", "glossary/", "watchlist/", "recall/", "experiments/", PLAIN_PAGE} <= set(pages)
    count = lambda pattern: sum(1 for p in pages if re.fullmatch(pattern, p))  # noqa: E731
    assert count(r"sessions/[^/]+/") == 5 and count(r"sources/[^/]+/") == 2, pages
    assert count(r"experiments/[^/]+/") >= 5 and count(r"concepts/[^/]+/") >= 4, pages


def test_the_audit_and_the_tab_see_each_kind_of_injection(hostile_tab):
    """Without this, an audit that found nothing, or a tab deaf to dialogs, would pass
    every page."""
    allowed = plain_page_scripts(hostile_tab)
    hostile_tab.page.evaluate("() => { setTimeout(() => alert('studykb-test dialog'), 0); }")
    hostile_tab.page.wait_for_timeout(300)
    assert f"dialog: alert 'studykb-test dialog' on {hostile_tab.site.url(PLAIN_PAGE)}" in hostile_tab.problems()
    hostile_tab.forget_problems()  # provoked on purpose
    hostile_tab.page.evaluate("""() => {
        const add = (tag, attrs) => { const el = document.createElement(tag);
            Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v)); document.body.append(el); };
        add("div", {onmouseover: "void 0"});
        add("a", {href: " JaVaScRiPt:void 0"});
        add("track", {src: "https://tracker.example/t.vtt"});
        add("iframe", {});
        add("style", {});
        add("script", {type: "text/plain"});
    }""")
    found = "\n".join(audit(hostile_tab, "here", allowed).problems)
    for problem in ("event handler onmouseover", "href with a javascript: URL", "src on another host",
                    "<iframe> element", "<style> element", "a script no plain page has"):
        assert f"here: {problem}" in found, found


def test_every_page_is_inert(hostile_tab):
    """Home, timeline, every session, concept and source page, glossary, watchlist, recall,
    the experiments and each experiment, and the 404 page: no handler, no script URL, no
    foreign script, frame or style, nothing from another host, and no dialog."""
    allowed = plain_page_scripts(hostile_tab)
    problems = []
    for path in built_pages(hostile_tab.site) + [MISSING_PAGE]:
        open_page(hostile_tab, path)
        problems += audit(hostile_tab, f"/{path}", allowed).problems
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_every_href_is_safe_and_every_link_on_the_site_leads_to_an_inert_page(hostile_tab):
    """Every href on every page has a safe scheme (http, https, mailto, or none); every
    same-site link leads to a page or file that is there; and one link to each page is
    clicked, so Material's instant navigation swaps that page in, which must be as inert as
    the page loaded whole."""
    tab = hostile_tab
    allowed = plain_page_scripts(tab)
    problems, headings, linked_from = [], {}, {}
    for path in built_pages(tab.site):
        open_page(tab, path)
        seen = audit(tab, f"/{path}", allowed)
        problems += seen.problems + [f"/{path}: an href with an unsafe scheme: {raw!r}"
                                     for raw, _ in seen.links if unsafe_href(raw)]
        headings[tab.site.url(path)] = seen.heading
        for _, resolved in seen.links:
            target = resolved.split("#")[0].split("?")[0]
            if target.startswith(tab.site.base_url) and target != tab.site.url(path):
                linked_from.setdefault(target, path)
    for target in sorted(set(linked_from) - set(headings)):  # a file (figure, kb.json), not a page
        status = tab.page.request.get(target).status
        assert status == 200, f"{target}, linked from /{linked_from[target]}: HTTP {status}"
    for target, source in sorted(linked_from.items()):
        if target in headings:
            click_through(tab, source, target, headings[target])
            problems += audit(tab, f"{target} (clicked on /{source})", allowed).problems
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def click_through(tab, source: str, target: str, heading: str | None) -> None:
    """Open ``source`` and click its first link to ``target``; wait for that page's heading."""
    open_page(tab, source)
    tab.page.evaluate("""(target) => [...document.querySelectorAll("a[href]")]
        .find((a) => a.href.split("#")[0].split("?")[0] === target).click()""", target)
    tab.page.wait_for_url(re.compile(re.escape(target) + r"([?#].*)?$"))
    tab.page.wait_for_function("(h) => (document.querySelector('.md-content h1') || {}).innerText === h",
                               arg=heading)


SEARCHES = [
    # what is typed; a page among the results, where the text is one the index can match
    (IMG, None),
    ("<script>alert(1)</script>", None),
    ('"><svg onload=alert(1)>', None),
    ("</title><script>alert(1)</script>", None),
    ("javascript:alert(1)", None),
    ("{{ 7*7 }}", None),
    ("onerror", None),
    ("onmouseover", None),
    ("alert", None),
    ("epoch", "concepts/epoch/"),
    ("learning rate", "concepts/learning-rate/"),
    ("payload", SESSION),
]


def search(tab, query: str) -> list[str]:
    """Type ``query`` in the search box; the addresses of the results, top first."""
    tab.page.click(".md-search__input")
    tab.page.keyboard.type(query)
    tab.page.wait_for_function("q => document.querySelector('[data-studykb-search]')"
                               ".getAttribute('data-studykb-searched') === q", arg=query)
    return tab.page.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                         "links => links.map((a) => a.href)")


@pytest.mark.parametrize("query, expected", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_shows_hostile_text_inertly_and_opens_its_results(hostile_tab, query, expected):
    """Type in the search box: the results, which quote the matching text, are inert; the
    first result (or the expected page) opens, and is inert too."""
    tab = hostile_tab
    allowed = plain_page_scripts(tab)
    open_page(tab, "")
    found = search(tab, query)
    problems = audit(tab, f"search results for {query!r}", allowed).problems
    if expected:
        assert any(href.startswith(tab.site.url(expected)) for href in found), f"{query!r} leads to {found}"
    chosen = next((href for href in found if not expected or href.startswith(tab.site.url(expected))), None)
    if chosen:
        tab.page.eval_on_selector_all(".md-search-result__link", "(links, href) => links.find((a) => a.href === href)"
                                      ".click()", chosen)
        tab.page.wait_for_url(re.compile(re.escape(chosen.split("#")[0])))
        tab.page.wait_for_load_state("networkidle")
        problems += audit(tab, f"{chosen} opened from the search for {query!r}", allowed).problems
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
