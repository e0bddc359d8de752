"""Rebuilds under ``mkdocs serve`` parse only the logs that changed (pipeline.LogCache)."""
from __future__ import annotations

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
