"""Logs studykb had never seen, understood: a Korean tutor's log, a log of headings and bold
labels, and the seed's own shape carried on into the book's chapters 2-3.

Each fixture (tests/fixtures/understanding/) has its expected model written by hand below:
concepts, the learner's definitions and the concept each belongs to, watchlist items with
the sessions that flagged them, Q/A cards, resume points, study minutes and learned
items. ``python -m tests.test_understanding`` prints precision and recall per category.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from studykb.code_terms import is_term_like
from studykb.concepts import defined_term
from studykb.config import Config
from studykb.labels import shipped_labels
from studykb.labels_file import load_user_labels
from studykb.model import QA, CodeBlock, Knowledge, SectionKind, Session, SessionId
from studykb.session_lines import lines_of
from studykb.labels import shipped_labels
from studykb.parse import parse_log
from studykb.session_header import parse_session_header
from studykb.pipeline import load
from studykb.redact import make_redactor
from studykb.sources import LogText, decode_log
from studykb.timelog import Piece, read_timelog
from studykb.vocabulary import build_lexicon
from tests.conftest import make_project, mkdocs_build, readable, visible_text

LABELS = shipped_labels()  # the table that ships with studykb

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "understanding"


@dataclass(frozen=True)
class Expected:
    """A log's model as a reader of it would write it down."""

    concepts: frozenset[str]  # every concept the log names or defines
    definitions: frozenset[tuple[str, int]]  # (concept, line) of each of the learner's definitions
    watchlist: frozenset[tuple[frozenset[int], int]]  # (the lines of one item, how many sessions flagged it)
    cards: frozenset[tuple[int, str, str]]  # Q/A cards: (line, front, back)
    resume: frozenset[int]  # the lines of the resume points
    minutes: frozenset[tuple[int, int]]  # (a session's header line, its study minutes)
    learned: frozenset[int]  # the lines of the learned items


def _expected(concepts, definitions, watchlist, cards, resume, minutes, learned) -> Expected:
    return Expected(frozenset(concepts), frozenset(definitions),
                    frozenset((frozenset(lines), times) for lines, times in watchlist),
                    frozenset(cards), frozenset(resume), frozenset(minutes), frozenset(learned))


