"""Slugs: one function makes them, one checks them; unique within their namespace.

A slug is a page's name in its URL and its file name: words of letters, digits and
combining marks of any script, lower case where the script has case, NFC, joined by
single hyphens. Latin letters lose their accents and compatibility forms their width
(``Café`` -> ``cafe``, ``ＬＲ`` -> ``lr``), as slugs always have; letters of other
scripts stay as written (``학습률`` -> ``학습률``), so a Korean learner reads the URL.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import NewType

Slug = NewType("Slug", str)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # a slug of a name without letters beyond Latin
MAX_LENGTH = 60  # characters
# A name of another script is cut shorter: 120 bytes of UTF-8 (40 Hangul syllables) keep
# ``<slug>.md`` within every file system's name limit (eCryptfs: 143 bytes) and the URL
# within 360 characters once percent-encoded.
MAX_BYTES = 120
HASHED_PREFIX = "term-"  # a name with no letters or digits at all (``???``, ``🔥``)


# Names Windows cannot give a file or folder, whatever follows a dot (`con.md` neither):
# a page or folder so named could not be checked out or built there.
WINDOWS_RESERVED = frozenset(["con", "prn", "aux", "nul",
                              *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))])
RESERVED_SUFFIX = "-page"


def make_slug(text: str) -> Slug:
    """``Batch size`` -> ``batch-size``; ``../../x`` -> ``x``; ``학습률`` -> ``학습률``;
    ``미니배치(mini-batch)`` -> ``미니배치-mini-batch``; a name with no letters or digits gets a
    hash; ``CON`` -> ``con-page`` (see WINDOWS_RESERVED). NFD and NFC spellings slug alike."""
    text = unicodedata.normalize("NFC", text)
    folded = unicodedata.normalize("NFC", "".join(map(_latin_folded, text)).lower())
    if any(map(_is_beyond_latin, folded)):
        slug = _cut("-".join(_words(folded)))
    else:  # the rule slugs have always had, so that no page of such a name moves
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_LENGTH].strip("-")
    if not slug:
        slug = HASHED_PREFIX + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if slug in WINDOWS_RESERVED:
        slug += RESERVED_SUFFIX
    return check_slug(slug)


def check_slug(slug: str) -> Slug:
    """``slug`` if make_slug could have made it; a ValueError otherwise."""
    if not (SLUG_RE.match(slug) or _is_unicode_slug(slug)) or slug in WINDOWS_RESERVED:
        raise ValueError(f"not a slug: {slug!r}")
    return Slug(slug)


def unique_slugs(names: list[str]) -> dict[str, Slug]:
    """A slug per name; names that slug alike get ``-2``, ``-3`` in the order given."""
    taken: set[str] = set()
    return {name: unique(make_slug(name), taken) for name in names}


def unique(base: Slug, taken: set[str]) -> Slug:
    """``base``, or ``base-2``, ``base-3``... whichever ``taken`` lacks; then taken. Slugs
    are compared case-folded (``straße`` and ``strasse`` do not share a page), as a
    case-insensitive file system (macOS, Windows) compares file names."""
    slug, n = base, 1
    while slug.casefold() in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug.casefold())
    return Slug(slug)


def log_name(path: str) -> str:
    """What a log's slug is made from: ``sessions/a/b/x.md`` -> ``a/b x`` (the file name
    without ``.md``, after the folders below the sessions folder)."""
    folder, _, name = path.rpartition("/")
    prefix = folder.split("/", 1)[1] if "/" in folder else ""
    stem = name.removesuffix(".md")
    return f"{prefix} {stem}" if prefix else stem


def log_slugs(paths: list[str]) -> dict[str, Slug]:
    """A unique slug per log path. Where two slug alike (``week 1.md``, ``week-1.md``), a
    log whose name is already its slug keeps it (so adding ``Week 1.md`` beside ``week-1.md``
    moves no existing page); the others get ``-2``, ``-3`` in path order."""
    def keeps_its_name_first(path: str) -> tuple[bool, str]:
        return log_name(path) != make_slug(log_name(path)), path
    taken: set[str] = set()
    return {path: unique(make_slug(log_name(path)), taken) for path in sorted(paths, key=keeps_its_name_first)}


# --- names of any script ---------------------------------------------------------------

def _latin_folded(char: str) -> str:
    """``é`` -> ``e``, ``Ａ`` -> ``A``, ``①`` -> ``1``: a character whose compatibility
    decomposition is ASCII and accents; any other character as it is."""
    if char.isascii():
        return char
    parts = unicodedata.normalize("NFKD", char)
    if any(p.isascii() for p in parts) and all(p.isascii() or _is_mark(p) for p in parts):
        return "".join(p for p in parts if p.isascii())
    return char


def _words(text: str) -> list[str]:
    """The runs of letters, digits and marks; invisible format characters (zero-width
    spaces and joiners, soft hyphens, direction marks) are dropped, the rest separates."""
    words, word = [], ""
    for char in text:
        if _is_letter_or_digit(char) or (word and _is_mark(char)):
            word += char
        elif unicodedata.category(char) != "Cf":
            words.append(word)
            word = ""
    return [w for w in (*words, word) if w]


def _cut(slug: str) -> str:
    """At most MAX_LENGTH characters and MAX_BYTES bytes, never between a letter and its marks."""
    end = min(len(slug), MAX_LENGTH)
    while len(slug[:end].encode("utf-8")) > MAX_BYTES:
        end -= 1
    while 0 < end < len(slug) and _is_mark(slug[end]):
        end -= 1
    return slug[:end].strip("-")


def _is_beyond_latin(char: str) -> bool:
    """A letter or decimal digit that is not folded to ASCII: the name needs the rule of
    any script (a fraction or a symbol alone does not)."""
    category = unicodedata.category(char)
    return not char.isascii() and (category[0] == "L" or category == "Nd")


def _is_letter_or_digit(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def _is_unicode_slug(slug: str) -> bool:
    """NFC, lower case, words of letters, digits and marks (a letter or digit first)."""
    words = slug.split("-")
    return (slug == unicodedata.normalize("NFC", slug) == slug.lower()
            and all(w and _is_letter_or_digit(w[0]) and all(_is_letter_or_digit(c) or _is_mark(c) for c in w)
                    for w in words))
