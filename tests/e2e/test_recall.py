"""Recall practice in the browser: one card at a time, graded, scheduled, kept across reloads."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.e2e

STORE = "studykb-recall-v1"


def due_count(page) -> int:
    return int(page.locator("[data-practice-status]").inner_text().split()[0])


@pytest.mark.parametrize("width", [390, 1280])
def test_a_graded_card_is_scheduled_and_the_schedule_survives_a_reload(tab, width):
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.goto("recall/")
    tab.page.evaluate(f"localStorage.removeItem('{STORE}')")
    tab.settle()  # each navigation waits for the last page's requests (the favicon) to end
    tab.page.reload()
    before = due_count(tab.page)
    question = tab.page.locator("[data-practice-front]").inner_text()
    assert question.strip(), "a question is shown"
    assert not tab.page.locator("[data-practice-back]").is_visible()
    tab.page.keyboard.press("Space")  # show the answer
    assert tab.page.locator("[data-practice-back]").is_visible()
    tab.page.locator("button[data-grade='3']").click()  # good
    assert due_count(tab.page) == before - 1
    tab.settle()
    tab.page.reload()
    assert due_count(tab.page) == before - 1
    state = json.loads(tab.page.evaluate(f"localStorage.getItem('{STORE}')"))
    (card,) = state.values()
    assert card["reps"] == 1 and card["due"] > card["last"] + 86_400_000  # not due again today
    tab.settle()
    tab.goto("")
    assert int(tab.page.locator("[data-studykb-due]").inner_text()) == before - 1
    no_horizontal_scroll = tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_horizontal_scroll


def test_again_keeps_a_card_due_and_easy_spaces_it_further_than_good(tab):
    tab.goto("recall/")
    schedule = tab.page.evaluate("""() => {
        const f = window.studykbFsrs, now = Date.UTC(2026, 0, 1), day = 86400000;
        const again = f.review(null, 1, now), good = f.review(null, 3, now), easy = f.review(null, 4, now);
        const later = f.review(good, 3, good.due);
        return {again: (again.due - now) / day, good: (good.due - now) / day, easy: (easy.due - now) / day,
                later: (later.due - good.due) / day};
    }""")
    assert schedule["again"] == 0
    assert 1 <= schedule["good"] < schedule["easy"]
    assert schedule["later"] > schedule["good"]  # a card recalled again is spaced further out


def test_the_home_page_counts_this_weeks_minutes_in_the_browser(tab):
    tab.goto("")
    rhythm = tab.page.locator("[data-studykb-days]").locator("xpath=..").inner_text()
    assert "this week:" in rhythm and "weekly average" in rhythm
    # The seed's sessions are long past: nothing logged this week.
    assert tab.page.locator("[data-studykb-days]").inner_text() == "0 min"