EXPECTED = {
    "korean.md": _expected(
        concepts={"neural network", "epoch", "batch size", "learning rate", "mini-batch", "updates per epoch",
                  "co-occurrence matrix", "corpus", "cosine similarity", "overfitting", "PMI", "PPMI", "SVD",
                  "dimensionality reduction", "context window", "CBOW"},
        definitions={("epoch", 13), ("mini-batch", 14), ("learning rate", 15), ("batch size", 16),
                     ("corpus", 28), ("co-occurrence matrix", 29), ("cosine similarity", 30), ("overfitting", 31),
                     ("SVD", 44), ("dimensionality reduction", 45), ("context window", 46)},
        watchlist=[({18, 33}, 2), ({19}, 1), ({34, 48}, 2)],
        cards={(20, "배치 크기를 키우면 에폭당 업데이트 수는?", "줄어든다."),
               (35, "왜 PPMI는 음수를 0으로 바꾸나요?", "함께 나온 적이 없는 단어 쌍의 값이 음의 무한대로 가는 것을 막기 위해서.")},
        resume={22, 38, 50},
        minutes={(5, 50), (24, 75), (40, 80)},
        learned={13, 14, 15, 16, 28, 29, 30, 31, 44, 45, 46}),
    "headings.md": _expected(
        concepts={"SVD", "PPMI", "PMI", "distributional hypothesis", "cosine similarity", "word vector",
                  "co-occurrence matrix", "context window", "corpus", "CBOW", "skip-gram", "negative sampling",
                  "softmax", "word2vec", "embedding", "weight", "one-hot vector", "sigmoid", "forward propagation",
                  "singular value", "binary classification"},
        definitions={("SVD", 10), ("PPMI", 11), ("distributional hypothesis", 12), ("cosine similarity", 13),
                     ("CBOW", 37), ("skip-gram", 38), ("negative sampling", 39), ("word2vec", 40),
                     ("embedding", 56), ("negative sampling", 57)},
        watchlist=[({21, 46}, 2), ({22}, 1), ({47, 60}, 2), ({61}, 1)],
        cards={(16, "Why use PPMI instead of raw co-occurrence counts?",
                'Frequent words like "the" occur next to everything, so raw counts overrate them.'),
               (17, "What does the window size control?", "How many words on each side count as context."),
               (43, "What is the output layer of CBOW?", "A softmax over the whole vocabulary.")},
        resume={25, 26, 49, 64},
        minutes={(5, 70), (28, 70), (51, 80)},
        learned={10, 11, 12, 13, 37, 38, 39, 40, 56, 57}),
    "chapters-2-3.md": _expected(
        concepts={"corpus", "SVD", "co-occurrence matrix", "distributional hypothesis", "PPMI", "PMI",
                  "one-hot vector", "generalization", "validation loss", "validation", "CBOW", "skip-gram",
                  "hidden_size", "PTB", "softmax", "negative sampling", "BPTT", "truncated BPTT", "word2vec",
                  "word vector", "context window", "forward propagation", "accuracy", "loss function", "embedding"},
        definitions={("distributional hypothesis", 14), ("SVD", 15), ("PPMI", 16), ("one-hot vector", 17),
                     ("generalization", 18), ("CBOW", 32), ("skip-gram", 33), ("hidden_size", 34), ("PTB", 35),
                     ("softmax", 36), ("context window", 50), ("negative sampling", 51)},
        watchlist=[({20, 38, 53}, 3), ({21, 54}, 2), ({39}, 1)],
        cards={(40, "Why average the context vectors in CBOW?", "To get one vector per target whatever the window size."),
               (55, "Does skip-gram or CBOW do better on rare words?",
                "Skip-gram, as each word gets its own prediction task.")},
        resume={23, 42, 57},
        minutes={(5, 70), (25, 75), (44, 70)},
        learned={14, 15, 16, 17, 18, 32, 33, 34, 35, 36, 50, 51}),
}
# Logs written after the code, in shapes it was not made for (held-out/): measured by
# precision and recall only.
HELD_OUT = {
    "held-out/english.md": _expected(
        concepts={"RNN", "hidden state", "language model", "perplexity", "cross-entropy error", "truncated BPTT",
                  "backpropagation", "gradient", "gradient clipping", "LSTM", "vanishing gradient",
                  "exploding gradient", "memory cell"},
        definitions={("RNN", 8), ("language model", 9), ("perplexity", 10), ("truncated BPTT", 11),
                     ("gradient clipping", 27), ("LSTM", 28), ("vanishing gradient", 29)},
        watchlist=[({14, 32}, 2), ({15}, 1), ({33}, 1)],
        cards={(17, "What does truncated BPTT keep between blocks?", "The hidden state, but not the gradient."),
               (35, "Which problem does gradient clipping solve?", "Exploding gradients.")},
        resume={20, 39},
        minutes={(3, 45), (22, 70)},
        learned={8, 9, 10, 11, 27, 28, 29}),
    "held-out/japanese.md": _expected(
        concepts={"distributional hypothesis", "corpus", "co-occurrence matrix", "PMI", "PPMI", "SVD",
                  "dimensionality reduction", "cosine similarity", "word2vec", "CBOW"},
        definitions={("distributional hypothesis", 7), ("corpus", 8), ("co-occurrence matrix", 9),
                     ("cosine similarity", 19), ("dimensionality reduction", 20)},
        watchlist=[({11, 22}, 2)],
        cards={(23, "なぜPPMIを使うのか？", "頻度の高い単語の影響を抑えるため。")},
        resume={13, 26},
        minutes={(3, 70), (15, 40)},
        learned={7, 8, 9, 19, 20}),
}
CATEGORIES = ("concepts", "definitions", "watchlist", "cards", "resume", "minutes", "learned")
# Precision and recall wanted in every category; a little less for definitions, whose
# shapes are the most varied.
TARGETS = {category: 0.8 if category == "definitions" else 0.9 for category in CATEGORIES}


