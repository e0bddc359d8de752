"""Parameters the chapter 2-8 experiments share: the book's names for them and bounds that
keep a quick run within minutes; and the two chapter-6 language models' table columns
(plain declarations, no NumPy)."""

from __future__ import annotations

from experiments.spec import Column, Param, integer, number

MAX_SEEDS = 20
MAX_STAND_IN_WORDS = 2_000_000

LR_WORDS = ("learning rate", "lr", "learning_rate")
BATCH_WORDS = ("batch size", "batch_size", "batch", "mini-batch size")
HIDDEN_WORDS = ("hidden size", "hidden_size", "hidden units", "hidden")
WORDVEC_WORDS = ("wordvec size", "wordvec_size", "word vector size", "embedding size", "wordvec")
WINDOW_WORDS = ("window size", "window_size", "window")
EPOCH_WORDS = ("epochs", "max_epoch", "max epoch", "epoch")
TIME_WORDS = ("time size", "time_size", "time steps", "bptt length")
CLIP_WORDS = ("max grad", "max_grad", "max_norm", "clip", "clipping")


def seeds(default: int) -> Param:
    return integer("n_seeds", default, "seeds", "seeds 0..n-1; each draws its own initial weights and batches",
                   1, MAX_SEEDS, words=("seeds", "n_seeds"))


def epochs(default: int, maximum: int) -> Param:
    return integer("epochs", default, "epochs", "passes over the training data", 1, maximum, words=EPOCH_WORDS)


def learning_rate(default: float, maximum: float, help: str) -> Param:
    return number("lr", default, "lr", help, 0.0, maximum, words=LR_WORDS)


def batch_size(default: int, maximum: int) -> Param:
    return integer("batch_size", default, "batch", "examples per update", 1, maximum, words=BATCH_WORDS)


def hidden_size(default: int, maximum: int) -> Param:
    return integer("hidden_size", default, "hidden", "hidden units (word vector size for word2vec)", 1, maximum,
                   words=HIDDEN_WORDS)


def wordvec_size(default: int, maximum: int) -> Param:
    return integer("wordvec_size", default, "wordvec", "word vector (embedding) size", 1, maximum,
                   words=WORDVEC_WORDS)


def window_size(default: int, maximum: int) -> Param:
    return integer("window_size", default, "window", "context words on each side", 1, maximum, words=WINDOW_WORDS)


def time_size(default: int) -> Param:
    return integer("time_size", default, "time", "time steps per truncated-BPTT block", 1, 200, words=TIME_WORDS)


def max_grad(default: float) -> Param:
    return number("max_grad", default, "clip", "gradient clipping threshold (global L2 norm)", 0.0, 1000.0,
                  words=CLIP_WORDS)


def stand_in_words(default: int) -> Param:
    return integer("stand_in_words", default, "standin", "training words of the generated stand-in corpus "
                   "(used when PTB is not at hand)", 2_000, MAX_STAND_IN_WORDS,
                   words=("stand_in_words", "stand-in words", "stand in words"))


LSTM_LM_COLUMNS = (
    Column("corpus", "corpus"), Column("epochs", "epochs"),
    Column("test", "test perplexity (mean ± std)", "spread"), Column("true", "true perplexity of the test text"),
    Column("unigram", "unigram perplexity"), Column("reference", "the book on PTB"),
    Column("sample", "sampled text (seed 0)"),
)
