"""Chapter 2 and 4 terms as the Chinese edition of the book and its readers name them
(分布式假设, 类推, 语料), beside the names known before."""
from __future__ import annotations

import pytest

from studykb.vocabulary import build_lexicon


@pytest.mark.parametrize("line, terms", [
    ("分布式假设：一个词的含义由它周围的词决定。", ["distributional hypothesis"]),
    ("分布假设就是这个意思", ["distributional hypothesis"]),
    ("用 eval.py 试类推", ["analogy"]),
    ("类推问题 king - man + woman", ["analogy"]),
    ("尤其是低频词和类推题", ["analogy"]),
    ("类比问题也能做", ["analogy"]),
    ("训练语料大约 93 万个单词", ["corpus"]),
    ("大的语料库", ["corpus"]),
])
def test_chinese_names_of_chapter_2_and_4_terms_are_found(line, terms):
    lexicon = build_lexicon([], frozenset())
    assert [m.term for m in lexicon.find(line)] == terms
