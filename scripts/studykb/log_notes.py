"""What ``make check`` says about a whole log or session beyond its lines: a log with no
session, a session none of whose parts was recognised, and part names a log keeps using
that studykb does not know (each most likely a part in the learner's own words)."""
from __future__ import annotations

from collections import Counter

from .diagnostics import Diagnostic, error, info, warning
from .labels import Labels, label_key
from .markup import TITLE_RE
from .model import QA, Block, Section, SectionKind, SessionEntry
from .sources import LogText

# A session this long with none of its parts recognised was probably written in a way
# the labels do not know: `make check` says so (a short one may simply have none).
UNRECOGNISED_AT = 5
RECOGNISED_KINDS = (SectionKind.TOPICS, SectionKind.LEARNED, SectionKind.WATCHLIST, SectionKind.RESUME)
# A part name studykb does not know, used by this many sessions of a log, is probably one of
# its parts in the learner's words: `make check` says so.
UNKNOWN_PART_SESSIONS = 2


def unrecognised(session: SessionEntry, content: int) -> list[Diagnostic]:
    """A warning for a session of ``content`` lines in which no part studykb reads was found."""
    if content < UNRECOGNISED_AT or _has_recognised_parts(session):
        return []
    when = f"{session.started:%Y-%m-%d}" if session.started else repr(session.header)
    return [warning(session.source.path, session.source.line,
                    f"session {when} has {content} lines but no learned items, watchlist, "
                    "resume point or time log were recognised — see README 'Writing a log'")]


def file_notes(text: LogText, entries: list[SessionEntry]) -> list[Diagnostic]:
    if not any(line.strip() for line in text.lines):
        return [warning(text.path, 1, "empty log file")]
    if not entries:
        return [_no_sessions(text)]
    return []


def _no_sessions(text: LogText) -> Diagnostic:
    """A log with no session: only a title is a log just begun (a warning); lines written
    and none read as a session mean its headers were not understood (an error)."""
    written = sum(1 for line in text.lines if line.strip() and not TITLE_RE.match(line))
    if not written:
        return warning(text.path, 1, "no session entries (only a title and free text)")
    return error(text.path, 1, f"no session entries: none of its headings is a session header, so its {written} "
                               "lines are shown as free text (expected a heading with a date, such as "
                               "'## Session: 2026-03-05 09:00 KST' or '## 2026-03-05 — topic')")


def unknown_parts(path: str, entries: list[SessionEntry], labels: Labels) -> list[Diagnostic]:
    """One info per part name the labels do not know that two sessions or more of a log use
    (``### 気になったこと`` each session), at its first use: its lines are kept under that name,
    and the learner may have meant one of the parts studykb reads."""
    first: dict[str, Section] = {}
    sessions: Counter[str] = Counter()
    for entry in entries:
        used = {label_key(b.name) for b in entry.blocks if _is_unknown_part(b, labels)}
        sessions.update(used)
        for block in entry.blocks:
            if _is_unknown_part(block, labels):
                first.setdefault(label_key(block.name), block)
    return [info(path, block.source.line,
                 f"part '{block.name}' (in {sessions[key]} sessions) is not one studykb knows; its lines are kept "
                 "under its own name — if it is a watchlist, resume point, what was learned or topics, add it "
                 "under labels: in sessions/vocabulary.yml")
            for key, block in first.items() if sessions[key] >= UNKNOWN_PART_SESSIONS]


def _is_unknown_part(block: Block, labels: Labels) -> bool:
    """A named part with items whose name says nothing the labels know (not a part, a
    field, a Q/A part's name, a known plain part such as the experiments)."""
    return (isinstance(block, Section) and block.kind is SectionKind.OTHER and bool(block.name) and bool(block.items)
            and labels.field_kind(block.name) is None and label_key(block.name) not in labels.quiz_part_names
            and not labels.is_plain_part(block.name))


def _has_recognised_parts(session: SessionEntry) -> bool:
    """Whether any part studykb understands was found: topics, learned items, the
    watchlist, a resume point, Q/A or a time log."""
    return session.timelog is not None or any(isinstance(b, QA) for b in session.blocks) or any(
        s.kind in RECOGNISED_KINDS for s in session.sections)
