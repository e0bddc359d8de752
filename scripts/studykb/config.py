"""One configuration object, read once from ``mkdocs.yml`` (``extra: studykb:``).

A setting of the wrong kind is reported with its line in mkdocs.yml and its default is
used, so the rest still builds.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable

import yaml
# From the submodule, not the package (see rerun.py); it imports no NumPy.
from experiments.context import DEVICES

from .diagnostics import Diagnostic, Level


@dataclass(frozen=True)
class ExperimentSettings:
    """``extra: studykb: experiments:``. ``scripts_root``: the learner's repository (absolute,
    or relative to the project); a log line that runs one of its scripts runs it again.
    ``ptb_dir``: the folder with ptb.train.txt, ptb.valid.txt and ptb.test.txt (else the
    chapter 2-6 runs use the generated stand-in corpus; $STUDYKB_PTB_DIR overrides it);
    ``device``: cpu (NumPy) or gpu (CuPy); ``cluster``: where the (setting, seed) tasks
    of a run go through joblib: dask-local, or a Dask scheduler such as tcp://host:8786."""

    scripts_root: str | None = None
    ptb_dir: str | None = None
    device: str = "cpu"
    cluster: str | None = None


@dataclass(frozen=True)
class Config:
    """Settings under ``extra: studykb:`` in mkdocs.yml; the defaults are the values below.

    ``watchlist_window``: a watch item not flagged in the last N sessions is no longer open.
    ``redact_paths``: show home paths as ``~/...``; ``redact_patterns``: more regexes to hide.
    ``language``: the language of the generated pages (en, ko, ja, zh); unset, the language
    most of the logs are written in (``card_phrases.site_language``).
    """

    root: Path
    sessions_dir: str = "sessions"
    generated_dir: str = "docs/generated"
    watchlist_window: int = 3
    redact_paths: bool = True
    redact_patterns: tuple[str, ...] = ()
    site_dir: str = "site"
    experiments: ExperimentSettings = ExperimentSettings()
    language: str | None = None
    problems: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """Settings not used as written, each reported at its line of mkdocs.yml."""

    @property
    def sessions_path(self) -> Path:
        return self.root / self.sessions_dir

    @property
    def generated_path(self) -> Path:
        return self.root / self.generated_dir

    @property
    def vocabulary_path(self) -> Path:
        return self.sessions_path / "vocabulary.yml"

    @property
    def scripts_root(self) -> Path | None:
        folder = self.experiments.scripts_root
        return None if folder is None else self.root / Path(folder).expanduser()


class ConfigError(Exception):
    """mkdocs.yml cannot be read; the message is ``mkdocs.yml:LINE: error: ...``."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: ``!!python/name:`` and ``!ENV`` tags become None."""


def _ignore_tag(loader, suffix, node):
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def load_config(root: Path, config_file: str = "mkdocs.yml") -> Config:
    path = root / config_file
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) if path.exists() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{config_file}:{line}: error: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_file}:1: error: cannot read it: {getattr(exc, 'strerror', None) or exc}") from exc
    if data is not None and not isinstance(data, dict):
        raise ConfigError(f"{config_file}:1: error: expected a mapping of settings")
    return config_from_mapping(root, data or {}, config_file)


