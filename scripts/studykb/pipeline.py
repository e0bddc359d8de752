"""The stages in order: read -> redact -> parse -> link -> render -> write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, load_config
from .diagnostics import Diagnostic
from .link import link
from .model import Knowledge, LogFile
from .parse import parse_log
from .redact import Redactor, make_redactor, user_names
from .render import render_site
from .render.memo import PageMemo
from .results import load_run_results
from .write import WriteReport, write_tree
from .sources import LogText, find_logs, read_log
from .vocabulary import build_lexicon
from .vocabulary_file import load_user_vocabulary


@dataclass(frozen=True)
class Loaded:
    knowledge: Knowledge
    diagnostics: tuple[Diagnostic, ...]


def load(config: Config, cache: LogCache | None = None) -> Loaded:
    """Read every log under sessions/ and build the whole knowledge model."""
    diagnostics: list[Diagnostic] = list(config.problems)
    logs = read_logs(config, diagnostics, cache)
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


def generate(config: Config, cache: BuildCache | None = None) -> Generated:
    """The whole generator: logs in, pages under the generated subtree out.

    With the ``cache`` of the previous call (the MkDocs hook keeps one for the rebuilds of
    ``mkdocs serve``), only the edited logs are parsed and only the session pages that
    changed are rendered; without one, everything is made from nothing.
    """
    cache = cache if cache is not None else BuildCache()
    loaded = load(config, cache.logs)
    results, assets = load_run_results(loaded.knowledge, config.root)
    files, home = render_site(loaded.knowledge, results, config.watchlist_window, cache.pages)
    report = write_tree(config.generated_path.parent, {**files, **assets}, config.generated_path.name)
    return Generated(loaded, home, report)


def read_logs(config: Config, diagnostics: list[Diagnostic], cache: LogCache | None = None) -> list[LogFile]:
    """Read every log, then redact with the user names found in any of them, then parse."""
    texts = []
    for path in find_logs(config.sessions_path):
        text, problems = read_log(path, _display(config, path), config.sessions_path)
        diagnostics += problems
        if text is not None:
            texts.append(text)
    redact = make_redactor(config, user_names(line for text in texts for line in text.lines))
    cache = cache if cache is not None else LogCache()
    logs = []
    for text in texts:
        log, problems = cache.parse(text, redact)
        diagnostics += problems
        logs.append(log)
    cache.keep_only({text.path for text in texts})
    return logs


@dataclass(frozen=True)
class _Parsed:
    lines: tuple[str, ...]  # the text it was parsed from
    redact: Redactor
    log: LogFile
    diagnostics: tuple[Diagnostic, ...]


@dataclass
class LogCache:
    """Parsed logs by file, each with the text it was parsed from.

    Under ``mkdocs serve`` the generator runs again after every edit in the same
    process; with one cache across those runs only the logs whose text (or the
    redaction, which depends on every log) changed are parsed again. The text itself
    is the key: comparing it costs less than hashing it, and the parsed log already
    holds its lines (the same strings, but for the few redacted).
    """
    parsed: dict[str, _Parsed] = field(default_factory=dict)

    def parse(self, text: LogText, redact: Redactor) -> tuple[LogFile, tuple[Diagnostic, ...]]:
        hit = self.parsed.get(text.path)
        if hit is None or hit.lines != text.lines or hit.redact != redact:
            log, problems = parse_log(LogText(text.path, redact.redact_lines(text.lines)))
            hit = self.parsed[text.path] = _Parsed(text.lines, redact, log, tuple(problems))
        return hit.log, hit.diagnostics

    def keep_only(self, paths: set[str]) -> None:
        """Forget the logs that are gone, so the cache never outgrows the sessions folder."""
        for gone in self.parsed.keys() - paths:
            del self.parsed[gone]


@dataclass
class BuildCache:
    """What one build keeps for the next in the same process: the parsed logs and the
    rendered session pages. Whoever runs the builds owns it and passes it in (the MkDocs
    hook keeps one for as long as ``mkdocs serve`` runs). A log is reused only for the same
    text, a session page only for the same inputs (render/memo.py), so nothing stale is."""
    logs: LogCache = field(default_factory=LogCache)
    pages: PageMemo = field(default_factory=PageMemo)


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


__all__ = ["Loaded", "Generated", "BuildCache", "LogCache", "PageMemo", "load", "generate", "referenced_runs", "load_config"]
