"""Parse: a log's lines become a LogFile of SessionEntry records, losing no line.

Every non-blank line ends up in exactly one record (a field, a section item,
a Q/A, a note, a code block or a table), each with its file and line. Problems
become diagnostics; nothing here raises on bad input.

A session's parts are recognised by what their names mean (labels.py), however they
are written: a bullet ending in ``:`` (``- What we learned today:``), a heading
(``### What I learned``) or a bold label (``**Watchlist**``) opens one; a line that
names a part and goes on (``**Next session:** implement CBOW``) is a part of one item.
"""
from __future__ import annotations

import re
from datetime import date

from . import (bracket_labels, callouts, fences, free_text, header_lines, lead_ins, log_notes, logseq, outline_qa,
               page_properties, plain_headers, qa_lines, quotes, session_time, session_titles, table_parts,
               table_sessions, time_lines, timelog, toggles, wrapped)
from .diagnostics import Diagnostic, info, warning
from .label_names import BOLD_LABEL_RE, line_label
from .labels import Labels
from .resolution import ANSWERS_BACK_RE, ends_resolved, resolved_item
from .model import CodeBlock, Field, Item, LogFile, Note, SectionKind, SessionEntry, Source
from .session_header import SessionHeader, read_session_header
from .session_state import SessionState
from .markup import BULLET_RE, HEADING_RE, THEMATIC_BREAK_RE
from .sources import LogText
from .timezones import utc_offset

TAB_WIDTH = 4
SETTLING_WORDS = 4  # the fewest words of a name before a colon that may be a sentence saying a confusion is settled
# The parts a plain ``Name: value`` line of an unknown name ends when it comes after their
# list (``Tomorrow: ...`` below a watchlist): it is a fact of the session, not an item.
LIST_PARTS = (SectionKind.WATCHLIST, SectionKind.LEARNED, SectionKind.RESUME)


def parse_log(text: LogText, labels: Labels, today: date | None = None) -> tuple[LogFile, list[Diagnostic]]:
    """Parse one log file's lines into a LogFile, reading its names with ``labels``
    (the table that ships with studykb and the learner's own spellings); ``today`` dates
    a log that gives no year anywhere by the weekdays its headers give (session_header.py)."""
    diagnostics: list[Diagnostic] = []
    lines = _expand_tabs(text.path, text.lines, diagnostics)
    starts = header_lines.session_header_lines(lines, labels)
    tables = [] if starts else table_sessions.session_tables(lines, labels)
    if tables:
        log = table_sessions.read_table_log(text, lines, tables, labels, today, _finish_entry, diagnostics)
        return log, diagnostics
    plain = [] if starts else plain_headers.plain_start_lines(lines, labels)
    starts = starts or plain
    diagnostics.extend(plain_headers.plain_start_note(text.path, plain))
    preamble_end = starts[0] - 1 if starts else len(lines)
    title, preamble = free_text.preamble(text.path, lines[:preamble_end])
    entries = []
    ends = [*(n - 1 for n in starts[1:]), len(lines)]
    created = [page_properties.created_time(lines[start - 1:end], labels, start) for start, end in zip(starts, ends)]
    for i, (start, neighbour) in enumerate(zip(starts, header_lines.neighbours(lines, starts))):
        end = ends[i]
        above = header_lines.heading_above(lines, start, end)
        if above is not None:
            preamble += free_text.lines_of_the_log(text.path, lines, above, end, diagnostics)
            end = above - 1
        dated = page_properties.created_neighbour(created, i)  # its own created time, else a neighbour's
        neighbour = dated if dated and (dated.own or neighbour is None) else neighbour
        header = read_session_header(lines[start - 1], labels, text.path, start, neighbour, today)
        header = page_properties.with_created_clock(header, created[i])
        entries.append(_parse_entry(text.path, start, lines[start - 1:end], labels, header, diagnostics))
    near = [] if entries else plain_headers.near_starts(lines, labels)
    diagnostics.extend(log_notes.file_notes(text, entries, near))
    diagnostics.extend(header_lines.header_notes(entries))
    diagnostics.extend(log_notes.unknown_parts(text.path, entries, labels))
    diagnostics.extend(log_notes.unread_layout(text.path, entries, labels)
                       or log_notes.mostly_unread(text.path, entries, labels))
    log = LogFile(text.path, title, tuple(preamble), tuple(entries), text.lines)
    return log, diagnostics


