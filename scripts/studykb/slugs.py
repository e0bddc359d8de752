"""Slugs: one function makes them, one checks them; unique within their namespace."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import NewType

Slug = NewType("Slug", str)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTH = 60


# Names Windows cannot give a file or folder, whatever follows a dot (`con.md` neither):
# a page or folder so named could not be checked out or built there.
WINDOWS_RESERVED = frozenset(["con", "prn", "aux", "nul",
                              *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))])
RESERVED_SUFFIX = "-page"


def make_slug(text: str) -> Slug:
    """``Batch size`` -> ``batch-size``; ``../../x`` -> ``x``; a name with no letters gets a hash;
    ``CON`` -> ``con-page`` (see WINDOWS_RESERVED)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_LENGTH].strip("-")
    if not slug:
        slug = "term-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    if slug in WINDOWS_RESERVED:
        slug += RESERVED_SUFFIX
    return check_slug(slug)


def check_slug(slug: str) -> Slug:
    if not SLUG_RE.match(slug) or slug in WINDOWS_RESERVED:
        raise ValueError(f"not a slug: {slug!r}")
    return Slug(slug)


def unique_slugs(names: list[str]) -> dict[str, Slug]:
    """A slug per name; names that slug alike get ``-2``, ``-3`` in the order given."""
    taken: set[str] = set()
    return {name: unique(make_slug(name), taken) for name in names}


def unique(base: Slug, taken: set[str]) -> Slug:
    """``base``, or ``base-2``, ``base-3``... whichever ``taken`` lacks; then taken."""
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
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
