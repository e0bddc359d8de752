"""What ``make check`` says about a whole log or session beyond its lines: a log with no
session, a session none of whose parts was recognised, a log some of whose sessions have
none of the parts a study session has (its layout not understood), a log most of whose
sessions keep most of their lines in no part it reads (its layout partly understood), and part names a log
keeps using that studykb does not know (each most likely a part in the learner's own words)."""
from __future__ import annotations

from collections import Counter

from .diagnostics import Diagnostic, error, info, warning
from .label_names import label_key
from .labels import Labels
from .markup import TITLE_RE
from .model import QA, Block, CodeBlock, Field, Item, Note, Section, SectionKind, SessionEntry, Table
from .sources import LogText

# A session this long with none of its parts recognised was probably written in a way
# the labels do not know: `make check` says so (a short one may simply have none).
UNRECOGNISED_AT = 5
RECOGNISED_KINDS = (SectionKind.TOPICS, SectionKind.LEARNED, SectionKind.WATCHLIST, SectionKind.RESUME)
# How ``mostly_unread`` names the lines of a part it read.
PART_WORDS = {SectionKind.TOPICS: "topics", SectionKind.LEARNED: "learned", SectionKind.WATCHLIST: "watchlist",
              SectionKind.RESUME: "resume point"}
# A part name studykb does not know, used by this many sessions of a log, is probably one of
# its parts in the learner's words: `make check` says so.
UNKNOWN_PART_SESSIONS = 2
# The most names an info about a layout not understood quotes.
NAMES_SHOWN = 8
# A line before a list, or a table's first cell, this short may be a part's name.
NAME_WORDS = 4
# A name ends in none of these, as a sentence does.
SENTENCE_ENDS = (".", "。", "!", "！")


def unrecognised(session: SessionEntry, content: int) -> list[Diagnostic]:
    """A warning for a session of ``content`` lines in which no part studykb reads was found."""
    if content < UNRECOGNISED_AT or _has_recognised_parts(session):
        return []
    when = f"{session.started:%Y-%m-%d}" if session.started else repr(session.header)
    return [warning(session.source.path, session.source.line,
                    f"session {when} has {content} lines but no learned items, watchlist, "
                    "resume point or time log were recognised — see README 'Writing a log'")]


def file_notes(text: LogText, entries: list[SessionEntry], near: list[int] = ()) -> list[Diagnostic]:
    """A log empty, or with no session; ``near``, its lines that begin as a session's start
    does and open none (plain_headers.py), named in the error."""
    if not any(line.strip() for line in text.lines):
        return [warning(text.path, 1, "empty log file")]
    if not entries:
        return [_no_sessions(text, near)]
    return []


def _no_sessions(text: LogText, near: list[int]) -> Diagnostic:
    """A log with no session: only a title is a log just begun (a warning); lines written
    and none read as a session mean its headers were not understood (an error)."""
    title = next((n for n, line in enumerate(text.lines, 1) if TITLE_RE.match(line)), None)
    written = sum(1 for n, line in enumerate(text.lines, 1) if line.strip() and n != title)
    if not written:
        return warning(text.path, 1, "no session entries (only a title and free text)")
    shown = ", ".join(str(n) for n in near[:NAMES_SHOWN]) + (", …" if len(near) > NAMES_SHOWN else "")
    nearly = (f"; line{'s' if len(near) > 1 else ''} {shown} begin{'' if len(near) > 1 else 's'} as a session "
              "start does but open none (a plain line opens one alone after a blank line, such as "
              "'Session 14 — 3 Dec', not in a sentence)") if near else ""
    return error(text.path, 1, f"no session entries: none of its headings is a session header, so its {written} "
                               "non-blank lines besides the title are shown as free text (expected a heading "
                               "with a date, such as '## Session: 2026-03-05 09:00 KST' or '## 2026-03-05 — "
                               f"topic'){nearly}")


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


