"""MkDocs hook: run the studykb generator before every build. Kept thin on purpose.

The generator knows nothing of MkDocs; this file only calls it, prints its
diagnostics, hands the home page its variables and serves the generated pages
at their permalinks (``generated/sessions/x.md`` -> ``/sessions/x/``).
"""
from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from mkdocs.plugins import event_priority

from studykb.config import config_from_mapping
from studykb.diagnostics import Level
from studykb.pipeline import generate
from studykb.render.common import GENERATED

log = logging.getLogger("mkdocs.studykb")
# Problems in a log are the learner's to fix (`make check` fails on errors); they are
# shown, but must not fail a --strict build, which is about the site itself.
_LOG_LEVEL = {Level.ERROR: logging.INFO, Level.WARNING: logging.INFO, Level.INFO: logging.DEBUG}


@event_priority(100)  # before mkdocs-macros reads `extra`
def on_config(config):
    root = Path(config.config_file_path).parent
    ours = config_from_mapping(root, {"extra": dict(config.extra), "site_dir": config.site_dir})
    generated = generate(ours)
    for diagnostic in generated.loaded.diagnostics:
        log.log(_LOG_LEVEL[diagnostic.level], "%s", diagnostic)
    if generated.report.written:
        log.info("studykb: wrote %d generated files", len(generated.report.written))
    config.extra["kb"] = generated.home
    return config


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


def on_files(files, config):
    prefix = GENERATED + "/"
    for file in files:
        if file.src_uri.startswith(prefix):
            file.dest_uri = file.dest_uri[len(prefix):]
            file.url = _url(file.dest_uri, config.use_directory_urls)
            file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)
    return files


def _url(dest_uri: str, directory_urls: bool) -> str:
    folder, name = posixpath.split(dest_uri)
    if directory_urls and name == "index.html":
        return (folder or ".") + "/"
    return dest_uri
