"""A Korean card's particle fits the word before it: 받침 -> 이란/과/은, none -> 란/와/는; a
digit by its reading; after a word whose reading its spelling does not give, no particle."""
from __future__ import annotations

import pytest

from studykb.card_phrases import PARTICLE_RE, PHRASES, WITHOUT_PARTICLES, phrase


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
    # a digit as it is read: 2 이, 5 오, 9 구 end in a vowel; 1 일, 3 삼, 0 영 (10 십) in a consonant
    ("definition", {"name": "레이어 2"}, "레이어 2란 무엇인가요?"),
    ("definition", {"name": "Top-10"}, "Top-10이란 무엇인가요?"),
    ("two", {"a": "층 3", "b": "층 5"}, "층 3과 층 5는 어떻게 관련되고, 어디서 다른가요?"),
    # a name in Latin letters or code: its reading is not written, so no particle follows it
    ("definition", {"name": "RNN"}, "RNN의 뜻은 무엇인가요?"),
    ("definition", {"name": "TimeRNN의 stateful"}, "TimeRNN의 stateful의 뜻은 무엇인가요?"),
    ("difference", {"a": "Embedding", "b": "MatMul"}, "Embedding, MatMul 두 가지의 차이는 무엇인가요?"),
    ("two", {"a": "RNN", "b": "tanh"}, "RNN, tanh 두 가지는 어떻게 관련되고, 어디서 다른가요?"),
    ("two", {"a": "임베딩", "b": "matrix multiplication"}, "임베딩, matrix multiplication 두 가지는 어떻게 관련되고, 어디서 다른가요?"),
    ("two", {"a": "word2vec", "b": "임베딩"}, "word2vec, 임베딩 두 가지는 어떻게 관련되고, 어디서 다른가요?"),
    ("settled", {"names": "역전파, RNN"}, "역전파, RNN에 대해 무엇을 정리했나요?"),
    # other languages have no such particle
    ("definition", {"name": "エポック"}, "エポックとは何ですか？"),
    ("definition", {"name": "困惑度"}, "什么是困惑度？"),
])
def test_a_korean_particle_fits_the_word_before_it(key, words, question):
    language = {"エポック": "ja", "困惑度": "zh"}.get(words.get("name", ""), "ko")
    assert phrase(language, key, **words) == question


def test_every_korean_phrase_with_a_particle_after_a_blank_can_be_said_without_one():
    with_particles = {key for key, text in PHRASES["ko"].items() if PARTICLE_RE.search(text)}
    assert with_particles == set(WITHOUT_PARTICLES)
    assert not any(PARTICLE_RE.search(text) for text in WITHOUT_PARTICLES.values())
