"""A line that times a program, not the session (``학습 시간: epoch당 약 1분 40초``), log text
in, the session's time and the part the line is in out: the header's range stands and the
line stays where it was; a real time log keeps working."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import SectionKind
from studykb.parse import parse_log
from studykb.sources import LogText


def read(*lines: str):
    """The last session of a log of ``lines``, and the warnings about it."""
    log, problems = parse_log(LogText("s.md", tuple("\n".join(lines).splitlines())), shipped_labels())
    return log.entries[-1], [p for p in problems if p.level.value != "info"]


@pytest.mark.parametrize("header, part, line", [
    ("## 2026년 12월\n### 12/27 (일) 10:00~12:00", "💡 배운 점", "- 학습 시간: epoch당 약 1분 40초 (CPU)"),
    ("## 2026년 12월\n### 12/27 (일) 10:00~12:00", "💡 배운 점", "- 소요 시간: 에폭 하나에 3분 (GPU)"),
    ("## 2026-12-27 10:00-12:00", "### What I learned", "- Time: about 3 min per epoch on the GPU"),
    ("## 2026-12-27 10:00-12:00", "### What I did", "- Training time: 40 s per iteration (CPU)"),
    ("## 2026-12-27 10:00-12:00", "**Learned**", "Study time: 1 min 40 s an epoch"),
])
def test_a_line_timing_a_program_stays_in_its_part_and_the_header_range_stands(header, part, line):
    session, problems = read("# Log", header, "", part, "- first thing", line, "- last thing")
    assert session.minutes == 120
    kind = session.sections[0].kind
    assert [i.text for i in session.items_of(kind)] == ["first thing", line.lstrip("- "), "last thing"]
    assert not problems


@pytest.mark.parametrize("lines, minutes", [
    (("## Session: 2026-12-27", "- Time: 2h", "### What I learned", "- x"), 120),
    (("## Session: 2026-12-27", "### What I learned", "- x", "- 공부 시간: 2시간"), 120),
    (("## Session: 2026-12-27", "### Time log", "- 10:00-11:40"), 100),
    (("## Session: 2026-12-27", "1h 40m at the library.", "### What I learned", "- x"), 100),
    (("## Session: 2026-12-27", "- Time: 3 min per epoch, 45 min in all"), None),
])
def test_a_real_time_log_still_counts(lines, minutes):
    session, _ = read("# Log", *lines)
    assert session.minutes == minutes


def test_a_program_time_outside_a_part_is_a_field_but_not_the_time_log():
    session, problems = read("# Log", "## 2026-12-27 10:00-11:00", "- Time: 2 min per epoch (CPU)")
    assert session.minutes == 60 and [f.value for f in session.fields] == ["2 min per epoch (CPU)"]
    assert not problems

