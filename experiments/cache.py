"""Cache keys: a run is fresh when nothing that could change its results changed.

The key hashes the experiment's module and every project module it imports,
transitively (found by reading `import` statements with `ast`, so computing a key
imports nothing), the run's parameters, and the NumPy and matplotlib versions (read
from package metadata, again without importing them). Both versions are pinned in
requirements.lock, which `make` installs from, so a fresh environment finds every
committed result fresh. A learner's script is keyed by its own hash and those of the
local modules it imports (experiments.gallery). A run that reads a text corpus also keys
the corpus: PTB's file digests, or the generated stand-in (experiments.context); the
others' keys hold nothing more, so adding the corpus changed no chapter-1 key.
"""

from __future__ import annotations

import ast
import hashlib
import json
from importlib import metadata
from pathlib import Path

from experiments import gallery
from experiments.runs import Run
from experiments.tiers import uses_corpus

PACKAGE = "experiments"
PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("numpy", "matplotlib")


def cache_key(run: Run, scripts_root: Path | None = None, package_dir: Path = PACKAGE_DIR,
              corpus: dict | None = None) -> str:
    """`corpus`: experiments.context.corpus_identity(...) for a run that reads one (the
    stand-in when None)."""
    if run.experiment == gallery.SPEC.id:
        script = gallery.find_script(run.params_dict(), scripts_root)
        sources = gallery.source_key(script, scripts_root)
    else:
        sources = module_hashes(run.spec.module, package_dir)
    payload = {
        "experiment": run.experiment,
        "params": run.params_dict(),
        "sources": sources,
        "versions": library_versions(),
    }
    if uses_corpus(run.spec):
        payload["corpus"] = corpus or {"corpus": "stand-in"}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def module_hashes(module: str, package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    return {
        name: hashlib.sha256(_module_path(name, package_dir).read_bytes()).hexdigest()
        for name in project_modules(module, package_dir)
    }


def library_versions() -> dict[str, str]:
    """The versions of the libraries that shape every result (pinned in requirements.lock)."""
    return {library: _version(library) for library in LIBRARIES}


def project_modules(module: str, package_dir: Path = PACKAGE_DIR) -> list[str]:
    """`module` and every module of the package it imports, directly or not, sorted."""
    seen, pending = set(), [module]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse(_module_path(name, package_dir).read_text("utf-8"))
        pending.extend(_imported_project_modules(tree, name, package_dir))
    return sorted(seen)


def _imported_project_modules(tree: ast.Module, importer: str, package_dir: Path) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, importer, package_dir)
            # `from experiments import data` imports a module; `from experiments.data
            # import spiral` imports a name; try the submodule first, then the base.
            found.extend(f"{base}.{alias.name}" for alias in node.names)
            found.append(base)
    return [name for name in found if _is_project_module(name, package_dir)]


def _absolute(module: str | None, level: int, importer: str, package_dir: Path) -> str:
    if level == 0:
        return module or ""
    is_package = _module_path(importer, package_dir).name == "__init__.py"
    parts = importer.split(".")[: len(importer.split(".")) - level + (1 if is_package else 0)]
    return ".".join(parts + ([module] if module else []))


def _is_project_module(name: str, package_dir: Path) -> bool:
    return (name == PACKAGE or name.startswith(PACKAGE + ".")) and _module_path(name, package_dir).is_file()


def _module_path(name: str, package_dir: Path) -> Path:
    inner = name.split(".")[1:]
    as_file = package_dir.joinpath(*inner).with_suffix(".py") if inner else None
    if as_file is not None and as_file.is_file():
        return as_file
    return package_dir.joinpath(*inner, "__init__.py")


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"
