"""A hostile log and vocabulary (tests/fixtures/hostile/) through one real ``mkdocs build
--strict``: every built page is inert, and every payload still reaches a reader as text.

Inert means, in every HTML (and SVG) file of site/: no element with an ``on*`` attribute,
no URL attribute with a ``javascript:``, ``vbscript:`` or ``data:`` scheme, no <script>
but those of a plain page (the theme's and the site's own), no <iframe>, <object>,
<embed>, <base>, <style> or refresh, and nothing that loads from another host. Nothing
lost means each payload shows, as visible text, on the page of the place it was written
in, and each line on its log's source page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import HOSTILE, HOSTILE_FILE_NAME, visible_text

pytestmark = pytest.mark.slow

SITE_URL = "http://127.0.0.1:8000/"  # what mkdocs.yml builds for without SITE_URL
PLAIN_PAGE = "performance/index.html"  # hand-written, no log text: the scripts every page has
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "background",
                  "cite", "xlink:href", "manifest", "ping", "lowsrc", "dynsrc", "longdesc"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
LOADING_ELEMENTS = {"img", "link", "source", "video", "audio", "track", "input", "script", "image", "use"}
BASE_PATH = re.compile(r'"(?:\.\.(?:/\.\.)*/?|\./?|/(?:[\w-]+/)*?)(?=assets/|")')


def script_key(src: str | None, text: str, base_url: str = SITE_URL) -> str:
    """What makes a script the same on any page: its address, or its text, with the page's
    way to the site root (``../..``, ``/studykb/``, the full address) taken out."""
    if src is None:
        return BASE_PATH.sub('"', text.strip())
    path = src.removeprefix(base_url).removeprefix(urlsplit(base_url).path)
    return "file " + re.sub(r"^(?:\.\.?/)+", "", path)


@dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    line: int
    html: str
    text: str = ""  # a script's


class ElementCollector(HTMLParser):
    """Every start tag of a document, with its attributes (entities decoded, as a browser
    reads them), its line and its source; a script's text is kept too."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._script: Element | None = None

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.getpos()[0], self.get_starttag_text() or "")
        self.elements.append(element)
        if tag == "script":
            self._script = element

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            self._script.text += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def elements_in(html: str) -> list[Element]:
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements


def elements_of(path: Path) -> list[Element]:
    return elements_in(path.read_text(encoding="utf-8"))


def plain_page_scripts(site: Path) -> set[str]:
    return {_script_key(e) for e in elements_of(site / PLAIN_PAGE) if e.tag == "script"}


def _script_key(element: Element) -> str:
    return script_key(dict(element.attrs).get("src"), element.text)


def scheme_of(url: str) -> str:
    """The scheme a browser would see: whitespace and control characters dropped, any case."""
    return re.sub(r"[\x00-\x20\x7f]+", "", url).lower()


def problems_of(element: Element, allowed_scripts: set[str], page: str = "index.html") -> list[str]:
    """What is wrong with one element of ``page`` (its path in site/)."""
    found = []
    for name, value in element.attrs:
        if name.startswith("on"):
            found.append(f"event handler {name}")
        if name in URL_ATTRIBUTES and value and scheme_of(value).startswith(BAD_SCHEMES):
            found.append(f"{name} with a {scheme_of(value).split(':')[0]}: URL")
        if name in URL_ATTRIBUTES and value and element.tag in LOADING_ELEMENTS and _other_host(value):
            found.append(f"{name} on another host")
    styled_figure = element.tag == "style" and page.endswith(".svg")  # our SVG figures carry their CSS
    if element.tag in FORBIDDEN_ELEMENTS or (element.tag == "style" and not styled_figure):
        found.append(f"<{element.tag}> element")
    if element.tag == "meta" and dict(element.attrs).get("http-equiv"):
        found.append("<meta http-equiv>")
    if element.tag == "script" and _script_key(element) not in allowed_scripts:
        found.append("a script no plain page has")
    return found


def _other_host(url: str) -> bool:
    for candidate in url.split(","):  # srcset lists several
        parts = urlsplit(candidate.strip().split(" ")[0])
        if parts.netloc and parts.netloc != urlsplit(SITE_URL).netloc:
            return True
    return False


def built_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in (".html", ".svg") and p.is_file())


def test_the_plain_page_holds_only_the_sites_own_scripts(built_hostile_site):
    """The reference for 'the scripts every page has' must itself be clean."""
    scripts = plain_page_scripts(built_hostile_site / "site")
    assert scripts and not any("alert" in s for s in scripts)
    assert any("bundle" in s for s in scripts)


