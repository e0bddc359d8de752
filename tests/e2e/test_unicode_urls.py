"""A Korean learner's site in a real browser: a concept named in Korean opens at its
readable address, and links, glossary anchors and search results lead there.

The site is that of tests/test_korean_site.py (the Korean fixture log and a chapter-5 log
that defines terms in Korean only), built once and served under ``/studykb/``.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests.conftest import built_and_served, make_project
from tests.test_korean_site import logs

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def served_seed_site(tmp_path_factory):
    """Overrides the seed site for this module's ``tab``s: the Korean logs."""
    project = make_project(tmp_path_factory.mktemp("korean-served"), logs(), with_results=True)
    with built_and_served(project) as server:
        yield server


def address(tab) -> str:
    """The page's address as the address bar shows it, without the site's sub-path."""
    return unquote(tab.page.url).removeprefix(tab.site.base_url)


def test_a_korean_concept_page_opens_at_its_readable_address(tab):
    tab.goto("concepts/은닉층/")
    assert address(tab) == "concepts/은닉층/"
    expect(tab.page.locator(".md-content h1")).to_have_text("은닉층")


def test_the_glossary_links_the_concept_page_and_its_entry_is_found_by_its_anchor(tab):
    # navigation.tracking rewrites the address's #anchor while a page scrolls, so only the
    # path is compared, and the entry is found by the id the link names.
    tab.goto("glossary/")
    tab.page.locator("dt a", has_text="시간 펼침").click()
    tab.page.wait_for_url(re.compile(r"/concepts/%EC%8B%9C%EA%B0%84-%ED%8E%BC%EC%B9%A8/"))
    expect(tab.page.locator(".md-content h1")).to_have_text("시간 펼침")
    link = tab.page.get_by_role("link", name="용어집 항목")  # the site speaks its Korean log's language
    assert unquote(link.get_attribute("href")).endswith("glossary/#시간-펼침")
    link.click()
    tab.page.wait_for_url(re.compile(r"/glossary/"))
    expect(tab.page.locator('dt[id="시간-펼침"]')).to_have_count(1)


def test_a_session_page_links_the_korean_concepts_it_defines(tab):
    tab.goto("sessions/2026-03-20-2000/")
    tab.page.locator(".md-content a", has_text="은닉층").first.click()
    tab.page.wait_for_url(re.compile(r"/concepts/"))
    assert address(tab) == "concepts/은닉층/"
    expect(tab.page.locator(".md-content h1")).to_have_text("은닉층")


def test_a_search_result_leads_to_the_korean_concept_page(tab):
    tab.goto("")
    tab.page.keyboard.press("/")
    tab.page.keyboard.type("은닉층")
    tab.page.wait_for_function("q => document.querySelector('[data-studykb-search]')"
                               ".getAttribute('data-studykb-searched') === q", arg="은닉층")
    first = tab.page.locator(".md-search-result__item a.md-search-result__link").first
    assert unquote(first.get_attribute("href")).endswith("concepts/은닉층/")
    first.click()
    tab.page.wait_for_url(re.compile(r"/concepts/"))
    assert address(tab) == "concepts/은닉층/"
    expect(tab.page.locator(".md-content")).to_contain_text("hidden layer")
