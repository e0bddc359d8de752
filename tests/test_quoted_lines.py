"""Log text shown where it is no line of its own: inside a link (a recall card's front, a
session's title) or quoted out of its table (a concept page's mentions)."""
from __future__ import annotations

import pytest

from studykb import pipeline
from studykb.config import Config
from studykb.model import ConceptSlug, Span
from studykb.render import html
from tests.conftest import make_project
from tests.test_pages import pages


@pytest.mark.parametrize("line, shown", [
    ("`dW[...] = 0` で毎回上書きする？", "<code>dW[...] = 0</code> で毎回上書きする？"),
    ("Why does *backward* add?", "Why does <em>backward</em> add?"),
    ("**역전파**에서 `np.add.at`을 쓰는 이유는?", "<strong>역전파</strong>에서 <code>np.add.at</code>을 쓰는 이유는?"),
    ("See [the book](https://example.com/dlfs2) p. 4", "See the book p. 4"),
    ("What is [[Negative sampling]]?", "What is Negative sampling?"),
    ("<b>raw</b> & more", "&lt;b&gt;raw&lt;/b&gt; &amp; more"),
])
def test_text_inside_a_link_keeps_its_markup_but_no_link_of_its_own(line, shown):
    out = html.link_label(line)
    assert out == shown
    assert "<a" not in out


def spans_of(line: str, *names: str) -> tuple[Span, ...]:
    return tuple(Span(line.index(n), line.index(n) + len(n), ConceptSlug(n.lower())) for n in names)


@pytest.mark.parametrize("line, names, shown", [
    ("| epoch | perplexity |", ("perplexity",), 'epoch · <a href="c/perplexity/">perplexity</a>'),
    ("| 1 | `Embedding` | 378.2 |", (), "1 · <code>Embedding</code> · 378.2"),
    ("| 설정 | 에폭 | 퍼플렉서티 |", ("퍼플렉서티",), '설정 · 에폭 · <a href="c/퍼플렉서티/">퍼플렉서티</a>'),
    ("| epoch | epoch loss |", ("epoch",), '<a href="c/epoch/">epoch</a> · epoch loss'),
    ("| a |  | <b> |", (), "a · &lt;b&gt;"),
    ("|---|:---:|", (), ""),
])
def test_a_table_row_quoted_out_of_its_table_reads_as_its_cells(line, names, shown):
    linker = html.Linker(prefix="c/", encoded={ConceptSlug(n.lower()): n.lower() for n in names})
    assert html.table_row(line, linker, spans_of(line, *names)) == shown


LOG = """# Log
## Session: 2026-01-01 10:00:00 UTC
- Topics covered:
- perplexity of the model
- Q/A: Why does `dW[...] = 0` reset the *perplexity* each time? Because it assigns.

| epoch | perplexity |
|---|---|
| 1 | 378.2 |

| setting | perplexity |
|---|---|
| perplexity on test | 5.6 |

## Session: 2026-01-02 10:00:00 UTC
- Topics covered:
- RNNLM

| epoch | perplexity |
|---|---|
| 10 | 228.9 |
"""


def test_a_concept_page_quotes_a_table_by_its_rows_and_a_card_by_its_markup(tmp_path):
    root = make_project(tmp_path, {"log.md": LOG})
    pipeline.generate(Config(root=root))
    page = pages(root)["concepts/perplexity.md"]
    mentions = page[page.index("## Sessions that mention it"):]
    assert "| " not in mentions  # no row as raw Markdown
    # A table whose only mention is its header is quoted by it, as cells; one whose body
    # row names the concept is quoted by that row, its header left out.
    assert mentions.count("epoch</a> · perplexity") == 2
    assert "setting · perplexity" not in mentions and "perplexity on test · 5.6" in mentions
    cards = page[page.index("## Recall cards"):page.index("## Sessions that mention it")]
    assert "<code>dW[...] = 0</code>" in cards and "<em>perplexity</em>" in cards and "`dW" not in cards
