"""Which log lines ask for which experiment runs (part of the link stage).

The chapter a line is in comes from the log. A session starts in the chapter its header
names ("## Session 14 — Ch.4 word2vec"), else in the one the log's previous session
studied last (for the first session: the first one the log's title names, "# ch8
attention"), else (nothing earlier being known) in the first one a line of it is about.
A line about chapters ("Ch02", "chapter 4", ``ch04/train.py``, "6장"), a table's row among
them, is in those, and the last one holds for the lines after it. What comes next does not move the chapter: a
line of the resume point, and a chapter named as what comes later ("then ch.5", "a
preview of ch.5"), leave the lines after them, and the next session, where they were.
Each line with its chapter (and the settings table or code block right after it, when it leads
into it) is handed to ``experiments.answers.answer``, and so is each command of a code block
that runs a script after any other line; Q/A lines, watchlist items, the lines of the
session's time log and lines that define a term ask for nothing, a line of what was learned asks only when it says
something was run or measured, and a row of a table that follows no line (a table of
topics, of results) asks only when it says something was run ("8.3 | ran
``ch08/train.py``, batch 128"): a row of results reports, it does not ask.

A line that changes a setting of the run a line before it in the session asked for ("changed
``lr=1.0`` → ppl nan", "tried ``hidden_size=50`` with everything else the same"), and each row
of a table of results right after the line that ran ("| ``lr=0.5`` | 100 | 3.9 |", read with
its column's heading), is handed that run: it asks for it with the settings it changes (see
``experiments.answers``). A line of a later session follows a run only when it says so: "with
the same settings as session 3" (the last run of the session whose header names it), "as
last time" (the last run of an earlier session). The run a line asks for on its own is the
one the lines after it follow; one a line asks for as a follow-up is not.

A line that looks like an experiment but that no experiment answers is reported
(``make check``) and marked on its session page; a run that cannot take the values
the log states is reported on its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.answers import Answer, answer, chapters_studied
from experiments.asking import says_run
from experiments.gallery import SPEC as SCRIPTS
from experiments.gallery import unavailable
from experiments.runs import Run

from .asking_lines import Asking, asking_lines
from .diagnostics import Diagnostic, info, warning
from .model import ExperimentNote, ExperimentRef, SectionKind, Session, SessionId, Source


@dataclass(frozen=True)
class ExperimentLines:
    refs: tuple[ExperimentRef, ...]
    notes: tuple[ExperimentNote, ...]
    diagnostics: tuple[Diagnostic, ...]


def experiment_lines(sessions: list[Session], defining: set[Source],
                     titles: dict[str, str | None] | None = None,
                     book_code: frozenset[str] = frozenset()) -> ExperimentLines:
    """The runs every line asks for, the lines no experiment answers, and the problems found.

    `sessions` in chronological order; `defining`: the sources of lines that define a term;
    `titles`: each log's title line, by path; `book_code`: the paths of the logs whose code is the
    book's repository (studykb.book_code), where a script an experiment reproduces is no learner's own.
    """
    refs, notes, diagnostics = [], [], []
    answers: dict[tuple, Answer] = {}  # lines repeat (a watchlist item, a plan): each read once
    bases: dict[SessionId, _Base] = {}  # the run each session's lines last asked for on their own
    logs = _Logs(sessions)
    for line, chapter in _lines_with_chapters(sessions, defining, titles or {}):
        _resume(bases, line, logs)
        following = _following(line, bases, logs)
        if line.under is not None and following is None:
            continue  # a row under a line that ran nothing: the line's values, read with it
        found = _answered(answers, line, chapter, following)
        if line.under is not None and not found.follows:
            continue
        for run in _runs(found, line.source.path in book_code):
            refs.append(ExperimentRef(run.experiment, run.run_id, run.params, line.source, line.session,
                                      planned=line.planned))
        for problem in found.problems:
            diagnostics.append(warning(line.source.path, line.source.line, problem))
        if found.unanswered and not (line.heading and len(line.text.split()) == 1):  # a part named "Ran"
            message = f"no experiment reproduces this yet ({found.unanswered})"
            if not found.runs:  # a line that runs a learner's script has that run: no mark on its page
                notes.append(ExperimentNote(line.source, line.session, message))
            diagnostics.append(info(line.source.path, line.source.line, f"looks like an experiment, but {message}"))
        _carry(bases, line, found)
    return ExperimentLines(tuple(refs), tuple(notes), tuple(diagnostics))


def _runs(found: Answer, book_code: bool) -> tuple[Run, ...]:
    """The runs a line asks for; in a log whose code is the book's, a script that an experiment
    reproduces is that experiment's run, not also a run of the learner's own script."""
    if book_code and any(run.experiment != SCRIPTS.id for run in found.runs):
        return tuple(run for run in found.runs if run.experiment != SCRIPTS.id)
    return found.runs


def scripts_not_run(refs: tuple[ExperimentRef, ...], scripts_root: Path | None) -> list[Diagnostic]:
    """What ``make check`` says of the learner's own scripts the logs run that are not run here:
    once, without a repository to run them from; else each script not in it, at its line."""
    asked = [ref for ref in refs if ref.experiment == SCRIPTS.id]
    if not asked:
        return []
    if scripts_root is None:
        named = ", ".join(_scripts_named(asked))
        first = min((ref.source for ref in asked), key=lambda source: (source.path, source.line))
        count = len({ref.source for ref in asked})
        lines = "1 line runs" if count == 1 else f"{count} lines run"
        return [info(first.path, first.line, f"{lines} the learner's own scripts ({named}), not run here: set "
                     "extra.studykb.experiments.scripts_root in mkdocs.yml to the repository that holds them")]
    missing = ((ref, unavailable(dict(ref.params), scripts_root)) for ref in asked)
    return [info(ref.source.path, ref.source.line, f"not run: {why}") for ref, why in missing if why]


def _scripts_named(asked: list[ExperimentRef]) -> list[str]:
    """The scripts as the log names them, each once: not ``train.py`` in chapter 4 when ``ch04/train.py`` is."""
    runs: dict[str, set[str]] = {}  # each name, and the runs it names
    for ref in asked:
        runs.setdefault(str(dict(ref.params)["script"]), set()).add(ref.run_id)
    foldered = {run for script, named in runs.items() if "/" in script for run in named}
    return [script for script, named in runs.items() if "/" in script or not named <= foldered]


def _answered(answers: dict[tuple, Answer], line: Asking, chapter: int | None, following: Run | None) -> Answer:
    learned = line.kind is SectionKind.LEARNED
    key = (line.text, chapter, line.attached, learned, following)
    found = answers.get(key)
    if found is None:
        found = answers[key] = answer(line.text, chapter, line.attached, learned, following)
    return found


class _Base(NamedTuple):
    """The run a line asked for on its own, which the lines after it may change a setting of."""

    run: Run
    source: Source


def _carry(bases: dict[SessionId, _Base], line: Asking, found: Answer) -> None:
    """The run the line asked for on its own is the one the session's next lines follow; after a
    line that asked for two experiments, which one a change is of is not known."""
    if found.follows:
        return
    runs = [run for run in found.runs if run.experiment != SCRIPTS.id]
    if len(runs) == 1:
        bases[line.session] = _Base(runs[0], line.source)
    elif runs:
        bases.pop(line.session, None)


# A line that says the training left going finished: "training finished (Fri night → Sat noon)",
# "the run completed overnight", "학습 끝남", "学習が終わった", "训练完成了".
_FINISHED = re.compile(
    r"\b(?:training|the run|the training run)\s+(?:has\s+|had\s+)?(?:finished|completed|ended|(?:is|was) done)\b"
    r"|\bfinished training\b|(?:학습|훈련)(?:이|은)?\s*(?:다\s*)?(?:끝|완료)|(?:学習|訓練)が?(?:終わ|完了)"
    r"|训练(?:已经?)?(?:完成|结束|跑完)", re.IGNORECASE)


def _resume(bases: dict[SessionId, _Base], line: Asking, logs: _Logs) -> None:
    """A line that says the training finished, before its session asked for a run, is about the run the
    session before left going: the next lines ("result: final loss 1.96") follow it."""
    if line.session in bases or not _FINISHED.search(line.text):
        return
    previous = logs.earlier(line.session)[:1]
    if previous and previous[0].id in bases:
        bases[line.session] = bases[previous[0].id]


class _Logs:
    """Each log's sessions in order, to find the session a line refers back to."""

    def __init__(self, sessions: list[Session]):
        self.sessions: dict[str, list[Session]] = {}
        self.position: dict[SessionId, tuple[str, int]] = {}
        for session in sessions:
            listed = self.sessions.setdefault(session.source.path, [])
            self.position[session.id] = (session.source.path, len(listed))
            listed.append(session)

    def earlier(self, session: SessionId) -> list[Session]:
        """The sessions of its log before `session`, the latest first."""
        path, index = self.position[session]
        return self.sessions[path][index - 1::-1] if index else []

    def numbered(self, session: SessionId, header: re.Pattern) -> bool:
        """Whether any session header of `session`'s log says ``header`` ("Session 3")."""
        return any(header.search(other.header) for other in self.sessions[self.position[session][0]])

    def counted(self, session: SessionId, number: int) -> list[Session]:
        """The `number`-th session of `session`'s log, counted from 1, if it comes before `session`."""
        path, index = self.position[session]
        return [self.sessions[path][number - 1]] if 1 <= number <= index else []


