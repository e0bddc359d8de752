"""Fenced code, as CommonMark reads it: alone or as a list item's text (Logseq's outline),
ended by its closing fence or by the end of the item it is in, never by swallowing a header."""
from __future__ import annotations

import pytest

from studykb import fences
from studykb.model import CodeBlock
from tests.test_parse import parse



@pytest.mark.parametrize("line, marker, info, column, in_bullet", [
    ("```python", "```", "python", 0, False),
    ("  ~~~~", "~~~~", "", 2, False),
    ("- ```", "```", "", 2, True),
    ("    - ```bash  ", "```", "bash", 6, True),
    ("1. ```", "```", "", 3, True),
])
def test_a_fence_opens_alone_or_as_an_items_text(line, marker, info, column, in_bullet):
    assert fences.opening(line) == fences.Fence(marker, info, column, in_bullet)


@pytest.mark.parametrize("line", ["```x``` is a code span", "- ``two``", "- a ``` in text", "-```"])
def test_what_opens_no_fence(line):
    assert fences.opening(line) is None


@pytest.mark.parametrize("lines, code, end, closed", [
    # A list item's fence: its code less the item's indentation, closed at the same column.
    (["  - ```", "    $ python train.py", "    | epoch 1 | loss 4.16", "    ```", "## Dec 9th"],
     ("$ python train.py", "| epoch 1 | loss 4.16"), 4, True),
    # Never closed: the item ends where a line is less indented, and the header is no code.
    (["- ```", "  x = 1", "## 12월 9일", "```"], ("x = 1",), 2, False),
    # A closing fence further left than the opening still closes it.
    (["  ```python", "  y = 2", "```", "z"], ("y = 2",), 3, True),
    # A longer closing fence closes; a shorter one is code.
    (["````", "```", "`````"], ("```",), 3, True),
    # A fence of the left margin runs to its closing fence, headers inside it are code.
    (["```", "## not a header", "```"], ("## not a header",), 3, True),
])
def test_a_fenced_block_ends_at_its_fence_or_its_item(lines, code, end, closed):
    block = fences.block_at(lines, 0)
    assert (block.code, block.end, block.closed) == (code, end, closed)


def test_a_fence_of_the_left_margin_never_closed_fences_nothing():
    assert fences.block_at(["```", "text"], 0) is None


@pytest.mark.parametrize("log", [
    # Logseq: two-space nesting, the fence as a bullet's text.
    "## Dec 8th, 2026\n- DOING training\n  - ```\n    $ python ch04/train.py\n    | epoch 1 | loss 2.47\n"
    "    ```\n  - first loss 4.16\n\n## Dec 9th, 2026\n- DONE eval\n",
    # Tabs, and a fence with an info string, in Korean.
    "## 2026-12-08\n- 학습\n\t- ```python\n\t  print(1)\n\t  ```\n\n## 2026-12-09\n- 복습\n",
    # A fence the item ends without closing it: the next header still starts a session.
    "## 2026-12-08\n- run\n  - ```\n    epoch 1\n## 2026-12-09\n- more\n",
])
def test_an_items_code_never_swallows_the_next_session(log):
    parsed, problems = parse(log)
    assert len(parsed.entries) == 2
    code = [b for b in parsed.entries[0].blocks if isinstance(b, CodeBlock)]
    assert len(code) == 1 and code[0].lines and not code[0].lines[0].startswith(" ")
    assert not any("never closed" in p.message for p in problems)


def test_an_items_fence_its_item_ends_is_said():
    _, problems = parse("## 2026-12-08\n- run\n  - ```\n    epoch 1\n- next\n")
    assert [p.line for p in problems if "not closed before line 5" in p.message] == [3]
