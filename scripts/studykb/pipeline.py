"""The stages in order: read -> redact -> parse -> link -> render -> write."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterator

from experiments.context import ptb_folder

from .config import Config, load_config
from .diagnostics import Diagnostic, info
from .experiment_lines import scripts_not_run
from .labels import Labels
from .labels_file import load_user_labels
from .link import link
from .model import Knowledge, LogFile
from .parse import parse_log
from .redact import Redactor, make_redactor, names_hidden_outside_home_paths, user_names
from .render import render_site
from .render.memo import PageMemo
from .results import load_run_results
from .write import WriteReport, write_tree
from .sources import LogText, find_logs, read_log
from .vocabulary import Term, build_lexicon
from .vocabulary_file import load_user_vocabulary


@dataclass(frozen=True)
class Loaded:
    knowledge: Knowledge
    diagnostics: tuple[Diagnostic, ...]


def load(config: Config, cache: LogCache | None = None) -> Loaded:
    """Read every log under sessions/ and the user's vocabulary, hide what is private in
    them (redact.py), and build the whole knowledge model.

    The diagnostics name each log by its real path, so that ``make check`` says which file
    to open; the model, and so the site, knows it by the path it is published under.
    """
    diagnostics: list[Diagnostic] = list(config.problems)
    user_terms, ignored, problems = load_user_vocabulary(config.vocabulary_path, _display(config, config.vocabulary_path))
    diagnostics += problems
    labels, problems = load_user_labels(config.vocabulary_path, _display(config, config.vocabulary_path))
    diagnostics += problems
    texts = read_texts(config, diagnostics)
    redact = make_redactor(config, user_names(_private_text(texts, user_terms)))
    logs, shown_as = parse_texts(texts, redact, labels, diagnostics, cache, date.today())
    terms = [_redacted_term(term, redact) for term in user_terms]
    knowledge, problems = link(logs, build_lexicon(terms, ignored), config.watchlist_window, labels, config.language)
    diagnostics += problems + scripts_not_run(knowledge.experiment_refs, config.scripts_root)
    return Loaded(knowledge, tuple(sorted(set(_on_real_files(diagnostics, shown_as)))))


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
    ptb_dir = ptb_folder(config.experiments.ptb_dir, config.root)  # as `make experiments` reads it
    results, assets = load_run_results(loaded.knowledge, config.root, config.scripts_root, ptb_dir)
    files, home = render_site(loaded.knowledge, results, config.watchlist_window, cache.pages)
    report = write_tree(config.generated_path.parent, {**files, **assets}, config.generated_path.name)
    return Generated(loaded, home, report)


def read_logs(config: Config, diagnostics: list[Diagnostic]) -> list[LogFile]:
    """Read every log, then redact with the user names found in any of them, then parse
    (as ``load`` does, less the names that only the vocabulary holds)."""
    labels, problems = load_user_labels(config.vocabulary_path, _display(config, config.vocabulary_path))
    diagnostics += problems
    texts = read_texts(config, diagnostics)
    redact = make_redactor(config, user_names(_private_text(texts, [])))
    return parse_texts(texts, redact, labels, diagnostics, today=date.today())[0]


def read_texts(config: Config, diagnostics: list[Diagnostic]) -> list[LogText]:
    """Every log under sessions/ that can be read as text, by its real path."""
    texts = []
    for path in find_logs(config.sessions_path):
        text, problems = read_log(path, _display(config, path), config.sessions_path)
        diagnostics += problems
        if text is not None:
            texts.append(text)
    return texts


def parse_texts(texts: list[LogText], redact: Redactor, labels: Labels, diagnostics: list[Diagnostic],
                cache: LogCache | None = None, today: date | None = None) -> tuple[list[LogFile], dict[str, str]]:
    """Each log redacted and parsed under the path it is published under, its names read
    with ``labels`` (the shipped table and the user's), a log without years dated by its
    weekdays up to ``today``; and those paths, by real path."""
    shown_as = published_paths(texts, redact)
    cache = cache if cache is not None else LogCache()
    logs = []
    for text in texts:
        if shown_as[text.path] != text.path:
            diagnostics.append(info(text.path, 1, f"the path holds private text; published as {shown_as[text.path]}"))
        log, problems = cache.parse(LogText(shown_as[text.path], text.lines), redact, labels, today)
        diagnostics += problems
        diagnostics += names_hidden_outside_home_paths(text, log.lines)
        logs.append(log)
    cache.keep_only(set(shown_as.values()))
    return logs, shown_as


def published_paths(texts: list[LogText], redact: Redactor) -> dict[str, str]:
    """The path each log is published under, by real path: with its user names hidden,
    and ``-2``, ``-3`` before ``.md`` where two would be the same."""
    taken: set[str] = set()
    shown_as = {}
    for text in texts:
        shown = base = redact.path(text.path)
        number = 1
        while shown in taken:
            number += 1
            shown = f"{base.removesuffix('.md')}-{number}.md"
        taken.add(shown)
        shown_as[text.path] = shown
    return shown_as


def _private_text(texts: list[LogText], terms: list[Term]) -> Iterator[str]:
    """Everything whose home paths may name the user: the logs, their paths, the user's terms."""
    for text in texts:
        yield text.path
        yield from text.lines
    for term in terms:
        yield from (term.name, *term.aliases, term.definition or "", term.source or "")


def _redacted_term(term: Term, redact: Redactor) -> Term:
    """A term of the user's vocabulary, redacted as the logs are."""
    return replace(term, name=redact(term.name), aliases=tuple(map(redact, term.aliases)),
                   definition=redact(term.definition) if term.definition else term.definition,
                   source=redact.path(term.source) if term.source else term.source)


def _on_real_files(diagnostics: list[Diagnostic], shown_as: dict[str, str]) -> list[Diagnostic]:
    """The diagnostics, each naming its log by its real path rather than the published one."""
    real = {shown: path for path, shown in shown_as.items()}
    return [replace(d, path=real[d.path]) if d.path in real else d for d in diagnostics]


@dataclass(frozen=True)
class _Parsed:
    lines: tuple[str, ...]  # the text it was parsed from
    redact: Redactor
    log: LogFile
    diagnostics: tuple[Diagnostic, ...]
    labels: Labels  # what its names were read with
    today: date | None  # what a log without years is dated up to


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

    def parse(self, text: LogText, redact: Redactor, labels: Labels,
              today: date | None = None) -> tuple[LogFile, tuple[Diagnostic, ...]]:
        hit = self.parsed.get(text.path)
        if hit is None or hit.lines != text.lines or hit.redact != redact or hit.labels != labels or hit.today != today:
            log, problems = parse_log(LogText(text.path, redact.redact_lines(text.lines)), labels, today)
            hit = self.parsed[text.path] = _Parsed(text.lines, redact, log, tuple(problems), labels, today)
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


__all__ = ["Loaded", "Generated", "BuildCache", "LogCache", "PageMemo", "load", "generate", "load_config"]
