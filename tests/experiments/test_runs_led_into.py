"""A line that states the settings of the code block right after it leads into the block: the
block's command runs with the line's settings, not with the script's defaults."""

from __future__ import annotations

import pytest

from tests.experiments.test_asking_for_runs import runs_by_line
from experiments.gallery import SPEC

SCRIPTS = SPEC.id

PLAIN = """# Notes

## 2026-12-01 — ch4

- trying it quickly first, `max_epoch = 2` only
```
$ python ch04/train.py
| epoch 1 | iter 1 / 9295 | loss 4.16
```
- then the full run with `max_epoch = 10` overnight
"""

KOREAN = """# 학습 기록

## 2026-12-01 — 4장

- CPU라서 먼저 `max_epoch=3`으로 짧게 확인
```
$ python ch04/train.py
```
"""

# A Logseq journal: the settings line is a topic's child, the code block the next child; the
# topic's part is read apart from the day's other lines, so the block comes after those.
OUTLINE = """# Journal

## Dec 1st, 2026
- DOING 4.3.2 training on PTB
  - only a smoke test today, `max_epoch = 1`
  - ```
    $ python ch04/train.py
    | epoch 1 |  iter 1 / 9295 | time 0[s] | loss 4.16
    ```
- the unigram 0.75 power flattens the distribution ✅
"""

QUESTION = """# Notes

## 2026-12-01 — ch4

- why is `max_epoch = 10` the book's choice?
```
$ python ch04/train.py
```
"""


@pytest.mark.parametrize("log, line, run", [
    (PLAIN, 5, "epochs-2"),
    (KOREAN, 5, "epochs-3"),
    (OUTLINE, 5, "epochs-1"),
])
def test_a_line_stating_settings_leads_into_the_code_block_that_runs_the_script(tmp_path, log, line, run):
    found = runs_by_line(tmp_path, log)
    assert found[line] == [("ch04-word2vec", run, False), (SCRIPTS, "ch04-train.py", False)]


def test_the_line_after_the_block_states_its_own_run(tmp_path):
    found = runs_by_line(tmp_path, PLAIN)
    assert [(experiment, run) for experiment, run, _ in found[10]] == [("ch04-word2vec", "default")]


def test_a_question_with_a_setting_does_not_lead_into_the_block(tmp_path):
    found = runs_by_line(tmp_path, QUESTION)
    assert 5 not in found
    assert found[7] == [("ch04-word2vec", "default", False), (SCRIPTS, "ch04-train.py", False)]


OPENING = """# Notes

## 2026-12-01 — ch4

{line}
```
$ python ch04/train.py
| epoch 1 | iter 1 / 9295 | loss 4.16
```
"""


@pytest.mark.parametrize("line", ["Ran it with:", "跑了书上的训练：", "책 코드 그대로 실행:", "- Ran it with:"])
def test_a_line_that_opens_the_block_asks_for_the_run_its_command_runs(tmp_path, line):
    found = runs_by_line(tmp_path, OPENING.format(line=line))
    assert list(found.values()) == [[("ch04-word2vec", "default", False), (SCRIPTS, "ch04-train.py", False)]]
