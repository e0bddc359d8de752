"""The one renderer of log text: every string from a log, the vocabulary or a file name
becomes HTML here, escaped, and nowhere else.

Generated pages are Markdown files whose whole body is HTML in a ``studykb-html``
fence (:func:`block`), which the engine passes through untouched: log text never
reaches Markdown or Jinja, so no Markdown rule (a backslash escape, a code span, a
reference link, ``{: attr }``) and no template syntax can act on it. Markdown is left
for text we write ourselves: fixed headings, dates we format.

What a log line may say in inline Markdown is kept, by this module's own rules:
code spans, ``**strong**`` and ``*emphasis*`` (``_x_`` only between non-word
characters, so snake_case stays as written), ``~~struck through~~`` (a watchlist item
marked resolved), and ``http(s):``/``mailto:`` links.
Any other link target (``javascript:``, ``data:``, relative paths) and every image
stays text: an image would be fetched from wherever it points.

Links between generated pages: urls.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html import escape
from operator import attrgetter
from typing import Mapping
from urllib.parse import quote

from ..markup import CodeSpan, WikiLink, cell_lines, code_spans, is_delimiter_row, table_cells, tags_of, wikilinks
from ..model import ConceptSlug, Span
from .common import GENERATED
from .urls import href

# Bounded lengths keep these linear on a long line full of unmatched brackets.
LINK_RE = re.compile(r"(?P<bang>!?)\[(?P<label>[^\]\[]{0,300})\]\((?P<target>[^)\s]{0,2000})\)")
SAFE_TARGET_RE = re.compile(r"^(?:https?://|mailto:)[^\s]*$", re.IGNORECASE)
EMPHASIS = (
    (re.compile(r"\*\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*\*"), "strong", "*"),
    (re.compile(r"(?<!\w)__(?=[^\s_])(.{1,500}?)(?<=[^\s_])__(?!\w)"), "strong", "_"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*(?!\*)"), "em", "*"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.{1,500}?)(?<=[^\s_])_(?!\w)"), "em", "_"),
    (re.compile(r"(?<!~)~~(?=[^\s~])(.{1,500}?)(?<=[^\s~])~~(?!~)"), "del", "~"),
)
# Pieces already turned into HTML wait behind a placeholder while emphasis is applied
# to the escaped text around them; a NUL in the line itself is shown as a symbol.
HOLD = "\x00"
HELD_RE = re.compile(HOLD + r"(\d+)" + HOLD)
EMPHASIS_MARK_RE = re.compile(r"[*_]|~~")  # what each of EMPHASIS needs
MARKUP_RE = re.compile(r"[`\[*_]|~~")  # what a code span, a link or emphasis needs
# A blockquote line's ``>``, and the marker a callout opens with (``> [!warning]``).
QUOTE_MARK_RE = re.compile(r"^>[ \t]?")
CALLOUT_MARK_RE = re.compile(r"\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?\s*")


def text(value: str) -> str:
    """Plain text for an element's content."""
    if "&" in value or "<" in value or ">" in value:
        return escape(value, quote=False)
    return value  # most text: nothing to escape


def attr(value: str) -> str:
    """Text for a quoted attribute value."""
    return escape(value, quote=True)


@dataclass(frozen=True)
class Linker:
    """Links to concept pages, relative to the page being written; none to ``exclude``
    (a concept page does not link to itself). Without a ``prefix`` it links nothing."""

    prefix: str | None = None  # the concepts folder, seen from the page
    exclude: ConceptSlug | None = None
    encoded: Mapping[ConceptSlug, str] = field(default_factory=dict, compare=False)
    """Slugs percent-encoded already (``Context.encoded_slugs``); any other is encoded here."""
    web_links: bool = True
    """Whether a line's own ``[label](https://…)`` becomes a link; not in text that is a
    link's label already (an ``<a>`` inside an ``<a>`` is no HTML)."""

    def url(self, concept: ConceptSlug | None) -> str | None:
        if self.prefix is None or concept is None or concept == self.exclude:
            return None
        encoded = self.encoded.get(concept)
        return f"{self.prefix}{quote(concept) if encoded is None else encoded}/"


NO_LINKS = Linker()
IN_A_LINK = Linker(web_links=False)


def link_label(line: str) -> str:
    """A log line (a card's front, a session's title) as the label of a link we write: its
    code spans and emphasis kept as :func:`inline` keeps them, its own links as their text."""
    return inline(line, IN_A_LINK)


