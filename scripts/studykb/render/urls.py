"""Links between generated pages are relative URLs of the permalinks the hook serves
pages at (``generated/sessions/x.md`` -> ``sessions/x/``), so the site works under
any sub-path; this assumes ``use_directory_urls`` (MkDocs' default). A slug in another
script is percent-encoded in them, as MkDocs writes its own URLs (``concepts/학습률/`` ->
``concepts/%ED%95%99%EC%8A%B5%EB%A5%A0/``); browsers show it decoded.
"""
from __future__ import annotations

from urllib.parse import quote

from .common import GENERATED


def permalink(docs_path: str) -> str:
    """Where the site serves a docs-relative file: ``generated/sessions/x.md`` -> ``sessions/x/``."""
    path = docs_path.removeprefix(GENERATED + "/")
    if not path.endswith(".md"):
        return path
    folder, _, name = path[:-3].rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{name}/" if folder else f"{name}/"


def href(from_page: str, to_path: str) -> str:
    """A relative URL from one generated page to a docs-relative path (``#anchor`` kept):
    up to the site's root, then down to the target, so the site works under any sub-path;
    percent-encoded (a page or anchor named in another script)."""
    return relative(root_of(from_page), to_path)


def root_of(page: str) -> str:
    """The relative URL of the site's root from a generated page: ``../`` for each
    folder of the page's permalink (``generated/sessions/x.md`` -> ``../../``)."""
    return "../" * permalink(page).count("/")


def relative(root: str, to_path: str) -> str:
    """:func:`href` from the page whose :func:`root_of` is ``root``."""
    target, _, anchor = to_path.partition("#")
    url = root + quote(permalink(target)) or "./"
    return url + fragment(anchor) if anchor else url


def fragment(anchor: str) -> str:
    """``#anchor``, percent-encoded as :func:`href` writes it."""
    return f"#{quote(anchor)}"
