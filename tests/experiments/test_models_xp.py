"""The models run on whatever array module they are given: no NumPy call may hide in their
array code (it would pull CuPy arrays back to the host, or fail on them)."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

import experiments.models
from experiments.models.backend import derived_seed, make_rng, random_permutation, scatter_add, to_numpy

MODELS = Path(experiments.models.__file__).parent
# backend: the xp helpers themselves; gradcheck: a NumPy-only test aid; training: the
# checkpoint file is written and read on the host.
HOST_SIDE = {"backend.py", "gradcheck.py", "training.py"}
ARRAY_CODE = sorted(p for p in MODELS.glob("*.py") if p.name not in HOST_SIDE | {"__init__.py"})


def numpy_uses(path: Path) -> list[str]:
    """`numpy.X` / `np.X` anywhere in the module except as the default value of xp."""
    tree = ast.parse(path.read_text("utf-8"))
    defaults = {id(d) for node in ast.walk(tree) if isinstance(node, ast.arguments)
                for d in node.defaults + node.kw_defaults if d is not None}
    return [f"{path.name}:{node.lineno}: {ast.unparse(node)}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id in ("numpy", "np") and id(node) not in defaults]


@pytest.mark.parametrize("path", ARRAY_CODE, ids=lambda p: p.name)
def test_array_code_calls_only_the_xp_it_was_given(path):
    assert numpy_uses(path) == []


def test_make_rng_is_seeded_per_module():
    a, b = make_rng(np, 5), make_rng(np, 5)
    assert np.array_equal(a.random(4), b.random(4))


def test_scatter_add_adds_repeated_indices():
    target = np.zeros(3)
    scatter_add(np, target, np.array([0, 2, 2]), np.array([1.0, 2.0, 3.0]))
    assert target.tolist() == [1.0, 0.0, 5.0]


def test_random_permutation_is_a_permutation():
    order = to_numpy(random_permutation(np, make_rng(np, 0), 10))
    assert sorted(order.tolist()) == list(range(10))


def test_derived_seeds_differ_per_key_and_repeat():
    assert derived_seed(1, 0, 0) == derived_seed(1, 0, 0)
    assert len({derived_seed(1, e, s) for e in range(5) for s in range(2)}) == 10
