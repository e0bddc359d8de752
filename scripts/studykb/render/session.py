"""The page of one session: every line of the entry, its structure made visible.

The parts a learner reviews come first (what was learned, the watchlist, Q/A, the
resume point), then the topics with their experiments, then the rest of the entry in
its order. Every line of the entry is on the page. The headings are ours (Markdown,
for the table of contents); everything from the log is HTML (see html.py), and a code
block from the log is escaped text in ``<pre><code>``.
"""
from __future__ import annotations


from ..model import QA, CodeBlock, Field, Note, Section, SectionKind, Session, Source, Span, Table, TimeLog
from ..markup import is_delimiter_row, row_text, table_cells
from . import html, urls
from .common import clock, concept_page, front_matter, page, session_anchor, session_page, source_page, utc_offset
from .context import Context, neighbours
from .html import Linker
from .words import Words
from .urls import relative
from .runs import SCRIPTS, RunResult, unanswered_note

Beside = dict[tuple[int, int], str]
"""What shows after a record of the log, by its line and column (``_at``)."""

# The parts a learner reviews first, in that order, each under a heading of ours (the
# table of contents lists them; ui.yml has their words); the log's own section names show inside each part.
REVIEW = ((SectionKind.LEARNED, "learned"), (SectionKind.WATCHLIST, "watchlist"),
          (None, "questions"), (SectionKind.RESUME, "resume"), (SectionKind.TOPICS, "topics"))


def render_session(session: Session, ctx: Context) -> str:
    here = session_page(session)
    linker = ctx.linker(here)
    beside = _beside(session, here, ctx)
    written = _written_time_log(session)  # shown in the facts, as written
    # A thematic break separated the log's parts; the page orders them under headings of its own.
    blocks = [b for b in session.blocks if b is not written and not (isinstance(b, Note) and b.is_break)]
    parts = _parts(blocks)
    # ``Session 2026-03-05 09:00 KST`` in the site's language; a labelled session is named by its label and date.
    title = session.title if session.label else ctx.words.plain("session_page_title", when=session.title)
    out = [front_matter(title=title, description=_description(session, ctx)),
           html.block(html.title(html.link_label(title)) + "\n" + _facts(session, ctx, here, written)), ""]
    for kind, heading in (*REVIEW, (SectionKind.OTHER, "everything_else")):
        shown = [b for b, part in zip(blocks, parts) if part is kind]
        if shown:
            out += [f"## {ctx.words(heading)}", "", html.block(_blocks(shown, linker, beside, ctx)), ""]
    return "\n".join(out).rstrip() + "\n"


def _parts(blocks: list) -> list[SectionKind | None]:
    """Which part of the page each block of the entry belongs to: its section's kind, None
    for Q/A; a part's name that holds nothing but Q/A lines (``### Quiz``) goes with them."""
    return [None if _names_only_qa(blocks, i) else _part(block) for i, block in enumerate(blocks)]


def _part(block) -> SectionKind | None:
    if isinstance(block, QA):
        return None
    section = block.part if isinstance(block, Table) else block
    if isinstance(section, Section) and section.kind in {kind for kind, _ in REVIEW}:
        return section.kind
    return SectionKind.OTHER


def _names_only_qa(blocks: list, i: int) -> bool:
    """Whether ``blocks[i]`` names a part whose lines are all Q/A (``### Quiz`` or a line
    ``Quiz:``, then ``Q1. ...`` and ``A1. ...``). Parse ends a section at each Q/A line
    and leaves it empty; items after the Q/A lines go on the part as a section without a name."""
    block = blocks[i]
    named = isinstance(block, Section) and block.name and not block.items
    if not (named or isinstance(block, Note) and block.text.endswith((":", "："))):
        return False
    j = i + 1
    while j < len(blocks) and isinstance(blocks[j], QA):
        j += 1
    after = blocks[j] if j < len(blocks) else None
    return j > i + 1 and not (isinstance(after, Section) and not after.name)