def _expand_tabs(path: str, lines: tuple[str, ...], diagnostics: list[Diagnostic]) -> list[str]:
    """The lines, each tab read as ``TAB_WIDTH`` columns; one note for the log that indents
    with tabs (an outliner does on every nested line), at its first such line."""
    tabbed = [n for n, line in enumerate(lines, 1) if "\t" in line[:len(line) - len(line.lstrip(" \t"))]]
    if tabbed:
        many = f"{len(tabbed)} lines are" if len(tabbed) > 1 else "1 line is"
        diagnostics.append(info(path, tabbed[0], f"{many} indented with tabs (the first here); "
                                f"each tab is read as {TAB_WIDTH} spaces"))
    return [line.rstrip().expandtabs(TAB_WIDTH) for line in lines]


def _parse_entry(path: str, start: int, lines: list[str], labels: Labels, header: SessionHeader,
                 diagnostics: list[Diagnostic]) -> SessionEntry:
    entry = SessionState(path, start, lines[0].strip(), labels)
    body = list(lines)  # as read: a line that others go on holds them (wrapped.py)
    i, end = 1, len(lines)  # the header is lines[0]; lines[i] is line ``start + i`` of the file
    for j in page_properties.property_lines(lines, labels):  # facts of the session, under its heading
        entry.blocks.append(Field(*page_properties.property_name_value(lines[j]), Source(path, start + j)))
        i = j + 1
    while i < end:
        if lines[i].strip():
            entry.after_blank = not lines[i - 1].strip()
            more = wrapped.continued(lines, i, labels)
            if more:
                body[i] = wrapped.joined(lines[i:i + 1 + more])
            i += _read_block(entry, body, i, Source(path, start + i), diagnostics) + more
        else:
            i += 1
    entry.close_section()
    content = sum(1 for line in lines[1:] if line.strip())
    return _finish_entry(entry, header, content, diagnostics)


def _read_block(entry: SessionState, body: list[str], i: int, source: Source, diagnostics: list[Diagnostic]) -> int:
    """Read the block that starts at the non-blank line ``body[i]``; return how many lines it used."""
    awaiting_answer, entry.awaiting_answer = entry.awaiting_answer, False
    if THEMATIC_BREAK_RE.match(body[i]):
        entry.end_part()
        entry.blocks.append(Note(body[i].strip(), source))
        return 1
    if logseq.read_outline_line(entry, body[i], source):  # ``time:: 19:10``, ``SCHEDULED: <…>``
        return 1
    if quotes.quoted(body[i]) is not None:
        if used := qa_lines.read_quote(entry, body, i, source, awaiting_answer) \
                or callouts.read_callout(entry, body, i, source):
            return used
        _read_text(entry, callouts.line_of_a_part(body[i], entry.labels), source, False)
        return 1
    if fence := fences.opening(body[i]):  # ``- ```python``: the item is its code (fences.py)
        if fence.in_bullet:
            entry.leave_scope(len(body[i]) - len(body[i].lstrip()))
        return _read_fence(entry, body, i, source, diagnostics)
    bullet = BULLET_RE.match(body[i])
    if bullet:
        following = BULLET_RE.match(body[i + 1]) if i + 1 < len(body) else None
        # Items nested under it, and not a quiz (``- Quiz:`` then ``  - Q1. …`` names a part).
        leads_in = following is not None and len(following[1]) > len(bullet[1]) \
            and not entry.labels.question_re.match((following[3] or "").strip())
        entry.leave_scope(len(bullet[1]))
        if used := outline_qa.read_outlined_question(entry, body, i, source):
            return used
        _read_bullet(entry, bullet, source, awaiting_answer, leads_in,
                     lead_ins.led_into_kind(body, i, len(bullet[1]), bullet[3] or "", entry.labels))
        if _opened_here(entry, source) and lead_ins.has_nested(body, i, len(bullet[1])):
            entry.scope = len(bullet[1])  # a part's name alone with items under it: they are the part
        return 1
    if body[i].lstrip().startswith("|"):
        return table_parts.read_table_lines(entry, body, i, source)
    if used := toggles.read_toggle_line(entry, body, i, source):
        return used
    heading = HEADING_RE.match(body[i])
    if heading:
        name = heading["name"]
        entry.open_section(name, entry.labels.part_kind(name), source, 0, by_heading=True)
        return 1
    _read_text(entry, body[i], source, awaiting_answer)
    return 1


