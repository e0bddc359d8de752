"""The learner's own scripts, run as sphinx-gallery runs its examples.

A log line that runs a script ("Ch01 baseline run: `train.py`", "Ran
`ch02/count_method_big.py`") names a file of the learner's repository, which the
setting ``extra: studykb: experiments: scripts_root:`` points at. The script runs in a
fresh interpreter (experiments/script_driver.py): matplotlib's Agg backend, the
script's folder as working directory, ``plt.show()`` not blocking, every figure saved,
its output kept, within a time limit. Its results are cached by the hash of the
script and of the local modules it imports. Without the setting, or when the file is
not there, nothing runs and the page says so.

No NumPy or matplotlib here: the child process imports them.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Mapping

from experiments import asking
from experiments.result import FigureFile, Result
from experiments.spec import Spec, integer, text

TIME_LIMIT_S = 300
OUTPUT_LINES = 20  # the last lines of output kept
FIGURE_LIMIT = 20  # figures kept of one script


def _run_name(values: Mapping) -> str:
    script, chapter = str(values["script"]), values["chapter"]
    prefix = f"ch{chapter:02d}" if isinstance(chapter, int) and chapter > 0 else ""
    named = script.replace("/", "-")
    return named if not prefix or script.startswith(prefix + "/") else f"{prefix}-{named}"


SPEC = Spec(
    id="learner-scripts",
    chapter=0,  # any: a line names the script itself
    title="The learner's own scripts",
    summary=(
        "Scripts of the learner's repository that the log says were run, run again as they "
        "are: every figure they draw and the last lines they print, beside the line that "
        "names them. Needs the setting extra.studykb.experiments.scripts_root in mkdocs.yml."
    ),
    answers=(),
    params=(
        integer("chapter", 0, "ch", "the chapter the line is about (0: none named)", 0, 99),
        text("script", "", "script", "the script as the log names it"),
    ),
    concepts=(),
    columns=(),
    run_name=_run_name,
)

_SCRIPT = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w-]+\.py)(?![\w])")
_RUNS = re.compile(r"\b(?:ran|run|runs|running|re-?ran|re-?run|executed?|executing|launched|tried|trained)\b|"
                   + asking.RUN_WORDS_OTHER_LANGUAGES)
_CHAPTER_FOLDER = re.compile(r"^ch\d{1,2}/")
# Words right before a file that name it as where code is, to write, read or change, not a run:
# "CBOW class in `ch04/cbow.py`", "worked through `ch04/cbow.py`", "implemented in `ch07/seq2seq.py`".
_WHERE_CODE_IS = re.compile(r"(?:\b(?:in|into|inside|from|through|of|write|wrote|writing|implement(?:ed|ing)?|read|"
                            r"reading|re-?read|open(?:ed)?|edit(?:ed)?|fix(?:ed)?|look(?:ed)? at|copy|copied)"
                            r"|안의|속의)\s*[`'\"]?$")


def scripts_run(line: str) -> list[str]:
    """The scripts a line says were run: named with a verb of running (in English or another
    language: "`generate_text.py` を実行"), under a chapter folder (``ch04/train.py``), or
    called ``train*.py``; not a module it only mentions, nor the code of a section of the book a
    line names by its number and title ("6.4 LSTM を使った言語モデル（Rnnlm、train_rnnlm.py）")."""
    if ".py" not in line:
        return []
    named = [match.group(1) for match in _SCRIPT.finditer(line) if ".." not in match.group(1).split("/")]
    if not named:
        return []
    lowered = line.lower()
    if _RUNS.search(lowered) is not None:
        return list(dict.fromkeys(named))
    if asking.is_section_title(line):
        return []
    found = [match.group(1) for match in _SCRIPT.finditer(line) if match.group(1) in named
             and (_CHAPTER_FOLDER.match(match.group(1)) or match.group(1).rsplit("/", 1)[-1].startswith("train"))
             and not _WHERE_CODE_IS.search(lowered[:match.start()])]
    return list(dict.fromkeys(found))


def chapter_of_script(script: str) -> int | None:
    match = _CHAPTER_FOLDER.match(script)
    return int(script[2: match.end() - 1]) if match else None


def find_script(values: Mapping, scripts_root: Path | None) -> Path | None:
    """The file the log means: ``chNN/<name>`` for a bare name in chapter NN, else the name itself."""
    if scripts_root is None:
        return None
    root, script, chapter = Path(scripts_root).resolve(), str(values["script"]), values["chapter"]
    candidates = [script] if "/" in script else []
    if "/" not in script and isinstance(chapter, int) and chapter > 0:
        candidates.append(f"ch{chapter:02d}/{script}")
    candidates.append(script)
    for candidate in dict.fromkeys(candidates):
        path = (root / candidate).resolve()
        if path.is_file() and path.is_relative_to(root):
            return path
    return None


NOT_AT_HAND = ("the learner's scripts are not at hand: set extra.studykb.experiments.scripts_root "
               "in mkdocs.yml to the repository the log names")
"""Why no learner's script runs without a repository to run them from (the site says it in its language)."""


