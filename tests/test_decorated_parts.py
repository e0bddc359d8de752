"""Parts named with an emoji or a symbol around their words, a closing note naming the next
lesson, a colon inside parentheses, and what `make check` says of a layout it did not
read: log text in, the kinds of its parts (or its diagnostics) out."""
from __future__ import annotations

import pytest

from studykb.label_names import label_key
from studykb.labels import shipped_labels
from studykb.model import Field, SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText

LABELS = shipped_labels()
HEADER = "## Session: 2026-03-05 09:00:00 KST"
W, L, R, T = SectionKind.WATCHLIST, SectionKind.LEARNED, SectionKind.RESUME, SectionKind.TOPICS


def parsed(body: str, header: str = HEADER):
    return parse_log(LogText("sessions/t.md", (header, *body.splitlines())), LABELS)


def sections(body: str) -> list[tuple[SectionKind, list[str]]]:
    log, _ = parsed(body)
    return [(s.kind, [i.text for i in s.items]) for s in log.entries[0].sections]


@pytest.mark.parametrize("name, kind", [
    ("📌 오늘 한 것", T), ("💡 배운 점", L), ("😵 헷갈림", W), ("⏭ 다음에", R),
    ("✅ Done", T), ("🔥 Still confused", W), ("📝 Notes", L), ("➡️ Next", R),
    ("🧠 What I learned 🧠", L), ("⚠️ 아직 애매한 것", W), ("📚 今日の内容", T), ("🤔 没搞懂的地方", W),
    # Without the emoji the whole name is a spelling all the same.
    ("배운 점", L), ("헷갈림", W), ("오늘 한 것", T), ("다음에", R),
])
def test_a_line_naming_a_part_after_an_emoji_opens_it(name, kind):
    assert sections(f"{name}\n- PMI vs PPMI") == [(kind, ["PMI vs PPMI"])]


@pytest.mark.parametrize("name, kind", [("### ➡️ Next", R), ("### ✅ Done", T), ("**📝 Notes**", L)])
def test_a_heading_or_bold_name_is_read_without_its_emoji(name, kind):
    assert sections(f"{name}\n- PMI vs PPMI") == [(kind, ["PMI vs PPMI"])]


@pytest.mark.parametrize("line", [
    "🎉 Trained the model for three hours tonight",  # a sentence, not a name
    "🚀 Launch pad",  # a name of no part
    "✨ Done with chapter 6 tonight, finally",
])
def test_a_line_after_an_emoji_that_names_no_part_opens_none(line):
    kinds = [kind for kind, _ in sections(f"{line}\n- PMI vs PPMI")]
    assert all(kind is SectionKind.OTHER for kind in kinds)


def test_a_name_is_read_without_symbols_around_it_but_a_symbol_alone_stays():
    assert label_key("➡️ Next:") == "next" and label_key("**✅ Done**") == "done"
    assert label_key("✅") == "✅" and LABELS.says_yes("✅")


@pytest.mark.parametrize("line", [
    "Next lesson: LSTM-based Rnnlm on full PTB",
    "Next time: gates of the LSTM",
    "Next class: chapter 6",
    "다음 수업: 6장 LSTM",
    "次回: 6章のLSTM",
    "次の授業: LSTM",
    "下节课: LSTM",
])
def test_a_closing_note_naming_the_next_lesson_is_the_resume_point(line):
    assert sections(f"- Learned:\n- ppl is exp of the loss\n\n{line}") == [
        (L, ["ppl is exp of the loss"]), (R, [line.split(":", 1)[1].strip()])]


@pytest.mark.parametrize("line", [
    "- 어텐션 가중치 a 와 맥락 벡터 c 의 차원 (a: N×T, c: N×H)",
    "- dimensions of the weights (a: N×T, c: N×H)",
    "- shapes [x: N×D] and h",
])
def test_a_colon_inside_brackets_makes_no_name(line):
    log, _ = parsed(f"{line}\n")
    assert not any(isinstance(b, Field) for b in log.entries[0].blocks)


def test_a_name_with_closed_parentheses_is_still_a_name():
    log, _ = parsed("- Time log (today): 09:00-10:10\n")
    assert log.entries[0].timelog is not None


def test_check_says_once_when_sessions_with_a_time_log_have_no_part_it_knows():
    body = ("🌱 새싹 노트\n- alpha\n- beta\n\n"
            "| | |\n|---|---|\n| Student can now explain | ppl |\n| Ran | train.py |\n")
    text = f"# Log\n\n## 2026-12-05 19:00-20:00\n{body}\n## 2026-12-06 19:00-20:00\n{body}"
    _, diagnostics = parse_log(LogText("sessions/t.md", tuple(text.splitlines())), LABELS)
    notes = [str(d) for d in diagnostics if "no topics" in d.message]
    assert notes == [
        "sessions/t.md:3: info: 2 of 2 sessions have a time log and lines but no topics, learned items, watchlist, "
        "Q/A or resume point studykb knows (the first here); the names given to their parts: '🌱 새싹 노트', "
        "'Student can now explain', 'Ran' — if some of them name those parts, add them under labels: in "
        "sessions/vocabulary.yml (README 'Writing a log')"]


def test_check_says_nothing_of_a_session_with_a_part_it_knows():
    _, diagnostics = parsed("- Time: 09:00-10:00\n💡 배운 점\n- a\n- b\n- c\n- d\n")
    assert not any("no topics" in d.message for d in diagnostics)
