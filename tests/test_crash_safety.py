"""A build that fails, is interrupted or is killed leaves the previous good output in place,
and two builds in one checkout do not spoil each other."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studykb import pipeline, sitebuild, write
from studykb.config import Config
from tests.conftest import ROOT, SEED, make_project


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def python(script: str, *args) -> list[str]:
    return [sys.executable, "-c", script, *map(str, args)]


ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), str(ROOT)]), "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture
def generated_project(tmp_path):
    root = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    pipeline.generate(Config(root=root))
    return root


# --- the generated pages ------------------------------------------------------------------

def test_a_failing_render_writes_nothing(generated_project, monkeypatch):
    before = snapshot(generated_project / "docs" / "generated")
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text() + "\n- Q/A: new line\n")

    def broken(*args, **kwargs):
        raise RuntimeError("renderer bug")
    monkeypatch.setattr(pipeline, "render_site", broken)
    with pytest.raises(RuntimeError):
        pipeline.generate(Config(root=generated_project))
    assert snapshot(generated_project / "docs" / "generated") == before


def test_ctrl_c_while_writing_keeps_the_previous_pages(generated_project, monkeypatch):
    generated = generated_project / "docs" / "generated"
    before = snapshot(generated)
    (generated_project / "sessions" / "dlfs2.md").write_text(SEED.read_text().replace("epoch", "epochs"))
    real, calls = write._Stage.write, []

    def interrupted_at_the_third_file(stage, rel_path, data):
        calls.append(rel_path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real(stage, rel_path, data)
    monkeypatch.setattr(write._Stage, "write", interrupted_at_the_third_file)
    with pytest.raises(KeyboardInterrupt):
        pipeline.generate(Config(root=generated_project))
    assert snapshot(generated) == before
    assert not list(generated.parent.glob(".generated-*"))  # the stage is gone


def test_a_swap_cut_between_its_two_renames_is_recovered(generated_project):
    generated = generated_project / "docs" / "generated"
    before = snapshot(generated)
    generated.rename(generated.parent / ".generated-previous")  # as if cut right after the first rename
    pipeline.generate(Config(root=generated_project))
    assert snapshot(generated) == before


# Run as a script: SIGKILL this process just before its Nth call that changes the file
# system (making, renaming, linking or removing a file or folder), N being its first argument.
KILLED_AT_STEP = """
import os, signal, sys
from pathlib import Path
STEP, steps = int(sys.argv[1]), 0

def counted(change):
    def call(*args, **kwargs):
        global steps
        steps += 1
        if steps == STEP:
            os.kill(os.getpid(), signal.SIGKILL)
        return change(*args, **kwargs)
    return call

for name in ("mkdir", "rename", "replace", "link", "symlink", "unlink", "rmdir"):
    setattr(os, name, counted(getattr(os, name)))
"""


def killed_at_every_step(script: str, root: Path, check, reset) -> int:
    """Run ``script`` once per step it takes, killed just before that step; ``check()``
    after each kill, ``reset()`` before each run. The number of steps."""
    step = 0
    while True:
        step += 1
        reset()
        run = subprocess.run(python(KILLED_AT_STEP + script, step, root), env=ENV, cwd=ROOT)
        if run.returncode == 0:
            return step - 1
        assert run.returncode == -9, run.returncode
        check(step)


TREES = [{f"s/{i}.md": f"{name}{i}".encode() for i in range(5)} | {f"{name}.md": name.encode()} for name in "ab"]
WRITE_THE_SECOND_TREE = f"""
from studykb.write import write_tree
write_tree(Path(sys.argv[2]), {{"generated/" + path: data for path, data in {TREES[1]!r}.items()}}, "generated")
"""


def test_a_writer_killed_at_any_step_leaves_a_whole_tree_the_next_build_finds(tmp_path):
    """What a writer killed at any step leaves is the old tree or the new one, whole: in
    place, or (killed between the two renames of the swap) under the backup name, from
    which the next build puts it back before anything reads it."""
    generated, backup = tmp_path / "generated", tmp_path / ".generated-previous"

    def check(step):
        left = snapshot(generated) if generated.exists() else snapshot(backup)
        assert left in TREES, step

    def reset():
        write.write_tree(tmp_path, {"generated/" + path: data for path, data in TREES[0].items()}, "generated")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]
    assert killed_at_every_step(WRITE_THE_SECOND_TREE, tmp_path, check, reset) > 10


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
    assert report.written and (page.stat().st_ino, page.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# --- the built site -----------------------------------------------------------------------

PAGES = 30


# What ``mkdocs build`` leaves, file by file, in the folder it is given: pages, a stylesheet
# and a script. Defined as source, so that the processes below run the very same fake.
FAKE_MKDOCS_BUILD = """
import time