def _opened_here(entry: SessionState, source: Source) -> bool:
    """Whether the line at ``source`` opened a part by its name alone, holding no item yet."""
    return entry.section is not None and entry.section[2] == source and bool(entry.section[0]) and not entry.items


def _read_fence(entry, body, i, source, diagnostics) -> int:
    """A fenced block up to its closing fence, or up to the end of the list item it is in;
    a fence never closed is read as text."""
    block = fences.block_at(body, i)
    if block is None:
        diagnostics.append(warning(source.path, source.line, "code fence is never closed; read as text"))
        _read_text(entry, body[i], source, False)
        return 1
    if not block.closed:
        diagnostics.append(info(source.path, source.line, f"code fence is not closed before line "
                                f"{source.line + block.end - i} ends its list item; the code ends there"))
    entry.interrupt(CodeBlock(block.fence.marker, block.fence.info, block.code, source))
    return block.end - i


def _read_bullet(entry: SessionState, bullet: re.Match, source: Source, awaiting_answer: bool,
                 leads_in: bool = False, names: SectionKind | None = None) -> None:
    """A list item; one that is only a ``Name:`` opens the part it names, but not one whose name
    no part has when items are nested under it inside a part (``- 내 결과 (is_reverse=False):``
    then ``  - epoch 1: 0.18%``): that leads into its own items, in the part it is in. One that
    ``names`` a part and has lines indented under it (``1. 진도``, lead_ins.py) opens that part."""
    spaces, marker, text = bullet.groups()  # BULLET_RE's indent, marker and text
    indent = len(spaces)
    text = text.strip() if text else ""
    ordered = marker[0].isdigit()
    if qa_lines.read_quiz(entry, text, source, indent, awaiting_answer):
        return
    # ``- 4つの式をまとめてきた：`` says what was done: an item, whatever part's word it holds.
    label = None if ordered or lead_ins.is_sentence(text, entry.labels) else _name_and_value(text, entry.labels)
    nested = entry.section is not None and indent > entry.section_indent
    # Under a heading, a name no part kind has leads into its own items (``- My results:``).
    if names is not None and not nested and not (names is SectionKind.OTHER and entry.in_heading_part):
        name = f"{marker} {text}" if ordered else text  # the tutor's number stays in the name
        entry.open_section(name.rstrip(":："), names, source, indent, by_heading=False)
        return
    if not nested and _read_line_of_its_own(entry, text, label, source, indent):
        return
    if label and not nested:
        name, value = label
        kind = entry.labels.part_kind(name)
        lead_in = leads_in and entry.section is not None and kind is SectionKind.OTHER \
            and not entry.labels.is_question_part(name)
        if not value and not lead_in:
            entry.open_section(name, kind, source, indent, by_heading=False)
            return
        if _read_labelled(entry, name, value, source, indent, by_heading=False):
            return
    entry.add_item(text, source, indent, ordered, int(marker[:-1]) if ordered else 0)
    entry.listed = True


def _read_line_of_its_own(entry: SessionState, text: str, label: tuple[str, str] | None,
                          source: Source, indent: int) -> bool:
    """A bullet that is no item of the part above it: the session's study time alone
    (``studied 1h40``, time_lines.py), a note; or a line a signifier starts (``?? ...``,
    ``✓ ...``, ``TIL: ...``) whose label names no part, an item of its signifier's part.
    A line without a mark after a signifier's lines ends their part."""
    labels = entry.labels
    if time_lines.is_study_time(text, labels):
        entry.add_note(text, source)
        return True
    sign = labels.line_sign(text)
    if sign is not None and label and labels.label_part_kind(label[0]):
        sign = None  # ``❓ still unclear: X``: the label names its part
    if sign is None:
        if entry.signed is not None:
            entry.end_part()
        return False
    kind, mark, rest = sign
    entry.open_signed(kind, mark, source, indent)
    entry.add_item(rest, source, indent)
    return True


