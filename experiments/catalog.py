"""Which experiments exist: every module of experiments/book/ that declares a SPEC.

Found as sphinx-gallery finds its examples: by looking in the folder. Importing an
experiment module runs only its declarations (NumPy is imported inside ``run``), so the
site generator can read every spec quickly. The learner's own scripts (experiments.gallery)
are one more entry.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from types import MappingProxyType
from typing import Mapping

from experiments import book, gallery
from experiments.spec import Spec


def discover(package=book) -> list[Spec]:
    """The SPEC of every module in `package`, each with the module's name filled in."""
    specs = []
    for found in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{found.name}")
        spec = getattr(module, "SPEC", None)
        if isinstance(spec, Spec):
            specs.append(replace(spec, module=module.__name__))
    return specs


def _catalog(specs: list[Spec]) -> Mapping[str, Spec]:
    by_id: dict[str, Spec] = {}
    for spec in specs:
        if spec.id in by_id:
            raise ValueError(f"two experiments have the id {spec.id}: {by_id[spec.id].module} and {spec.module}")
        by_id[spec.id] = spec
    return MappingProxyType(dict(sorted(by_id.items())))


EXPERIMENTS: Mapping[str, Spec] = _catalog([*discover(), replace(gallery.SPEC, module=gallery.__name__)])
