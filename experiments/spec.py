"""What an experiment file declares about itself (its ``SPEC``), as plain data.

Every experiment is one module under ``experiments/book/`` that starts with a ``SPEC``
and defines ``run(params, progress) -> Result``. The spec says which chapter the
experiment belongs to, which log lines ask for it, which parameters it takes (type,
bounds, default, and the words a log uses for each), the concepts it illustrates and
the columns of its result table. Nothing here imports NumPy: the site generator reads
every spec to answer log lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

ParamValue = int | float | str | tuple


@dataclass(frozen=True)
class Param:
    """One parameter: its type, default, bounds, and how a log and a run id name it.

    ``words`` are the names a log may use in text ("learning rate", "lr"); the first
    one names the parameter in messages. A value outside ``minimum``..``maximum`` (each
    value, for a list) makes the run one that cannot run; ``limit`` says what the
    maximum is ("training points" gives "batch size 1000 > 300 training points").
    """

    name: str
    kind: type  # int, float or str: of the value, or of each value of a list
    default: ParamValue
    label: str  # short name in run ids ("lr", "batch")
    help: str
    words: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    limit: str = ""
    many: bool = False  # a list of values, kept sorted and without repeats
    max_values: int = 20
    choices: tuple[str, ...] = ()  # the values a string may take (any, if empty)

    @property
    def spoken(self) -> str:
        """How a message names it: "batch size"."""
        return self.words[0] if self.words else self.name.replace("_", " ")


def integer(name: str, default: int, label: str, help: str, minimum: int, maximum: int, **more) -> Param:
    return Param(name, int, default, label, help, minimum=minimum, maximum=maximum, **more)


def number(name: str, default: float, label: str, help: str, minimum: float, maximum: float, **more) -> Param:
    return Param(name, float, default, label, help, minimum=minimum, maximum=maximum, **more)


def integers(name: str, default: tuple[int, ...], label: str, help: str, minimum: int, maximum: int, **more) -> Param:
    return Param(name, int, default, label, help, minimum=minimum, maximum=maximum, many=True, **more)


def numbers(name: str, default: tuple[float, ...], label: str, help: str, minimum: float, maximum: float,
            **more) -> Param:
    return Param(name, float, default, label, help, minimum=minimum, maximum=maximum, many=True, **more)


def text(name: str, default: str, label: str, help: str, **more) -> Param:
    return Param(name, str, default, label, help, **more)


@dataclass(frozen=True)
class Column:
    """One column of an experiment's result table.

    ``format``: "value" as written, "spread" a mean ± std, "percent" a mean ± std of a
    share shown in per cent.
    """

    key: str
    heading: str
    format: str = "value"


@dataclass(frozen=True)
class Tolerance:
    """How far a re-run's numbers may differ from the stored ones and still count as them.

    Training in single precision on another CPU (another BLAS kernel) moves the last
    digits; within these bounds the stored files are kept as they are.
    """

    relative: float = 2e-3
    absolute: float = 1e-4

    def agree(self, a: float, b: float) -> bool:
        return abs(a - b) <= max(self.absolute, self.relative * max(abs(a), abs(b)))


@dataclass(frozen=True)
class Spec:
    """Everything the rest of the project knows about an experiment without running it.

    ``answers``: lower-case regexes searched in the lower-cased log line; a line of the
    experiment's chapter (or one that names the chapter) matching any asks for a run.
    ``list_param``: the parameter a bare list of numbers on the line fills.
    ``constraints``: limits between parameters, as messages for a given set of values.
    ``reports``: the metrics a run reports besides its table's columns (in its headline and
    figures), by the words of experiments.asking.METRICS: ``("loss",)``.
    """

    id: str
    chapter: int
    title: str
    summary: str
    answers: tuple[str, ...]
    params: tuple[Param, ...]
    concepts: tuple[str, ...]  # canonical lower-case concept names
    columns: tuple[Column, ...]
    list_param: str | None = None
    reports: tuple[str, ...] = ()
    tolerance: Tolerance = Tolerance()
    constraints: Callable[[Mapping], Iterable[str]] | None = field(default=None, compare=False)
    run_name: Callable[[Mapping], str] | None = field(default=None, compare=False)  # else made from the values
    module: str = ""  # the module that declares it (filled in when discovered)

    @property
    def defaults(self) -> dict[str, ParamValue]:
        return {param.name: param.default for param in self.params}

    def param(self, name: str) -> Param:
        return next(param for param in self.params if param.name == name)
