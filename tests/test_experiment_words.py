"""The experiments' titles, summaries and table headings are said in the site's language
(data/experiments.yml); an English site shows the catalog's own words."""
from __future__ import annotations

import pytest

from experiments.catalog import EXPERIMENTS
from experiments.gallery import unavailable
from studykb.render.runs import reason, results_table
from studykb.render import render_site
from studykb.results import load_run_results
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.sources import LogText
from studykb.parse import parse_log
from studykb.vocabulary import build_lexicon
from studykb.render.words import experiment_table, words_for

OTHERS = ("ko", "ja", "zh")


def test_every_experiment_of_the_catalog_has_its_title_and_summary_in_every_other_language():
    table = experiment_table()
    for part in ("titles", "summaries"):
        assert set(table[part]) == set(EXPERIMENTS), part
        for experiment_id, texts in table[part].items():
            assert set(texts) == set(OTHERS), (part, experiment_id)


def test_every_heading_of_a_results_table_is_in_every_other_language():
    headings = {c.heading for e in EXPERIMENTS.values() for c in getattr(e, "columns", ()) or ()}
    table = experiment_table()["headings"]
    assert headings <= set(table)
    assert all(set(texts) == set(OTHERS) for texts in table.values())


@pytest.mark.parametrize("language, experiment_id, title", [
    ("en", "ch05-rnnlm", "Ch05 RNN language model with truncated BPTT"),
    ("ko", "ch05-rnnlm", "5장 Truncated BPTT로 학습하는 RNN 언어 모델"),
    ("ja", "ch05-rnnlm", "5章 Truncated BPTTで学習するRNN言語モデル"),
    ("zh", "learner-scripts", "学习者自己的脚本"),
    ("en", "learner-scripts", "The learner's own scripts"),
    ("ko", "an-experiment-not-in-the-table", "Its English title"),
])
def test_an_experiments_title_is_in_the_sites_language(language, experiment_id, title):
    english = EXPERIMENTS[experiment_id].title if experiment_id in EXPERIMENTS else "Its English title"
    assert words_for(language).experiment("titles", experiment_id, english) == title


@pytest.mark.parametrize("language, headings", [
    ("en", "<th>epochs</th><th>test perplexity (mean ± std)</th><th>a heading of its own</th>"),
    ("ko", "<th>에폭</th><th>테스트 퍼플렉서티 (평균 ± 표준편차)</th><th>a heading of its own</th>"),
    ("zh", "<th>epoch 数</th><th>测试困惑度（平均值 ± 标准差）</th><th>a heading of its own</th>"),
])
def test_a_results_tables_headings_are_in_the_sites_language(language, headings):
    metrics = {"table": {"columns": [{"key": "epochs", "heading": "epochs"},
                                     {"key": "test", "heading": "test perplexity (mean ± std)"},
                                     {"key": "x", "heading": "a heading of its own"}], "rows": [{"epochs": 4}]}}
    assert headings in results_table(metrics, words_for(language)).replace("\n", "")


def test_an_english_results_table_is_as_before_without_words():
    metrics = {"table": {"columns": [{"key": "epochs", "heading": "epochs"}], "rows": [{"epochs": 4}]}}
    assert results_table(metrics) == results_table(metrics, words_for("en"))


def test_every_heavy_experiments_cost_is_in_every_other_language():
    costs = experiment_table()["costs"]
    assert set(costs) == {e.id for e in EXPERIMENTS.values() if getattr(e, "cost", "")}
    assert all(set(texts) == set(OTHERS) for texts in costs.values())


@pytest.mark.parametrize("language, said", [
    ("en", "the learner's scripts are not at hand: set <code>extra.studykb.experiments.scripts_root</code> in "
           "<code>mkdocs.yml</code> to the repository the log names"),
    ("zh", "手头没有学习者的脚本：请在 <code>mkdocs.yml</code> 中把 <code>extra.studykb.experiments.scripts_root</code> "
           "设为日志提到的仓库"),
])
def test_why_the_learners_scripts_did_not_run_is_said_in_the_sites_language(language, said):
    assert reason(unavailable({"script": "train.py"}, None), words_for(language)) == said
    # a reason about the run's own values stays as the experiment gives it, escaped
    assert reason("<b>x.py</b> is not in /repo", words_for(language)) == "&lt;b&gt;x.py&lt;/b&gt; is not in /repo"


KOREAN_RUN = """## 세션: 2026-12-03 19:00
### 배운 것
- 네거티브 샘플링은 정답 하나와 오답 몇 개만 이진 분류로 학습한다
### 실험
- `python ch04/train.py` 돌림 (window_size 5, hidden_size 100, max_epoch 10)
"""


def test_a_concept_pages_experiments_are_titled_in_the_sites_language(tmp_path):
    parsed, _ = parse_log(LogText("sessions/log.md", tuple(KOREAN_RUN.splitlines())), shipped_labels())
    knowledge, _ = link([parsed], build_lexicon([], frozenset()), 3)
    files, _ = render_site(knowledge, load_run_results(knowledge, tmp_path)[0], 3)  # no results yet
    page = next(text for path, text in files.items() if "/concepts/" in path and "4장 word2vec" in text)
    assert "<h3>4장 word2vec: 네거티브 샘플링을 쓰는 CBOW</h3>" in page
    assert "Ch04 word2vec" not in page
