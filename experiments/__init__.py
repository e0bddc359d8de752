"""NumPy experiments re-run from the study log, and the machinery that runs them.

`experiments.registry` is the only module the site generator needs; it (and the
no-op path of `python -m experiments`) never imports NumPy or matplotlib.
"""
