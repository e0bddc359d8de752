"""The watchlist: each repeatedly confused item once, with when and how often it was flagged,
and when it was marked resolved.

An item is the confusion, not its wording: a watchlist line of a later session that names
the same concepts ("PPMI vs PMI: still unsure" after "Difference between PMI and PPMI")
is the same item flagged again, its earlier wordings kept as its history. Where a line
names a single concept (what it sets against it is no concept studykb knows), lines that
share it are one item only if the rest of their words largely match too: "memory cell vs
hidden state" and "hidden state vs output" are two. What a line compares is its item, the
words before its comment (resolution.py): "PMI vs PPMI" of "PMI vs PPMI — still". A line
that holds several items (watch_items.py: ``X — fixed. New: Y``) flags or resolves each alone.

A line that marks an item resolved (parse found it: ``~~PMI vs PPMI~~ got it now``,
``… — 이것도 해결``, ``[x] offset 이유``) resolves the open item it names, or the one whose
words and concepts hold all of its own (it names it short), and is no new flag of it; a
later flag opens it again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import ConceptSlug, Line, Resolution, SectionKind, Session, SessionId, Source, Span, WatchItem
from .labels import Labels, shipped_labels
from .resolution import item_span, names_nothing, without_status_note
from .session_references import earlier_session, session_referred_to
from .watch_items import contrasted_sides, line_items, resolved_parts
from .watch_words import CJK_RE, content_words, most_shared, shares_a_word, stem
from .vocabulary import normalise

# A line that says its confusion is still there ("S. still mixes up X", "学生还是把 X 搞混",
# "아직도 X", "まだ X") comes back to an earlier item: it names it, perhaps short.
# So does one that says it is carried over from an earlier session ("carried over from last
# time", "前回から継続", "第6回から継続", "지난번에 이어", "上次遗留").
STILL_RE = re.compile(r"(?<![^\W_])(?:still|again|carried\s+over)(?![^\W_])|还是|仍然|又|아직|여전히|まだ|相変わらず"
                      r"|から継続|에\s*이어|遗留", re.IGNORECASE)
QUOTED_RE = re.compile(r'["“「『‘]([^"“”「」『』‘’]+)["”」』’]')  # words a line quotes
DECIMAL_RE = re.compile(r"(?<![\w.])\d+\.\d+(?![\d.])")  # ``0.75``, not ``4.2.6`` (a section)
ItemPart = tuple[int, int]
SAID_AFTER = " .。:：-–—→>=⇒"  # what may stand between an item's wording and what a resolving line says of it
LARGELY = 0.5  # the share of the longer list of other words two lines of one item have in common
STATUS_ORDER = {"open": 0, "quiet": 1, "resolved": 2}


@dataclass(frozen=True)
class _Reading:
    """What a watchlist line is about: the concepts its item names and its other words."""

    concepts: frozenset[ConceptSlug]
    words: frozenset[str]
    own: bool = False  # whether its concepts are its item's only, not its comment's (``_item_concepts``)
    pair: tuple[ConceptSlug, ...] = ()  # the first concept of each side, where both name one


@dataclass(eq=False)
class _Group:
    """The lines of one item, gathered while the watchlist lines are read."""

    key: str
    number: int  # its place among the items, first flagged first
    lines: list[Line] = field(default_factory=list)
    parts: list[ItemPart | None] = field(default_factory=list)  # where on each line its item is, if not the line
    readings: list[_Reading] = field(default_factory=list)
    sessions: set[SessionId] = field(default_factory=set)
    resolution: Line | None = None  # the line that marked it resolved since its last flag

    def add(self, line: Line, reading: _Reading, part: ItemPart | None = None) -> None:
        self.lines.append(line)
        self.parts.append(part)
        self.readings.append(reading)
        self.sessions.add(line.session)
        self.resolution = None

    def names_the_same(self, reading: _Reading) -> bool:
        return any(same_confusion(reading, known) for known in self.readings)

    def names_part_of(self, reading: _Reading) -> bool:
        """A resolving line names its item short: ``[x] offset 이유`` for ``TBPTT 에서 데이터를
        옮겨서(offset) 주는 이유``: every word and concept it names is one of a line of the item, or
        the concepts it names are and it shares a word with that line (``[x] 네거티브 샘플링 손실 합치기``
        for ``네거티브 샘플링에서 … 손실을 어떻게 합치는지``) or that line names nothing else
        (``Truncated BPTT forward/backward`` for ``Truncated BPTT: …``)."""
        return any(_names_part(reading, known) for known in self.readings)


    def is_named_within(self, reading: _Reading) -> bool:
        """A resolving line names the whole item and says more (``Embedding の backward は「加算」で確定。
        同じIDなら勾配を合計する（もうモヤモヤしていない）`` for ``Embedding の backward の代入 vs 加算``)."""
        return any(known.concepts and _names_part(known, reading) for known in self.readings)


@dataclass
class _Index:
    """The items so far, and where to find those a line may be about: by its whole text,
    by a concept or by a word of their lines."""

    sessions: tuple[Session, ...]  # all of them, in the order of time
    groups: list[_Group] = field(default_factory=list)
    by_text: dict[str, _Group] = field(default_factory=dict)
    by_name: dict[str, dict[int, _Group]] = field(default_factory=dict)  # a concept or a word -> items by number

    def new_group(self, key: str) -> _Group:
        self.groups.append(_Group(key, len(self.groups)))
        return self.groups[-1]

    def add(self, group: _Group, key: str, reading: _Reading) -> None:
        self.by_text.setdefault(key, group)
        for name in reading.concepts | reading.words:
            self.by_name.setdefault(name, {})[group.number] = group

    def candidates(self, reading: _Reading) -> list[_Group]:
        """The items with a concept or a word in common with ``reading``, first flagged first."""
        found = {n: g for name in reading.concepts | reading.words for n, g in self.by_name.get(name, {}).items()}
        return [found[n] for n in sorted(found)]


def _names_part(short: _Reading, known: _Reading) -> bool:
    if not short.concepts <= known.concepts:
        return False
    if short.words and short.words <= known.words:
        return True
    return bool(short.concepts) and (shares_a_word(short.words, known.words) or not (known.words and short.words))



def same_confusion(a: _Reading, b: _Reading) -> bool:
    """Two lines name the same confusion: the same two or more concepts (or those of one
    within the other's); or, where one names a single concept (what it is set against is
    no concept studykb knows), that concept and largely the same other words; or no
    concept at all and largely the same words."""
    if min(len(a.concepts), len(b.concepts)) >= 2:
        return a.concepts <= b.concepts or b.concepts <= a.concepts
    if a.concepts & b.concepts:
        return _largely_alike(a.words, b.words) or not (a.words or b.words)
    return not (a.concepts or b.concepts) and _largely_alike(a.words, b.words)


def _largely_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) >= LARGELY * max(len(a), len(b))


def collect_watchlist(sessions: list[Session], lines: list[Line], named: dict[Source, tuple[ConceptSlug, ...]],
                      window: int, spans: dict[Source, tuple[Span, ...]] | None = None,
                      labels: Labels | None = None) -> tuple[WatchItem, ...]:
    """Group watchlist lines by their words or the concepts they name (``named``, found
    where ``spans`` says); an item is open if flagged in the last ``window`` sessions and
    not marked resolved since."""
    position = {s.id: i for i, s in enumerate(sessions)}
    index = _Index(tuple(sessions))
    labels = labels or shipped_labels()
    for line in lines:
        if not _flags(line):
            if line.resolves is not None:  # ``✅ Got it: …``: what was learned clears the item it names
                _resolve_parts(index, line, named, spans or {}, labels)
            continue
        for part, resolves in sub_items(line, labels):
            named_at = resolves or (_named_in(line.text, part) if part else None)
            _flag(index, line, part, resolves, read_line(line, named, spans or {}, named_at))
    recent = len(sessions) - window
    items = [_item(group, named, position, recent) for group in index.groups]
    return tuple(sorted(items, key=lambda w: (STATUS_ORDER[w.status], -len(w.flagged_in), position[w.first], w.key)))


def _resolve_parts(index: _Index, line: Line, named: dict[Source, tuple[ConceptSlug, ...]],
                   spans: dict[Source, tuple[Span, ...]], labels: Labels) -> None:
    """A line that marks something resolved resolves what each of its sentences names, or what
    it names as a whole where none of them names an item (``X: … 드디어 해결.``)."""
    parts = resolved_parts(line.text, line.resolves, labels)
    done = [_resolve(index, line, read_line(line, named, spans, part), part) for part in parts]
    if not any(done) and parts != [line.resolves]:
        _resolve(index, line, read_line(line, named, spans), line.resolves)


def _named_in(text: str, part: ItemPart) -> ItemPart:
    """Where one of a line's items names what it is about: before its comment."""
    start, end = item_span(text[part[0]:part[1]])
    return part[0] + start, part[0] + end


