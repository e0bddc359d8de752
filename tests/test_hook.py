"""The MkDocs hook: permalinks for generated pages, and no rebuild loop under ``mkdocs serve``."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from tests.conftest import ROOT


def load_hook():
    spec = importlib.util.spec_from_file_location("studykb_hook", ROOT / "scripts" / "hooks" / "studykb_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class RecordingServer:
    def __init__(self, watched):
        self.watched = dict(watched)

    def watch(self, path, func=None, *, recursive=True):
        self.watched[str(Path(path))] = recursive

    def unwatch(self, path):
        self.watched.pop(str(Path(path)))


def test_serve_watches_docs_but_not_the_generated_subtree(tmp_path):
    docs = tmp_path / "docs"
    for folder in ("generated/sessions", "stylesheets", "images", ".generated-stage-x"):
        (docs / folder).mkdir(parents=True)
    server = RecordingServer({str(docs): True, str(tmp_path / "sessions"): True})
    load_hook().on_serve(server, SimpleNamespace(docs_dir=str(docs)), builder=None)
    assert server.watched == {
        str(docs): False,  # the top-level pages only
        str(docs / "images"): True,
        str(docs / "stylesheets"): True,
        str(tmp_path / "sessions"): True,
    }
