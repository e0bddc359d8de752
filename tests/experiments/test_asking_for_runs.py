"""Which lines ask for a run, not only name what an experiment is about, and which chapter a
line is in (experiments.asking, experiments.chapters, studykb.experiment_lines)."""

from pathlib import Path

import pytest

from experiments import answer
from experiments.asking import says_run
from experiments.chapters import chapters_named, chapters_studied
from studykb.config import Config
from studykb.pipeline import load

SCRIPTS = "learner-scripts"


@pytest.mark.parametrize("text, named, studied", [
    ("6장", (6,), (6,)),
    ("제6장 게이트가 추가된 RNN", (6,), (6,)),
    ("챕터 7: seq2seq", (7,), (7,)),
    ("第6章 ゲート付きRNN", (6,), (6,)),
    ("오늘 범위: 5장 5.1~5.2", (5,), (5,)),
    ("5.6장", (), ()),
    ("오늘 범위: 6.1 RNN의 문제점, 기울기 클리핑", (6,), (6,)),
    ("Scope: 5.4~5.5 RNNLM", (5,), (5,)),
    ("lr: 1.0 works best", (), ()),
    ("loss: 1.75 at the end", (), ()),
    ("Re-run with hidden size 300, then ch.5.", (5,), ()),
    ("Skimmed 4.4; perplexity ~ 120 for an RNNLM later, just a preview of ch.5.", (5,), ()),
    ("Finish Ch01, then move to Ch02.", (1, 2), (1,)),
    ("next: chapter 7", (7,), ()),
    ("7장 seq2seq 시작 전에 6장 개선판은 건너뜀", (7, 6), (6,)),
    ("Why the ch.3 CBOW does not scale", (3,), (3,)),
])
def test_the_chapters_a_line_names_and_those_it_is_about(text, named, studied):
    assert chapters_named(text) == named
    assert chapters_studied(text) == studied


