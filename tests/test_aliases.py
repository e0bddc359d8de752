"""Other names of a concept given in parentheses: a translation is one, what a word is done
on or applied to is not (``word2vec 학습 (PTB)`` is training on PTB)."""
from __future__ import annotations

import pytest

from studykb.aliases import paired_aliases, shown_names, writing_of
from studykb.vocabulary import Term, build_lexicon

TERMS = [Term("PTB", ("Penn Treebank",)), Term("word2vec"), Term("language model", ("언어 모델", "言語モデル")),
         Term("BPTT"), Term("truncated BPTT"), Term("sigmoid", ("시그모이드",)), Term("test set"),
         Term("embedding", ("embedding layer",)), Term("mini-batch"), Term("backpropagation", ("역전파",)),
         Term("skip link"), Term("sampler"), Term("generative model", ("生成モデル",))]


@pytest.mark.parametrize("text, aliases", [
    # What a word of study is done on: training on PTB, an experiment of chapter 4.
    ("4.3 개선판 word2vec 학습 (PTB) 코드 읽기", []),
    ("모델 학습 (PTB)", []),
    ("언어 모델 학습 (PTB) 시작", []),
    ("다중 분류(Softmax) → 이진 분류로 바꿈", []),  # a task done by softmax, no name of it
    ("평가 (test set)", []),
    ("실험 (ch04)", []),
    ("改良版word2vecの学習（PTB）", []),
    ("word2vec训练（PTB）", []),
    ("PTB (학습)", []),
    ("역전파 (reading)", []),
    ("코드 (word2vec)", []),
    # A word said of another term is no name of the one in parentheses.
    ("word2vec 데이터셋 (PTB)", []),
    ("GloVe 데이터셋 (PTB)", []),
    # A head noun alone names no layer.
    ("계층(embedding layer)", []),
    # Translations: the word before joins the name when it is part of the English one.
    ("BPTT 잘라내기(Truncated BPTT)", [("truncated BPTT", "BPTT 잘라내기")]),
    ("Skip 연결(skip link)", [("skip link", "Skip 연결")]),
    ("시그모이드 함수(sigmoid)", [("sigmoid", "시그모이드 함수")]),
    ("임베딩 계층(embedding layer)", [("embedding", "임베딩 계층")]),
    ("4.2 샘플러(sampler) 복습", [("sampler", "샘플러")]),
    ("ペン・ツリーバンク（Penn Treebank）", [("PTB", "ペン・ツリーバンク")]),
    ("生成モデル（GM）", [("generative model", "GM")]),
    ("sampler (采样器)", [("sampler", "采样器")]),
    # A parenthesis that explains, in a sentence, is no name of the word before it.
    ("変分 Dropout（同じ層では時間方向でも同じマスクを使う）の実装", []),
    ("embedding（行ごとに取り出すだけ）", []),
    ("mini-batch (순서대로 읽어야 상태가 이어진다)", []),
    ("backpropagation (같은 층에서는 같은 마스크를 쓰는 방식)", []),
    ("sampler（サンプラー）", [("sampler", "サンプラー")]),
])
def test_a_parenthesis_gives_a_name_only_when_it_translates_the_word(text, aliases):
    assert paired_aliases(text, build_lexicon(TERMS, frozenset())) == aliases


NAMES = ("forward pass", "순전파", "順伝播", "前向传播", "損失関数", "损失函数", "截断BPTT", "梯度")


@pytest.mark.parametrize("log, names, shown", [
    # Japanese: kana, or kanji outside simplified Chinese (損, 関)
    ("順伝播を復習した", NAMES, ("forward pass", "順伝播", "損失関数")),
    # Chinese: characters of simplified Chinese, and those both write (截断, 梯度)
    ("复习了反向传播", NAMES, ("forward pass", "前向传播", "损失函数", "截断BPTT", "梯度")),
    ("순전파를 복습함", NAMES, ("forward pass", "순전파")),
    ("reviewed the forward pass", NAMES, ("forward pass",)),
    # characters both languages write, on a Japanese page where a log writes them
    ("勾配が消えるのを確認した", ("gradient", "勾配", "梯度"), ("gradient", "勾配")),
])
def test_a_page_shows_the_names_in_the_language_of_its_logs(log, names, shown):
    assert shown_names(names, writing_of([log])) == shown
