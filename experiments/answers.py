"""Which runs a log line asks for: the one question the site generator asks the experiments.

``answer(line, chapter)`` takes a line's raw Markdown and the chapter the log is in
there, and returns the runs it asks for (with the values it states), why any of them
cannot run, and, when no experiment answers a line that looks like one, why it looks
like one. An experiment answers only lines of its own chapter, or lines that name its
chapter ("Ch01 ...", ``ch01/train.py``); with no chapter known, any experiment may.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from experiments import gallery
from experiments.catalog import EXPERIMENTS
from experiments.runs import Run, make_run, problems
from experiments.spec import Spec
from experiments.values import read_values

# No \b in front: Python's regex engine then looks for the pattern by its first letters,
# several times faster; a match inside a word ("each 1") is dropped after.
_CHAPTER = re.compile(r"ch(?:apters?)?[ .]?0?(\d{1,2})(?=\b|_|/)")

# What makes a line look like an experiment when none answers it: (pattern, why, needs a number).
_LOOKS_LIKE = (
    (re.compile(r"\b(ptb|penn treebank|mnist|cifar-?10|imagenet|wikitext)\b"), "works on the {} data set", False),
    (re.compile(r"\b(perplexity|ppl|accuracy|loss|bleu)\b\W{0,3}(?:of|is|was|at|to|~|≈|=|:)?\W{0,3}\d"),
     "reports a {} figure", False),
    (re.compile(r"\b(sweep)(?:s|ing)?\b"), "describes a sweep", True),
    (re.compile(r"\b(ran|re-?ran|executed|re-?trained|trained)\b"), "says something was run", False),
)


@dataclass(frozen=True)
class Answer:
    runs: tuple[Run, ...] = ()  # experiments first (by id), then the learner's scripts
    problems: tuple[str, ...] = ()  # "ch01-batch-sweep: cannot run: batch size 1000 > 300 training points"
    unanswered: str = ""  # why the line looks like an experiment that none answers ("" otherwise)


def chapters_named(text: str) -> tuple[int, ...]:
    """The chapters a line names, in order: "Ch02", "chapter 4", a path like ``ch04/train.py``."""
    lowered = text.lower()
    if "ch" not in lowered:
        return ()
    found = (int(m.group(1)) for m in _CHAPTER.finditer(lowered) if not _in_word(lowered, m.start()))
    return tuple(dict.fromkeys(number for number in found if number > 0))


def _in_word(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")


def answer(line: str, chapter: int | None, attached: Sequence[str] = ()) -> Answer:
    """The runs `line` asks for, given the `chapter` the log is in there.

    `attached`: the lines of a settings table or code block right after the line,
    which may state the values.
    """
    lowered = line.lower()
    if _ANY.search(lowered) is None:
        return Answer()  # most lines name no experiment: one search for all of them
    named = chapters_named(line)
    runs = [make_run(spec.id, **read_values(spec, line, attached))
            for spec in _specs_for(named, chapter) if _answers(spec).search(lowered)]
    found = [f"{run.experiment}: cannot run: {problem}" for run in runs for problem in problems(run)]
    runs += _script_runs(line, named, chapter)
    unanswered = "" if any(run.experiment != gallery.SPEC.id for run in runs) else _looks_like(line, lowered)
    return Answer(tuple(runs), tuple(found), unanswered)


def _specs_for(named: tuple[int, ...], chapter: int | None) -> list[Spec]:
    if named:
        return [spec for spec in EXPERIMENTS.values() if spec.chapter in named]
    return [spec for spec in EXPERIMENTS.values() if spec.answers and chapter in (None, spec.chapter)]


def _script_runs(line: str, named: tuple[int, ...], chapter: int | None) -> list[Run]:
    runs = []
    for script in gallery.scripts_run(line):
        script_chapter = gallery.chapter_of_script(script) or (named[0] if len(named) == 1 else chapter) or 0
        runs.append(make_run(gallery.SPEC.id, chapter=script_chapter, script=script))
    return runs


def _looks_like(line: str, lowered: str) -> str:
    scripts = gallery.scripts_run(line)
    if scripts:
        return f"it runs {', '.join(scripts)}"
    for pattern, why, needs_number in _LOOKS_LIKE:
        match = pattern.search(lowered)
        if match and (not needs_number or any(ch.isdigit() for ch in lowered)):
            written = line[match.start(1): match.end(1)] if len(line) == len(lowered) else match.group(1)
            return f"it {why.format(written)}"
    return ""


@lru_cache(maxsize=None)
def _answers(spec: Spec) -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern})" for pattern in spec.answers) or r"(?!)")


def _any_pattern(patterns: list[str]) -> re.Pattern:
    """One search that every line any pattern matches passes (and a few more): the patterns
    without a leading \b, which Python's regex engine then finds by their first letters,
    three times faster on a long log."""
    return re.compile("|".join(f"(?:{p.removeprefix(chr(92) + 'b')})" for p in patterns))


_ANY = _any_pattern([pattern for spec in EXPERIMENTS.values() for pattern in spec.answers]
                    + [r"\.py\b"] + [pattern.pattern for pattern, _, _ in _LOOKS_LIKE])
