"""A bullet journal's runs (studykb.experiment_lines, experiments.answers): the run is on the
line that ran it, not on a topic line; its result lines and the book's evaluation script are
that run; a remark on another chapter's model, a file to write and a plan ask for no run done."""

import pytest

from studykb.config import Config
from studykb.pipeline import load

LOG = """# dlfs2 — ch4 journal

### 2026-11-30 (Mon)
- started ch4 (word2vec speed-up), re-read end of ch3 first
- TIL: simple CBOW from ch3 is too slow on PTB because of the MatMul over the whole vocab
- TODO: CBOW class in ch04/cbow.py, then start training tonight

### 2026-12-04 (Fri)
- 4.3 improved CBOW on PTB
- ran: `python ch04/train.py` — window_size=5, hidden_size=100, batch_size=100, max_epoch=10
- result: first line `| epoch 1 |  iter 1 / 9295 | time 0[s] | loss 4.16`; killed it after epoch 1 (loss 2.87)
- TODO: leave train.py running overnight with max_epoch=10

### 2026-12-06 (Sun)
- ran: `python ch04/eval.py` (loads cbow_params.pkl)
- result: final loss ~ 1.96 at epoch 10

### 2026-12-07 (Mon)
- training finished (Sun night → Mon noon), all 10 epochs
- result: final loss ~ 1.96 at epoch 10

### 2026-12-08 (Tue)
- result: final loss ~ 1.96 at epoch 10
"""


def loaded(tmp_path_factory, text: str):
    """The whole model of a project whose one log is ``text``."""
    root = tmp_path_factory.mktemp("log")
    (root / "sessions").mkdir()
    (root / "sessions" / "log.md").write_text(text, "utf-8")
    return load(Config(root=root))


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    return loaded(tmp_path_factory, LOG)


def _refs(found) -> dict[int, list[tuple[str, str, bool]]]:
    refs: dict[int, list] = {}
    for ref in found.knowledge.experiment_refs:
        refs.setdefault(ref.source.line, []).append((ref.experiment, ref.run_id, ref.planned))
    return refs


def test_the_run_is_on_the_line_that_ran_it_and_its_results_are_that_run(found):
    refs = _refs(found)
    assert 9 not in refs  # a section's number and title
    assert refs[10] == [("ch04-word2vec", "default", False), ("learner-scripts", "ch04-train.py", False)]
    assert refs[11] == [("ch04-word2vec", "default", False)]
    assert refs[15] == [("ch04-word2vec", "default", False), ("learner-scripts", "ch04-eval.py", False)]
    assert refs[16] == [("ch04-word2vec", "default", False)]
    assert refs[20] == [("ch04-word2vec", "default", False)]  # the training the session before left going
    assert 23 not in refs  # a later session's figure says nothing of which run it is
    assert [d.line for d in found.diagnostics if "no experiment reproduces" in d.message] == [23]


def test_a_remark_on_another_chapters_model_and_a_file_to_write_ask_for_no_run(found):
    refs = _refs(found)
    assert 5 not in refs
    assert refs[6] == [("ch04-word2vec", "default", True)]  # "start training": planned; cbow.py is not run


def test_a_script_named_bare_and_in_its_folder_is_named_once(found):
    (note,) = [d for d in found.diagnostics if "own scripts" in d.message]
    assert "(ch04/train.py, ch04/eval.py)" in note.message


TUTOR_LOG = """# 과외 기록

## 1회차 (2026.12.02 수) 19:00-20:40

5. 실습
   - `python ch04/train.py` 를 window_size 5, max_epoch 10 설정으로 실행 시작

6. 다음 시간
   - 학습된 cbow_params.pkl 로 `python ch04/eval.py` 실행해 유추 결과 확인

## 2회차 (2026.12.05 토) 10:00-12:00

5. 실습
   - RNN 순전파 확인
   - `python ch05/train_custom_loop.py` 돌려 올 것
   - Homework: run `ch05/train.py` with lr=0.5
   - 次回までに `ch05/train.py` を実行しておく
   - Homework check: ran `ch05/train.py` again
"""


@pytest.fixture(scope="module")
def tutored(tmp_path_factory):
    return loaded(tmp_path_factory, TUTOR_LOG)


@pytest.mark.parametrize("line, planned", [
    (6, False),  # run in class
    (9, True),  # under "6. 다음 시간"
    (15, True),  # "돌려 올 것": to be done
    (16, True),  # "Homework:"
    (17, True),  # "次回までに … しておく"
    (18, False),  # the homework checked: done
])
def test_a_line_for_next_time_plans_its_run(tutored, line, planned):
    refs = _refs(tutored)[line]
    assert refs and all(ref[2] == planned for ref in refs)
