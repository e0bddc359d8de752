"""What generated pages hold, and which of them an edit changes."""
from __future__ import annotations

from datetime import date, timedelta

from studykb import pipeline
from studykb.config import Config
from studykb.render.concept import MAX_LISTED_SESSIONS, QUOTED_SESSIONS
from tests.conftest import make_project


def session(day: date, extra: str = "") -> str:
    return (f"## Session: {day:%Y-%m-%d} 10:00:00 UTC\n- Topics covered:\n- epoch count on {day}\n{extra}"
            f"- Q/A: What is an epoch? One pass over the data ({day}).\n")


def log(days: int, start: date = date(2026, 1, 1)) -> str:
    return "# Log\n" + "".join(session(start + timedelta(days=n)) for n in range(days))


def pages(root) -> dict[str, str | bytes]:
    """Every generated file: text for pages, bytes for the rest (the Anki deck)."""
    folder = root / "docs" / "generated"
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") if p.suffix in (".md", ".json", ".svg") else p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_a_concept_page_quotes_the_newest_sessions_and_links_a_bounded_number(tmp_path):
    days = MAX_LISTED_SESSIONS + 20
    root = make_project(tmp_path, {"log.md": log(days)})
    pipeline.generate(Config(root=root))
    page = pages(root)["concepts/epoch.md"]
    assert f"Sessions that mention it ({days})" in page
    newest = date(2026, 1, 1) + timedelta(days=days - 1)
    assert f"epoch count on {newest}" in page
    assert page.count("epoch count on") == QUOTED_SESSIONS
    assert page.count('href="../../sessions/') == MAX_LISTED_SESSIONS
    assert "…and 20 earlier sessions" in page and 'href="../../timeline/"' in page


def test_inserting_a_line_changes_only_the_pages_that_show_it(tmp_path):
    """No page names a line number of another, so lines moving down change nothing else."""
    root = make_project(tmp_path, {"log.md": log(6)})
    pipeline.generate(Config(root=root))
    before = pages(root)
    path = root / "sessions" / "log.md"
    path.write_text(path.read_text("utf-8").replace("- Topics covered:\n", "- Topics covered:\n- a new first topic\n", 1),
                    "utf-8")
    pipeline.generate(Config(root=root))
    after = pages(root)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"sessions/2026-01-01-1000.md", "sources/log.md", "timeline.md", "kb.json"}


def test_sections_of_one_kind_are_shown_together_under_our_heading(tmp_path):
    text = ("## Session: 2026-01-01 10:00:00 UTC\n- Topics covered:\n- one\n- Other:\n- two\n"
            "- Topics covered:\n- three\n")
    root = make_project(tmp_path, {"log.md": text})
    pipeline.generate(Config(root=root))
    page = pages(root)["sessions/2026-01-01-1000.md"]
    topics, rest = page.split("## Topics")[1].split("## Everything else in the entry")
    assert topics.count("Topics covered:") == 2 and "one" in topics and "three" in topics
    assert "Other:" in rest and "two" in rest
