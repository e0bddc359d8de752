"""Site search: a Pagefind index of the built site, written into it as ``<site>/pagefind/``.

Pagefind reads the built HTML, not the model. It indexes the article of each page that
the theme override marks with ``data-pagefind-body`` (overrides/main.html: every page but
those whose front matter says ``search: exclude: true``), weighted by ``search: boost:``,
and leaves out what ``EXCLUDED`` names. The index is split in chunks: the browser loads a
small entry file at the first search, then only the chunks holding the words typed
(docs/performance.md has the figures at 1,000 and 10,000 sessions).

Words are split at spaces and punctuation, and a search matches the start of a word, so
a Korean term followed by a particle (``학습률은``) is found by the term (``학습률``) in a
site of any language. Chinese and Japanese, written without spaces, are cut into words
only by Pagefind's extended binary (``pip install 'pagefind[extended]'``) on a site whose
``theme.language`` is ``zh`` or ``ja``.

The MkDocs hook runs ``index_site`` after every build, `make serve`'s rebuilds included.
The new bundle is written beside the old one and swapped in, so a page open meanwhile
never loads half an index.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"  # the folder in the site; the search script loads <site>/pagefind/pagefind.js
# Kept out of the index, so out of the snippets too (a snippet is cut from indexed text):
EXCLUDED = (
    "[data-search-exclude]",  # what generated pages mark as navigation or as repeated from another page
    "table",                  # cells run together into a snippet that reads as nonsense
    "figure",                 # and captions with them
    "details.example",        # an experiment run's figures, table and caption; its own page names it
    ".headerlink",            # the ¶ after every heading
)
_INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message has its output."""


@dataclass(frozen=True)
class SearchIndex:
    """What one run of Pagefind wrote: where, how many pages, in how long."""

    bundle: Path
    pages: int
    seconds: float


@dataclass(frozen=True)
class IndexedPage:
    """One page as the index holds it: the text a search matches and a snippet is cut from."""

    url: str
    title: str
    content: str
    anchors: tuple[str, ...]


def index_site(site: Path) -> SearchIndex:
    """Index the built site in ``site`` and write the bundle to ``site/pagefind``."""
    started = time.perf_counter()
    fresh, old = site / f".{BUNDLE}-new", site / f".{BUNDLE}-old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    output = _run_pagefind(site, fresh)
    bundle = site / BUNDLE
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    pages = _INDEXED.search(output)
    return SearchIndex(bundle, int(pages[1]) if pages else 0, time.perf_counter() - started)


def _run_pagefind(site: Path, output: Path) -> str:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
               "--exclude-selectors", ", ".join(EXCLUDED)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise SearchIndexError(f"could not run Pagefind ({exc})") from exc
    if done.returncode != 0:
        if "No module named pagefind" in done.stderr:
            raise SearchIndexError("Pagefind is not installed: run `make` (or pip install -e .) to install it")
        raise SearchIndexError(f"Pagefind failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def read_index(site: Path) -> list[IndexedPage]:
    """Every page in the site's search index, sorted by URL (for tests and the benchmark)."""
    pages = []
    for fragment in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages.append(IndexedPage(url=data["url"], title=data["meta"].get("title", ""), content=data["content"],
                                 anchors=tuple(anchor.get("id", "") for anchor in data.get("anchors", ()))))
    return sorted(pages, key=lambda page: page.url)
