"""Our part, stage by stage, in this process: read+parse, link, render, write.

Run in a fresh interpreter per size (``python -m bench --child-ours PROJECT``) so
imports are warm only as far as a real build's are, and peak memory is ours alone.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from .memory import peak_mib

STAGES = ("parse", "link", "render", "write")


def stage_seconds(root: Path) -> dict:
    """Seconds per stage for the project at ``root`` (its generated pages rewritten from nothing),
    run as ``pipeline.generate`` runs them: every page rendered, then all written."""
    from studykb.link import link
    from studykb.pipeline import load_config, read_logs
    from studykb.render import render_site
    from studykb.render.memo import PageMemo
    from studykb.results import load_run_results
    from studykb.vocabulary import build_lexicon
    from studykb.vocabulary_file import load_user_vocabulary
    from studykb.write import write_tree

    config = load_config(root)
    shutil.rmtree(config.generated_path, ignore_errors=True)
    docs, owned = config.generated_path.parent, config.generated_path.name
    clock, cpu, seconds, cpu_seconds, diagnostics = time.perf_counter(), time.process_time(), {}, {}, []

    def lap(stage: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        seconds[stage], cpu_seconds[stage], clock, cpu = now - clock, now_cpu - cpu, now, now_cpu

    logs = read_logs(config, diagnostics)
    lap("parse")
    user_terms, ignored, problems = load_user_vocabulary(config.vocabulary_path, "sessions/vocabulary.yml")
    knowledge, problems = link(logs, build_lexicon(user_terms, ignored), config.watchlist_window)
    diagnostics += problems
    lap("link")
    results, assets = load_run_results(knowledge, config.root)
    # A fresh memo, as the first build of a process has: its keys are part of the cost.
    files, _ = render_site(knowledge, results, config.watchlist_window, PageMemo())
    lap("render")
    write_tree(docs, {**files, **assets}, owned)
    lap("write")
    files = _read_tree(docs, owned)
    clock, cpu = time.perf_counter(), time.process_time()
    write_tree(docs, files, owned)  # the same pages again: all compared, none written
    lap("write_unchanged")
    return {
        "seconds": seconds,
        "total_s": sum(seconds[s] for s in STAGES),
        "cpu_seconds": cpu_seconds,
        "total_cpu_s": sum(cpu_seconds[s] for s in STAGES),
        "peak_rss_mib": peak_mib(),
        "sessions": len(knowledge.sessions),
        "concepts": len(knowledge.concepts),
        "generated_files": len(files),
        "generated_bytes": sum(map(len, files.values())),
        "diagnostics": {level: sum(1 for d in diagnostics if d.level.name.lower() == level)
                        for level in ("error", "warning", "info")},
    }


def _read_tree(docs: Path, owned: str) -> dict[str, bytes]:
    """The generated files as written (docs-relative path -> bytes)."""
    return {path.relative_to(docs).as_posix(): path.read_bytes()
            for path in sorted((docs / owned).rglob("*")) if path.is_file()}


def child_main(root: str) -> int:
    json.dump(stage_seconds(Path(root)), sys.stdout)
    return 0


def profile(root: Path, top: int = 10) -> str:
    """cProfile of the four stages; the ``top`` functions by own time."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(stage_seconds, root)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()
