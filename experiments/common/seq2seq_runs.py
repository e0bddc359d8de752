"""Chapters 7 and 8: one seq2seq model trained on generated character problems, scored on
the held-out problems after every epoch, with example answers (and attention weights).

A task names its data (addition or dates, how many, reversed or not) rather than carrying
it: the generators are seeded, so a worker makes the same problems in a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from experiments.context import RunContext
from experiments.models.backend import derived_seed, make_rng, to_numpy

EXAMPLES = 6
HEAT_MAPS = 3


@dataclass(frozen=True)
class Seq2seqTask:
    data: str  # "addition" or "dates"
    model: str  # "plain", "peeky" or "attention"
    reversed: bool
    seed: int
    params: dict
    device: str


def dataset(task: Seq2seqTask):
    from experiments.datasets.addition import addition_dataset
    from experiments.datasets.dates import dates_dataset

    make = addition_dataset if task.data == "addition" else dates_dataset
    return make(task.params["problems"], seed=0, reverse_questions=task.reversed)


def build_model(task: Seq2seqTask, vocab_size: int, xp):
    from experiments.models.attention import AttentionSeq2seq
    from experiments.models.seq2seq import PeekySeq2seq, Seq2seq

    kind = {"plain": Seq2seq, "peeky": PeekySeq2seq, "attention": AttentionSeq2seq}[task.model]
    return kind(vocab_size, task.params["wordvec_size"], task.params["hidden_size"], rng=make_rng(xp, task.seed),
                xp=xp)


def train_seq2seq(task: Seq2seqTask, progress=None) -> dict:
    """Test accuracy after every epoch, the last loss, example answers and attention maps."""
    from experiments.common.tasks import iterations, share
    from experiments.models.optim import Adam
    from experiments.models.seq2seq import exact_match_rate
    from experiments.models.training import fit

    p = task.params
    xp = RunContext(device=task.device).array_module()
    data = dataset(task)
    model = build_model(task, data.vocab_size, xp)
    optimizer = Adam(p["lr"], xp=xp)
    x_test, t_test = xp.asarray(data.x_test), xp.asarray(data.t_test)
    accuracy, losses = [], []
    for epoch in range(p["epochs"]):
        # Each epoch its own shuffle: one fit() call per epoch, so the test set is scored in between.
        history = fit(model, optimizer, data.x_train, data.t_train, epochs=1, batch_size=p["batch_size"],
                      seed=derived_seed(task.seed, epoch), xp=xp, max_grad=p["max_grad"],
                      progress=iterations(share(progress, epoch / p["epochs"], 1 / p["epochs"])))
        losses.append(history.epoch_losses[-1])
        accuracy.append(exact_match_rate(model, x_test, t_test))
    return {"accuracy": accuracy, "loss": losses, "examples": examples(model, data, xp),
            "attention": attention_maps(model, data, xp) if task.model == "attention" else []}


def examples(model, data, xp) -> list[tuple[str, str, str]]:
    """(question as written, the model's answer, the right answer) for the first test problems."""
    questions, answers = data.x_test[:EXAMPLES], data.t_test[:EXAMPLES]
    guesses = to_numpy(model.generate(xp.asarray(questions), data.start_id, answers.shape[1] - 1))
    found = []
    for question, answer, guess in zip(questions, answers, guesses):
        shown = question[::-1] if data.reversed_questions else question
        found.append((data.decode(shown).strip(), data.decode(guess).strip(), data.decode(answer[1:]).strip()))
    return found


def attention_maps(model, data, xp) -> list[dict]:
    """For the first test problems: the weights each answer character gave each question
    character, the question in the order it is written."""
    questions = data.x_test[:HEAT_MAPS]
    ids, weights = model.generate_with_attention(xp.asarray(questions), data.start_id, data.t_test.shape[1] - 1)
    ids, weights = to_numpy(ids), to_numpy(weights)
    maps = []
    for question, answer, weight in zip(questions, ids, weights):
        if data.reversed_questions:
            question, weight = question[::-1], weight[:, ::-1]
        maps.append({"question": [data.id_to_char[int(i)] for i in question],
                     "answer": [data.id_to_char[int(i)] for i in answer], "weights": np.asarray(weight)})
    return maps


def example_text(found: list[tuple[str, str, str]]) -> str:
    """"16+75 → 91 ✓; 5+113 → 117 ✗ (118)": the examples as one table cell."""
    return "; ".join(f"{q} → {g or '(nothing)'}" + (" ✓" if g == a else f" ✗ ({a})") for q, g, a in found)
