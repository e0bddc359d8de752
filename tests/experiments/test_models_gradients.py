"""Every hand-written backward pass against central differences, in float64 at tiny sizes.

A layer is checked through a scalar loss sum(out * R) with a fixed random R, so dout = R;
its gradient with respect to its inputs (float ones) and its weights must match.
"""

from __future__ import annotations

import numpy as np
import pytest

from experiments.models import attention, layers, rnn, rnnlm, seq2seq, word2vec
from experiments.models.backend import make_rng
from experiments.models.gradcheck import check_arrays, check_model
from experiments.models.optim import merge_shared

TOLERANCE = 1e-5
F64 = "float64"


@pytest.fixture(autouse=True)
def exact_log(monkeypatch):
    """The losses take log(p + 1e-7), and the backward passes (as the book's) ignore the
    1e-7: that alone is a relative error of 1e-7 / p. Checked without it."""
    monkeypatch.setattr(layers, "LOG_EPSILON", 0.0)
    monkeypatch.setattr(word2vec, "LOG_EPSILON", 0.0)


def rand(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed + sum(shape)).standard_normal(shape)


def check_layer(layer, inputs: list, float_inputs: list[int], outputs: int = 1) -> float:
    """Check d(sum of out * R)/d(inputs[i] for i in float_inputs) and /d(layer.params)."""
    weights = None

    def loss() -> float:
        nonlocal weights
        out = layer.forward(*inputs)
        out = out if isinstance(out, tuple) else (out,)
        if weights is None:
            weights = [rand(*o.shape, seed=k + 7) for k, o in enumerate(out)]
        return sum(float((o * w).sum()) for o, w in zip(out, weights))

    def backward() -> list:
        loss()
        grads = layer.backward(*weights)
        grads = grads if isinstance(grads, tuple) else (grads,)
        return [grads[i] for i in range(len(float_inputs))] + list(layer.grads)

    return check_arrays(loss, backward, [inputs[i] for i in float_inputs] + list(layer.params))


LAYER_CASES = {
    "MatMul": lambda: (layers.MatMul(rand(4, 3)), [rand(5, 4)], [0]),
    "Affine": lambda: (layers.Affine(rand(4, 3), rand(3)), [rand(5, 4)], [0]),
    "Softmax": lambda: (layers.Softmax(), [rand(5, 4)], [0]),
    "Embedding.dW": lambda: (layers.Embedding(rand(6, 3)), [np.array([0, 2, 2, 5])], []),
    "EmbeddingDot": lambda: (layers.EmbeddingDot(rand(6, 3)), [rand(4, 3), np.array([1, 1, 4, 0])], [0]),
    "TimeAffine": lambda: (layers.TimeAffine(rand(4, 3), rand(3)), [rand(2, 5, 4)], [0]),
    "TimeEmbedding.dW": lambda: (layers.TimeEmbedding(rand(6, 3)), [np.array([[0, 2], [2, 5]])], []),
    "RNN": lambda: (rnn.RNN(rand(3, 4), rand(4, 4), rand(4)), [rand(2, 3), rand(2, 4)], [0, 1]),
    "LSTM": lambda: (rnn.LSTM(rand(3, 8), rand(2, 8), rand(8)), [rand(4, 3), rand(4, 2), rand(4, 2)],
                     [0, 1, 2]),
    "TimeRNN": lambda: (rnn.TimeRNN(rand(3, 4), rand(4, 4), rand(4)), [rand(2, 5, 3)], [0]),
    "TimeLSTM": lambda: (rnn.TimeLSTM(rand(3, 8), rand(2, 8), rand(8)), [rand(2, 5, 3)], [0]),
    "WeightSum": lambda: (attention.WeightSum(), [rand(2, 5, 3), rand(2, 5)], [0, 1]),
    "AttentionWeight": lambda: (attention.AttentionWeight(), [rand(2, 5, 3), rand(2, 3)], [0, 1]),
    "Attention": lambda: (attention.Attention(), [rand(2, 5, 3), rand(2, 3)], [0, 1]),
    "TimeAttention": lambda: (attention.TimeAttention(), [rand(2, 5, 3), rand(2, 4, 3)], [0, 1]),
}


@pytest.mark.parametrize("name", LAYER_CASES)
def test_layer_backward_matches_central_differences(name):
    layer, inputs, float_inputs = LAYER_CASES[name]()
    assert check_layer(layer, inputs, float_inputs) < TOLERANCE


def loss_layer_case(layer, scores: np.ndarray, target) -> float:
    def loss() -> float:
        return float(layer.forward(scores, target))

    def backward() -> list:
        loss()
        return [layer.backward()]

    return check_arrays(loss, backward, [scores])


@pytest.mark.parametrize("target", [np.array([0, 3, 1]), np.eye(4)[[0, 3, 1]]], ids=["ids", "one-hot"])
def test_softmax_with_loss_gradient(target):
    assert loss_layer_case(layers.SoftmaxWithLoss(), rand(3, 4), target) < TOLERANCE


def test_sigmoid_with_loss_gradient():
    assert loss_layer_case(layers.SigmoidWithLoss(), rand(6), np.array([1, 0, 0, 1, 1, 0.0])) < TOLERANCE


