"""``make site``: ``mkdocs build --strict`` into a fresh folder, swapped in only on success.

MkDocs empties its site folder before it writes, so a failed or interrupted build
(a broken mkdocs.yml, Ctrl-C) would otherwise leave no site at all. MkDocs runs
as a separate process: the generator itself never imports it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .write import recover, replace_dir


def build_site(root: Path, site_dir: str, extra_args: list[str] = ()) -> int:
    target = root / site_dir
    recover(target)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-stage-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging), *extra_args]
    try:
        result = subprocess.run(command, cwd=root, env=env)
        if result.returncode != 0:
            print(f"studykb: the build failed; {site_dir}/ keeps the previous site", file=sys.stderr)
            shutil.rmtree(staging, ignore_errors=True)
            return result.returncode
        replace_dir(staging, target)
        return 0
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
