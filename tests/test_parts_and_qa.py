"""Parts and Q/A lines in the shapes other tutors write, line in, record (or page) out:
labels that name a part by their words (``**Pick up from:** ...``, ``오늘 범위: ...``), a
part's name alone on its line, thematic breaks, and questions answered after an arrow."""
from __future__ import annotations

import pytest

from studykb.card_phrases import language_of, phrase
from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import QA, Field, Note, Section, SectionKind
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
    # several questions before the arrow are one question: all of them
    ("- Only the encoder input? The target too? → only x; t stays", "Only the encoder input? The target too?",
     "only x; t stays"),
    ("Questions\n- 인코더 입력만? 정답도 뒤집나? → 입력(x)만", "인코더 입력만? 정답도 뒤집나?", "입력(x)만"),
    ("- 为什么是0.75？不是0.5？ → 经验值", "为什么是0.75？不是0.5？", "经验值"),
])
def test_a_question_answered_after_an_arrow_or_a_slash_is_one_card(lines, front, back):
    cards = [(c.front, c.back) for c in knowledge_of(lines).cards if c.kind == "qa"]
    assert cards == [(front, back)]


# A question nobody answered is a Q/A line without its answer, as ``Q: ...?`` alone is: its
# card asks it. In a part of questions a question needs no ``Q:``; a note in parentheses
# after it (``(unresolved)``, ``（未解决）``) is no answer.
@pytest.mark.parametrize("body, questions", [
    ("### Questions\n- Q: Does a long input lose information in h? (unresolved)", ["Does a long input lose information in h?"]),
    ("### Open questions\n- Does a long input lose information in h? (open)", ["Does a long input lose information in h?"]),
    ("### Questions\n- Q: Why a fixed length?", ["Why a fixed length?"]),
    ("### 질문\n- 질문: 긴 문장은 h에서 정보를 잃나? (미해결)", ["긴 문장은 h에서 정보를 잃나?"]),
    ("### 질문과 답\n- 긴 문장은 h에서 정보를 잃나?", ["긴 문장은 h에서 정보를 잃나?"]),
    ("### 疑问\n- 问：为什么采样？\n  答：可以得到多样的文本。\n- 长句子会不会丢信息？（未解决）",
     ["长句子会不会丢信息？"]),
    ("### 質問と回答\n疑問：長い文は情報を失うのか？（未解決）", ["長い文は情報を失うのか？"]),
    ("### 疑问\n- 疑问：长句子会不会丢信息？", ["长句子会不会丢信息？"]),
])
def test_an_unanswered_question_is_a_card_that_asks_it(body, questions):
    unanswered = {phrase(language, "unanswered") for language in ("en", "ko", "ja", "zh")}
    cards = [(c.front, c.back) for c in knowledge_of(body).cards if c.kind == "qa" and c.back in unanswered]
    assert cards == [(q, phrase(language_of(q), "unanswered")) for q in questions]


@pytest.mark.parametrize("body, kind", [
    ("### What I learned\n- Why does h lose information? (unresolved)", SectionKind.LEARNED),
    ("### 헷갈리는 개념\n- 왜 기울기가 소실되나?", SectionKind.WATCHLIST),
    ("### Scratchpad\n- Why does h lose information? (unresolved)", SectionKind.OTHER),
])
def test_outside_a_part_of_questions_a_question_stays_its_item(body, kind):
    assert [k for k, _ in sections(body)] == [kind]
    assert not any(isinstance(b, QA) for b in entry(body).entries[0].blocks)


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