# A line that says it follows a run of an earlier session: "(with the same settings as session 3",
# "as in Day 12", "as last time", "3회차와 같은 설정", "지난번 설정 그대로", "第3回と同じ", "前回と同じ設定".
_REFERS_BACK = re.compile(
    r"\b(?:as|like)\s+(?:in\s+)?(?:the\s+)?(?:(?P<word>session|day|lesson|class|sitting|week)\s*#?(?P<number>\d+)\b"
    r"|(?:last|previous)\s+(?:time|session|run)\b|before\b|yesterday\b)"
    r"|(?P<ko>\d+)\s*회차|세션\s*(?P<ko_session>\d+)|지난\s*(?:번|시간|세션)|저번|어제"
    r"|第\s*(?P<ja>\d+)\s*回|前回|昨日", re.IGNORECASE)


_DIGIT = re.compile(r"\d")  # a session referred to by number: "as session 3"


def _may_refer_back(text: str, unfollowed: bool) -> bool:
    """A quick look first: most lines have no "as"/"like" nor a letter outside ASCII, and a line
    that may follow a run of its session looks further back only by a session's number."""
    return (unfollowed or _DIGIT.search(text) is not None) and (
        "as " in text or "like " in text or "As " in text or not text.isascii())


def _following(line: Asking, bases: dict[SessionId, _Base], logs: _Logs) -> Run | None:
    """The run `line` may change a setting of: for a row under a line, that line's; else the one
    an earlier session asked for when the line refers back to it, else the session's last."""
    base = bases.get(line.session)
    if line.under is not None:
        return base.run if base is not None and base.source == line.under else None
    refers = _REFERS_BACK.search(line.text) if _may_refer_back(line.text, base is None) else None
    if refers is None or base is not None and not _numbered(refers):
        return base.run if base is not None else None
    header = _numbered(refers)
    earlier = logs.earlier(line.session)
    if header is not None and not logs.numbered(line.session, header):
        # No header of the log numbers its sessions so: "as session 3" is its third.
        earlier, header = logs.counted(line.session, _count(refers)), None
    for session in earlier:
        if session.id in bases and (header is None or header.search(session.header)):
            return bases[session.id].run
    return base.run if base is not None else None


