"""``python -m bench.search``: the site search in Chromium, at 1,000 and 10,000 sessions.

Each size's synthetic project (bench.synth) is built twice: as the site is, searched
with Pagefind (the hook indexes it after the build), and as it was, with Material's search
plugin (lunr over one ``search/search_index.json``). Each site is served from 127.0.0.1
and a session page is opened in a fresh Chromium; the search box is focused as soon as
the page is parsed, then a query typed. For each it records:

- *ready*: seconds from the start of the navigation until a search can be answered
  (Material: its worker has loaded and indexed the whole index, the box no longer says
  "Initializing search"; Pagefind: its entry file and WebAssembly are loaded), and the
  same less the time the page itself took to be parsed;
- *fetched*: the bytes of every search file the tab fetched until the results showed, as
  a static server without compression sends them;
- *keystroke to results*: seconds from the query's last keystroke to its results on screen;
- *tab memory*: the resident memory of the tab's renderer process, its search worker included.

The figures go to docs/assets/performance/search.json and the Performance page's Search
section (bench.report renders it). Needs Chromium (/usr/bin/chromium, or CHROMIUM=path)
and takes about ten minutes on two cores, most of it building the 10,000-session sites.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import engine
from .project import ROOT, make_project

SIZES = (1_000, 10_000)
QUERY = "learning rate"
FIGURES = Path("assets") / "performance" / "search.json"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def lunr_config(text: str) -> str:
    """mkdocs.yml as it was before Pagefind: Material's search plugin, no theme override."""
    lines = [line for line in text.splitlines(keepends=True) if not line.strip().startswith("custom_dir:")]
    text = "".join(lines).replace("plugins:\n", "plugins:\n  - search\n", 1)
    return text.replace("  features:\n", "  features:\n    - search.suggest\n    - search.highlight\n", 1)


def build_sites(sessions: int, workdir: Path, seed: int, log) -> dict[str, Path]:
    project = make_project(workdir / f"pagefind-{sessions}", sessions, seed)
    log(f"  {sessions} sessions: building the site (Pagefind)")
    engine.build(project)
    twin = workdir / f"lunr-{sessions}"
    shutil.copytree(project, twin, ignore=shutil.ignore_patterns("site"))
    (twin / "mkdocs.yml").write_text(lunr_config((project / "mkdocs.yml").read_text("utf-8")), "utf-8")
    log(f"  {sessions} sessions: building it as it was (Material's search plugin)")
    engine.build(twin)
    return {"pagefind": project / "site", "lunr": twin / "site"}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def served(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _renderer_rss_mib() -> float:
    """Resident memory of the renderer processes this process started (through Playwright)."""
    parents, commands = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        parents[int(entry.name)] = (int(fields.get("PPid", "0")), int(fields.get("VmRSS", "0 kB").split()[0]))
    ours, total = {os.getpid()}, 0
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _) in parents.items():
            if ppid in ours and pid not in ours:
                ours.add(pid)
                changed = True
    for pid in ours:
        if b"--type=renderer" in commands.get(pid, b""):
            total += parents[pid][1]
    return total / 1024


def measure(playwright, url: str, kind: str, query: str = QUERY, timeout_s: float = 300) -> dict:
    """One fresh browser on ``url``: ready time, bytes, keystroke-to-results time, memory."""
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                         args=["--no-sandbox", "--disable-gpu"])
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
        context.set_default_timeout(timeout_s * 1000)
        page = context.new_page()
        fetched: list[tuple[str, int]] = []
        page.on("response", lambda response: fetched.append((response.url, _size(response))))
        started = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        parsed = time.perf_counter() - started
        if kind == "pagefind":
            page.focus(".md-search__input")
            page.wait_for_selector("[data-studykb-search-ready]", state="attached")
        else:
            page.wait_for_function("() => !document.querySelector('.md-search-result__meta')"
                                   ".textContent.includes('Initializing')", polling=20)
        ready = time.perf_counter() - started
        page.focus(".md-search__input")
        page.keyboard.type(query[:-1])
        page.wait_for_timeout(300)
        pressed = time.perf_counter()
        page.keyboard.press(query[-1])
        if kind == "pagefind":
            page.wait_for_function("q => document.querySelector('[data-studykb-search]')"
                                   ".getAttribute('data-studykb-searched') === q", arg=query, polling=20)
        else:
            page.wait_for_function("q => document.querySelector('.md-search__input').value === q && "
                                   "document.querySelectorAll('.md-search-result__item').length > 0 && "
                                   "/matching/.test(document.querySelector('.md-search-result__meta').textContent)",
                                   arg=query, polling=20)
        to_results = time.perf_counter() - pressed
        results = page.locator(".md-search-result__item").count()
        rss = _renderer_rss_mib()
        search_files = [(u, n) for u, n in fetched if "/pagefind/" in u or "/search/" in u or "workers/search" in u]
        return {"ready_s": ready, "page_parsed_s": parsed, "fetched_bytes": sum(n for _, n in search_files),
                "fetched_files": len(search_files), "keystroke_to_results_s": to_results,
                "tab_rss_mib": rss, "results_shown": results}
    finally:
        browser.close()


