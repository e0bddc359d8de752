"""Slugs: one function makes them, one checks them; unique within their namespace."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import NewType

Slug = NewType("Slug", str)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTH = 60


@lru_cache(maxsize=4096)  # section names and concept names recur on every page
def make_slug(text: str) -> Slug:
    """``Batch size`` -> ``batch-size``; ``../../x`` -> ``x``; a name with no letters gets a hash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_LENGTH].strip("-")
    if not slug:
        slug = "term-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return check_slug(slug)


def check_slug(slug: str) -> Slug:
    if not SLUG_RE.match(slug):
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
