"""A log file shown line by line, each line with an anchor (``#L12``) that pages link to."""
from __future__ import annotations

from html import escape

from ..model import LogFile
from .common import front_matter
from .text import plain


def render_source(log: LogFile) -> str:
    """The (already redacted) lines of one log, verbatim, as one raw HTML block."""
    lines = log.lines
    rows = [f'<span class="studykb-line" id="L{n}"><a class="studykb-ln" href="#L{n}">{n}</a>'
            f"{escape(line)}</span>" for n, line in enumerate(lines, 1)]
    return "\n".join([
        front_matter(title=log.path, search={"exclude": True}),
        f"# {plain(log.path)}", "",
        f"{len(lines)} lines, {len(log.sessions)} sessions. Private paths are redacted.", "",
        # One line of HTML: each log line is a block of its own, so newlines would double them.
        '<pre class="studykb-source">' + "".join(rows) + "</pre>", ""])
