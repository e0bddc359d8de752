"""Finding concepts in log text: definitions, backticked terms, vocabulary mentions."""
from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass

from .markup import code_spans
from .vocabulary import Lexicon, normalise

WORDLIKE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[ '/-][A-Za-z0-9]+){0,4}$")
CODE_WORDS = frozenset(dir(builtins)) | frozenset(keyword.kwlist) | frozenset({
    "np", "numpy", "torch", "pip", "python", "python3", "git", "make", "cd", "ls",
    "cp", "mv", "rm", "sudo", "conda", "venv", "self", "main", "args", "kwargs",
    "lr", "grad", "param", "params", "x", "y", "t", "w", "b",
})
SUBJECT = r"(?P<subject>`[^`]+`|[A-Za-z][\w'/ -]{0,40}?)"
IS_RE = re.compile(rf"^{SUBJECT}\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<rest>.+)$")
MEANS_RE = re.compile(
    rf"^{SUBJECT}\s+(?:means|refers to|is defined as|denotes|stands for|controls|measures|determines)\s+(?P<rest>.+)$")
COLON_RE = re.compile(rf"^{SUBJECT}\s*:\s+(?P<rest>.+)$")
FORMULA_RE = re.compile(r"^`(?P<subject>[A-Za-z][A-Za-z ]*[A-Za-z])\s*=\s*[^`]+`")
# Every pattern above but the formula needs its verb between spaces or, for the colon
# pattern, a colon: a line with neither is not matched against them one by one.
DEFINING_WORD_RE = re.compile(
    r"\s(?:is|are|means|refers to|denotes|stands for|controls|measures|determines)\s")
SENTENCE_VERBS = ("means", "refers to", "is defined as", "denotes", "stands for")


@dataclass(frozen=True)
class Candidate:
    """A term found in a line, and whether the line defines it."""

    name: str
    defines: bool


def is_term_like(code: str, lexicon: Lexicon) -> bool:
    """`batch size` is a term; `train.py`, `np.int`, `param -= lr * grad` are code."""
    code = code.strip()
    if not WORDLIKE_RE.match(code) or (lexicon.ignored and normalise(code) in lexicon.ignored):
        return False
    if " " not in code and "-" not in code and "/" not in code:
        return code not in CODE_WORDS and (lexicon.lookup(code) is not None or code.isalpha())
    return True


def backticked_terms(text: str, lexicon: Lexicon) -> list[str]:
    return [s.inner.strip() for s in code_spans(text) if is_term_like(s.inner, lexicon)]


def definition_subject(text: str, lexicon: Lexicon, colon_allowed: bool) -> str | None:
    """The term a line defines ("`epoch` is ...", "Sweep means ...", "LR controls ..."), if any."""
    if not _may_define(text, colon_allowed):
        return None  # most lines
    formula = FORMULA_RE.match(text)
    if formula and is_term_like(formula["subject"], lexicon):
        return formula["subject"]
    for pattern in (MEANS_RE, IS_RE) + ((COLON_RE,) if colon_allowed else ()):
        match = pattern.match(text)
        if match and _acceptable_subject(match, pattern, lexicon):
            return match["subject"].strip("`").strip()
    return None


def _may_define(text: str, colon_allowed: bool) -> bool:
    """False when no pattern of ``definition_subject`` can match ``text``."""
    return (text.startswith("`") or (colon_allowed and ":" in text)
            or DEFINING_WORD_RE.search(text) is not None)


def _acceptable_subject(match: re.Match, pattern: re.Pattern, lexicon: Lexicon) -> bool:
    subject = match["subject"]
    if subject.startswith("`"):
        return is_term_like(subject.strip("`"), lexicon)
    if lexicon.lookup(subject) is not None:
        return True
    # An unknown plain subject counts only with an unmistakable verb and a short name.
    verb_defines = pattern is MEANS_RE and any(f" {v} " in match.group(0) for v in SENTENCE_VERBS)
    return verb_defines and len(subject.split()) <= 3


def term_name(spelling: str) -> str:
    """The display name of a new term: lower case unless it is written as an acronym."""
    spelling = " ".join(spelling.split())
    if any(c.isupper() for c in spelling[1:]):
        return spelling
    return spelling[:1].lower() + spelling[1:]
