"""The log's own lines outside its sessions (free text before the first session, lines
under a heading above the session headings): fenced code there is code, as in a session."""
from __future__ import annotations

import pytest

from studykb.model import CodeBlock, Note
from studykb.parse import parse_log
from studykb.labels import shipped_labels
from studykb.render import kbjson
from studykb.sources import LogText
from tests.test_tags_and_front_matter import timeline

FENCED = "```\n$ python train.py\n# batch_size=10\n\n    <script>alert(1)</script>\n```\n"
LOGS = [
    # free text before the first session, in a log with sessions and in one without
    "# Study log\n\nOld notes:\n\n" + FENCED + "\n## 2026-11-22\n- Topics: embedding\n",
    "# 공부 기록\n\n예전 메모:\n" + FENCED + "끝\n",
    # the lines under a heading above the session headings
    "# Log\n## Week 1\n### 2026-11-22\n- Topics: a\n## Leftovers\n" + FENCED + "### 2026-11-29\n- Topics: b\n",
]


def parse(text: str):
    return parse_log(LogText("sessions/log.md", tuple(text.splitlines())), shipped_labels())[0]


@pytest.mark.parametrize("text", LOGS)
def test_fenced_code_outside_sessions_is_a_code_block_kept_verbatim(text):
    log = parse(text)
    code = [b for b in log.preamble if isinstance(b, CodeBlock)]
    assert [c.lines for c in code] == [("$ python train.py", "# batch_size=10", "", "    <script>alert(1)</script>")]
    assert not [n for n in log.preamble if isinstance(n, Note) and "batch_size" in n.text]


@pytest.mark.parametrize("text", LOGS)
def test_fenced_code_outside_sessions_shows_as_escaped_code_on_the_timeline(text):
    page = timeline(text)
    assert ("<pre><code>$ python train.py\n# batch_size=10\n\n    &lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"
            in page)
    assert "<script>" not in page and "batch_size=10</h4>" not in page and "<p>```</p>" not in page


def test_a_fence_never_closed_outside_sessions_is_text():
    log = parse("# Log\n```\n# not code\n## 2026-11-22\n- Topics: a\n")
    assert [(type(b).__name__, b.source.line) for b in log.preamble] == [("Note", 1), ("Note", 2), ("Note", 3)]


def test_the_title_is_not_a_heading_inside_code():
    assert parse("```\n# pip list\n```\n# Real title\n## 2026-11-22\n- Topics: a\n").title == "Real title"


def test_kb_json_lists_the_code_block_of_the_free_text():
    log = parse(LOGS[0])
    shown = [kbjson._preamble(b) for b in log.preamble]
    assert {"type": "code", "info": "", "lines": list(log.preamble[2].lines),
            "source": {"file": "sessions/log.md", "line": 5}} in shown
