"""The navigation's titles, in the site's language, of the pages studykb makes and of the home
and about pages: where mkdocs.yml gives the English title the project ships with, the MkDocs
hook shows the site language's ("Timeline" -> "타임라인"); a title the learner wrote stays."""
from __future__ import annotations

from .common import page
from .words import Words

# Each page's English title in the shipped mkdocs.yml, and the key of its title in data/ui.yml.
TITLES = {
    "index.md": ("Home", "nav_home"),
    page("timeline.md"): ("Timeline", "timeline_link"),
    page("glossary.md"): ("Glossary", "glossary"),
    page("watchlist.md"): ("Watchlist", "watchlist"),
    page("recall.md"): ("Recall", "nav_recall"),
    page("experiments", "index.md"): ("Experiments", "experiments"),
    "about.md": ("About", "nav_about"),
}


def translated_nav(nav: list, words: Words) -> list:
    """``nav`` (mkdocs.yml's, a list of paths, ``{title: path}`` and ``{title: [entries]}``) with
    the shipped English titles in ``words``' language."""
    return [_entry(entry, words) for entry in nav]


def _entry(entry, words: Words):
    if not isinstance(entry, dict):
        return entry
    out = {}
    for title, target in entry.items():
        if isinstance(target, list):
            out[title] = translated_nav(target, words)
            continue
        english, key = TITLES.get(target, (None, None))
        out[words.plain(key) if title == english else title] = target
    return out