def test_time_softmax_with_loss_gradient_skips_ignored_targets():
    target = np.array([[0, 3, -1], [2, -1, 1]])
    scores = rand(2, 3, 4)
    assert loss_layer_case(layers.TimeSoftmaxWithLoss(), scores, target) < TOLERANCE
    layer = layers.TimeSoftmaxWithLoss()
    layer.forward(scores, target)
    dx = layer.backward()
    assert np.all(dx[0, 2] == 0) and np.all(dx[1, 1] == 0)


def test_dropout_scales_kept_units_and_passes_through_when_evaluating():
    layer = layers.Dropout(make_rng(np, 1), ratio=0.5)
    x = np.ones((200, 50))
    out = layer.forward(x)
    assert set(np.unique(out)) <= {0.0, 2.0}
    assert abs(out.mean() - 1.0) < 0.05  # inverted dropout keeps the expectation
    assert np.array_equal(layer.backward(np.ones_like(x)), out)
    layer.train = False
    assert layer.forward(x) is x


def same_rng_each_call(model, seed: int = 3):
    """Negative samples and dropout masks must not change between probes."""
    if hasattr(model, "use_rng"):
        model.use_rng(make_rng(np, seed))


def model_loss(model, *batch):
    def loss() -> float:
        same_rng_each_call(model)
        if hasattr(model, "reset_state"):
            model.reset_state()
        return float(model.forward(*batch))

    return loss


def onehot(ids, vocab: int) -> np.ndarray:
    return word2vec.one_hot(np.asarray(ids), vocab, dtype=F64)


MODEL_CASES = {
    "SimpleCBOW": lambda rng: (word2vec.SimpleCBOW(7, 3, rng=rng, dtype=F64),
                               (onehot([[0, 2], [1, 3], [4, 6]], 7), np.array([1, 2, 5]))),
    "SimpleSkipGram": lambda rng: (word2vec.SimpleSkipGram(7, 3, rng=rng, dtype=F64),
                                   (np.array([[0, 2], [1, 3], [4, 6]]), onehot([1, 2, 5], 7))),
    "CBOW (negative sampling)": lambda rng: (
        word2vec.CBOW(7, 3, np.array([0, 1, 2, 3, 4, 5, 6, 1, 1, 2]), sample_size=3, rng=rng, dtype=F64),
        (np.array([[0, 2], [1, 3], [4, 6]]), np.array([1, 2, 5]))),
    "SimpleRnnlm": lambda rng: (rnnlm.SimpleRnnlm(6, 3, 4, rng=rng, dtype=F64),
                                (np.array([[0, 1, 2], [3, 4, 5]]), np.array([[1, 2, 3], [4, 5, 0]]))),
    "Rnnlm": lambda rng: (rnnlm.Rnnlm(6, 3, 4, rng=rng, dtype=F64),
                          (np.array([[0, 1, 2], [3, 4, 5]]), np.array([[1, 2, 3], [4, 5, 0]]))),
    "BetterRnnlm (dropout, tied)": lambda rng: (
        rnnlm.BetterRnnlm(6, 4, 4, dropout_ratio=0.3, rng=rng, dtype=F64),
        (np.array([[0, 1, 2], [3, 4, 5]]), np.array([[1, 2, 3], [4, 5, 0]]))),
    "Seq2seq": lambda rng: (seq2seq.Seq2seq(6, 3, 4, rng=rng, dtype=F64),
                            (np.array([[0, 1, 2, 3], [3, 4, 5, 5]]), np.array([[5, 1, 2], [5, 0, 4]]))),
    "PeekySeq2seq": lambda rng: (seq2seq.PeekySeq2seq(6, 3, 4, rng=rng, dtype=F64),
                                 (np.array([[0, 1, 2, 3], [3, 4, 5, 5]]), np.array([[5, 1, 2], [5, 0, 4]]))),
    "AttentionSeq2seq": lambda rng: (
        attention.AttentionSeq2seq(6, 3, 4, rng=rng, dtype=F64),
        (np.array([[0, 1, 2, 3], [3, 4, 5, 5]]), np.array([[5, 1, 2], [5, 0, 4]]))),
}


def spread_weights(model) -> None:
    """Redraw every weight with std 0.5: at the book's 0.01 embedding scale some gradients
    are ~1e-8, below what central differences resolve in float64."""
    rng = np.random.default_rng(5)
    for param in merge_shared(model.params, model.grads)[0]:
        param[...] = 0.5 * rng.standard_normal(param.shape)


@pytest.mark.parametrize("name", MODEL_CASES)
def test_model_backward_matches_central_differences(name):
    model, batch = MODEL_CASES[name](make_rng(np, 0))
    spread_weights(model)
    assert check_model(model, model_loss(model, *batch), count=8) < TOLERANCE


def test_tied_output_layer_is_a_view_of_the_embedding():
    model = rnnlm.BetterRnnlm(6, 4, 4, rng=make_rng(np, 0), dtype=F64)
    embed_W, affine_W = model.layers[0].params[0], model.layers[-1].params[0]
    assert affine_W.base is embed_W
    embed_W[1, 2] = 7.0
    assert affine_W[2, 1] == 7.0


def test_tied_weights_need_equal_sizes():
    with pytest.raises(ValueError, match="wordvec_size == hidden_size"):
        rnnlm.BetterRnnlm(6, 3, 4, rng=make_rng(np, 0))
