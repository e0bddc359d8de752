"""The engine: ``mkdocs build`` (and ``mkdocs serve``) of a benchmark project, measured."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .project import SESSION_HEADER, child_env, session_id

# Pages built to list every session or concept; any other page that does breaks linearity.
INDEX_PAGES = ("timeline/index.html", "glossary/index.html", "watchlist/index.html", "recall/index.html",
               "experiments/index.html", "kb.json", "sitemap.xml")
SESSION_REF = re.compile(r"\d{4}-\d{2}-\d{2}-\d{4}(?:-\d+)?")
CONCEPT_REF = re.compile(r"concepts/([a-z0-9][a-z0-9-]*)/")
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


def timed_run(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Wall time, CPU time and peak memory of one child process (its own rusage, via wait4)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, env=env or child_env(), stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mib": usage.ru_maxrss / 1024,
            "stdout": stdout, "stderr": stderr}


def build(project: Path) -> dict:
    """``mkdocs build`` from the project's current state; phases from the timing hooks."""
    stamps = project / "stamps.json"
    launched = time.time()
    run = timed_run([sys.executable, "-m", "mkdocs", "build", "--quiet"], project,
                    {**child_env(), "BENCH_STAMPS": str(stamps)})
    times = json.loads(stamps.read_text()) if stamps.exists() else {}
    hook = times["generated"] - times["config"] if times else 0.0
    site = site_figures(project / "site")
    peak = times.pop("peak_rss_mib", None) or run["peak_rss_mib"]  # the build's own figure (timing_hook.py)
    return {"wall_s": run["wall_s"], "cpu_s": run["cpu_s"], "peak_rss_mib": peak,
            "hook_s": hook, "engine_s": run["wall_s"] - hook, "phases_s": _phases(launched, times), **site}


def _phases(launched: float, stamps: dict) -> dict:
    """Seconds of: start-up and config, our hook, other plugins and file collection,
    reading and rendering pages, writing pages, the search index (``on_post_build``)."""
    names = ["startup", "hook", "files", "render", "write", "search"]
    marks = [launched] + [stamps.get(k) for k in ("config", "generated", "files", "rendered", "pages", "written")]
    if None in marks:
        return {}
    return {name: marks[i + 1] - marks[i] for i, name in enumerate(names)}


def site_figures(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"site_bytes": sum(p.stat().st_size for p in files), "site_files": len(files),
            "pages": sum(1 for p in files if p.suffix == ".html")}


def pages_listing_everything(site: Path) -> list[str]:
    """Pages (not the index pages) that name every session, or link every concept."""
    sessions = {p.name for p in (site / "sessions").iterdir() if p.is_dir()} if (site / "sessions").is_dir() else set()
    concepts = {p.name for p in (site / "concepts").iterdir() if p.is_dir()} if (site / "concepts").is_dir() else set()
    found = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or path.suffix not in (".html", ".json", ".xml", ".md", ".txt") or rel in INDEX_PAGES:
            continue
        text = path.read_text("utf-8", errors="replace")
        if len(sessions) > 1 and sessions <= set(SESSION_REF.findall(text)):
            found.append(f"{rel}: every session")
        if len(concepts) > 1 and concepts <= set(CONCEPT_REF.findall(text)):
            found.append(f"{rel}: every concept")
    return found


# --- live reload -----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait_for(url: str, text: str | None, timeout: float, poll: float = 0.05) -> float | None:
    """Seconds until ``url`` serves a page (containing ``text``), or None at the timeout."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = _fetch(url)
        if body is not None and (text is None or text in body):
            return time.perf_counter() - started
        time.sleep(poll)
    return None


def _wait_idle(log_path: Path, quiet: float = 3.0, timeout: float = 600) -> None:
    """Until every build the server started has finished and no new one began for ``quiet`` s.

    The hook writes generated pages inside ``docs/`` during a build, which the server's
    watcher reports afterwards: one edit costs two builds. Edits are timed from an idle
    server so each measures one edit, not a queue.
    """
    started, last, since = time.perf_counter(), None, time.perf_counter()
    while time.perf_counter() - started < timeout:
        text = log_path.read_text("utf-8", errors="replace")
        state = (text.count("Building documentation"), text.count("Documentation built"), text.count("Error"))
        if state != last:
            last, since = state, time.perf_counter()
        elif state[0] <= state[1] + state[2] and time.perf_counter() - since >= quiet:
            return
        time.sleep(0.2)


def live_reload(project: Path, dirty: bool, edits: int = 2, timeout: float = 600) -> dict:
    """``mkdocs serve`` the project; edit one session line; seconds until its page shows it."""
    logs = sorted((project / "sessions").glob("*.md"))
    log = logs[len(logs) // 2]
    text = log.read_text("utf-8")
    header = SESSION_HEADER.search(text)
    port = free_port()
    url = f"http://127.0.0.1:{port}/sessions/{session_id(header)}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    server_log = project / f"serve{'-dirty' if dirty else ''}.log"
    with server_log.open("wb") as out:
        server = subprocess.Popen(command, cwd=project, env=child_env(), stdout=out, stderr=subprocess.STDOUT)
        try:
            first = _wait_for(url, None, timeout)
            if first is None:
                raise RuntimeError(f"mkdocs serve did not come up:\n{server_log.read_text()[-3000:]}")
            seconds = []
            for n in range(edits):
                _wait_idle(server_log, timeout=timeout)
                token = f"bench edit {n} {time.time_ns()}"
                text = text.replace("- Resume point for next session:\n", f"- Resume point for next session:\n- {token}\n", 1)
                log.write_text(text, "utf-8")
                seconds.append(_wait_for(url, token, timeout))
            _wait_idle(server_log, timeout=timeout)
            built = BUILT_IN.findall(server_log.read_text("utf-8", errors="replace"))
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    # The server's own figure for each rebuild: the rest of edit_to_page_s is noticing the
    # edit (a 0.5 s poll, then 0.1 s of quiet) and serving the page.
    return {"first_build_s": first, "edit_to_page_s": seconds, "dirty": dirty, "builds": len(built),
            "rebuild_s": [float(b) for b in built[1:]]}
