"""A build that fails or is interrupted leaves the previous good output in place."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studykb import pipeline, render, write
from studykb.config import Config
from tests.conftest import SEED, make_project
from tests.test_write import forks_counted


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def generated_project(tmp_path):
    root = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    pipeline.generate(Config(root=root))
    return root


def test_a_failing_render_writes_nothing(generated_project, monkeypatch):
    before = snapshot(generated_project / "docs" / "generated")
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text() + "\n- Q/A: new line\n")

    def broken(*args, **kwargs):
        raise RuntimeError("renderer bug")
    monkeypatch.setattr(pipeline, "emit_site", broken)
    with pytest.raises(RuntimeError):
        pipeline.generate(Config(root=generated_project))
    assert snapshot(generated_project / "docs" / "generated") == before


def test_a_build_rendered_by_two_processes_makes_the_pages_one_makes(generated_project, tmp_path, monkeypatch):
    """Large logs are rendered by two processes (``TreeStream.both``); forced here on the seed."""
    one = snapshot(generated_project / "docs" / "generated")
    monkeypatch.setattr(render, "TWO_PROCESSES_FROM", 0)
    monkeypatch.setattr(write, "_other_threads_running", lambda: False)  # as in a build (see test_write.py)
    (tmp_path / "two").mkdir()
    two = make_project(tmp_path / "two", {"dlfs2.md": SEED.read_bytes()})
    copies = forks_counted(monkeypatch)
    pipeline.generate(Config(root=two), cache=pipeline.LogCache(), memo=pipeline.PageMemo())
    assert snapshot(two / "docs" / "generated") == one
    assert len(copies) == (1 if sys.platform.startswith("linux") else 0)


def test_a_failure_in_the_second_rendering_process_writes_nothing(generated_project, monkeypatch):
    before = snapshot(generated_project / "docs" / "generated")
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text() + "\n- Q/A: new line\n")

    def broken(*args, **kwargs):
        raise RuntimeError("renderer bug")
    monkeypatch.setattr(render, "TWO_PROCESSES_FROM", 0)
    monkeypatch.setattr(write, "_other_threads_running", lambda: False)
    monkeypatch.setattr(render, "render_concept", broken)  # concept pages: the forked copy's part
    with pytest.raises(RuntimeError, match="second process failed"):
        pipeline.generate(Config(root=generated_project), cache=pipeline.LogCache(), memo=pipeline.PageMemo())
    assert snapshot(generated_project / "docs" / "generated") == before
    assert not list(generated_project.glob("docs/.generated-*"))


def interrupt_at_third_page(monkeypatch, interruption):
    """Make the third page handed to the writer raise ``interruption`` (its first two are written)."""
    calls = {"n": 0}
    real = write.TreeStream.put

    def put(self, path, content):
        calls["n"] += 1
        if calls["n"] == 3:
            interruption(self)
        return real(self, path, content)
    monkeypatch.setattr(write.TreeStream, "put", put)


def test_ctrl_c_while_writing_keeps_the_previous_pages(generated_project, monkeypatch):
    generated = generated_project / "docs" / "generated"
    before = snapshot(generated)
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text().replace("epoch", "epochs"))

    def ctrl_c(stream):
        raise KeyboardInterrupt
    interrupt_at_third_page(monkeypatch, ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        pipeline.generate(Config(root=generated_project))
    monkeypatch.undo()
    assert snapshot(generated) == before
    assert not list(generated.parent.glob(".generated-*"))  # the helper removed its stage


def test_a_writer_killed_mid_build_fails_the_build_and_the_next_build_recovers(generated_project, monkeypatch):
    generated = generated_project / "docs" / "generated"
    before = snapshot(generated)
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text().replace("epoch", "epochs"))

    def kill_helper(stream):
        stream.process.kill()
        stream.process.wait()
    interrupt_at_third_page(monkeypatch, kill_helper)
    with pytest.raises(OSError, match="writing the generated pages failed"):
        pipeline.generate(Config(root=generated_project))
    monkeypatch.undo()
    assert snapshot(generated) == before
    pipeline.generate(Config(root=generated_project))
    assert "epochs" in (generated / "kb.json").read_text(encoding="utf-8")
    assert not list(generated.parent.glob(".generated-*"))  # the killed helper's stage is gone too


def test_a_swap_cut_between_its_two_renames_is_recovered(generated_project):
    generated = generated_project / "docs" / "generated"
    before = snapshot(generated)
    generated.rename(generated.parent / ".generated-previous")  # as if cut right after the first rename
    pipeline.generate(Config(root=generated_project))
    assert snapshot(generated) == before


def test_only_the_generated_subtree_can_be_written(tmp_path):
    for bad in ("generated/../x.md", "/etc/passwd", "other/x.md", "generated/a/../../x.md", "generated\\..\\x"):
        with pytest.raises(ValueError):
            write.write_tree(tmp_path, {bad: "x"}, "generated")
    assert list(tmp_path.iterdir()) == []


def test_unchanged_files_keep_their_inode_and_mtime(generated_project):
    page = generated_project / "docs" / "generated" / "concepts" / "epoch.md"
    before = page.stat()
    (generated_project / "sessions" / "extra.md").write_text("## Session: 2026-03-01 10:00 UTC\n- User language: English\n")
    report = pipeline.generate(Config(root=generated_project)).report
    assert report.written and page.stat().st_mtime_ns == before.st_mtime_ns


def run_cli(project: Path, command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studykb", command, "--root", str(project)],
                          capture_output=True, text=True)


@pytest.mark.slow
@pytest.mark.parametrize("breakage, message", [
    ("\nnav: [unclosed\n", "mkdocs.yml:"),                      # not YAML at all
    ("\nmarkdown_extensions: [no_such_extension]\n", "keeps the previous site"),  # MkDocs refuses it
])
def test_a_broken_mkdocs_yml_keeps_the_site_and_the_pages(generated_project, breakage, message):
    assert run_cli(generated_project, "site").returncode == 0
    site_before = snapshot(generated_project / "site")
    pages_before = snapshot(generated_project / "docs" / "generated")
    config = generated_project / "mkdocs.yml"
    config.write_text(config.read_text() + breakage)
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text() + "\n- Q/A: changed\n")
    failed = run_cli(generated_project, "site")
    assert failed.returncode != 0 and message in failed.stderr
    assert snapshot(generated_project / "site") == site_before
    assert snapshot(generated_project / "docs" / "generated") == pages_before
    assert not [p for p in generated_project.iterdir() if p.name.startswith(".site-")]


def test_pages_reports_an_unreadable_mkdocs_yml(tmp_path):
    project = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    (project / "mkdocs.yml").write_text("site_name: x\nnav: [unclosed\n")
    result = run_cli(project, "pages")
    assert result.returncode == 2 and result.stderr.startswith("mkdocs.yml:3: error: not valid YAML")
    assert not (project / "docs" / "generated").exists()
