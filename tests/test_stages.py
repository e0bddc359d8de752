"""The stages depend one way (design.md, "Data flow"): parse -> link -> render, each
reading the model made before it. No module imports a stage that runs after its own,
the renderers import neither parse nor link (they print the model, they search nothing),
and only the pipeline imports link."""
from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "scripts" / "studykb"

# Every module of the package, by stage, in the order the pipeline runs them.
STAGES = {
    "model": {"model", "session_lines", "markup", "diagnostics", "slugs", "timezones"},
    "read": {"config", "sources", "redact"},
    "parse": {"parse", "session_header", "labels", "labels_file", "label_names", "timelog", "resolution", "tables", "header_dates", "header_lines", "log_notes", "quotes", "qa_lines", "session_state", "session_time", "wrapped", "header_times", "task_lists", "callouts", "time_lines", "label_patterns", "session_titles", "table_parts", "table_sessions", "free_text", "plain_headers", "lead_ins", "bracket_labels", "page_properties", "toggles", "session_references", "outline_qa", "fences", "logseq"},
    "link": {"link", "mentions", "concepts", "code_terms", "aliases", "vocabulary", "vocabulary_file", "cards", "card_phrases", "watchlist", "watch_items", "watch_words", "experiment_lines", "definition_shape", "plain_names", "asking_lines", "book_code"},
    "render": {"render", "results"},  # and every module of render/
    "write": {"write", "search", "sitebuild"},
    "pipeline": {"pipeline", "cli", "rerun", "__init__", "__main__"},
}
ORDER = list(STAGES)


def stage_of(module: str) -> str:
    top = module.split(".")[0]
    return next(stage for stage, modules in STAGES.items() if top in modules)


def modules() -> list[str]:
    """Every module of the package, dotted below ``studykb`` (``render.html``)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found.append(".".join(parts[:-1]) if parts[-1] == "__init__" and len(parts) > 1 else ".".join(parts))
    return found


def imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports, dotted below ``studykb``."""
    path = PACKAGE / (module.replace(".", "/") + ("/__init__.py" if (PACKAGE / module).is_dir() else ".py"))
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1]
            if node.module:
                out.add(".".join([*base, node.module]))
            else:  # ``from . import html``
                out.update(".".join([*base, alias.name]) for alias in node.names)
    return {name for name in out if name and name.split(".")[0] in {m.split(".")[0] for m in modules()}}


def test_every_module_belongs_to_a_stage():
    assert [m for m in modules() if not any(m.split(".")[0] in names for names in STAGES.values())] == []


@pytest.mark.parametrize("module", modules())
def test_no_module_imports_a_later_stage(module):
    own = ORDER.index(stage_of(module))
    assert {name for name in imports(module) if ORDER.index(stage_of(name)) > own} == set()


@pytest.mark.parametrize("module", [m for m in modules() if stage_of(m) == "render"])
def test_the_renderers_import_neither_parse_nor_link(module):
    assert {name for name in imports(module) if stage_of(name) in ("read", "parse", "link")} == set()


def test_only_the_pipeline_imports_link():
    assert [m for m in modules() if "link" in imports(m)] == ["pipeline"]


@pytest.mark.parametrize("stage, not_loaded", [
    ("parse", {"link", "mentions", "render"}), ("link", {"render", "pipeline"}), ("render", {"parse", "link"}),
])
def test_importing_a_stage_loads_no_later_one(stage, not_loaded):
    code = (f"import sys, studykb.{stage}; "
            "print(' '.join(sorted(k.split('.')[1] for k in sys.modules if k.startswith('studykb.'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": f"{ROOT / 'scripts'}:{ROOT}"}).stdout.split()
    assert stage in loaded and not_loaded.isdisjoint(loaded)
