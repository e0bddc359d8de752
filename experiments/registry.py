"""What experiments exist, which log lines they answer to, and where their results live.

This is the whole API the site generator uses. It must stay importable without NumPy
or matplotlib (directly or through another module), so that building the site and a
no-op `make experiments` stay fast.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from experiments import logline

ParamValue = int | float | tuple[int, ...] | tuple[float, ...]


@dataclass(frozen=True)
class Param:
    """One parameter of an experiment: its default, its short name in run ids, and its bounds.

    A value a log states outside ``minimum``..``maximum`` (each value, for a list) is not
    used: it would make a run `make experiments` never finishes, or one that fails.
    """

    name: str
    default: ParamValue
    label: str
    help: str
    minimum: float
    maximum: float


@dataclass(frozen=True)
class Experiment:
    id: str
    title: str
    summary: str
    phrases: tuple[str, ...]  # case-insensitive regexes searched in a log line
    # Lower-case words a line must contain for any phrase to match: one `in` test
    # each spares most lines the regex search (tests check every phrase has one).
    cues: tuple[str, ...]
    concepts: tuple[str, ...]  # canonical lowercase concept names
    module: str  # defines `run(params, progress) -> Result`
    params: tuple[Param, ...]
    list_param: str | None = None  # filled from the line's first bare number list

    @property
    def defaults(self) -> dict[str, ParamValue]:
        return {param.name: param.default for param in self.params}

    def param(self, name: str) -> Param:
        return next(param for param in self.params if param.name == name)

    def matches(self, text: str, lowered: str | None = None) -> bool:
        """Whether a log line refers to this experiment (``lowered``: the line in lower case, if at hand)."""
        return (_names_cue(text.lower() if lowered is None else lowered, self.cues)
                and _phrase_pattern(self.phrases).search(text) is not None)


def _names_cue(lowered: str, cues: tuple[str, ...]) -> bool:
    """Whether the lowered line names any of the cue words; most lines do not, and stop here.
    (Plain `in` tests on the lowered line: several times faster than a case-blind regex.)"""
    for cue in cues:
        if cue in lowered:
            return True
    return False


@lru_cache(maxsize=None)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """One compiled alternation per experiment: every log line is tested against it."""
    return re.compile("|".join(f"(?:{phrase})" for phrase in phrases), re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    """One experiment with all its parameters (defaults merged), sorted by name."""

    experiment: str
    params: tuple[tuple[str, object], ...]

    @property
    def run_id(self) -> str:
        """Readable, path-safe id: the list parameter plus whatever differs from defaults."""
        experiment = EXPERIMENTS[self.experiment]
        values = self.params_dict()
        parts = [
            "-".join([param.label, *_format_values(values[param.name])])
            for param in experiment.params
            if param.name == experiment.list_param or values[param.name] != param.default
        ]
        return "_".join(parts) or "default"

    def params_dict(self) -> dict:
        return dict(self.params)


def make_run(experiment_id: str, **overrides: ParamValue) -> Run:
    """The run of `experiment_id` with `overrides` applied on top of its defaults."""
    experiment = EXPERIMENTS[experiment_id]
    unknown = set(overrides) - set(experiment.defaults)
    if unknown:
        raise KeyError(f"{experiment_id} has no parameter {sorted(unknown)}")
    params = {**experiment.defaults, **overrides}
    return Run(experiment_id, tuple(sorted(params.items())))


@dataclass(frozen=True)
class LineRuns:
    """The runs one log line refers to, and why a value it states was not used (if so)."""

    runs: tuple[Run, ...] = ()
    problems: tuple[str, ...] = ()


def find_runs(text: str) -> list[Run]:
    """The runs one log line's raw Markdown refers to, ordered by experiment id."""
    return list(read_line(text).runs)


def read_line(text: str) -> LineRuns:
    """The runs one log line's raw Markdown refers to, ordered by experiment id, and the
    values it states that were left out (out of bounds, or of the wrong kind)."""
    lowered = text.lower()
    if not _names_cue(lowered, ALL_CUES):
        return LineRuns()  # most lines name no experiment: one cheap test for all of them
    runs, problems = [], []
    for experiment in EXPERIMENTS.values():
        if experiment.matches(text, lowered):  # the line lowered once for all of them
            params, left_out = _params_from_line(experiment, text)
            runs.append(make_run(experiment.id, **params))
            problems += left_out
    return LineRuns(tuple(runs), tuple(problems))


def results_dir(run: Run, root: Path) -> Path:
    return Path(root) / "experiments" / "results" / run.experiment / run.run_id


