"""Which code spans name terms: `batch size` and `에폭` do; `train.py`, `np.int`, a command
(`pip install ...`) and a word backticked once as data (`offset`, "neighbours of `you`") do not."""
from __future__ import annotations

import builtins
import keyword
import re

from .markup import CodeSpan
from .redact import COMMON_WORDS
from .vocabulary import Lexicon, normalise

WORDLIKE_RE = re.compile(r"^[^\W\d_][^\W_]*(?:[ '/-][^\W_]+){0,4}$")
IDENTIFIER_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")
CAMEL_CASE_RE = re.compile(r"[a-z][A-Z]")  # `TimeRNN`, `forwardPass`: a class or a function
CODE_WORDS = frozenset(dir(builtins)) | frozenset(keyword.kwlist) | frozenset({
    "np", "numpy", "torch", "pip", "python", "python3", "git", "make", "cd", "ls",
    "cp", "mv", "rm", "sudo", "conda", "venv", "self", "main", "args", "kwargs",
    "lr", "grad", "param", "params", "x", "y", "t", "w", "b",
})
# The first word of a shell command: `pip install scikit-learn` is no concept.
COMMANDS = frozenset({
    "pip", "pip3", "python", "python3", "py", "git", "cd", "ls", "conda", "mamba", "npm", "npx",
    "brew", "apt", "apt-get", "make", "cp", "mv", "rm", "sudo", "mkdir", "cat", "echo", "export",
    "source", "docker", "pytest", "jupyter", "curl", "wget", "uv", "poetry", "mkdocs", "chmod",
})


def is_term_like(code: str, lexicon: Lexicon) -> bool:
    """`batch size` and `에폭` are terms; `train.py`, `np.int`, `param -= lr * grad`, a single
    letter (`U`) and a command (`pip install scikit-learn`) are code; `hidden_size` is a term
    once the log has defined it."""
    code = code.strip()
    if lexicon.ignored and normalise(code) in lexicon.ignored:
        return False
    if IDENTIFIER_RE.match(code):
        return lexicon.lookup(code) is not None
    if not WORDLIKE_RE.match(code):
        return False
    words = code.split()
    if len(words) > 1:
        return words[0].lower() not in COMMANDS
    known = lexicon.lookup(code) is not None
    if len(code) <= (2 if code.isascii() else 1) or CAMEL_CASE_RE.search(code):
        return known
    if "-" in code or "/" in code:
        return True
    return code not in CODE_WORDS and (known or code.isalpha())


def is_definable(code: str, lexicon: Lexicon) -> bool:
    """A backticked subject a definition can be of: a term, or an identifier (`hidden_size`)."""
    return is_term_like(code, lexicon) or IDENTIFIER_RE.match(code.strip()) is not None


def backticked_terms(spans: tuple[CodeSpan, ...], lexicon: Lexicon) -> list[str]:
    """What the code spans of a line that read as terms say (`batch size`, not `train.py`)."""
    return [s.inner.strip() for s in spans if is_term_like(s.inner, lexicon)]


def code_words(code: list[tuple[CodeSpan, ...]], lexicon: Lexicon) -> frozenset[str]:
    """The single English words the lexicon does not know that a log backticks on one line
    only, or that are common English words (``data/common_words.yml``) always written in
    lower case, normalised: a variable (`offset`) or a word quoted as data ("is the target
    `say`?", "nearest words of `you`"), not a concept, unless the log defines it. A
    capitalised one names a class or a node (`Repeat`); a name in another script, of two
    words or joined by a hyphen (`에폭`, `batch size`, `one-hot`) is no code. ``code``: the
    code spans of each line."""
    lines_of_word: dict[str, int] = {}
    capitalised: set[str] = set()
    for spans in code:
        if not spans:
            continue
        spellings = [t for t in backticked_terms(spans, lexicon) if _lone_code_word(t, lexicon)]
        capitalised.update(normalise(t) for t in spellings if not t.islower())
        for word in {normalise(t) for t in spellings}:
            lines_of_word[word] = lines_of_word.get(word, 0) + 1
    return frozenset(word for word, count in lines_of_word.items()
                     if count == 1 or (word in COMMON_WORDS and word not in capitalised))


def _lone_code_word(spelling: str, lexicon: Lexicon) -> bool:
    return spelling.isascii() and spelling.isalpha() and lexicon.lookup(spelling) is None