def _flag(index: _Index, line: Line, part: ItemPart | None, resolves: ItemPart | None, reading: _Reading) -> None:
    """A watchlist line (or one of its items) flags the item it names, or resolves it."""
    if resolves is not None and _resolve(index, line, reading, resolves):
        return
    text = line.text[slice(*_named_in(line.text, part))] if part else line.text
    key = normalise(text) or text
    group = index.by_text.get(key) or _same_confusion(index.candidates(reading), line, reading, part and text) \
        or _still_from_session_named(index, line, part and _named_in(line.text, part))
    if group is None:
        group = index.new_group(key)
    group.add(line, reading, part)
    if resolves is not None:  # a resolving line that names no item before it: resolved when written down
        group.resolution = line
    index.add(group, key, reading)


def sub_items(line: Line, labels: Labels) -> list[tuple[ItemPart | None, ItemPart | None]]:
    """The items a watchlist line names, each with where it names one it marks resolved: the
    line itself (part None), or each of several it holds (watch_items.py)."""
    found = line_items(line.text, line.source.column > 0, labels) if line.flags is None else []
    return found or [(None, line.resolves)]


def _flags(line: Line) -> bool:
    """Whether a line flags a confusion: a watchlist item (not a comment nested under one), or
    a line of prose that says one is still there (``S. still mixes up X and Y``)."""
    return line.flags is not None or line.kind is SectionKind.WATCHLIST and line.role != "note" \
        and not names_nothing(line.text)  # ``none today``


