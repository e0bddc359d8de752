"""A sentence of a day's prose that only says how long the sitting was is its time log,
paragraph in, minutes out; a sentence about how long a program ran is not."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Note
from studykb.parse import parse_log
from studykb.sources import LogText
from studykb.time_lines import study_time_sentences

LABELS = shipped_labels()


def entry(body: str):
    log, problems = parse_log(LogText("sessions/t.md", ("### 2026-11-30 (Mon)", *body.splitlines())), LABELS)
    return log.entries[0], problems


@pytest.mark.parametrize("body, minutes", [
    ("Read 7.1 and ran the generator. About 45 minutes tonight.", 45),
    ("Built the decoder by following along, about 1h30.", None),  # one sentence: no paragraph
    ("Read 7.3. Implemented Encoder/Decoder by following along, about 1h30.", 90),
    ("Peeky got 99.1%. Spent 2 hours total, mostly waiting for the three runs.", 120),
    ("I wrote it out three times tonight. 1 hour.", 60),
    ("Skip connections help with depth. 1h10.", 70),
    ("Read it without running anything. About 50 minutes.", 50),
    ("오늘은 4장을 읽었다. 약 45분.", 45),
    ("4章を読んだ。勉強 1時間。", 60),
    # how long a program ran is no study time
    ("Trained on the date data. Runtime about 40 min on CPU.", None),
    ("Training took 45 minutes. Accuracy 99%.", None),
    ("Ran ch08/train.py, about 40 min per epoch. It worked.", None),
])
def test_a_sentence_that_only_says_the_time_is_the_time_log(body, minutes):
    session, _ = entry(body)
    assert (session.timelog.minutes if session.timelog else None) == minutes


def test_the_paragraph_stays_whole_and_the_time_points_at_its_sentence():
    body = "Ran `ch07/generate_text.py` and got text. About 45 minutes tonight."
    session, _ = entry(f"Chapter 7.\n\n{body}")
    assert body in [b.text for b in session.blocks if isinstance(b, Note)]
    assert session.timelog.source.line == 4 and session.timelog.source.column == body.index("About") + 1


def test_a_line_of_time_alone_comes_before_a_sentence():
    session, _ = entry("Read 7.1. About 45 minutes.\n\n- studied 1h40")
    assert session.timelog.minutes == 100


@pytest.mark.parametrize("text, said", [
    ("Started 7.1. About 45 minutes tonight.", ["About 45 minutes tonight"]),
    ("Implemented it, about 1h30. Then slept.", ["about 1h30"]),
    ("Epochs ran long, 40 min. Fine.", []),  # a clause without 'about' is no remark on the sitting
])
def test_the_words_that_say_the_time(text, said):
    assert study_time_sentences(text, LABELS) == said
