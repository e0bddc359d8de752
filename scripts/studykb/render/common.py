"""Small pieces every page uses: paths between pages, clock times, front matter (durations
and months, which are said in the site's language, are ``Words.minutes`` and ``Words.month``)."""
from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta

from ..model import Session

GENERATED = "generated"  # the generated subtree, relative to docs/
SECONDS_RE = re.compile(r"\d:\d\d:\d\d")  # a clock written with its seconds: 13:16:07


def page(*parts: str) -> str:
    """The docs-relative path of a generated page: page("sessions", "x.md")."""
    return "/".join((GENERATED, *parts))


def session_page(session: Session) -> str:
    return page("sessions", f"{session.id}.md")


def concept_page(slug: str) -> str:
    return page("concepts", f"{slug}.md")


def source_page(slug: str) -> str:
    """A log's line-by-line page, by the log's slug (``Knowledge.log_slugs``: unique, made by link)."""
    return page("sources", f"{slug}.md")


def session_anchor(session: Session) -> str:
    """The anchor of a session's header line on its log's source page (stable while lines move)."""
    return f"session-{session.id}"


def clock(moment: datetime, header: str) -> str:
    """``2026-02-14 13:16``: the seconds too (``13:16:07``) only where the header wrote them."""
    return f"{moment:%Y-%m-%d %H:%M:%S}" if moment.second or SECONDS_RE.search(header) else f"{moment:%Y-%m-%d %H:%M}"


def utc_offset(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    total = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{total // 60:02d}:{total % 60:02d}"


def front_matter(**values) -> str:
    """YAML front matter; values are JSON-encoded, which YAML reads as the same strings.

    Strings are HTML-escaped too: the theme puts ``title`` and ``description``
    into ``<title>`` and ``<meta>`` without escaping them.
    """
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {json.dumps(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {json.dumps(html.escape(value) if isinstance(value, str) else value, ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])