def _name_and_value(text: str, labels: Labels) -> tuple[str, str] | None:
    """A line's ``Name: value``, unless what comes before the colon is a sentence that says a
    confusion is settled (``np.add.at thing from yesterday is clear now: …``), which names no part."""
    label = line_label(text)
    if label is None or len(label[0].split()) < SETTLING_WORDS or labels.part_kind(label[0]) is not SectionKind.OTHER:
        return label
    return None if ends_resolved(label[0], labels) else label


def _read_labelled(entry: SessionState, name: str, value: str, source: Source, indent: int, by_heading: bool) -> bool:
    """A named line with a value: a field, a part of one item, or (False) an item of the open part."""
    labels = entry.labels
    if entry.section is not None and entry.section[1] is SectionKind.WATCHLIST and not entry.inline \
            and resolved_item(f"{name}: {value}", labels) is not None:
        return False  # ``- Got it: PMI vs PPMI`` in a watchlist marks its item resolved
    if labels.field_kind(name) is not None and entry.section is not None \
            and session_time.times_a_run(name, value, labels):
        return False  # ``- 학습 시간: epoch당 1분 40초`` among what was learned: a result, not the time log
    if labels.field_kind(name) is not None:
        entry.end_part()
        entry.blocks.append(Field(name, value, source, indent))
        return True
    kind = labels.label_part_kind(name)
    if kind is SectionKind.WATCHLIST and _names_an_answer(name, labels):
        kind = None  # ``Answer to Tuesday's confusion: …`` answers a confusion, flags none
    if kind is not None and entry.inline and entry.section is not None and entry.section[1] is kind:
        entry.add_item(value, source, indent)  # ``✅ got it: …`` again: one more of its items
        return True
    if kind is not None and (entry.section is None or entry.section[1] is not kind):
        heading, first = _heading_over(entry, by_heading)
        entry.open_section(name, kind, heading[1] if first else source, indent, by_heading)
        if heading:  # read by its own name (``Got it now`` resolves), shown under the heading's
            entry.section = (f"{heading[0]} — {name}", *entry.section[1:])
        entry.inline, entry.heading = by_heading, heading
        entry.add_item(value, source, indent)
        return True
    if entry.section is None:
        entry.end_part()
        entry.blocks.append(Field(name, value, source, indent))
        return True
    return False


def _heading_over(entry: SessionState, by_heading: bool) -> tuple[tuple[str, Source] | None, bool]:
    """The heading a line that names a part stands under, and whether the line is the first
    under it: a heading whose part holds nothing but such lines (``#### Weekly review`` then
    ``Still fuzzy: …``, ``Got it now: …``). Its empty part is no part of its own: its name
    heads theirs, the first of them starting at its line."""
    section = entry.section
    if by_heading and section is not None and section[1] is SectionKind.OTHER and entry.in_heading_part \
            and not entry.items and not entry.inline and not entry.asks:
        entry.section = None
        return (section[0], section[2]), True
    return (entry.heading if by_heading and entry.inline else None), False


def _names_an_answer(name: str, labels: Labels) -> bool:
    """Whether a line's name says it is an answer: an answer word (``Answer``, ``답``, ``回答``)
    is its first or last word (``Answer to Tuesday's confusion``, ``지난번 헷갈린 것에 대한 답``), or
    ends a name written without spaces (``上次困惑的回答``). A one-letter ``A`` is no such word."""
    words = name.casefold().split()
    spellings = {s.casefold() for table in (labels.user, labels.builtin) for kind, found in table
                 if kind == "answer" for s in found if len(s) > 1 or not s.isascii()}
    if not words:
        return False
    if ANSWERS_BACK_RE.search(name):  # ``this answered yesterday's confusion``
        return True
    return words[0] in spellings or words[-1] in spellings \
        or len(words) == 1 and any(words[0].endswith(s) for s in spellings if not s.isascii())


