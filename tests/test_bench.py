"""The scale benchmark: its synthetic logs, its measurements and its site-size check."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from bench.engine import live_reload, pages_listing_everything
from bench.project import child_env, make_project, plain_config
from bench.report import COLUMNS, text_table
from bench.run import median_run
from bench.synth import synth_logs
from studykb.pipeline import load, load_config
from tests.conftest import ROOT


def test_synthetic_logs_are_deterministic_from_the_seed():
    assert synth_logs(10, seed=3) == synth_logs(10, seed=3)
    assert synth_logs(10, seed=3) != synth_logs(10, seed=4)


def test_a_synthetic_log_in_one_file_holds_the_same_sessions():
    monthly, one = synth_logs(40, seed=2), synth_logs(40, seed=2, one_file=True)
    assert len(monthly) == 2 and len(one) == 1
    sessions = lambda logs: [line for text in logs.values() for line in text.splitlines() if line.startswith("## ")]
    assert sessions(one) == sessions(monthly) and len(sessions(one)) == 40


def test_synthetic_logs_vary_their_wording():
    """Topics, definitions and Q/A lines rarely repeat; only watchlist items recur on purpose."""
    lines, section = [], None
    for line in "\n".join(synth_logs(200).values()).splitlines():
        if line.endswith(":") or line.startswith("## "):
            section = line
        elif line.startswith("- ") and "watchlist" not in (section or "") and not line.startswith(("- Repository", "- Time log")):
            lines.append(line)
    assert len(set(lines)) > 0.9 * len(lines)


def test_synthetic_logs_parse_cleanly_and_look_like_the_seed(tmp_path):
    make_project(tmp_path, 10, seed=1)
    loaded = load(load_config(tmp_path))
    levels = Counter(d.level.name for d in loaded.diagnostics)
    assert levels["ERROR"] == levels["WARNING"] == 0, loaded.diagnostics
    knowledge = loaded.knowledge
    assert len(knowledge.sessions) == 10
    assert all(s.timelog and s.timelog.minutes for s in knowledge.sessions)
    assert len(knowledge.concepts) >= 20 and knowledge.cards and knowledge.watchlist
    text = "\n".join(synth_logs(60).values())
    assert re.search(r"KST", text) and "- Q/A: " in text and "- Resume point for next session:" in text
    watch_lines = Counter(line for line in text.splitlines() if line.startswith("- ") and "`" in line and "." in line[-1:])
    assert max(watch_lines.values()) >= 2, "watchlist items recur across sessions"


def test_the_size_check_flags_a_page_listing_every_session(tmp_path):
    site = tmp_path / "site"
    ids = ["2024-01-01-0900", "2024-01-02-1015", "2024-01-03-2030"]
    for sid in ids:
        (site / "sessions" / sid).mkdir(parents=True)
        (site / "sessions" / sid / "index.html").write_text(f"<a href='../../timeline/'>{sid}</a>")
    every = "".join(f"<a href='../sessions/{sid}/'>{sid}</a>" for sid in ids)
    for allowed in ("timeline/index.html", "sitemap.xml", "kb.json"):
        (site / allowed).parent.mkdir(parents=True, exist_ok=True)
        (site / allowed).write_text(every)
    (site / "concepts" / "epoch").mkdir(parents=True)
    (site / "concepts" / "epoch" / "index.html").write_text(every[:60])
    assert pages_listing_everything(site) == []
    (site / "concepts" / "epoch" / "index.html").write_text(every)
    assert pages_listing_everything(site) == ["concepts/epoch/index.html: every session"]


def test_the_plain_twin_has_no_hook_watch_or_macros():
    plain = plain_config((ROOT / "mkdocs.yml").read_text())
    assert "hooks:" not in plain and "macros" not in plain and "watch:" not in plain
    assert "custom_dir: overrides" in plain and "markdown_extensions:" in plain and "studykb:" in plain


def test_the_median_run_is_reported_whole_with_the_spread():
    runs = [{"total_s": t, "seconds": {"parse": t}} for t in (1.4, 0.9, 1.1)]
    median = median_run(runs, "total_s")
    assert median["total_s"] == 1.1 and median["seconds"] == {"parse": 1.1}
    assert median["runs"] == [1.4, 0.9, 1.1]
    assert "0.90–1.40" in text_table({"sizes": [_size(median)]})


def _size(ours: dict) -> dict:
    stages = {"parse": 0.1, "link": 0.1, "render": 0.1, "write": 0.1}
    return {"sessions": 1000, "ours": {**ours, "seconds": stages, "total_cpu_s": 1.0, "peak_rss_mib": 50},
            "build": {"pages": 1100, "cpu_s": 9, "hook_s": 1, "engine_s": 8, "wall_s": 9, "peak_rss_mib": 200,
                      "site_bytes": 2**20},
            "plain": {"wall_s": 8, "site_bytes": 2**20}}


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    result = subprocess.run([sys.executable, "-m", "bench", "--sizes", "5", "10", "--repeats", "2", "--no-reload", "--no-experiments",
                             "--docs", str(docs)], cwd=ROOT, env=child_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, docs


def test_the_bench_prints_the_table(bench_run):
    stdout, _ = bench_run
    header = stdout.splitlines()[0].split()
    assert header[:2] == ["sessions", "pages"] and "whole/plain" in header
    assert re.search(r"^\s+5\s+\d+", stdout, re.MULTILINE) and re.search(r"^\s+10\s+\d+", stdout, re.MULTILINE)


def test_the_bench_writes_json_with_every_figure(bench_run):
    _, docs = bench_run
    data = json.loads((docs / "assets" / "performance" / "bench.json").read_text())
    assert [row["sessions"] for row in data["rows"]] == [5, 10]
    assert {key for key, _, _ in COLUMNS} <= set(data["rows"][0])
    size = data["sizes"][1]
    assert set(size["ours"]["seconds"]) >= {"parse", "link", "render", "write"}
    assert size["ours"]["sessions"] == 10 and size["ours"]["diagnostics"]["error"] == 0
    assert len(size["ours"]["runs"]) == 2 and size["ours"]["total_s"] in size["ours"]["runs"]
    assert len(size["build"]["runs"]) == 2 and size["build"]["wall_s"] in size["build"]["runs"]
    assert size["build"]["pages"] > 10 and size["build"]["site_bytes"] > 0 and size["build"]["hook_s"] > 0
    assert size["plain"]["pages"] == size["build"]["pages"]
    assert 0 < size["ours"]["peak_rss_mib"] < size["build"]["peak_rss_mib"]  # our stages alone, the whole build
    assert {t["target"] for t in data["targets"]} and data["environment"]["cpus"]
    one_file = data["one_file"]  # the largest size again, its sessions in one log file
    assert one_file["sessions"] == 10 and one_file["ours"]["sessions"] == 10 and len(one_file["ours"]["runs"]) == 2
    assert any("one log file" in t["target"] and t["met"] is not None for t in data["targets"])


def test_the_bench_writes_the_performance_page_and_plot(bench_run):
    _, docs = bench_run
    page = (docs / "performance.md").read_text()
    assert page.startswith("# Performance") and "| sessions | pages |" in page and "## Targets" in page
    assert "(assets/performance/bench.svg)" in page and "(assets/performance/bench.json)" in page
    svg = (docs / "assets" / "performance" / "bench.svg").read_bytes()
    assert svg.startswith(b"<?xml") and b"<dc:date>" not in svg


@pytest.mark.slow
def test_live_reload_is_measured_from_the_write_to_the_page(tmp_path):
    project = make_project(tmp_path / "p", 3)
    reload = live_reload(project, dirty=False, edits=1, timeout=120)
    assert reload["first_build_s"] > 0 and reload["edit_to_page_s"][0] is not None