def test_every_built_page_is_inert(built_hostile_site):
    """No handler, no script URL, no foreign script, frame or style, nothing loaded from
    another host, on any page (each problem listed with its page, line and tag)."""
    site = built_hostile_site / "site"
    allowed = plain_page_scripts(site)
    problems = []
    for path in built_files(site):
        page = path.relative_to(site).as_posix()
        for element in elements_of(path):
            for problem in problems_of(element, allowed, page):
                problems.append(f"{page}:{element.line}: {problem}: {element.html[:160]}")
    assert not problems, f"{len(problems)} injected elements:\n" + "\n".join(problems)


INJECTED = [
    ('<img src=x onerror="alert(1)">', "event handler onerror"),
    ("<svg><g ONLOAD=alert(1)></g></svg>", "event handler onload"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "href with a javascript: URL"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "href with a javascript: URL"),
    ('<form action="vbscript:x"></form>', "action with a vbscript: URL"),
    ('<button formaction="data:text/html,x">', "formaction with a data: URL"),
    ('<img src="https://tracker.example/p.png">', "src on another host"),
    ('<link rel="stylesheet" href="//tracker.example/x.css">', "href on another host"),
    ("<iframe src=x></iframe>", "<iframe> element"),
    ('<embed src="x">', "<embed> element"),
    ('<base href="https://evil.example/">', "<base> element"),
    ("<style>body{display:none}</style>", "<style> element"),
    ('<meta http-equiv="refresh" content="0;url=x">', "<meta http-equiv>"),
    ("<script>alert(1)</script>", "a script no plain page has"),
    ('<script src="https://evil.example/x.js"></script>', "a script no plain page has"),
]


@pytest.mark.parametrize("html, problem", INJECTED, ids=[p for _, p in INJECTED])
def test_the_checks_see_each_kind_of_injection(built_hostile_site, html, problem):
    """Without this, a checker that saw nothing would pass every page."""
    allowed = plain_page_scripts(built_hostile_site / "site")
    found = [p for element in elements_in(html) for p in problems_of(element, allowed)]
    assert problem in found, found


def test_no_script_on_any_page_mentions_alert(built_hostile_site):
    site = built_hostile_site / "site"
    for path in built_files(site):
        for element in elements_of(path):
            if element.tag == "script":
                assert "alert" not in element.text, f"{path.relative_to(site)}:{element.line}: {element.text[:160]}"


def test_generated_page_addresses_are_plain_slugs(built_hostile_site):
    """A payload used as a concept name or a log's file name becomes a slug of letters,
    digits and hyphens: nothing of it reaches a URL as markup."""
    site = built_hostile_site / "site"
    for kind in ("sessions", "concepts", "sources"):
        pages = [p.parent.name for p in (site / kind).glob("*/index.html")]
        assert pages, kind
        assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in pages), pages


# --- nothing lost: each payload, written in each place, shows as text on its page ---------

class OneOf(tuple):
    """The ways a payload may rightly show: as written, or as Markdown reads it."""


IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
ESCAPED_TICKS = OneOf(["`<img src=x onerror=alert(1)>`", "\\`<img src=x onerror=alert(1)>\\`"])
ESCAPED_LINK = OneOf(["[notes](javascript:alert(1))", "\\[notes\\](javascript:alert(1))"])
PRE_ESCAPED = OneOf(["&lt;script&gt;alert(1)&lt;/script&gt;", SCRIPT])
STRONG_IMG = OneOf(["***<img src=x onerror=alert(1)>***", IMG])
CODE_IMG = OneOf(["`<img src=x onerror=alert(1)>`", IMG])
WIKI = OneOf(["[[wiki]]", "wiki"])  # a wikilink shows as the text Obsidian shows

S1 = "sessions/2026-03-01-1000"
S2 = "sessions/2026-03-02-1100"
S3 = "sessions/2026-03-05-0830"  # in the log whose file name is a payload
S4 = "sessions/2026-03-03-0900"
S5 = "sessions/2026-03-04-0900"

