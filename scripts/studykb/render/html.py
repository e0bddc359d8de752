"""Log text to HTML, for the bodies of generated pages.

Generated pages keep a Markdown title (and, on concept and index pages, Markdown
section headings); the rest is HTML in fences the engine passes through untouched
(:func:`block`), which costs a fraction of converting the same content from Markdown
(see the Performance page), and log text HTML-escaped here cannot start Markdown,
HTML or template syntax.

What a log line may say in inline Markdown is kept: code spans, ``**strong**`` and
``*emphasis*`` (``_x_`` only between non-word characters, so snake_case stays as
written), and web or mail links. Relative links and images stay text.

Links between generated pages are relative URLs of the permalinks the hook serves
pages at (``generated/sessions/x.md`` -> ``sessions/x/``), so the site works under
any sub-path; this assumes ``use_directory_urls`` (MkDocs' default).
"""
from __future__ import annotations

import posixpath
import re
from operator import itemgetter
from functools import lru_cache
from html import escape

from ..markup import code_spans
from .common import GENERATED
from .text import LINK_RE, SAFE_TARGET_RE, Linker, NO_LINKS

# Each bounded, so a long line full of unmatched delimiters stays linear.
EMPHASIS = (
    (re.compile(r"\*\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*\*"), "strong", "*"),
    (re.compile(r"(?<!\w)__(?=[^\s_])(.{1,500}?)(?<=[^\s_])__(?!\w)"), "strong", "_"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*(?!\*)"), "em", "*"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.{1,500}?)(?<=[^\s_])_(?!\w)"), "em", "_"),
)
# Pieces already turned into HTML wait behind a placeholder while the rest is escaped;
# NUL never reaches here from a log (sources.py shows control characters as symbols).
HOLD = "\x00"
HELD_RE = re.compile(HOLD + r"(\d+)" + HOLD)


def text(value: str) -> str:
    """Plain text for an element's content."""
    if "&" in value or "<" in value or ">" in value:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def attr(value: str) -> str:
    """Text for a quoted attribute value."""
    return escape(value, quote=True)


def inline(line: str, linker: Linker = NO_LINKS, mentions: list | tuple | None = None) -> str:
    """One line of log text as HTML, each concept linked once (at its first mention)."""
    if HOLD in line:
        line = line.replace(HOLD, "\N{REPLACEMENT CHARACTER}")
    if mentions is None and linker.lexicon is not None:
        mentions = linker.lexicon.find(line)
    emphasis = "*" in line or "_" in line
    if not emphasis and "`" not in line and "](" not in line:
        return _with_mentions(line, linker, mentions)  # most lines: text and concept names
    tokens = _tokens(line, linker, mentions)
    if not tokens:
        return _emphasis(text(line)) if emphasis else text(line)
    between, last = [], 0  # the text around the tokens, escaped
    for start, end, _ in tokens:
        between.append(text(line[last:start]))
        last = end
    between.append(text(line[last:]))
    if emphasis and any("*" in t or "_" in t for t in between):
        # Tokens wait behind placeholders, so that no ``*`` or ``_`` inside a link or
        # code span can pair with one outside it.
        out = _interleave(between, [f"{HOLD}{i}{HOLD}" for i in range(len(tokens))])
        return HELD_RE.sub(lambda m: tokens[int(m[1])][2], _emphasis(out))
    return _interleave(between, [piece for _, _, piece in tokens])


def _interleave(between: list[str], tokens: list[str]) -> str:
    """``between[0] + tokens[0] + between[1] + ...``: the line put back together."""
    pieces = [between[0]]
    for token, after in zip(tokens, between[1:]):
        pieces += (token, after)
    return "".join(pieces)


def _with_mentions(line: str, linker: Linker, mentions) -> str:
    """A line without code spans, links or emphasis: text, and the first mention of each concept linked."""
    urls = linker.urls
    if not mentions or not urls:
        return text(line)
    if "&" in line or "<" in line or ">" in line:
        return _escaped_with_mentions(line, urls, mentions)
    pieces, last, seen = [], 0, set()  # nothing to escape: the pieces are slices of the line
    for start, end, term in mentions:
        url = urls.get(term)
        if url is None or term in seen:
            continue
        seen.add(term)
        pieces += (line[last:start], f'<a href="{url}">{line[start:end]}</a>')
        last = end
    pieces.append(line[last:])
    return "".join(pieces)


def _escaped_with_mentions(line: str, urls: dict[str, str], mentions) -> str:
    pieces, last, seen = [], 0, set()
    for start, end, term in mentions:
        url = urls.get(term)
        if url is None or term in seen:
            continue
        seen.add(term)
        pieces += (text(line[last:start]), f'<a href="{url}">{text(line[start:end])}</a>')
        last = end
    pieces.append(text(line[last:]))
    return "".join(pieces)


def _emphasis(escaped: str) -> str:
    for pattern, tag, mark in EMPHASIS:
        if mark in escaped:  # each pattern needs its mark
            escaped = pattern.sub(rf"<{tag}>\1</{tag}>", escaped)
    return escaped