def inline(line: str, linker: Linker = NO_LINKS, spans: tuple[Span, ...] = ()) -> str:
    """One line of log text as HTML, each concept linked once (at its first mention).

    ``spans`` are where the link stage found the line's concepts (``Knowledge.mentions``);
    nothing else is linked: no vocabulary is searched here.
    """
    line = line.replace(HOLD, "\N{REPLACEMENT CHARACTER}")
    if not spans and not MARKUP_RE.search(line):  # nothing to link, nothing marked up
        return text(line)
    tokens = _tokens(line, linker, spans)
    # With emphasis to apply, tokens wait behind placeholders, so that no ``*`` or ``_``
    # inside a link or code span can pair with one outside it.
    emphasis = EMPHASIS_MARK_RE.search(line) is not None
    pieces, last = [], 0  # the text around the tokens, escaped, and the tokens
    for i, (start, end, element) in enumerate(tokens):
        pieces += (text(line[last:start]), f"{HOLD}{i}{HOLD}" if emphasis else element)
        last = end
    pieces.append(text(line[last:]))
    if not emphasis:
        return "".join(pieces)
    return HELD_RE.sub(lambda m: tokens[int(m[1])][2], _emphasis("".join(pieces)))


def note(line: str, linker: Linker = NO_LINKS, spans: tuple[Span, ...] = ()) -> str:
    """A note line as a paragraph; a line of tags (``#dlfs2 #ch4``) as tags, one that names a
    concept whole linked to it; a quoted line
    (``> text``) as a quote, its ``>`` being structure, and a callout's marker (``> [!warning]``)
    as its kind's name."""
    mark = QUOTE_MARK_RE.match(line)
    tags = tags_of(line) if mark is None else None
    if tags is not None:
        return '<p class="studykb-tags">' + " ".join(_tag(at, tag, linker, spans) for at, tag in tags) + "</p>"
    if mark is None:
        return f"<p>{inline(line, linker, spans)}</p>"
    cut, label = mark.end(), ""
    callout = CALLOUT_MARK_RE.match(line, cut)
    if callout:
        cut, label = callout.end(), f"<strong>{text(callout['kind'].capitalize())}:</strong> "
    return f"<blockquote><p>{label}{_inline_from(line, cut, linker, spans)}</p></blockquote>"


def cell(line: str, linker: Linker = NO_LINKS, spans: tuple[Span, ...] = ()) -> str:
    """A table cell as :func:`inline` writes it, but a ``<br>`` (``<br/>``, ``<br />``) outside
    code is the line break it is in a cell; every other tag stays text."""
    pieces, linked = [], set()
    for start, end in cell_lines(line):
        inside = tuple(replace(s, start=s.start - start, end=s.end - start) for s in spans
                       if start <= s.start and s.end <= end and s.concept not in linked)
        pieces.append(inline(line[start:end], linker, inside))
        linked.update(s.concept for s in inside if linker.url(s.concept))
    return "<br>".join(pieces)


def table_row(line: str, linker: Linker = NO_LINKS, spans: tuple[Span, ...] = ()) -> str:
    """A table's row shown out of its table (``| epoch | perplexity |``) as what it says:
    its cells, each as :func:`cell` writes it, between dots (``epoch · perplexity``); a
    concept is linked in the first cell that names it. A delimiter row says nothing."""
    cells = [(at, written) for at, written in table_cells(line) if written]
    if is_delimiter_row([written for _, written in cells]):
        return ""
    shown, linked = [], set()
    for at, written in cells:
        inside = tuple(replace(s, start=s.start - at, end=s.end - at) for s in spans
                       if at <= s.start and s.end <= at + len(written) and s.concept not in linked)
        shown.append(cell(written, linker, inside))
        linked.update(s.concept for s in inside if linker.url(s.concept))
    return " · ".join(shown)


def opens_callout(line: str) -> bool:
    """Whether a note line opens a callout (``> [!tip] …``)."""
    mark = QUOTE_MARK_RE.match(line)
    return mark is not None and CALLOUT_MARK_RE.match(line, mark.end()) is not None


def _tag(at: int, tag: str, linker: Linker, spans: tuple[Span, ...]) -> str:
    concept = next((s.concept for s in spans if s.start == at + 1 and s.end == at + len(tag)), None)
    url = linker.url(concept)
    shown = text(tag)
    return f'<a class="studykb-tag" href="{url}">{shown}</a>' if url else f'<span class="studykb-tag">{shown}</span>'


