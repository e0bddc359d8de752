"""The site works under a sub-path, as GitHub project pages serve it (``/<repo>/``).

The seed log's site is served at ``/studykb/`` only; everything else is a 404. A crawler
follows every same-host link from the home page (and from ``404.html``, which GitHub Pages
shows for any missing URL) and fetches every page, image, stylesheet, script and CSS ``url()``.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.slow

# (tag, attribute) pairs whose URLs a browser fetches or a reader follows.
URL_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                  ("source", "src"), ("iframe", "src"), ("object", "data"), ("video", "src"),
                  ("audio", "src"), ("form", "action")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (tag, name) in URL_ATTRIBUTES:
                self.urls.append(value)
            if value and name == "srcset":
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())


def links_in_html(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.urls


@dataclass
class Crawl:
    pages: set[str] = field(default_factory=set)
    fetched: set[str] = field(default_factory=set)
    broken: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (problem, first page linking it)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def crawl(starts: list[str], host: str) -> Crawl:
    """Fetch everything reachable from ``starts`` on ``host``; other hosts are not followed."""
    found = Crawl()
    queue = [(url, "(start)") for url in starts]
    while queue:
        url, referrer = queue.pop()
        url = urldefrag(url).url
        if url in found.fetched or urlsplit(url).netloc != host:
            continue
        found.fetched.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            found.broken.setdefault(url, (f"HTTP {status}", referrer))
            continue
        for link in _links(kind, body, url):
            if link not in found.fetched:
                queue.append((link, url))
        if kind == "text/html":
            found.pages.add(url)
    return found


def _links(kind: str, body: bytes, base: str) -> list[str]:
    if kind == "text/html":
        raw = links_in_html(body.decode("utf-8", errors="replace"))
    elif kind == "text/css":
        raw = CSS_URL.findall(body.decode("utf-8", errors="replace"))
    else:
        return []
    return [urljoin(base, link) for link in raw
            if urlsplit(urljoin(base, link)).scheme in ("http", "https")]


def test_every_link_image_stylesheet_and_script_resolves_under_the_sub_path(served_seed_site):
    server = served_seed_site
    host = urlsplit(server.origin).netloc
    found = crawl([server.url(), server.url("404.html")], host)  # GitHub Pages shows 404.html for any missing URL
    report = "\n".join(f"  {problem}: {url}  (linked from {referrer})"
                       for url, (problem, referrer) in sorted(found.broken.items()))
    assert not found.broken, f"{len(found.broken)} broken links under {server.prefix}:\n{report}"
    assert len(found.pages) > 20, sorted(found.pages)


def test_the_crawl_reaches_every_page_of_the_site(served_seed_site):
    """Sessions and concepts are out of the navigation, so some page must link each of them."""
    server = served_seed_site
    found = crawl([server.url()], urlsplit(server.origin).netloc)
    built = {server.url(str(path.relative_to(server.site_dir).parent) + "/").replace("/./", "/")
             for path in server.site_dir.rglob("index.html")}
    assert sorted(built - found.pages) == []


def test_the_404_page_and_canonical_links_use_the_published_address(served_seed_site):
    server = served_seed_site
    status, _, body = fetch(server.url("no-such-page/"))
    html = body.decode()
    assert status == 404 and "404" in html
    assert f'href="{server.prefix}assets/stylesheets/' in html, "the 404 page must load its styles from the sub-path"
    home = fetch(server.url())[2].decode()
    assert f'<link rel="canonical" href="{server.base_url}"' in home


def test_the_test_server_serves_nothing_outside_the_sub_path(served_seed_site):
    """Without this, a link that forgot the prefix could still resolve and pass the crawl."""
    server = served_seed_site
    assert fetch(server.url("index.html"))[0] == 200
    assert fetch(server.origin + "/index.html")[0] == 404
    assert fetch(server.origin + "/assets/study-time.svg")[0] == 404


def test_the_search_bundle_and_every_search_result_resolve_under_the_sub_path(served_seed_site):
    """The search script loads Pagefind's bundle from ``<site root>/pagefind/`` and gives
    each result the site root's path as prefix: the bundle and every indexed page must be
    there, under the sub-path."""
    from studykb.search import read_index

    server = served_seed_site
    for name in ("pagefind.js", "pagefind-entry.json"):
        assert fetch(server.url(f"pagefind/{name}"))[0] == 200, name
    pages = read_index(server.site_dir)
    assert len(pages) > 20
    for page in pages:
        status, kind, _ = fetch(server.url(page.url.lstrip("/")))
        assert (status, kind) == (200, "text/html"), page.url
