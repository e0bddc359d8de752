"""A part's name as labels compare it: ``**Time log (today):**`` is ``time log``, ``💡 배운 점``
is ``배운 점``: without emphasis, colon, case, the words in parentheses, the emoji and
symbols around it, or extra blanks."""
from __future__ import annotations

import re
import unicodedata

PARENTHESES_RE = re.compile(r"\s*[(（][^)）]*[)）]\s*")

# The kinds of character a part's name may wear around its words (``📌 오늘 한 것``,
# ``✅ Done``, ``➡️ Next``): symbols and pictographs, and the joiners and selectors of emoji.
DECORATION_CATEGORIES = frozenset({"So", "Sk", "Sm", "Cf", "Mn", "Me"})


def label_key(name: str) -> str:
    """``**Time log (today):**`` -> ``time log``, ``💡 배운 점`` -> ``배운 점``: a name without
    emphasis, colon, case, the words in parentheses, the symbols around it or extra blanks."""
    name = undecorated(name.replace("**", "").replace("__", "").strip().rstrip(":：").strip()).rstrip(":：")
    if "(" in name or "（" in name:
        name = PARENTHESES_RE.sub(" ", name)
    return " ".join(name.lower().split())


def undecorated(name: str) -> str:
    """A name without the emoji and symbols before and after its words (``🔥 Still confused``
    -> ``Still confused``); a name that is nothing but symbols (``✅``) stays as it is."""
    start, end = 0, len(name)
    while start < end and _is_decoration(name[start]):
        start += 1
    while end > start and _is_decoration(name[end - 1]):
        end -= 1
    return name[start:end] if start < end else name.strip()


def decorated(line: str) -> bool:
    """Whether a line starts with an emoji or a symbol (``💡 배운 점``), as a heading starts with ``#``."""
    text = line.strip()
    return bool(text) and _is_decoration(text[0]) and undecorated(text) != text


def _is_decoration(char: str) -> bool:
    """An emoji, a pictograph or another symbol outside ASCII, or a blank: ``#``, ``+`` and
    the backtick stay, as they mean something in a log."""
    return char.isspace() or not char.isascii() and unicodedata.category(char) in DECORATION_CATEGORIES
