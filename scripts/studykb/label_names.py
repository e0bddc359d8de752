"""A part's name as labels compare it: ``**Time log (today):**`` is ``time log``, ``💡 배운 점``
is ``배운 점``: without emphasis, colon, case, the words in parentheses, the emoji and
symbols around it, or extra blanks. And the name and value of a line that names a part or a fact:
``Name: value``, ``**Name:** value`` (``line_label``)."""
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


# ``Name: value``: an ASCII colon needs a blank or the end after it (``https://`` is no
# name), a full-width one does not. The name is greedy, its trailing blanks stripped.
FIELD_RE = re.compile(r"^(?P<name>[^:：`*\[\]]{1,60})(?::(?=\s|$)|：)\s*(?P<value>.*)$")
# ``**Name**``, ``**Name:**``, ``**Name**: value``, ``**Name:** value``.
BOLD_LABEL_RE = re.compile(
    r"^(?:\*\*|__)(?P<name>[^*_:：]{1,60}?)\s*(?P<colon>[:：])?\s*(?:\*\*|__)\s*(?P<after>[:：])?\s*(?P<value>.*)$")


def line_label(text: str) -> tuple[str, str] | None:
    """A ``Name: value`` or bold ``**Name:** value`` line's name and value (perhaps "")."""
    bold = BOLD_LABEL_RE.match(text)
    if bold and (bold["colon"] or bold["after"]):
        return bold["name"].strip(), bold["value"].strip()
    named = FIELD_RE.match(text)
    if named and closes_brackets(named["name"]):
        return named["name"].strip(), named["value"].strip()
    return None


def closes_brackets(name: str) -> bool:
    """Whether a name closes every bracket it opens: a colon inside parentheses (``차원
    (a: N×T, c: N×H)``) is the text's, and what comes before it names nothing."""
    depth = 0
    for char in name:
        depth += (char in "(（[") - (char in ")）]")
        if depth < 0:
            return False
    return depth == 0
