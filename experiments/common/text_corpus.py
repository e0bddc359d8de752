"""The text a chapter 2-6 run reads: the learner's PTB when the settings name it, else the
generated stand-in corpus, which is never presented as PTB.

The stand-in (experiments.datasets.grammar) has planted word classes and analogies and a
known exact perplexity, the floor no language model beats: pages show it beside the
model's. Both come as one record, so an experiment reads either the same way and says
which it read in every table, caption and metrics file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from experiments.context import RunContext
from experiments.datasets.corpus import unigram_perplexity
from experiments.datasets.grammar import NAME as STAND_IN, GeneratedCorpus, generate_corpus
from experiments.datasets.ptb import load_ptb_splits

PTB = "PTB"
STAND_IN_SEED = 0
HELD_OUT_SHARE = 10  # the stand-in's validation and test splits: a tenth of its training words each


@dataclass(frozen=True)
class TextCorpus:
    name: str  # "PTB" or "generated stand-in corpus (not PTB)"
    train: np.ndarray
    valid: np.ndarray
    test: np.ndarray
    word_to_id: Mapping[str, int]
    id_to_word: tuple[str, ...]
    stand_in: GeneratedCorpus | None = None

    @property
    def is_ptb(self) -> bool:
        return self.stand_in is None

    @property
    def vocab_size(self) -> int:
        return len(self.id_to_word)

    def true_perplexity(self, ids: np.ndarray) -> float | None:
        """The stand-in's exact perplexity of `ids` (text that starts a sentence); None on PTB."""
        return None if self.stand_in is None else self.stand_in.grammar.perplexity(ids)

    def unigram_perplexity(self, ids: np.ndarray) -> float:
        """Word frequencies of the training text, no context: the baseline a model must beat."""
        return unigram_perplexity(self.train, ids, self.vocab_size)

    def metrics(self) -> dict:
        """What metrics.json says about the text, so no reader takes stand-in numbers for PTB's."""
        found = {"name": self.name, "ptb": self.is_ptb, "vocabulary": self.vocab_size,
                 "words": {"train": len(self.train), "valid": len(self.valid), "test": len(self.test)}}
        if self.stand_in is not None:
            found["stand_in"] = "generated from a known grammar; not PTB, and not comparable with PTB figures"
            found["true_perplexity"] = dict(self.stand_in.true_perplexity)
            found["expected_true_perplexity"] = math.exp(self.stand_in.grammar.entropy_rate())
        return found


def load_corpus(context: RunContext, stand_in_words: int) -> TextCorpus:
    """PTB from the context's folder, else a stand-in with `stand_in_words` training words."""
    if context.ptb_dir is not None:
        splits = load_ptb_splits(context.ptb_dir)
        return TextCorpus(PTB, splits.train, splits.valid, splits.test, splits.word_to_id, splits.id_to_word)
    held_out = max(stand_in_words // HELD_OUT_SHARE, 1000)
    generated = generate_corpus(stand_in_words, held_out, held_out, seed=STAND_IN_SEED)
    return TextCorpus(STAND_IN, generated.train, generated.valid, generated.test, generated.word_to_id,
                      generated.id_to_word, generated)


def short_name(corpus: TextCorpus) -> str:
    """For figure titles and table cells: "PTB" or "stand-in (not PTB)"."""
    return PTB if corpus.is_ptb else "stand-in (not PTB)"