def _read_text(entry: SessionState, line: str, source: Source, awaiting_answer: bool) -> None:
    """A line that is no bullet, heading, code or table: a Q/A line, a bold label, a named
    line of a known kind, an item of the open part, or a note."""
    text = line.strip()
    indent = len(line) - len(line.lstrip())
    if qa_lines.read_quiz(entry, text, source, indent, awaiting_answer):
        return
    if entry.section is not None and line.startswith(" ") and entry.indents:
        depth = min(entry.item_depth(indent), len(entry.indents))
        entry.items.append(Item(text, source, depth))
    elif bracket_labels.read_bracket_label(entry, text, source, indent, _read_text) \
            or _read_text_label(entry, text, source, indent) or _read_part_name(entry, text, source):
        return
    elif entry.in_heading_part and not (entry.inline and entry.after_blank):
        entry.add_item(text, source, 0)
        entry.listed = False
    else:
        entry.add_note(text, source)


def _read_text_label(entry: SessionState, text: str, source: Source, indent: int) -> bool:
    """``**Watchlist**`` opens a part; ``**Time:**
    09:00-10:10`` or ``Time: 09:00-10:10`` (a name the labels know) is read as a bullet of
    that name would be."""
    labels = entry.labels
    bold = BOLD_LABEL_RE.match(text)
    if bold and not any(c.isalnum() for c in bold["value"]):  # ``**Understood now** ✅``: a label alone
        name = f"{bold['name'].strip()} {bold['value']}".strip()
        entry.open_section(name, labels.part_kind(name), source, 0, by_heading=True)
        return True
    label = line_label(text)
    if label is None:
        return False
    name, value = label
    if not value:
        if labels.part_kind(name) is SectionKind.OTHER:
            return False
        entry.open_section(name, labels.part_kind(name), source, 0, by_heading=True)
        return True
    known = bold is not None or labels.field_kind(name) is not None or labels.label_part_kind(name) is not None
    if not known and _ends_list(entry):
        entry.end_part()
        entry.blocks.append(Field(name, value, source, indent))
        return True
    return known and _read_labelled(entry, name, value, source, indent, by_heading=True)


def _ends_list(entry: SessionState) -> bool:
    """Whether a plain ``Name: value`` line of a name the labels do not know ends the open
    part: one after the list of a watchlist, learned or resume part (``Tomorrow: ...`` below
    the watchlist's bullets), or one after a line that opened a part and went on (``Homework:
    ...`` then ``Experiment: ...``). In a part written as plain lines under its name alone it
    is one of them (``Softmax: turns scores into probabilities``)."""
    if entry.inline:  # ``Covered: ...`` then ``Experiment: ...``: a list of labelled lines
        return True
    return entry.listed and entry.part is not None and entry.part[0] in LIST_PARTS


def _read_part_name(entry: SessionState, text: str, source: Source) -> bool:
    """A line that is nothing but a part's name (``Watchlist``, ``Questions``) opens it, as
    its heading would."""
    kind = entry.labels.alone_part_kind(text)
    if kind is None:
        return False
    entry.open_section(text, kind, source, 0, by_heading=True)
    return True


def _finish_entry(entry: SessionState, header: SessionHeader, content: int, diagnostics: list[Diagnostic]) -> SessionEntry:
    started, tz_name = header.started, header.tz_name
    diagnostics.extend(header.problems)
    label, blocks = header.label, tuple(entry.blocks)
    heading = timelog.Piece("time", header.time_text, Source(entry.path, entry.header_line)) if header.time_text else None
    pieces = session_time.time_pieces(blocks, entry.labels, heading) \
        or session_time.study_time_lines(blocks, entry.labels)
    times = timelog.read_timelog(pieces, diagnostics, entry.labels)
    if not label:  # a header of a date alone: a chapter the text links, or its first line, titles it
        titled, blocks = session_titles.first_line_topic(blocks, entry.labels)
        label = session_titles.linked_chapter(blocks) or titled
    offset = utc_offset(tz_name) if tz_name else None
    source = Source(entry.path, entry.header_line)
    cancelled = session_time.cancelled_line(blocks, header.label, source, entry.labels)
    diagnostics.extend(session_time.not_counted(cancelled, times))
    session = SessionEntry(source, entry.header, started, tz_name, offset, blocks, times, timed=header.timed,
                           label=label, cancelled=cancelled)
    diagnostics.extend(log_notes.unrecognised(session, content))
    return session
