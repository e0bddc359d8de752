"""Log text becomes inert HTML; generated pages link each other by relative permalinks."""
from __future__ import annotations

import re

import markdown
import pytest

from studykb.render import html
from studykb.render.html import inline, nested_list
from studykb.render.urls import href
from studykb.model import ConceptSlug, Span


@pytest.mark.parametrize("text, must_not_contain", [
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ("[click](javascript:alert(1))", "href"),
    ("![pixel](https://tracker.example/p.png)", "<img"),
    ("[file](../../etc/passwd)", "href"),
    ('[x](https://a.example/"onmouseover="alert(1))', '"onmouseover'),
    ("</ul></li><li>", "</ul>"),
    ("```studykb-html", "<pre"),
    ("\\`<img src=x onerror=alert(1)>`", "<img"),
    ("\\[notes\\](javascript:alert(1))", "href"),
    ("[x](JaVaScRiPt:alert(1))", "href"),
    ("[x](data:text/html,<script>alert(1)</script>)", "<script"),
    ('<a href="javascript:alert(1)">x</a>', "<a "),
    ("***<img src=x onerror=alert(1)>***", "<img"),
    ('"><svg onload=alert(1)>', "<svg"),
])
def test_hostile_text_stays_text(text, must_not_contain):
    out = inline(text)
    assert must_not_contain not in out
    assert out.strip()


@pytest.mark.parametrize("text, expected", [
    ("a & b < c", "a &amp; b &lt; c"),
    ("{{ config.site_name }} {% x %}", "{{ config.site_name }} {% x %}"),
    ("**bold** and *em* and __strong__ and _em_", "<strong>bold</strong> and <em>em</em> and "
                                                 "<strong>strong</strong> and <em>em</em>"),
    ("snake_case_name stays", "snake_case_name stays"),
    ("~~PMI vs PPMI~~ got it, ~~~ stays", "<del>PMI vs PPMI</del> got it, ~~~ stays"),
    ("2 * 3 * 4", "2 * 3 * 4"),
    ("`a < b` and `*x*`", "<code>a &lt; b</code> and <code>*x*</code>"),
    ("**use `x_y`**", "<strong>use <code>x_y</code></strong>"),
    ("see [docs](https://example.org/a_b_c)", 'see <a href="https://example.org/a_b_c">docs</a>'),
    ("nul \x00 here", "nul \N{REPLACEMENT CHARACTER} here"),
])
def test_inline_markdown_kept(text, expected):
    assert inline(text) == expected


def spans_of(line: str, pattern: str, concept: str) -> tuple[Span, ...]:
    """Spans where ``pattern`` matches ``line``, as the link stage would place them."""
    return tuple(Span(m.start(), m.end(), ConceptSlug(concept)) for m in re.finditer(pattern, line))


def test_concepts_are_linked_once_per_line_and_not_inside_links():
    line = "[LR](https://x.example) LR and learning rate"
    out = inline(line, html.Linker("../../concepts/"), spans_of(line, "LR|learning rate", "learning-rate"))
    assert out.count('href="../../concepts/learning-rate/"') == 1
    assert out.startswith('<a href="https://x.example">LR</a> <a href="../../concepts/learning-rate/">LR</a>')


def test_a_span_that_covers_a_code_span_links_the_code():
    line = "`batch size` and `lr` then batch size"
    spans = spans_of(line, "`batch size`|(?<!`)batch size", "batch-size")
    out = inline(line, html.Linker("../c/"), spans)
    assert out == '<a href="../c/batch-size/"><code>batch size</code></a> and <code>lr</code> then batch size'


@pytest.mark.parametrize("line", [
    "LR, learning rate & LR again <b>",  # plain text
    "LR, learning rate & *LR* again <b>",  # emphasis
    "LR, `x` learning rate & LR again <b>",  # a code span
])
def test_plain_lines_and_marked_up_lines_link_mentions_alike(line):
    out = inline(line, html.Linker("../c/"), spans_of(line, "LR|learning rate", "learning-rate"))
    assert out.count('<a href="../c/learning-rate/">LR</a>') == 1  # the first mention only
    assert out.count("learning rate") == 1 and "&amp; " in out and "&lt;b&gt;" in out


# In a table cell ``<br>`` (``<br/>``, ``<br />``) is a line break, as GitHub and Obsidian show
# it; inside code, and every other tag, it stays text.
@pytest.mark.parametrize("cell, expected", [
    ("one <br> two", "one<br>two"),
    ("one<br/>two<BR />three", "one<br>two<br>three"),
    ("잘 모름 <br> 다시 볼 것", "잘 모름<br>다시 볼 것"),
    ("`a<br>b` <br> c", "<code>a&lt;br&gt;b</code><br>c"),
    ("x <br class=y> <b>z</b>", "x &lt;br class=y&gt; &lt;b&gt;z&lt;/b&gt;"),
    ("<br><script>", "<br>&lt;script&gt;"),
])
def test_a_break_in_a_table_cell_is_a_line_break(cell, expected):
    assert html.cell(cell) == expected