def unread_layout(path: str, entries: list[SessionEntry], labels: Labels) -> list[Diagnostic]:
    """One info for a log in which a session with a time log and lines has none of the
    parts a study session has (topics, learned items, watchlist, Q/A, resume point), on the
    first such session: its layout was not understood (``unrecognised`` warns of a session
    with no time log either). It quotes the names those sessions give their parts, for the
    learner to add under ``labels:``."""
    unread = [e for e in entries if e.timelog is not None and _lines(e) >= UNRECOGNISED_AT and not _has_parts(e)]
    if not unread:
        return []
    names = list(dict.fromkeys(name for entry in unread for name in _unknown_names(entry, labels)))
    shown = ", ".join(f"'{name}'" for name in names[:NAMES_SHOWN]) + (", …" if len(names) > NAMES_SHOWN else "")
    seen = f"; the names given to their parts: {shown}" if names else ""
    first = unread[0].source
    have = "has" if len(unread) == 1 else "have"
    return [info(path, first.line,
                 f"{len(unread)} of {len(entries)} sessions {have} a time log and lines but no topics, learned items, watchlist, Q/A "
                 f"or resume point studykb knows (the first here){seen} — if some of them name those parts, add "
                 "them under labels: in sessions/vocabulary.yml (README 'Writing a log')")]


def mostly_unread(path: str, entries: list[SessionEntry], labels: Labels) -> list[Diagnostic]:
    """One info for a log most of whose sessions (of ``UNRECOGNISED_AT`` lines or more) keep
    most of their lines in no part studykb reads, so that their page puts them under
    "Everything else in the entry", on the first such session that was partly read: what it
    read, and the names its sessions give their parts. A layout partly understood loses the
    rest silently otherwise (``unread_layout`` and ``unrecognised`` speak of sessions read not at all)."""
    counted = [(e, _read_lines(e, labels), _text_lines(e)) for e in entries]
    counted = [(e, read, lines) for e, read, lines in counted if len(lines) >= UNRECOGNISED_AT]
    unread = [(e, read, lines) for e, read, lines in counted if len(set().union(*read.values())) * 2 < len(lines)]
    partly = next(((e, read, lines) for e, read, lines in unread if _has_recognised_parts(e)), None)
    if partly is None or len(unread) * 2 <= len(counted):
        return []
    entry, read, lines = partly
    names = list(dict.fromkeys(name for e, _, _ in unread for name in _unknown_names(e, labels)))
    shown = ", ".join(f"'{name}'" for name in names[:NAMES_SHOWN]) + (", …" if len(names) > NAMES_SHOWN else "")
    seen = f"; the names given to their parts: {shown}" if names else ""
    what = ", ".join([f"{kind} ({len(n)})" for kind, n in read.items()]
                     + ["a time log"] * (entry.timelog is not None and "time log" not in read))
    advice = ("if some of them name a watchlist, resume point, what was learned or topics, add them under labels: "
              "in sessions/vocabulary.yml" if names else "README 'Writing a log' shows the parts it reads")
    return [info(path, entry.source.line,
                 f"{len(unread)} of {_sessions_counted(len(counted), len(entries))} keep most of their lines in no "
                 "part studykb reads, shown "
                 f"under 'Everything else in the entry' (the first here: of its {len(lines)} lines it read only {what})"
                 f"{seen} — {advice}")]


def _sessions_counted(counted: int, sessions: int) -> str:
    """``3 sessions``, or ``the 6 sessions of 5 lines or more`` when shorter ones were not counted."""
    if counted == sessions:
        return f"{counted} sessions"
    return f"the {counted} sessions of {UNRECOGNISED_AT} lines or more"