def _blocks(blocks: list, linker: Linker, beside: Beside, ctx: Context) -> str:
    """Blocks of the entry in their order; neighbouring fields and Q/A lines form one list."""
    parts: list[str] = []
    flow: list[str] = []
    for block in _callouts_grouped(blocks):
        if isinstance(block, tuple):
            if flow:
                parts.append(html.items(flow))
                flow = []
            parts.append(_callout(block, linker, beside, ctx))
            continue
        if isinstance(block, (Field, QA)):
            flow.append(_line_item(block, linker, beside, ctx))
            continue
        if flow:
            parts.append(html.items(flow))
            flow = []
        parts += _block(block, linker, beside, ctx)
    if flow:
        parts.append(html.items(flow))
    return "\n".join(parts)


def _callouts_grouped(blocks: list) -> list:
    """The blocks, a note callout's lines (``> [!tip] …`` and the quoted lines right after
    it) gathered into one tuple of notes."""
    out: list = []
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, Note) and html.opens_callout(block.text):
            out.append((block,))
        elif isinstance(block, Note) and isinstance(last, tuple) and block.text.startswith(">") \
                and block.source.line == last[-1].source.line + 1 and block.text.strip() != ">":
            out[-1] = (*last, block)
        else:
            out.append(block)
    return out


def _callout(notes: tuple[Note, ...], linker: Linker, beside: Beside, ctx: Context) -> str:
    """A note callout as an admonition, then the runs its lines ask for."""
    shown = html.callout([(n.text, ctx.spans(n.source)) for n in notes], linker)
    return shown + "".join(beside.get(_at(n.source), "") for n in notes)


def _description(session: Session, ctx: Context) -> str:
    took = ctx.words.plain("did_not_take_place") if session.cancelled is not None else ctx.words.minutes(session.minutes)
    return ctx.words.plain("session_description", title=ctx.titles[session.id], time=took)


def _facts(session: Session, ctx: Context, here: str, written: Field | None) -> str:
    """Where the session sits, when it was, how long, and its header line: once, compactly.

    Out of the search index: the title already names the session, the rest is navigation.
    """
    before, after = neighbours(ctx, session)
    root, session_href = urls.root_of(here), ctx.session_hrefs(here)
    nav = []
    if before:
        nav.append(f'<a href="{session_href(before)}">← {html.link_label(ctx.titles[before.id])}</a>')
    nav.append(f'<a href="{relative(root, page("timeline.md"))}">{ctx.words("timeline_link")}</a>')
    if after:
        nav.append(f'<a href="{session_href(after)}">{html.link_label(ctx.titles[after.id])} →</a>')
    source = relative(root, f"{source_page(ctx.knowledge.log_slugs[session.source.path])}#{session_anchor(session)}")
    facts = [html.text(_started(session, ctx.words)), _time_log(session, written, ctx.words),
             f'<a href="{source}">{html.text(session.source.path)}</a>']
    out = [f'<p class="studykb-nav">{" · ".join(nav)}</p>',
           f'<p class="studykb-facts">{" · ".join(facts)}<br><code>{html.text(session.header)}</code></p>']
    introduced = ctx.introduced.get(session.id, ())
    if introduced:
        links = ", ".join(f'<a href="{relative(root, concept_page(c.slug))}">{html.text(ctx.name_of(c))}</a>' for c in introduced)
        out.append(f"<p>{ctx.words('new_concepts', links=links)}</p>")
    return '<div data-search-exclude>\n' + "\n".join(out) + "\n</div>"


def _time_log(session: Session, line: Field | None, words: Words) -> str:
    """The time log: its one line (``line``) as the log wrote it, with the minutes read from it; read
    from several lines (``Start``, ``End``, ``Duration``) or a part's items, what they say
    together (``14:05–15:10 (1 h 05 min)``), those lines staying in the entry below."""
    log = session.timelog
    if session.cancelled is not None:
        return _cancelled(session, line, words)
    if log is None:
        return words("time_not_logged")
    written = f"{_label(line.name)}: {html.inline(line.value)}" if line else html.text(_span(log))
    if log.minutes is None:
        return written or words("time_not_readable")
    took = html.text(words.minutes(log.minutes))
    return f"{written} ({took})" if written else took


