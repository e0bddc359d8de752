"""A session that runs a run and plans to run it again shows it as run beside the line that ran
it, and as planned beside the line that plans it (while it has no results)."""
from __future__ import annotations

import dataclasses

import pytest

from studykb.config import Config
from studykb.pipeline import load
from studykb.render.context import make_context
from studykb.render.session import render_session
from studykb.render.words import words_for
from studykb.results import load_run_results
from tests.conftest import make_project

# The plan comes first in the log.
LOGS = {
    "en": """# Notes

## 2026-12-08 — ch6

**Next time:** rerun `ch06/train_better_rnnlm.py` on a GPU

**Done:**
- ran `ch06/train_better_rnnlm.py` on the CPU, stopped at epoch 2
""",
    "ko": """# 학습 기록

## 2026-12-08 — 6장

**다음 시간:** `ch06/train_better_rnnlm.py`는 GPU 빌려서 다시 돌리기

**한 일:**
- `ch06/train_better_rnnlm.py` 실행, CPU라 epoch 2에서 중단
""",
}


def page_of(tmp_path, log: str, with_metrics: bool = False) -> str:
    root = make_project(tmp_path, {"log.md": log})
    knowledge = load(Config(root=root)).knowledge
    results, _ = load_run_results(knowledge, root)
    if with_metrics:
        results = {key: dataclasses.replace(result, metrics={"headline": "ppl 75.8"}) if result.metrics is None
                   else result for key, result in results.items()}
    return render_session(knowledge.sessions[0], make_context(knowledge, results))


@pytest.mark.parametrize("language, plan, run", [("en", "on a GPU", "stopped at"), ("ko", "GPU 빌려서", "중단")])
def test_a_run_the_session_ran_and_plans_again_shows_as_run_where_it_ran(tmp_path, language, plan, run):
    page = page_of(tmp_path, LOGS[language])
    words = words_for(language)
    planned, ran = f"<summary>{words.plain('planned_experiment')}: ", f"<summary>{words.plain('experiment')}: "
    assert planned in beside(page, plan) and ran not in beside(page, plan)
    assert ran in beside(page, run) and planned not in beside(page, run)


def test_a_run_with_results_shows_once_where_it_ran(tmp_path):
    page = page_of(tmp_path, LOGS["en"], with_metrics=True)
    assert "Planned experiment: Ch06" not in page
    assert page.count("Experiment: Ch06") == 1
    assert "Experiment: Ch06" in beside(page, "stopped at")


def beside(page: str, words: str) -> str:
    """The HTML from the line that says `words` up to the next line of the log."""
    start = page.index(words)
    ends = [end for end in (page.find("<li>", start), page.find('<p class="studykb-label">', start)) if end != -1]
    return page[start: min(ends, default=len(page))]