def _numbered(refers: re.Match) -> re.Pattern | None:
    """What the header of a session a line refers to by number says ("Session 3", "3회차", "第3回")."""
    if refers.group("number"):
        return re.compile(rf"\b{refers.group('word')}\s*#?0*{refers.group('number')}\b", re.IGNORECASE)
    if refers.group("ko") or refers.group("ko_session"):
        number = refers.group("ko") or refers.group("ko_session")
        return re.compile(rf"(?<!\d)0*{number}\s*회차|세션\s*0*{number}(?!\d)")
    if refers.group("ja"):
        return re.compile(rf"第\s*0*{refers.group('ja')}\s*回")
    return None


def _count(refers: re.Match) -> int:
    """The number of the session a line refers to by number; 0 for a day or a week ("as in
    Day 12" counts days, not sessions)."""
    if refers.group("number"):
        return 0 if refers.group("word").lower() in ("day", "week") else int(refers.group("number"))
    return int(refers.group("ko") or refers.group("ko_session") or refers.group("ja"))


def _lines_with_chapters(sessions: list[Session], defining: set[Source],
                         titles: dict[str, str | None]) -> Iterator[tuple[Asking, int | None]]:
    studied: dict[str, int | None] = {}  # log path -> the chapter its latest session studied last
    for session in sessions:
        path = session.source.path
        timed = _time_log_sources(session)  # "Duration ~102 min (training ran ~60 min)" says how long
        lines = [line for line in asking_lines(session)
                 if line.kind is not SectionKind.WATCHLIST and line.source not in timed]
        before = studied[path] if path in studied else _title_chapter(titles.get(path))
        chapter = _opening_chapter(session, lines, before)
        for line in lines:
            about = () if line.planned or line.under else chapters_studied(line.text)
            if about:
                chapter = about[-1]
            if line.source not in defining and (not line.row or says_run(line.text.lower())):
                yield line, chapter
        studied[path] = chapter


def _title_chapter(title: str | None) -> int | None:
    """The first chapter a log's title names ("# ch8 attention", "# 第7章 学習ノート"): where its first session starts."""
    about = chapters_studied(title) if title else ()
    return about[0] if about else None


def _opening_chapter(session: Session, lines: list[Asking], before: int | None) -> int | None:
    """The chapter the header names, else the one the log's previous session studied last,
    else the first one a line of the session (not of its resume point) is about."""
    header = chapters_studied(session.header)
    if header:
        return header[-1]
    if before is not None:
        return before
    about = (chapters_studied(line.text) for line in lines if not line.planned and not line.under)
    return next((chapters[0] for chapters in about if chapters), None)


def _time_log_sources(session: Session) -> frozenset[Source]:
    """The lines the session's time log is read from: they say how long it took, not what ran."""
    if session.timelog is None:
        return frozenset()
    return frozenset((session.timelog.source, *session.timelog.sources))
