"""An experiment run's figures and results table, as shown beside the line that asked for it.

Each experiment's results carry their own table (``metrics.json``'s ``table``: its
columns, a row per setting and a note on what the numbers are); this renders it
whatever the columns are. A learner's script shows its figures and last lines of output.
"""
from __future__ import annotations

from experiments.catalog import EXPERIMENTS
from experiments.gallery import NOT_AT_HAND
from experiments.tiers import heavy_command, is_heavy

from ..results import RunResult
from . import html
from .common import page
from .urls import href
from .words import Words, words_for

__all__ = ["RunResult", "experiment_page", "run_anchor", "run_block", "results_table", "unanswered_note", "corpus_note",
           "reason"]

SCRIPTS = "learner-scripts"  # experiments.gallery.SPEC.id


def experiment_page(experiment: str) -> str:
    return page("experiments", f"{experiment}.md")


def run_anchor(run_id: str) -> str:
    return "run-" + run_id.replace("_", "-").replace(".", "-")


def run_block(from_page: str, result: RunResult, heading: str, opened: bool = True, words: Words | None = None) -> str:
    """A collapsible HTML block with the run's figures and table, or why there are none;
    its words in the site's language (``words``; English without)."""
    words = words or words_for("en")
    link = href(from_page, experiment_page(result.experiment) + "#" + run_anchor(result.run_id))
    headline = (result.metrics or {}).get("headline")
    # A closed box shows only its title: the corpus is said there too.
    corpus = words.plain("stand_in_title") if result.not_on_log_corpus else ""
    said = words.experiment("titles", result.experiment, result.title)
    title = html.text(f"{heading}: {said} ({result.run_id})" + (f" — {headline}" if headline else "") + corpus)
    all_runs = f'<a href="{link}">{words("run_all")}</a></p>'
    if result.metrics is not None:
        body = _results(from_page, result, words) + [f'<p><a href="{link}">{words("run_details")}</a></p>']
    elif result.cannot_run:
        why = reason(result.cannot_run, words)
        body = [f"<p>{words('run_not_run' if result.experiment == SCRIPTS else 'run_cannot_run', why=why)} {all_runs}"]
    elif result.experiment in EXPERIMENTS and is_heavy(EXPERIMENTS[result.experiment]):
        body = [_heavy(result.experiment, words) + f" {all_runs}"]
    else:
        body = [f"<p>{words('run_not_yet', command=_make_experiments(result.experiment))} {all_runs}"]
    return html.details("example", title, "\n".join(corpus_note(result, words) + body), opened)


def reason(why: str, words: Words) -> str:
    """Why a run cannot run, as HTML: the learner's scripts without a repository said in the site's
    language; a reason about the run's own values (a script's name, a setting's bound) as it is."""
    if why == NOT_AT_HAND:
        return words("scripts_not_at_hand", setting="<code>extra.studykb.experiments.scripts_root</code>",
                     mkdocs="<code>mkdocs.yml</code>")
    return html.text(why)


def _make_experiments(experiment: str) -> str:
    return f"<code>make experiments ONLY={html.text(experiment)}</code>"


def corpus_note(result: RunResult, words: Words | None = None) -> list[str]:
    """Said first in a run's box that is (or would be) on the generated stand-in corpus: not on
    PTB, where the book trains and the log's run, if its session names PTB, was; and how to give it PTB."""
    if not result.not_on_log_corpus:
        return []
    words = words or words_for("en")
    said = words("corpus_ran" if result.metrics is not None else "corpus_runs")
    whose = words("corpus_log_on_ptb" if result.log_on_ptb else "corpus_book_on_ptb")
    files = words("files_and", a="<code>ptb.train.txt</code>", b="<code>ptb.valid.txt</code>", c="<code>ptb.test.txt</code>")
    how = words("corpus_how", whose=whose, files=files, mkdocs="<code>mkdocs.yml</code>",
                setting="<code>extra: studykb: experiments: ptb_dir: &lt;folder&gt;</code>",
                env="<code>STUDYKB_PTB_DIR</code>", command=_make_experiments(result.experiment))
    return [f'<p class="studykb-corpus"><strong>{said}</strong>{how}</p>']


def _heavy(experiment: str, words: Words) -> str:
    """A heavy run not run yet: hours of training, never in CI or the Pages workflow."""
    spec = EXPERIMENTS[experiment]
    cost = words("run_cost", cost=html.text(words.experiment("costs", experiment, spec.cost))) if spec.cost else ""
    return f"<p>{words('run_heavy', command=f'<code>{html.text(heavy_command(spec))}</code>')}{cost}"


def unanswered_note(message: str) -> str:
    """The mark beside a line that looks like an experiment no experiment reproduces."""
    return f'<p class="studykb-unanswered"><em>{html.text(message[:1].upper() + message[1:])}.</em></p>'


def _results(from_page: str, result: RunResult, words: Words) -> list[str]:
    # Lazy: a closed box's figures load only when it is opened.
    body = [f'<p><img src="{href(from_page, path)}" alt="{html.attr(caption)}" loading="lazy"></p>'
            for path, caption in result.figures]
    if result.experiment == SCRIPTS:
        return body + _script_output(result.metrics, words)
    return body + [results_table(result.metrics, words)]


def _script_output(metrics: dict, words: Words) -> list[str]:
    tail = [str(line) for line in metrics.get("output_tail") or []]
    script = html.text(str(metrics.get("script", "")))
    said = {"error": "script_error", "timeout": "script_timeout"}.get(str(metrics.get("status")))
    out = [f"<p>{words('script_ran', script=f'<code>{script}</code>')}{words(said) if said else ''}</p>"]
    if tail:
        out.append(f"<p>{words('script_tail')}</p>\n<pre><code>{html.text(chr(10).join(tail))}</code></pre>")
    return out


def results_table(metrics: dict, words: Words | None = None) -> str:
    """The run's own table: its columns (headed in the site's language, ``words``), a row per
    setting, and the note on what the numbers are."""
    words = words or words_for("en")
    table = metrics.get("table")
    if not isinstance(table, dict) or not table.get("columns"):
        return "<p>(no results table in metrics.json)</p>"
    columns = [c for c in table["columns"] if isinstance(c, dict)]
    rows = [[_cell(row.get(c.get("key")), str(c.get("format", "value"))) for c in columns]
            for row in table.get("rows") or [] if isinstance(row, dict)]
    headings = [str(c.get("heading", c.get("key", ""))) for c in columns]
    out = html.table([html.text(words.experiment("headings", h, h)) for h in headings], rows)
    note = str(table.get("note") or "")
    return out + (f"\n<p>{html.text(note)}</p>" if note else "")


def _cell(value, format: str) -> str:
    if format in ("spread", "percent"):
        return _spread(value, percent=format == "percent")
    if value is None:
        return "–"
    return html.text(_number(value))


def _number(value) -> str:
    """``300.0`` -> ``300``: settings are shown as they would be written."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _spread(value, percent: bool = False) -> str:
    if not isinstance(value, dict) or "mean" not in value:
        return "–"
    mean, std = float(value["mean"]), float(value.get("std") or 0.0)
    if percent:
        return f"{100 * mean:.1f} % ± {100 * std:.1f}"
    return f"{mean:.4f} ± {std:.4f}"
