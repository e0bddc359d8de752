"""The experiments, one module each (``chNN_name.py``), discovered by experiments.catalog.

Each module declares ``SPEC`` (experiments.spec.Spec) at the top, importable without
NumPy, and ``run(params, progress) -> Result``, which imports NumPy inside. The chapter
2-8 modules declare an experiments.tiers.TieredSpec (quick or heavy, reads a corpus or
not) and take ``context`` too (experiments.context.RunContext: PTB, device, cluster,
checkpoints).
"""
