"""Log text shown where it is no line of its own: inside a link (a recall card's front, a
session's title)."""
from __future__ import annotations

import pytest

from studykb.render import html


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
