"""A session page, log text in, page out: through parse, link and render as the site makes it."""
from __future__ import annotations

import re

import pytest

from studykb.labels import shipped_labels
from studykb.link import link
from studykb.model import Knowledge
from studykb.parse import parse_log
from studykb.render.context import make_context
from studykb.render.session import render_session
from studykb.render.words import words_for
from studykb.sources import LogText
from studykb.vocabulary import build_lexicon
from tests.conftest import readable, visible_text

HEADER = "## Session: 2026-03-05 09:00:00 KST"
FACTS_RE = re.compile(r'<p class="studykb-facts">(?P<facts>.*?)<br>')


def built(body: str) -> tuple[Knowledge, str]:
    """The knowledge of a one-session log, and that session's page."""
    log, _ = parse_log(LogText("sessions/log.md", (HEADER, *body.splitlines())), shipped_labels())
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    return knowledge, render_session(knowledge.sessions[0], make_context(knowledge, {}))


def parts(page: str) -> dict[str, str]:
    """The page's parts by our heading (``Questions and answers``), each its HTML."""
    pieces = re.split(r"^## (.+)$", page, flags=re.MULTILINE)
    return dict(zip(pieces[1::2], pieces[2::2]))


def time_fact(page: str) -> str:
    """What the facts line says of the session's time (HTML): its second fact."""
    return FACTS_RE.search(page)["facts"].split(" · ")[1]


def assert_every_line_shown(body: str, page: str) -> None:
    shown = visible_text(page)
    for line in filter(str.strip, body.splitlines()):
        wanted = readable(re.sub(r"^\s{0,3}#{1,6}\s+", "", line))
        assert " ".join(wanted.split()) in shown, f"{line!r} is not on the page"


# --- a part that holds only Q/A lines --------------------------------------------------

QUIZZES = [
    pytest.param("### Quiz\n**Q:** What does softmax do? **A:** turns scores into probabilities",
                 "Quiz:", [("What does softmax do?", "turns scores into probabilities")], id="### Quiz"),
    pytest.param("### Q&A\nQ1. What is an epoch?\nA1. One pass over the data.",
                 "Q&amp;A:", [("What is an epoch?", "One pass over the data.")], id="### Q&A"),
    pytest.param("### 퀴즈\n질문: 소프트맥스는 무엇을 하나요?\n답: 점수를 확률로 바꾼다",
                 "퀴즈:", [("소프트맥스는 무엇을 하나요?", "점수를 확률로 바꾼다")], id="### 퀴즈"),
    pytest.param("**Quiz:**\n**Q:** What does softmax do? **A:** turns scores into probabilities\n"
                 "Q2. What is an epoch?\nA2. One pass.",
                 "Quiz:", [("What does softmax do?", "turns scores into probabilities"),
                           ("What is an epoch?", "One pass.")], id="**Quiz:**"),
    pytest.param("**Q&A:**\n- Q: What is an epoch? A: one pass over the data",
                 "Q&amp;A:", [("What is an epoch?", "one pass over the data")], id="**Q&A:**"),
    pytest.param("- Quiz:\n  - Q1. What is an epoch?\n  - A1. One pass over the data.",
                 "Quiz:", [("What is an epoch?", "One pass over the data.")], id="- Quiz:"),
    pytest.param("Quiz:\nQ1. What is an epoch?\nA1. One pass over the data.",
                 "Quiz:", [("What is an epoch?", "One pass over the data.")], id="Quiz:"),
]


@pytest.mark.parametrize("body, label, cards", QUIZZES)
def test_a_quiz_part_shows_under_its_own_name_with_its_questions(body, label, cards):
    knowledge, page = built("- Topics covered:\n- softmax\n" + body)
    shown = parts(page)
    assert "Everything else in the entry" not in shown  # the quiz's name is not left alone there
    qa = shown["Questions and answers"]
    assert qa.index(label) < qa.index("<ul>")  # the name, then its lines
    assert qa.count("<li>") == len(body.splitlines()) - 1
    assert "<strong>Q/A:</strong>" not in qa  # each line has its own quiz marker
    assert [(c.front, c.back) for c in knowledge.cards if c.kind == "qa"] == cards
    assert_every_line_shown(body, page)


