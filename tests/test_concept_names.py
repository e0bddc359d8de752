"""On a Korean, Japanese or Chinese site a concept named in English is shown by the name
its logs write it by in that script; where it is defined, its own name stands beside it."""
from __future__ import annotations

import pytest

from studykb.model import Concept, ConceptSlug
from studykb.aliases import written_name
from studykb.render.concept_names import beside
from tests.test_site_language import site_of


def concept(name: str, *aliases: str) -> Concept:
    return Concept(ConceptSlug(name.lower().replace(" ", "-")), name, aliases, (), ())


@pytest.mark.parametrize("language, name, aliases, lines, shown", [
    # the learner writes the Korean name: it is shown
    ("ko", "backpropagation", ("backprop", "역전파", "오차역전파법"),
     ["역전파는 연쇄 법칙으로 기울기를 구함", "순전파 다음 역전파"], "역전파"),
    # each place counts for the longest name written there: 원핫 벡터 once, 원핫 twice
    ("ko", "one-hot vector", ("원핫", "원핫 벡터"), ["원핫 벡터와 W_in의 곱", "원핫 곱은 느림", "원핫은 차원 하나"], "원핫"),
    ("ko", "one-hot vector", ("원핫", "원핫 벡터"), ["원핫 벡터와 W_in의 곱", "원핫 벡터는 희소", "원핫 곱은 느림"],
     "원핫 벡터"),
    # its own name written at least as often: it stays
    ("ko", "RNN", ("recurrent neural network", "순환 신경망"), ["RNN은 순환 신경망", "RNN 구현", "TimeRNN"], "RNN"),
    # no name in the site's script, or none the lines write: it stays
    ("ko", "tanh", ("hyperbolic tangent", "쌍곡탄젠트"), ["tanh를 씀"], "tanh"),
    ("ko", "perplexity", ("ppl",), ["퍼플렉서티가 떨어짐"], "perplexity"),
    # a name that is the English one with a Korean word after it is no Korean name
    ("ko", "EmbeddingDot", ("Embedding Dot 계층",), ["Embedding Dot 계층 구현"], "EmbeddingDot"),
    # a name already in the site's script is its own
    ("ko", "언어 모델", ("language model",), ["language model"], "언어 모델"),
    # Japanese: kana or ideographs; Chinese: ideographs without kana
    ("ja", "backpropagation", ("逆伝播", "誤差逆伝播法"), ["誤差逆伝播法を実装した", "誤差逆伝播法で勾配を求める", "逆伝播の流れ"], "誤差逆伝播法"),
    ("ja", "perplexity", ("パープレキシティ", "困惑度"), ["パープレキシティが下がった"], "パープレキシティ"),
    ("zh", "perplexity", ("パープレキシティ", "困惑度"), ["困惑度下降了", "パープレキシティ"], "困惑度"),
    # an English site shows every name as it is
    ("en", "backpropagation", ("역전파",), ["역전파"], "backpropagation"),
])
def test_a_concept_is_shown_by_the_name_the_logs_write_in_the_sites_script(language, name, aliases, lines, shown):
    assert written_name(concept(name, *aliases), language, lines) == shown


@pytest.mark.parametrize("shown, name, defined", [
    ("역전파", "backpropagation", "역전파 (backpropagation)"),
    ("backpropagation", "backpropagation", "backpropagation"),
])
def test_where_it_is_defined_its_own_name_stands_beside_the_one_shown(shown, name, defined):
    assert beside(shown, concept(name)) == defined


KO_LOG = """## 2026-03-05 19:00
### 배운 것
- 역전파는 순전파의 반대 방향으로 기울기를 흘려보낸다
- 역전파에서 곱셈 노드는 입력을 바꿔 곱한다
"""
EN_LOG = """## Session: 2026-03-05 19:00 KST
### What I learned
- backpropagation sends the gradient back through the graph
"""


@pytest.mark.parametrize("log, new_concept, title", [
    (KO_LOG, ">역전파</a>", "<h1>역전파 (backpropagation)</h1>"),
    (EN_LOG, ">backpropagation</a>", "<h1>backpropagation</h1>"),
])
def test_a_korean_sites_pages_show_the_korean_name_and_the_concept_page_both(log, new_concept, title):
    _, _, files = site_of({"log.md": log})
    session_page = next(text for path, text in files.items() if "/sessions/" in path)
    assert new_concept in next(line for line in session_page.splitlines() if "concepts/backpropagation/" in line)
    assert title in files["generated/concepts/backpropagation.md"]