@cache
def knowledge_of(name: str) -> Knowledge:
    """The model studykb builds of one fixture log, alone in a project."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sessions").mkdir()
        shutil.copy(FIXTURES / name, root / "sessions" / Path(name).name)
        return load(Config(root=root)).knowledge


def found(knowledge: Knowledge) -> Expected:
    """The model studykb built, in the terms of ``Expected``."""
    sessions = knowledge.sessions
    return _expected(
        concepts={c.name for c in knowledge.concepts},
        definitions={(c.name, d.source.line) for c in knowledge.concepts for d in c.definitions if d.origin == "log"},
        watchlist=[({s.line for s in w.sources}, len(w.flagged_in)) for w in knowledge.watchlist],
        cards={(c.source.line, c.front, c.back) for c in knowledge.cards if c.kind == "qa"},
        resume={i.source.line for s in sessions for i in s.items_of(SectionKind.RESUME)},
        minutes={(s.source.line, s.minutes) for s in sessions if s.minutes is not None},
        learned={i.source.line for s in sessions for i in s.items_of(SectionKind.LEARNED)})


def precision_recall(expected: frozenset, got: frozenset) -> tuple[float, float]:
    right = len(expected & got)
    return (right / len(got) if got else 1.0), (right / len(expected) if expected else 1.0)


def scores(fixtures: dict[str, Expected] = EXPECTED) -> dict[tuple[str, str], tuple[float, float]]:
    """(fixture, category) -> (precision, recall)."""
    out = {}
    for name, expected in fixtures.items():
        got = found(knowledge_of(name))
        for category in CATEGORIES:
            out[name, category] = precision_recall(getattr(expected, category), getattr(got, category))
    return out


def table(fixtures: dict[str, Expected] = EXPECTED) -> str:
    """Precision / recall per category (rows) and fixture (columns), as Markdown."""
    measured = scores(fixtures)
    names = list(fixtures)
    lines = ["| category | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for category in CATEGORIES:
        cells = [f"{p:.2f} / {r:.2f}" for p, r in (measured[name, category] for name in names)]
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- each fixture's model, category by category ------------------------------------------

@pytest.mark.parametrize("name", EXPECTED)
@pytest.mark.parametrize("category", CATEGORIES)
def test_the_model_is_the_one_written_by_hand(name, category):
    expected, got = getattr(EXPECTED[name], category), getattr(found(knowledge_of(name)), category)
    assert got == expected, f"missing: {sorted(expected - got, key=str)}; extra: {sorted(got - expected, key=str)}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall_reach_their_targets(category):
    for name in EXPECTED:
        precision, recall = scores()[name, category]
        assert precision >= TARGETS[category] and recall >= TARGETS[category], (name, precision, recall)


@pytest.mark.parametrize("category", CATEGORIES)
def test_logs_it_was_not_made_for_reach_the_targets_too(category):
    for name in HELD_OUT:
        precision, recall = scores(HELD_OUT)[name, category]
        assert precision >= TARGETS[category] and recall >= TARGETS[category], (name, precision, recall)


@pytest.mark.parametrize("name", EXPECTED)
def test_make_check_has_nothing_to_say_about_the_fixtures(name):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sessions").mkdir()
        shutil.copy(FIXTURES / name, root / "sessions" / name)
        diagnostics = load(Config(root=root)).diagnostics
    assert [str(d) for d in diagnostics if d.level.value != "info"] == []


@pytest.mark.parametrize("name", EXPECTED)
def test_every_line_lands_in_the_model(name):
    """Lossless: each non-blank line is in one record; a labelled line that opens a part and
    holds its first item (``**Next session:** ...``) is that part's name and item at once."""
    lines, _ = decode_log((FIXTURES / name).read_bytes(), f"sessions/{name}")
    log, _ = parse_log(lines, LABELS)
    placed = [n.source.line for n in log.preamble if not isinstance(n, CodeBlock)]
    for code in (b for b in log.preamble if isinstance(b, CodeBlock)):
        placed += range(code.source.line, code.source.line + len(code.lines) + 2)
    for session in log.entries:
        placed.append(session.source.line)
        own_line = {item.source.line for s in session.sections for item in s.items if item.source == s.source}
        placed += [s.source.line for s in session.sections if s.name and s.source.line not in own_line]
        placed += [line.source.line for line in lines_of(Session.of(session, SessionId("s")))]
        for code in (b for b in session.blocks if isinstance(b, CodeBlock)):
            placed += range(code.source.line, code.source.line + len(code.lines) + 2)
    expected = [n for n, text in enumerate(lines.lines, 1) if text.strip()]
    assert sorted(placed) == expected


