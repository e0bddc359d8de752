"""A list item that names a part and leads into the lines under it: that part.

A tutor's numbered outline (``1. 진도``, ``2. 학생이 이해한 것``, ``3. 아직 헷갈려 하는 것``,
``4. 질문과 답변``, ``5. 실습``, ``6. 다음 시간``; ``1. Covered``, ``3. Still confusing``) or a
bullet (``- Watchlist``) whose text is nothing but a part's name, with items or lines
indented under it, is a heading in list form: it opens the part it names, and the lines
under it are that part's, as under ``### 진도``.
"""
from __future__ import annotations

from .labels import LABEL_WORDS, Labels, label_key
from .markup import BULLET_RE
from .model import SectionKind

# How a finite verb ends in Japanese and Korean, which join a part's word to what follows it:
# a name that goes on past that word to one of these says what was done (``4つの式をまとめてきた``,
# ``식을 정리해 왔다``); ``今日学んだ``, whose part's word ends it, still names its part.
VERB_ENDINGS = ("た", "だ", "ます", "です", "다", "요")


def led_into_kind(lines: list[str], i: int, indent: int, text: str, labels: Labels) -> SectionKind | None:
    """The kind of part the list item ``lines[i]`` (at ``indent``, its text ``text``) opens,
    or None: its text is a part's name, a colon after it or none, and the next line that is
    not blank is indented under it, or is a bullet after a numbered name (``1. 진도`` then
    ``- 4.1 …``): the name is the outline's, the bullets its part's."""
    following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return part_named(text, labels) if following and _leads_into(lines[i], indent, following) else None


def has_nested(lines: list[str], i: int, indent: int) -> bool:
    """Whether the next line after ``lines[i]`` that is not blank is indented deeper than ``indent``."""
    following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return bool(following) and len(following) - len(following.lstrip()) > indent


def _leads_into(item: str, indent: int, following: str) -> bool:
    """Whether ``following`` is under the list item ``item``: indented deeper, or a bullet at
    its depth after a numbered item."""
    depth = len(following) - len(following.lstrip())
    if depth != indent:
        return depth > indent
    bullet, numbered = BULLET_RE.match(following), BULLET_RE.match(item)
    return bool(bullet and numbered) and numbered["marker"][0].isdigit() and not bullet["marker"][0].isdigit()


def part_named(text: str, labels: Labels) -> SectionKind | None:
    """The kind of the part ``text`` is the name of (``진도``, ``Still confusing:``, ``질문과
    답변``, ``실습``); OTHER for a known part read as plain lines or as questions; None for
    a text that names no part, or says more than a name does (more than four words, or a
    sentence: ``진도가 빨라서 힘들어함.``)."""
    name = text.strip().rstrip(":：").strip()
    key = label_key(name)
    # A name has no colon inside it and ends in no full stop, as a sentence does.
    if not key or len(key.split()) > LABEL_WORDS or any(c in name for c in ":：") or name.endswith((".", "。")):
        return None
    if _ends_in_a_verb(name, labels):
        return None
    kind = labels.label_part_kind(name)
    if kind is not None:
        return kind
    return SectionKind.OTHER if labels.is_question_part(name) or labels.is_plain_part(name) else None



def is_sentence(text: str, labels: Labels) -> bool:
    """Whether a line ending in a colon is a sentence, not a part's name (``4つの式をまとめてきた：``
    holds まとめ, ``식을 정리해 왔다:`` 정리): it leads into the lines under it in the part it is
    in. A label with a value (``배운 점: 역전파를 이해했다``) is a label, whatever its value ends in."""
    if not text.rstrip().endswith((":", "：")):
        return False
    return _ends_in_a_verb(text.strip().rstrip(":：").strip(), labels)


def _ends_in_a_verb(name: str, labels: Labels) -> bool:
    """Whether ``name`` is no whole spelling of a part and ends in a verb's ending that no part's
    word ends."""
    key = label_key(name)
    if not key.endswith(VERB_ENDINGS) or labels.whole_part_kind(name) is not None:
        return False
    return all(match.end() < len(key) for _, pattern in labels.part_patterns for match in pattern.finditer(key))
