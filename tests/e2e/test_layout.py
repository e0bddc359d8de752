"""What a learner sees first, on a phone and a desktop, in both palettes."""
from __future__ import annotations

import pytest

from tests.e2e.screenshots import load_images

pytestmark = pytest.mark.e2e

SESSION = "sessions/2026-02-18-1503/"
CONCEPT = "concepts/learning-rate/"
PAGES = ["", SESSION, CONCEPT, "glossary/", "watchlist/", "recall/", "timeline/", "experiments/",
         "experiments/ch01-lr-sweep/"]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=[(size, scheme) for size in SIZES for scheme in ("light", "dark")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def screen(tab, request):
    size, scheme = request.param
    tab.page.set_viewport_size(SIZES[size])
    tab.page.emulate_media(color_scheme=scheme)
    return tab


def test_the_session_page_opens_on_what_was_learned(screen):
    screen.goto(SESSION)
    heading = screen.page.locator("h2#what-you-learned")
    box = heading.bounding_box()
    assert box is not None and box["y"] + box["height"] < screen.page.viewport_size["height"], box


def test_a_concept_page_shows_an_experiment_figure(screen):
    screen.goto(CONCEPT)
    figures = [i for i in load_images(screen.page) if "/assets/runs/" in i["src"]]
    assert figures and all(i["width"] > 0 for i in figures), figures


def test_no_page_scrolls_sideways(screen):
    wide = []
    for path in PAGES:
        screen.goto(path)
        screen.settle()  # let the favicon finish before the next page
        if screen.page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
            wide.append(path or "home")
    assert wide == []
