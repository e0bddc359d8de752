"""``make site``: ``mkdocs build --strict`` into a folder of its own, published only on success.

``site/`` is a symbolic link to the newest complete build, a numbered folder under
``.site-builds/``. A build is published by renaming a new link over ``site`` (one
``rename``, which is atomic), so at every instant ``site/`` is a complete site: a build
that fails, is interrupted or is killed (SIGKILL) leaves the previous one.
MkDocs empties the folder it builds into, so it never builds into the published one.
What reads ``site/`` follows the link: a web server serving it, and the Pages workflow's
``actions/upload-pages-artifact``, which archives from inside it (``tar --dereference
--directory site``).

Builds in one checkout take turns (a lock on ``.site.lock``): the second waits, saying
so, and only the build holding the lock removes build folders, so none removes another's.
MkDocs runs as a separate process: the generator itself never imports it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .write import exclusive

ADOPTED = "adopted"  # the site/ folder of a checkout built before site/ was a link


def build_site(root: Path, site_dir: str, extra_args: list[str] = ()) -> int:
    target = root / site_dir
    with exclusive(target.parent / f".{target.name}.lock", lambda: _say_waiting(site_dir)):
        _settle(target)
        build = _new_build(_builds_of(target))
        try:
            code = _mkdocs_build(root, build, extra_args)
            if code == 0:
                _publish(build, target)
            else:
                print(f"studykb: the build failed; {site_dir}/ keeps the previous site", file=sys.stderr)
        finally:
            _remove_unpublished(target)
    return code


def _say_waiting(site_dir: str) -> None:
    print(f"studykb: another build of {site_dir}/ is running in this folder; waiting for it to end",
          file=sys.stderr, flush=True)


def _mkdocs_build(root: Path, out: Path, extra_args) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out), *extra_args]
    return subprocess.run(command, cwd=root, env=env).returncode


def _builds_of(target: Path) -> Path:
    return target.parent / f".{target.name}-builds"


def _new_build(builds: Path) -> Path:
    """A new, empty folder, numbered after every build there."""
    builds.mkdir(exist_ok=True)
    numbers = [int(entry.name) for entry in builds.iterdir() if entry.name.isdigit()]
    folder = builds / str(max(numbers, default=0) + 1)
    folder.mkdir()
    return folder


def _publish(build: Path, target: Path) -> None:
    """Point ``target`` at ``build``: a new link, made in the builds folder and renamed over it.
    The link is relative, so the checkout can be moved."""
    link = build.parent / f"{build.name}.link"
    if os.path.lexists(link):
        link.unlink()
    os.symlink(os.path.relpath(build, target.parent), link)
    os.replace(link, target)


def _published(target: Path) -> str | None:
    """The name of the build folder ``target`` points at, if it is a link to one."""
    if not target.is_symlink():
        return None
    return Path(os.readlink(target)).name


def _remove_unpublished(target: Path) -> None:
    """Every entry of the builds folder but the published build: the builds it replaced, and
    what a build that died left. Only under the lock, where no other build is running."""
    builds, published = _builds_of(target), _published(target)
    if not builds.is_dir():
        return
    for entry in builds.iterdir():
        if entry.name == published:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _settle(target: Path) -> None:
    """Before a build, under the lock: finish what an earlier one left, and move a site/
    folder of the older layout into the builds folder.

    That move is a rename and then a link: the one moment when there is no site/, once per
    checkout. A build killed right there left the site as ``adopted``, published here."""
    builds = _builds_of(target)
    if not os.path.lexists(target) and (builds / ADOPTED).is_dir():
        _publish(builds / ADOPTED, target)
    _forget_the_older_layout(target)
    _remove_unpublished(target)
    if target.is_dir() and not target.is_symlink():
        builds.mkdir(exist_ok=True)
        os.rename(target, builds / ADOPTED)
        _publish(builds / ADOPTED, target)


def _forget_the_older_layout(target: Path) -> None:
    """The older layout swapped a staged folder in by two renames, keeping the previous
    site as ``.site-previous`` between them: if a build was cut there, that is the site."""
    previous = target.parent / f".{target.name}-previous"
    if previous.is_dir() and not os.path.lexists(target):
        os.rename(previous, target)
    shutil.rmtree(previous, ignore_errors=True)
    for stage in target.parent.glob(f".{target.name}-stage-*"):
        shutil.rmtree(stage, ignore_errors=True)
