"""The experiment pages: the list of experiments, and every run of one."""
from __future__ import annotations

from experiments.registry import EXPERIMENTS

from . import html
from .common import concept_page, front_matter, page, rel, session_page
from .context import Context
from .runs import experiment_page, run_anchor, run_block
from .text import plain


def render_experiment_index(ctx: Context) -> str:
    here = page("experiments", "index.md")
    out = [front_matter(title="Experiments"), "# Experiments", "",
           "NumPy experiments the logs refer to, re-run with the parameters the log recorded "
           "(`make experiments`). Each run shows the mean and spread over several seeds.", "",
           "| Experiment | What it shows | Runs |", "|---|---|---|"]
    for experiment in EXPERIMENTS.values():
        runs = _runs_of(ctx, experiment.id)
        out.append(f"| [{plain(experiment.title)}]({rel(here, experiment_page(experiment.id))}) "
                   f"| {plain(experiment.summary)} | {len(runs)} |")
    return "\n".join(out) + "\n"


def render_experiment(experiment_id: str, ctx: Context) -> str:
    experiment = EXPERIMENTS[experiment_id]
    here = experiment_page(experiment_id)
    slugs = {c.name: c.slug for c in ctx.knowledge.concepts}
    concepts = [f"[{plain(n)}]({rel(here, concept_page(slugs[n]))})" for n in experiment.concepts if n in slugs]
    out = [front_matter(title=experiment.title), f"# {plain(experiment.title)}", "",
           f"`{experiment.id}` · {plain(experiment.summary)}", ""]
    if concepts:
        out += ["Illustrates: " + ", ".join(concepts), ""]
    runs = _runs_of(ctx, experiment_id)
    if not runs:
        out += ["No log line asks for this experiment yet.", ""]
    for run_id, refs in runs.items():
        out += _run_section(ctx, here, experiment_id, run_id, refs)
    return "\n".join(out).rstrip() + "\n"


def _runs_of(ctx: Context, experiment_id: str) -> dict[str, list]:
    runs: dict[str, list] = {}
    for ref in ctx.knowledge.experiment_refs:
        if ref.experiment == experiment_id:
            runs.setdefault(ref.run_id, []).append(ref)
    return runs


def _run_section(ctx: Context, here: str, experiment_id: str, run_id: str, refs) -> list[str]:
    params = ", ".join(f"{k} = {_value(v)}" for k, v in refs[0].params)
    out = [f"## Run `{run_id}` {{#{run_anchor(run_id)}}}", "", f"Parameters: {plain(params)}", ""]
    for ref in refs:
        session = ctx.knowledge.session(ref.session)
        state = "planned in" if ref.planned else "asked for in"
        out.append(f"- {state} [{plain(session.title)}]({rel(here, session_page(session))})")
    result = ctx.results[(experiment_id, run_id)]
    return out + ["", html.block(run_block(here, result, "Results")), ""]


def _value(value) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)
