"""Mentions: which concepts each line names, and where. Link decides them once; the
renderers print them (``Knowledge.mentions``) and search nothing again.

A line names a concept where its words spell one of the concept's names, and where a
code span reads as a term (`` `batch size` ``, `` `hidden_size` ``): then the code span
as a whole names it. Other code (`` `train.py` ``, `` `lr = 0.1` ``) names nothing.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .code_terms import is_term_like
from .markup import CodeSpan, replace_code_spans
from .model import ConceptSlug, Definition, Line, Mention, SectionKind, Source, Span
from .task_lists import is_planned_task
from .vocabulary import Lexicon, Match


# Two words that share the rest of a name across a slash: "vanishing / exploding gradients",
# "input/output gates" (the words after them shared), "기울기 소실/폭발" (the words before).
SHARED_AFTER_RE = re.compile(r"(?<![\w/])(?P<a>[^\W\d_][\w-]*)\s*/\s*(?P<b>[^\W\d_][\w-]*)(?P<rest>(?: [^\W\d_][\w-]*){1,2})")
SHARED_BEFORE_RE = re.compile(r"(?<![\w/])(?P<rest>(?:[^\W\d_][\w-]* ){1,2})(?P<a>[^\W\d_][\w-]*)\s*/\s*(?P<b>[^\W\d_][\w-]*)(?![\w/])")


def names_in(text: str, spans: tuple[CodeSpan, ...], lexicon: Lexicon) -> tuple[Match, ...]:
    """The terms ``text`` names, where, in order: its words outside code spans (``spans``),
    each code span that reads as a term, as a whole, and each word that names a term with
    the words it shares across a slash ("vanishing / exploding gradients")."""
    plain = replace_code_spans(text, lambda span: " " * (span.end - span.start), spans) if spans else text
    words = lexicon.find(plain)
    terms = [Match(span.start, span.end, name) for span in spans if (name := _term_of(span, lexicon))]
    shared = shared_name_matches(plain, lexicon)
    found = [m for m in words + terms if not any(_overlap(m, s) for s in shared)] + shared
    return tuple(sorted(found, key=lambda m: m.start))


def shared_name_matches(text: str, lexicon: Lexicon) -> list[Match]:
    """The terms named by words that share the rest of a name across a slash: "vanishing /
    exploding gradients" names vanishing gradient at "vanishing", "기울기 소실/폭발" names
    exploding gradient at "폭발"; only where both sides so read are terms."""
    if "/" not in text:
        return []
    found = []
    for match in SHARED_AFTER_RE.finditer(text):  # the side next to the shared words takes them in
        names = [lexicon.lookup(match[side] + match["rest"]) for side in "ab"]
        if all(names) and names[0] != names[1]:
            found += [Match(match.start("a"), match.end("a"), names[0]), Match(match.start("b"), match.end(), names[1])]
    for match in SHARED_BEFORE_RE.finditer(text):
        names = [lexicon.lookup(match["rest"] + match[side]) for side in "ab"]
        if all(names) and names[0] != names[1]:
            found += [Match(match.start(), match.end("a"), names[0]), Match(match.start("b"), match.end("b"), names[1])]
    return found


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


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
        mention = Mention(line.session, line.source, is_planned(line))  # one record, shared by the names
        for name in names:
            mentions[name].append(mention)
    return mentions


def is_planned(line: Line) -> bool:
    """Whether a line is a plan, not study: in the resume point (a next-time part, an open
    task of a task list) or an open task anywhere ("- [ ] read 8.4 bidirectional RNN", "- TODO
    start chapter 5 [[RNN]]")."""
    return line.kind is SectionKind.RESUME or is_planned_task(line.text)


def spans_of(found: dict[Source, tuple[Match, ...]],
             slugs: dict[str, ConceptSlug]) -> dict[Source, tuple[Span, ...]]:
    """The mentions found, each with its concept's slug for the name it was found by."""
    return {source: tuple(Span(m.start, m.end, slugs[m.term]) for m in matches)
            for source, matches in found.items()}
