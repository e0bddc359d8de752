"""Chapter 5 and 6 terms a tutor's notes name in four languages: the LSTM's gates written
half in English (``forget ゲート``), variational dropout, stacked LSTM layers, learning rate
decay and a stateful RNN (``stateful=True``)."""
from __future__ import annotations

import pytest

from studykb.vocabulary import build_lexicon


@pytest.mark.parametrize("line, terms", [
    ("output ゲート o と forget ゲート f の役割", ["output gate", "forget gate"]),
    ("忘却ゲートと入力ゲートと出力ゲート", ["forget gate", "input gate", "output gate"]),
    ("the output gate o scales tanh(c)", ["output gate", "tanh"]),
    ("variational Dropout の実装", ["variational dropout"]),
    ("変分 Dropout の紹介", ["variational dropout"]),
    ("variational dropout uses one mask", ["variational dropout"]),
    ("변분 드롭아웃 구현", ["variational dropout"]),
    ("LSTM レイヤの多層化（2層）", ["stacked LSTM"]),
    ("a stacked LSTM of two layers", ["stacked LSTM"]),
    ("다층 LSTM 으로 바꿈", ["stacked LSTM"]),
    ("学習率の減衰", ["learning rate decay"]),
    ("학습률 감소 스케줄", ["learning rate decay"]),
    ("learning rate decay by 1/4", ["learning rate decay"]),
    ("学习率衰减", ["learning rate decay"]),
    ("TimeRNN の stateful=True で h を引き継ぐ", ["TimeRNN", "stateful RNN"]),
    ("誤差逆伝播を時間方向に展開", ["backpropagation"]),
])
def test_chapter_6_terms_are_found_in_four_languages(line, terms):
    lexicon = build_lexicon([], frozenset())
    assert [m.term for m in lexicon.find(line)] == terms
