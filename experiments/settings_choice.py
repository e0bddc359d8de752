"""Which experiment a line's settings name when no word of the line does: a script run with
settings ("Ran ch06/train.py" and a table of seven settings) is the experiment of the chapter that
takes the most of them, and a run over two values or more of a setting ("ran batch sizes 10, 30
and 100") the chapter's sweep of it (experiments.answers)."""

from __future__ import annotations

from typing import Sequence

from experiments.catalog import EXPERIMENTS
from experiments.spec import Spec
from experiments.values import read_values

_IDENTIFYING = 3  # settings that name an experiment when no word of the line does
_SWEEPING_CHAPTERS = frozenset(spec.chapter for spec in EXPERIMENTS.values() if spec.list_param)  # made once


def by_settings(line: str, attached: Sequence[str], named: tuple[int, ...],
                chapter: int | None) -> list[tuple[Spec, dict]]:
    """A script run with settings no experiment's words answer ("Ran ch06/train.py" and a
    table of seven settings): the experiment of the chapter that takes the most of them
    (at least _IDENTIFYING). A sweep takes them only with two values or more of what it
    sweeps: one value of each setting is one run, not a sweep."""
    read = [(spec, read_values(spec, line, attached, bare_lists=False)) for spec in of_chapters(named, chapter)]
    return _most_settings([(spec, values) for spec, values in read if _sweeps_if_a_sweep(spec, values)],
                          _IDENTIFYING)


def swept(line: str, attached: Sequence[str], named: tuple[int, ...], chapter: int | None) -> list[tuple[Spec, dict]]:
    """A run over two values or more of a setting that no experiment's words answer ("배치 크기
    32, 64, 128로 바꿔가며 학습했더니", "ran batch sizes 10, 30 and 100"): the sweep of the
    chapter over that setting."""
    read = [(spec, read_values(spec, line, attached, bare_lists=False)) for spec in of_chapters(named, chapter)
            if spec.list_param]
    return _most_settings([(spec, values) for spec, values in read if len(values.get(spec.list_param, ())) >= 2], 1)


def may_sweep(named: tuple[int, ...], chapter: int | None) -> bool:
    return any(number in _SWEEPING_CHAPTERS for number in (named or (chapter,)))


def _sweeps_if_a_sweep(spec: Spec, values: dict) -> bool:
    return spec.list_param is None or len(values.get(spec.list_param, ())) >= 2


def _most_settings(read: list[tuple[Spec, dict]], least: int) -> list[tuple[Spec, dict]]:
    """The experiment that takes the most of the settings stated (at least `least`), then the
    one whose parameters they state the most of (the plainest: a run of the book's script
    with its three settings is the baseline, not the validation split); none if still several."""
    read = [(spec, values) for spec, values in read if len(values) >= least]
    if not read:
        return []
    best = max(_coverage(spec, values) for spec, values in read)
    found = [(spec, values) for spec, values in read if _coverage(spec, values) == best]
    return found if len(found) == 1 else []


def _coverage(spec: Spec, values: dict) -> tuple[int, float]:
    return len(values), len(values) / len(spec.params)


def of_chapters(named: tuple[int, ...], chapter: int | None) -> list[Spec]:
    chapters = named or ((chapter,) if chapter is not None else ())
    return [spec for spec in EXPERIMENTS.values() if spec.chapter in chapters]
