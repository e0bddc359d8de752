"""Runs one of the learner's scripts in this fresh interpreter: ``python script_driver.py SCRIPT OUT``.

As sphinx-gallery runs an example: matplotlib's Agg backend (nothing opens a window),
``plt.show()`` saves the open figures instead of blocking, and the figures still open
at the end are saved too, as PNG files in OUT listed in OUT/figures.json. The script
runs as ``__main__`` from its own folder, which is first on the import path.
"""

import json
import runpy
import sys
from pathlib import Path


def main(script: Path, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    saved: list[str] = []

    def save_open_figures(*args, **kwargs) -> None:
        for number in plt.get_fignums():
            name = f"figure-{len(saved) + 1}.png"
            plt.figure(number).savefig(out / name, format="png", dpi=100, metadata={"Software": None})
            saved.append(name)
        plt.close("all")

    plt.show = save_open_figures
    sys.argv = [str(script)]
    sys.path[0] = str(script.parent)
    try:
        runpy.run_path(str(script), run_name="__main__")
    finally:
        save_open_figures()
        (out / "figures.json").write_text(json.dumps(saved), "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
