"""Log text to safe Markdown: inline Markdown kept, raw HTML and template braces inert.

Everything a log says reaches the page as text. Code spans pass through (Markdown
already shows them literally); elsewhere ``<``, ``>`` and ``&`` become entities,
``{`` and ``}`` are backslash-escaped (so neither Jinja nor attr_list sees them),
links with unsafe schemes and images from other hosts lose their brackets, and a
character that would start a block (``#``, ``>``, ``!!!``...) becomes an entity.

Used where a page is Markdown (headings, the glossary, experiment pages, the home
page's variables); the bodies of session, concept and index pages are HTML (html.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..concepts import is_term_like
from ..markup import CodeSpan, code_spans
from ..model import ConceptSlug
from .common import concept_page, rel

# Bounded lengths keep this linear on a long line full of unmatched brackets.
LINK_RE = re.compile(r"(?P<bang>!?)\[(?P<label>[^\]\[]{0,300})\]\((?P<target>[^)\s]{0,2000})\)")
SAFE_TARGET_RE = re.compile(r"^(?:https?://|mailto:)[^\s]*$", re.IGNORECASE)
BLOCK_START_RE = re.compile(r"^(?:[#>|]|[-+*](?:\s|$)|[-*_=+]{2,}\s*$|!!!|\?\?\?|:::|~~~)")
ORDERED_START_RE = re.compile(r"^(\d+)([.)])")
MARKUP_RE = re.compile(r"[&<>{}`\[\]]")  # what escape_chars changes: all code spans and links need too


@dataclass(frozen=True)
class Linker:
    """Links concept mentions to concept pages, relative to the page being written."""

    lexicon: object = None
    slugs: dict[str, ConceptSlug] = field(default_factory=dict)  # concept name -> slug
    prefix: str = "../concepts/"
    suffix: str = ".md"  # "/" for links to the served page rather than to its Markdown file

    urls: dict[str, str] = field(init=False, repr=False, compare=False)  # concept name -> URL
    _code_names: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every mention asks for a URL: each is made once per linker.
        object.__setattr__(self, "urls", {name: f"{self.prefix}{slug}{self.suffix}"
                                          for name, slug in self.slugs.items() if slug})

    def url(self, name: str) -> str | None:
        return self.urls.get(name)

    def code_name(self, code: str) -> str | None:
        """The concept a code span's text names (`batch size`), or None (`train.py`).

        Remembered per text: the same few terms are backticked in session after session.
        """
        if self.lexicon is None:
            return None
        if code not in self._code_names:
            term_like = is_term_like(code, self.lexicon)
            self._code_names[code] = self.lexicon.lookup(code) if term_like else None
        return self._code_names[code]


NO_LINKS = Linker()


def page_linker(knowledge, here: str) -> Linker:
    """Markdown links to concept pages from the docs page ``here`` (the Markdown pages)."""
    prefix = rel(here, concept_page("x"))[:-len("x.md")]
    return Linker(knowledge.lexicon, {c.name: c.slug for c in knowledge.concepts}, prefix)


def inline(text: str, linker: Linker = NO_LINKS, at_block_start: bool = True,
           mentions: list | tuple | None = None) -> str:
    """One line of log text as inline Markdown, with concept mentions linked once each.

    ``mentions`` (positions in ``text``, as the link stage found them) saves finding
    them again; only those outside code spans and links are linked here.
    """
    if mentions is None and linker.lexicon is not None:
        mentions = linker.lexicon.find(text)
    pieces, seen, last = [], set(), 0
    for span in code_spans(text):
        pieces.append(_text(text, last, span.start, linker, seen, mentions))
        pieces.append(_code(span, linker, seen))
        last = span.end
    pieces.append(_text(text, last, len(text), linker, seen, mentions))
    result = "".join(pieces)
    return protect_block_start(result) if at_block_start else result


def plain(text: str) -> str:
    """Escaped text with no concept links (titles, table cells of other pages)."""
    if MARKUP_RE.search(text):
        return inline(text, NO_LINKS)
    return protect_block_start(text)  # no code span, link or character to escape: what inline() gives


def protect_block_start(markdown: str) -> str:
    if not markdown:
        return markdown
    if BLOCK_START_RE.match(markdown):
        return f"&#{ord(markdown[0])};{markdown[1:]}"
    ordered = ORDERED_START_RE.match(markdown)
    if ordered:
        return f"{ordered[1]}&#{ord(ordered[2])};{markdown[ordered.end():]}"
    return markdown


def _code(span: CodeSpan, linker: Linker, seen: set) -> str:
    inner, code = span.inner, span.markdown
    name = linker.code_name(inner)
    url = linker.url(name) if name else None
    if not url or name in seen:
        return code
    seen.add(name)
    return f"[{code}]({url})"


def _text(text: str, start: int, end: int, linker: Linker, seen: set, mentions) -> str:
    """``text[start:end]``, which holds no code span: links kept or defused, the rest escaped."""
    out, last = [], start
    for link in LINK_RE.finditer(text, start, end):
        out.append(_with_mentions(text, last, link.start(), linker, seen, mentions))
        out.append(_link(link))
        last = link.end()
    out.append(_with_mentions(text, last, end, linker, seen, mentions))
    return "".join(out)


def _link(link: re.Match) -> str:
    # Relative targets point at files the site does not have, and an image would be
    # fetched from wherever it points: both stay text. Web and mail links stay links.
    target = link["target"].strip()
    safe = SAFE_TARGET_RE.match(target) and not link["bang"]
    label = escape_chars(link["label"])
    if safe:
        return f"{link['bang']}[{label}]({escape_chars(target)})"
    return f"{link['bang']}\\[{label}\\]({escape_chars(target)})"


def _with_mentions(text: str, start: int, end: int, linker: Linker, seen: set, mentions) -> str:
    out, last = [], start
    for match in mentions or ():
        if match.start < start or match.end > end or match.term in seen:
            continue
        url = linker.url(match.term)
        if not url:
            continue
        seen.add(match.term)
        out.append(escape_chars(text[last:match.start]))
        out.append(f"[{escape_chars(text[match.start:match.end])}]({url})")
        last = match.end
    out.append(escape_chars(text[last:end]))
    return "".join(out)


def escape_chars(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{", "\\{").replace("}", "\\}")
    # A lone backtick would otherwise pair with one in generated markup.
    text = text.replace("`", "\\`")
    # Brackets outside a real link are text, never a reference link or footnote.
    return text.replace("[", "\\[").replace("]", "\\]")
