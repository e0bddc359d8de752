"""A log file shown line by line, each line with an anchor (``#L12``) that pages link to,
and each session's header line one more (``#session-<id>``) that stays put when lines move."""
from __future__ import annotations

from ..model import LogFile, Session
from . import html
from .common import front_matter, session_anchor
from .words import Words


def render_source(log: LogFile, sessions: tuple[Session, ...], words: Words) -> str:
    """The (already redacted) lines of one log, verbatim, as one raw HTML block; ``sessions``
    are the log's, whose header lines get their anchors.

    One element per line (the engine's cost is per tag); the numbers are CSS counters.
    """
    headers = {session.source.line: session_anchor(session) for session in sessions}
    rows = []
    for n, line in enumerate(log.lines, 1):
        anchor = f'<a id="{headers[n]}"></a>' if n in headers else ""
        rows.append(f'<span id="L{n}">{anchor}{html.text(line)}</span>')
    return "\n".join([
        front_matter(title=log.path, search={"exclude": True}),
        html.block("\n".join([
            html.title(html.text(log.path)),
            f"<p>{words('source_summary', lines=len(log.lines), sessions=len(sessions))}</p>",
            # One line of HTML: each log line is a block of its own, so newlines would double them.
            '<pre class="studykb-source">' + "".join(rows) + "</pre>"])), ""])