# (line, chapter the log is in, a line of what was learned, the runs it asks for)
LINES = [
    # Naming an experiment's subject is not asking for a run of it.
    ("Why the ch.3 CBOW does not scale: a softmax over the whole vocabulary (10,000 words in PTB).", 4, False, []),
    ("Ch06 gated RNN: LSTM and gradient clipping", 6, False, []),
    ("LSTM 계층 다층화, 드롭아웃은 깊이 방향으로만", 6, False, []),
    ("How does clipping change the gradient?", 6, False, []),
    ("why lr=20, isn't that huge? -> SGD with clipping tolerates a big lr", 6, False, []),
    ("클리핑으로 기울기 소실도 해결되나요?", 6, False, []),
    # A section's number and title names what was studied; the data named in a remark on a
    # model whose experiment runs on other data is no run of it.
    ("4.3 improved CBOW on PTB", 4, False, []),
    ("4.3 개선판 word2vec 학습 on PTB", 4, False, []),
    ("TIL: simple CBOW from ch3 is too slow on PTB because of the MatMul over the whole vocab", 4, False, []),
    ("3장의 단순 CBOW는 PTB 같은 큰 말뭉치에서 너무 느리다", 4, True, []),
    ("Skip-gram on PTB would take forever", 3, False, []),
    ("CBOW on PTB", 4, False, [("ch04-word2vec", "default")]),
    ("CBOW on the toy sentence", 3, False, [("ch03-simple-word2vec", "default")]),
    # Saying it was run, with which settings, or on which data is.
    ("Re-ran CBOW on PTB with hidden size 300, window 5", 4, False, [("ch04-word2vec", "hidden-300")]),
    ("Plotted the gradient norms through time for 20 steps", 6, False, [("ch06-gradient-norms", "scale-0.5-1.5")]),
    ("Trained the LSTM LM again, 2 epochs", 6, False, [("ch06-lstm-lm", "epochs-2")]),
    ("`ch06/train_rnnlm.py`로 LSTM 언어 모델을 다시 돌려 봄", 6, False,
     [("ch06-lstm-lm", "default"), (SCRIPTS, "ch06-train_rnnlm.py")]),
    ("실험: 기울기 노름을 40스텝 동안 그려 봄", 6, True, [("ch06-gradient-norms", "scale-0.5-1.5_T-40")]),
    ("RNNLM을 10 에폭 학습시킴", 5, False, [("ch05-rnnlm", "epochs-10")]),
    ("실험: 시간 20스텝 동안 기울기 노름을 그려 봄 — 스케일 0.5면 소실, 2면 폭발", 6, True,
     [("ch06-gradient-norms", "scale-0.5-2")]),
    ("Plotted the gradient norms with scales 0.9 and 1.1 for 40 time steps", 6, True,
     [("ch06-gradient-norms", "scale-0.9-1.1_T-40")]),
    # A line of what was learned asks only when it says something was run or measured.
    ("CBOW with window 5 means 10 context words averaged into the hidden layer", 4, True, []),
    ("`max_grad = 5.0`이면 기울기 클리핑이 걸린다", 6, True, []),
    # "repeated" before a noun describes it; as a verb it says a run was done again.
    ("Embedding backward uses `np.add.at` so repeated ids accumulate; negative sampling: 1 positive + 5 negatives",
     4, True, []),
    ("backprop through tanh shrinks the gradient; repeated matmul with W_h explodes or vanishes", 6, True, []),
    ("the repeated multiplication by W_h is what makes the gradient norms explode", 6, False, []),
    ("Repeated the gradient norm plot for 40 time steps", 6, True, [("ch06-gradient-norms", "scale-0.5-1.5_T-40")]),
    ("LSTM 언어 모델 학습을 한 번 더 반복함, 테스트 퍼플렉서티 약 139", 6, True, [("ch06-lstm-lm", "default")]),
    # A figure says which experiment it is about.
    ("Results: test perplexity 136.8 with clipping; without clipping the loss went to nan in epoch 1", 6, False,
     [("ch06-lstm-lm", "default")]),
    ("테스트 퍼플렉서티 약 136 (책과 비슷)", 6, False, [("ch06-lstm-lm", "default")]),
    ("GRU perplexity 400", 6, False, []),
    ("Gradient clipping at 0.25: test perplexity 140", 6, False, [("ch06-lstm-lm", "default")]),
    ("Evaluated the analogies of the trained vectors", 4, False, []),
    # Japanese and Chinese write figures onto their words: a qualifier, a particle or a clause
    # end before the metric leaves the figure bare; a model's name before it does not.
    ("テストパープレキシティは140.2になった", 6, True, [("ch06-lstm-lm", "default")]),
    ("テストデータのパープレキシティは140", 6, False, [("ch06-lstm-lm", "default")]),
    ("测试集上的困惑度是140", 6, False, [("ch06-lstm-lm", "default")]),
    ("GRUのパープレキシティは400", 6, False, []),
    ("4エポック学習、パープレキシティは150まで下がった", 6, True, [("ch06-lstm-lm", "default")]),
    ("隠れ層200でLSTMを再学習したところ、パープレキシティは148.2だった", 6, True, [("ch06-lstm-lm", "hidden-200")]),
    ("95%の正解率になった", 7, True, [("ch07-seq2seq", "default")]),
    ("Peekyを使うと精度が90%を超えた", 7, True, [("ch07-seq2seq", "default")]),
    ("反转输入数据后，准确率从10%提升到了50%左右", 7, True, [("ch07-seq2seq", "default")]),
    ("足し算の問題をseq2seqで学習させた", 7, False, [("ch07-seq2seq", "default")]),
    ("ドロップアウトを入れて再学習した", 6, True, [("ch06-better-lstm-lm", "default")]),
    # The book's ch08/train.py trains the attention seq2seq.
    ("运行 ch08/train.py 做日期格式转换，准确率 99.9%", 7, True,
     [("ch08-attention", "default"), (SCRIPTS, "ch08-train.py")]),
    ("日付フォーマットの変換を再学習した", 8, True, [("ch08-attention", "default")]),
    ("ran ch08/train.py again", None, False, [("ch08-attention", "default"), (SCRIPTS, "ch08-train.py")]),
    # The book's ch04/eval.py lists the nearest words and analogies of the trained CBOW: the same run.
    ("ran: `python ch04/eval.py` (loads cbow_params.pkl)", 4, False,
     [("ch04-word2vec", "default"), (SCRIPTS, "ch04-eval.py")]),
    ("학습된 가중치로 `python ch04/eval.py` 실행", 4, False, [("ch04-word2vec", "default"), (SCRIPTS, "ch04-eval.py")]),
    ("ran `python ch05/eval.py`", 5, False, [(SCRIPTS, "ch05-eval.py")]),
    # A procedure named by its script asks for its run when the line runs the script, not when it
    # names the file only as where code is; named by its words, it asks.
    ("Implemented learning rate forward/backward in `train_custom_loop.py`", 1, False, []),
    ("Ch01 greedy decoding: worked through `train_custom_loop.py`", 1, False, []),
    ("Read `ch01/train_custom_loop.py` line by line", 1, False, []),
    ("Ran `train_custom_loop.py` with the book's settings", 1, False,
     [("ch01-baseline", "default"), (SCRIPTS, "ch01-train_custom_loop.py")]),
    ("`ch01/train_custom_loop.py` 실행", 1, False, [("ch01-baseline", "default"), (SCRIPTS, "ch01-train_custom_loop.py")]),
    ("Baseline run for comparison", 1, False, [("ch01-baseline", "default")]),
    # A run it says is skipped, it does not ask for.
    ("Skipping the better LSTM (`train_better_rnnlm.py`), too slow", 6, False, []),
    ("6장 개선판(`train_better_rnnlm.py`)은 시간이 오래 걸리니 건너뜀", 6, False, []),
    ("Skip-gram on the toy sentence, window 1, 1000 epochs: ran both", 3, False,
     [("ch03-simple-word2vec", "default")]),
]


