"""MkDocs hook: run the studykb generator before every build. Kept thin on purpose.

The generator knows nothing of MkDocs; this file only calls it, prints its
diagnostics, hands the home page its variables, serves the generated pages
at their permalinks (``generated/sessions/x.md`` -> ``/sessions/x/``) and, under
``--dirty``, has the pages that show the knowledge base rebuilt when it changed and takes
generated pages that are gone off the site; after every build, `make serve`'s rebuilds
included, it has the built site indexed for search (Pagefind, ``studykb.search``).
"""
from __future__ import annotations

import logging
import os
import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote as urlquote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from studykb.config import config_from_mapping, written_theme_language
from studykb.diagnostics import Level
from studykb.pipeline import BuildCache, generate
from studykb.render.common import GENERATED
from studykb.render.nav import translated_nav
from studykb.render.words import words_for
from studykb.search import BUNDLE, STATE, IndexInBackground, SearchIndexError, index_site

log = logging.getLogger("mkdocs.studykb")
# Problems in a log are the learner's to fix (`make check` fails on errors); every build
# shows them, each with its file and line, but they must not fail a --strict build (the
# Pages workflow, `make site`), which is about the site itself: the rest of the log builds.
_LOG_LEVEL = {Level.ERROR: logging.INFO, Level.WARNING: logging.INFO, Level.INFO: logging.DEBUG}
# A hand-written page that shows the knowledge base: `{{ kb.sessions }}`, `{% if kb... %}`.
_USES_KB = re.compile(r"\{[{%][^}%]*\bkb\b")
# What one build keeps for the next: the parsed logs and the rendered session pages. MkDocs
# 1.6 (and ProperDocs) reload mkdocs.yml before every rebuild of `mkdocs serve` but import a
# hook once per process (`config_options.Hooks._load_hook` is cached), handing every rebuild
# the same module: so the cache lives here, owned by the hook, for as long as the process.
# Were the hook imported again, the next build would start from an empty cache: slower,
# never wrong. `mkdocs build` makes one build, from nothing.
BUILD_CACHE = BuildCache()

# Under `mkdocs serve` the search index is rebuilt in a thread after each rebuild, so the
# page reloads without waiting for it (studykb.search); the indexer lives with the hook
# for as long as the serve process, like the build cache.
SEARCH_INDEX = IndexInBackground(
    report=lambda index, error: log.warning("studykb: site search: %s", error) if error else
    log.info("studykb: search index of %d pages written in %.1f s", index.pages, index.seconds))


def on_startup(command, dirty):
    """`make serve` runs ``mkdocs serve --dirty``; its first screen should show only what
    matters. MkDocs warns at every dirty build that links may go stale: with this hook they
    do not (the pages that show the knowledge base are rebuilt with it, removed pages leave
    the site, the search index is rebuilt whole), so that one warning is dropped under
    serve. mkdocs-macros' notes on its variables and on the `main` module it looks for (we
    have none) are shown only when they are warnings. Under serve the search index is
    rebuilt in the background (``SEARCH_INDEX``)."""
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
    if command == "serve" and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)
    SEARCH_INDEX.in_use = command == "serve"


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@event_priority(100)  # before mkdocs-macros reads `extra`
def on_config(config):
    root = Path(config.config_file_path).parent
    ours = config_from_mapping(root, {"extra": dict(config.extra), "site_dir": config.site_dir})
    generated = generate(ours, BUILD_CACHE)  # parses only the logs edited since the last build
    for diagnostic in generated.loaded.diagnostics:
        log.log(_LOG_LEVEL[diagnostic.level], "%s", diagnostic)
    if generated.report.written:
        log.info("studykb: wrote %d generated files", len(generated.report.written))
    _remove_built_output_of(generated.report.removed, config)
    config.extra["kb"] = generated.home
    language = generated.loaded.knowledge.language
    if written_theme_language(Path(config.config_file_path)) is None:  # the learner's choice stays
        config.theme["language"] = language  # Material's chrome speaks the site's language
    if config.nav:  # the shipped English titles of our pages, in the site's language
        config.nav = translated_nav(config.nav, words_for(language))
    if SEARCH_INDEX.in_use:  # the search box asks it whether the index has caught up (overrides/)
        config.extra["studykb_search_state"] = f"{BUNDLE}/{STATE}"
    return config