def read_line(line: Line, named: dict[Source, tuple[ConceptSlug, ...]],
              spans: dict[Source, tuple[Span, ...]], part: ItemPart | None = None) -> _Reading:
    """The concepts named in a line's item, or in ``part`` of it (all the line's where it has
    no spans), and the item's other words."""
    start, end = part or line.resolves or line.flags or item_span(line.text)
    on_line = spans.get(line.source)
    if not on_line:
        return _Reading(frozenset(named.get(line.source, ())), content_words(line.text[start:end]))
    inside = [s for s in on_line if s.start < end and s.end > start]
    text = line.text
    for span in inside:  # the concepts' names are not among the other words
        text = text[:span.start] + " " * (span.end - span.start) + text[span.end:]
    sides = contrasted_sides(line.text, start, end)
    labelled = sides is None and line.text[end:].lstrip().startswith((":", "："))  # ``Fair comparison rule: …``
    return _Reading(frozenset(s.concept for s in inside), content_words(text[start:end]),
                    not labelled, _pair(sides, inside) if sides else ())


def _pair(sides: tuple[ItemPart, ItemPart], inside: list[Span]) -> tuple[ConceptSlug, ...]:
    """The concepts an item sets against each other: the first each whole side names
    (``Truncated BPTT 的“截断反向传播”和“重置隐藏状态”``: truncated BPTT and hidden state); ()
    if one names none."""
    firsts = [next((s.concept for s in inside if a <= s.start and s.end <= b), None) for a, b in sides]
    return tuple(firsts) if None not in firsts and firsts[0] != firsts[1] else ()


def _same_confusion(groups: list[_Group], line: Line, reading: _Reading, named: str | None = None) -> _Group | None:
    """The earliest item of another session that names the same confusion as ``line``.
    Two lines of one session are two items, unless worded alike, or one is prose and the
    other names it short (``S. still mixes `sample_size` with `window_size` under time
    pressure`` and a list's ``sample_size vs window_size``). ``named``: where the line holds several
    items, what this one's is named by."""
    return next((g for g in groups if line.session not in g.sessions and _names(g, line, reading, named)
                 or _prose_and_list(g, line, reading)), None)