@pytest.mark.parametrize("line, chapter, learned, runs", LINES)
def test_a_line_asks_for_a_run_only_when_it_says_one_was_run_or_how(line, chapter, learned, runs):
    found = answer(line, chapter, learned=learned)
    assert [(run.experiment, run.run_id) for run in found.runs] == runs


def runs_by_line(tmp_path: Path, log: str) -> dict[int, list[tuple[str, str, bool]]]:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "log.md").write_text(log, "utf-8")
    found: dict[int, list] = {}
    for ref in load(Config(root=tmp_path)).knowledge.experiment_refs:
        found.setdefault(ref.source.line, []).append((ref.experiment, ref.run_id, ref.planned))
    return found


HEADER_CHAPTER = """# Notes

## Session: 2026-11-10 19:30 KST — Ch.4 evaluation

- Topics covered:
- Evaluated the analogies of the trained vectors
- Resume point for next session:
- re-run CBOW with hidden size 300, then ch.5

## Session: 2026-11-12 20:05 KST — wrap-up of ch.4

- Topics covered:
- Re-ran CBOW with hidden size 300, window 5
- perplexity ~ 120 mentioned for an RNNLM, a preview of ch.5
"""


def test_the_header_names_the_chapter_and_what_comes_later_moves_nothing(tmp_path):
    found = runs_by_line(tmp_path, HEADER_CHAPTER)
    assert found == {8: [("ch04-word2vec", "hidden-300", True)], 13: [("ch04-word2vec", "hidden-300", False)]}


PLAN_THEN_SESSION = """# Notes

## Session: 2026-11-08 14:10 KST

- Topics covered:
- Ran `ch04/train.py`: CBOW with hidden size 100
- Resume point for next session:
- Chapter 5, RNN language models

## Session: 2026-11-10 19:30 KST

- Topics covered:
- Re-ran CBOW with window 2
- Now Ch05: trained the RNNLM for 50 epochs
"""


def test_a_plan_does_not_move_the_next_session_into_its_chapter(tmp_path):
    found = runs_by_line(tmp_path, PLAN_THEN_SESSION)
    assert found[13] == [("ch04-word2vec", "window-2", False)]
    assert found[14] == [("ch05-rnnlm", "epochs-50", False)]
    assert 9 not in found


KOREAN = """# 스터디 기록

## 세션: 2026-12-08 19:00 KST

- 오늘 범위: 6장 기울기 클리핑

### 배운 것
- 기울기 클리핑은 노름이 임계값을 넘으면 줄이는 기법이다.
- 실험: 기울기 노름을 30스텝 동안 그려 봄
- 테스트 퍼플렉서티 약 140

### 헷갈리는 개념
- 기울기 클리핑 vs 기울기 노름 — 둘 다 그려 봄

### 다음에 할 것
- 7장 시작 전에 6장 개선판(`train_better_rnnlm.py`)은 오래 걸리니 건너뜀
- `ch06/train_rnnlm.py`로 LSTM 언어 모델 학습
"""


