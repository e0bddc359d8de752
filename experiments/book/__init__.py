"""The experiments, one module each (``chNN_name.py``), discovered by experiments.catalog.

Each module declares ``SPEC`` (experiments.spec.Spec) at the top, importable without
NumPy, and ``run(params, progress) -> Result``, which imports NumPy inside.
"""
