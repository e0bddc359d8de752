"""Tiers: quick experiments run wherever ``make experiments`` runs; heavy ones only when named.

A heavy experiment (word2vec on PTB, the large LSTM language model: hours per seed on a
CPU) never runs in CI or in the Pages workflow: ``make experiments`` plans it and reports
it as heavy, and only ``make experiments ONLY=<id>`` runs it, saving a checkpoint after
every epoch so a stopped run continues where it was. Until then its box on the page says
how to run it.

The chapter 2-8 experiments declare their tier, and whether they read the learner's PTB
(else the generated stand-in corpus), with ``TieredSpec``. ``Spec`` itself stays as it
was: its source is part of every chapter-1 run's cache key, and changing it would make
the seed log's committed results stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from experiments.spec import Spec

QUICK, HEAVY = "quick", "heavy"


@dataclass(frozen=True)
class TieredSpec(Spec):
    """A Spec with a tier, what a run costs, and whether it reads a text corpus.

    ``cost``: what one run takes at the book's sizes ("about 15 CPU-hours per seed on
    PTB"), shown where a heavy run has not been run. ``uses_corpus``: the run reads PTB
    from the folder the settings name, else the generated stand-in; the corpus enters
    the run's cache key. Its ``run`` takes ``context`` (experiments.context.RunContext).
    """

    tier: str = QUICK
    cost: str = ""
    uses_corpus: bool = False

    def __post_init__(self) -> None:
        if self.tier not in (QUICK, HEAVY):
            raise ValueError(f"{self.id}: tier {self.tier!r} is neither {QUICK!r} nor {HEAVY!r}")


def tier_of(spec: Spec) -> str:
    return getattr(spec, "tier", QUICK)


def is_heavy(spec: Spec) -> bool:
    return tier_of(spec) == HEAVY


def uses_corpus(spec: Spec) -> bool:
    return bool(getattr(spec, "uses_corpus", False))


def takes_context(spec: Spec) -> bool:
    """Whether the experiment's ``run`` takes a RunContext (the chapter 2-8 experiments do)."""
    return isinstance(spec, TieredSpec)


def heavy_command(spec: Spec) -> str:
    return f"make experiments ONLY={spec.id}"


def heavy_message(spec: Spec) -> str:
    """What a heavy run that has not been run says: "heavy: run with `make experiments ONLY=...`"."""
    cost = getattr(spec, "cost", "")
    return f"heavy: run with `{heavy_command(spec)}`" + (f" ({cost})" if cost else "")
