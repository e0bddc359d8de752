"""The models on CuPy give NumPy's numbers: same weights, same batch, same loss and
gradients within float32 tolerance. Skipped where CuPy or a GPU is missing."""

from __future__ import annotations

import numpy as np
import pytest

cupy = pytest.importorskip("cupy")
if not cupy.cuda.is_available():
    pytest.skip("CuPy is installed but finds no GPU", allow_module_level=True)

from experiments.datasets.toy import toy_corpus  # noqa: E402
from experiments.models import attention, count_based, rnnlm, seq2seq, word2vec  # noqa: E402
from experiments.models.backend import make_rng, to_numpy  # noqa: E402
from experiments.models.optim import Adam, merge_shared  # noqa: E402
from experiments.models.training import fit, fit_rnnlm, perplexity  # noqa: E402

IDS = np.array([[0, 1, 2, 3], [3, 4, 5, 5]])
ANSWERS = np.array([[5, 1, 2], [5, 0, 4]])
CASES = {
    "Rnnlm": (lambda xp: rnnlm.Rnnlm(6, 3, 4, rng=make_rng(xp, 0), xp=xp), (IDS[:, :3], IDS[:, 1:])),
    "PeekySeq2seq": (lambda xp: seq2seq.PeekySeq2seq(6, 3, 4, rng=make_rng(xp, 0), xp=xp), (IDS, ANSWERS)),
    "AttentionSeq2seq": (lambda xp: attention.AttentionSeq2seq(6, 3, 4, rng=make_rng(xp, 0), xp=xp), (IDS, ANSWERS)),
    "SimpleCBOW": (lambda xp: word2vec.SimpleCBOW(6, 3, rng=make_rng(xp, 0), xp=xp),
                   (np.eye(6, dtype=np.float32)[[[0, 2], [1, 3]]], np.array([1, 2]))),
}


def same_weights(source, target) -> None:
    for a, b in zip(merge_shared(source.params, source.grads)[0], merge_shared(target.params, target.grads)[0]):
        b[...] = cupy.asarray(a)


def loss_and_grads(model, batch, xp):
    loss = model.forward(*(xp.asarray(b) for b in batch))
    model.backward()
    return float(loss), [to_numpy(g) for g in merge_shared(model.params, model.grads)[1]]


@pytest.mark.parametrize("name", CASES)
def test_forward_and_backward_on_cupy_match_numpy(name):
    make, batch = CASES[name]
    on_host, on_device = make(np), make(cupy)
    same_weights(on_host, on_device)
    host_loss, host_grads = loss_and_grads(on_host, batch, np)
    device_loss, device_grads = loss_and_grads(on_device, batch, cupy)
    assert device_loss == pytest.approx(host_loss, rel=1e-4)
    for h, d in zip(host_grads, device_grads):
        assert np.allclose(h, d, rtol=1e-3, atol=1e-6)


def test_count_based_on_cupy_matches_numpy():
    toy = toy_corpus()
    results = []
    for xp in (np, cupy):
        matrix = count_based.ppmi(count_based.co_occurrence_matrix(toy.ids, toy.vocab_size, 1, xp=xp), xp=xp)
        svd = count_based.truncated_svd(matrix, 3, xp=xp)
        results.append((to_numpy(matrix), to_numpy(svd.S),
                        [n.word for n in count_based.most_similar("you", toy.word_to_id, toy.id_to_word, matrix, 3, xp)]))
    assert np.allclose(results[0][0], results[1][0], atol=1e-5)
    assert np.allclose(results[0][1], results[1][1], rtol=1e-4)
    assert set(results[0][2]) == set(results[1][2])


def test_training_loops_run_on_cupy(tmp_path):
    corpus = np.tile(np.arange(20), 30)
    contexts, target = word2vec.contexts_and_targets(corpus, 2)
    cbow = word2vec.CBOW(20, 8, cupy.asarray(corpus), rng=make_rng(cupy, 0), xp=cupy)
    history = fit(cbow, Adam(xp=cupy), contexts, target, epochs=3, batch_size=50, xp=cupy,
                  checkpoint=tmp_path / "cbow.npz")
    assert history.epoch_losses[-1] < history.epoch_losses[0]
    lm = rnnlm.BetterRnnlm(20, 8, 8, rng=make_rng(cupy, 0), xp=cupy)
    lm_history = fit_rnnlm(lm, Adam(0.01, xp=cupy), corpus, epochs=2, batch_size=4, time_size=5, xp=cupy,
                           max_grad=0.25, checkpoint=tmp_path / "lm.npz")
    assert lm_history.epoch_perplexities[-1] < 20
    assert perplexity(lm, corpus, batch_size=4, time_size=5, xp=cupy) < 20
