"""The navigation's shipped English titles of studykb's pages are shown in the site's language
(the MkDocs hook applies this to mkdocs.yml's ``nav``); a title the learner wrote stays."""
from __future__ import annotations

import yaml

from studykb.render.nav import translated_nav
from studykb.render.words import words_for
from tests.conftest import ROOT


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (``!ENV``, ``!!python/name:``) read as nothing: only ``nav`` is wanted."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_the_shipped_navigation_is_shown_in_each_language():
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"]
    assert translated_nav(nav, words_for("en")) == nav
    titles = [next(iter(entry)) for entry in translated_nav(nav, words_for("ja"))]
    assert titles == ["ホーム", "タイムライン", "用語集", "混乱しやすい概念", "復習", "実験", "このサイトについて"]
    assert [next(iter(entry.values())) for entry in translated_nav(nav, words_for("zh"))] == \
        [next(iter(entry.values())) for entry in nav]  # the pages stay where they are


def test_a_title_the_learner_wrote_and_entries_of_their_own_stay_as_written():
    nav = [{"Start": "index.md"}, "about.md", {"Notes": [{"Timeline": "generated/timeline.md"}, {"Mine": "mine.md"}]},
           {"Glossary": "glossary-of-mine.md"}, {"My glossary": "generated/glossary.md"}]
    assert translated_nav(nav, words_for("ko")) == [
        {"Start": "index.md"}, "about.md", {"Notes": [{"타임라인": "generated/timeline.md"}, {"Mine": "mine.md"}]},
        {"Glossary": "glossary-of-mine.md"}, {"My glossary": "generated/glossary.md"}]
