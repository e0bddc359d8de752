"""A Korean card's particle fits the word before it: 받침 -> 이란/과/은, none -> 란/와/는."""
from __future__ import annotations

import pytest

from studykb.card_phrases import phrase


@pytest.mark.parametrize("key, words, question", [
    ("definition", {"name": "부정적 예"}, "부정적 예란 무엇인가요?"),
    ("definition", {"name": "언어 모델"}, "언어 모델이란 무엇인가요?"),
    ("definition", {"name": "퍼플렉서티"}, "퍼플렉서티란 무엇인가요?"),
    ("definition", {"name": "은닉 상태"}, "은닉 상태란 무엇인가요?"),
    ("definition", {"name": "임베딩"}, "임베딩이란 무엇인가요?"),
    ("difference", {"a": "분산 표현", "b": "원핫 표현"}, "분산 표현과 원핫 표현의 차이는 무엇인가요?"),
    ("difference", {"a": "시그모이드", "b": "소프트맥스"}, "시그모이드와 소프트맥스의 차이는 무엇인가요?"),
    ("two", {"a": "기울기", "b": "학습률"}, "기울기와 학습률은 어떻게 관련되고, 어디서 다른가요?"),
    ("two", {"a": "가중치", "b": "편향"}, "가중치와 편향은 어떻게 관련되고, 어디서 다른가요?"),
    ("two", {"a": "에폭", "b": "배치 크기"}, "에폭과 배치 크기는 어떻게 관련되고, 어디서 다른가요?"),
    # a name in Latin letters: its reading is not written, so both forms stay
    ("definition", {"name": "RNN"}, "RNN(이)란 무엇인가요?"),
    ("difference", {"a": "Embedding", "b": "MatMul"}, "Embedding와(과) MatMul의 차이는 무엇인가요?"),
    # other languages have no such particle
    ("definition", {"name": "エポック"}, "エポックとは何ですか？"),
    ("definition", {"name": "困惑度"}, "什么是困惑度？"),
])
def test_a_korean_particle_fits_the_word_before_it(key, words, question):
    language = {"エポック": "ja", "困惑度": "zh"}.get(words.get("name", ""), "ko")
    assert phrase(language, key, **words) == question