PLACES = [
    # place, page, what a reader sees there
    ("log title", "timeline", ("Hostile log </title><script>alert(1)</script> {{ 7*7 }} ", CODE_IMG)),
    ("preamble", "timeline", ("Preamble with ", ESCAPED_TICKS, f" and {SCRIPT} before any session.")),
    ("preamble line opening a div", "timeline", ("<div onmouseover=alert(1)>preamble div line</div>",)),
    ("preamble links", "timeline",
     ("A preamble link [notes](javascript:alert(1)) and ![p](https://tracker.example/p.png) and {% raw %}.",)),
    ("log file name", "timeline", (f"sessions/{HOSTILE_FILE_NAME}",)),
    ("title of the log with that name", "timeline", (f'A log whose file name is {IMG} {{: onclick="alert(1)" }}',)),
    ("session header time zone", S1, ("2026-03-01 10:00 ", CODE_IMG)),
    ("session header time zone", S2, ('2026-03-02 11:00 "><svg onload=alert(1)>',)),
    ("session header time zone", S4, ("2026-03-03 09:00 ", ESCAPED_TICKS)),
    ("session header time zone", S5, (f"2026-03-04 09:00 {SCRIPT}",)),
    ("field value", S1, ("Repository: ", ESCAPED_TICKS, " and [x](JaVaScRiPt:alert(1))")),
    ("field value", S1, (f"User language: {SCRIPT}",)),
    ("field value", S1, ('Study mode: "><svg onload=alert(1)> and </title><script>alert(1)</script>',)),
    ("time log", S1, (f"Duration ~60 minutes {IMG}",)),
    ("field name", S1, (f'{IMG} field name: {{{{ 7*7 }}}} and {{% raw %}} and {{: onclick="alert(1)" }}',)),
    ("field value", S1, ("Note: ", PRE_ESCAPED, " and ", STRONG_IMG)),
    ("topic", S1, (ESCAPED_TICKS, " topic with epoch")),
    ("topic", "timeline", (ESCAPED_TICKS, " topic with epoch")),
    ("topic", S1, (f"{IMG} topic in a code span",)),
    ("topic", S1, (f"{SCRIPT} topic",)),
    ("topic", S1, (ESCAPED_LINK, " topic")),
    ("topic", S1, ("[notes](javascript:alert(1)) topic",)),
    ("topic", S1, ("[x](JaVaScRiPt:alert(1)) topic",)),
    ("topic", S1, ("[x](  javascript:alert(1)) topic",)),
    ("topic", S1, ('<a href="javascript:alert(1)">x</a> topic',)),
    ("topic", S1, ("![p](https://tracker.example/p.png) topic",)),
    ("topic", S1, ('<img src="https://tracker.example/p.png"> topic',)),
    ("topic", S1, (WIKI, " topic and [^1] and <!-- comment --> topic")),
    ("topic", "timeline", (WIKI, " topic and [^1] and <!-- comment --> topic")),
    ("topic with an experiment", S1, ("LR sweep executed: 0.01, 0.1, 1.0, 3.0, 10.0 {{ 7*7 }}",)),
    ("nested item", S1, ('nested {: onclick="alert(1)" } under the sweep',)),
    ("nested item", S1, ('deeper "><svg onload=alert(1)> nested',)),
    ("numbered item", S1, ("numbered [x](  javascript:alert(1))",)),
    ("numbered item", S1, ('numbered <a href="javascript:alert(1)">x</a>',)),
    ("definition of a payload", S1, (IMG, " is a payload that must stay text.")),
    ("definition", S1, (f"batch size is samples per update, not {SCRIPT} or {{{{ 7*7 }}}}.",)),
    ("definition", S1, ("learning rate is the step length [notes](javascript:alert(1)) and "
                        "![p](https://tracker.example/p.png).",)),
    ("definition", S1, ("hostile term {{ 7*7 }} is a term with template braces {% raw %}.",)),
    ("definition", S1, ('"><svg onload=alert(1)> is a term that closes an attribute.',)),
    ("definition after a colon", S1,
     ('Payload: a colon definition with <a href="javascript:alert(1)">x</a> and {: onclick="alert(1)" }',)),
    ("watchlist", S1, (f"Difference between batch size and {SCRIPT}.",)),
    ("watchlist", S1, (f"Watch {IMG} and [x](JaVaScRiPt:alert(1)) and ", STRONG_IMG)),
    ("watchlist", "watchlist", (f"Watch {IMG} and [x](JaVaScRiPt:alert(1)) and ", STRONG_IMG)),
    ("resume point", S1, (f"Resume with validation split and </title><script>alert(1)</script> and "
                          "[notes](javascript:alert(1))",)),
    ("Q/A", S1, (f"Is {SCRIPT} safe? Only as text: ", ESCAPED_TICKS, ' and "><svg onload=alert(1)>.')),
    ("Q/A", "recall", (f"Is {SCRIPT} safe?",)),
    ("Q/A", "recall", ("Only as text: ", ESCAPED_TICKS, ' and "><svg onload=alert(1)>.')),
    ("indented Q/A", S1, ("Indented [x](  javascript:alert(1)) question? "
                          "Answer with ![p](https://tracker.example/p.png).",)),
    ("section name", S1, (f"{IMG} section",)),
    ("item of that section", S1, ("item under a hostile section name {{ 7*7 }}",)),
    ("note opening a div", S1, ("<div onmouseover=alert(1)>a note line that starts with a div</div>",)),
    ("note", S1, ("A note with ", WIKI, " and a footnote reference[^1] and <!-- comment --> and {% raw %}.")),
    ("note", S1, ("Notes with ", PRE_ESCAPED, ' and <a href="javascript:alert(1)">x</a>. {: onclick="alert(1)" }')),
    ("note", S1, ('Notes with <iframe src="https://evil.example/frame"></iframe> and '
                  '<object data="https://evil.example/o"></object> and <embed src="https://evil.example/e">.',)),
    ("note", S1, ("Notes with [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and "
                  "[v](vbscript:msgbox(1)) and <javascript:alert(1)> and [ref link][evil].",)),
    ("note", S1, ('Notes with <form action="javascript:alert(1)"><button formaction="javascript:alert(1)">'
                  'go</button></form> and <link rel="stylesheet" href="https://tracker.example/x.css">.',)),
    ("note", S1, ('Notes with <base href="https://evil.example/"> and <meta http-equiv="refresh" '
                  'content="0;url=javascript:alert(1)"> and <style>body{display:none}</style>.',)),
    ("note", S1, ('Notes with [e](&#106;avascript:alert(1)) and <a href="&#x6A;avascript:alert(1)">y</a> and '
                  '<video><source src="https://tracker.example/v.mp4"></video>.',)),
    ("footnote", S1, (f"[^1]: {IMG}",)),
    ("link reference", S1, ("[evil]: javascript:alert(1)",)),
    ("code block", S1, (f"{SCRIPT} {IMG} {{{{ 7*7 }}}} {{% raw %}}",)),
    ("code block closing the page's code", S1, (f"</code></pre>{SCRIPT}",)),
    ("table cell", S1, (f"{SCRIPT} table cell",)),
    ("table cell", S1, (f"[notes](javascript:alert(1)) {IMG}",)),
    ("table cell", S1, ('{: onclick="alert(1)" } "><svg onload=alert(1)>',)),
    ("topic", S2, (f"[x](JaVaScRiPt:alert(1)) second session with {IMG}",)),
    ("Q/A", S2, ("What is {{ 7*7 }}? It is text, not 49.",)),
    ("resume point", S5, (f"Resume after the {SCRIPT} session with epoch.",)),
    ("latest resume point", "", (f"Resume after the {SCRIPT} session with epoch.",)),
    ("Q/A", "recall", (f"Does the title {{{{ 7*7 }}}} of this session stay text? Yes: {IMG}.",)),
    ("source of a session", S3, (f"sessions/{HOSTILE_FILE_NAME}",)),
    ("topic", S3, (f"a session from the file named {IMG}.md",)),
    ("Q/A", S3, (f"The one named {IMG}.md.",)),
    ("vocabulary term", "glossary", (IMG,)),
    ("vocabulary aliases", "glossary", (f"{SCRIPT}, {{{{ 7*7 }}}}",)),
    ("vocabulary definition", "glossary",
     (ESCAPED_TICKS, " defined in the vocabulary with [notes](javascript:alert(1)).")),
    ("vocabulary term", "glossary", ("</title><script>alert(1)</script>",)),
    ("vocabulary aliases", "glossary", ('{: onclick="alert(1)" }, {% raw %}',)),
    ("vocabulary definition", "glossary", (IMG, " in a code span and ", STRONG_IMG)),
    ("vocabulary term", "glossary", ('"><svg onload=alert(1)>',)),
    ("vocabulary alias", "glossary", ("[[wiki]]",)),
    ("vocabulary definition", "glossary",
     ('<a href="javascript:alert(1)">x</a> and ![p](https://tracker.example/p.png) and [x](JaVaScRiPt:alert(1))',)),
    ("vocabulary term", "glossary", ("vocab {% raw %} term",)),
    ("vocabulary aliases", "glossary", ("[x](  javascript:alert(1)), ", PRE_ESCAPED)),
    ("vocabulary definition", "glossary", ('<div onmouseover=alert(1)>vocab div</div> and '
                                           '<img src="https://tracker.example/p.png"> and ', WIKI,
                                           ' and <!-- comment --> and {{ 7*7 }}')),
    ("vocabulary definition on the concept page", "concepts/vocab-raw-term",
     ('<div onmouseover=alert(1)>vocab div</div> and <img src="https://tracker.example/p.png">',)),
    ("vocabulary definition of a known term", "concepts/learning-rate",
     (STRONG_IMG, " and ", PRE_ESCAPED, " and ", ESCAPED_LINK)),
    ("vocabulary alias of a known term", "concepts/learning-rate", (CODE_IMG, " rate")),
]


