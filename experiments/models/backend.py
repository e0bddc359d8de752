"""The array module every model runs on, and the few operations NumPy and CuPy spell apart.

Models take the array module as ``xp`` (``numpy`` by default, ``cupy`` on a GPU) and never
call ``numpy`` directly, so one code path serves both. Random numbers come from a generator
made here, which both libraries provide under the same name.
"""

from __future__ import annotations

from typing import Any

import numpy

ArrayModule = Any  # numpy or cupy; both expose the same functions used here
Array = Any  # numpy.ndarray or cupy.ndarray


def make_rng(xp: ArrayModule = numpy, seed: int = 0) -> Any:
    """A seeded generator on xp's device (numpy.random.Generator or cupy's)."""
    return xp.random.default_rng(seed)


def scatter_add(xp: ArrayModule, target: Array, index: Any, values: Array) -> None:
    """target[index] += values, adding repeated indices up (unlike plain fancy indexing)."""
    add_at = getattr(xp.add, "at", None)
    if add_at is not None:
        add_at(target, index, values)
        return
    import cupyx  # older CuPy: ufunc.at is missing, cupyx.scatter_add does the same

    cupyx.scatter_add(target, index, values)


def to_numpy(array: Array) -> numpy.ndarray:
    """A host copy of an xp array (CuPy arrays have .get(); NumPy arrays pass through)."""
    get = getattr(array, "get", None)
    return numpy.asarray(get() if get is not None else array)


def random_normal(rng: Any, shape: tuple[int, ...], scale: float, dtype: str) -> Array:
    """Gaussian weights with standard deviation `scale`, in `dtype`."""
    return (rng.standard_normal(shape) * scale).astype(dtype)


def random_permutation(xp: ArrayModule, rng: Any, n: int) -> Array:
    """A uniformly random order of range(n); argsort of uniforms works on both libraries."""
    return xp.argsort(rng.random(n))


def derived_seed(*keys: int) -> int:
    """A seed for one stream (say: run seed, epoch, purpose), independent of its siblings.

    Host-side bookkeeping, not array work: NumPy's SeedSequence mixes the keys.
    """
    return int(numpy.random.SeedSequence(list(keys)).generate_state(1)[0])
