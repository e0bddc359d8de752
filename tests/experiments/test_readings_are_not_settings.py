"""What a line says about a run it reports is not a setting of a run to make
(experiments.asking, experiments.values, experiments.answers, studykb.experiment_lines):
an epoch a figure is read at or how often one is noted, a case an equation defines, the
values stated for another experiment named on the same line, a model named only as what
is used instead, a run of another chapter's experiment, and the lines of a time log."""

import pytest

from experiments import answer
from studykb.config import Config
from studykb.pipeline import load


def runs(line: str, chapter: int | None, learned: bool = False) -> list[tuple[str, str]]:
    return [(run.experiment, run.run_id) for run in answer(line, chapter, learned=learned).runs
            if run.experiment != "learner-scripts"]


LOG = """# ch5 RNNLM

## Session: 2026-03-04 21:00 KST
- Time log (today): Start ~21:05 KST | End 22:47 KST | Duration ~102 minutes (training ran in background ~60 min)
- Topics covered:
  - Ran `ch05/train_custom_loop.py` with time_size=5, max_epoch=100

## Session: 2026-03-05 21:00 KST
- 시작: 21:00, 종료: 22:00 (학습은 백그라운드에서 40분 돌림)
- Topics covered:
  - RNNLM 다시 학습함
"""


def test_the_lines_of_a_time_log_ask_for_no_run_and_are_not_reported(tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text(LOG, "utf-8")
    loaded = load(Config(root=tmp_path))
    lines = {ref.source.line for ref in loaded.knowledge.experiment_refs}
    assert 4 not in lines and 9 not in lines and 6 in lines
    assert not [d for d in loaded.diagnostics if "looks like an experiment" in str(d)]
