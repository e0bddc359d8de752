"""The search benchmark (``python -m bench.search``): the site as it was, and its report.
The measurement itself needs Chromium and ten minutes; it is run by hand."""
from __future__ import annotations

import json

from bench.search import HEADER, lunr_config, section
from tests.conftest import ROOT


def test_the_site_as_it_was_has_materials_search_plugin_and_no_override():
    before = lunr_config((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert "custom_dir:" not in before
    assert "plugins:\n  - search\n" in before
    assert "    - search.suggest\n    - search.highlight\n" in before
    assert "scripts/hooks/studykb_hook.py" in before  # the same pages, built the same way


def test_the_performance_page_shows_the_search_figures(tmp_path):
    figures = {"query": "learning rate", "repeats": 3, "cpus": 2, "sizes": [{"sessions": 1000, **{
        kind: {"ready_s": ready, "page_parsed_s": 0.3, "fetched_bytes": fetched, "keystroke_to_results_s": 0.1,
               "tab_rss_mib": 200.0, "index_bytes": 3e6}
        for kind, ready, fetched in (("lunr", 2.2, 2.9e6), ("pagefind", 0.5, 0.4e6))}}]}
    (tmp_path / "assets" / "performance").mkdir(parents=True)
    (tmp_path / "assets" / "performance" / "search.json").write_text(json.dumps(figures))
    text = "\n".join(section(tmp_path))
    assert text.startswith("## Search") and " | ".join(HEADER) in text
    assert "| 1,000 | Material's search (lunr) | 2.20 | 1.90 | 2.90 MB |" in text
    assert "| 1,000 | Pagefind | 0.50 | 0.20 | 0.40 MB |" in text
    assert section(tmp_path / "nowhere") == []
