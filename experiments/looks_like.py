"""Why a line no experiment answers looks like one (experiments.answers): it names a data set,
reports a figure, describes a sweep, says something was run or runs a script; the reason
``make check`` gives beside the line."""

from __future__ import annotations

import re

from experiments import asking

# What makes a line look like an experiment when none answers it: (pattern, why, needs a number).
LOOKS_LIKE = (
    (re.compile(r"\b(?:on|with|using) (?:the )?(ptb|penn treebank|mnist|cifar-?10|imagenet|wikitext)\b"),
     "works on the {} data set", False),
    (re.compile(r"\b(perplexity|ppl|accuracy|acc|loss|bleu)\b\W{0,3}(?:of|is|was|at|to|~|≈|=|:)?\W{0,3}\d(?![\d.]*\s*=)"),
     "reports a {} figure", False),
    (re.compile(r"\b(sweep)(?:s|ing)?\b"), "describes a sweep", True),
    (re.compile(r"\b(ran|re-?ran|executed|re-?trained|trained)\b"), "says something was run", False),
)
SAID_RUN = "it says something was run"
WORKS_ON = "it works on the"
BEFORE_VOWEL = re.compile(r"\ba (?=[aeiou])")
DIGIT = re.compile(r"\d")


def looks_like(line: str, lowered: str, scripts: list[str]) -> str:
    """The reason, or "" when the line looks like no experiment."""
    if scripts:
        return f"it runs {', '.join(scripts)}"
    said = asking.without_sitting_time(lowered)
    for pattern, why, needs_number in LOOKS_LIKE:
        match = pattern.search(said)
        if match and (not needs_number or DIGIT.search(lowered)):
            written = line[match.start(1): match.end(1)] if len(line) == len(lowered) else match.group(1)
            return f"it {article(why.format(written))}"
    return ""


def article(text: str) -> str:
    """"a accuracy figure" as English writes it: "an accuracy figure"."""
    return BEFORE_VOWEL.sub("an ", text)