# --- the pieces, line in, record out -------------------------------------------------------

def parse(text: str, labels=LABELS):
    log, problems = parse_log(LogText("sessions/t.md", tuple(text.splitlines())), labels)
    return log, problems


@pytest.mark.parametrize("line, kind", [
    ("- What we learned today:", SectionKind.LEARNED),
    ("- Key concepts repeatedly confused (watchlist):", SectionKind.WATCHLIST),
    ("- Resume point for next session:", SectionKind.RESUME),
    ("- Topics covered:", SectionKind.TOPICS),
    ("### What I learned", SectionKind.LEARNED),
    ("#### Watchlist", SectionKind.WATCHLIST),
    ("**Next session**", SectionKind.RESUME),
    ("**Watchlist:**", SectionKind.WATCHLIST),
    ("- 오늘 배운 것:", SectionKind.LEARNED),
    ("- 헷갈리는 개념(워치리스트):", SectionKind.WATCHLIST),
    ("- 다음 세션 시작점:", SectionKind.RESUME),
    ("- 오늘 다룬 주제:", SectionKind.TOPICS),
    ("### 今日学んだこと", SectionKind.LEARNED),
    ("- 混同しやすい概念:", SectionKind.WATCHLIST),
    ("**次回**", SectionKind.RESUME),
    ("### 今天学到的", SectionKind.LEARNED),
    ("- 易混淆的概念：", SectionKind.WATCHLIST),
    ("- 下次从这里开始:", SectionKind.RESUME),
    ("- Things I did:", SectionKind.OTHER),
    ("### 今日やったこと", SectionKind.TOPICS),  # what was done is what was covered
    ("**本日取り組んだ内容**", SectionKind.TOPICS),
    ("- 今天做了什么：", SectionKind.TOPICS),
    ("- 오늘 한 일:", SectionKind.TOPICS),
    ("- What we did today:", SectionKind.TOPICS),
    ("### 오늘 한 것", SectionKind.TOPICS),
    ("**공부한 것**", SectionKind.TOPICS),
    ("## Misconceptions", SectionKind.WATCHLIST),
    ("### 오개념 정리", SectionKind.WATCHLIST),
])
def test_a_part_is_known_by_its_meaning_however_it_is_labelled(line, kind):
    log, _ = parse(f"## Session: 2026-03-01 10:00 KST\n{line}\n- one item\n")
    section = log.entries[0].sections[0]
    assert section.kind is kind and [i.text for i in section.items] == ["one item"]


@pytest.mark.parametrize("line, kind, item", [
    ("**Next session:** implement CBOW", SectionKind.RESUME, "implement CBOW"),
    ("- Watchlist: PMI vs PPMI", SectionKind.WATCHLIST, "PMI vs PPMI"),
    ("**다음 세션**: 3장 시작", SectionKind.RESUME, "3장 시작"),
])
def test_a_labelled_line_is_a_part_of_one_item(line, kind, item):
    log, _ = parse(f"## Session: 2026-03-01 10:00 KST\n{line}\n")
    section = log.entries[0].sections[0]
    assert (section.kind, [i.text for i in section.items]) == (kind, [item])


def test_a_term_named_like_a_part_is_still_an_item_of_what_was_learned():
    log, _ = parse("## Session: 2026-03-01 10:00 KST\n- What we learned today:\n"
                   "- Learning rate: the factor that scales each step.\n- Confusion matrix: counts by class.\n")
    [section] = log.entries[0].sections
    assert section.kind is SectionKind.LEARNED and len(section.items) == 2


