"""One real ``mkdocs build --strict`` of every fixture log, and what a reader finds in it."""
from __future__ import annotations

import json
import re

import pytest

from studykb.config import Config
from studykb.sources import decode_log
from studykb.pipeline import load
from studykb.redact import make_redactor
from studykb.search import read_index
from tests.conftest import FIXTURES, readable, visible_text

pytestmark = pytest.mark.slow


def page_text(site, url: str) -> str:
    return visible_text((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))


def test_build_succeeds_and_reports_log_problems_by_file_and_line(built_fixture_site):
    log = (built_fixture_site / "build.log").read_text()
    # Shown by every build, and not failing --strict: the rest of each log builds.
    assert "sessions/hostile.md:3: error: impossible date or time '2026-02-30 10:00:00'" in log
    assert "sessions/hostile.md:17: error: session header has no timestamp" in log
    assert "sessions/title-only.md:1: warning: no session entries" in log


def test_every_line_of_every_log_is_readable_on_its_page(built_fixture_site):
    """Lossless: each non-blank line shows on the page of its session (or the timeline)."""
    site = built_fixture_site / "site"
    knowledge = load(Config(root=built_fixture_site)).knowledge
    redact = make_redactor(Config(root=built_fixture_site))
    pages = {}
    for path in sorted(FIXTURES.glob("*.md")):
        name = f"sessions/{path.name}"
        starts = sorted((s.source.line, s.id) for s in knowledge.sessions if s.source.path == name)
        for number, line in enumerate(decode_log(path.read_bytes(), name)[0].lines, 1):
            if not line.strip():
                continue
            owner = next((sid for start, sid in reversed(starts) if start <= number), None)
            url = f"sessions/{owner}" if owner else "timeline"
            if url not in pages:
                pages[url] = page_text(site, url)
            wanted = readable(redact(line))
            if not wanted:
                continue  # a bare code fence: its content is what shows
            assert " ".join(wanted.split()) in pages[url], f"{name}:{number} not on /{url}/: {line!r}"