def _names(group: _Group, line: Line, reading: _Reading, named: str | None) -> bool:
    """Whether a line of a later session names ``group``'s confusion: the same one, or, where it
    says the confusion is still there (``学生还是把 X 搞混``), part of it (``c 和 h 还是有点混``
    after ``记忆单元 c 和隐藏状态 h 的作用分不清``). Words of its own that no line of the item has make it
    another confusion about the same concept (``still not sure where EmbeddingDot ends and
    NegativeSamplingLoss begins`` after ``negative sampling — how many negatives per positive``),
    unless a note after it says it is still open (``dropout placement (still)``). One that says it
    is still there names it by a number the item's lines write (``0.75제곱은 여전히 …`` after ``왜 하필
    0.75인지``, ``the 0.75 exponent, again``)."""
    still = STILL_RE.search(line.text) is not None
    return group.names_the_same(reading) or still and any(
        _names_part(reading, known) and (not reading.words or reading.words & known.words) for known in group.readings) \
        or still and bool(_numbers(named or line.text) & _numbers(*(l.text for l in group.lines))) \
        or _noted_still(line, named) and bool(reading.concepts) and any(reading.concepts <= known.concepts
                                                                 for known in group.readings)


def _still_from_session_named(index: _Index, line: Line, part: ItemPart | None) -> _Group | None:
    """The item flagged in the earlier session a line names that it says is still there, by
    the words they share (``上次那个"为什么取平均不拼接"还是没完全想通`` after ``为什么 CBOW 里两个上下文要取平均，
    而不是拼起来？``): a flag of it again, not a new item."""
    if not STILL_RE.search(line.text[slice(*(part or (None,)))]):
        return None
    return _sharing_most_words(_flagged_in_session_named(index, line, part), line, part)


def _numbers(*texts: str) -> set[str]:
    """The numbers with a fraction that ``texts`` write (``0.75``, ``1e-3`` not): a constant an item
    is about, which its lines name it by."""
    return {n for text in texts for n in DECIMAL_RE.findall(text)}


def _noted_still(line: Line, named: str | None) -> bool:
    """Whether a line's item ends in a note that it is still open (``dropout placement (still)``,
    ``드롭아웃 위치 (아직)``): it says it is an earlier item, named short in words of its own (``where
    exactly does dropout go``), not a new confusion about the same concept."""
    named = named or line.text[slice(*(line.flags or item_span(line.text)))]
    return without_status_note(named) != named


def _prose_and_list(group: _Group, line: Line, reading: _Reading) -> bool:
    if line.session not in group.sessions or (line.flags is None) == all(l.flags is None for l in group.lines):
        return False
    return group.names_part_of(reading) or any(_names_part(known, reading) for known in group.readings)


def _resolve(index: _Index, line: Line, reading: _Reading, part: ItemPart | None = None) -> bool:
    """Mark resolved the item a resolving line names, the open one first, else the one open
    item it names by a key word (``the offsets question from last time → got it``); False if it
    names none (``part`` of the line, where it names several). An item said resolved again (a list of misconceptions: ``— fixed in session 3``)
    keeps the line that first said so."""
    groups = index.candidates(reading)
    named = [g for g in groups if g.names_the_same(reading)] or [g for g in groups if g.names_part_of(reading)] \
        or [g for g in groups if g.is_named_within(reading)]
    group = next((g for g in named if g.resolution is None), named[0] if named else None)
    then = _flagged_in_session_named(index, line, part)
    group = group or (then and _named_by_key_word(then, reading)) or _named_by_key_word(index.groups, reading) \
        or _named_by_session(then) or _sharing_most_words(then, line, part or line.resolves)
    if group is None:
        return False
    group.resolution = group.resolution or line  # when it was first said resolved since its last flag
    return True


def _named_by_key_word(groups: list[_Group], reading: _Reading) -> _Group | None:
    """The one open item whose lines, comments included, hold every word a resolving line
    names it by (``offsets`` of ``the offsets question`` in ``… at a different offset``), each
    word by its stem (``the zeroing thing`` for ``why is dW zeroed``, ``averaging vs summing``
    for ``why average … instead of summing``); None if no item or more than one does."""
    if not reading.words or reading.concepts:
        return None
    wanted = {stem(w) for w in reading.words}
    found = [g for g in groups if g.resolution is None and _all_held(wanted, {stem(w) for w in _own_words(g)})]
    return found[0] if len(found) == 1 else None


