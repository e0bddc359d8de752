"""A run that reads a text corpus says, in its box, when it is on the generated stand-in
and not on PTB (as the log's run was, where its session names PTB), and how to give it PTB
(studykb.results.run_corpus, names_ptb; render.runs.corpus_note)."""
from pathlib import Path

import pytest

from studykb.config import Config
from studykb.pipeline import load
from studykb.render import render_site
from studykb.results import PTB, STAND_IN, load_run_results, run_corpus

# (experiment, its metrics.json, the PTB folder the settings name) -> what the run is on.
CORPORA = [
    ("ch04-word2vec", None, None, STAND_IN),  # not run, no PTB named: it would run on the stand-in
    ("ch04-word2vec", None, Path("/data/ptb"), PTB),
    ("ch04-word2vec", {"corpus": {"ptb": False}}, Path("/data/ptb"), STAND_IN),  # as its results say
    ("ch06-lstm-lm", {"corpus": {"ptb": True}}, None, PTB),
    ("ch05-rnnlm", {"table": {}}, None, STAND_IN),  # results that do not say: as the settings have it
    ("ch01-baseline", None, None, ""),  # reads no corpus
]


@pytest.mark.parametrize("experiment, metrics, ptb_dir, corpus", CORPORA)
def test_a_run_is_on_the_corpus_its_results_or_the_settings_say(experiment, metrics, ptb_dir, corpus):
    assert run_corpus(experiment, metrics, ptb_dir) == corpus


# (a session that asks for the chapter-4 run) -> whether the box says the log's run was on PTB.
SESSIONS = [
    ("## 2026-11-21 10:00–12:00 ch4: training on PTB\n- Ran ch04/train.py, window 5, hidden 100\n", True),
    ("## 2026-11-21 10:00–12:00 4章 PTBで学習\n- ch04/train.py を実行した（window 5, hidden 100）\n", True),
    ("## 2026-11-21 10:00–12:00 4장\n- ch04/train.py 실행 (window 5, hidden 100), PTB 전체로 학습\n", True),
    ("## 2026-11-21 10:00–12:00 ch4\n- Ran ch04/train.py, window 5, hidden 100\n"
     "```\npython ch04/train.py --data ptb\n```\n", True),  # named in the command it ran
    ("## 2026-11-21 10:00–12:00 ch4\n- Ran ch04/train.py, window 5, hidden 100\n", False),
    ("## 2026-11-21 10:00–12:00 ch4\n- Ran ch04/train.py, window 5, hidden 100 on the Penn Treebank\n", True),
    ("## 2026-11-21 10:00–12:00 ch4\n- Ran ch04/train.py, window 5, hidden 100 (RAPTBX data)\n", False),
]


def _site(root: Path, log: str, environ: dict) -> dict[str, str]:
    (root / "sessions").mkdir()
    (root / "sessions" / "log.md").write_text("# word2vec\n\n" + log, "utf-8")
    knowledge = load(Config(root=root, language="en")).knowledge  # the notes' words in English, whatever the log's
    results, _ = load_run_results(knowledge, root, ptb_dir=environ.get("ptb"))
    files, _ = render_site(knowledge, results, watch_window=3)
    return files


def _page(files: dict[str, str], folder: str) -> str:
    return next(body for path, body in files.items() if f"/{folder}/" in path and "ch04" in body)


@pytest.mark.parametrize("log, log_on_ptb", SESSIONS)
def test_a_stand_in_run_says_so_beside_it_and_how_to_give_it_ptb(tmp_path, log, log_on_ptb):
    files = _site(tmp_path, log, {})
    for body in (_page(files, "sessions"), files[next(p for p in files if p.endswith("experiments/ch04-word2vec.md"))]):
        note = body[body.index("studykb-corpus"):]
        assert note.index("not on PTB") < note.index("</p>")
        assert ("(the log's run was on PTB)" in note[:200]) == log_on_ptb
        assert "ptb_dir" in note and "make experiments ONLY=ch04-word2vec" in note
        summary = body[body.index("<summary>"):body.index("</summary>")]
        assert summary.endswith("(default) · on the stand-in corpus, not PTB")  # seen while the box is closed


def test_a_run_on_ptb_says_nothing_of_the_corpus(tmp_path):
    files = _site(tmp_path, SESSIONS[0][0], {"ptb": tmp_path / "ptb"})
    assert "studykb-corpus" not in _page(files, "sessions")


def test_a_run_that_reads_no_corpus_says_nothing_of_it(tmp_path):
    files = _site(tmp_path, "## 2026-11-21 10:00–12:00 ch1 on PTB\n- 学習率を0.1、1.0、10にして実行した\n", {})
    page = next(body for path, body in files.items() if "/sessions/" in path and "Experiment: " in str(body))
    assert "ch01" in page and "studykb-corpus" not in page