def test_a_cell_links_a_concept_once_across_its_breaks():
    line = "LR first <br> then LR and `LR`"
    out = html.cell(line, html.Linker("../c/"), spans_of(line, "LR", "learning-rate"))
    assert out == '<a href="../c/learning-rate/">LR</a> first<br>then LR and <code>LR</code>'
    assert html.table_row(f"| a | {line} |") == "a · LR first<br>then LR and <code>LR</code>"


def test_without_spans_nothing_is_linked_and_a_page_does_not_link_its_own_concept():
    line = "LR and learning rate"
    assert "<a " not in inline(line, html.Linker("../c/"))
    assert "<a " not in inline(line, html.Linker("../", exclude=ConceptSlug("learning-rate")),
                               spans_of(line, "LR|learning rate", "learning-rate"))


def test_a_long_line_of_unmatched_delimiters_is_fast():
    import time
    line = "*a _b **c `d [e](f " * 5000
    started = time.perf_counter()
    out = inline(line)
    assert time.perf_counter() - started < 2
    assert out.count("[e](f") == 5000


@pytest.mark.parametrize("from_page, to_path, expected", [
    ("generated/sessions/a.md", "generated/concepts/b.md", "../../concepts/b/"),
    ("generated/sessions/a.md", "generated/sessions/b.md", "../../sessions/b/"),
    ("generated/glossary.md", "generated/concepts/b.md#x", "../concepts/b/#x"),
    ("index.md", "generated/sessions/x.md", "sessions/x/"),
    ("generated/sessions/a.md", "generated/assets/x.svg", "../../assets/x.svg"),
    ("generated/experiments/index.md", "generated/experiments/a.md", "../experiments/a/"),
    ("generated/experiments/a.md", "generated/experiments/index.md", "../../experiments/"),
    ("generated/timeline.md", "generated/timeline.md#m", "../timeline/#m"),
    ("index.md", "index.md#m", "./#m"),
    ("generated/glossary.md", "generated/concepts/은닉층.md", "../concepts/%EC%9D%80%EB%8B%89%EC%B8%B5/"),
    ("generated/concepts/은닉층.md", "generated/glossary.md#은닉층", "../../glossary/#%EC%9D%80%EB%8B%89%EC%B8%B5"),
])
def test_links_between_pages_are_relative_permalinks(from_page, to_path, expected):
    """A slug in another script is percent-encoded, as MkDocs writes its own links."""
    assert href(from_page, to_path) == expected


def test_a_concept_link_percent_encodes_a_korean_slug():
    line = "은닉층은 입력과 출력 사이의 층"
    out = inline(line, html.Linker("../../concepts/"), spans_of(line, "은닉층", "은닉층"))
    assert out.startswith('<a href="../../concepts/%EC%9D%80%EB%8B%89%EC%B8%B5/">은닉층</a>은')


@pytest.mark.parametrize("here, prefix", [
    ("generated/sessions/2024-01-01-0900.md", "../../concepts/"),
    ("generated/concepts/x.md", "../../concepts/"),
    ("generated/timeline.md", "../concepts/"),
])
def test_concept_links_are_relative_to_the_page(here, prefix):
    assert html.concept_linker(here).url(ConceptSlug("epoch")) == prefix + "epoch/"


def test_nested_lists_follow_depth_and_kind():
    out = nested_list([(0, False, "a"), (1, True, "b"), (1, True, "c"), (0, False, "d"), (2, False, "e")])
    assert out.replace("\n", "") == ("<ul><li>a<ol><li>b</li><li>c</li></ol></li>"
                                     "<li>d<ul><li>e</li></ul></li></ul>")


@pytest.mark.parametrize("numbers, opening", [((1, 2), "<ol>"), ((5, 6), '<ol start="5">'), ((3,), '<ol start="3">')])
def test_a_numbered_list_starts_at_its_first_number(numbers, opening):
    out = nested_list([(0, n, f"item {n}") for n in numbers])
    assert out.startswith(opening) and out.count("<li>") == len(numbers)


def test_blocks_pass_through_the_engine_unchanged():
    """The fence mkdocs.yml configures: HTML as it is, even with backtick lines inside."""
    body = "<ul>\n<li>x</li>\n</ul>\n```` not a fence end"
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {
        "custom_fences": [{"name": html.FENCE, "class": html.FENCE, "format": html.passthrough}]}})
    assert md.convert("# T\n\n" + html.block(body) + "\n\nafter\n") == \
        '<h1>T</h1>\n' + body + "\n<p>after</p>"