def test_under_a_heading_paragraphs_and_numbered_lines_are_items_and_qa_leaves_the_part_open():
    log, _ = parse("## Session: 2026-03-01 10:00 KST\n### What I learned\nA paragraph line.\n"
                   "1. numbered\n**Q:** Why? **A:** Because.\n- after the quiz\n")
    session = log.entries[0]
    assert [i.text for i in session.items_of(SectionKind.LEARNED)] == ["A paragraph line.", "numbered", "after the quiz"]
    assert [type(b).__name__ for b in session.blocks] == ["Section", "QA", "Section"]


@pytest.mark.parametrize("lines, front, back", [
    (["- Q/A: When model performs badly, check data quality first."],
     "When model performs badly: what then?", "check data quality first."),
    (["**Q:** Why clip PMI? **A:** Rare pairs go to minus infinity."], "Why clip PMI?", "Rare pairs go to minus infinity."),
    (["Q1. What does CBOW predict? A1. The center word."], "What does CBOW predict?", "The center word."),
    (["Q1. What does CBOW predict?", "A1. The center word."], "What does CBOW predict?", "The center word."),
    (["- Q: What is a corpus?", "- A: A large body of text."], "What is a corpus?", "A large body of text."),
    (["1. **Q:** Why average? **A:** One vector per target."], "Why average?", "One vector per target."),
    (["- 질문: 왜 PPMI를 쓰나요?", "- 답: 빈도 보정."], "왜 PPMI를 쓰나요?", "빈도 보정."),
    (["問1：エポックとは？", "答1：全データを一巡すること。"], "エポックとは？", "全データを一巡すること。"),
    (["问：学习率太大会怎样？答：损失会发散。"], "学习率太大会怎样？", "损失会发散。"),
])
def test_qa_in_its_common_shapes_makes_one_card(tmp_path, lines, front, back):
    text = "## Session: 2026-03-01 10:00 KST\n- User language: English\n" + "\n".join(lines) + "\n"
    knowledge = load(Config(root=make_project(tmp_path, {"a.md": text}))).knowledge
    assert [(c.front, c.back) for c in knowledge.cards if c.kind == "qa"] == [(front, back)]
    log, _ = parse(text)
    assert all(isinstance(b, QA) for b in log.entries[0].blocks[1:])


@pytest.mark.parametrize("line, split", [
    ("Q: Is plan A. the better one?", ("Is plan A. the better one?", "")),
    ("Q: Which is better? A: Plan A. It is cheaper.", ("Which is better?", "Plan A. It is cheaper.")),
    ("QR: a code", None),
    ("Q-learning: a method", None),
])
def test_a_quiz_question_and_its_answer(line, split):
    assert LABELS.split_quiz(line) == split


@pytest.mark.parametrize("pieces, start, end, minutes", [
    ([("time", "Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes")], "14:28", "15:03", 35),
    ([("time", "09:00–10:10")], "09:00", "10:10", 70),
    ([("time", "23:30-00:40 (KST)")], "23:30", "00:40", 70),
    ([("time", "1h 20m")], None, None, 80),
    ([("time", "1h20m")], None, None, 80),
    ([("time", "약 50분")], None, None, 50),
    ([("time", "50분")], None, None, 50),
    ([("time", "1시간 20분")], None, None, 80),
    ([("time", "시작 20:10 | 종료 21:00 | 약 50분")], "20:10", "21:00", 50),
    ([("time", "19:30~20:45")], "19:30", "20:45", 75),
    ([("time", "約50分")], None, None, 50),
    ([("time", "1小时20分钟")], None, None, 80),
    ([("start", "23:30"), ("end", "00:40")], "23:30", "00:40", 70),
    ([("start", "09:00"), ("duration", "45 min")], "09:00", None, 45),
])
def test_time_logs_in_common_shapes(pieces, start, end, minutes):
    problems = []
    log = read_timelog([Piece(kind, text, None) for kind, text in pieces], problems, LABELS)
    assert (log.start, log.end, log.minutes) == (start, end, minutes)
    assert problems == []


@pytest.mark.parametrize("lines, minutes", [
    (["- Time log (today): Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes"], 35),
    (["**Time:** 09:00–10:10"], 70),
    (["- 시간 기록(오늘): 약 50분"], 50),
    (["**Start:** 23:30", "**End:** 00:40"], 70),
    (["### Time", "23:30–00:40 (KST)"], 70),
    (["- 学習時間: 1時間20分"], 80),
])
def test_a_session_finds_its_time_however_it_is_written(lines, minutes):
    log, _ = parse("## Session: 2026-03-01 23:30 KST\n" + "\n".join(lines) + "\n")
    assert log.entries[0].minutes == minutes