def _cancelled(session: Session, line: Field | None, words: Words) -> str:
    """A session that did not take place: the line that says so, and its time, not counted."""
    said = html.inline(session.cancelled.text)
    log = session.timelog
    if log is None:
        return words("cancelled_no_time", said=said)
    written = f"{_label(line.name)}: {html.inline(line.value)}" if line else html.text(_span(log))
    return words("cancelled_time", said=said, time=written) if written else words("cancelled_its_time", said=said)


def _written_time_log(session: Session) -> Field | None:
    """The field that is the whole time log, if one is."""
    log = session.timelog
    if log is None or len(log.sources) > 1:
        return None
    return next((b for b in session.blocks if isinstance(b, Field) and b.source == log.source), None)


def _started(session: Session, words: Words) -> str:
    """When the session was, as plain text."""
    if session.started is None:
        return words.plain("no_timestamp")
    if not session.timed and session.timelog and session.timelog.start:
        return words.plain("time_from_log", date=f"{session.started:%Y-%m-%d}", start=session.timelog.start)
    if not session.timed:
        return words.plain("no_time_of_day", date=f"{session.started:%Y-%m-%d}")
    if not session.tz_name:
        return words.plain("no_time_zone", clock=clock(session.started, session.header))  # so no offset either: said once
    offset = words.plain("utc_offset_unknown") if session.utc_offset is None else utc_offset(session.utc_offset)
    return f"{clock(session.started, session.header)} {session.tz_name} ({offset})"


def _span(log: TimeLog) -> str:
    """``14:05–15:10``, ``14:05–?``, or "" when neither start nor end was read."""
    return f"{log.start or '?'}–{log.end or '?'}" if (log.start or log.end) else ""


def _line_item(block: Field | QA, linker: Linker, beside: Beside, ctx: Context) -> str:
    spans = ctx.spans(block.source)
    if isinstance(block, Field):
        body = f"<strong>{_label(block.name)}:</strong> {html.inline(block.value, linker, spans)}"
    else:
        # The label as the line wrote it; a quiz line (``Q: ...``, ``1. Why? — Because``) has none.
        tag = f"<strong>{ctx.words('qa_label')}</strong> " if block.labelled else ""
        body = f"{tag}{html.inline(block.text, linker, spans)}"
    return body + beside.get(_at(block.source), "")


def _block(block, linker: Linker, beside: Beside, ctx: Context) -> list[str]:
    """A block of the entry, and after it the runs its lines ask for (a table's, after the table)."""
    if isinstance(block, Section):
        return _section(block, linker, beside, ctx)
    if isinstance(block, Note):
        return [html.note(block.text, linker, ctx.spans(block.source)) + beside.get(_at(block.source), "")]
    if isinstance(block, Table):
        rows = range(block.source.line, block.source.line + len(block.lines))
        return [_table(block, linker, ctx) + "".join(beside.get((line, 0), "") for line in rows)]
    if isinstance(block, CodeBlock):  # after it, the runs its commands ask for
        lines = range(block.source.line + 1, block.source.line + 1 + len(block.lines))
        return [html.code_block(block.info, block.lines) + "".join(beside.get((line, 0), "") for line in lines)]
    raise TypeError(f"unknown block {block!r}")