def _own_words(group: _Group) -> set[str]:
    """The words of an item's lines, comments included; of its own piece only, on a line that
    holds several items (``why reversed input helps; the backward pass through the repeat node``)."""
    return {w for line, part in zip(group.lines, group.parts) for w in content_words(line.text[slice(*(part or (None,)))])}


def _all_held(wanted: set[str], words: set[str]) -> bool:
    """Whether each wanted word is one of ``words``, or, written without blanks, the end of
    one (``消失`` of ``勾配消失``: a compound named short)."""
    return all(w in words or CJK_RE.match(w) and any(word.endswith(w) for word in words) for w in wanted)


def _named_by_session(found: list[_Group]) -> _Group | None:
    """The one open item flagged in the earlier session a resolving line names by when it was
    (``Answer to Tuesday's confusion: …``, ``어제 질문``, ``第6回からの件``): ``found``, the open
    items flagged then; None if there are none, or more than one."""
    return found[0] if len(found) == 1 else None


def _sharing_most_words(found: list[_Group], line: Line, part: ItemPart | None = None) -> _Group | None:
    """Of the open items flagged in the session a line names (``answers the question from Friday:
    with only positives …``), the one that shares the most words (``match_keys``) with the words
    it quotes (``终于懂了上次那个"二分类像作弊"``), else with the part that names it, else with the whole
    line; two at least, and None where two share as many."""
    named = line.text[slice(*(part or (None,)))]
    at = most_shared((" ".join(QUOTED_RE.findall(named)), named, line.text), [_own_words(g) for g in found])
    return None if at is None else found[at]


def _flagged_in_session_named(index: _Index, line: Line, part: ItemPart | None) -> list[_Group]:
    """The open items flagged in the earlier session a resolving line (or ``part`` of it) names
    by when it was (``the zeroing thing from yesterday``): those its key words are looked for among first."""
    start, end = part or line.resolves or (0, len(line.text))
    referred = session_referred_to(line.text[start:end])
    session = earlier_session(index.sessions, line.session, *referred) if referred else None
    return [g for g in index.groups if g.resolution is None and session is not None and session in g.sessions]


def _item(group: _Group, named, position, recent) -> WatchItem:
    lines, part = group.lines, group.parts[-1]
    flagged = tuple(sorted(dict.fromkeys(line.session for line in lines), key=position.__getitem__))
    concepts = _item_concepts(group, named)
    latest, done = lines[-1], group.resolution
    text = latest.text[part[0]:part[1]] if part else latest.text
    resolution = Resolution(done.text, done.source, done.session, _said(done.text, text)) if done else None
    return WatchItem(group.key, text, concepts, flagged, tuple(line.source for line in lines),
                     open=resolution is None and position[flagged[-1]] >= recent, resolution=resolution, part=part)


def _said(line: str, item: str) -> int:
    """Where a resolving line says what changed: after the item's own wording where it repeats
    it (``Why np.add.at … -> resolved (repeated ids)``, the item ``Why np.add.at … (still open)``),
    else from its start."""
    wording = without_status_note(item).rstrip(" .。")
    if not wording or not line.startswith(wording):
        return 0
    rest = line[len(wording):].lstrip(SAID_AFTER)
    return len(line) - len(rest) if rest else 0


def _item_concepts(group: _Group, named: dict[Source, tuple[ConceptSlug, ...]]) -> tuple[ConceptSlug, ...]:
    """The concepts an item's lines name before their comments (not ``epoch`` of ``… 和“h 清零”
    搞混——讲了 reset_state() 只在新 epoch 调用``); a label's rule after a colon is no comment
    (``Fair comparison rule: do not compare only by epochs``). The two the item sets against each
    other first."""
    named_in_items = (c for line, its, reading in zip(group.lines, group.parts, group.readings)
                      for c in named.get(line.source, ()) if not (its or reading.own) or c in reading.concepts)
    pair = next((reading.pair for reading in group.readings if reading.pair), ())
    return tuple(dict.fromkeys([*pair, *named_in_items]))


def watched_concepts(watch: tuple[WatchItem, ...]) -> frozenset[ConceptSlug]:
    return frozenset(c for w in watch if w.open for c in w.concepts)