@pytest.mark.parametrize("rest, zone", [
    ("2026-03-05 09:00 (KST)", "KST"),
    ("2026-03-05 09:00 [UTC+9]", "UTC+9"),
    ("2026-03-05 (Thu) 09:00 KST", "KST"),
    ("2026-03-05 09:00 KST (evening)", "KST"),
])
def test_a_time_zone_in_parentheses_is_known(rest, zone):
    started, tz_name, problems = parse_session_header(rest, "sessions/t.md", 1)
    assert (started.hour, tz_name, problems) == (9, zone, [])


@pytest.mark.parametrize("line, in_learned, subject, aliases", [
    ("`SVD` factorizes a matrix into `U`, `S`, `V`.", True, "SVD", ()),
    ("`CBOW` predicts the center word.", False, "CBOW", ()),
    ("`PTB` (Penn Treebank) is the corpus of chapter 5.", False, "PTB", ("Penn Treebank",)),
    ("`generalization` = how well a model does on new data.", False, "generalization", ()),
    ("`one-hot` vector: all zeros except a single 1.", True, "one-hot vector", ()),
    ("`hidden_size` is the length of each word vector", False, "hidden_size", ()),
    ("**Negative sampling** replaces the full softmax.", True, "Negative sampling", ()),
    ("Softmax turns scores into probabilities.", True, "Softmax", ()),
    ("Softmax turns scores into probabilities.", False, None, ()),
    ("`에폭`은 전체 데이터를 한 번 다 보는 것", True, "에폭", ()),
    ("미니배치(mini-batch)는 전체 데이터에서 뽑은 작은 묶음", True, "미니배치", ("mini-batch",)),
    ("학습률이란 한 번 업데이트할 때 이동하는 보폭", True, "학습률", ()),
    ("과적합: 훈련 데이터에만 맞춰진 상태", True, "과적합", ()),
    ("エポックとは全データを一巡すること", True, "エポック", ()),
    ("学习率是每次更新的步长", True, "学习率", ()),
    ("오늘은 2장을 끝냈다", True, None, ()),
    ("`SVD` result: three matrices.", True, None, ()),
    ("`epoch` vs `batch size`: which is which", True, None, ()),
    ("Training loss alone is insufficient; validation is required.", True, None, ()),
    ("The model is bad today.", True, None, ()),
])
def test_definitions_in_their_shapes(line, in_learned, subject, aliases):
    defined = defined_term(line, build_lexicon([], frozenset()), in_learned)
    assert (defined.subject, defined.aliases) == (subject, aliases) if subject else defined is None


@pytest.mark.parametrize("code, term_like", [
    ("U", False), ("c", False), ("h", False), ("dW", False), ("pip install scikit-learn", False),
    ("git commit -m", False), ("python train.py", False), ("LR", True), ("batch size", True),
    ("에폭", True), ("hidden_size", False), ("word_to_id", False),
])
def test_letters_and_commands_are_no_concepts(code, term_like):
    assert is_term_like(code, build_lexicon([], frozenset())) is term_like


def test_ordinary_words_are_never_linked_as_plurals_of_letters():
    knowledge = knowledge_of("chapters-2-3.md")
    assert not [c.name for c in knowledge.concepts if len(c.name) < 2]
    names = {c.slug: c.name for c in knowledge.concepts}
    for log in knowledge.logs:
        for source, spans in knowledge.mentions.items():
            line = log.lines[source.line - 1] if source.path == log.path else None
            if line is None:
                continue
            words = {names[s.concept] for s in spans if s.end - s.start <= 2 and not names[s.concept].isupper()}
            assert not words, (source, words)


def test_the_learners_definition_comes_before_the_starter_one_in_any_language():
    epoch = next(c for c in knowledge_of("korean.md").concepts if c.name == "epoch")
    assert epoch.definition.text == "`에폭`은 전체 데이터를 한 번 다 보는 것" and epoch.starter_definition
    mini_batch = next(c for c in knowledge_of("korean.md").concepts if c.name == "mini-batch")
    assert "미니배치" in mini_batch.aliases


