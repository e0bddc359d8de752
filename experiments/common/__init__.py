"""Code the experiments share: the spiral data, the two-layer net, SGD training, figures.

Experiment files (experiments/book/) import these inside ``run``; so does nothing that
only reads specs, since most of these modules import NumPy.
"""