def _read_lines(entry: SessionEntry, labels: Labels) -> dict[str, set[int]]:
    """The lines of a session studykb read, by what it read them as: a part (topics, learned,
    watchlist, resume point), Q/A, the time log, a line that flags or resolves a watchlist
    item, a fact it knows (``Repo: ...``)."""
    timed = {s.line for s in (entry.timelog.source, *entry.timelog.sources)} if entry.timelog else set()
    read: dict[str, set[int]] = {}
    for block in entry.blocks:
        section = block.part if isinstance(block, Table) else block
        if isinstance(section, Section) and section.kind in RECOGNISED_KINDS:
            read.setdefault(PART_WORDS[section.kind], set()).update(_block_lines(block))
        elif isinstance(block, QA):
            read.setdefault("Q/A", set()).add(block.source.line)
        elif isinstance(block, Section):
            for item in block.items:
                _read_confusion(read, item)
        elif block.source.line in timed:
            read.setdefault("time log", set()).add(block.source.line)
        elif isinstance(block, Note):
            _read_confusion(read, block)
        elif isinstance(block, Field) and labels.field_kind(block.name) is not None:
            read.setdefault("facts", set()).add(block.source.line)
    return {kind: lines for kind, lines in read.items() if lines}


def _read_confusion(read: dict[str, set[int]], line: Note | Item) -> None:
    """A line of prose that flags a confusion is a watchlist item; one that only says something
    is understood now resolves an item only if the watchlist holds one it names, so it is
    counted apart, not as the watchlist."""
    if line.flags:
        read.setdefault("watchlist", set()).add(line.source.line)
    elif line.resolves:
        read.setdefault("lines resolving a confusion", set()).add(line.source.line)


def _text_lines(entry: SessionEntry) -> set[int]:
    """The lines of a session's text: not its code blocks (shown as code) or thematic breaks."""
    return {n for block in entry.blocks if not isinstance(block, CodeBlock)
            and not (isinstance(block, Note) and block.is_break) for n in _block_lines(block)}


def _block_lines(block) -> set[int]:
    """The lines of the log a block holds: a part's name and items, a table's rows."""
    if isinstance(block, Section):
        named = {block.source.line} if block.name else set()
        return named | {item.source.line for item in block.items}
    if isinstance(block, Table):
        return set(range(block.source.line, block.source.line + len(block.lines)))
    return {block.source.line}


def _lines(entry: SessionEntry) -> int:
    """How many lines of the log a session's blocks hold (a part's name and its items, a
    table's rows, a code block's lines are each counted)."""
    return sum(len(block.items) + bool(block.name) if isinstance(block, Section)
               else len(block.lines) if isinstance(block, Table) else 1 for block in entry.blocks)


def _has_parts(entry: SessionEntry) -> bool:
    """Whether a session has a part a study session has: Q/A, or topics, learned items,
    the watchlist or a resume point (a table's rows may make one)."""
    return any(isinstance(b, QA) or isinstance(b, Section) and b.kind in RECOGNISED_KINDS
               or isinstance(b, Table) and b.part is not None for b in entry.blocks)


def _unknown_names(entry: SessionEntry, labels: Labels) -> list[str]:
    """The names a session gives its parts that the labels do not know: a named part's, a
    field's, a short line's just before a list, a short first cell of a table's row."""
    names = []
    for before, block in zip((None, *entry.blocks), entry.blocks):
        if isinstance(block, Section) and block.kind is SectionKind.OTHER:
            name = block.name or (before.text if isinstance(before, Note) else "")
            names.append(name)
        elif isinstance(block, Field) and labels.field_kind(block.name) is None:
            names.append(block.name)
        elif isinstance(block, Table):
            names.extend(row.strip().strip("|").split("|")[0] for row in block.lines[2:])
    return [n.strip() for n in names if _may_be_a_name(n, labels)]


def _may_be_a_name(name: str, labels: Labels) -> bool:
    """Whether text may be a part's name studykb does not know: short, with a letter, not a
    Q/A part's, a field's or a plain part's name."""
    key = label_key(name)
    if name.rstrip().endswith(SENTENCE_ENDS):  # ``4.2 负采样（negative sampling）整节。`` says what was done
        return False
    return (0 < len(key.split()) <= NAME_WORDS and any(c.isalpha() for c in key)
            and key not in labels.quiz_part_names and labels.field_kind(name) is None
            and not labels.is_plain_part(name))
