"""An outliner's journal (Logseq): block properties, task markers and planning lines, log
text in, records out."""
from __future__ import annotations

import pytest

from studykb import logseq
from studykb.model import Field, Section, SectionKind
from tests.test_parse import parse



def blocks(body: str):
    log, _ = parse(f"## Dec 3rd, 2026\n{body}")
    return log.entries[0].blocks


def parts(body: str) -> list[tuple[SectionKind, list[str]]]:
    return [(b.kind, [i.text for i in b.items]) for b in blocks(body) if isinstance(b, Section)]


@pytest.mark.parametrize("line, found", [
    ("- time:: 19:10-20:40", logseq.Property("time", "19:10-20:40", True)),
    ("  chapter:: 4", logseq.Property("chapter", "4", False)),
    ("\t  collapsed:: true".expandtabs(4), logseq.Property("collapsed", "true", False)),
    ("- 헷갈림:: 역전파 순서", logseq.Property("헷갈림", "역전파 순서", True)),
    ("- id::", logseq.Property("id", "", True)),
])
def test_a_block_property(line, found):
    assert logseq.block_property(line) == found


@pytest.mark.parametrize("line", ["- time: 19:10", "- a::b", "- see C++:: operator", "- https://x.org"])
def test_what_is_no_block_property(line):
    assert logseq.block_property(line) is None


@pytest.mark.parametrize("body, minutes, start", [
    ("- time:: 19:10-20:40\n  chapter:: 4\n  tags:: dlfs2, word2vec\n- read 4.1\n", 90, "19:10"),
    ("- time:: 10:20-12:00, 14:00-14:45\n  chapter:: 4\n", 145, "10:20"),
    ("- 시간:: 20:00-21:20\n  장:: 5\n- 5.1 읽음\n", 80, "20:00"),
])
def test_a_time_property_is_the_sessions_time_log(body, minutes, start):
    log, _ = parse(f"## Dec 3rd, 2026\n{body}")
    assert (log.entries[0].timelog.minutes, log.entries[0].timelog.start) == (minutes, start)


def test_properties_are_facts_and_never_words_of_a_bullet():
    found = blocks("- time:: 19:10-20:40\n  chapter:: 4\n  tags:: dlfs2, word2vec\n")
    assert [(b.name, b.value) for b in found if isinstance(b, Field)] == [
        ("time", "19:10-20:40"), ("chapter", "4"), ("tags", "dlfs2, word2vec")]


def test_logseqs_bookkeeping_is_shown_nowhere_but_the_source():
    found = parts("- still confused\n    - why P(w)^0.75? #question\n      collapsed:: true\n      id:: 6571a\n")
    assert found == [(SectionKind.WATCHLIST, ["why P(w)^0.75? #question"])]


@pytest.mark.parametrize("body, expected", [
    ("- confused:: np.add.at vs `+=`\n- TODO 4.2\n",
     [(SectionKind.WATCHLIST, ["np.add.at vs `+=`"]), (SectionKind.RESUME, ["4.2"])]),
    ("- 헷갈림:: 역전파 순서\n- 배운점:: 체인 룰\n",
     [(SectionKind.WATCHLIST, ["역전파 순서"]), (SectionKind.LEARNED, ["체인 룰"])]),
])
def test_a_property_named_like_a_part_is_that_part_with_one_item(body, expected):
    assert parts(body) == expected


def test_a_planning_line_goes_with_the_line_above_it():
    found = parts("- 4.2.4 on Sunday\n  SCHEDULED: <2026-12-06 Sun>\n- 4.3\n  DEADLINE: <2026-12-08 Tue>\n")
    assert [item for _, items in found for item in items] == [
        "4.2.4 on Sunday (scheduled 2026-12-06 Sun)", "4.3 (deadline 2026-12-08 Tue)"]


@pytest.mark.parametrize("body, expected", [
    ("- DONE read 4.1\n    - the matmul picks a row\n- TODO finish 4.2\n",
     [(SectionKind.TOPICS, ["read 4.1", "the matmul picks a row"]), (SectionKind.RESUME, ["finish 4.2"])]),
    ("- LATER try skip-gram\n- WAIT for the GPU\n", [(SectionKind.RESUME, ["try skip-gram", "for the GPU"])]),
    # A task being done was studied in the session, and is not done yet: no plan, no resolution.
    ("- DOING 4.2, read up to 4.2.1\n- NOW 4.3\n", [(SectionKind.TOPICS, ["4.2, read up to 4.2.1", "4.3"])]),
    # A dropped task is neither: it keeps its marker, in the part it is in.
    ("- CANCELED the GPU run\n", [(SectionKind.OTHER, ["CANCELED the GPU run"])]),
    # The planning line under a task goes with it.
    ("- TODO 4.2.4 on Sunday\n  SCHEDULED: <2026-12-06 Sun>\n",
     [(SectionKind.RESUME, ["4.2.4 on Sunday (scheduled 2026-12-06 Sun)"])]),
    # A word in capitals that is no marker, and a marker in the middle, are text.
    ("- TODOS are many\n- read it, TODO later\n", [(SectionKind.OTHER, ["TODOS are many", "read it, TODO later"])]),
])
def test_a_task_marker_says_done_or_still_to_do(body, expected):
    assert parts(body) == expected


def test_tab_indentation_is_said_once_per_log():
    _, problems = parse("## Dec 3rd, 2026\n- a\n\t- b\n\t\t- c\n")
    tabs = [p for p in problems if "tab" in p.message]
    assert [(p.line, p.message) for p in tabs] == [(3, "2 lines are indented with tabs (the first here); "
                                                       "each tab is read as 4 spaces")]
