"""``Time log (today): Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes``."""
from __future__ import annotations

import pytest

from studykb.labels import shipped_labels
from studykb.model import Source
from studykb.timelog import Piece, read_timelog


@pytest.mark.parametrize("value, start, end, minutes", [
    ("Start ~14:28 KST | End 15:03 KST | Duration ~35 minutes", "14:28", "15:03", 35),
    ("Start 23:40 UTC | End 00:25 UTC", "23:40", "00:25", 45),  # across midnight
    ("Start ~10:00 JST | End 11:30 JST | Duration ~1h 30m", "10:00", "11:30", 90),
    ("Duration about 2 hours", None, None, 120),
    ("Duration: 1.5 h", None, None, 90),
    ("Start 9:05 | End 9:50", "09:05", "09:50", 45),
    ("Total 50 min", None, None, 50),
    ("forgot to write it down", None, None, None),
])
def test_time_log(value, start, end, minutes):
    problems = []
    log = read_timelog([Piece("time", value, Source("s.md", 3))], problems, shipped_labels())
    assert (log.start, log.end, log.minutes) == (start, end, minutes)
    assert bool(problems) is (minutes is None)
