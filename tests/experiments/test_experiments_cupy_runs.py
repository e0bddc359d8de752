"""The chapter 2-8 experiments on a GPU (CuPy) give NumPy's numbers at small sizes, within the
drift of float32 arithmetic in another order. Skipped where CuPy or a GPU is missing."""

from __future__ import annotations

import importlib

import pytest
from tiny import tiny_params

from experiments import EXPERIMENTS, make_run
from experiments.context import RunContext
from experiments.result import agree
from experiments.spec import Tolerance

cupy = pytest.importorskip("cupy")
if not cupy.cuda.is_available():
    pytest.skip("CuPy is installed but finds no GPU", allow_module_level=True)

# What is compared: the numbers, not sampled text or example answers (a nearly tied draw or
# argmax may go either way on another device).
COMPARED = {
    "ch02-count-toy": ("co_occurrence", "ppmi"),
    "ch02-count-corpus": ("class_precision_at_5",),
    "ch03-simple-word2vec": ("settings",),
    "ch04-word2vec": ("final_loss",),
    "ch05-rnnlm": ("perplexity_per_epoch",),
    "ch06-lstm-lm": ("test_perplexity", "valid_perplexity_per_epoch"),
    "ch06-better-lstm-lm": ("test_perplexity",),
    "ch07-seq2seq": (),
    "ch08-attention": (),
}


@pytest.mark.parametrize("experiment", sorted(COMPARED))
def test_an_experiment_on_the_gpu_matches_numpy(experiment):
    module = importlib.import_module(EXPERIMENTS[experiment].module)
    params = tiny_params(experiment, make_run(experiment).params_dict())
    on_cpu = module.run(params, context=RunContext(device="cpu"))
    on_gpu = module.run(params, context=RunContext(device="gpu"))
    assert on_gpu.metrics.get("device", "gpu") == "gpu"
    for key in COMPARED[experiment]:
        without_text = [_numbers(m[key]) for m in (on_cpu.metrics, on_gpu.metrics)]
        assert agree(*without_text, Tolerance(relative=0.02, absolute=1e-3)), (experiment, key)
    assert [f.file for f in on_cpu.figures] == [f.file for f in on_gpu.figures]


def _numbers(value):
    """`value` without its text (nearest-word lists differ where cosines tie)."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items() if not isinstance(v, str)}
    if isinstance(value, list):
        return [_numbers(v) for v in value if not isinstance(v, str)]
    return value
