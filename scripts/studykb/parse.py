"""Parse: a log's lines become a LogFile of Session records, losing no line.

Every non-blank line ends up in exactly one record (a field, a section item,
a Q/A, a note, a code block or a table), each with its file and line. Problems
become diagnostics; nothing here raises on bad input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from . import timelog
from .diagnostics import Diagnostic, error, info, warning
from .model import (QA, Block, CodeBlock, Field, Item, LogFile, Note, Section,
                    SectionKind, Session, SessionId, Source, Table, cycle_collector_paused)
from .sources import LogText
from .timezones import utc_offset

# ``rest`` ends at its last non-blank character: a lazy ``.*?`` would try ``\s*$`` after each character.
HEADER_RE = re.compile(r"^##\s+Session\b\s*:?\s*(?P<rest>(?:.*\S)?)\s*$", re.IGNORECASE)
TITLE_RE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")
BULLET_RE = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)])(?:\s+(?P<text>.*)|$)")
FENCE_RE = re.compile(r"^ *(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
QA_RE = re.compile(r"^(?:Q\s*/\s*A|Q\s*&\s*A|QA)\s*:\s*(?P<text>.*)$", re.IGNORECASE)
# The name is greedy, taking the blanks before the colon (callers strip them): a lazy name
# would try the rest of the pattern after each of its characters.
FIELD_RE = re.compile(r"^(?P<name>[^:`*\[\]]{1,60})\s*:(?:\s+(?P<value>.*))?$")
DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# A study session outside these years is a typo (`0226`, `9026`): dated, it would stretch
# the timeline and the weekly chart over centuries, or overflow what a date can hold.
YEARS = range(1970, 2200)
PARENTHESES_RE = re.compile(r"\s*\(.*?\)\s*")
TAB_WIDTH = 4
# The characters a fence or a bullet can start with (after its indentation): one look at
# a line's first character spares the regexes on the lines that cannot match them.
FENCE_STARTS = "`~"
BULLET_STARTS = "-*+"

KNOWN_FIELDS = frozenset({
    "repository", "user language", "study mode", "action requested", "log policy",
    "next concept emphasis", "time log", "time log (today)", "date", "duration",
    "goal", "goals", "tutor", "book", "course", "chapter", "mood", "location",
})

SECTION_KINDS = (
    (SectionKind.WATCHLIST, ("watchlist", "confused", "confusing")),
    (SectionKind.RESUME, ("resume", "next session", "next step", "next up", "todo", "to do")),
    (SectionKind.LEARNED, ("learned", "learnt", "takeaway", "learning", "definitions")),
    (SectionKind.TOPICS, ("topic", "covered", "agenda")),
)


def _source(path: str, line: int, _new=tuple.__new__) -> Source:
    """``Source(path, line)`` at half the cost: a named tuple's own ``__new__`` is Python code."""
    return _new(Source, (path, line))


def section_kind(name: str) -> SectionKind:
    lowered = name.lower()
    for kind, words in SECTION_KINDS:
        for word in words:
            if word in lowered:
                return kind
    return SectionKind.OTHER


def field_key(name: str) -> str:
    """``Time log (today)`` -> ``time log``: the name a field is known by."""
    if "(" not in name:  # nothing for PARENTHESES_RE to remove
        return name.strip().lower()
    return PARENTHESES_RE.sub(" ", name).strip().lower()


def is_known_field(name: str) -> bool:
    return name.strip().lower() in KNOWN_FIELDS or field_key(name) in KNOWN_FIELDS


@dataclass
class _Entry:
    """Mutable scratch state while one session's lines are read."""

    path: str
    header_line: int
    header: str
    blocks: list[Block] = field(default_factory=list)
    # The open section's name, kind and source; its items gather in ``items`` and the
    # Section record is built once, when it closes.
    section: tuple[str, SectionKind, Source] | None = None
    items: list[Item] = field(default_factory=list)
    section_indent: int = 0
    indents: list[int] = field(default_factory=list)  # indentation of each open item level

    def item_depth(self, indent: int) -> int:
        """Nesting by indentation, never skipping a level, so every list renders as a list."""
        indents = self.indents
        if indents and indents[-1] == indent:  # the usual case: the same level as the item before
            return len(indents) - 1
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        return len(indents) - 1

    def close_section(self) -> None:
        if self.section is not None:
            self.blocks.append(Section(*self.section, tuple(self.items)))
            self.section = None
            self.items = []
        self.indents = []

    def add_item(self, text: str, source: Source, indent: int, ordered: bool = False) -> None:
        if self.section is None:  # bullets outside any section are kept together as an unnamed one
            self.section = ("", SectionKind.OTHER, source)
            self.section_indent = 0
        self.items.append(Item(text, source, self.item_depth(indent), ordered))


