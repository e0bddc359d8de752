"""Rebuilds under ``mkdocs serve`` parse only the logs that changed and render only the session
pages that changed (pipeline.BuildCache, which the MkDocs hook keeps from one build to the next)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from studykb import pipeline
from studykb.render import memo
from studykb.config import Config
from studykb.session_lines import lines_of
from tests.conftest import ROOT, fixture_logs, make_project

LOG = """# Log {month}

## Session: 2026-{month}-01 10:00:00 UTC
- Topics covered:
- {topic}
"""


def counting_parser(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = pipeline.parse_log

    def parse_log(text, *labels):
        parsed.append(text.path)
        return real(text, *labels)

    monkeypatch.setattr(pipeline, "parse_log", parse_log)
    return parsed


def topics(loaded: pipeline.Loaded) -> set[str]:
    return {item.text for session in loaded.knowledge.sessions
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


def test_generate_keeps_the_parsed_logs_in_the_cache_it_is_given(tmp_path, monkeypatch):
    root, cache = project_with_two_logs(tmp_path), pipeline.BuildCache()
    pipeline.generate(Config(root=root), cache)
    parsed = counting_parser(monkeypatch)
    (root / "sessions" / "b.md").write_text(LOG.format(month="02", topic="bucketing"), "utf-8")
    edited = pipeline.generate(Config(root=root), cache)
    assert parsed == ["sessions/b.md"] and edited.report.written


def test_generate_without_a_cache_builds_from_nothing(tmp_path, monkeypatch):
    """No state outlives a call: the process keeps nothing of its own between builds."""
    root = project_with_two_logs(tmp_path)
    pipeline.generate(Config(root=root))
    parsed = counting_parser(monkeypatch)
    pipeline.generate(Config(root=root))
    assert parsed == ["sessions/a.md", "sessions/b.md"]


HOOK_REBUILDS = """
import json, sys
from mkdocs.config import load_config
import studykb.pipeline as pipeline

parsed, real = [], pipeline.parse_log
pipeline.parse_log = lambda text, *labels: parsed.append(text.path) or real(text, *labels)

def rebuild():
    config = load_config("mkdocs.yml")  # as `mkdocs serve` does before every build
    hook = config.hooks["scripts/hooks/studykb_hook.py"]
    hook.on_config(config)
    return hook

first = rebuild()
with open("sessions/b.md", "a", encoding="utf-8") as log:
    log.write("- an edit\\n")
parsed.clear()
second = rebuild()
print(json.dumps({"same_hook": first is second, "same_cache": first.BUILD_CACHE is second.BUILD_CACHE,
                  "parsed": parsed}))
"""


def test_the_hook_keeps_one_build_cache_across_the_rebuilds_of_a_process(tmp_path):
    """``mkdocs serve`` loads mkdocs.yml again before each rebuild; the hook module, and the
    cache it owns, stay the same, so the second build parses only the edited log."""
    root = project_with_two_logs(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", HOOK_REBUILDS], cwd=root, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen == {"same_hook": True, "same_cache": True, "parsed": ["sessions/b.md"]}


def test_pages_from_cached_logs_are_the_pages_from_a_fresh_parse(tmp_path):
    root = project_with_two_logs(tmp_path)
    cache = pipeline.BuildCache()
    pipeline.generate(Config(root=root), cache)
    (root / "sessions" / "b.md").write_text(LOG.format(month="02", topic="bucketing"), "utf-8")
    cached = pipeline.generate(Config(root=root), cache)
    fresh = pipeline.generate(Config(root=root))
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


def counting_renders(monkeypatch) -> list[str]:
    """The sessions whose pages are rendered, in order."""
    rendered: list[str] = []
    real = memo.render_session

    def render_session(session, ctx):
        rendered.append(session.id)
        return real(session, ctx)

    monkeypatch.setattr(memo, "render_session", render_session)
    return rendered


def test_a_rebuild_renders_only_the_session_pages_whose_inputs_changed(tmp_path, monkeypatch):
    root = make_project(tmp_path, {"log.md": "# Log\n" + SESSIONS})
    cache = pipeline.BuildCache()
    pipeline.generate(Config(root=root), cache)
    log = root / "sessions" / "log.md"
    log.write_text(log.read_text("utf-8").replace("on day 4", "on day 4, checked twice"), "utf-8")
    rendered = counting_renders(monkeypatch)
    pipeline.generate(Config(root=root), cache)
    assert rendered == ["2026-03-04-1000"]  # the edited session alone was rendered again
    memoised = generated_pages(root)
    pipeline.generate(Config(root=root))  # from nothing
    assert generated_pages(root) == memoised
    assert "checked twice" in memoised["sessions/2026-03-04-1000.md"]


def test_a_new_concept_renders_the_session_pages_that_mention_it_again(tmp_path, monkeypatch):
    """A concept defined anywhere can turn plain words on any page into a link: the pages
    whose lines now name it are rendered again (their mentions changed), and only those."""
    root = make_project(tmp_path, {"log.md": "# Log\n" + SESSIONS.replace("on day 1", "on day 1 with a blorp")})
    cache = pipeline.BuildCache()
    pipeline.generate(Config(root=root), cache)
    assert "concepts/blorp/" not in generated_pages(root)["sessions/2026-03-01-1000.md"]
    log = root / "sessions" / "log.md"
    log.write_text(log.read_text("utf-8").replace("- epoch and `batch size` on day 7",
                                                  "- `blorp` is a made-up unit of work"), "utf-8")
    rendered = counting_renders(monkeypatch)
    pipeline.generate(Config(root=root), cache)
    assert sorted(rendered) == ["2026-03-01-1000", "2026-03-07-1000"]  # the one whose plain words name it, and the defining one
    memoised = generated_pages(root)
    assert '<a href="../../concepts/blorp/">blorp</a>' in memoised["sessions/2026-03-01-1000.md"]
    pipeline.generate(Config(root=root))  # from nothing
    assert generated_pages(root) == memoised


TABLES = """# Tables

## 2026-12-07 19:00
| concept | note |
|---|---|
| alignment | which source word each output word looks at |

```python
x = 1
```
| param | value |
|---|---|
| lr | 0.1 |
"""


def test_a_session_page_is_kept_by_the_mentions_on_every_line_link_reads(tmp_path):
    """The memo's key reads the concepts of each line of a session where ``lines_of`` has them:
    items, fields, Q/A lines, notes, every row of a table (one that is a part too), no code."""
    root = make_project(tmp_path, {**fixture_logs(), "tables.md": TABLES})
    knowledge = pipeline.load(Config(root=root)).knowledge
    assert any(getattr(block, "part", None) for session in knowledge.sessions for block in session.blocks)
    for session in knowledge.sessions:
        assert list(memo._line_sources(session)) == [line.source for line in lines_of(session)]
