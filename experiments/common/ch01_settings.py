"""Chapter 1's settings as parameters: the book's values, bounds and the words a log uses.

Plain declarations (no NumPy), shared by the chapter-1 experiment files.
"""

from __future__ import annotations

from experiments.spec import integer, integers, number, numbers

# The spiral of experiments/common/data.py: 3 classes of 100 points (a test checks they
# agree). No batch may hold more points than there are.
SPIRAL_POINTS = 300
# The bounds keep a run within minutes: the book's runs take seconds at 300 epochs.
MAX_EPOCHS = 5000
MAX_LR = 100.0
MAX_SEEDS = 50

LR_WORDS = ("learning rate", "lr", "learning_rate", "eta")
BATCH_WORDS = ("batch size", "batch_size", "batch", "batchsize", "mini-batch size")

LR = number("lr", 1.0, "lr", "SGD learning rate", 0.0, MAX_LR, words=LR_WORDS)
BATCH_SIZE = integer("batch_size", 30, "batch", "samples per update", 1, SPIRAL_POINTS, words=BATCH_WORDS,
                     limit="training points")
HIDDEN_SIZE = integer("hidden_size", 10, "hidden", "units in the hidden layer", 1, 1000,
                      words=("hidden size", "hidden_size", "hidden units", "hidden"))
EPOCHS = integer("epochs", 300, "epochs", "passes over the training points", 1, MAX_EPOCHS,
                 words=("epochs", "max_epoch", "max epoch", "epoch"))
N_SEEDS = integer("n_seeds", 5, "seeds", "seeds 0..n-1; each draws data, init, shuffles", 1, MAX_SEEDS,
                  words=("seeds", "n_seeds"))

SWEPT_LRS = numbers("lrs", (0.01, 0.1, 1.0, 3.0, 10.0), "lr", "learning rates swept", 0.0, MAX_LR,
                    words=("learning rates", "lrs", *LR_WORDS))
SWEPT_BATCHES = integers("batch_sizes", (5, 10, 30, 100), "batch", "batch sizes swept", 1, SPIRAL_POINTS,
                         words=("batch sizes", "batch_sizes", *BATCH_WORDS), limit="training points")

