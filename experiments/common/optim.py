"""Plain stochastic gradient descent, one array at a time (`stacked_sgd` fuses it into the backward pass)."""

from __future__ import annotations

import numpy as np

from experiments.common.net import TwoLayerParams


def sgd_step(params: TwoLayerParams, grads: TwoLayerParams, lr: np.ndarray | float) -> TwoLayerParams:
    """param - lr * grad for every array; `lr` broadcasts (shape (models, 1, 1) when stacked)."""
    return TwoLayerParams(*(p - lr * g for p, g in zip(params.arrays(), grads.arrays())))