@event_priority(100)  # before mkdocs-macros replaces `{{ kb.x }}` by its value
def on_page_markdown(markdown, page, config, files):
    """Pages that show the knowledge base stay out of the search index: what they show
    is on the generated pages too (the theme override reads ``search: exclude``)."""
    if not page.file.src_uri.startswith(GENERATED + "/") and _USES_KB.search(markdown):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(-90)  # after the other plugins have written their files (the sitemap)
def on_post_build(config):
    """Index the built site for search, the whole site each time (under ``--dirty`` the
    site folder holds every page, rebuilt or not). Under `mkdocs serve` the first build
    waits for its index; a rebuild does not, and the search box says when the index is
    behind the pages."""
    site = Path(config.site_dir)
    if SEARCH_INDEX.in_use:
        first = not (site / BUNDLE).is_dir()
        SEARCH_INDEX.request(site)
        if first:
            SEARCH_INDEX.wait()
        return
    try:
        index = index_site(site)
    except SearchIndexError as exc:
        raise PluginError(f"studykb: site search: {exc}") from exc
    log.info("studykb: search index of %d pages built in %.1f s", index.pages, index.seconds)


def on_shutdown():
    """The serve process ends: let a search index being written finish first."""
    SEARCH_INDEX.wait(timeout=60)


def on_serve(server, config, builder):
    """Do not watch the generated subtree: the generator writes there during every build,
    and watching it would start a second, useless full build after each edit. The rest
    of docs/ stays watched; the logs are watched through ``watch: [sessions]``."""
    docs = Path(config.docs_dir)
    server.unwatch(config.docs_dir)
    server.watch(config.docs_dir, recursive=False)
    for entry in sorted(docs.iterdir()):
        if entry.is_dir() and entry.name != GENERATED and not entry.name.startswith("."):
            server.watch(str(entry))
    return server


def _remove_built_output_of(removed: tuple[str, ...], config) -> None:
    """A generated page or file that is gone (its session deleted, its concept renamed)
    must not stay on the site. A full build empties the site folder anyway; ``--dirty``
    keeps what earlier builds wrote there, so ``mkdocs serve --dirty`` would still serve
    the old page: its built output is removed, and its folder if that leaves it empty."""
    site = Path(config.site_dir)
    for src_uri in removed:
        dest = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri  # as on_files sees it
        built = site / _served_dest(dest)
        try:
            built.unlink()
        except OSError:
            continue  # never built (a full build), or already gone
        for folder in built.parents:
            if folder == site or site not in folder.parents:
                break
            try:
                folder.rmdir()
            except OSError:
                break  # not empty


def _served_dest(dest_uri: str) -> str:
    """Where a generated file is served: ``generated/sessions/x/index.html`` -> ``sessions/x/index.html``.
    NFC, as the generator named it and as its links say, even where the file system gave
    the name back decomposed (macOS HFS+ stores ``학습률.md`` as NFD)."""
    prefix = GENERATED + "/"
    served = dest_uri[len(prefix):] if dest_uri.startswith(prefix) else dest_uri
    return unicodedata.normalize("NFC", served)


def on_files(files, config):
    prefix = GENERATED + "/"
    for file in files:
        if file.src_uri.startswith(prefix):
            file.dest_uri = _served_dest(file.dest_uri)
            file.url = _url(file.dest_uri, config.use_directory_urls)
            file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)
    _forget_built_pages_older_than_the_knowledge_base(files, prefix)
    return files


def _forget_built_pages_older_than_the_knowledge_base(files, prefix: str) -> None:
    """``--dirty`` rebuilds a page only when its source is newer than its built output
    (``File.is_modified``). A page that shows ``kb.*`` also depends on the generated
    pages, which change with the logs; when they are newer than its output, the output
    is removed, so MkDocs builds the page again. A full build has no output yet."""
    generated = [file for file in files if file.src_uri.startswith(prefix)]
    if not generated:
        return
    newest = max(os.path.getmtime(file.abs_src_path) for file in generated)
    for file in files.documentation_pages():
        if file.src_uri.startswith(prefix) or not _built_before(file.abs_dest_path, newest):
            continue
        if _USES_KB.search(Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")):
            os.remove(file.abs_dest_path)


def _built_before(path: str, moment: float) -> bool:
    try:
        return os.path.getmtime(path) < moment
    except OSError:
        return False


def _url(dest_uri: str, directory_urls: bool) -> str:
    """The page's URL, percent-encoded as MkDocs encodes its own (``File.url``): a slug in
    another script reaches the sitemap and ``rel=canonical`` as a valid URL."""
    folder, name = posixpath.split(dest_uri)
    if directory_urls and name == "index.html":
        return urlquote((folder or ".") + "/")
    return urlquote(dest_uri)