def test_a_korean_name_with_its_english_one_is_one_concept_with_both(tmp_path):
    log = ("## Session: 2026-03-01 10:00 KST\n- 오늘 배운 것:\n- 드롭아웃(dropout)은 학습 중 일부 뉴런을 끄는 것\n"
           "- 은닉층(hidden layer)은 입력과 출력 사이의 층\n- 헷갈리는 개념:\n- 은닉층과 hidden layer 개수\n")
    concepts = {c.name: c for c in load(Config(root=make_project(tmp_path, {"a.md": log}))).knowledge.concepts}
    assert "드롭아웃" in concepts["dropout"].aliases
    assert concepts["은닉층"].aliases == ("hidden layer",) and len(concepts["은닉층"].mentions) == 2


def test_a_starter_alias_the_watchlist_sets_apart_becomes_a_concept_of_its_own(tmp_path):
    log = ("## Session: 2026-03-01 10:00 KST\n- Key concepts repeatedly confused (watchlist):\n"
           "- `RMSProp` vs the `optimizer` in general\n- momentum and SGD\n")
    root = make_project(tmp_path, {"a.md": log})
    (root / "sessions" / "vocabulary.yml").write_text(
        "terms:\n  - term: optimizer\n    aliases: [RMSProp, Momentum]\n")
    concepts = {c.name: c for c in load(Config(root=root)).knowledge.concepts}
    assert "RMSProp" in concepts and "RMSProp" not in concepts["optimizer"].aliases
    assert "Momentum" in concepts["optimizer"].aliases  # not set against optimizer: still an alias


def test_a_reworded_confusion_is_the_same_item_flagged_again_with_its_history():
    item = next(w for w in knowledge_of("chapters-2-3.md").watchlist if len(w.flagged_in) == 3)
    assert item.text == "Still mixing up `PMI` and `PPMI` in the formula."
    assert [s.line for s in item.sources] == [20, 38, 53]


def test_two_lines_of_one_session_naming_the_same_concepts_stay_two_items(tmp_path):
    log = ("## Session: 2026-03-01 10:00 KST\n- Watchlist:\n- PMI vs PPMI\n- why PPMI drops what PMI keeps\n")
    watch = load(Config(root=make_project(tmp_path, {"a.md": log}))).knowledge.watchlist
    assert len(watch) == 2


def test_check_says_when_a_session_has_content_but_no_part_was_recognised(tmp_path):
    log = ("## Session: 2026-03-05 09:00 KST\n- User language: Esperanto\n- Hodiaŭ lernita:\n- unu\n- du\n"
           "- Konfuzaj konceptoj:\n- tri\n## Session: 2026-03-06 09:00 KST\njust a line\n")
    diagnostics = [str(d) for d in load(Config(root=make_project(tmp_path, {"x.md": log}))).diagnostics]
    assert diagnostics == [
        "sessions/x.md:1: warning: session 2026-03-05 has 6 lines but no learned items, watchlist, resume point "
        "or time log were recognised — see README 'Writing a log'"]


def test_the_learners_own_labels_from_the_vocabulary_file(tmp_path):
    log = ("## Session: 2026-03-05 09:00 KST\n- Hodiaŭ lernita:\n- `epoch` is one pass.\n"
           "- Konfuzaj konceptoj:\n- epoch vs batch size\n- Daŭrigu ĉi tie:\n- chapter 2\n- Daŭro: 40 min\n")
    root = make_project(tmp_path, {"x.md": log})
    (root / "sessions" / "vocabulary.yml").write_text(
        "labels:\n  learned: [Hodiaŭ lernita]\n  watchlist: [konfuzaj]\n  resume: [Daŭrigu]\n  time: [Daŭro]\n")
    loaded = load(Config(root=root))
    session = loaded.knowledge.sessions[0]
    assert [len(session.items_of(kind)) for kind in (SectionKind.LEARNED, SectionKind.WATCHLIST, SectionKind.RESUME)] == [1, 1, 1]
    assert session.minutes == 40 and not loaded.diagnostics


