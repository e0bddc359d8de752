"""Where a chapter 2-8 run gets its text and does its arithmetic: not part of its parameters.

``RunContext`` says which folder holds the learner's PTB (else the generated stand-in
corpus is used, and labelled so), which array module trains (NumPy, or CuPy on a GPU),
where the independent (setting, seed) tasks run (in this process, or on a Dask cluster
through joblib) and where a run keeps its checkpoints. The runner makes one per run from
the settings; nothing here imports NumPy, so planning stays quick.

The PTB files' digests enter the cache key of every run that reads a corpus, so adding,
removing or changing PTB re-runs exactly those runs. The device does not: a GPU run's
results stand for the CPU's (the runner compares a re-run's numbers within tolerance).
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

CPU, GPU = "cpu", "gpu"
DEVICES = (CPU, GPU)
LOCAL_DASK = "dask-local"
PTB_ENV = "STUDYKB_PTB_DIR"


@dataclass(frozen=True)
class RunContext:
    """``cluster``: None (tasks run one after another in the run's process), "dask-local"
    (a Dask cluster on this machine) or a scheduler address such as "tcp://host:8786"."""

    ptb_dir: Path | None = None
    device: str = CPU
    cluster: str | None = None
    checkpoints: Path | None = None

    def array_module(self) -> Any:
        """numpy, or cupy for the GPU (a clear error where CuPy is missing)."""
        if self.device == GPU:
            return cupy_module()
        return importlib.import_module("numpy")

    def with_checkpoints(self, folder: Path | None) -> "RunContext":
        return replace(self, checkpoints=folder)


def cupy_module() -> Any:
    try:
        return importlib.import_module("cupy")
    except ImportError as missing:
        raise RuntimeError("device gpu needs CuPy: pip install 'studykb[cupy]' (a CUDA 12 GPU)") from missing


def ptb_folder(setting: str | Path | None, root: Path, environ: dict | None = None) -> Path | None:
    """The PTB folder: $STUDYKB_PTB_DIR if set, else the setting (relative to the project)."""
    named = (os.environ if environ is None else environ).get(PTB_ENV) or setting
    if not named:
        return None
    return (Path(root) / Path(str(named)).expanduser()).resolve()


def corpus_identity(ptb_dir: Path | None) -> dict:
    """What the cache key holds about the corpus: PTB's file digests, or the stand-in's name."""
    if ptb_dir is None:
        return {"corpus": "stand-in"}
    from experiments.datasets.ptb import ptb_sha256  # imports NumPy: only when PTB is named

    return {"corpus": "ptb", "sha256": ptb_sha256(ptb_dir)}


def ptb_problem(ptb_dir: Path | None) -> str:
    """Why the named PTB folder cannot be read ("" when it can, or when none is named)."""
    if ptb_dir is None:
        return ""
    from experiments.datasets.ptb import PTB_FILES

    missing = [name for name in PTB_FILES.values() if not (ptb_dir / name).is_file()]
    return f"PTB folder {ptb_dir} lacks {', '.join(missing)}" if missing else ""