def callout(lines: list[tuple[str, tuple[Span, ...]]], linker: Linker = NO_LINKS) -> str | None:
    """A callout's lines (``> [!tip] Title``, then its quoted body), each with its spans, as
    an admonition of its kind, as Material shows ``!!! tip "Title"``: the title (else the
    kind's name) over the body. None where the first line opens no callout."""
    first, spans = lines[0]
    mark = QUOTE_MARK_RE.match(first)
    opened = CALLOUT_MARK_RE.match(first, mark.end()) if mark else None
    if opened is None:
        return None
    kind = opened["kind"].lower()
    title = _inline_from(first, opened.end(), linker, spans) or text(kind.capitalize())
    body = "<br>\n".join(_inline_from(line, _quote_end(line), linker, s) for line, s in lines[1:])
    return (f'<div class="admonition {attr(kind)}"><p class="admonition-title">{title}</p>'
            + (f"<p>{body}</p>" if body else "") + "</div>")


def _quote_end(line: str) -> int:
    mark = QUOTE_MARK_RE.match(line)
    return mark.end() if mark else 0


def _inline_from(line: str, cut: int, linker: Linker, spans: tuple[Span, ...]) -> str:
    """``line[cut:]`` as :func:`inline` writes it, with the spans found in the whole line."""
    moved = tuple(replace(s, start=s.start - cut, end=s.end - cut) for s in spans if s.start >= cut)
    return inline(line[cut:], linker, moved)


def _emphasis(escaped: str) -> str:
    for pattern, tag, mark in EMPHASIS:
        if mark in escaped:
            escaped = pattern.sub(rf"<{tag}>\1</{tag}>", escaped)
    return escaped


def _tokens(line: str, linker: Linker, spans: tuple[Span, ...]) -> list[tuple[int, int, str]]:
    """The parts of ``line`` that become elements, in order, as ``(start, end, html)``:
    code spans (linked where a span covers one), links outside them, and the other spans
    outside both; each concept is linked at its first span only. Linear in the line: one
    pass over sorted spans."""
    blocked = _code_and_links(line, spans)
    out, seen, i = [], set(), 0
    for span in sorted(spans, key=attrgetter("start")):
        while i < len(blocked) and blocked[i][1] <= span.start:
            start, end, make, what = blocked[i]
            out.append((start, end, make(what, linker, seen)))
            i += 1
        inside = i < len(blocked) and blocked[i][0] < span.end  # code (printed with it) or a link
        if inside or span.concept in seen:
            continue
        url = linker.url(span.concept)
        if url is None:
            continue
        seen.add(span.concept)
        out.append((span.start, span.end, f'<a href="{url}">{text(line[span.start:span.end])}</a>'))
    out += [(start, end, make(what, linker, seen)) for start, end, make, what in blocked[i:]]
    return out


def _code_and_links(line: str, spans: tuple[Span, ...]) -> list[tuple]:
    """The code spans of ``line`` and the links outside them, in order, each as
    ``(start, end, make, what)``: ``make(what, linker, seen)`` is its HTML."""
    if "`" not in line and "[" not in line:
        return []
    codes = code_spans(line)
    covering = {(s.start, s.end): s.concept for s in spans}  # the concept a code span names
    blocked = [(c.start, c.end, _code, (c, covering.get((c.start, c.end)))) for c in codes]
    if "[" in line:
        wiki = wikilinks(line, codes)
        blocked += [(w.start, w.end, _wikilink, (w, covering.get(w.target))) for w in wiki]
        gaps = zip([0, *(c.end for c in codes)], [*(c.start for c in codes), len(line)])
        blocked += [(m.start(), m.end(), _link, m) for start, end in gaps for m in LINK_RE.finditer(line, start, end)
                    if not any(w.start <= m.start() < w.end for w in wiki)]
        blocked.sort(key=lambda b: b[0])
    return blocked


def _code(code: tuple[CodeSpan, ConceptSlug | None], linker: Linker, seen: set) -> str:
    span, concept = code
    element = f"<code>{text(span.shown)}</code>"
    url = linker.url(concept) if concept not in seen else None
    if not url:
        return element
    seen.add(concept)
    return f'<a href="{url}">{element}</a>'


def _wikilink(wiki: tuple[WikiLink, ConceptSlug | None], linker: Linker, seen: set) -> str:
    """A wikilink as the text Obsidian shows for it, linked to the concept its whole name
    names (a concept named by part of it links nothing: ``[[Cross entropy error]]``)."""
    link, concept = wiki
    url = linker.url(concept) if concept not in seen else None
    if not url:
        return text(link.shown)
    seen.add(concept)
    return f'<a href="{url}">{text(link.shown)}</a>'


def _link(link: re.Match, linker: Linker, seen: set) -> str:
    # Relative targets point at files the site does not have, and an image would be
    # fetched from wherever it points: both stay text. Web and mail links stay links.
    target = link["target"].strip()
    if not linker.web_links and not link["bang"]:
        return text(link["label"])
    if SAFE_TARGET_RE.match(target) and not link["bang"]:
        return f'<a href="{attr(target)}">{text(link["label"])}</a>'
    return text(link[0])


