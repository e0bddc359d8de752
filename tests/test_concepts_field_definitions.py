"""What a line defines: "NAME: what it is" (a field whose name is a known term too), "NAME는
…이다", "NAMEとは…"; a remark that only mentions the concept, giving a reason for something
else, defines nothing (log text in, the concept's definitions out)."""
from __future__ import annotations

import pytest

from tests.test_concepts import link_log


def definitions(*lines: str) -> dict[str, list[str]]:
    """Each concept's definitions, as the lines' texts, for a one-session log of ``lines``."""
    knowledge = link_log(*lines)
    return {c.name: [d.text for d in c.definitions] for c in knowledge.concepts if c.definitions}


@pytest.mark.parametrize("lines, defined", [
    # a field named by a known term, its value in words: the term's definition
    (("- Peeky：Encoderの出力 `h` をDecoderのすべての時刻のLSTMとAffineに渡す",),
     {"Peeky decoder": ["Encoderの出力 `h` をDecoderのすべての時刻のLSTMとAffineに渡す"]}),
    (("- Teacher forcing: the decoder reads the true previous word while it is trained",),
     {"teacher forcing": ["the decoder reads the true previous word while it is trained"]}),
    # a field that is a setting, a reading or a name: no definition
    (("- Optimizer: Adam", "- Epoch: 10", "- Dropout: 0.5"), {}),
    (("- Attention: encoder, decoder, softmax",), {}),
    # a remark giving a reason after a plain topic particle: no definition
    (("### 学んだこと", "- Peekyはパラメータが増えるので、公平な比較ではない点に注意"), {}),
    (("### 배운 점", "- Peeky는 파라미터가 늘기 때문에 공정한 비교가 아님"), {}),
    (("### 学到的", "- Peeky是参数变多了，所以不算公平比较"), {}),
    # what the term is, after the same particles
    (("### 배운 점", "- Peeky는 Encoder의 h를 Decoder의 모든 시각에 넣는 방식이다"),
     {"Peeky decoder": ["Peeky는 Encoder의 h를 Decoder의 모든 시각에 넣는 방식이다"]}),
    (("### 学んだこと", "- Peekyとは、Encoderの出力をすべての時刻に渡すDecoderのこと"),
     {"Peeky decoder": ["Peekyとは、Encoderの出力をすべての時刻に渡すDecoderのこと"]}),
])
def test_a_definition_says_what_a_name_is_and_a_remark_does_not(lines, defined):
    assert {name: texts for name, texts in definitions(*lines).items() if name in ("Peeky decoder", "teacher forcing",
                                                                                  "optimizer", "epoch", "dropout",
                                                                                  "attention")} == defined


def test_the_field_that_says_what_peeky_is_comes_before_a_later_remark():
    found = definitions("- Peeky：Encoderの出力 h をDecoderのすべての時刻に渡す",
                        "### 学んだこと", "- Peekyはパラメータが増えるので、公平な比較ではない点に注意")
    assert found["Peeky decoder"] == ["Encoderの出力 h をDecoderのすべての時刻に渡す"]
