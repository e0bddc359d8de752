"""One configuration object, read once from ``mkdocs.yml`` (``extra: studykb:``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Config:
    """Settings under ``extra: studykb:`` in mkdocs.yml; the defaults are the values below.

    ``watchlist_window``: a watch item not flagged in the last N sessions is no longer open.
    ``redact_paths``: show home paths as ``~/...``; ``redact_patterns``: more regexes to hide.
    """

    root: Path
    sessions_dir: str = "sessions"
    generated_dir: str = "docs/generated"
    watchlist_window: int = 3
    redact_paths: bool = True
    redact_patterns: tuple[str, ...] = ()
    site_dir: str = "site"

    @property
    def sessions_path(self) -> Path:
        return self.root / self.sessions_dir

    @property
    def generated_path(self) -> Path:
        return self.root / self.generated_dir

    @property
    def vocabulary_path(self) -> Path:
        return self.sessions_path / "vocabulary.yml"


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
    if data is not None and not isinstance(data, dict):
        raise ConfigError(f"{config_file}:1: error: expected a mapping of settings")
    return config_from_mapping(root, data or {})


def config_from_mapping(root: Path, data: dict) -> Config:
    """Build the Config from an already-parsed mkdocs.yml mapping."""
    ours = ((data.get("extra") or {}).get("studykb") or {})
    known = {k: v for k, v in ours.items() if k in Config.__dataclass_fields__ and k != "root"}
    if "redact_patterns" in known:
        known["redact_patterns"] = tuple(known["redact_patterns"] or ())
    return Config(root=root, site_dir=data.get("site_dir") or "site", **known)