def shown(parts: tuple) -> re.Pattern:
    """The visible text a place must hold, whitespace collapsed as ``visible_text`` does."""
    def literal(text: str) -> str:
        return re.escape(" ".join(text.split())) if text.strip() else r"\s*"

    def piece(part) -> str:
        if isinstance(part, OneOf):
            return "(?:" + "|".join(literal(form) for form in part) + ")"
        return (r"\s?" if part[:1].isspace() else "") + literal(part) + (r"\s?" if part[-1:].isspace() else "")
    return re.compile("".join(piece(p) for p in parts))


def page_text(site: Path, url: str) -> str:
    return visible_text((site / url / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("place, url, parts", PLACES, ids=[f"{p[0]}@{p[1] or 'home'}" for p in PLACES])
def test_each_payload_shows_as_text_where_it_was_written(built_hostile_site, place, url, parts):
    """Nothing lost: the reader sees each payload, as text, on the page of its place."""
    text = page_text(built_hostile_site / "site", url)
    pattern = shown(parts)
    assert pattern.search(text), f"{place}: not shown as text on /{url}/:\n  wanted {pattern.pattern}"


def heading_of(page: Path) -> str | None:
    """The page's <h1> as a reader sees it (without the permalink sign)."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    return visible_text(f"<p>{heading[1]}</p>").rstrip("¶").strip() if heading else None


def pages_titled(site: Path, kind: str, title: str) -> list[Path]:
    return [page for page in sorted((site / kind).glob("*/index.html")) if heading_of(page) == title]


@pytest.mark.parametrize("name", [IMG, '"><svg onload=alert(1)>', "</title><script>alert(1)</script>",
                                  "vocab {% raw %} term"])
def test_a_payload_named_concept_has_a_page_titled_with_it(built_hostile_site, name):
    """A vocabulary term the log mentions is a concept whatever its text (a log's own
    backticked `<img ...>` is code, not a term): its page's heading and <title> show the
    name as text, its address is a plain slug, and the glossary lists it."""
    site = built_hostile_site / "site"
    pages = pages_titled(site, "concepts", name)
    assert len(pages) == 1, f"no concept page titled {name!r}"
    title = re.search(r"<title>(.*?)</title>", pages[0].read_text(encoding="utf-8"), re.S)[1]
    assert visible_text(f"<p>{title}</p>").startswith(name), title
    assert name in page_text(site, "glossary")


def source_lines(page: Path) -> dict[int, str]:
    """The lines a source page shows, by their ``#L<n>`` anchor, as a reader sees them."""
    html = page.read_text(encoding="utf-8")
    return {int(n): visible_text(f"<p>{text}</p>") for n, text in
            re.findall(r'<span id="L(\d+)">(.*?)</span>(?=<span id="L|</pre>)', html, re.S)}


@pytest.mark.parametrize("log_name, fixture", [("hostile.md", "hostile.md"), (HOSTILE_FILE_NAME, "named.md")])
def test_every_line_of_a_hostile_log_shows_verbatim_on_its_source_page(built_hostile_site, log_name, fixture):
    """Nothing lost: the source page shows each line as it was written, at its ``#L<n>``
    anchor, the log named like a payload included."""
    pages = pages_titled(built_hostile_site / "site", "sources", f"sessions/{log_name}")
    assert len(pages) == 1, f"no source page titled sessions/{log_name}"
    shown = source_lines(pages[0])
    lines = (HOSTILE / fixture).read_text(encoding="utf-8").splitlines()
    assert len(shown) == len(lines)
    for number, line in enumerate(lines, 1):
        assert shown[number] == " ".join(line.split()), f"line {number}: {line!r} shows as {shown[number]!r}"
