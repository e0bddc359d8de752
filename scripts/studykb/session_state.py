"""The state of one session while parse.py reads its lines: the blocks so far, the open
part and its items."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import task_lists
from .labels import Labels
from .model import Block, Item, Note, Section, SectionKind, Source
from .resolution import is_resolving_word, item_span, prose_reading, resolved_item


@dataclass
class SessionState:
    """Mutable scratch state while one session's lines are read."""

    path: str
    header_line: int
    header: str
    labels: Labels
    blocks: list[Block] = field(default_factory=list)
    # The open section's name, kind and source; its items gather in ``items`` and the
    # Section record is built once, when it closes.
    section: tuple[str, SectionKind, Source] | None = None
    items: list[Item] = field(default_factory=list)
    section_indent: int = 0
    indents: list[int] = field(default_factory=list)  # indentation of each open item level
    # The part being read: its kind, and whether a heading or bold label opened it (then
    # its free text is its items). A Q/A line, code or a table inside it leaves it open.
    part: tuple[SectionKind, bool] | None = None
    listed: bool = False  # the open part's items so far are list items (bullets)
    # The open part was opened by a line of text that names it and goes on (``Struggled with:
    # X``, ``❓ still unclear: Y``): its paragraph is its item, not the paragraphs after it.
    inline: bool = False
    after_blank: bool = False  # a blank line comes before the line being read
    awaiting_answer: bool = False  # the last line was a quiz question without its answer
    asks: bool = False  # the open part's name says it holds questions (``Questions``, ``疑问``)
    # The open part is named by a resolving word (``Understood now``, ``✅ Got it``, ``해결``):
    # each of its items marks resolved the watchlist item it names. Such a part is what was
    # learned when its name says so (``Got it``), else a watchlist part of resolving lines.
    resolves_all: bool = False
    # The open part is a signifier's (``?? ...``, ``TIL: ...``, labels.yml ``signs:``): its kind
    # there; a line without that mark after its lines is none of its items.
    signed: str | None = None
    in_toggle: bool = False  # a ``<details>`` toggle is open (toggles.py): its ``</details>`` ends its part
    # A heading with nothing under it but lines that name parts (``#### Weekly review`` then
    # ``Still fuzzy: …``, ``Next week: …``): its name and line, which head those parts' names.
    heading: tuple[str, Source] | None = None
    # The open part was opened by a list item with items nested under it (``- still confused``
    # then ``  - X``): that item's indentation. Its nested items are the part; a list item
    # at that indentation or less (its next sibling, ``- TODO …``) ends it.
    scope: int | None = None

    def item_depth(self, indent: int) -> int:
        """Nesting by indentation, never skipping a level, so every list renders as a list."""
        indents = self.indents
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        return len(indents) - 1

    def open_section(self, name: str, kind: SectionKind, source: Source, indent: int, by_heading: bool) -> None:
        self.close_section()
        self.heading = None
        self.resolves_all = kind in (SectionKind.OTHER, SectionKind.LEARNED) and is_resolving_word(name, self.labels)
        kind = SectionKind.WATCHLIST if self.resolves_all and kind is SectionKind.OTHER else kind
        self.section = (name, kind, source)
        self.section_indent = indent
        self.part = (kind, by_heading)
        self.asks = kind is SectionKind.OTHER and self.labels.is_question_part(name)
        self.listed = False
        self.inline = False
        self.signed = None
        self.scope = None

    def open_signed(self, sign: str, mark: str, source: Source, indent: int) -> None:
        """The part of a signifier's lines, unless the line before opened it: ``??`` flags a
        watchlist item, ``TIL:`` what was learned, ``✓`` what was learned resolving the item
        it names."""
        if self.signed == sign and self.part is not None and indent == self.section_indent:
            return
        self.end_part()
        self.open_section(mark, SectionKind.WATCHLIST if sign == "watchlist" else SectionKind.LEARNED,
                          source, indent, by_heading=False)
        self.resolves_all = sign == "resolved"
        self.signed = sign

    def close_section(self) -> None:
        if self.section is not None:
            resolving = self.section[1] is SectionKind.WATCHLIST or self.resolves_all
            items = map(self.resolving if resolving else self.prose, self.items)
            self.blocks.extend(task_lists.by_box(Section(*self.section, tuple(items))))
            self.section = None
            self.items = []
        self.indents = []

    def resolving(self, item: Item) -> Item:
        """A watchlist or learned item, with where it names the item it marks resolved, if it
        does (``✅ got it: PMI vs PPMI`` among what was learned)."""
        span = resolved_item(item.text, self.labels)
        if span is None and self.resolves_all and item.depth == 0:
            span = item_span(item.text)
        return item if span is None else replace(item, resolves=span)

    def prose(self, item: Item) -> Item:
        """An item of another part (what was covered, learned, or no part): a line that says
        an item is resolved (``✅ got it: PMI vs PPMI``, ``S. understood X``) or still confused
        (``S. still mixes up X and Y``), with where it names it. A resume point says neither."""
        if self.section is None or self.section[1] is SectionKind.RESUME:
            return item
        resolves, flags = prose_reading(item.text, self.labels)
        return replace(item, resolves=resolves, flags=flags) if resolves or flags else item

    def add_note(self, text: str, source: Source) -> None:
        """A line of free text, which ends the open part; read as prose, as ``prose`` reads an item."""
        self.end_part()
        resolves, flags = prose_reading(text, self.labels)
        self.blocks.append(Note(text, source, resolves, flags))

    def end_part(self) -> None:
        self.close_section()
        self.part = None
        self.asks = False
        self.resolves_all = False
        self.inline = False
        self.signed = None
        self.scope = None

    def leave_scope(self, indent: int) -> None:
        """A list item at ``indent``: out of the part a list item with nested items opened
        when it is no deeper than that item."""
        if self.scope is not None and indent <= self.scope:
            self.end_part()

    def interrupt(self, block: Block) -> None:
        """A block inside a part (Q/A, code, a table): the items after it are the part's again."""
        self.close_section()
        self.blocks.append(block)

    def add_item(self, text: str, source: Source, indent: int, ordered: bool = False, number: int = 0) -> None:
        if self.section is None:  # a part that goes on after a Q/A or code, else an unnamed section
            kind = self.part[0] if self.part else SectionKind.OTHER
            self.section = ("", kind, source)
            self.section_indent = 0
        self.items.append(Item(text, source, self.item_depth(indent), ordered, number))

    @property
    def in_heading_part(self) -> bool:
        return self.part is not None and self.part[1]
