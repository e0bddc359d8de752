"""Rebuilds under ``mkdocs serve`` parse only the logs that changed (pipeline.LogCache)."""
from __future__ import annotations

import gc
import weakref

from studykb import pipeline
from studykb.config import Config
from tests.conftest import make_project

LOG = """# Log {month}

## Session: 2026-{month}-01 10:00:00 UTC
- Topics covered:
- {topic}
"""


def counting_parser(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = pipeline.parse_log

    def parse_log(text):
        parsed.append(text.path)
        return real(text)

    monkeypatch.setattr(pipeline, "parse_log", parse_log)
    return parsed


def topics(loaded: pipeline.Loaded) -> set[str]:
    return {item.text for log in loaded.knowledge.logs for session in log.sessions
            for block in session.blocks for item in getattr(block, "items", ())}


def project_with_two_logs(tmp_path):
    return make_project(tmp_path, {"a.md": LOG.format(month="01", topic="attention"),
                                   "b.md": LOG.format(month="02", topic="beam search")})


def test_an_edit_reparses_only_its_log_and_shows(tmp_path, monkeypatch):
    root, cache = project_with_two_logs(tmp_path), pipeline.LogCache()
    parsed = counting_parser(monkeypatch)
    pipeline.load(Config(root=root), cache)
    assert sorted(parsed) == ["sessions/a.md", "sessions/b.md"]
    (root / "sessions" / "b.md").write_text(LOG.format(month="02", topic="bucketing"), "utf-8")
    parsed.clear()
    loaded = pipeline.load(Config(root=root), cache)
    assert parsed == ["sessions/b.md"]
    assert {"attention", "bucketing"} <= topics(loaded) and "beam search" not in topics(loaded)


def test_unchanged_logs_are_not_parsed_again(tmp_path, monkeypatch):
    root, cache = project_with_two_logs(tmp_path), pipeline.LogCache()
    first = pipeline.load(Config(root=root), cache)
    parsed = counting_parser(monkeypatch)
    again = pipeline.load(Config(root=root), cache)
    assert parsed == [] and again == first


def test_a_new_user_name_in_one_log_reparses_every_log(tmp_path, monkeypatch):
    """Redaction hides the names found in any log, so a new one can change every log."""
    root, cache = project_with_two_logs(tmp_path), pipeline.LogCache()
    pipeline.load(Config(root=root), cache)
    parsed = counting_parser(monkeypatch)
    (root / "sessions" / "a.md").write_text(LOG.format(month="01", topic="/home/zelda/x and zelda"), "utf-8")
    loaded = pipeline.load(Config(root=root), cache)
    assert sorted(parsed) == ["sessions/a.md", "sessions/b.md"]
    assert "~/x and [user]" in topics(loaded)


def test_a_removed_log_leaves_the_model_and_the_cache(tmp_path):
    root, cache = project_with_two_logs(tmp_path), pipeline.LogCache()
    pipeline.load(Config(root=root), cache)
    (root / "sessions" / "a.md").unlink()
    loaded = pipeline.load(Config(root=root), cache)
    assert [log.path for log in loaded.knowledge.logs] == ["sessions/b.md"]
    assert set(cache.parsed) == {"sessions/b.md"}


def test_generate_keeps_the_parsed_logs_for_the_next_build_in_the_process(tmp_path, monkeypatch):
    """What ``mkdocs serve`` relies on: the hook calls ``generate`` with no cache of its own."""
    root = project_with_two_logs(tmp_path)
    pipeline.generate(Config(root=root))
    parsed = counting_parser(monkeypatch)
    (root / "sessions" / "b.md").write_text(LOG.format(month="02", topic="bucketing"), "utf-8")
    edited = pipeline.generate(Config(root=root))
    assert parsed == ["sessions/b.md"] and edited.report.written


def test_pages_from_cached_logs_are_the_pages_from_a_fresh_parse(tmp_path):
    root = project_with_two_logs(tmp_path)
    cache = pipeline.LogCache()
    pipeline.generate(Config(root=root), cache)
    (root / "sessions" / "b.md").write_text(LOG.format(month="02", topic="bucketing"), "utf-8")
    cached = pipeline.generate(Config(root=root), cache)
    fresh = pipeline.generate(Config(root=root), pipeline.LogCache())
    assert fresh.report.written == () and fresh.home == cached.home


SESSIONS = "".join(f"""
## Session: 2026-03-{day:02d} 10:00:00 UTC
- Topics covered:
- epoch and `batch size` on day {day}
- Key concepts repeatedly confused (watchlist):
- learning rate versus step size
""" for day in range(1, 8))


def generated_pages(root) -> dict[str, str]:
    folder = root / "docs" / "generated"
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*.md")}


def test_a_rebuild_renders_only_the_session_pages_whose_inputs_changed(tmp_path):
    root = make_project(tmp_path, {"log.md": "# Log\n" + SESSIONS})
    cache, memo = pipeline.LogCache(), pipeline.PageMemo()
    pipeline.generate(Config(root=root), cache, memo)
    log = root / "sessions" / "log.md"
    log.write_text(log.read_text("utf-8").replace("on day 4", "on day 4, checked twice"), "utf-8")
    memo.hits = 0
    pipeline.generate(Config(root=root), cache, memo)
    assert memo.hits == 6  # the edited session alone was rendered again
    memoised = generated_pages(root)
    pipeline.generate(Config(root=root), pipeline.LogCache(), pipeline.PageMemo())  # from nothing
    assert generated_pages(root) == memoised
    assert "checked twice" in memoised["sessions/2026-03-04-1000.md"]


def test_a_new_concept_renders_every_session_page_again(tmp_path):
    """A session page links every concept it mentions: a concept defined anywhere can
    turn plain words on any page into a link."""
    root = make_project(tmp_path, {"log.md": "# Log\n" + SESSIONS.replace("on day 1", "on day 1 with a blorp")})
    cache, memo = pipeline.LogCache(), pipeline.PageMemo()
    pipeline.generate(Config(root=root), cache, memo)
    assert "concepts/blorp/" not in generated_pages(root)["sessions/2026-03-01-1000.md"]
    log = root / "sessions" / "log.md"
    log.write_text(log.read_text("utf-8").replace("- epoch and `batch size` on day 7",
                                                  "- `blorp` is a made-up unit of work"), "utf-8")
    memo.hits = 0
    pipeline.generate(Config(root=root), cache, memo)
    assert memo.hits == 0
    assert '<a href="../../concepts/blorp/">blorp</a>' in generated_pages(root)["sessions/2026-03-01-1000.md"]


class _Node:
    pass


def test_what_a_build_sets_apart_from_the_collector_does_not_outlive_the_next_build(tmp_path, monkeypatch):
    """A build leaves everything made so far out of the cycle collector's passes; a garbage
    cycle caught there (say, one the engine left behind) is collected by the build after."""
    root = project_with_two_logs(tmp_path)
    caught = []
    real = pipeline.load_run_results

    def leaving_a_garbage_cycle(knowledge, project_root):
        node = _Node()
        node.self = node
        caught.append(weakref.ref(node))
        return real(knowledge, project_root)

    monkeypatch.setattr(pipeline, "load_run_results", leaving_a_garbage_cycle)
    pipeline.generate(Config(root=root))
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.collect()
    assert caught[0]() is not None  # set apart: no pass of the collector reaches it
    monkeypatch.setattr(pipeline, "load_run_results", real)
    pipeline.generate(Config(root=root))
    assert caught[0]() is None and gc.isenabled()