def _size(response) -> int:
    """The body's length as the server announced it (the bench's server always does)."""
    return int(response.headers.get("content-length", 0))


def measure_size(playwright, sites: dict[str, Path], repeats: int, log) -> dict:
    figures = {}
    for kind, site in sites.items():
        sessions = sorted(p.name for p in (site / "sessions").iterdir())
        session = sessions[len(sessions) // 2]
        runs = []
        with served(site) as base:
            for repeat in range(repeats):
                log(f"    {kind}: run {repeat + 1} of {repeats}")
                runs.append(measure(playwright, f"{base}sessions/{session}/", kind))
        figures[kind] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        figures[kind]["runs"] = runs
        figures[kind]["index_bytes"] = sum(p.stat().st_size for p in _index_files(site, kind))
    return figures


def _index_files(site: Path, kind: str) -> list[Path]:
    """The files a search may fetch: Material's index, or Pagefind's bundle less its own UIs."""
    if kind == "lunr":
        return [site / "search" / "search_index.json"]
    return [p for p in (site / "pagefind").rglob("*") if p.is_file() and "-ui." not in p.name
            and p.name != "pagefind-highlight.js"]


def run(sizes, repeats: int, seed: int, workdir: Path, log=print) -> dict:
    from playwright.sync_api import sync_playwright

    out = {"query": QUERY, "repeats": repeats, "cpus": os.cpu_count(), "sizes": [],
           "load_average_at_start": os.getloadavg()[0]}
    with sync_playwright() as playwright:
        for sessions in sizes:
            sites = build_sites(sessions, workdir, seed, log)
            log(f"  {sessions} sessions: measuring in Chromium")
            out["sizes"].append({"sessions": sessions, **measure_size(playwright, sites, repeats, log)})
    out["load_average_at_end"] = os.getloadavg()[0]
    return out


def table(figures: dict) -> list[list[str]]:
    rows = []
    for size in figures["sizes"]:
        for kind, name in (("lunr", "Material's search (lunr)"), ("pagefind", "Pagefind")):
            f = size[kind]
            rows.append([f"{size['sessions']:,}", name, f"{f['ready_s']:.2f}",
                         f"{f['ready_s'] - f['page_parsed_s']:.2f}", _mb(f["fetched_bytes"]),
                         f"{f['keystroke_to_results_s']:.2f}", f"{f['tab_rss_mib']:.0f}", _mb(f["index_bytes"])])
    return rows


HEADER = ["sessions", "search", "ready s", "after the page s", "fetched", "keystroke to results s", "tab memory MiB", "index on disk"]


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def main(argv: list[str] | None = None) -> int:
    from .report import markdown_table

    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=3, help="fresh browsers per site, the median reported")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="where search.json goes")
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"Chromium not found at {CHROMIUM} (set CHROMIUM=path)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        figures = run(tuple(args.sizes), max(1, args.repeats), args.seed, Path(scratch),
                      log=lambda line: print(line, file=sys.stderr, flush=True))
    print(markdown_table(HEADER, table(figures)))
    path = args.docs / FIGURES
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {path}")
    return 0


def section(docs: Path = ROOT / "docs") -> list[str]:
    """The Performance page's Search section, from the last ``python -m bench.search``."""
    from .report import markdown_table

    path = docs / FIGURES
    if not path.is_file():
        return []
    figures = json.loads(path.read_text("utf-8"))
    return [
        "## Search",
        "",
        "The site is searched with Pagefind, whose index is built after the site and split in",
        "chunks: a search loads a small entry file, then only the chunks of the words typed and a",
        "fragment per result shown. It replaced Material's search plugin, which loads the whole",
        "index into every page (`search/search_index.json`) and indexes it in the browser before",
        f"the first search. Measured by `python -m bench.search` in Chromium on {figures['cpus']} CPUs",
        f"(the median of {figures['repeats']} fresh browsers per site; the query typed: *{figures['query']}*):",
        "a session page is opened and its search box focused at once. *Ready* runs from the start",
        "of the navigation until a search can be answered (*after the page*: less the time the",
        "page took to be parsed; Pagefind loads nothing before the box is used); *fetched* counts",
        "every search file the tab loaded until the results showed, uncompressed; *tab memory* is",
        "the renderer process's resident memory, its search worker included.",
        "",
        markdown_table(HEADER, table(figures)),
        "",
        "Material's search also found nothing for a Korean term followed by a particle (`학습률`",
        "in `학습률은`); Pagefind matches the start of words, so it does (tests/e2e/test_search.py).",
        "",
    ]


if __name__ == "__main__":
    sys.exit(main())