def test_hostile_content_is_inert(built_fixture_site):
    site = built_fixture_site / "site"
    for html_file in (site / "sessions").rglob("index.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<iframe" not in html
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
        assert 'href="javascript:' not in html
        assert "tracker.example/p.png\"" not in html
    hostile = [p for p in (site / "sessions").rglob("index.html") if "config.site_name" in p.read_text()]
    assert hostile, "the template braces must reach the page as text"
    shown = visible_text(hostile[0].read_text())
    assert '{{ config.site_name }} and {% include "x" %} and {# c #}' in shown
    assert '<script>alert("x")</script>' in shown


def test_private_paths_never_reach_the_site(built_fixture_site):
    for path in (built_fixture_site / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".svg"):
            data = path.read_text(encoding="utf-8", errors="replace")
            for private in ("/Users/lukelee", "lukelee", "/home/alice", "Users\\bob"):
                assert private not in data, f"{private} leaked into {path}"


@pytest.mark.parametrize("url", [
    "", "timeline", "glossary", "watchlist", "recall", "experiments", "experiments/ch01-lr-sweep",
    "sessions/2026-02-14-1316", "sessions/2026-02-18-1503", "concepts/epoch", "concepts/learning-rate",
    "sources/dlfs2",
])
def test_permalinks_exist(built_fixture_site, url):
    assert (built_fixture_site / "site" / url / "index.html").is_file()


def test_colliding_session_times_get_a_suffix(built_fixture_site):
    assert (built_fixture_site / "site" / "sessions" / "2026-04-01-0900-2" / "index.html").is_file()


def test_home_page_shows_the_dashboard(built_fixture_site):
    text = page_text(built_fixture_site / "site", "")
    assert re.search(r"\b11 sessions\b", text)
    assert "Next up" in text and "Finish Ch01 with validation split" not in text  # the latest resume wins
    assert "Run validation split again with 10 seeds" in text
    assert "open on the watchlist" in text


def test_concept_page_has_definition_source_and_sessions(built_fixture_site):
    text = page_text(built_fixture_site / "site", "concepts/epoch")
    assert "epoch is one full pass over all samples." in text
    page = (built_fixture_site / "site" / "concepts" / "epoch" / "index.html").read_text(encoding="utf-8")
    # The definition cites its session (whose page links the log line), not a line number
    # that every edit above it would change.
    assert re.search(r'— <a href="../../sessions/2026-02-18-1503/">2026-02-18 15:03 KST</a>', page)


def test_later_definition_on_the_learning_rate_page(built_fixture_site):
    text = page_text(built_fixture_site / "site", "concepts/learning-rate")
    assert "Also called: LR" in text
    assert "How the understanding changed" in text and "I now think of it as a step length" in text


def test_glossary_anchor_and_search_index_find_aliases(built_fixture_site):
    site = built_fixture_site / "site"
    assert 'id="learning-rate"' in (site / "glossary" / "index.html").read_text()
    hits = {page.url for page in read_index(site) if re.search(r"\bLR\b", page.content)}
    assert {"/glossary/", "/concepts/learning-rate/"} <= hits
    glossary = next(page for page in read_index(site) if page.url == "/glossary/")
    assert "letter-l" in glossary.anchors  # its section of the letter L, a result of its own


def test_kb_json_has_the_whole_model(built_fixture_site):
    kb = json.loads((built_fixture_site / "site" / "kb.json").read_text())
    assert {"sessions", "concepts", "glossary", "watchlist", "cards", "experiment_refs"} <= set(kb)
    seed = next(s for s in kb["sessions"] if s["id"] == "2026-02-18-1503")
    assert seed["time_log"] == {"start": "14:28", "end": "15:03", "minutes": 35}
    assert seed["blocks"][0] == {"type": "field", "name": "Repository",
                                 "value": "~/Study/deep-learning-from-scratch-2/repo",
                                 "source": {"file": "sessions/dlfs2.md", "line": 17}}
    lr = next(r for r in kb["experiment_refs"] if r["experiment"] == "ch01-lr-sweep" and r["session"] == seed["id"])
    assert lr["params"]["lrs"] == [0.01, 0.1, 1.0, 3.0, 10.0]


def test_timeline_is_newest_first_by_month(built_fixture_site):
    text = page_text(built_fixture_site / "site", "timeline")
    assert text.index("May 2026") < text.index("April 2026") < text.index("March 2026") < text.index("February 2026")
    assert (built_fixture_site / "site" / "assets" / "study-time.svg").is_file()


def test_no_third_party_hosts_in_the_built_pages(built_fixture_site):
    for html_file in (built_fixture_site / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for attr in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            if "<link" in html and "fonts.googleapis" in attr:
                pytest.fail(f"Google Fonts in {html_file}")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
            assert not src.startswith(("http://", "https://", "//")), f"{html_file}: {src}"


def test_titles_and_descriptions_are_escaped(tmp_path):
    from tests.conftest import make_project, mkdocs_build
    log = "## Session: 2026-01-01 10:00 <b>x</b>\n- User language: English\n"
    project = make_project(tmp_path, {"t.md": log})
    (project / "sessions" / "vocabulary.yml").write_text('terms:\n  - term: "<script>bad</script>"\n    definition: \'"><img src=x onerror=alert(1)>\'\n')
    assert mkdocs_build(project).returncode == 0
    for html_file in (project / "site").rglob("*.html"):
        html = html_file.read_text()
        assert "<b>x</b>" not in html and "<script>bad" not in html and "<img src=x" not in html, html_file


def test_text_that_repeats_a_session_page_is_searched_on_the_session_page_only(built_fixture_site):
    pages = read_index(built_fixture_site / "site")

    def found(text: str) -> set[str]:
        return {page.url.strip("/") + "/" for page in pages if text in page.content}

    answer = "Confirmed as first diagnostic priority"  # a Q/A answer: also a recall card's back
    assert found(answer) == {"sessions/2026-02-14-1316/"}
    # not the timeline's topics (the learner's scripts page names its runs by script)
    assert found("train_custom_loop.py") - {"experiments/learner-scripts/"} == {"sessions/2026-02-18-1503/"}
    assert not found("UTC+09:00")  # the session facts
    quoted = "(with fixed LR)"  # a line quoted on the learning-rate and sweep concept pages
    assert "sessions/2026-02-18-1503/" in found(quoted)
    assert {loc for loc in found(quoted) if loc.startswith("concepts/")} == set()


def test_an_experiment_box_is_closed_and_its_summary_states_the_result(built_fixture_site):
    page = (built_fixture_site / "site" / "sessions" / "2026-02-18-1503" / "index.html").read_text(encoding="utf-8")
    summary = re.search(r'<details class="example">\s*<summary>Experiment: Ch01 learning-rate sweep[^<]*</summary>', page)
    assert summary, "the LR sweep's box is closed"
    assert "lowest mean loss at lr 3: 0.057" in summary[0]
    assert 'loading="lazy"' in page[summary.end():page.index("</details>", summary.end())]


def test_a_concept_page_shows_the_key_figure_and_finding_of_its_experiments(built_fixture_site):
    page = (built_fixture_site / "site" / "concepts" / "learning-rate" / "index.html").read_text(encoding="utf-8")
    evidence = page[page.index('id="evidence-from-the-experiments"'):]
    assert '<img src="../../assets/runs/ch01-lr-sweep/' in evidence
    assert "Finding:</strong> lowest mean loss at lr 3" in evidence
