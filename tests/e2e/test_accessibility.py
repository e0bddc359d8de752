"""axe-core in Chromium: no serious or critical violation on any page kind, light or dark."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

PAGES = ["", "sessions/2026-02-18-1503/", "concepts/learning-rate/", "glossary/", "watchlist/",
         "recall/", "experiments/", "experiments/ch01-lr-sweep/", "timeline/"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violations(tab, axe, scheme):
    tab.page.emulate_media(color_scheme=scheme)
    found = []
    for path in PAGES:
        tab.goto(path)
        tab.settle()  # the favicon ends before the next page
        for violation in axe.run(tab.page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"/{path} {violation['id']} ({violation['impact']}): {nodes}")
    assert found == []
