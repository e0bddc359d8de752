"""The README is the contract: it names every Makefile target and starts with the two commands."""
from __future__ import annotations

import re

from tests.conftest import ROOT


def makefile_targets() -> list[str]:
    text = (ROOT / "Makefile").read_text()
    return re.findall(r"^([a-z0-9-]+):.*##", text, flags=re.MULTILINE)


def test_readme_lists_every_make_target():
    readme = (ROOT / "README.md").read_text()
    targets = makefile_targets()
    assert {"serve", "site", "pages", "check", "test", "help", "experiments", "bench", "deploy"} <= set(targets)
    for target in targets:
        assert f"make {target}" in readme, f"README does not mention `make {target}`"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make serve" in first_block and "make test" in first_block


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