def load_results(run: Run, root: Path) -> dict | None:
    """The run's parsed metrics.json, or None when it is missing or unreadable."""
    try:
        metrics = json.loads((results_dir(run, root) / "metrics.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return metrics if isinstance(metrics, dict) else None


def _params_from_line(experiment: Experiment, text: str) -> tuple[dict[str, ParamValue], list[str]]:
    """The parameters a line states, and a message for each value left out.

    A value of the wrong kind (say, `batch_sizes=2.5`) or out of bounds leaves the
    default in place rather than inventing a run the experiment cannot take.
    """
    found = {}
    numbers = logline.first_number_list(text) if experiment.list_param else None
    if numbers is not None:
        found[experiment.list_param] = numbers
    for name, raw in logline.assignments(text).items():
        numbers = logline.parse_numbers(raw)
        if name in experiment.defaults and numbers is not None:
            found[name] = numbers
    params, problems = {}, []
    for name, numbers in found.items():
        param = experiment.param(name)
        value, problem = _checked(param, numbers)
        if problem:
            problems.append(f"{experiment.id}: {name} {problem}; the default {name}={_shown(param.default)} is used")
        else:
            params[name] = value
    return params, problems


def _checked(param: Param, numbers: tuple) -> tuple[ParamValue | None, str]:
    """The value ``numbers`` give ``param``, or why they give none."""
    many = isinstance(param.default, tuple)
    problem = _count_problem(many, numbers) or _bounds_problem(param, numbers, many)
    if problem:
        return None, problem
    kind = type(param.default[0] if many else param.default)
    values = [_as_kind(kind, number) for number in numbers]
    if None in values:
        wrong = next(number for number, value in zip(numbers, values) if value is None)
        return None, f"{'value ' if many else ''}{_shown_number(wrong)} is not a whole number"
    # Sorted and de-duplicated, so `1, 0.1` and `0.1, 1.0` are the same run.
    return (tuple(sorted(set(values))) if many else values[0]), ""


def _count_problem(many: bool, numbers: tuple) -> str:
    if not many and len(numbers) != 1:
        return f"takes one number, not {len(numbers)}"
    if len(numbers) > MAX_LIST_VALUES:
        return f"has {len(numbers)} values (at most {MAX_LIST_VALUES})"
    return ""


def _bounds_problem(param: Param, numbers: tuple, many: bool) -> str:
    for number in numbers:
        if not param.minimum <= number <= param.maximum:
            bounds = f"{_shown(param.minimum)} to {_shown(param.maximum)}"
            return f"{'value ' if many else ''}{_shown_number(number)} is out of bounds ({bounds})"
    return ""


def _as_kind(kind: type, number: int | float) -> int | float | None:
    if kind is int:
        return int(number) if float(number).is_integer() else None
    return float(number)


def _shown(value: ParamValue) -> str:
    return ", ".join(_format_values(value))


def _shown_number(number: int | float) -> str:
    """A number as a message shows it; one too large to hold (say, 5,000 digits) as such."""
    if math.isfinite(number):
        return f"{number:.6g}"
    return ">1e308" if number > 0 else "<-1e308"


def _format_values(value: ParamValue) -> list[str]:
    values = value if isinstance(value, tuple) else (value,)
    return [f"{v:g}" if isinstance(v, float) else str(v) for v in values]


def _common(*names: str) -> tuple[Param, ...]:
    """The chapter-1 parameters named (all by default), with the book's values."""
    shared = {
        "lr": Param("lr", 1.0, "lr", "SGD learning rate", 0.0, MAX_LR),
        "batch_size": Param("batch_size", 30, "batch", "samples per update", 1, SPIRAL_POINTS),
        "hidden_size": Param("hidden_size", 10, "hidden", "units in the hidden layer", 1, 1000),
        "epochs": Param("epochs", 300, "epochs", "passes over the training points", 1, MAX_EPOCHS),
        "n_seeds": Param("n_seeds", 5, "seeds", "seeds 0..n-1; each draws data, init, shuffles", 1, 50),
    }
    return tuple(shared[name] for name in names or shared)


# The bounds keep a run within minutes: the book's runs take seconds at 300 epochs.
MAX_EPOCHS = 5000
MAX_LR = 100.0
MAX_LIST_VALUES = 20
# The training set: the spiral of experiments/data.py, 3 classes of 100 points (a test
# checks they agree). No batch may hold more points than there are.
SPIRAL_POINTS = 300
# The validation experiment holds out at most half of each class, so it trains on at
# least 150 points: its batch size is bounded by those.
MAX_VALIDATION_FRACTION = 0.5
VALIDATION_BATCH_MAX = 150

_SWEPT_LRS = Param("lrs", (0.01, 0.1, 1.0, 3.0, 10.0), "lr", "learning rates swept", 0.0, MAX_LR)
_SWEPT_BATCHES = Param("batch_sizes", (5, 10, 30, 100), "batch", "batch sizes swept", 1, SPIRAL_POINTS)
_SHARED_CORE = ("hidden_size", "epochs", "n_seeds")

_ALL = (
    Experiment(
        id="ch01-baseline",
        title="Ch01 baseline: two-layer net on spiral data",
        summary=(
            "Trains the book's two-layer network (Affine 2-10, Sigmoid, Affine 10-3, "
            "softmax with cross-entropy) on the 3-class spiral with plain SGD: learning "
            "rate 1.0, batch 30, 300 epochs. The loss curve shows the early fast descent, "
            "a plateau near 0.7 and the later diminishing returns; the decision boundary "
            "shows the three spiral arms separated. Every seed draws its own spiral noise, "
            "initial weights and shuffles, and the figures show mean and spread over seeds."
        ),
        phrases=(r"\bch0?1\b.*\bbaseline\b", r"\btrain_custom_loop\.py\b"),
        cues=("baseline", "train_custom_loop"),
        concepts=("epoch", "loss curve"),
        module="experiments.ch01_baseline",
        params=_common(),
    ),
    Experiment(
        id="ch01-batch-sweep",
        title="Ch01 batch-size sweep at a fixed number of epochs",
        summary=(
            "Trains the same network with several batch sizes for the same number of "
            "epochs at a fixed learning rate. Because updates per epoch = dataset size / "
            "batch size, smaller batches also make many more updates, so this sweep "
            "confounds batch size with the number of updates; the fixed-updates "
            "experiment separates the two."
        ),
        phrases=(r"\bbatch[- ](?:size[- ])?sweep",),
        cues=("sweep",),
        concepts=("batch size", "updates per epoch"),
        module="experiments.ch01_batch_sweep",
        params=(_SWEPT_BATCHES, *_common("lr", *_SHARED_CORE)),
        list_param="batch_sizes",
    ),
    Experiment(
        id="ch01-fixed-updates",
        title="Ch01 batch sizes compared fairly: fixed epochs vs fixed total updates",
        summary=(
            "Runs the batch sizes twice: once for a fixed number of epochs (so small "
            "batches make more updates) and once for a fixed total number of updates "
            "(default 3000 = batch 30 x 300 epochs), shown side by side. Only the second "
            "is a fair comparison of batch size itself."
        ),
        phrases=(
            r"fixed[- ]total[- ]updates?",
            r"fixed[- ](?:number[- ]of[- ])?updates?\b",
            r"(?:equal|same)[- ](?:number[- ]of[- ]|total[- ])?updates",
        ),
        cues=("update",),
        concepts=("batch size", "updates per epoch", "fair comparison"),
        module="experiments.ch01_fixed_updates",
        params=(
            _SWEPT_BATCHES,
            *_common("lr", *_SHARED_CORE),
            Param("updates", 3000, "updates", "total SGD updates per model (fair panel)", 1, 100_000),
        ),
        list_param="batch_sizes",
    ),
    Experiment(
        id="ch01-lr-sweep",
        title="Ch01 learning-rate sweep",
        summary=(
            "Trains the same network at several learning rates with everything else held "
            "fixed (batch 30, 300 epochs). Too small a rate barely moves the loss from "
            "ln 3 = 1.10; 0.1 stalls on the plateau near 0.7; larger rates learn the "
            "spiral, and the spread over seeds shows how much of each ranking is noise."
        ),
        phrases=(r"\b(?:lr|learning[- ]rate)[- ]sweep",),
        cues=("sweep",),
        concepts=("learning rate",),
        module="experiments.ch01_lr_sweep",
        params=(_SWEPT_LRS, *_common("batch_size", *_SHARED_CORE)),
        list_param="lrs",
    ),
    Experiment(
        id="ch01-validation",
        title="Ch01 training vs validation loss on a stratified hold-out split",
        summary=(
            "Holds out a stratified share of the spiral points (default 20 % of each "
            "class), trains on the rest with the baseline settings and records the loss "
            "on both sets after every epoch. Training loss alone cannot support a claim "
            "about generalization; the validation curve can."
        ),
        phrases=(
            r"\bvalidation[- ]split",
            r"\bhold[- ]?out[- ](?:split|set)",
            r"\btrain(?:ing)?[/ ]validation[- ]split",
        ),
        cues=("split", "hold"),
        concepts=("validation", "generalization", "training loss"),
        module="experiments.ch01_validation",
        params=(
            *_common("lr"),
            Param("batch_size", 30, "batch", "samples per update (at most the points trained on)",
                  1, VALIDATION_BATCH_MAX),
            *_common(*_SHARED_CORE),
            Param("validation_fraction", 0.2, "val", "share of each class held out",
                  0.01, MAX_VALIDATION_FRACTION),
        ),
    ),
)

EXPERIMENTS: Mapping[str, Experiment] = MappingProxyType(
    {experiment.id: experiment for experiment in sorted(_ALL, key=lambda e: e.id)}
)
ALL_CUES: tuple[str, ...] = tuple(dict.fromkeys(cue for experiment in _ALL for cue in experiment.cues))