@pytest.mark.parametrize("name, kind", [
    # Japanese, Korean and Chinese names of a watchlist as tutors write them.
    ("混乱した概念", SectionKind.WATCHLIST),
    ("分からなかったこと", SectionKind.WATCHLIST),
    ("わからないところ", SectionKind.WATCHLIST),
    ("難しかったところ", SectionKind.WATCHLIST),
    ("要復習", SectionKind.WATCHLIST),
    ("잘 모르겠는 것", SectionKind.WATCHLIST),
    ("어려웠던 부분", SectionKind.WATCHLIST),
    ("이해가 안 된 부분", SectionKind.WATCHLIST),
    ("不懂的地方", SectionKind.WATCHLIST),
    ("困惑", SectionKind.WATCHLIST),
    # The resume point named by the day after.
    ("Plan for tomorrow", SectionKind.RESUME),
    ("内容 明日やること", SectionKind.RESUME),
    ("내일 할 일", SectionKind.RESUME),
    ("明天的计划", SectionKind.RESUME),
    ("今日のテーマ", SectionKind.TOPICS),
    # Not a watchlist: what was understood, and questions.
    ("分かったこと", SectionKind.LEARNED),
    ("궁금한 점", SectionKind.OTHER),
    ("結果メモ", SectionKind.OTHER),
])
def test_a_part_is_named_in_the_words_tutors_write(name, kind):
    assert sections(f"### {name}\n- PMI vs PPMI") == [(kind, ["PMI vs PPMI"])]


@pytest.mark.parametrize("line, item", [
    ("Tomorrow: ch6 gated RNN.", "ch6 gated RNN."),
    ("**Tomorrow:** train SimpleCBOW", "train SimpleCBOW"),
    ("Next time: negative sampling", "negative sampling"),
    ("내일: 6장 LSTM", "6장 LSTM"),
    ("明日：第8章 Attention", "第8章 Attention"),
    ("次は: 8.1 から", "8.1 から"),
    ("明天：第八章", "第八章"),
])
def test_tomorrow_and_next_name_the_resume_point(line, item):
    assert sections(line) == [(SectionKind.RESUME, [item])]


@pytest.mark.parametrize("line", ["Tomorrow I will finally run ch06", "次はLSTMを学ぶ予定", "- tomorrow's weather is rain"])
def test_a_sentence_about_tomorrow_opens_no_resume_point(line):
    assert [kind for kind, _ in sections(line) if kind is SectionKind.RESUME] == []


@pytest.mark.parametrize("body, expected", [
    # After a watchlist's list, the resume line is no confusion.
    ("Still confused:\n- CBOW vs skip-gram\n- why not `W_out`\n\nTomorrow: train SimpleCBOW.",
     [(SectionKind.WATCHLIST, ["CBOW vs skip-gram", "why not `W_out`"]), (SectionKind.RESUME, ["train SimpleCBOW."])]),
    ("### 헷갈린 개념\n1) PMI와 PPMI\n\n내일: 2.4절",
     [(SectionKind.WATCHLIST, ["PMI와 PPMI"]), (SectionKind.RESUME, ["2.4절"])]),
])
def test_a_resume_label_after_a_list_ends_it(body, expected):
    assert sections(body) == expected


@pytest.mark.parametrize("body, part, items", [
    ("Still confused:\n- CBOW vs skip-gram\n\nSnack: coffee and a cookie", SectionKind.WATCHLIST, ["CBOW vs skip-gram"]),
    ("### What I learned\n- CBOW predicts the center word\nWeather: rainy all day", SectionKind.LEARNED,
     ["CBOW predicts the center word"]),
    ("### 헷갈린 개념\n- PMI와 PPMI\n\n간식: 커피", SectionKind.WATCHLIST, ["PMI와 PPMI"]),
    ("### Next session\n- ch05\n\nWeather: rainy", SectionKind.RESUME, ["ch05"]),
])
def test_a_plain_label_of_an_unknown_name_after_a_list_is_a_field_not_an_item(body, part, items):
    blocks = entry(body).entries[0].blocks
    assert [(s.kind, [i.text for i in s.items]) for s in blocks if isinstance(s, Section)] == [(part, items)]
    assert [(b.name, b.value) for b in blocks if isinstance(b, Field)] == [tuple(body.rsplit("\n", 1)[1].split(": "))]


@pytest.mark.parametrize("body, items", [
    # A part written as plain lines keeps its plain ``Name: value`` lines.
    ("### What I learned\nSoftmax: turns scores into probabilities\nCross-entropy: compares them",
     ["Softmax: turns scores into probabilities", "Cross-entropy: compares them"]),
    # An indented line goes on its item.
    ("### What I learned\n- CBOW predicts the center word\n  Input: the context words",
     ["CBOW predicts the center word", "Input: the context words"]),
])
def test_a_plain_label_in_a_part_written_so_stays_its_item(body, items):
    [section] = entry(body).entries[0].sections
    assert [i.text for i in section.items] == items


