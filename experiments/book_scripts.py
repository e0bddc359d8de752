"""The book's scripts that train one experiment's model with some of its values, where no word of
the experiment names the script: the book's ``ch03/train.py`` trains SimpleCBOW (no script of the
book trains SimpleSkipGram), so a line that runs it asks for ch03-simple-word2vec with CBOW alone
(experiments.answers)."""

from __future__ import annotations

from experiments.gallery import chapter_of_script

# (chapter, script's file name) -> (experiment, the values the script trains it with)
_BOOK_SCRIPTS = {
    (3, "train.py"): ("ch03-simple-word2vec", {"models": ("cbow",)}),
}


def book_script_values(scripts: list[str], chapter: int | None) -> dict[str, dict]:
    """The experiments the book's scripts a line runs train, with the values each trains it with;
    a script named without its folder (``train.py``) is of the chapter the log is in."""
    found = {}
    for script in scripts:
        key = (chapter_of_script(script) or chapter, script.rsplit("/", 1)[-1])
        if key in _BOOK_SCRIPTS:
            experiment, values = _BOOK_SCRIPTS[key]
            found[experiment] = dict(values)
    return found
