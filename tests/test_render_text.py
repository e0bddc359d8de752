"""Log text becomes inert, readable Markdown."""
from __future__ import annotations

import markdown
import pytest

from studykb.render.text import inline

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition"]


def html(text: str) -> str:
    return markdown.markdown(inline(text), extensions=EXTENSIONS)


@pytest.mark.parametrize("text, must_not_contain", [
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ("[click](javascript:alert(1))", 'href="javascript'),
    ("![pixel](https://tracker.example/p.png)", "<img"),
    ("value {: onclick=alert(1) }", 'onclick="'),
    ("# not a heading", "<h1"),
    ("!!! note", "admonition"),
    ("- not a nested list", "<ul"),
    ("[ref]: https://x.example", "<p></p>"),
])
def test_hostile_text_renders_as_text(text, must_not_contain):
    out = html(text)
    assert must_not_contain not in out
    assert out.strip(), "the line must still show"


@pytest.mark.parametrize("text, shown", [
    ("{{ config.site_name }}", "{{ config.site_name }}"),
    ("{% include 'x' %}", "{% include 'x' %}"),
    ("{# comment #}", "{# comment #}"),
    ("a & b < c", "a &amp; b &lt; c"),
    ("**bold** stays bold", "<strong>bold</strong>"),
    ("`code {{ x }}` stays code", "<code>code {{ x }}</code>"),
    ("[web link](https://example.org/a)", '<a href="https://example.org/a">web link</a>'),
])
def test_text_is_shown_as_written(text, shown):
    assert shown in html(text)
