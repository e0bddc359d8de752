"""Chapters 5 and 6: language models on the generated corpus, whose true perplexity is
known exactly -- a model must land between it and the unigram baseline."""

from __future__ import annotations

import math

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from experiments.datasets.corpus import unigram_perplexity
from experiments.datasets.grammar import generate_corpus
from experiments.models.backend import make_rng
from experiments.models.optim import SGD, Adam
from experiments.models.rnn import TimeLSTM, TimeRNN
from experiments.models.rnnlm import BetterRnnlm, Rnnlm, SimpleRnnlm
from experiments.models.training import History, end_of_rnnlm_epoch, fit_rnnlm, perplexity


@pytest.fixture(autouse=True, scope="module")
def one_blas_thread():
    """At these sizes BLAS threads only fight over the cores (several times slower)."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(60_000, 10_000, 10_000, seed=2)


def test_rnnlm_lands_between_the_true_and_the_unigram_perplexity(corpus):
    model = Rnnlm(corpus.vocab_size, 64, 64, rng=make_rng(np, 0))
    fit_rnnlm(model, Adam(0.005), corpus.train, epochs=3, batch_size=20, time_size=20, max_grad=5.0)
    model_ppl = perplexity(model, corpus.test, batch_size=10, time_size=20)
    true_ppl = corpus.true_perplexity["test"]
    unigram = unigram_perplexity(corpus.train, corpus.test, corpus.vocab_size)
    # Measured: true 12.06, model 14.52, unigram 124.6.
    assert model_ppl < unigram / 4
    assert 0.97 * true_ppl < model_ppl < 1.5 * true_ppl


def test_simple_rnnlm_learns_well_past_unigram(corpus):
    model = SimpleRnnlm(corpus.vocab_size, 32, 32, rng=make_rng(np, 0))
    history = fit_rnnlm(model, SGD(0.1), corpus.train[:20_000], epochs=2, batch_size=10, time_size=5)
    unigram = unigram_perplexity(corpus.train, corpus.test, corpus.vocab_size)
    assert history.epoch_perplexities[-1] < unigram / 2
    assert perplexity(model, corpus.test, batch_size=10, time_size=5) > 0.97 * corpus.true_perplexity["test"]


def test_better_rnnlm_trains_with_dropout_and_tied_weights(corpus):
    model = BetterRnnlm(corpus.vocab_size, 32, 32, dropout_ratio=0.3, rng=make_rng(np, 0))
    history = fit_rnnlm(model, Adam(0.01), corpus.train[:20_000], epochs=2, batch_size=10, time_size=10,
                        max_grad=0.25, valid=corpus.valid)
    assert len(history.valid_perplexities) == 2
    assert history.valid_perplexities[-1] < unigram_perplexity(corpus.train, corpus.valid, corpus.vocab_size) / 3
    assert history.valid_perplexities[-1] > 0.97 * corpus.true_perplexity["valid"]


class FixedLossModel:
    """A stand-in language model whose loss is given: its perplexity is exp(loss)."""

    def __init__(self, loss: float) -> None:
        self.loss = loss

    def forward(self, xs, ts, train=True):
        return self.loss

    def reset_state(self) -> None:
        pass


@pytest.mark.parametrize("new_ppl, expected_lr", [(12.0, 5.0), (10.0, 5.0), (8.0, 20.0)])
def test_learning_rate_falls_when_validation_perplexity_is_no_new_best(new_ppl, expected_lr):
    optimizer = SGD(20.0)
    history = History((1.0,), (2.7,), (10.0,))
    after = end_of_rnnlm_epoch(FixedLossModel(math.log(new_ppl)), optimizer, history, 1.0, np.zeros(100, int),
                               4.0, batch_size=2, time_size=5, xp=np)
    assert optimizer.lr == expected_lr
    assert after.valid_perplexities == pytest.approx((10.0, new_ppl))


@pytest.mark.parametrize("layer_class, width", [(TimeRNN, 4), (TimeLSTM, 16)])
def test_stateful_layers_carry_the_state_across_blocks(layer_class, width):
    rng = np.random.default_rng(0)
    weights = rng.standard_normal((3, width)), rng.standard_normal((4, width)), np.zeros(width)
    xs = rng.standard_normal((2, 6, 3))
    whole = layer_class(*weights).forward(xs)
    layer = layer_class(*weights, stateful=True)
    halves = np.concatenate([layer.forward(xs[:, :3]), layer.forward(xs[:, 3:])], axis=1)
    assert np.allclose(halves, whole)
    layer.reset_state()
    assert np.allclose(layer.forward(xs[:, 3:]), layer_class(*weights).forward(xs[:, 3:]))


def test_perplexity_refuses_a_corpus_shorter_than_one_block(corpus):
    model = Rnnlm(corpus.vocab_size, 8, 8, rng=make_rng(np, 0))
    with pytest.raises(ValueError, match="too short"):
        perplexity(model, corpus.test[:20], batch_size=10, time_size=5)
