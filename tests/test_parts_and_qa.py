"""Parts and Q/A lines in the shapes other tutors write, line in, record (or page) out:
labels that name a part by their words (``**Pick up from:** ...``, ``오늘 범위: ...``), a
part's name alone on its line, thematic breaks, and questions answered after an arrow."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import QA, Note, Section, SectionKind
from studykb.parse import parse_log
from studykb.render.context import make_context
from studykb.render.session import render_session
from studykb.render.timeline import render_timeline
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.conftest import visible_text

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"


def entry(body: str, before: str = ""):
    lines = (*before.splitlines(), HEADER, *body.splitlines())
    log, _ = parse_log(LogText("sessions/t.md", lines), LABELS)
    return log


def sections(body: str) -> list[tuple[SectionKind, list[str]]]:
    return [(s.kind, [i.text for i in s.items]) for s in entry(body).entries[0].sections]


def knowledge_of(body: str, before: str = ""):
    knowledge, _ = link([entry(body, before)], build_lexicon([], frozenset()), 3)
    return knowledge


@pytest.mark.parametrize("line, kind, item", [
    ("**Pick up from:** negative sampling (4.2)", SectionKind.RESUME, "negative sampling (4.2)"),
    ("Pick up from: negative sampling", SectionKind.RESUME, "negative sampling"),
    ("- Pick up here: chapter 5", SectionKind.RESUME, "chapter 5"),
    ("Still confused: teacher forcing vs greedy decoding", SectionKind.WATCHLIST, "teacher forcing vs greedy decoding"),
    ("**Still fuzzy:** `np.add.at`", SectionKind.WATCHLIST, "`np.add.at`"),
    ("Confused about: softmax vs sigmoid", SectionKind.WATCHLIST, "softmax vs sigmoid"),
    ("Things to review: PPMI", SectionKind.WATCHLIST, "PPMI"),
    ("Shaky: backward of Embedding", SectionKind.WATCHLIST, "backward of Embedding"),
    ("Key takeaway today: W_in rows are the word vectors", SectionKind.LEARNED, "W_in rows are the word vectors"),
    ("**오늘 범위:** 5장 RNN", SectionKind.TOPICS, "5장 RNN"),
    ("범위: 5.1–5.3", SectionKind.TOPICS, "5.1–5.3"),
    ("핵심 정리: 은닉 상태는 과거를 요약한다", SectionKind.LEARNED, "은닉 상태는 과거를 요약한다"),
    ("복습할 것: BPTT", SectionKind.WATCHLIST, "BPTT"),
    ("- 막힌 부분: Truncated BPTT", SectionKind.WATCHLIST, "Truncated BPTT"),
    ("**다음 진도:** 6장 LSTM", SectionKind.RESUME, "6장 LSTM"),
])
def test_a_short_label_names_its_part_by_its_words(line, kind, item):
    assert sections(line) == [(kind, [item])]


@pytest.mark.parametrize("line", [
    "Note: the loss went down",
    "Result: perplexity 120",
    "Learning rate: 0.1",
    "**Learning rate:** 0.1",
    "Topic model: LDA",
    "- Confusion matrix: counts by class",
    "Summary statistics: mean 0.3, std 0.1",
    "I finally learned why it was so slow: the lr was tiny",
    "결과: 퍼플렉서티 120",
    "학습률: 0.1",
])
def test_a_sentence_or_a_term_with_a_colon_opens_no_part(line):
    assert all(kind is SectionKind.OTHER for kind, _ in sections(line))


def test_a_term_with_a_colon_stays_an_item_of_the_open_part():
    assert sections("### What I learned\nLearning rate: scales each step\n- Topic model: LDA") == [
        (SectionKind.LEARNED, ["Learning rate: scales each step", "Topic model: LDA"])]


@pytest.mark.parametrize("body, name, kind", [
    ("Watchlist\n- clip by norm vs clip by value", "Watchlist", SectionKind.WATCHLIST),
    ("Resume\nch07 seq2seq", "Resume", SectionKind.RESUME),
    ("범위\n- 5장 RNN", "범위", SectionKind.TOPICS),
    ("Questions\n- where does the bias go", "Questions", SectionKind.OTHER),
    ("질문\n- 편향은 어디에", "질문", SectionKind.OTHER),
    ("Watch the loss\n- it goes down", "", SectionKind.OTHER),  # a sentence, no part's name
    ("Still confused by this\n- it goes down", "", SectionKind.OTHER),
])
def test_a_line_that_is_only_a_parts_name_opens_it(body, name, kind):
    [section] = entry(body).entries[0].sections
    assert (section.name, section.kind, [i.text for i in section.items]) == (name, kind, [body.split("\n- ")[-1]]
                                                                              if "\n- " in body else ["ch07 seq2seq"])


@pytest.mark.parametrize("brk", ["---", "***", "___", "- - -", "* * *"])
def test_a_thematic_break_ends_the_part_and_is_no_item(brk):
    log = entry(f"**Pick up from:** negative sampling\n{brk}\nA closing remark.")
    blocks = log.entries[0].blocks
    assert sections(f"**Pick up from:** negative sampling\n{brk}") == [(SectionKind.RESUME, ["negative sampling"])]
    # what follows the break is no item of the resume point either
    assert [b.text for b in blocks if isinstance(b, Note)] == [brk, "A closing remark."]
    assert blocks[1].is_break and not Note("--", blocks[1].source).is_break


@pytest.mark.parametrize("lines, front, back", [
    ("1. Why negative sampling? — Because softmax over the vocabulary is too slow",
     "Why negative sampling?", "Because softmax over the vocabulary is too slow"),
    ("Questions I asked\n2. Why 0.75 and not 0.5? -> Empirical, from Mikolov et al.",
     "Why 0.75 and not 0.5?", "Empirical, from Mikolov et al."),
    ("- Why clip the gradients? → They explode in an RNN", "Why clip the gradients?", "They explode in an RNN"),
    ("Is the loss for negatives computed with label 0? - Yes, t = 0", "Is the loss for negatives computed with label 0?",
     "Yes, t = 0"),
    ("Q: does clipping change the direction? / A: no, only the length",
     "does clipping change the direction?", "no, only the length"),
    ("Q: Is it slow? | A: yes, on a CPU", "Is it slow?", "yes, on a CPU"),
    ("1. 왜 0.75인가요? → 경험적으로 정한 값", "왜 0.75인가요?", "경험적으로 정한 값"),
    ("질문: 클리핑은 방향을 바꾸나요? / 답: 아니요, 길이만", "클리핑은 방향을 바꾸나요?", "아니요, 길이만"),
])
def test_a_question_answered_after_an_arrow_or_a_slash_is_one_card(lines, front, back):
    cards = [(c.front, c.back) for c in knowledge_of(lines).cards if c.kind == "qa"]
    assert cards == [(front, back)]


@pytest.mark.parametrize("body, kind", [
    ("### What I learned\n- Why does attention help? → the decoder sees every state", SectionKind.LEARNED),
    ("**Still fuzzy**\n- sigmoid vs softmax — when is each the right output layer?", SectionKind.WATCHLIST),
    ("### 헷갈리는 개념\n- 왜 기울기가 소실되나? → 아직 모르겠다", SectionKind.WATCHLIST),
])
def test_inside_a_known_part_an_arrow_line_stays_its_item(body, kind):
    assert [k for k, _ in sections(body)] == [kind]
    assert not any(isinstance(b, QA) for b in entry(body).entries[0].blocks)


def test_a_q_a_label_shows_only_on_the_lines_written_with_it():
    knowledge = knowledge_of("Q: Does Embedding have a bias? A: No, it is a pure lookup.\n"
                             "- Q/A: When the loss is nan, lower the learning rate.\n"
                             "- Q/A: Q: Why average? A: One vector per target.\n---")
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    assert "<li>Q: Does " in page  # its concepts are links
    assert "<li><strong>Q/A:</strong> When the " in page
    assert "<li><strong>Q/A:</strong> Q: Why average? A: One vector per target.</li>" in page  # as written
    assert "---" not in page.split("\n---\n", 1)[1]  # the break shows nowhere, the front matter aside


@pytest.mark.parametrize("title", ["DLFS2 — Chapter 4 tutoring notes", "딥러닝 2 — 5장 과외 노트"])
def test_the_logs_title_shows_once_on_the_timeline(title):
    knowledge = knowledge_of("- Topics covered:\n- softmax", before=f"# {title}\n\nEach entry is one sitting.\n\n---\n")
    text = visible_text(render_timeline(make_context(knowledge, {})))
    logs = text.split("## The logs", 1)[1]
    assert text.count(title) == 1 and "Each entry is one sitting." in logs and "---" not in logs