def diagnostics_of(*sessions: str) -> list[str]:
    lines = []
    for day, body in enumerate(sessions, 1):
        lines += [f"## Session: 2026-03-{day:02d} 09:00 KST", *body.splitlines(), ""]
    _, diagnostics = parse_log(LogText("sessions/t.md", tuple(lines)), LABELS)
    return [str(d) for d in diagnostics]


UNKNOWN = ("sessions/t.md:{line}: info: part '{name}' (in {n} sessions) is not one studykb knows; its lines are kept "
           "under its own name — if it is a watchlist, resume point, what was learned or topics, add it under "
           "labels: in sessions/vocabulary.yml")


@pytest.mark.parametrize("sessions, expected", [
    (["### 気になったこと\n- A と B", "### 気になったこと\n- C と D", "### 気になったこと\n- E"],
     [UNKNOWN.format(line=2, name="気になったこと", n=3)]),
    (["**Parking lot**\n- PMI vs PPMI", "- What I learned:\n  - x\n**Parking lot**\n- clipping"],
     [UNKNOWN.format(line=2, name="Parking lot", n=2)]),
    (["### 주차장\n- PMI", "### 주차장\n- SVD", "### Odds and ends\n- a"],
     [UNKNOWN.format(line=2, name="주차장", n=2)]),
    # Once only, one session: nothing to say.
    (["### Odds and ends\n- a", "### Other odds\n- b"], []),
    (["### Parking lot\n- a\n### Parking lot\n- b"], []),
    # A name studykb knows, a Q/A part, a part with no items of its own.
    (["### Watchlist\n- a", "### Watchlist\n- b"], []),
    (["### Questions\n- why?", "### Questions\n- how?"], []),
    (["**궁금한 점**\n1) 질문: 왜?\n   답: 그래서.", "**궁금한 점**\n1) 왜? → 그래서"], []),
])
def test_an_unknown_part_name_used_again_is_said_once(sessions, expected):
    assert [d for d in diagnostics_of(*sessions) if "studykb knows" in d] == expected


@pytest.mark.parametrize("line, question, answer", [
    ("- Q/A: Why not compute the full softmax? A: the vocabulary is 10,000 words.",
     "Why not compute the full softmax?", "the vocabulary is 10,000 words."),
    ("- Q/A: Why not compute the full softmax? → the vocabulary is too big",
     "Why not compute the full softmax?", "the vocabulary is too big"),
    ("- Q/A: Q: Why average? A: One vector per target.", "Why average?", "One vector per target."),
    ("- Q/A: When the loss is nan, lower the learning rate.", "", ""),
])
def test_a_q_a_line_that_holds_a_question_and_its_answer_is_read_as_them(line, question, answer):
    (qa,) = [block for block in entry(line).entries[0].blocks if isinstance(block, QA)]
    assert (qa.question, qa.answer, qa.labelled) == (question, answer, True)


@pytest.mark.parametrize("line, question, answer", [
    ("- Q: is the positive example also sampled? — A: no, it is excluded.",
     "is the positive example also sampled?", "no, it is excluded."),
    ("Q: what is a - b? - A: the difference", "what is a - b?", "the difference"),
    ("- Q: Why 0.75? — Empirical", "Why 0.75?", "Empirical"),
    ("**Q (민지):** 왜 0.75 제곱? **A (튜터):** 드문 단어를 더 뽑으려고", "왜 0.75 제곱?", "드문 단어를 더 뽑으려고"),
    ("Q (S.): Why does the loss plateau? A: the learning rate is too small.",
     "Why does the loss plateau?", "the learning rate is too small."),
])
def test_a_quiz_line_is_split_at_its_answer_however_it_is_joined(line, question, answer):
    (qa,) = [block for block in entry(line).entries[0].blocks if isinstance(block, QA)]
    assert (qa.question, qa.answer) == (question, answer)


def test_a_question_marked_with_who_asks_takes_the_answer_line_under_it():
    knowledge = knowledge_of("- Q (S.): Why does the loss plateau?\n  A (tutor): the learning rate is too small.")
    assert [(card.front, card.back) for card in knowledge.cards if card.kind == "qa"] == [
        ("Why does the loss plateau?", "the learning rate is too small.")]
