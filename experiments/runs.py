"""A run: one experiment with all its parameters; its id, whether it can run, where its results live.

A run keeps the values the log stated even when the experiment cannot take them (out
of bounds, of the wrong type): it is then a run that `problems` explains and the
runner never starts, so the page can say why instead of running something else.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from experiments import gallery
from experiments.catalog import EXPERIMENTS
from experiments.spec import Param, ParamValue, Spec

MAX_RUN_ID = 80  # characters; a longer id is cut and ends in a hash of the whole


@dataclass(frozen=True)
class Run:
    """One experiment with all its parameters (defaults merged), sorted by name."""

    experiment: str
    params: tuple[tuple[str, object], ...]

    @property
    def spec(self) -> Spec:
        return EXPERIMENTS[self.experiment]

    @property
    def run_id(self) -> str:
        """Readable, path-safe id: the list parameter plus whatever differs from the defaults."""
        spec, values = self.spec, self.params_dict()
        if spec.run_name is not None:
            return _path_safe(spec.run_name(values))
        parts = [
            "-".join([param.label, *format_values(values[param.name])])
            for param in spec.params
            if param.name == spec.list_param or values[param.name] != param.default
        ]
        return _path_safe("_".join(parts) or "default")

    def params_dict(self) -> dict:
        return dict(self.params)


def make_run(experiment_id: str, **stated) -> Run:
    """The run of `experiment_id` with the `stated` values (tuples as read, or plain values) on its defaults."""
    spec = EXPERIMENTS[experiment_id]
    unknown = set(stated) - set(spec.defaults)
    if unknown:
        raise KeyError(f"{experiment_id} has no parameter {sorted(unknown)}")
    params = {**spec.defaults, **{name: _as_param(spec.param(name), value) for name, value in stated.items()}}
    return Run(experiment_id, tuple(sorted(params.items())))


def problems(run: Run) -> tuple[str, ...]:
    """Why the run cannot run ("batch size 1000 > 300 training points"), or () if it can."""
    return spec_problems(run.spec, run.params_dict())


def spec_problems(spec: Spec, values: dict) -> tuple[str, ...]:
    """Why `spec` cannot take `values`: each parameter's type, count and bounds, then its constraints."""
    found = [problem for param in spec.params for problem in _param_problems(param, values[param.name])]
    if not found and spec.constraints is not None:
        found = list(spec.constraints(values))
    return tuple(found)


def cannot_run(run: Run, scripts_root: Path | None) -> str:
    """Why the run cannot run here ("" if it can): its values, or a learner's script not at hand."""
    found = "; ".join(problems(run))
    if not found and run.experiment == gallery.SPEC.id:
        found = gallery.unavailable(run.params_dict(), scripts_root)
    return found


def results_dir(run: Run, root: Path) -> Path:
    return Path(root) / "experiments" / "results" / run.experiment / run.run_id


def load_results(run: Run, root: Path) -> dict | None:
    """The run's parsed metrics.json, or None when it is missing or unreadable."""
    try:
        metrics = json.loads((results_dir(run, root) / "metrics.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return metrics if isinstance(metrics, dict) else None


def format_values(value: ParamValue) -> list[str]:
    values = value if isinstance(value, tuple) else (value,)
    return [f"{v:g}" if isinstance(v, float) else str(v) for v in values]


def _as_param(param: Param, value) -> ParamValue:
    """Values as read, in the parameter's shape: whole numbers as int for an int parameter;
    a list sorted and without repeats, so `1, 0.1` and `0.1, 1.0` are the same run."""
    values = value if isinstance(value, tuple) else (value,)
    values = tuple(_as_kind(param.kind, v) for v in values)
    if not param.many:
        return values[0] if len(values) == 1 else values
    if all(isinstance(v, (int, float)) for v in values) or all(isinstance(v, str) for v in values):
        return tuple(sorted(set(values)))
    return tuple(dict.fromkeys(values))


def _as_kind(kind: type, value):
    if kind is int and isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _param_problems(param: Param, value) -> list[str]:
    values = value if isinstance(value, tuple) else (value,)
    if not param.many and isinstance(value, tuple):
        return [f"{param.spoken} takes one value, not {len(values)}"]
    if param.many and len(values) > param.max_values:
        return [f"{param.spoken}: {len(values)} values (at most {param.max_values})"]
    for v in values:
        problem = _value_problem(param, v)
        if problem:
            return [problem]
    return []


def _value_problem(param: Param, value) -> str:
    name = param.spoken.removesuffix("s") if param.many else param.spoken  # "batch size 1000 > ..."
    if param.kind is str:
        if not isinstance(value, str):
            return f"{name} {shown(value)} is not text"
        if param.choices and value not in param.choices:
            return f"{name} {value!r} is not one of {', '.join(param.choices)}"
        return ""
    if isinstance(value, str) or isinstance(value, bool):
        return f"{name} {value!r} is not a number"
    if param.kind is int and not isinstance(value, int):
        return f"{name} {shown(value)} is not a whole number"
    limit = f" {param.limit}" if param.limit else ""
    if param.maximum is not None and not value <= param.maximum:
        return f"{name} {shown(value)} > {shown(param.maximum)}{limit}"
    if param.minimum is not None and not value >= param.minimum:
        return f"{name} {shown(value)} < {shown(param.minimum)}"
    return ""


def shown(number) -> str:
    """A number as a message shows it; one too large to hold (say, 5,000 digits) as such."""
    if isinstance(number, float) and not math.isfinite(number):
        return ">1e308" if number > 0 else ("<-1e308" if number < 0 else "nan")
    return f"{number:.6g}" if isinstance(number, float) else str(number)


def _path_safe(run_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._+-]+", "-", run_id).strip("-.") or "run"
    if len(safe) <= MAX_RUN_ID and safe == run_id:
        return safe
    digest = hashlib.sha256(run_id.encode()).hexdigest()[:10]
    return f"{safe[: MAX_RUN_ID - 11]}-{digest}"