def _section(section: Section, linker: Linker, beside: Beside, ctx: Context) -> list[str]:
    """The section's name, its items, then the runs its heading line asks for (after the
    items, so that a one-line part such as ``**Next session:** ...`` reads as one line)."""
    out = [f'<p class="studykb-label">{_label(section.name)}:</p>'] if section.name else []
    items = [(item.depth, item.number or item.ordered, html.inline(item.text, linker, ctx.spans(item.source))
              + beside.get(_at(item.source), ""))
             for item in section.items]
    if items:
        out.append(html.nested_list(items))
    runs = beside.get(_at(section.source), "")
    if runs and all(item.source != section.source for item in section.items):
        out.append(runs)
    return out


def _label(name: str) -> str:
    """A field's or section's name as HTML."""
    return html.inline(name)


def _at(source: Source) -> tuple[int, int]:
    """Where a record is in the log, as ``Beside`` is keyed: its line and column."""
    return source.line, source.column


def _beside(session: Session, here: str, ctx: Context) -> Beside:
    """What shows after each record of the session, by where it is in the log (``_at``): the
    runs it asks for (a run once, beside the first record that asks for it; a run the session both
    runs and plans to run again, as run beside the first record that runs it and as planned beside
    the first that plans it, while it has no results), then the mark of a line no experiment
    reproduces yet."""
    out: Beside = {}
    shown: set[tuple[str, str, bool]] = set()
    refs = ctx.refs_by_session.get(session.id, ())
    asked = {(ref.experiment, ref.run_id) for ref in refs if not ref.planned}
    for ref in refs:
        result = ctx.results.get((ref.experiment, ref.run_id))
        if result is None or _script_not_run(result):
            continue
        planned = ref.planned and result.metrics is None
        shows = (ref.experiment, ref.run_id, planned)
        if shows not in shown and not (ref.planned and not planned and shows[:2] in asked):
            shown.add(shows)
            block = ctx.run_block(here, result, ctx.words.plain("planned_experiment" if planned else "experiment"))
            out[_at(ref.source)] = out.get(_at(ref.source), "") + "\n" + block
    notes = {_at(note.source): note.message for note in ctx.notes_by_session.get(session.id, ())}
    for at, message in notes.items():
        out[at] = out.get(at, "") + "\n" + unanswered_note(message)
    return out


def _script_not_run(result: RunResult) -> bool:
    """A learner's script not run here: why is said once (make check, its experiment page), not
    beside each line that runs one."""
    return result.experiment == SCRIPTS and result.metrics is None


def _table(block: Table, linker: Linker, ctx: Context) -> str:
    """A table of the log's rows, each cell linked with the mentions found in its part of the
    row; in a row read as an item of the part the table is, those found in its part of the item."""
    items = {item.source for item in block.part.items} if block.part else set()
    rows = []
    for offset, line in enumerate(block.lines):
        source = Source(block.source.path, block.source.line + offset)
        starts = _cell_starts(line, block.columns if source in items else None)
        rows.append([(cell, _within(ctx.spans(source), start, len(cell))) for start, cell in starts])
    delimiter = len(rows) > 1 and is_delimiter_row([cell for cell, _ in rows[1]])
    head, body = (rows[0], rows[2:]) if delimiter else (None, rows)
    width = max(len(r) for r in rows)
    cells = lambda row: [html.cell(c, linker, s) for c, s in row] + [""] * (width - len(row))  # noqa: E731
    return html.table(cells(head) if head else None, [cells(r) for r in body])


def _cell_starts(line: str, columns: tuple[int, ...] | None) -> list[tuple[int, str]]:
    """Each cell of a row with where it starts in the line its mentions were found in: the
    row itself, or the item it was read as (its cells in ``columns`` order)."""
    found = table_cells(line)
    if columns is None:
        return found
    _, starts = row_text([text for _, text in found], columns)
    return [(starts.get(k, -1), text) for k, (_, text) in enumerate(found)]


def _within(spans: tuple[Span, ...], start: int, length: int) -> tuple[Span, ...]:
    """The spans inside ``row[start:start + length]``, with positions in that part."""
    return tuple(Span(s.start - start, s.end - start, s.concept) for s in spans
                 if start <= s.start and s.end <= start + length)
