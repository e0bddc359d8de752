"""Which log lines ask for which experiment runs (part of the link stage).

The chapter a line is in comes from the log: a line that names chapters ("Ch02",
"chapter 4", ``ch04/train.py``) is about those, and the last one it names holds for
the lines after it; a line before the session's first such line is in the chapter the
session first names, else the one the previous session of the log ended in. Each line
with that chapter (and the settings table or code block right after it) is handed to
``experiments.answers.answer``; Q/A lines and lines that define a term ask for nothing.

A line that looks like an experiment but that no experiment answers is reported
(``make check``) and marked on its session page; a run that cannot take the values
the log states is reported on its line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.answers import Answer, answer, chapters_named

from .diagnostics import Diagnostic, info, warning
from .model import (QA, CodeBlock, ExperimentNote, ExperimentRef, Field, Note, Section, SectionKind, Session,
                    SessionId, Source, Table)


@dataclass(frozen=True)
class _Asking:
    """A line that may ask for a run, with what it needs to be answered."""

    text: str
    source: Source
    session: SessionId
    planned: bool  # in the resume point: a run for next time
    attached: tuple[str, ...]  # the settings table or code block right after it


@dataclass(frozen=True)
class ExperimentLines:
    refs: tuple[ExperimentRef, ...]
    notes: tuple[ExperimentNote, ...]
    diagnostics: tuple[Diagnostic, ...]


def experiment_lines(sessions: list[Session], defining: set[Source]) -> ExperimentLines:
    """The runs every line asks for, the lines no experiment answers, and the problems found.

    `sessions` in chronological order; `defining`: the sources of lines that define a term.
    """
    refs, notes, diagnostics = [], [], []
    answers: dict[tuple, Answer] = {}  # lines repeat (a watchlist item, a plan): each read once
    for line, chapter in _lines_with_chapters(sessions, defining):
        key = (line.text, chapter, line.attached)
        found = answers.get(key)
        if found is None:
            found = answers[key] = answer(line.text, chapter, line.attached)
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


def _lines_with_chapters(sessions: list[Session], defining: set[Source]) -> Iterator[tuple[_Asking, int | None]]:
    ended_in: dict[str, int | None] = {}  # log path -> the chapter its latest session ended in
    for session in sessions:
        lines = list(_asking_lines(session))
        named = [chapters_named(line.text) for line in lines]
        first = next((chapters[0] for chapters in named if chapters), None)
        chapter = first if first is not None else ended_in.get(session.source.path)
        for line, chapters in zip(lines, named):
            if chapters:
                chapter = chapters[-1]
            if line.source not in defining:
                yield line, chapter
        ended_in[session.source.path] = chapter


def _asking_lines(session: Session) -> Iterator[_Asking]:
    """Every line of a session that may ask for a run, in order; Q/A lines ask for none.
    A table or code block right after a line is attached to it."""
    pending: _Asking | None = None
    for block in session.blocks:
        if isinstance(block, (Table, CodeBlock)):
            if pending is not None:
                pending = _attach(pending, block)
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
        planned = block.kind is SectionKind.RESUME
        yield _Asking(block.name, block.source, session, planned, ())
        for item in block.items:
            yield _Asking(item.text, item.source, session, planned, ())
    elif isinstance(block, Field):
        yield _Asking(f"{block.name}: {block.value}", block.source, session, False, ())
    elif isinstance(block, Note):
        yield _Asking(block.text, block.source, session, False, ())
    elif not isinstance(block, QA):
        return


def _attach(line: _Asking, block: Table | CodeBlock) -> _Asking:
    return _Asking(line.text, line.source, line.session, line.planned, line.attached + tuple(block.lines))
