"""Every hand-written backward pass agrees with central differences."""

import numpy as np
import pytest

from experiments.common import layers, net
from experiments.common.gradcheck import numerical_gradient
from experiments.common.optim import sgd_step
from experiments.common.stacked_sgd import StackedNets, cross_entropy_of

MODELS, BATCH, INPUTS, HIDDEN, CLASSES = 3, 4, 2, 5, 3
TOLERANCE = dict(rtol=1e-5, atol=1e-7)


@pytest.fixture
def rng():
    return np.random.default_rng(7)


def test_affine_backward_matches_numerical_gradient(rng):
    x = rng.standard_normal((MODELS, BATCH, INPUTS))
    w = rng.standard_normal((MODELS, INPUTS, HIDDEN))
    b = rng.standard_normal((MODELS, 1, HIDDEN))
    upstream = rng.standard_normal((MODELS, BATCH, HIDDEN))
    dx, dw, db = layers.affine_backward(x, w, upstream)
    np.testing.assert_allclose(dx, numerical_gradient(lambda v: np.sum(layers.affine(v, w, b) * upstream), x), **TOLERANCE)
    np.testing.assert_allclose(dw, numerical_gradient(lambda v: np.sum(layers.affine(x, v, b) * upstream), w), **TOLERANCE)
    np.testing.assert_allclose(db, numerical_gradient(lambda v: np.sum(layers.affine(x, w, v) * upstream), b), **TOLERANCE)


def test_sigmoid_backward_matches_numerical_gradient(rng):
    x = rng.standard_normal((MODELS, BATCH, HIDDEN))
    upstream = rng.standard_normal(x.shape)
    analytic = layers.sigmoid_backward(layers.sigmoid(x), upstream)
    numeric = numerical_gradient(lambda v: np.sum(layers.sigmoid(v) * upstream), x)
    np.testing.assert_allclose(analytic, numeric, **TOLERANCE)


def test_softmax_cross_entropy_backward_matches_numerical_gradient(rng):
    scores = rng.standard_normal((MODELS, BATCH, CLASSES))
    onehot = np.eye(CLASSES)[rng.integers(0, CLASSES, (MODELS, BATCH))]
    analytic = layers.softmax_cross_entropy_backward(layers.softmax(scores), onehot)
    numeric = numerical_gradient(lambda v: layers.cross_entropy(layers.softmax(v), onehot).sum(), scores)
    # The 1e-7 inside the log shifts the exact gradient by about 1e-7 relative.
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-6)


def test_cross_entropy_is_the_mean_negative_log_probability_of_the_true_class():
    probs = np.array([[[0.5, 0.25, 0.25], [0.1, 0.8, 0.1]]])
    onehot = np.eye(3)[[[0, 1]]]
    expected = -(np.log(0.5 + 1e-7) + np.log(0.8 + 1e-7)) / 2
    np.testing.assert_allclose(layers.cross_entropy(probs, onehot), [expected])


def test_softmax_survives_large_scores():
    probs = layers.softmax(np.array([[1000.0, 0.0, -1000.0]]))
    np.testing.assert_allclose(probs, [[1.0, 0.0, 0.0]])


def test_two_layer_net_gradients_match_numerical_gradient_for_every_model(rng):
    params = net.stack_params([net.init_params(rng, INPUTS, HIDDEN, CLASSES) for _ in range(MODELS)])
    # Larger than the book's 0.01 init, so every gradient is far from zero.
    params = net.TwoLayerParams(*(a * 100 + rng.standard_normal(a.shape) * 0.1 for a in params.arrays()))
    x = rng.standard_normal((MODELS, BATCH, INPUTS))
    onehot = np.eye(CLASSES)[rng.integers(0, CLASSES, (MODELS, BATCH))]
    _, grads = net.loss_and_grads(params, x, onehot)
    for name in ("w1", "b1", "w2", "b2"):

        def total_loss(value, name=name):
            changed = net.TwoLayerParams(**{**vars(params), name: value})
            return net.loss_and_grads(changed, x, onehot)[0].sum()

        numeric = numerical_gradient(total_loss, getattr(params, name))
        np.testing.assert_allclose(getattr(grads, name), numeric, rtol=1e-5, atol=1e-6, err_msg=name)


def test_models_in_a_stack_do_not_influence_each_other(rng):
    params = net.stack_params([net.init_params(rng, INPUTS, HIDDEN, CLASSES) for _ in range(2)])
    x = rng.standard_normal((2, BATCH, INPUTS))
    onehot = np.eye(CLASSES)[rng.integers(0, CLASSES, (2, BATCH))]
    loss, grads = net.loss_and_grads(params, x, onehot)
    alone_loss, alone_grads = net.loss_and_grads(net.select_models(params, [0]), x[:1], onehot[:1])
    np.testing.assert_allclose(loss[:1], alone_loss)
    for stacked, alone in zip(grads.arrays(), alone_grads.arrays()):
        np.testing.assert_allclose(stacked[:1], alone)


def test_sgd_step_moves_each_model_by_its_own_learning_rate(rng):
    params = net.stack_params([net.init_params(rng, INPUTS, HIDDEN, CLASSES) for _ in range(2)])
    grads = net.TwoLayerParams(*(np.ones_like(a) for a in params.arrays()))
    stepped = sgd_step(params, grads, np.array([0.5, 2.0])[:, None, None])
    np.testing.assert_allclose(params.w1[0] - stepped.w1[0], 0.5)
    np.testing.assert_allclose(params.w1[1] - stepped.w1[1], 2.0)


def test_fused_stacked_step_equals_the_layer_by_layer_loss_gradients_and_sgd(rng):
    params = net.stack_params([net.init_params(rng, INPUTS, HIDDEN, CLASSES) for _ in range(MODELS)])
    params = net.TwoLayerParams(*(a * 100 + rng.standard_normal(a.shape) for a in params.arrays()))
    x = rng.standard_normal((MODELS, BATCH, INPUTS))
    labels = rng.integers(0, CLASSES, (MODELS, BATCH))
    onehot = np.eye(CLASSES)[labels]
    lr = np.array([0.1, 1.0, 3.0])
    loss, grads = net.loss_and_grads(params, x, onehot)
    expected = sgd_step(params, grads, lr[:, None, None])

    nets = StackedNets(params, lr, BATCH, np.float64)
    # Feature-major: (model, feature, point), the inputs with a row of ones for the bias.
    with_ones = np.concatenate([x, np.ones((MODELS, BATCH, 1))], axis=-1).swapaxes(-1, -2)
    model, point = np.arange(MODELS)[:, None], np.arange(BATCH)
    true_index = (model * CLASSES + labels) * BATCH + point
    true_prob = np.empty((MODELS, BATCH))
    nets.step(with_ones, onehot.swapaxes(-1, -2), true_index, true_prob)
    np.testing.assert_allclose(cross_entropy_of(true_prob), loss, rtol=1e-12)
    for name, fused, layered in zip(("w1", "b1", "w2", "b2"), nets.params().arrays(), expected.arrays()):
        np.testing.assert_allclose(fused, layered, rtol=1e-12, atol=1e-12, err_msg=name)
