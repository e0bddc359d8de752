"""The experiments' titles, summaries and table headings are said in the site's language
(data/experiments.yml); an English site shows the catalog's own words."""
from __future__ import annotations

import pytest

from experiments.catalog import EXPERIMENTS
from studykb.render.runs import results_table
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
