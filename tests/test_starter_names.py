"""Names of chapters 1-5 the starter vocabulary knows in every language, the longest first:
the book's EmbeddingDot layer is not its Embedding, "BPTT 잘라내기" is one name."""
from __future__ import annotations

import pytest

from studykb.vocabulary import build_lexicon


@pytest.mark.parametrize("line, mentions", [
    ("Embedding Dot 계층 = 임베딩 계층 + 내적",
     [("Embedding Dot 계층", "EmbeddingDot"), ("임베딩", "embedding"), ("내적", "dot product")]),
    ("EmbeddingDot vs the plain Embedding layer", [("EmbeddingDot", "EmbeddingDot"), ("Embedding layer", "embedding")]),
    ("Embedding DotレイヤとEmbeddingレイヤ", [("Embedding Dotレイヤ", "EmbeddingDot"), ("Embedding", "embedding")]),
    ("Embedding Dot层的正向传播", [("Embedding Dot层", "EmbeddingDot")]),
    ("BPTT 잘라내기: 역전파만 끊는다", [("BPTT 잘라내기", "truncated BPTT"), ("역전파", "backpropagation")]),
    ("잘린 BPTT 와 BPTT", [("잘린 BPTT", "truncated BPTT"), ("BPTT", "BPTT")]),
    ("잘라내기 단위", []),
    ("학습 전 첫 손실이 4.16", [("손실", "loss function")]),
    ("학습 손실과 검증 손실", [("학습 손실", "training loss"), ("검증 손실", "validation loss")]),
    ("損失が下がる / 损失下降", [("損失", "loss function"), ("损失", "loss function")]),
    ("순전파는 끊지 않고 역전파만 끊는다", [("순전파", "forward propagation"), ("역전파", "backpropagation")]),
    ("順伝播と逆伝播", [("順伝播", "forward propagation")]),
    ("前向传播和反向传播", [("前向传播", "forward propagation"), ("反向传播", "backpropagation")]),
    ("코사인 유사도로 most similar 단어", [("코사인 유사도", "cosine similarity")]),
])
def test_the_starter_vocabulary_names_the_book_s_layers_and_losses(line, mentions):
    lexicon = build_lexicon([], frozenset())
    assert [(line[m.start:m.end], m.term) for m in lexicon.find(line)] == mentions
