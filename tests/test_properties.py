"""Generated logs (the grammar plus noise): the parser never raises, and nothing is lost.

Every non-blank source line is in the model and readable on its rendered session page, or
on the timeline for a line of the log's own (under a heading above the session headings)
(rendered to HTML with the same Markdown extensions as the site).
"""
from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykb.config import Config
from studykb.link import link
from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.render.html import FENCE, passthrough
from studykb.redact import make_redactor
from studykb.render import render_site
from studykb.sources import control_pictures, decode_log
from studykb.vocabulary import build_lexicon
from tests.conftest import readable, visible_text

LABELS = shipped_labels()  # the table that ships with studykb

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
# As mkdocs.yml configures it: generated HTML passes through its fence.
CONFIGS = {"pymdownx.superfences": {"custom_fences": [{"name": FENCE, "class": FENCE, "format": passthrough}]}}
LEXICON_TERMS = ["epoch", "batch size", "LR", "learning rate", "validation", "sweep", "updates per epoch"]

words = st.sampled_from(["epoch", "batch", "size", "loss", "LR", "the", "a", "model", "grad", "x1", "é", "数据"])
noise = st.sampled_from(["<script>", "{{ x }}", "{% y %}", "{#", "`", "``", "**", "_", "[a](javascript:b)", "![i](http://t/p.png)",
                         "&amp;", "|", "\\", "#", ">", "!!!", "~~~", ":", "- ", "1. ", "{: .x}", "\t", "/Users/bob/x"])
phrase = st.lists(st.one_of(words, noise, st.text(min_size=1, max_size=6)), min_size=1, max_size=8).map(" ".join)
code = st.sampled_from(LEXICON_TERMS + ["train.py", "0.01, 0.1", "np.int"]).map(lambda t: f"`{t}`")
text = st.lists(st.one_of(phrase, code), min_size=1, max_size=4).map(" ".join)

field_line = st.tuples(st.sampled_from(["Repository", "User language", "Mood", "Time log (today)"]), text).map(
    lambda t: f"- {t[0]}: {t[1]}")
section_line = st.sampled_from(["- Topics covered:", "- What we learned today:", "- Resume point for next session:",
                                "- Key concepts repeatedly confused (watchlist):", "- Other:"])
item_line = st.tuples(st.sampled_from(["- ", "  - ", "    - ", "1. ", "  2. "]), text).map("".join)
qa_line = text.map(lambda t: f" - Q/A: {t}")
fence = st.lists(text, max_size=3).map(lambda lines: "\n".join(["```", *lines, "```"]))
table = st.lists(text, min_size=1, max_size=3).map(lambda rows: "\n".join(f"| {r} | x |" for r in rows))
body_line = st.one_of(field_line, section_line, item_line, item_line, qa_line, text, fence, table, st.just(""))
header = st.sampled_from(["## Session: 2026-02-18 15:03:34 KST", "## Session: 2026-02-30 10:00 KST",
                          "## Session: 2026-03-01 09:00", "## Session:", "## Session: soon"])
entry = st.tuples(header, st.lists(body_line, max_size=12)).map(lambda e: "\n".join([e[0], *e[1]]))
log_text = st.tuples(st.lists(text, max_size=2), st.lists(entry, max_size=4),
                     st.sampled_from(["\n", "\r\n", "\r"])).map(
    lambda t: t[2].join(["# Title", *t[0], *"\n".join(t[1]).split("\n")]) + t[2])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(log_text.map(str.encode), st.binary(max_size=300)))
def test_the_parser_never_raises(data):
    lines, _ = decode_log(data, "sessions/p.md")
    log, problems = parse_log(lines, LABELS)
    link([log], build_lexicon([], frozenset()), 3)
    assert all(str(p).startswith("sessions/p.md:") for p in problems)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=log_text)
def test_every_line_is_readable_on_its_rendered_page(source):
    redact = make_redactor(Config(root=None))
    lines, _ = decode_log(source.encode("utf-8"), "sessions/p.md")
    redacted = lines.__class__(lines.path, tuple(redact(line) for line in lines.lines))
    log, _ = parse_log(redacted, LABELS)
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    pages, _ = render_site(knowledge, {(r.experiment, r.run_id): _no_result(r) for r in knowledge.experiment_refs}, 3)
    starts = sorted((s.source.line, s.id) for s in knowledge.sessions)
    # Shown with the log, on the timeline: its notes, and code blocks from fence to fence.
    logs_own = {note.source.line + offset for note in log.preamble
                for offset in range(len(getattr(note, "lines", ())) + 2 if hasattr(note, "lines") else 1)}
    rendered: dict[str, str] = {}
    for number, line in enumerate(redacted.lines, 1):
        wanted = readable(control_pictures(line))
        owner = next((sid for start, sid in reversed(starts) if start <= number), None)
        if not wanted or owner is None:
            continue
        page = "generated/timeline.md" if number in logs_own else f"generated/sessions/{owner}.md"
        if page not in rendered:
            rendered[page] = visible_text(markdown.markdown(_body(pages[page]), extensions=EXTENSIONS,
                                                                 extension_configs=CONFIGS))
        assert _comparable(wanted) in _comparable(rendered[page]), f"line {number}: {line!r}"


def _no_result(ref):
    from studykb.render.runs import RunResult
    return RunResult(ref.experiment, ref.run_id, ref.experiment, None)


def _body(page: str) -> str:
    return page.split("---\n", 2)[2] if page.startswith("---\n") else page


def _comparable(text: str) -> str:
    """Markup characters may pair up differently, and spaces inside code spans may be
    trimmed: what must survive is every other character, in order."""
    for mark in ("*", "_", "\\", "|", "`"):
        text = text.replace(mark, "")
    return "".join(control_pictures(text).split())
