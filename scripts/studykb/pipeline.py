"""The stages in order: read -> redact -> parse -> link -> render -> write."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Config, load_config
from .diagnostics import Diagnostic
from .link import link
from .model import Knowledge, LogFile
from .parse import parse_log
from .redact import make_redactor, user_names
from .render import render_site
from .results import load_run_results
from .write import WriteReport, write_tree
from .sources import LogText, find_logs, read_log
from .vocabulary import build_lexicon, load_user_vocabulary


@dataclass(frozen=True)
class Loaded:
    knowledge: Knowledge
    diagnostics: tuple[Diagnostic, ...]


def load(config: Config) -> Loaded:
    """Read every log under sessions/ and build the whole knowledge model."""
    diagnostics: list[Diagnostic] = []
    logs = read_logs(config, diagnostics)
    user_terms, ignored, problems = load_user_vocabulary(config.vocabulary_path, _display(config, config.vocabulary_path))
    diagnostics += problems
    knowledge, problems = link(logs, build_lexicon(user_terms, ignored), config.watchlist_window)
    diagnostics += problems
    return Loaded(knowledge, tuple(sorted(set(diagnostics))))


@dataclass(frozen=True)
class Generated:
    loaded: Loaded
    home: dict
    report: WriteReport


def generate(config: Config) -> Generated:
    """The whole generator: logs in, pages under the generated subtree out."""
    loaded = load(config)
    results, assets = load_run_results(loaded.knowledge, config.root)
    files, home = render_site(loaded.knowledge, results, config.watchlist_window)
    files.update(assets)
    docs_dir = config.generated_path.parent
    report = write_tree(docs_dir, files, config.generated_path.name)
    return Generated(loaded, home, report)


def read_logs(config: Config, diagnostics: list[Diagnostic]) -> list[LogFile]:
    """Read every log, then redact with the user names found in any of them, then parse."""
    texts = []
    for path in find_logs(config.sessions_path):
        text, problems = read_log(path, _display(config, path), config.sessions_path)
        diagnostics += problems
        if text is not None:
            texts.append(text)
    redact = make_redactor(config, user_names(line for text in texts for line in text.lines))
    logs = []
    for text in texts:
        log, problems = parse_log(LogText(text.path, tuple(redact(line) for line in text.lines)))
        diagnostics += problems
        logs.append(log)
    return logs


def _display(config: Config, path: Path) -> str:
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()


def referenced_runs(root: Path) -> list:
    """Every experiment run the logs refer to (planned ones too), unique and sorted."""
    from experiments.registry import Run
    refs = load(load_config(root)).knowledge.experiment_refs
    runs = {Run(r.experiment, r.params) for r in refs}
    return sorted(runs, key=lambda run: (run.experiment, run.run_id))


__all__ = ["Loaded", "Generated", "load", "generate", "referenced_runs", "load_config"]