def written_theme_language(config_file: Path) -> str | None:
    """``theme: language:`` as mkdocs.yml writes it, or None where it does not (or cannot be read):
    MkDocs fills in the theme's own default, so only the file tells a chosen one from it."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if isinstance(language, str) and language else None


@dataclass(frozen=True)
class _Problem:
    """A setting not used as written; where it is, as the keys leading to it in mkdocs.yml."""

    keys: tuple[str | int, ...]
    level: Level
    message: str


def config_from_mapping(root: Path, data: dict, config_file: str = "mkdocs.yml") -> Config:
    """Build the Config from an already-parsed mkdocs.yml mapping; each setting is checked."""
    problems: list[_Problem] = []
    settings = _settings(_our_section(data, problems), problems)
    site_dir = data.get("site_dir") or "site"
    if not isinstance(site_dir, str):  # MkDocs makes it absolute: any text will do
        problems.append(_Problem(("site_dir",), Level.ERROR, f"site_dir should be a folder, not {_shown(site_dir)}; "
                                                             'the default "site" is used'))
        site_dir = "site"
    return Config(root=root, site_dir=site_dir, **settings,
                  problems=_located(problems, root / config_file, config_file))


def _settings(ours: dict, problems: list[_Problem]) -> dict[str, Any]:
    """The settings under ``extra: studykb:`` that can be used as written."""
    settings = {}
    for name, value in ours.items():
        check = CHECKS.get(name) if isinstance(name, str) else None
        if check is None:
            problems.append(_Problem(SECTION + (name,), Level.WARNING,
                                     f"unknown setting {name!r} under extra: studykb: "
                                     f"(known: {', '.join(CHECKS)}); ignored"))
            continue
        used = check(value, SECTION + (name,), problems)
        if used is not None:
            settings[name] = used
    return settings


SECTION = ("extra", "studykb")


def _our_section(data: dict, problems: list[_Problem]) -> dict:
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        problems.append(_Problem(("extra",), Level.ERROR, "extra: should be a mapping; studykb's defaults are used"))
        return {}
    ours = extra.get("studykb") or {}
    if not isinstance(ours, dict):
        problems.append(_Problem(SECTION, Level.ERROR, "extra: studykb: should be a mapping of settings; "
                                                       "the defaults are used"))
        return {}
    return ours


def _bad(keys: tuple, problems: list[_Problem], expected: str, value: Any) -> None:
    """Report a setting of the wrong kind; its default is used instead."""
    name = keys[-1]
    default = Config.__dataclass_fields__[name].default
    problems.append(_Problem(keys, Level.ERROR, f"{name} should be {expected}, not {_shown(value)}; "
                                                f"the default {_shown(default)} is used"))


def _shown(value: Any) -> str:
    """A value as mkdocs.yml would write it: true, [], "sessions"."""
    return json.dumps(value, default=str)


def _window(value: Any, keys: tuple, problems: list[_Problem]) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    _bad(keys, problems, "a whole number of sessions, 1 or more", value)
    return None


def _flag(value: Any, keys: tuple, problems: list[_Problem]) -> bool | None:
    if isinstance(value, bool):
        return value
    _bad(keys, problems, "true or false", value)
    return None


def _folder(value: Any, keys: tuple, problems: list[_Problem]) -> str | None:
    """A folder inside the project: relative, and never above it."""
    if isinstance(value, str) and value.strip() and not PurePosixPath(value).is_absolute() \
            and ".." not in PurePosixPath(value).parts and not re.match(r"^[A-Za-z]:|^[\\/]", value):
        return value
    _bad(keys, problems, "a folder inside the project (a relative path)", value)
    return None


def _patterns(value: Any, keys: tuple, problems: list[_Problem]) -> tuple[str, ...] | None:
    """Regular expressions to hide; one alone is taken as a list of one (not as its letters)."""
    if value is None:
        return ()
    if isinstance(value, str):
        problems.append(_Problem(keys, Level.WARNING, "redact_patterns should be a list of regular expressions; "
                                                      f"{value!r} is read as a list of one"))
        value = [value]
    if not isinstance(value, list):
        _bad(keys, problems, "a list of regular expressions", value)
        return None
    return tuple(p for n, p in enumerate(value) if _valid_pattern(p, keys + (n,), problems))


def _valid_pattern(pattern: Any, keys: tuple, problems: list[_Problem]) -> bool:
    if not isinstance(pattern, str) or not pattern:
        problems.append(_Problem(keys, Level.ERROR, f"redact pattern {pattern!r} is not a regular expression; "
                                                    "it is left out, and what it should hide is shown"))
        return False
    try:
        re.compile(pattern)
    except re.error as exc:
        problems.append(_Problem(keys, Level.ERROR, f"redact pattern {pattern!r} is not a valid regular "
                                                    f"expression ({exc}); it is left out, and what it should "
                                                    "hide is shown"))
        return False
    return True


EXPERIMENT_SETTINGS = ("scripts_root", "ptb_dir", "device", "cluster")


def _experiment_settings(value: Any, keys: tuple, problems: list[_Problem]) -> ExperimentSettings | None:
    if value is None:
        return ExperimentSettings()
    if not isinstance(value, dict):
        _bad(keys, problems, "a mapping (scripts_root: <folder>)", value)
        return None
    for name in value.keys() - set(EXPERIMENT_SETTINGS):
        problems.append(_Problem(keys + (name,), Level.WARNING, f"unknown setting {name!r} under experiments: "
                                                               f"(known: {', '.join(EXPERIMENT_SETTINGS)}); ignored"))
    folder = _text_setting(value, "scripts_root", keys, problems, "a folder", "no script is run")
    ptb_dir = _text_setting(value, "ptb_dir", keys, problems, "a folder", "the stand-in corpus is used")
    cluster = _text_setting(value, "cluster", keys, problems, "dask-local or a scheduler address",
                            "tasks run in the run's own process")
    device = value.get("device", "cpu")
    if device not in DEVICES:
        problems.append(_Problem(keys + ("device",), Level.ERROR,
                                 f"device should be cpu or gpu, not {_shown(device)}; cpu is used"))
        device = "cpu"
    return ExperimentSettings(folder, ptb_dir, device, cluster)


def _text_setting(value: dict, name: str, keys: tuple, problems: list[_Problem], expected: str,
                  otherwise: str) -> str | None:
    found = value.get(name)
    if found is not None and not (isinstance(found, str) and found.strip()):
        problems.append(_Problem(keys + (name,), Level.ERROR, f"{name} should be {expected}, not {_shown(found)}; "
                                                              f"{otherwise}"))
        return None
    return found


Check = Callable[[Any, tuple, list[_Problem]], Any]
LANGUAGES = ("en", "ko", "ja", "zh")


def _language(value: Any, keys: tuple, problems: list[_Problem]) -> str | None:
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    _bad(keys, problems, "one of " + ", ".join(LANGUAGES) + " (or left out: the language of the logs)", value)
    return None


CHECKS: dict[str, Check] = {
    "sessions_dir": _folder,
    "generated_dir": _folder,
    "watchlist_window": _window,
    "redact_paths": _flag,
    "redact_patterns": _patterns,
    "experiments": _experiment_settings,
    "language": _language,
}


def _located(problems: list[_Problem], path: Path, config_file: str) -> tuple[Diagnostic, ...]:
    """The problems as diagnostics at their lines (mkdocs.yml is read again only if there are any)."""
    if not problems:
        return ()
    tree = _node_tree(path)
    return tuple(Diagnostic(config_file, _line_of(tree, p.keys), p.level, p.message) for p in problems)


def _node_tree(path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _line_of(node: yaml.Node | None, keys: tuple) -> int:
    """The line of the setting the keys lead to; of the nearest one found, or 1."""
    line = 1
    for key in keys:
        found = _child(node, key)
        if found is None:
            break
        line, node = found
    return line


def _child(node: yaml.Node | None, key: str | int) -> tuple[int, yaml.Node] | None:
    """The line of ``key`` in ``node`` and the node it holds, or None."""
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return name.start_mark.line + 1, value
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key].start_mark.line + 1, node.value[key]
    return None
