"""Past Material's end of life (2027-05-05): ProperDocs builds the same site as MkDocs.

ProperDocs (PyPI ``properdocs``) is a maintained continuation of MkDocs 1.6: it runs
Material, mkdocs-macros and our hook unchanged (it answers their ``import mkdocs...``
itself) and reads ``mkdocs.yml`` when given it with ``-f``. The seed log's site is built
once with each; they must have the same files, every page the same main content, and the
same search index. CI runs this in a job of its own (.github/workflows/properdocs.yml).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from studykb.search import BUNDLE, read_index
from tests.conftest import SEED, _env, make_project

pytestmark = pytest.mark.slow

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)


def build(project: Path, engine: str) -> Path:
    site = project / f"site-{engine}"
    command = [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=_env())
    assert done.returncode == 0, f"{engine} build failed:\n{done.stderr[-3000:]}"
    return site


def files(site: Path) -> set[str]:
    """The site's files; the search bundle's, whose names hash their content, are compared apart."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(BUNDLE + "/")}


def main_content(page: Path) -> tuple[str, str]:
    html = page.read_text("utf-8")
    article, title = ARTICLE.search(html), TITLE.search(html)
    return (article[0] if article else ""), (title[0] if title else "")


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple[Path, Path]:
    pytest.importorskip("properdocs", reason="ProperDocs is not installed (pip install -e '.[test]')")
    project = make_project(tmp_path_factory.mktemp("engines"), {SEED.name: SEED.read_bytes()}, with_results=True)
    return build(project, "mkdocs"), build(project, "properdocs")


def test_properdocs_builds_the_same_pages_as_mkdocs(both_sites):
    mkdocs_site, properdocs_site = both_sites
    assert files(mkdocs_site) == files(properdocs_site)
    pages = sorted(path for path in files(mkdocs_site) if path.endswith(".html"))
    assert len(pages) > 20
    different = [path for path in pages
                 if main_content(mkdocs_site / path) != main_content(properdocs_site / path)]
    assert different == []


def test_properdocs_builds_the_same_search_index(both_sites):
    mkdocs_site, properdocs_site = both_sites
    assert read_index(mkdocs_site) == read_index(properdocs_site)
    assert len(read_index(properdocs_site)) > 20
