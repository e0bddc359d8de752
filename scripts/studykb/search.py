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

The MkDocs hook runs ``index_site`` after every build. A build writes the new bundle beside
the old one and swaps it in, so a page open meanwhile never loads half an index. Under
`make serve` a rebuild does not wait for the index (about 2 s at 1,000 sessions on two
cores): ``IndexInBackground`` indexes the site in a thread, writing the bundle in place so a
page that loaded the previous index still finds its files, and a state file tells the
search box whether the index has caught up with the pages; until it has, the box says so.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

BUNDLE = "pagefind"  # the folder in the site; the search script loads <site>/pagefind/pagefind.js
STATE = "studykb-state.json"  # under `make serve`, in the bundle: {"built": n, "indexed": m}
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


def index_site(site: Path, in_place: bool = False) -> SearchIndex:
    """Index the built site in ``site`` and write the bundle to ``site/pagefind``: a new
    bundle swapped in whole, or (``in_place``, under `make serve`) written over the old one,
    whose files stay for the pages that loaded it."""
    started = time.perf_counter()
    bundle = site / BUNDLE
    if in_place:
        output = _run_pagefind(site, bundle)
    else:
        fresh, old = site / f".{BUNDLE}-new", site / f".{BUNDLE}-old"
        for leftover in (fresh, old):
            shutil.rmtree(leftover, ignore_errors=True)
        output = _run_pagefind(site, fresh)
        if bundle.exists():
            bundle.rename(old)
        fresh.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)
    pages = _INDEXED.search(output)
    return SearchIndex(bundle, int(pages[1]) if pages else 0, time.perf_counter() - started)


class IndexInBackground:
    """Indexes a served site in a thread, one run at a time: a rebuild asks for an index
    (``request``) and goes on; a request made during a run starts one more run after it.
    ``state`` (``STATE`` in the bundle) says which build the pages and the index are of."""

    def __init__(self, report: Callable[[SearchIndex | None, Exception | None], None] = lambda *_: None):
        self._report = report
        self.in_use = False  # set by the hook under `mkdocs serve`
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._site: Path | None = None
        self._built = self._indexed = 0

    def request(self, site: Path) -> int:
        """Ask for the index of the build just written to ``site``; its number."""
        with self._lock:
            self._site, self._built = site, self._built + 1
            write_state(site, self._built, self._indexed)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="studykb-search-index", daemon=True)
                self._thread.start()
            return self._built

    def wait(self, timeout: float | None = None) -> None:
        """Until the index has caught up with the last build (tests, and the end of serve)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                site, build = self._site, self._built
            try:
                index, error = index_site(site, in_place=True), None
            except SearchIndexError as exc:
                index, error = None, exc
            with self._lock:
                self._indexed = build
                write_state(site, self._built, build)
                if self._built == build:
                    self._thread = None
            self._report(index, error)
            if self._thread is None:
                return


def write_state(site: Path, built: int, indexed: int) -> None:
    """``STATE``, replaced in one step: a page never reads half of it."""
    folder = site / BUNDLE
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{STATE}.partial"
    partial.write_text(json.dumps({"built": built, "indexed": indexed}), "utf-8")
    os.replace(partial, folder / STATE)


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
    """Every page in the site's search index, sorted by URL (for tests and the benchmark):
    the pages its entry file lists now, as a browser finds them."""
    bundle = site / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = []
    for language in entry["languages"].values():
        meta = _cbor(gzip.decompress((bundle / f"pagefind.{language['hash']}.pf_meta").read_bytes())
                     .removeprefix(b"pagefind_dcd"))
        for fragment_hash, _words in meta[1]:
            data = json.loads(gzip.decompress((bundle / "fragment" / f"{fragment_hash}.pf_fragment").read_bytes())
                              .removeprefix(b"pagefind_dcd"))
            pages.append(IndexedPage(url=data["url"], title=data["meta"].get("title", ""), content=data["content"],
                                     anchors=tuple(anchor.get("id", "") for anchor in data.get("anchors", ()))))
    return sorted(pages, key=lambda page: page.url)


def _cbor(data: bytes):
    """The part of CBOR that Pagefind's metadata file uses (numbers, strings, arrays, maps)."""
    value, _ = _cbor_item(data, 0)
    return value


def _cbor_item(data: bytes, at: int):
    major, info, at = data[at] >> 5, data[at] & 31, at + 1
    if info < 24:
        length = info
    else:
        size = 1 << (info - 24)
        length, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return length, at
    if major in (2, 3):
        raw = data[at:at + length]
        return (raw.decode("utf-8") if major == 3 else raw), at + length
    if major in (4, 5):
        items = []
        for _ in range(length * (2 if major == 5 else 1)):
            item, at = _cbor_item(data, at)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2]))), at
    raise ValueError(f"CBOR major type {major} is not read here")
