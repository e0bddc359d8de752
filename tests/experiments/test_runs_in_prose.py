"""Lines of prose and of a tutor's notes: a sentence that says nothing was run, a number that is
no figure, a section's code named in a topic, and a book script run with a model of another chapter
(experiments.asking, experiments.answers, experiments.gallery, studykb.experiment_lines)."""

from pathlib import Path

import pytest

from experiments import answer
from experiments.asking import figures, spaced
from studykb.config import Config
from studykb.pipeline import load

SCRIPTS = "learner-scripts"

# (line, chapter the log is in, the runs it asks for)
NOT_RUN = [
    # A sentence that says nothing was run asks for nothing; the paragraph's other sentences still may.
    ("8.5: GNMT (LSTM layers with attention), the Transformer (self-attention). Read it without running anything.",
     8, []),
    ("Read 8.1-8.2 on attention; no runs today.", 8, []),
    ("Went through the attention code but didn't run it.", 8, []),
    ("어텐션 부분은 읽기만 하고 코드는 안 돌림", 8, []),
    ("어텐션 코드는 실행하지 않았다.", 8, []),
    ("アテンションの節を読んだ。train.py は実行せず。", 8, []),
    ("アテンションのコードはまだ回していない", 8, []),
    ("看了注意力那一节，代码没跑。", 8, []),
    ("Ran `ch08/train.py` with hidden_size=256, 10 epochs. Skipped the heat maps, too slow.", 8,
     [("ch08-attention", "default"), (SCRIPTS, "ch08-train.py")]),
    ("`ch08/train.py` 실행, 은닉층 256. 시각화는 시간이 없어 건너뜀.", 8,
     [("ch08-attention", "default"), (SCRIPTS, "ch08-train.py")]),
    # "skip (residual) connections" names a layer, not a run skipped; the book's advice to try is no run.
    ("Deeper stacks use skip (residual) connections; the book says to just try both placements of attention.", 8, []),
    ("Skipping the better LSTM (`train_better_rnnlm.py`), too slow", 6, []),
]


@pytest.mark.parametrize("line, chapter, runs", NOT_RUN)
def test_a_sentence_that_says_nothing_was_run_asks_for_nothing(line, chapter, runs):
    assert [(run.experiment, run.run_id) for run in answer(line, chapter).runs] == runs


@pytest.mark.parametrize("line, reported", [
    ("パープレキシティの3行説明はよくできていた。", set()),
    ("Explained perplexity in 3 lines, in my own words", set()),
    ("퍼플렉서티를 3줄로 설명해 오기", set()),
    ("検証のパープレキシティが悪化したら学習率を 1/4 にする処理も確認。", set()),
    ("when the validation perplexity got worse, lr 0.25 of what it was", set()),
    ("검증 퍼플렉서티가 나빠지면 학습률을 1/4로", set()),
    ("test perplexity 136.8", {"perplexity"}),
    ("テストデータのパープレキシティ: 136.1", {"perplexity"}),
    ("验证集困惑度：epoch1 242.3 → epoch6 131.5", {"perplexity"}),
    ("4 lines of output, accuracy 99.1%", {"accuracy"}),
])
def test_a_number_is_a_figure_only_when_it_is_the_metrics(line, reported):
    assert figures(spaced(line).lower()) == reported


@pytest.mark.parametrize("line, chapter, runs", [
    ("パープレキシティの3行説明はよくできていた。", 6, []),
    ("検証のパープレキシティが悪化したら学習率を 1/4 にする処理も確認。", 6, []),
    # A book script of one chapter run with a model of another runs that chapter's code.
    ("Ran `ch07/generate_text.py` with the pretrained LSTM language model from chapter 6", 7,
     [(SCRIPTS, "ch07-generate_text.py")]),
    ("6장의 LSTM 언어 모델 가중치로 `ch07/generate_text.py` 실행", 7, [(SCRIPTS, "ch07-generate_text.py")]),
    ("Ran `ch06/train_rnnlm.py`: the LSTM from chapter 6", 7, [("ch06-lstm-lm", "default"), (SCRIPTS, "ch06-train_rnnlm.py")]),
    # A section's number and title with its code names what was studied.
    ("6.4 LSTM を使った言語モデル（Rnnlm、train_rnnlm.py）", 6, []),
    ("6.4 Language model with LSTM (`train_rnnlm.py`)", 6, []),
    ("Ran `ch06/train_rnnlm.py` (6.4)", 6, [("ch06-lstm-lm", "default"), (SCRIPTS, "ch06-train_rnnlm.py")]),
])
def test_what_a_line_runs(line, chapter, runs):
    assert [(run.experiment, run.run_id) for run in answer(line, chapter).runs] == runs


def test_a_run_line_without_a_verb_under_its_results_is_where_the_run_is(tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text("""# 学習記録

## 第9回 2026/12/17(木) 19:00〜20:30

### 今日の範囲
- 6.4 LSTM を使った言語モデル（Rnnlm、train_rnnlm.py）

### 実行結果
`ch06/train_rnnlm.py`（CPU、約1時間）

| 設定 | 値 |
|---|---|
| hidden_size | 100 |
""", "utf-8")
    lines = {ref.source.line for ref in load(Config(root=tmp_path)).knowledge.experiment_refs
             if ref.experiment == "ch06-lstm-lm"}
    assert lines == {9}
