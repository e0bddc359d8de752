"""Mentions: which concepts each line names, and where. Link decides them once; the
renderers print them (``Knowledge.mentions``) and search nothing again.

A line names a concept where its words spell one of the concept's names, and where a
code span reads as a term (`` `batch size` ``, `` `hidden_size` ``): then the code span
as a whole names it. Other code (`` `train.py` ``, `` `lr = 0.1` ``) names nothing.
"""
from __future__ import annotations

from collections import defaultdict

from .concepts import is_term_like
from .markup import CodeSpan, replace_code_spans
from .model import ConceptSlug, Definition, Line, Mention, Source, Span
from .vocabulary import Lexicon, Match


def names_in(text: str, spans: tuple[CodeSpan, ...], lexicon: Lexicon) -> tuple[Match, ...]:
    """The terms ``text`` names, where, in order: its words outside code spans (``spans``),
    and each code span that reads as a term, as a whole."""
    if not spans:
        return tuple(lexicon.find(text))
    words = lexicon.find(replace_code_spans(text, lambda span: " " * (span.end - span.start), spans))
    terms = [Match(span.start, span.end, name) for span in spans if (name := _term_of(span, lexicon))]
    return tuple(sorted(words + terms, key=lambda m: m.start))


def _term_of(span: CodeSpan, lexicon: Lexicon) -> str | None:
    """The term a code span's text is, if it reads as one (`batch size`, not `train.py`)."""
    return lexicon.lookup(span.inner) if is_term_like(span.inner, lexicon) else None


def find_mentions(lines: list[Line], code: list[tuple[CodeSpan, ...]],
                  lexicon: Lexicon) -> dict[Source, tuple[Match, ...]]:
    """The terms each line names, where; a line that names none is left out. ``code``: each
    line's code spans."""
    found = {}
    for line, spans in zip(lines, code):
        matches = names_in(line.text, spans, lexicon)
        if matches:
            found[line.source] = matches
    return found


def names_on_lines(lines: list[Line], found: dict[Source, tuple[Match, ...]],
                   definitions: dict[str, list[Definition]]) -> dict[Source, tuple[str, ...]]:
    """The names each line defines, then those it mentions, each once; a line that names
    none is left out. A line that defines a term names it, however it spells it."""
    defined_on: dict[Source, list[str]] = defaultdict(list)
    for name, defs in definitions.items():
        for d in defs:
            defined_on[d.source].append(name)
    named = {}
    for line in lines:
        names = dict.fromkeys([*defined_on.get(line.source, ()), *(m.term for m in found.get(line.source, ()))])
        if names:
            named[line.source] = tuple(names)
    return named


def mentions_by_name(lines: list[Line], named: dict[Source, tuple[str, ...]]) -> dict[str, list[Mention]]:
    """Each name's mentions, in line order."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for line in lines:
        names = named.get(line.source)
        if not names:
            continue
        mention = Mention(line.session, line.source)  # one record, shared by the names
        for name in names:
            mentions[name].append(mention)
    return mentions


def spans_of(found: dict[Source, tuple[Match, ...]],
             slugs: dict[str, ConceptSlug]) -> dict[Source, tuple[Span, ...]]:
    """The mentions found, each with its concept's slug for the name it was found by."""
    return {source: tuple(Span(m.start, m.end, slugs[m.term]) for m in matches)
            for source, matches in found.items()}
