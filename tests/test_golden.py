"""The seed log's pages, compared with the reviewed golden copies (``make golden`` renews them)."""
from __future__ import annotations

import pytest

from tests.golden_update import GOLDEN, golden_name, seed_pages

PAGES = seed_pages()


def test_the_golden_set_is_complete():
    assert sorted(golden_name(p) for p in PAGES) == sorted(p.name for p in GOLDEN.glob("*.md"))


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path):
    expected = (GOLDEN / golden_name(path)).read_text(encoding="utf-8")
    assert PAGES[path] == expected, f"{path} changed; review it and run `make golden` if intended"
