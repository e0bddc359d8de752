"""Experiment results as the site shows them: metrics and figures read from experiments/results/.

Loading results renders nothing: ``RunResult`` is the record the renderers read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

# From the submodules, not the package: a project folder that holds experiments/results/ but
# no experiments package makes `experiments` a namespace package there (an editable install).
from experiments.catalog import EXPERIMENTS
from experiments.runs import Run, cannot_run, load_results, problems, results_dir
from experiments.tiers import uses_corpus

from .model import CodeBlock, Knowledge, Session
from .session_lines import lines_of

# Where a run's figures are published, relative to docs/: under the generated subtree
# (render.common.page("assets", "runs"); a test checks they agree).
ASSETS = "generated/assets/runs"

PTB, STAND_IN = "PTB", "stand-in"
# PTB named as a word, also beside Japanese or Chinese text ("PTBで学習") or in a file name
# (ptb.train.txt); not inside a longer Latin word.
PTB_NAMED = re.compile(r"(?<![A-Za-z])(?:PTB|Penn Tree ?bank)(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class RunResult:
    """What ``make experiments`` wrote for one run, as the site shows it.

    ``metrics`` is None when there are no results; ``cannot_run`` then says why none
    can be made ("batch size 1000 > 300 training points", a script not at hand), and is
    empty for a run that only has not been run yet.
    """

    experiment: str
    run_id: str
    title: str
    metrics: dict | None
    figures: tuple[tuple[str, str], ...] = ()  # (docs-relative asset path, caption)
    cannot_run: str = ""
    corpus: str = ""
    """What the run trains on: PTB or STAND_IN (the generated stand-in corpus), as its
    results say, else as the settings would have it run; "" for a run that reads no corpus."""
    log_on_ptb: bool = False
    """A session that asks for the run names PTB: the learner's own run was on PTB."""

    @property
    def not_on_log_corpus(self) -> bool:
        """The run is on the stand-in where the book (and perhaps the log) trained on PTB."""
        return self.corpus == STAND_IN


def load_run_results(knowledge: Knowledge, root: Path, scripts_root: Path | None = None,
                     ptb_dir: Path | None = None) -> tuple[dict[tuple[str, str], RunResult], dict[str, bytes]]:
    """Each referenced run's results (or why there are none) and the figure files to publish.

    ``ptb_dir``: the PTB folder the settings name (None: the runs read the stand-in corpus)."""
    results, assets = {}, {}
    on_ptb = {s.id for s in knowledge.sessions if names_ptb(s)}
    for ref in knowledge.experiment_refs:
        key = (ref.experiment, ref.run_id)
        if key not in results:
            results[key] = load_run_result(Run(ref.experiment, ref.params), root, scripts_root, assets, ptb_dir)
        if ref.session in on_ptb and results[key].corpus:
            results[key] = replace(results[key], log_on_ptb=True)
    return results, assets


def load_run_result(run: Run, root: Path, scripts_root: Path | None,
                    assets: dict[str, bytes], ptb_dir: Path | None = None) -> RunResult:
    title = EXPERIMENTS[run.experiment].title
    if problems(run):
        return RunResult(run.experiment, run.run_id, title, None, cannot_run=cannot_run(run, scripts_root))
    # Committed results show even where they cannot be made again (no learner's scripts in CI).
    metrics = load_results(run, root)
    corpus = run_corpus(run.experiment, metrics, ptb_dir)
    if metrics is None:
        return RunResult(run.experiment, run.run_id, title, None, cannot_run=cannot_run(run, scripts_root),
                         corpus=corpus)
    return RunResult(run.experiment, run.run_id, title, metrics, _figures(run, metrics, root, assets), corpus=corpus)


def run_corpus(experiment: str, metrics: dict | None, ptb_dir: Path | None) -> str:
    """PTB or STAND_IN: what the results say they trained on, else what a run would read now."""
    if not uses_corpus(EXPERIMENTS[experiment]):
        return ""
    said = (metrics or {}).get("corpus")
    if isinstance(said, dict) and "ptb" in said:
        return PTB if said["ptb"] else STAND_IN
    return STAND_IN if ptb_dir is None else PTB


def names_ptb(session: Session) -> bool:
    """Whether the session names PTB: in its title, a line, or a code block (``--data ptb``)."""
    code = ("\n".join(block.lines) for block in session.blocks if isinstance(block, CodeBlock))
    texts = [session.header, *(line.text for line in lines_of(session)), *code]
    return any(PTB_NAMED.search(text) for text in texts)


def _figures(run: Run, metrics: dict, root: Path, assets: dict[str, bytes]) -> tuple[tuple[str, str], ...]:
    figures = []
    for entry in metrics.get("figures") or []:
        name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
        source = results_dir(run, root) / name
        if not name or "/" in name or "\\" in name or name.startswith(".") or not source.is_file():
            continue
        asset = "/".join((ASSETS, run.experiment, run.run_id, name))
        assets[asset] = source.read_bytes()
        figures.append((asset, str(entry.get("caption") or name)))
    return tuple(figures)
