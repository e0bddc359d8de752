"""Publishing: `make deploy` pushes the built site to gh-pages; the Pages workflow builds and deploys it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SEED, make_project

pytestmark = pytest.mark.slow

GIT_IDENTITY = {"GIT_AUTHOR_NAME": "studykb tests", "GIT_AUTHOR_EMAIL": "tests@studykb.invalid",
                "GIT_COMMITTER_NAME": "studykb tests", "GIT_COMMITTER_EMAIL": "tests@studykb.invalid"}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **GIT_IDENTITY})
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def project_with_remote(tmp_path: Path) -> tuple[Path, Path]:
    """A git-versioned copy of the project (seed log, committed results) and a bare remote as origin."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", {SEED.name: SEED.read_bytes()}, with_results=True)
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / ".gitignore").write_text("site/\ndocs/generated/\n")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(project, "init", "--quiet", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "--quiet", "-m", "study log")
    git(project, "remote", "add", "origin", str(remote))
    return project, remote


def make_deploy(project: Path, *variables: str) -> subprocess.CompletedProcess:
    """`make deploy` in ``project``, with the environment running these tests as VENV."""
    venv = Path(sys.prefix)
    stamp = venv / ".studykb-installed"
    # -o: never (re)install into the running environment from the copy's pyproject.toml
    command = ["make", "deploy", f"VENV={venv}", "-o", str(stamp), *variables]
    return subprocess.run(command, cwd=project, capture_output=True, text=True,
                          env={**os.environ, **GIT_IDENTITY, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)


def test_make_deploy_publishes_the_site_to_gh_pages_of_origin(tmp_path):
    project, remote = project_with_remote(tmp_path)
    result = make_deploy(project)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]

    published = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {"index.html", ".nojekyll", "kb.json", "404.html", "sitemap.xml", "pagefind/pagefind.js",
            "timeline/index.html", "glossary/index.html", "sessions/2026-02-18-1503/index.html",
            "concepts/epoch/index.html"} <= published
    figures = {f"assets/runs/{p.relative_to(ROOT / 'experiments' / 'results').as_posix()}"
               for p in (ROOT / "experiments" / "results").rglob("*.svg")}
    assert figures, "experiments/results/ holds the committed figures"
    assert sorted(figures - published) == []
    assert git(remote, "branch", "--list", "main").strip() == "", "only gh-pages is pushed"


def test_make_deploy_honours_remote(tmp_path):
    project, remote = project_with_remote(tmp_path)
    git(project, "remote", "rename", "origin", "publish")
    result = make_deploy(project, "REMOTE=publish")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "index.html" in git(remote, "ls-tree", "--name-only", "gh-pages").split()


def load_workflow() -> dict:
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    return yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader: `on:` stays a string key


def test_pages_workflow_builds_on_push_to_main_and_deploys_with_actions():
    workflow = load_workflow()
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    build = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in build if "run" in step]
    assert runs == ["make experiments", "make site"]
    site_step = next(step for step in build if step.get("run") == "make site")
    assert "steps.pages.outputs.base_url" in site_step["env"]["SITE_URL"]
    uses = [step["uses"].split("@")[0] for step in build if "uses" in step]
    assert uses[-1] == "actions/upload-pages-artifact"
    assert next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_site_url_comes_from_the_environment(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setenv("SITE_URL", "https://someone.github.io/studykb/")
    assert load_config(str(ROOT / "mkdocs.yml"))["site_url"] == "https://someone.github.io/studykb/"
    monkeypatch.delenv("SITE_URL")
    assert load_config(str(ROOT / "mkdocs.yml"))["site_url"] == "http://127.0.0.1:8000/"


def test_readme_explains_publishing_and_shows_the_site():
    readme = (ROOT / "README.md").read_text()
    publish = readme.split("## Publish", 1)[1].split("\n## ", 1)[0]
    for needed in ("Settings → Pages", "GitHub Actions", "make deploy", "REMOTE", "SITE_URL", "sub-path"):
        assert needed in publish, f"the Publish section should mention {needed!r}"
    for name in ("home", "timeline", "glossary", "concept"):
        image = ROOT / "docs" / "images" / f"{name}.png"
        assert f"docs/images/{name}.png" in readme
        assert image.is_file() and image.stat().st_size < 400_000, image