def parse_log(text: LogText) -> tuple[LogFile, list[Diagnostic]]:
    """Parse one log file's lines into a LogFile."""
    with cycle_collector_paused():
        return _parse_log(text)


def _parse_log(text: LogText) -> tuple[LogFile, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    lines = [_expand_tabs(line, text.path, n, diagnostics) if "\t" in line else line.rstrip()
             for n, line in enumerate(text.lines, 1)]
    starts = [n for n, line in enumerate(lines, 1) if line.startswith("##") and HEADER_RE.match(line)]
    preamble_end = starts[0] - 1 if starts else len(lines)
    title, preamble = _parse_preamble(text.path, lines[:preamble_end])
    sessions = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(lines)
        sessions.append(_parse_entry(text.path, start, lines[start - 1:end], diagnostics))
    diagnostics.extend(_file_notes(text, title, sessions))
    log = LogFile(text.path, title, tuple(preamble), tuple(sessions), text.lines)
    return log, diagnostics


def _expand_tabs(line: str, path: str, number: int, diagnostics: list[Diagnostic]) -> str:
    line = line.rstrip()
    if "\t" in line:
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            diagnostics.append(info(path, number, "tab in indentation, read as 4 spaces"))
        line = line.expandtabs(TAB_WIDTH)
    return line


def _parse_preamble(path: str, lines: list[str]) -> tuple[str | None, list[Note]]:
    title = None
    notes = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        match = TITLE_RE.match(line)
        if title is None and match:
            title = match["title"]
        notes.append(Note(line.strip(), Source(path, number)))
    return title, notes


def _file_notes(text: LogText, title: str | None, sessions: list[Session]) -> list[Diagnostic]:
    if not any(line.strip() for line in text.lines):
        return [warning(text.path, 1, "empty log file")]
    if not sessions:
        what = "only a title and free text" if title else "no '## Session: YYYY-MM-DD HH:MM:SS TZ' header"
        return [warning(text.path, 1, f"no session entries ({what})")]
    return []


def _parse_entry(path: str, start: int, lines: list[str], diagnostics: list[Diagnostic]) -> Session:
    entry = _Entry(path, start, lines[0].strip())
    i, end = 1, len(lines)  # the header is lines[0]; lines[i] is line ``start + i`` of the file
    while i < end:
        line = lines[i]
        first = line.lstrip()[:1]  # lines have no trailing blanks: "" only for a blank line
        # Most lines are bullets, read here without a call; _read_block takes the rest.
        bullet = BULLET_RE.match(line) if first and (first in BULLET_STARTS or first.isdigit()) else None
        if bullet:
            _read_bullet(entry, bullet, _source(path, start + i))
            i += 1
        elif first:
            i += _read_block(entry, lines, i, first, _source(path, start + i), diagnostics)
        else:
            i += 1
    entry.close_section()
    return _finish_session(entry, diagnostics)


def _read_block(entry: _Entry, body: list[str], i: int, first: str, source: Source,
                diagnostics: list[Diagnostic]) -> int:
    """Read the block of a line that is not blank and not a bullet, starting at ``body[i]``
    (``first`` is its first character); return how many lines it used."""
    if first in FENCE_STARTS:
        fence = FENCE_RE.match(body[i])
        if fence:
            return _read_fence(entry, body, i, source, fence, diagnostics)
    elif first == "|":
        return _read_table(entry, body, i, source)
    _read_text(entry, body[i], source)
    return 1


def _read_fence(entry, body, i, source, fence, diagnostics) -> int:
    """A fenced block up to its closing fence; a fence never closed is read as text."""
    marker = fence["fence"]
    content = []
    for j in range(i + 1, len(body)):
        if body[j].strip().startswith(marker) and not body[j].strip()[len(marker):].strip():
            _add_block(entry, CodeBlock(marker, fence["info"].strip(), tuple(content), source))
            return j - i + 1
        content.append(body[j])
    diagnostics.append(warning(source.path, source.line, "code fence is never closed; read as text"))
    _read_text(entry, body[i], source)
    return 1


def _read_table(entry, body, i, source) -> int:
    j = i
    while j < len(body) and body[j].lstrip().startswith("|"):
        j += 1
    _add_block(entry, Table(tuple(line.strip() for line in body[i:j]), source))
    return j - i


def _add_block(entry: _Entry, block: Block) -> None:
    """Code and tables inside a section stay in it, as items would."""
    if entry.section is not None:
        entry.close_section()
    entry.blocks.append(block)


def _read_bullet(entry: _Entry, bullet: re.Match, source: Source) -> None:
    spaces, marker, text = bullet.groups()  # BULLET_RE's indent, marker and text
    indent = len(spaces)
    text = text.strip() if text else ""
    ordered = marker[0].isdigit()
    qa = QA_RE.match(text) if not ordered and text.startswith(("Q", "q")) else None  # QA_RE's first letter
    if qa:
        entry.close_section()
        entry.blocks.append(QA(qa["text"].strip(), source, indent))
        return
    named = FIELD_RE.match(text) if ":" in text and not ordered else None
    nested = entry.section is not None and indent > entry.section_indent
    if named and not nested:
        name, value = named.groups()  # FIELD_RE's name and value
        name = name.strip()
        if not value:
            entry.close_section()
            entry.section = (name, section_kind(name), source)
            entry.section_indent = indent
            return
        if entry.section is None or is_known_field(name):
            entry.close_section()
            entry.blocks.append(Field(name, value.strip(), source, indent))
            return
    entry.add_item(text, source, indent, ordered)


def _read_text(entry: _Entry, line: str, source: Source) -> None:
    """Free text: a continuation of the open section if indented, else a note."""
    if entry.section is not None and line.startswith(" ") and entry.indents:
        depth = min(entry.item_depth(len(line) - len(line.lstrip())), len(entry.indents))
        entry.items.append(Item(line.strip(), source, depth))
        return
    entry.close_section()
    entry.blocks.append(Note(line.strip(), source))


def _finish_session(entry: _Entry, diagnostics: list[Diagnostic]) -> Session:
    rest = HEADER_RE.match(entry.header)["rest"]
    started, tz_name, problems = parse_session_header(rest, entry.path, entry.header_line)
    diagnostics.extend(problems)
    blocks = tuple(entry.blocks)
    fields = [b for b in blocks if isinstance(b, Field)]
    if not fields:
        diagnostics.append(warning(entry.path, entry.header_line, "session has no '- Field: value' lines"))
    log_field = next((f for f in fields if field_key(f.name) == "time log"), None)
    times = timelog.parse_timelog(log_field, diagnostics) if log_field else None
    offset = utc_offset(tz_name) if tz_name else None
    return Session(SessionId(""), Source(entry.path, entry.header_line), entry.header,
                   started, tz_name, offset, blocks, times)


def parse_session_header(rest: str, path: str, line: int) -> tuple[datetime | None, str | None, list[Diagnostic]]:
    """``2026-02-14 13:16:07 KST`` -> (naive local datetime, ``KST``, diagnostics)."""
    tokens = rest.split()
    if not tokens:
        return None, None, [error(path, line, "session header has no timestamp (expected 'YYYY-MM-DD HH:MM:SS TZ')")]
    if not DATE_RE.match(tokens[0]):
        return None, None, [error(path, line, f"session header has a broken timestamp {rest!r} (expected 'YYYY-MM-DD HH:MM:SS TZ')")]
    has_time = len(tokens) > 1 and TIME_RE.match(tokens[1])
    stamp = tokens[0] + (" " + tokens[1] if has_time else "")
    started = _to_datetime(stamp)
    if started is None:
        return None, None, [error(path, line, f"impossible date or time {stamp!r}")]
    if started.year not in YEARS:
        return None, None, [error(path, line, f"year {started.year} is out of range ({YEARS[0]} to {YEARS[-1]}); "
                                              "the session is kept undated")]
    problems = [] if has_time else [warning(path, line, "session header has no time of day")]
    tz_name = tokens[2 if has_time else 1] if len(tokens) > (2 if has_time else 1) else None
    problems += _zone_problems(tz_name, path, line)
    return started, tz_name, problems


def _zone_problems(tz_name: str | None, path: str, line: int) -> list[Diagnostic]:
    if tz_name is None:
        return [warning(path, line, "session header has no time zone; times are shown as written")]
    if utc_offset(tz_name) is None:
        return [warning(path, line, f"unknown time zone {tz_name!r}; kept as written, no UTC offset")]
    return []


def _to_datetime(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp)  # the usual zero-padded form, without strptime's cost
    except ValueError:
        pass  # single-digit fields (``2026-2-4 9:05``), or an impossible date
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(stamp, fmt)
        except ValueError:
            continue
    return None
