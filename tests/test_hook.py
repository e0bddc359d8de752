"""The MkDocs hook: permalinks for generated pages, no rebuild loop under ``mkdocs serve``, and
correct ``--dirty`` rebuilds (the home dashboard follows the logs; the search index follows the pages)."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT, SEED, make_project


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


# --- `mkdocs serve --dirty`: the rebuilds of one serve process, run in a child process --

# One `rebuild()` is one build of a serve process: the plugins and the site folder persist
# from one to the next, as under `mkdocs serve`; the search index is read after each.
SERVE_DIRTY_REBUILD = """
import collections, json, os, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
from studykb.search import read_index

def rebuild(first=False):
    config = load_config("mkdocs.yml", site_dir="served")
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    sys.modules["scripts/hooks/studykb_hook.py"].SEARCH_INDEX.wait()  # indexed in the background
    index = read_index(Path("served"))
    return {"entries": collections.Counter(page.url.lstrip("/") for page in index),
            "pages": sorted({page.url.lstrip("/") for page in index}),
            "contents": {page.url.lstrip("/"): page.content for page in index},
            "home": open("served/index.html", encoding="utf-8").read(),
            "kb_json_page": os.path.getmtime("served/kb-json/index.html"),
            "new_session_built": os.path.exists("served/sessions/2030-01-01-1000/index.html")}
"""


def serve_dirty(tmp_path, steps: str) -> list[dict]:
    """What each ``rebuild()`` in ``steps`` saw, in one process serving the seed log."""
    project = make_project(tmp_path, {"dlfs2.md": SEED.read_text("utf-8")})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), str(ROOT)])}
    script = SERVE_DIRTY_REBUILD + steps
    done = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.slow
def test_dirty_rebuild_refreshes_the_home_page_and_keeps_the_search_index(tmp_path):
    before, after = serve_dirty(tmp_path, """
first = rebuild(first=True)
with open("sessions/dlfs2.md", "a", encoding="utf-8") as log:
    log.write("\\n## Session: 2030-01-01 10:00:00 UTC\\n- Topics covered:\\n- a new session\\n")
print(json.dumps([first, rebuild()]))
""")
    sessions = [int(re.search(r"<strong>(\d+)</strong> sessions", page["home"])[1]) for page in (before, after)]
    assert sessions[1] == sessions[0] + 1  # the dashboard was built again
    assert set(before["pages"]) < set(after["pages"]) and "sessions/2030-01-01-1000/" in after["pages"]
    assert "" not in after["pages"]  # the dashboard is not indexed
    assert after["kb_json_page"] == before["kb_json_page"]  # a page that shows no kb.* was not


@pytest.mark.slow
def test_dirty_rebuilds_index_every_page_once_with_its_new_text_and_drop_removed_pages(tmp_path):
    """Under ``mkdocs serve --dirty`` an edit rebuilds several pages (the session, its
    concepts, the timeline): after each rebuild the search index holds each page once, with
    the text just written, and a session taken out of the log leaves the served site and
    the index."""
    first, added, edited, removed = serve_dirty(tmp_path, """
log = open("sessions/dlfs2.md", encoding="utf-8").read()
first = rebuild(first=True)
with open("sessions/dlfs2.md", "a", encoding="utf-8") as out:
    out.write("\\n## Session: 2030-01-01 10:00:00 UTC\\n- Topics covered: epoch, zorbling\\n"
              "\\n### What I learned\\n- Zorbling means a word made up for this test.\\n")
added = rebuild()
with open("sessions/dlfs2.md", "a", encoding="utf-8") as out:
    out.write("- Zorbling is still made up.\\n")
edited = rebuild()
open("sessions/dlfs2.md", "w", encoding="utf-8").write(log)
removed = rebuild()
print(json.dumps([first, added, edited, removed]))
""")
    for build in (first, added, edited, removed):
        assert max(build["entries"].values()) == 1, [loc for loc, n in build["entries"].items() if n > 1]
    new_pages = {"sessions/2030-01-01-1000/", "concepts/zorbling/"}
    assert new_pages <= set(added["pages"]) and added["new_session_built"]
    assert "still made up" in edited["contents"]["sessions/2030-01-01-1000/"]
    assert not new_pages & set(removed["pages"]) and not removed["new_session_built"]
    assert set(removed["entries"]) == set(first["entries"])


def test_serve_drops_only_mkdocs_dirty_build_warning():
    """`make serve` is ``mkdocs serve --dirty``: MkDocs' warning that a dirty build may leave
    links stale is not shown there (the hook keeps them right); every other record is."""
    import logging

    keep = load_hook()._not_the_dirty_build_warning
    record = lambda text: logging.LogRecord("mkdocs.commands.build", logging.WARNING, "", 0, text, (), None)  # noqa: E731
    assert not keep(record("A 'dirty' build is being performed, this will likely lead to inaccurate navigation"))
    assert keep(record("Doc file 'x.md' contains a link to 'y.md' which is not found"))


def test_a_generated_page_named_in_korean_is_served_at_its_nfc_address_percent_encoded(tmp_path):
    """As MkDocs encodes its own page URLs (the sitemap, ``rel=canonical``); a name the file
    system gave back decomposed (macOS HFS+) is served as the generator named it (NFC)."""
    import unicodedata

    from mkdocs.structure.files import File, Files

    docs = "generated/concepts/" + unicodedata.normalize("NFD", "은닉층") + ".md"
    (tmp_path / "docs" / docs).parent.mkdir(parents=True)
    (tmp_path / "docs" / docs).write_text("# 은닉층\n", encoding="utf-8")
    site = str(tmp_path / "site")
    files = load_hook().on_files(Files([File(docs, str(tmp_path / "docs"), site, True)]),
                                 SimpleNamespace(site_dir=site, use_directory_urls=True))
    [page] = list(files)
    assert page.dest_uri == "concepts/은닉층/index.html"
    assert page.url == "concepts/%EC%9D%80%EB%8B%89%EC%B8%B5/"


@pytest.mark.parametrize("theme_language, shown", [(None, "ko"), ("de", "de")])
def test_materials_labels_follow_the_logs_language_unless_mkdocs_yml_names_one(tmp_path, theme_language, shown):
    from mkdocs.config import load_config as mkdocs_config
    make_project(tmp_path, {"log.md": "## 2026-03-05 19:00 세션\n### 배운 것\n- 어텐션은 가중합이다\n"})
    if theme_language:
        yml = tmp_path / "mkdocs.yml"
        yml.write_text(yml.read_text().replace("theme:\n", f"theme:\n  language: {theme_language}\n", 1))
    config = mkdocs_config(config_file=str(tmp_path / "mkdocs.yml"))
    load_hook().on_config(config)
    assert config.theme["language"] == shown
