"""Session pages kept from the previous render in the same process (``mkdocs serve``).

After an edit to one session, every other session page would come out the same: each
is rendered again only if something it shows changed. The key holds everything a
session page is made of: the site's language, the parsed session (its blocks are the very objects the parse
cache kept when the log did not change; equal ones also match), its neighbours, the
concepts it introduces, the concept mentions the link stage found on its lines (their
slugs are all its concept links depend on), and the experiment results shown beside them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CodeBlock, Section, Session, Source, Table
from .context import Context, neighbours
from .session import render_session


@dataclass
class PageMemo:
    pages: dict[str, tuple[tuple, str]] = field(default_factory=dict)  # session id -> (key, page)

    def session_page(self, session: Session, ctx: Context) -> str:
        key = _session_key(session, ctx)
        kept = self.pages.get(session.id)
        if kept is not None and kept[0] == key:
            return kept[1]
        page = render_session(session, ctx)
        self.pages[session.id] = (key, page)
        return page

    def keep_only(self, session_ids) -> None:
        for gone in self.pages.keys() - set(session_ids):
            del self.pages[gone]


def _session_key(session: Session, ctx: Context) -> tuple:
    before, after = neighbours(ctx, session)
    sid = session.id
    runs = tuple((ref, ctx.results.get((ref.experiment, ref.run_id))) for ref in ctx.refs_by_session.get(sid, ()))
    spans = tuple(ctx.spans(source) for source in _line_sources(session))
    return (ctx.words.language, session.source, ctx.knowledge.log_slugs.get(session.source.path),
            session.header, session.started, session.utc_offset, session.tz_name,
            session.timelog, session.blocks,
            before and (before.id, ctx.titles[before.id]), after and (after.id, ctx.titles[after.id]),
            tuple((ctx.name_of(c), c.slug) for c in ctx.introduced.get(sid, ())),
            spans, runs, ctx.notes_by_session.get(sid))


def _line_sources(session: Session):
    """Where each line of text in the session is: the sources of ``lines_of(session)``."""
    for block in session.blocks:
        if isinstance(block, Section):
            yield from (item.source for item in block.items)
        elif isinstance(block, Table):
            yield from (Source(block.source.path, block.source.line + k) for k in range(len(block.lines)))
        elif not isinstance(block, CodeBlock):
            yield block.source
