"""The experiment pages: the list of experiments, and every run of one."""
from __future__ import annotations

from experiments.catalog import EXPERIMENTS

from . import html
from .common import concept_page, front_matter, page
from .urls import href
from .context import Context
from .runs import SCRIPTS, experiment_page, reason, run_anchor, run_block


def render_experiment_index(ctx: Context) -> str:
    here = page("experiments", "index.md")
    words = ctx.words
    rows = [[f'<a href="{href(here, experiment_page(e.id))}">{html.text(words.experiment("titles", e.id, e.title))}</a>',
             html.text(words.experiment("summaries", e.id, e.summary)), str(len(_runs_of(ctx, e.id)))]
            for e in EXPERIMENTS.values()]
    return "\n".join([
        front_matter(title=words.plain("experiments")), f"# {words('experiments')}", "",
        words("experiments_intro", command="`make experiments`"), "",
        html.block(html.table([words(key) for key in ("experiment_column", "what_it_shows", "runs_column")], rows)), ""])


def render_experiment(experiment_id: str, ctx: Context) -> str:
    experiment = EXPERIMENTS[experiment_id]
    here = experiment_page(experiment_id)
    named = {c.name: c for c in ctx.knowledge.concepts}
    concepts = [f'<a href="{href(here, concept_page(named[n].slug))}">{html.text(ctx.name_of(named[n]))}</a>'
                for n in experiment.concepts if n in named]
    title = ctx.words.experiment("titles", experiment_id, experiment.title)
    summary = ctx.words.experiment("summaries", experiment_id, experiment.summary)
    parts = [html.title(html.text(title)), f"<p><code>{html.text(experiment.id)}</code> · {html.text(summary)}</p>"]
    if concepts:
        parts.append(f"<p>{ctx.words('illustrates', links=', '.join(concepts))}</p>")
    runs = _runs_of(ctx, experiment_id)
    if not runs:
        parts.append(f"<p>{ctx.words('no_line_asks')}</p>")
    parts += [f"<p>{ctx.words('not_run_because', why=reason(why, ctx.words))}</p>" for why in _not_run(ctx, experiment_id, runs)]
    for run_id, refs in runs.items():
        parts += _run_section(ctx, here, experiment_id, run_id, refs)
    return front_matter(title=title) + html.block("\n".join(parts)) + "\n"


def _runs_of(ctx: Context, experiment_id: str) -> dict[str, list]:
    runs: dict[str, list] = {}
    for ref in ctx.knowledge.experiment_refs:
        if ref.experiment == experiment_id:
            runs.setdefault(ref.run_id, []).append(ref)
    return runs


def _run_section(ctx: Context, here: str, experiment_id: str, run_id: str, refs) -> list[str]:
    params = ", ".join(f"{k} = {_value(v)}" for k, v in refs[0].params)
    session_href = ctx.session_hrefs(here)
    asked = []
    for ref in refs:
        session = ctx.session(ref.session)
        link = f'<a href="{session_href(session)}">{html.text(ctx.titles[session.id])}</a>'
        said = ctx.words("planned_in" if ref.planned else "asked_in", link=link)
        if said not in asked:  # a session's lines that ask for the same run: the session once
            asked.append(said)
    result = ctx.results[(experiment_id, run_id)]
    box = [] if experiment_id == SCRIPTS and result.metrics is None else [run_block(here, result, ctx.words.plain("results"), words=ctx.words)]
    return [html.heading(2, ctx.words("run_heading", run=f"<code>{html.text(run_id)}</code>"), run_anchor(run_id)),
            f"<p>{ctx.words('parameters', params=html.text(params))}</p>", html.items(asked), *box]


def _not_run(ctx: Context, experiment_id: str, runs: dict[str, list]) -> list[str]:
    """Why the learner's scripts were not run, each reason once (the same for all of them
    without a repository to run them from), instead of a box on each run."""
    if experiment_id != SCRIPTS:
        return []
    results = (ctx.results[(experiment_id, run_id)] for run_id in runs)
    return list(dict.fromkeys(result.cannot_run for result in results if result.metrics is None and result.cannot_run))


def _value(value) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)