def concept_linker(here: str, exclude: ConceptSlug | None = None,
                   encoded: Mapping[ConceptSlug, str] | None = None) -> Linker:
    """Links to concept pages from the page ``here``; a concept page does not link to itself.
    ``encoded``: slugs percent-encoded already."""
    prefix = href(here, f"{GENERATED}/concepts/index.md")  # the concepts folder, seen from here
    return Linker(prefix, exclude, encoded or {})


# --- blocks -------------------------------------------------------------------------------

def nested_list(items: list[tuple[int, int, str]], attrs: str = "") -> str:
    """``(depth, number, html)`` items as nested ``<ul>``/``<ol>`` lists, in order: number 0
    for a bullet, else the item's number; a numbered list starts at its first item's
    (``<ol start="5">`` for a list the log numbers from 5)."""
    out: list[str] = []
    open_lists: list[tuple[int, str]] = []
    for depth, number, body in items:
        tag = "ol" if number else "ul"
        while open_lists and open_lists[-1][0] > depth:
            out.append(f"</li></{open_lists.pop()[1]}>")
        if open_lists and open_lists[-1][0] == depth:
            if open_lists[-1][1] == tag:
                out.append("</li>")
            else:
                out.append(f"</li></{open_lists.pop()[1]}>")
        if not open_lists or open_lists[-1][0] < depth:
            start = f' start="{int(number)}"' if number > 1 else ""
            out.append(f"<{tag}{attrs if not open_lists else ''}{start}>")
            open_lists.append((depth, tag))
        out.append(f"<li>{body}")
    while open_lists:
        out.append(f"</li></{open_lists.pop()[1]}>")
    return "\n".join(out)


def items(bodies: list[str], attrs: str = "") -> str:
    """A flat ``<ul>`` of items that are HTML already."""
    return f"<ul{attrs}>\n" + "\n".join(f"<li>{body}</li>" for body in bodies) + "\n</ul>"


def heading(level: int, body: str, anchor: str) -> str:
    """A heading with the anchor and permalink the toc extension would give it; ``body`` is HTML."""
    return (f'<h{level} id="{attr(anchor)}">{body}'
            f'<a class="headerlink" href="#{attr(anchor)}" title="Permanent link">¶</a></h{level}>')


def title(body: str) -> str:
    """The page's ``<h1>``; ``body`` is HTML. The theme then adds none of its own."""
    return f"<h1>{body}</h1>"


def code_block(info: str, lines: tuple[str, ...]) -> str:
    """A fenced block of the log, verbatim and escaped; the info string's first word names
    the language, and the whole info string shows as its title."""
    words = info.split()
    language = "".join(ch for ch in words[0] if ch.isalnum() or ch in "+-_") if words else ""
    attrs = f' class="language-{language}"' if language else ""
    title = f'<span class="filename">{text(info)}</span>' if info.strip() else ""
    return f'<div class="highlight">{title}<pre><code{attrs}>{text(chr(10).join(lines))}</code></pre></div>'


def table(head: list[str] | None, rows: list[list[str]], attrs: str = "") -> str:
    """A table of cells that are HTML already."""
    out = [f"<table{attrs}>"]
    if head is not None:
        out.append("<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>")
    out.append("<tbody>")
    out += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
    return "\n".join(out + ["</tbody></table>"])


def details(kind: str, title: str, body: str, opened: bool = False) -> str:
    """A collapsible block, as the details extension writes ``???`` blocks."""
    return (f'<details class="{kind}"{" open" if opened else ""}>\n<summary>{title}</summary>\n'
            f"{body}\n</details>")


FENCE = "studykb-html"
LEADING_BACKTICKS_RE = re.compile(r"^`{3,}", re.MULTILINE)


def block(html: str) -> str:
    """HTML for the page as it is: a ``studykb-html`` fence, which mkdocs.yml hands to
    :func:`passthrough`.

    A raw HTML block would do, but the engine parses every tag of one to find where it
    ends; a fence is found by one expression and stored as it is: a session page builds
    in about half the time (Performance page). Whatever engine lacks the fence shows the
    HTML as code: visible, never interpreted.
    """
    longest = 2
    if "```" in html:
        longest = max((len(m[0]) for m in LEADING_BACKTICKS_RE.finditer(html)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{FENCE}\n{html}\n{fence}"


def passthrough(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    """The superfences formatter of ``studykb-html`` fences: the generator's HTML, unchanged.

    Only generated pages write these fences, and only around HTML whose log text this
    module escaped; a log's own code block never gets this name (see session.py).
    """
    return source
