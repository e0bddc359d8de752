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

from .memory import helper_usage, peak_mib

STAGES = ("parse", "link", "render", "write")


def stage_seconds(root: Path) -> dict:
    """Seconds per stage for the project at ``root`` (its generated pages rewritten from nothing),
    run as ``pipeline.generate`` runs them: the pages go to the writing helper as they are
    rendered (by this process and, for the larger logs, a forked copy of it), so "write" is
    what is left of the writing once the last page is rendered."""
    from studykb.link import link
    from studykb.model import build_set_apart_from_the_collector
    from studykb.pipeline import load_config, read_logs
    from studykb.render import emit_site
    from studykb.render.memo import PageMemo
    from studykb.results import load_run_results
    from studykb.vocabulary import build_lexicon
    from studykb.vocabulary_file import load_user_vocabulary
    from studykb.write import TreeStream

    config = load_config(root)
    shutil.rmtree(config.generated_path, ignore_errors=True)
    docs, owned = config.generated_path.parent, config.generated_path.name
    clock, cpu, seconds, cpu_seconds, diagnostics = time.perf_counter(), time.process_time(), {}, {}, []

    def lap(stage: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        seconds[stage], cpu_seconds[stage], clock, cpu = now - clock, now_cpu - cpu, now, now_cpu

    with build_set_apart_from_the_collector(), TreeStream(docs, owned) as out:  # as pipeline.generate does
        logs = read_logs(config, diagnostics)
        lap("parse")
        user_terms, ignored, problems = load_user_vocabulary(config.vocabulary_path, "sessions/vocabulary.yml")
        knowledge, problems = link(logs, build_lexicon(user_terms, ignored), config.watchlist_window)
        diagnostics += problems
        lap("link")
        results, assets = load_run_results(knowledge, config.root)
        # A fresh memo, as the first build of a process has: its keys are part of the cost.
        emit_site(knowledge, results, config.watchlist_window, out.put, PageMemo(), out.both)
        for path, content in assets.items():
            out.put(path, content)
        lap("render")
        out.close()
    lap("write")  # setting the build apart from the collector included
    helper = helper_usage()
    files = _read_tree(docs, owned)
    clock, cpu = time.perf_counter(), time.process_time()
    with TreeStream(docs, owned) as again:  # the same pages again: all compared, none written
        for path, content in files.items():
            again.put(path, content)
        again.close()
    lap("write_unchanged")
    return {
        "seconds": seconds,
        "total_s": sum(seconds[s] for s in STAGES),
        "cpu_seconds": cpu_seconds,
        # The CPU time of the writing helper and of the forked copy that renders half the
        # pages (TreeStream.both), on the other core while this process rendered the rest.
        "helper_cpu_s": helper["cpu_s"],
        "total_cpu_s": sum(cpu_seconds[s] for s in STAGES) + helper["cpu_s"],
        "peak_rss_mib": peak_mib(),
        "helper_peak_rss_mib": helper["peak_rss_mib"],
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