def test_a_wrong_labels_section_is_reported_and_the_table_used(tmp_path):
    path = tmp_path / "vocabulary.yml"
    path.write_text("labels:\n  parking: [Parking lot]\n  resume: {a: b}\n  watchlist: Parking lot\n")
    labels, problems = load_user_labels(path, "sessions/vocabulary.yml")
    assert [str(p) for p in problems] == [
        "sessions/vocabulary.yml:2: warning: unknown label kind 'parking' (expected one of watchlist, resume, "
        "learned, topics, time, start, end, duration, created, known, line, question, answer, resolved, negation, affirmative, "
        "confusion, persisting, now, compound, run_time, cancelled, skipped, term, note, status, date, experiments, session); ignored",
        "sessions/vocabulary.yml:3: warning: `resume:` should be a list of spellings; ignored"]
    assert labels.part_kind("Parking lot") is SectionKind.WATCHLIST
    assert labels.part_kind("Next session") is SectionKind.RESUME


def readme_block(containing: str) -> str:
    """The fenced block of the README's "Writing a log" that holds ``containing``."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:markdown|yaml)\n(.*?)```", readme, re.DOTALL)
    return next(block for block in blocks if containing in block)


@pytest.mark.parametrize("first_line, minutes", [("## Session: 2026-03-05 09:00 (KST)", 70),
                                                 ("## Session: 2026-03-10 20:10 KST", 50)])
def test_the_readme_examples_are_read_as_the_readme_says(first_line, minutes):
    log, problems = parse(readme_block(first_line))
    session = log.entries[0]
    assert session.minutes == minutes and session.tz_name == "KST" and not problems
    for kind in (SectionKind.LEARNED, SectionKind.WATCHLIST, SectionKind.RESUME):
        assert session.items_of(kind), kind


def test_the_readme_labels_example_is_a_valid_labels_section(tmp_path):
    path = tmp_path / "vocabulary.yml"
    path.write_text(readme_block("labels:"), encoding="utf-8")
    labels, problems = load_user_labels(path, "sessions/vocabulary.yml")
    assert problems == []
    assert labels.part_kind("Parking lot") is SectionKind.WATCHLIST and labels.field_kind("Lernzeit") == "time"
    log, _ = parse("## Sitzung: 2026-03-01 10:00 CET\n- Heute gelernt:\n- eins\n", labels)
    assert [i.text for i in log.entries[0].items_of(SectionKind.LEARNED)] == ["eins"]


# --- every line of the fixtures on the site ----------------------------------------------

@pytest.fixture(scope="module")
def built_understanding_site(tmp_path_factory) -> Path:
    logs = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*.md"))}
    project = make_project(tmp_path_factory.mktemp("understanding-site"), logs)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project


@pytest.mark.slow
def test_every_line_of_the_fixtures_is_readable_on_its_page(built_understanding_site):
    """As tests/test_site.py checks the fixture logs: a heading's ``#`` marks are structure,
    as a bullet's ``-`` is."""
    site = built_understanding_site / "site"
    knowledge = load(Config(root=built_understanding_site)).knowledge
    redact = make_redactor(Config(root=built_understanding_site))
    for path in sorted(FIXTURES.glob("*.md")):
        name = f"sessions/{path.name}"
        starts = sorted((s.source.line, s.id) for s in knowledge.sessions if s.source.path == name)
        pages: dict[str, str] = {}
        for number, line in enumerate(decode_log(path.read_bytes(), name)[0].lines, 1):
            if not line.strip():
                continue
            owner = next((sid for start, sid in reversed(starts) if start <= number), None)
            url = f"sessions/{owner}" if owner else "timeline"
            if url not in pages:
                pages[url] = visible_text((site / url / "index.html").read_text(encoding="utf-8"))
            wanted = readable(redact(re.sub(r"^\s{0,3}#{1,6}\s+", "", line)))
            assert " ".join(wanted.split()) in pages[url], f"{name}:{number} not on /{url}/: {line!r}"


if __name__ == "__main__":
    print(table())
    print()
    print(table(HELD_OUT))
    sys.exit(0)
