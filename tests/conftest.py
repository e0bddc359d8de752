"""Shared fixtures: a throw-away project with chosen logs, and helpers to build it."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "logs"
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
HOSTILE_FILE_NAME = "<img src=x onerror=alert(1)>.md"
SEED = ROOT / "sessions" / "dlfs2.md"


def make_project(dest: Path, logs: dict[str, bytes | str], with_results: bool = False) -> Path:
    """A copy of the project's site setup with ``logs`` (name -> content) under sessions/."""
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copytree(ROOT / "scripts" / "hooks", dest / "scripts" / "hooks")
    shutil.copytree(ROOT / "overrides", dest / "overrides")  # the theme override (search box)
    (dest / "sessions").mkdir()
    results = dest / "experiments" / "results"
    if with_results and (ROOT / "experiments" / "results").is_dir():
        shutil.copytree(ROOT / "experiments" / "results", results)
    results.mkdir(parents=True, exist_ok=True)
    for name, content in logs.items():
        path = dest / "sessions" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return dest


def fixture_logs() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*.md"))}


def hostile_logs() -> dict[str, bytes]:
    """The hostile fixture: a log with a payload in every place text can go, a user
    vocabulary made of payloads, and a log whose file name is a payload (given that name
    here, in the throw-away project: such a name is awkward in git)."""
    return {"hostile.md": (HOSTILE / "hostile.md").read_bytes(),
            HOSTILE_FILE_NAME: (HOSTILE / "named.md").read_bytes(),
            "vocabulary.yml": (HOSTILE / "vocabulary.yml").read_bytes()}


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          capture_output=True, text=True, env=_env())


def _env() -> dict:
    import os
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    BLOCKS = {"p", "li", "div", "td", "th", "tr", "br", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
              "summary", "details", "table", "ul", "ol", "blockquote", "section", "article", "nav", "header"}

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees in a page, whitespace collapsed."""
    parser = _TextExtractor()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def readable(text: str) -> str:
    """A log line as a reader would recognise it: no list marker, emphasis or backticks."""
    fence = re.match(r"^\s*(?:`{3,}|~{3,})\s*(\S*)", text)
    if fence:  # a fence line is structure; its language shows as the block's title
        return fence[1].strip("`~")
    if re.fullmatch(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})", text.rstrip()):
        return ""  # a thematic break is structure: it separates parts, as a heading's ``#`` opens one
    if text.strip().startswith("|"):  # a table row shows as its cells; a separator row as nothing
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        text = "" if all(set(c) <= set("-: ") for c in cells) else " ".join(cells)
    text = re.sub(r"^\s{0,3}>\s?(?:\[![\w-]+\][+-]?\s*)?", "", text)  # a quote's ``>``, a callout's marker
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text)
    text = re.sub(r"^ {0,3}#{1,6}\s+", "", text)  # a heading inside a session opens a part: shown as its label
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(":").strip()


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory) -> Path:
    """The site of every fixture log, built once with a real ``mkdocs build --strict``."""
    project = make_project(tmp_path_factory.mktemp("site"), fixture_logs(), with_results=True)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    project.joinpath("build.log").write_text(result.stderr)
    return project


# --- the seed log's site served under a sub-path, and the browser tests ---------------

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def browser_skip_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.is_file():
        return f"Chromium not found at {CHROMIUM}: browser tests skipped"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed: browser tests skipped"
    return None


def pytest_report_header(config):
    reason = browser_skip_reason()
    return f"browser tests: {reason}" if reason else f"browser tests: Chromium at {CHROMIUM}"


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter):
    reason = browser_skip_reason()
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "browser tests skipped" in str(r.longrepr)]
    if reason and skipped:
        where = reason.split(": browser tests skipped")[0]
        terminalreporter.write_line(f"{len(skipped)} browser tests skipped: {where}", yellow=True, bold=True)


@pytest.fixture(scope="session")
def built_hostile_site(tmp_path_factory) -> Path:
    """The hostile fixture's site, built once with a real ``mkdocs build --strict``."""
    project = make_project(tmp_path_factory.mktemp("hostile-site"), hostile_logs(), with_results=True)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project


@contextlib.contextmanager
def built_and_served(project: Path):
    """``project`` built with ``mkdocs build --strict`` and served at
    ``http://127.0.0.1:<port>/studykb/`` — a sub-path, as GitHub project pages are — with
    ``SITE_URL`` set to that address, as the Pages workflow sets it."""
    from tests.e2e.server import SubPathServer

    with SubPathServer(project / "site") as server:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                                capture_output=True, text=True, env={**_env(), "SITE_URL": server.base_url})
        assert result.returncode == 0, result.stderr[-3000:]
        yield server


@pytest.fixture(scope="session")
def served_seed_site(tmp_path_factory):
    """The seed log's site, with the committed experiment results, built once and served at
    ``http://127.0.0.1:<port>/studykb/`` — a sub-path, as GitHub project pages are — with
    ``SITE_URL`` set to that address, as the Pages workflow sets it."""
    project = make_project(tmp_path_factory.mktemp("seed-site"), {SEED.name: SEED.read_bytes()}, with_results=True)
    with built_and_served(project) as server:
        yield server


@pytest.fixture(scope="session")
def served_hostile_site(tmp_path_factory):
    """The hostile fixture's site, built and served under a sub-path like the seed's."""
    project = make_project(tmp_path_factory.mktemp("hostile-served"), hostile_logs(), with_results=True)
    with built_and_served(project) as server:
        yield server
