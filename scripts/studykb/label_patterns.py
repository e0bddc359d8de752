"""The regular expressions made from the label table's spellings (labels.py): a part's or a
mark's words inside a name or a line, a quiz marker, a line's signifier, an alternation."""
from __future__ import annotations

import re

BOLD = r"(?:\*\*|__)"
SEPARATOR = r"[.:)：．、]"


def is_latin(spelling: str) -> bool:
    return spelling.isascii()


def words_pattern(spellings: tuple[str, ...], plurals: bool = True, between: int = 0) -> re.Pattern | None:
    """A spelling in Latin letters as a word or phrase of a name (plural -s/-es too, if
    ``plurals``); one in another script anywhere in it (Korean, Japanese and Chinese join
    words), with up to ``between`` words between its words (``이제 확실히 알겠음``)."""
    latin, other = [], []
    gap = rf"\s+(?:\S+\s+){{0,{between}}}" if between else r"\s+"
    for spelling in sorted(set(spellings), key=len, reverse=True):
        words = [re.escape(word) for word in spelling.lower().split()]
        if is_latin(spelling):
            latin.append(r"\s+".join(words))
        else:
            other.append(gap.join(words))
    if latin:  # the longest first, then as a word: not inside another one
        other.insert(0, rf"(?<![a-z0-9])(?:{'|'.join(latin)}){'(?:e?s)?' if plurals else ''}(?![a-z0-9])")
    if not other:
        return None
    # The characters a spelling starts with: a position where none stands is passed by at once.
    firsts = "".join(sorted({re.escape(s.lower()[0]) for s in spellings if s}))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(other)})", re.IGNORECASE)


def marker_pattern(spellings: tuple[str, ...]) -> str:
    """A quiz marker, ``Q``, ``**Q:**``, ``Q1.``, ``질문 2)``, bold or not, with its separator;
    who asks or answers may stand in parentheses before it (``Q (S.):``, ``A(튜터):``)."""
    words = "|".join(re.escape(s) for s in sorted(set(spellings), key=len, reverse=True))
    return (rf"{BOLD}?(?:{words})[ \t]*(?P<number>\d{{0,3}})(?:[ \t]*[(（][^()（）\n]{{1,20}}[)）])?"
            rf"(?:{BOLD}[ \t]*{SEPARATOR}|{SEPARATOR}{BOLD}?)")


def sign_pattern(signs: dict[str, tuple[str, ...]]) -> re.Pattern | None:
    """Each kind's signifiers as a group of its name at a line's start: a symbol before a
    blank, a word before a colon (``TIL:``); ``rest`` is the line after them."""
    groups = []
    for kind, spellings in signs.items():
        words = [s for s in spellings if any(c.isalnum() for c in s)]
        symbols = [s for s in spellings if s not in words]
        ends = ([rf"(?:{alternatives(tuple(symbols))})(?=\s)"] if symbols else []) \
            + ([rf"(?:{alternatives(tuple(words))})(?=\s*[:：])"] if words else [])
        if ends:
            groups.append(rf"(?P<{kind}>{'|'.join(ends)})")
    if not groups:
        return None
    return re.compile(rf"^(?:{'|'.join(groups)})\s*[:：]?\s*(?P<rest>.*)$", re.IGNORECASE)


def alternatives(spellings: tuple[str, ...]) -> str:
    """The spellings as one alternation, the longest first (so ``End time`` wins over ``End``)."""
    return "|".join(re.escape(s) for s in sorted(set(spellings), key=len, reverse=True))


def qa_line_words(spellings: tuple[str, ...]) -> str:
    """``Q/A`` and ``Q&A`` with blanks allowed around their ``/`` and ``&``."""
    return "|".join(re.escape(s).replace("/", r"\s*/\s*").replace(r"\&", r"\s*&\s*")
                    for s in sorted(set(spellings), key=len, reverse=True))
