"""Models the book's code of a chapter can train that the chapter's experiment does not: the book's
``ch04/train.py`` trains skip-gram when its model line is swapped, while ch04-word2vec trains CBOW
only. A line that runs one ("try skip-gram in ``ch04/train.py``", "스킵그램으로 바꿔서 학습")
asks for something no run of the experiment reproduces (experiments.answers)."""

from __future__ import annotations

import re

from experiments import asking
from typing import Iterable

from experiments.spec import Spec

_NOT_TRAINED = {
    "ch04-word2vec": (r"\bskip[- _]?grams?\b", r"스킵\s?그램", r"スキップ\s?グラム", r"跳字模型"),
}
_SEARCHES = {experiment: re.compile("|".join(words)) for experiment, words in _NOT_TRAINED.items()}


def untrained_named(spec: Spec, line: str, lowered: str) -> str:
    """The model the line runs that `spec` does not train, as the line writes it ("" if none); a
    model named only as what the line compares with ("CBOW instead of skip-gram") is not run."""
    search = _SEARCHES.get(spec.id)
    match = search.search(lowered) if search else None
    if match is None or asking.compared_only(lowered, search):
        return ""
    return line[match.start(): match.end()] if len(line) == len(lowered) else match.group(0)


def untrained_reason(specs: Iterable[Spec], line: str, lowered: str) -> str:
    """Why a line that runs a model its chapter's experiment does not train ("try skip-gram in
    ``ch04/train.py``") looks like an experiment: it runs that model."""
    if not asking.says_run(lowered):
        return ""
    for spec in specs:
        model = untrained_named(spec, line, lowered)
        if model:
            return f"it runs {model}, which {spec.id} does not train"
    return ""
