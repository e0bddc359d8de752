"""A part named for experiments (``## Experiments``, ``### 실험``, ``### 実験``, ``### 实验``,
``## Run log``) is a part studykb knows: kept under its own name, never reported as unknown,
its lines asking for runs as any line does; a ``- 실험: ...`` bullet inside another part
stays a line of that part. Log text in, parts, diagnostics and runs out."""
from __future__ import annotations

import pytest

from studykb.config import Config
from studykb.labels import shipped_labels
from studykb.model import SectionKind
from studykb.parse import parse_log
from studykb.pipeline import load
from studykb.sources import LogText

LABELS = shipped_labels()

EXPERIMENT_PARTS = ["Experiments", "Experiment", "Experiment results", "Run log", "Runs", "Training log", "Results",
                    "실험", "실험 결과", "실행 기록", "実験", "実験結果", "学習ログ", "实验", "实验结果", "训练记录"]
NOT_EXPERIMENT_PARTS = ["Parking lot", "Experimental ideas", "Odds and ends", "気になったこと", "주차장", "杂项"]


def _log(name: str, sessions: int = 2) -> tuple[str, ...]:
    lines: list[str] = []
    for day in range(1, sessions + 1):
        lines += [f"## Session: 2026-03-{day:02d} 09:00 KST", f"### {name}", f"- line {day}", ""]
    return tuple(lines)


@pytest.mark.parametrize("name", EXPERIMENT_PARTS)
def test_a_part_named_for_experiments_is_kept_under_its_name_and_not_reported(name):
    log, problems = parse_log(LogText("sessions/t.md", _log(name)), LABELS)
    assert [(s.kind, s.name) for s in log.entries[0].sections] == [(SectionKind.OTHER, name)]
    assert not [p for p in problems if "not one studykb knows" in p.message]
    assert LABELS.is_plain_part(name)


@pytest.mark.parametrize("name", NOT_EXPERIMENT_PARTS)
def test_a_part_of_another_name_is_still_reported(name):
    _, problems = parse_log(LogText("sessions/t.md", _log(name)), LABELS)
    assert [p.line for p in problems if "not one studykb knows" in p.message] == [2]


@pytest.mark.parametrize("bullet", [
    "- 실험: `W_h`를 랜덤으로 두고 기울기 노름을 그려 봄",
    "- Experiment: plotted the gradient norm over 20 steps",
    "- 実験: 勾配ノルムを20ステップ描いた",
    "- 实验：画了 20 步的梯度范数",
])
def test_an_experiment_bullet_inside_a_learned_part_stays_in_it(bullet):
    lines = ("## Session: 2026-03-01 09:00 KST", "### What I learned", "- vanishing gradients", bullet, "- clipping")
    log, _ = parse_log(LogText("sessions/t.md", lines), LABELS)
    learned = [s for s in log.entries[0].sections if s.kind is SectionKind.LEARNED]
    assert [len(s.items) for s in learned] == [3]
    assert learned[0].items[-1].text == "clipping"


@pytest.mark.parametrize("name, line, run", [
    ("Experiments", "Ran ch04/train.py with hidden size 300, window 5", ("ch04-word2vec", "hidden-300")),
    ("실험", "ch04 word2vec을 hidden size 300으로 학습시켰다", ("ch04-word2vec", "hidden-300")),
    ("实验", "学生跑了 ch06 的 LSTM 语言模型", ("ch06-lstm-lm", "default")),
])
def test_the_lines_of_an_experiments_part_ask_for_runs_as_any_line_does(tmp_path, name, line, run):
    (tmp_path / "sessions").mkdir()
    log = f"# ch4\n\n## 2026-03-01 09:00–10:00\n### {name}\n- {line}\n"
    (tmp_path / "sessions" / "log.md").write_text(log, "utf-8")
    knowledge = load(Config(root=tmp_path)).knowledge
    assert run in {(ref.experiment, ref.run_id) for ref in knowledge.experiment_refs}