def unavailable(values: Mapping, scripts_root: Path | None) -> str:
    """Why the script cannot run here, or "" when it can."""
    if scripts_root is None:
        return NOT_AT_HAND
    if not Path(scripts_root).is_dir():
        return f"scripts_root {scripts_root} is not a folder"
    if find_script(values, scripts_root) is None:
        return f"{values['script']} is not in {scripts_root}"
    return ""


def source_key(script: Path, scripts_root: Path) -> dict[str, str]:
    """The hash of the script and of every local module it imports, transitively, by path."""
    root = Path(scripts_root).resolve()
    search = [script.parent, script.parent.parent, root]
    seen: dict[Path, str] = {}
    pending = [script]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        content = path.read_bytes()
        seen[path] = hashlib.sha256(content).hexdigest()
        pending.extend(_local_imports(content, search, root))
    return {str(path.relative_to(root)): digest for path, digest in sorted(seen.items())}


def _local_imports(content: bytes, search: list[Path], root: Path) -> list[Path]:
    try:
        tree = ast.parse(content)
    except SyntaxError:
        return []
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    # Importing a.b runs a/__init__.py too.
    names += [name.rsplit(".", depth)[0] for name in list(names) for depth in range(1, name.count(".") + 1)]
    found = []
    for name in dict.fromkeys(names):
        for folder in search:
            for path in (folder.joinpath(*name.split(".")).with_suffix(".py"),
                         folder.joinpath(*name.split("."), "__init__.py")):
                if path.is_file() and path.resolve().is_relative_to(root):
                    found.append(path.resolve())
    return found


def run(values: Mapping, scripts_root: Path, threads: int = 1) -> Result:
    """Run the script in a child interpreter and collect its figures and output."""
    script = find_script(values, scripts_root)
    if script is None:
        raise FileNotFoundError(unavailable(values, scripts_root))
    shown = str(script.relative_to(Path(scripts_root).resolve()))
    with tempfile.TemporaryDirectory(prefix="studykb-script-") as out:
        started = time.perf_counter()
        status, output = _run_child(script, Path(out), threads)
        seconds = time.perf_counter() - started
        figures = _figures(Path(out), shown)
    tail = output.splitlines()[-OUTPUT_LINES:]
    headline = {"ok": f"{len(figures)} figure(s), {len(tail)} line(s) of output kept",
                "error": "stopped with an error: " + (tail[-1] if tail else "no output"),
                "timeout": f"stopped after {TIME_LIMIT_S} s (the time limit)"}[status]
    metrics = {"script": shown, "status": status, "output_tail": tail, "headline": headline,
               "seconds": round(seconds, 1)}
    return Result(metrics, tuple(figures))


def _run_child(script: Path, out: Path, threads: int) -> tuple[str, str]:
    command = [sys.executable, str(Path(__file__).with_name("script_driver.py")), str(script), str(out)]
    env = {**_inherited_environment(), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
           **{name: str(threads) for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}}
    try:
        done = subprocess.run(command, cwd=script.parent, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, errors="replace", timeout=TIME_LIMIT_S)
    except subprocess.TimeoutExpired as stopped:
        output = (stopped.stdout or b"")
        return "timeout", output.decode("utf-8", "replace") if isinstance(output, bytes) else output
    output = done.stdout + (done.stderr if done.returncode else "")
    return ("ok" if done.returncode == 0 else "error"), output


def _inherited_environment() -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "SOURCE_DATE_EPOCH", "TMPDIR")
    return {k: os.environ[k] for k in keep if k in os.environ}


def _figures(out: Path, shown: str) -> list[FigureFile]:
    try:
        manifest = json.loads((out / "figures.json").read_text("utf-8"))
    except (OSError, ValueError):
        return []
    figures = []
    for number, name in enumerate(manifest[:FIGURE_LIMIT], start=1):
        path = out / name
        if path.is_file():
            figures.append(FigureFile(name, f"Figure {number} drawn by {shown}", path.read_bytes()))
    return figures
