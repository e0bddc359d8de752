"""Which log lines ask for which experiment runs (part of the link stage).

The chapter a line is in comes from the log. A session starts in the chapter its header
names ("## Session 14 — Ch.4 word2vec"), else in the one the log's previous session
studied last (for the first session: the first one the log's title names, "# ch8
attention"), else (nothing earlier being known) in the first one a line of it is about.
A line about chapters ("Ch02", "chapter 4", ``ch04/train.py``, "6장"), a table's row among
them, is in those, and the last one holds for the lines after it. What comes next does not move the chapter: a
line of the resume point, and a chapter named as what comes later ("then ch.5", "a
preview of ch.5"), leave the lines after them, and the next session, where they were.
Each line with its chapter (and the settings table or code block right after it) is
handed to ``experiments.answers.answer``; Q/A lines, watchlist items and lines that
define a term ask for nothing, a line of what was learned asks only when it says
something was run or measured, and a row of a table that follows no line (a table of
topics, of results) asks only when it says something was run ("8.3 | ran
``ch08/train.py``, batch 128"): a row of results reports, it does not ask.

A line that looks like an experiment but that no experiment answers is reported
(``make check``) and marked on its session page; a run that cannot take the values
the log states is reported on its line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, NamedTuple

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.answers import Answer, answer, chapters_studied
from experiments.asking import says_run

from .diagnostics import Diagnostic, info, warning
from .model import (QA, CodeBlock, ExperimentNote, ExperimentRef, Field, Note, Section, SectionKind, Session,
                    SessionId, Source, Table)


class _Asking(NamedTuple):
    """A line that may ask for a run, with what it needs to be answered."""

    text: str
    source: Source
    session: SessionId
    kind: SectionKind | None  # the part it is an item of, if any
    attached: tuple[str, ...]  # the settings table or code block right after it
    row: bool = False  # a row of a table that follows no line

    @property
    def planned(self) -> bool:
        """In the resume point: a run for next time."""
        return self.kind is SectionKind.RESUME


@dataclass(frozen=True)
class ExperimentLines:
    refs: tuple[ExperimentRef, ...]
    notes: tuple[ExperimentNote, ...]
    diagnostics: tuple[Diagnostic, ...]


def experiment_lines(sessions: list[Session], defining: set[Source],
                     titles: dict[str, str | None] | None = None) -> ExperimentLines:
    """The runs every line asks for, the lines no experiment answers, and the problems found.

    `sessions` in chronological order; `defining`: the sources of lines that define a term;
    `titles`: each log's title line, by path.
    """
    refs, notes, diagnostics = [], [], []
    answers: dict[tuple, Answer] = {}  # lines repeat (a watchlist item, a plan): each read once
    for line, chapter in _lines_with_chapters(sessions, defining, titles or {}):
        learned = line.kind is SectionKind.LEARNED
        key = (line.text, chapter, line.attached, learned)
        found = answers.get(key)
        if found is None:
            found = answers[key] = answer(line.text, chapter, line.attached, learned)
        for run in found.runs:
            refs.append(ExperimentRef(run.experiment, run.run_id, run.params, line.source, line.session,
                                      planned=line.planned))
        for problem in found.problems:
            diagnostics.append(warning(line.source.path, line.source.line, problem))
        if found.unanswered:
            message = f"no experiment reproduces this yet ({found.unanswered})"
            notes.append(ExperimentNote(line.source, line.session, message))
            diagnostics.append(info(line.source.path, line.source.line, f"looks like an experiment, but {message}"))
    return ExperimentLines(tuple(refs), tuple(notes), tuple(diagnostics))


def _lines_with_chapters(sessions: list[Session], defining: set[Source],
                         titles: dict[str, str | None]) -> Iterator[tuple[_Asking, int | None]]:
    studied: dict[str, int | None] = {}  # log path -> the chapter its latest session studied last
    for session in sessions:
        path = session.source.path
        lines = [line for line in _asking_lines(session) if line.kind is not SectionKind.WATCHLIST]
        before = studied[path] if path in studied else _title_chapter(titles.get(path))
        chapter = _opening_chapter(session, lines, before)
        for line in lines:
            about = () if line.planned else chapters_studied(line.text)
            if about:
                chapter = about[-1]
            if line.source not in defining and (not line.row or says_run(line.text.lower())):
                yield line, chapter
        studied[path] = chapter


def _title_chapter(title: str | None) -> int | None:
    """The first chapter a log's title names ("# ch8 attention", "# 第7章 学習ノート"): where its first session starts."""
    about = chapters_studied(title) if title else ()
    return about[0] if about else None


def _opening_chapter(session: Session, lines: list[_Asking], before: int | None) -> int | None:
    """The chapter the header names, else the one the log's previous session studied last,
    else the first one a line of the session (not of its resume point) is about."""
    header = chapters_studied(session.header)
    if header:
        return header[-1]
    if before is not None:
        return before
    about = (chapters_studied(line.text) for line in lines if not line.planned)
    return next((chapters[0] for chapters in about if chapters), None)


def _asking_lines(session: Session) -> Iterator[_Asking]:
    """Every line of a session that may ask for a run, in order; Q/A lines ask for none.
    A table or code block right after a line is attached to it."""
    pending: _Asking | None = None
    for block in session.blocks:
        if isinstance(block, (Table, CodeBlock)):
            if pending is not None:
                pending = _attach(pending, block)
            elif isinstance(block, Table):
                yield from _rows(block, session.id)
            continue
        if pending is not None:
            yield pending
        pending = None
        for line in _lines_of(block, session.id):
            if pending is not None:
                yield pending
            pending = line
    if pending is not None:
        yield pending


def _lines_of(block, session: SessionId) -> Iterator[_Asking]:
    if isinstance(block, Section):
        yield _Asking(block.name, block.source, session, block.kind, ())
        for item in block.items:
            yield _Asking(item.text, item.source, session, block.kind, ())
    elif isinstance(block, Field):
        yield _Asking(f"{block.name}: {block.value}", block.source, session, None, ())
    elif isinstance(block, Note):
        yield _Asking(block.text, block.source, session, None, ())
    elif not isinstance(block, QA):
        return


def _rows(table: Table, session: SessionId) -> Iterator[_Asking]:
    """The rows of a table that follows no line, each a line of its own: "8.3 | ran ``ch08/train.py``"."""
    for offset, row in enumerate(table.lines):
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if any(cell.strip("-: ") for cell in cells):  # not the delimiter row
            source = Source(table.source.path, table.source.line + offset)
            yield _Asking(" | ".join(cells), source, session, None, (), row=True)


def _attach(line: _Asking, block: Table | CodeBlock) -> _Asking:
    return _Asking(line.text, line.source, line.session, line.kind, line.attached + tuple(block.lines))
