"""The training loops: progress reports, checkpoints that resume to the same numbers as an
uninterrupted run, shared weights, clipping and the optimizers' state."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from experiments.datasets.grammar import generate_corpus
from experiments.models.backend import make_rng
from experiments.models.optim import SGD, Adam, clip_grads, merge_shared
from experiments.models.rnnlm import BetterRnnlm, Rnnlm
from experiments.models.training import fit, fit_rnnlm, stream_block
from experiments.models.word2vec import CBOW, contexts_and_targets


@pytest.fixture(autouse=True, scope="module")
def one_blas_thread():
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def words():
    return generate_corpus(6_000, 100, 100, seed=3)


def cbow(words):
    return CBOW(words.vocab_size, 10, words.train, rng=make_rng(np, 0))


def better_rnnlm(words):
    return BetterRnnlm(words.vocab_size, 12, 12, dropout_ratio=0.5, rng=make_rng(np, 0))


def train_cbow(words, model, epochs, checkpoint=None, progress=None):
    contexts, target = contexts_and_targets(words.train, 2)
    return fit(model, Adam(), contexts, target, epochs=epochs, batch_size=50, seed=7,
               checkpoint=checkpoint, progress=progress)


def train_lm(words, model, epochs, checkpoint=None, progress=None):
    return fit_rnnlm(model, Adam(0.01), words.train, epochs=epochs, batch_size=4, time_size=10, seed=7,
                     max_grad=0.25, valid=words.valid, lr_decay=4.0, checkpoint=checkpoint, progress=progress)


@pytest.mark.parametrize("make, train", [(cbow, train_cbow), (better_rnnlm, train_lm)],
                         ids=["fit: CBOW, negative sampling", "fit_rnnlm: BetterRnnlm, dropout"])
def test_a_resumed_run_ends_exactly_where_an_uninterrupted_one_does(words, tmp_path, make, train):
    straight = make(words)
    straight_history = train(words, straight, epochs=3)
    path = tmp_path / "run" / "checkpoint.npz"
    train(words, make(words), epochs=1, checkpoint=path)
    resumed = make(words)  # a fresh process: new weights, loaded from the file
    resumed_history = train(words, resumed, epochs=3, checkpoint=path)
    assert resumed_history == straight_history
    for a, b in zip(straight.params, resumed.params):
        assert np.array_equal(a, b)


def test_a_finished_run_is_not_trained_again(words, tmp_path):
    path = tmp_path / "checkpoint.npz"
    first = train_cbow(words, cbow(words), epochs=2, checkpoint=path)
    calls = []
    again = train_cbow(words, cbow(words), epochs=2, checkpoint=path, progress=lambda d, t: calls.append(d))
    assert again == first and calls == []


def test_checkpoint_of_another_model_is_refused(words, tmp_path):
    path = tmp_path / "checkpoint.npz"
    train_cbow(words, cbow(words), epochs=1, checkpoint=path)
    other = CBOW(words.vocab_size, 11, words.train, rng=make_rng(np, 0))
    with pytest.raises(ValueError, match="do not match this model"):
        train_cbow(words, other, epochs=2, checkpoint=path)


def test_progress_counts_every_iteration_of_every_epoch(words):
    reports = []
    model = Rnnlm(words.vocab_size, 8, 8, rng=make_rng(np, 0))
    fit_rnnlm(model, SGD(0.1), words.train, epochs=2, batch_size=4, time_size=10,
              progress=lambda done, total: reports.append((done, total)))
    iters = (len(words.train) - 1) // 40
    assert reports == [(i, 2 * iters) for i in range(1, 2 * iters + 1)]


def test_stream_block_reads_parallel_streams_and_next_words():
    corpus = np.arange(21)
    xs, ts = stream_block(corpus, batch_size=2, time_size=3, time_index=3, xp=np)
    assert xs.tolist() == [[3, 4, 5], [13, 14, 15]]
    assert ts.tolist() == [[4, 5, 6], [14, 15, 16]]


def test_merge_shared_adds_gradients_of_copies_and_transposed_views():
    W, other = np.ones((2, 3)), np.zeros(4)
    params = [W, other, W, W.T]
    grads = [np.full((2, 3), 1.0), np.ones(4), np.full((2, 3), 2.0), np.arange(6.0).reshape(3, 2)]
    kept, summed = merge_shared(params, grads)
    assert kept[0] is W and kept[1] is other and len(kept) == 2
    assert np.array_equal(summed[0], 3.0 + np.arange(6.0).reshape(3, 2).T)
    assert grads[0].tolist() == [[1.0] * 3] * 2  # the layers' own gradients are left alone


def test_clip_grads_scales_to_the_max_norm_only_when_above_it():
    grads = [np.array([3.0, 0.0]), np.array([[4.0]])]
    assert float(clip_grads(grads, 1.0)) == pytest.approx(5.0)
    assert np.sqrt(sum((g ** 2).sum() for g in grads)) == pytest.approx(1.0, abs=1e-5)
    small = [np.array([0.3, 0.4])]
    clip_grads(small, 1.0)
    assert small[0].tolist() == [0.3, 0.4]


def test_adam_first_step_moves_each_weight_by_the_learning_rate():
    params, grads = [np.array([1.0, -2.0])], [np.array([0.5, -3.0])]
    Adam(lr=0.1).update(params, grads)
    assert params[0] == pytest.approx([0.9, -1.9], abs=1e-6)


def test_adam_state_round_trips():
    params, grads = [np.ones(3)], [np.array([1.0, 2.0, 3.0])]
    first = Adam()
    first.update(params, grads)
    second = Adam()
    second.load_state(first.state())
    a, b = [np.ones(3)], [np.ones(3)]
    first.update(a, grads)
    second.update(b, grads)
    assert np.array_equal(a[0], b[0]) and second.steps == 2
