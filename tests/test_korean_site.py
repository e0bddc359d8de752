"""A Korean learner's site, through one real ``mkdocs build --strict``: concepts named in
Korean have pages at readable addresses (``/concepts/은닉층/``), and every link to them
resolves, served under a sub-path as GitHub project pages serve it.

The logs are the Korean fixture of the parser tests (tests/fixtures/understanding/korean.md,
whose concepts all take their English starter names) and a chapter-5 log that defines
terms the starter vocabulary lacks (tests/fixtures/korean-site/chapter-5.md), given a
Korean file name in its decomposed form (NFD), as macOS HFS+ hands file names back.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

from tests.conftest import built_and_served, make_project, visible_text
from tests.test_subpath import crawl, fetch, links_in_html

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KOREAN_LOG = FIXTURES / "understanding" / "korean.md"
CHAPTER_5 = FIXTURES / "korean-site" / "chapter-5.md"
CHAPTER_5_NAME = "딥러닝 5장.md"
KOREAN_CONCEPTS = {"은닉층": "은닉층", "시간 펼침": "시간-펼침"}  # name -> the slug a reader sees
PAGES_THAT_LINK_CONCEPTS = ["", "timeline/", "glossary/", "watchlist/", "recall/", "sessions/2026-03-20-2000/"]


def logs(form: str = "NFD") -> dict[str, bytes]:
    return {KOREAN_LOG.name: KOREAN_LOG.read_bytes(),
            unicodedata.normalize(form, CHAPTER_5_NAME): CHAPTER_5.read_bytes()}


@pytest.fixture(scope="module")
def korean_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("korean-site"), logs(), with_results=True)
    with built_and_served(project) as server:
        yield server


def concept_links(html: str) -> set[str]:
    """The concept pages a page links, as readable paths: ``concepts/은닉층/``."""
    return {re.sub(r"^(\.\./)+", "", unquote(url)) for url in links_in_html(html) if "concepts/" in url}


def test_a_concept_named_in_korean_has_its_page_at_a_readable_address(korean_site):
    site = korean_site.site_dir
    for name in ("은닉층", "시간 펼침"):
        page = site / "concepts" / KOREAN_CONCEPTS[name] / "index.html"
        assert page.is_file(), sorted(p.name for p in (site / "concepts").iterdir())
        status, _, body = fetch(korean_site.url("concepts/" + quote(KOREAN_CONCEPTS[name]) + "/"))
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", body.decode("utf-8"), re.S)
        assert status == 200 and visible_text(heading[1]) == name, (status, heading)
    assert (site / "sources" / "딥러닝-5장" / "index.html").is_file()  # the NFD file name, read as NFC


def test_english_concepts_of_the_korean_log_keep_their_english_addresses(korean_site):
    built = {p.name for p in (korean_site.site_dir / "concepts").iterdir() if p.is_dir()}
    assert {"learning-rate", "batch-size", "epoch", "mini-batch", "exploding-gradient"} <= built


def test_every_page_that_lists_concepts_links_the_korean_ones(korean_site):
    site = korean_site.site_dir
    for path in PAGES_THAT_LINK_CONCEPTS:
        links = concept_links((site / path / "index.html").read_text(encoding="utf-8"))
        assert "concepts/은닉층/" in links, (path, sorted(links))


def test_every_link_resolves_and_every_page_is_reached(korean_site):
    """Followed from the home page and 404.html, as a reader's browser would (percent-encoded)."""
    found = crawl([korean_site.url(), korean_site.url("404.html")], urlsplit(korean_site.origin).netloc)
    assert not found.broken, sorted(found.broken.items())
    built = {korean_site.url(str(p.relative_to(korean_site.site_dir).parent) + "/").replace("/./", "/")
             for p in korean_site.site_dir.rglob("index.html")}
    assert sorted(built - {unquote(url) for url in found.pages}) == []


def test_glossary_and_recall_anchors_of_a_korean_concept_resolve(korean_site):
    site = korean_site.site_dir
    concept = (site / "concepts" / "은닉층" / "index.html").read_text(encoding="utf-8")
    for url in links_in_html(concept):
        path, _, anchor = unquote(url).partition("#")
        if path.endswith(("glossary/", "recall/")) and anchor:
            target = (site / "concepts" / "은닉층" / path / "index.html").resolve()
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (url, anchor)
    assert f'href="../../glossary/#{quote("은닉층")}"' in concept


def test_sitemap_and_canonical_links_give_valid_urls_that_resolve(korean_site):
    sitemap = (korean_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert korean_site.url("concepts/" + quote("은닉층") + "/") in locations
    assert all(url.isascii() for url in locations)
    assert [url for url in locations if fetch(url)[0] != 200] == []


def test_kb_json_gives_the_korean_slug(korean_site):
    kb = json.loads((korean_site.site_dir / "kb.json").read_text(encoding="utf-8"))
    slugs = {c["name"]: c["slug"] for c in kb["concepts"]}
    assert slugs["은닉층"] == "은닉층" and slugs["시간 펼침"] == "시간-펼침"
    assert {e["term"]: e["slug"] for e in kb["glossary"]}["은닉층"] == "은닉층"


def test_the_home_page_and_the_navigation_speak_korean(korean_site):
    """The hand-written home page takes its headings and counts from the site's words, and the
    navigation shows the shipped English titles of studykb's pages in Korean."""
    home = (korean_site.site_dir / "index.html").read_text(encoding="utf-8")
    article = home[home.index('<article'):home.index('</article>')]
    headings = [visible_text(h).rstrip("¶").strip() for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", article, re.S)]
    assert headings == ["학습 대시보드", "다음에 할 것", "학습 리듬", "아직 헷갈리는 개념", "마지막 세션", "주별 학습 시간"]
    stats = visible_text(re.search(r'<div class="studykb-stats">.*?</div>\s*</div>', article, re.S)[0])
    assert re.match(r"\d+ 세션, .*\d+ 개념 \(내 말로 정리한 것 \d+개\) \d+ 아직 헷갈리는 개념 \d+ 복습 카드", stats), stats
    assert re.search(r"\d+주 동안 주 평균 .+ 모든 세션은 타임라인에, 모든 용어는 용어집에 있어요\.", visible_text(article))
    nav = [visible_text(link) for link in re.findall(r'<a [^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</a>', home, re.S)]
    assert {"홈", "타임라인", "용어집", "헷갈리는 개념", "복습", "실험", "소개"} <= set(nav), nav
    assert not {"Home", "Timeline", "Glossary", "Watchlist", "Recall", "Experiments", "About"} & set(nav), nav
    assert "Study dashboard" not in visible_text(article) and "Next up" not in visible_text(article)