def test_a_korean_log_asks_for_the_runs_it_says_it_ran_and_plans(tmp_path):
    assert runs_by_line(tmp_path, KOREAN) == {
        9: [("ch06-gradient-norms", "scale-0.5-1.5_T-30", False)],
        10: [("ch06-lstm-lm", "default", False)],
        17: [("ch06-lstm-lm", "default", True), (SCRIPTS, "ch06-train_rnnlm.py", True)],
    }


TABLE_AFTER_CODE = """# Notes

## Session: 2027-01-07 21:00 KST

- Topics covered:
- Ran ch06/train.py again

```python
def clip_grads(grads, max_norm):
    pass
```

| param | value |
|---|---|
| wordvec_size | 100 |
| hidden_size | 200 |
| time_size | 35 |
| max_grad | 0.25 |
"""


def test_settings_after_a_code_block_name_the_experiment_no_word_of_the_line_does(tmp_path):
    found = runs_by_line(tmp_path, TABLE_AFTER_CODE)
    assert found == {6: [("ch06-lstm-lm", "hidden-200", False), (SCRIPTS, "ch06-train.py", False)]}


CODE_BLOCK_RUNS = """# Study log

Session 14 — 3 Dec

**Learned:** perplexity is exp of the mean cross entropy
**Confused:** where dropout goes (still)

```
$ python ch06/train_rnnlm.py
# batch_size=20 hidden_size=200 time_size=35
| epoch 1 | iter 1 / 1327 | perplexity 9998.93
test perplexity:  136.07
```

**Done:** Ran `ch06/train_rnnlm.py` again, hidden 100

```
python ch06/train_rnnlm.py --max_epoch 2
```

**질문:** 그래디언트 클리핑은 왜 0.25?

```bash
python3 ch06/train_better_rnnlm.py  # dropout=0.3
```

**Next:** re-run it with:

```
python ch06/train_better_rnnlm.py --lr 10
```
"""


def test_a_code_block_that_runs_a_script_asks_for_its_run_with_the_settings_its_comments_give(tmp_path):
    found = runs_by_line(tmp_path, CODE_BLOCK_RUNS)
    assert found == {
        # the settings of the comment below the command; what it printed asks for nothing
        9: [("ch06-lstm-lm", "hidden-200", False), (SCRIPTS, "ch06-train_rnnlm.py", False)],
        # a line that names the script holds the block's settings
        15: [("ch06-lstm-lm", "epochs-2", False), (SCRIPTS, "ch06-train_rnnlm.py", False)],
        # after a question, the command is a run of its own
        24: [("ch06-better-lstm-lm", "dropout-0.3", False), (SCRIPTS, "ch06-train_better_rnnlm.py", False)],
        # a line that leads into the block ("with:") holds it: the run before, with lr 10, and
        # the script its command runs
        27: [("ch06-better-lstm-lm", "lr-10_dropout-0.3", True), (SCRIPTS, "ch06-train_better_rnnlm.py", True)],
    }


# Saying a model was trained again is a run in every language; saying a setting was changed
# is not, in none ("changed the dropout ratio to 0.5" alone runs nothing more than its words do).
@pytest.mark.parametrize("line, run", [
    ("re-trained with lr 0.1", True),
    ("retrained the LSTM with dropout 0.5", True),
    ("학습률을 0.1로 바꿔 다시 학습했다", True),
    ("学習率を0.1にして再学習した", True),
    ("把学习率改成0.1重新训练", True),
    ("学习率改成0.1后再训练", True),
    ("changed the dropout ratio to 0.5", False),
    ("드롭아웃 비율을 0.5로 바꿨다", False),
    ("Dropoutの比率を0.5に変えた", False),
    ("把dropout比例改成0.5", False),
])
def test_training_again_says_a_run_and_changing_a_setting_does_not(line, run):
    assert says_run(line.lower()) is run