def fake_mkdocs_build(root, out, extra_args, pause=0.0, label="new"):
    (out / "assets").mkdir()
    for i in range(PAGES):
        (out / f"page-{i}.html").write_text(f"{label} {i}")
        if i == PAGES // 2:
            time.sleep(pause)
    (out / "assets" / "main.css").write_text("css")
    (out / "assets" / "bundle.js").write_text("js")
    (out / "index.html").write_text(label)
    return 0
"""
exec(FAKE_MKDOCS_BUILD)


def is_complete(site: Path) -> bool:
    files = snapshot(site) if site.is_dir() else {}
    return len(files) == PAGES + 3 and {"index.html", "assets/main.css", "assets/bundle.js"} <= files.keys()


def only_the_published_build_is_left(root: Path) -> bool:
    builds = root / ".site-builds"
    return [p.name for p in builds.iterdir()] == [Path(os.readlink(root / "site")).name]


BUILD_THE_SITE_SLOWLY = f"PAGES = {PAGES}\n" + FAKE_MKDOCS_BUILD + """
import sys, time
from pathlib import Path
from studykb import sitebuild
root, pause = Path(sys.argv[1]), float(sys.argv[2])
sitebuild._mkdocs_build = lambda root, out, extra: fake_mkdocs_build(root, out, extra, pause, str(time.time()))
sys.exit(sitebuild.build_site(root, "site"))
"""


def build_site_slowly(root: Path, pause: float) -> subprocess.Popen:
    """A process that builds the site once, with MkDocs faked and pausing half-way."""
    return subprocess.Popen(python(BUILD_THE_SITE_SLOWLY, root, pause), env=ENV, cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)


BUILD_THE_SITE_ONCE = f"PAGES = {PAGES}\n" + FAKE_MKDOCS_BUILD + """
from studykb import sitebuild
sitebuild._mkdocs_build = fake_mkdocs_build
sys.exit(sitebuild.build_site(Path(sys.argv[2]), "site"))
"""


def test_a_build_killed_at_any_step_leaves_a_complete_site(tmp_path, monkeypatch):
    """Killed at any step, from making its folder to publishing it and removing the one it
    replaced, a build leaves site/ a complete site at once, without waiting for a next build."""
    monkeypatch.setattr(sitebuild, "_mkdocs_build",
                        lambda root, out, extra: fake_mkdocs_build(root, out, extra, label="old"))

    def check(step):
        assert is_complete(tmp_path / "site"), step

    def reset():
        assert sitebuild.build_site(tmp_path, "site") == 0  # cleans up after the killed one too
        assert only_the_published_build_is_left(tmp_path)
    assert killed_at_every_step(BUILD_THE_SITE_ONCE, tmp_path, check, reset) > PAGES


def test_the_first_build_killed_at_any_step_leaves_the_older_layouts_site_or_its_recovery(tmp_path, monkeypatch):
    """The first build after site/ became a link moves the site/ folder into the builds
    folder and links it: killed between the two, it leaves no site/; the next build
    publishes the moved site. At every other step, site/ is complete."""
    site, moved, missing = tmp_path / "site", tmp_path / ".site-builds" / "adopted", []

    def check(step):
        if not os.path.lexists(site):
            missing.append(step)
            assert is_complete(moved)
            monkeypatch.setattr(sitebuild, "_mkdocs_build", lambda root, out, extra: 1)
            sitebuild.build_site(tmp_path, "site")
        assert is_complete(site), step

    def reset():
        shutil.rmtree(tmp_path)
        tmp_path.mkdir()
        site.mkdir()
        fake_mkdocs_build(tmp_path, site, [], label="older layout")
    assert killed_at_every_step(BUILD_THE_SITE_ONCE, tmp_path, check, reset) > PAGES
    assert len(missing) == 2 and missing[1] == missing[0] + 1  # before the link is made, and before it is put in place


def test_two_builds_at_once_take_turns_and_both_end_with_a_complete_site(tmp_path):
    first = build_site_slowly(tmp_path, pause=1.0)
    time.sleep(0.5)
    second = build_site_slowly(tmp_path, pause=1.0)
    outcomes = [(builder.wait(timeout=120), builder.stderr.read()) for builder in (first, second)]
    assert [code for code, _ in outcomes] == [0, 0], outcomes  # neither lost its folder to the other
    assert "another build of site/ is running in this folder; waiting for it to end" in outcomes[1][1]
    assert is_complete(tmp_path / "site") and only_the_published_build_is_left(tmp_path)
    assert os.readlink(tmp_path / "site") == os.path.join(".site-builds", "2")


def test_a_failed_build_keeps_the_site_and_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sitebuild, "_mkdocs_build", fake_mkdocs_build)
    assert sitebuild.build_site(tmp_path, "site") == 0
    before = snapshot(tmp_path / "site")
    monkeypatch.setattr(sitebuild, "_mkdocs_build", lambda root, out, extra: (out / "half.html").touch() or 1)
    assert sitebuild.build_site(tmp_path, "site") == 1
    assert "the build failed; site/ keeps the previous site" in capsys.readouterr().err
    assert snapshot(tmp_path / "site") == before and only_the_published_build_is_left(tmp_path)


def test_a_site_folder_of_the_older_layout_becomes_the_published_build(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    (tmp_path / ".site-stage-x").mkdir()  # what a killed build of the older layout left
    monkeypatch.setattr(sitebuild, "_mkdocs_build", lambda root, out, extra: 1)
    sitebuild.build_site(tmp_path, "site")
    assert site.is_symlink() and snapshot(site) == {"index.html": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-builds", ".site.lock", "site"]
    monkeypatch.setattr(sitebuild, "_mkdocs_build", fake_mkdocs_build)
    sitebuild.build_site(tmp_path, "site")
    assert is_complete(site) and only_the_published_build_is_left(tmp_path)


@pytest.mark.parametrize("left_as", [".site-previous", ".site-builds/adopted"])
def test_a_site_left_without_its_link_is_published_again(tmp_path, monkeypatch, left_as):
    """Killed between the two renames of the older layout's swap, or between the move and
    the link of the first build of this one: the next build finds the site again."""
    (tmp_path / left_as).mkdir(parents=True)
    (tmp_path / left_as / "index.html").write_text("old")
    monkeypatch.setattr(sitebuild, "_mkdocs_build", lambda root, out, extra: 1)
    sitebuild.build_site(tmp_path, "site")
    assert snapshot(tmp_path / "site") == {"index.html": b"old"}
    assert not (tmp_path / ".site-previous").exists()


def run_cli(project: Path, command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studykb", command, "--root", str(project)],
                          capture_output=True, text=True)


def material_assets(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() for p in site.glob("assets/*/*.min.*"))


@pytest.mark.slow
def test_two_make_site_at_once_both_end_with_a_styled_site(generated_project):
    command = [sys.executable, "-m", "studykb", "site", "--root", str(generated_project)]
    builds = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [(build.wait(timeout=600), build.stderr.read()) for build in builds]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert sum("waiting for it to end" in err for _, err in outcomes) == 1
    site = generated_project / "site"
    assert {"assets/javascripts", "assets/stylesheets"} <= set(material_assets(site))
    assert (site / "index.html").is_file() and only_the_published_build_is_left(generated_project)


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
    assert only_the_published_build_is_left(generated_project)


def test_pages_reports_an_unreadable_mkdocs_yml(tmp_path):
    project = make_project(tmp_path, {"dlfs2.md": SEED.read_bytes()})
    (project / "mkdocs.yml").write_text("site_name: x\nnav: [unclosed\n")
    result = run_cli(project, "pages")
    assert result.returncode == 2 and result.stderr.startswith("mkdocs.yml:3: error: not valid YAML")
    assert not (project / "docs" / "generated").exists()