def _tokens(line: str, linker: Linker, mentions) -> list[tuple[int, int, str]]:
    """The parts of ``line`` that become elements, in order: code spans, links outside
    them, and concept mentions outside both (the first of each concept only)."""
    spans = code_spans(line)
    blocked: list[tuple] = [(s.start, s.end, _CODE, s) for s in spans]
    if "](" in line:
        bounds = [0, *(x for s in spans for x in (s.start, s.end)), len(line)]
        for start, end in zip(bounds[::2], bounds[1::2]):
            blocked += [(m.start(), m.end(), _LINK, m) for m in LINK_RE.finditer(line, start, end)]
        blocked.sort(key=_first)
    if not mentions or not linker.slugs:
        candidates = blocked
    elif not blocked:
        candidates = [(m.start, m.end, _MENTION, m) for m in mentions]  # found in order already
    else:
        candidates = blocked + [(m.start, m.end, _MENTION, m) for m in mentions if _free(m, blocked)]
        candidates.sort(key=_first)
    out, seen = [], set()
    for start, end, kind, what in candidates:
        if kind is _MENTION:
            if what.term not in seen and (url := linker.url(what.term)):
                seen.add(what.term)
                out.append((start, end, f'<a href="{url}">{text(line[start:end])}</a>'))
        elif kind is _CODE:
            out.append((start, end, _code(what, linker, seen)))
        else:
            out.append((start, end, _link(what)))
    return out


_CODE, _LINK, _MENTION = "code", "link", "mention"


_first = itemgetter(0)  # where a candidate starts


def _free(mention, blocked: list[tuple]) -> bool:
    """Whether a mention lies outside every code span and link."""
    for start, end, _, _ in blocked:
        if mention.start < end and mention.end > start:
            return False
    return True


def _code(span, linker: Linker, seen: set) -> str:
    code = f"<code>{text(span.inner.strip() or span.inner)}</code>"
    name = linker.code_name(span.inner)
    url = linker.url(name) if name and name not in seen else None
    if not url:
        return code
    seen.add(name)
    return f'<a href="{url}">{code}</a>'


def _link(link: re.Match) -> str:
    # Relative targets point at files the site does not have, and an image would be
    # fetched from wherever it points: both stay text. Web and mail links stay links.
    target = link["target"].strip()
    if SAFE_TARGET_RE.match(target) and not link["bang"]:
        return f'<a href="{attr(target)}">{text(link["label"])}</a>'
    return text(link[0])


# --- links between pages ----------------------------------------------------------------

@lru_cache(maxsize=4096)
def permalink(docs_path: str) -> str:
    """Where the site serves a docs-relative file: ``generated/sessions/x.md`` -> ``sessions/x/``."""
    path = docs_path.removeprefix(GENERATED + "/")
    if not path.endswith(".md"):
        return path
    folder, name = posixpath.split(path[:-3])
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{name}/" if folder else f"{name}/"


def href(from_page: str, to_path: str) -> str:
    """A relative URL from one generated page to a docs-relative path (``#anchor`` kept):
    up from the page's folder to the nearest folder the target is in, then down."""
    target, _, anchor = to_path.partition("#")
    to_url = permalink(target)
    for folder, up in _ways_up(from_page):
        if to_url.startswith(folder):
            url = up + to_url[len(folder):] or "./"
            break
    return f"{url}#{anchor}" if anchor else url


@lru_cache(maxsize=4096)
def _ways_up(from_page: str) -> tuple[tuple[str, str], ...]:
    """The folders a page's URL is in, nearest first, each with the way up to it:
    ``sessions/a/`` -> ``(("sessions/a/", ""), ("sessions/", "../"), ("", "../../"))``."""
    from_url = permalink(from_page)
    base = from_url[:-1] if from_url.endswith("/") else from_url.rpartition("/")[0]
    parts = base.split("/") if base else []
    # The last, the site's root, holds every target.
    return tuple(("".join(f"{part}/" for part in parts[:n]), "../" * (len(parts) - n))
                 for n in range(len(parts), -1, -1))


def concept_linker(knowledge, here: str, exclude: str | None = None) -> Linker:
    """Links to concept pages from the page ``here``; a concept page does not link to itself."""
    prefix = href(here, f"{GENERATED}/concepts/index.md")  # the concepts folder, seen from here
    slugs = {c.name: c.slug for c in knowledge.concepts if c.slug != exclude}
    return Linker(knowledge.lexicon, slugs, prefix, suffix="/")


# --- blocks -------------------------------------------------------------------------------

def nested_list(items: list[tuple[int, bool, str]], attrs: str = "") -> str:
    """``(depth, ordered, html)`` items as nested ``<ul>``/``<ol>`` lists, in order."""
    if items and len({(depth, ordered) for depth, ordered, _ in items}) == 1:
        return _flat_list(items, attrs)  # most sections: one level, one kind of list
    return _nested(items, attrs)


def _nested(items: list[tuple[int, bool, str]], attrs: str) -> str:
    out: list[str] = []
    open_lists: list[tuple[int, str]] = []
    for depth, ordered, body in items:
        tag = "ol" if ordered else "ul"
        while open_lists and open_lists[-1][0] > depth:
            out.append(f"</li></{open_lists.pop()[1]}>")
        if open_lists and open_lists[-1][0] == depth:
            if open_lists[-1][1] == tag:
                out.append("</li>")
            else:
                out.append(f"</li></{open_lists.pop()[1]}>")
        if not open_lists or open_lists[-1][0] < depth:
            out.append(f"<{tag}{attrs if not open_lists else ''}>")
            open_lists.append((depth, tag))
        out.append(f"<li>{body}")
    while open_lists:
        out.append(f"</li></{open_lists.pop()[1]}>")
    return "\n".join(out)


def _flat_list(items: list[tuple[int, bool, str]], attrs: str) -> str:
    """What :func:`nested_list` writes for items of one depth and one kind."""
    tag = "ol" if items[0][1] else "ul"
    return f"<{tag}{attrs}>\n<li>" + "\n</li>\n<li>".join([body for _, _, body in items]) + f"\n</li></{tag}>"


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