def test_a_quiz_part_that_goes_on_after_its_questions_keeps_its_name_with_the_rest():
    body = "### Quiz\nQ1. What is an epoch?\nA1. One pass over the data.\nA harder one next time."
    _, page = built(body)
    shown = parts(page)
    assert "Quiz:" not in shown["Questions and answers"]
    rest = shown["Everything else in the entry"]
    assert rest.index("Quiz:") < rest.index("A harder one next time.")
    assert_every_line_shown(body, page)


def test_q_and_a_lines_under_another_part_name_stay_where_they_were():
    body = "### What I learned\n- a softmax turns scores into probabilities\n**Q:** Why? **A:** Because."
    _, page = built(body)
    shown = parts(page)
    assert "What I learned:" in shown["What you learned"]
    assert "What I learned:" not in shown["Questions and answers"]


# --- a time log written as separate fields ----------------------------------------------

TIME_LOGS = [  # what the lines say together, as the facts line shows it
    pytest.param("- Start: 14:05\n- End: 15:10", "14:05–15:10 (1 h 05 min)", id="bullets"),
    pytest.param("**Start:** 14:05\n**End:** 15:10", "14:05–15:10 (1 h 05 min)", id="bold labels"),
    pytest.param("시작: 14:05\n종료: 15:10", "14:05–15:10 (1시간 05분)", id="Korean"),  # a Korean log's page is Korean
    pytest.param("- Start: 14:05\n- End: 15:10\n- Duration: 60 min", "14:05–15:10 (1 h 00 min)",
                 id="the duration said wins"),
    pytest.param("**Start:** 23:30\n**End:** 00:40", "23:30–00:40 (1 h 10 min)", id="across midnight"),
    pytest.param("- Start: 14:05\n- Duration: 50 min", "14:05–? (50 min)", id="start and duration"),
    pytest.param("- Start: 14:05\n- End: soon", "14:05–?", id="no readable end"),
    pytest.param("- Start: soon\n- End: later", "time not readable", id="nothing readable"),
    pytest.param("### Time log\n- 14:05-15:10", "14:05–15:10 (1 h 05 min)", id="a time log part"),
]


@pytest.mark.parametrize("body, fact", TIME_LOGS)
def test_a_time_log_of_several_lines_reads_as_one_fact_and_its_lines_stay_in_the_entry(body, fact):
    knowledge, page = built(body)
    assert time_fact(page) == fact
    rest = parts(page)[words_for(knowledge.language)("everything_else")]
    for line in body.splitlines():
        assert readable(line.lstrip("# ")) in visible_text(rest)
    assert_every_line_shown(body, page)


@pytest.mark.parametrize("body, fact", [
    ("- Time: 14:05–15:10", "Time: 14:05–15:10 (1 h 05 min)"),
    ("**Time:** 1h 20m", "Time: 1h 20m (1 h 20 min)"),
    ("- Time log (today): Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes",
     "Time log (today): Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes (35 min)"),
    ("- Start: 14:05", "Start: 14:05"),
])
def test_a_time_log_of_one_line_is_shown_as_written_once(body, fact):
    _, page = built(body)
    assert time_fact(page) == fact
    assert "Everything else in the entry" not in parts(page)
    assert_every_line_shown(body, page)


@pytest.mark.parametrize("header, when", [
    ("## Session: 2026-03-05 09:00:00 KST", "2026-03-05 09:00:00 KST (UTC+09:00)"),
    ("## Session: 2026-03-05 09:00:00 XYZ", "2026-03-05 09:00:00 XYZ (UTC offset unknown)"),
    ("## 2026-03-05 09:00", "2026-03-05 09:00 (no time zone)"),  # no zone: its offset is not said again
    # the clock as the header wrote it: seconds only where it gave them
    ("## Session: 2026-03-05 09:00 KST", "2026-03-05 09:00 KST (UTC+09:00)"),
    ("## Session: 2026-03-05 13:16:07", "2026-03-05 13:16:07 (no time zone)"),
    ("## Session 4 — 2026-03-05, 9:30–11:00", "2026-03-05 09:30 (no time zone)"),
    ("## 3회차 (2026.03.05 목) 19:00-20:30", "2026-03-05 19:00 (no time zone)"),
])
def test_the_facts_line_says_when_a_session_started_and_in_which_zone_once(header, when):
    log, _ = parse_log(LogText("sessions/log.md", (header, "- Topics: RNN")), shipped_labels())
    knowledge, _ = link([log], build_lexicon([], frozenset()), 3)
    page = render_session(knowledge.sessions[0], make_context(knowledge, {}))
    assert FACTS_RE.search(page)["facts"].split(" · ")[0] == when
