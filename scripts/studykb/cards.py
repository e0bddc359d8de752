"""Recall cards: from Q/A lines, from the learner's own definitions and from every
watchlist item, each asked as a question that reads naturally.

A Q/A line is read in its common shapes: ``Q/A: When X, Y``, ``**Q:** ... **A:** ...``,
``Q1. ... A1. ...``, and a question whose answer is the next line (``Q1. ...`` then ``A1. ...``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from .card_phrases import language_of, phrase
from .definition_shape import first_clause
from .model import Card, Concept, ConceptSlug, Line, Source, WatchItem
from .resolution import TASK_BOX_RE, item_span, without_status_note
from .watch_items import contrasted_sides
from .vocabulary import normalise
from .watchlist import watched_concepts

QUOTE_PAIRS = {'"': '"', "“": "”", "「": "」"}
QUESTION_MARK_RE = re.compile(r"^Q\s*:\s*")
ANSWER_MARK_RE = re.compile(r"^\s*(?:(?:->|=>|→|⇒|—|–)\s*)?(?:A\s*:\s*)?")
QUOTED_QUESTION_RE = re.compile(r"[\"“「](?P<q>[^\"“”「」]{3,}[?？])[\"”」]")
# A quotation that starts with a question word, without a question mark.
QUOTED_ASKING_RE = re.compile(r"[\"“「](?P<q>(?:为什么|為什麼|怎么|怎麼|如何|なぜ|どうして|왜|어떻게|(?:why|how|what|when)\s)"
                              r"[^\"“”「」?？]{1,80})[\"”」]", re.IGNORECASE)
CJK_QUESTION_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
ARROW_RE = re.compile(r"^(?P<q>.+?)\s+(?:->|=>|→|⇒)\s+(?P<a>\S.*)$")
CONDITION_RE = re.compile(r"^(?P<q>(?:when|if|why|how|what|before|after)\b[^,.;]{3,}),\s*(?P<a>.+)$", re.IGNORECASE)
SENTENCE_RE = re.compile(r"^(?P<q>.+?[.;])\s+(?P<a>.+)$")
DIFFERENCE_RE = re.compile(r"^(?:the\s+)?difference\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)[.?!]*$", re.IGNORECASE)
VERSUS_RE = re.compile(r"^(?P<a>[^,;:]{1,60}?)\s+(?:vs\.?|versus)\s+(?P<b>[^,;:]{1,60}?)[.?!]*$", re.IGNORECASE)
# A remark in parentheses at the end of an item, no part of either side where the item with it
# sets none against the other: ``window_size vs hidden_size (mixed them up when editing train.py: …)``.
REMARK_RE = re.compile(r"\s*[(（][^()（）]*[)）][\s.。]*$")
# "Fair comparison rule: ...": a label, then what it says; never a colon inside code or brackets
# ("`t[:, :-1]`", "(a: N×T)"), though brackets closed before the colon may stand in the label.
RULE_RE = re.compile(r"^(?P<label>(?:[^:`(\[（]|\([^():]*\)|（[^（）:]*）){3,60}):\s*(?P<rest>\S.*)$")
# Words at the start of an item that say how it stands, not what it is about: ``still mixing
# up X``, ``confused about X``; never part of a side the item sets against another.
CONFUSION_LEAD_RE = re.compile(r"^(?:(?:still|keeps?|kept|again|always)\s+)?(?:mix(?:es|ing|ed)?\s+up|confus(?:es|ing|ed)"
                               r"(?:\s+(?:about|by|on|over))?|(?:unsure|unclear|fuzzy|shaky)(?:\s+(?:about|of|on))?)\s+",
                               re.IGNORECASE)
# What an item is about, then the two things about it it sets against each other in parentheses:
# ``Embedding backward (add vs assign)``.
ABOUT_SIDES_RE = re.compile(r"^(?P<about>[^()（）]+?)\s*[(（](?P<sides>[^()（）]+)[)）][\s.。]*$")
PARENTHESES_RE = re.compile(r"[(（][^()（）]*[)）]")
# A word for "difference" after what an item sets against another (``softmax vs sigmoid 차이``).
DIFFERENCE_WORD_RE = re.compile(r"\s*(?:의\s*)?(?:차이점?|の?違い|的?区别|的?區別)$")


def make_cards(lines: list[Line], concepts: list[Concept], named: dict[Source, tuple[ConceptSlug, ...]],
               watch: tuple[WatchItem, ...], language: str = "en",
               shown: dict[ConceptSlug, str] | None = None) -> tuple[Card, ...]:
    """Watchlist concepts first, then in the order the log has them; a card names the
    concepts its lines name (``named``). The questions cards make up are in ``language``,
    the site's (``card_phrases.site_language``), and name a concept as its line writes it,
    else by the name the site shows it by (``shown``, ``aliases.site_names``: 행렬곱 on a
    Korean site where the logs write that for matrix multiplication)."""
    names = {c.slug: (shown or {}).get(c.slug, c.name) for c in concepts}
    watched = watched_concepts(watch)
    cards, taken = [], set()
    position: dict[str, int] = {}  # each session's place in the lines, which come session by session
    session = None
    for line, answer in _questions(lines):
        if line.session is not session:
            session = line.session
            position.setdefault(session, len(position))
        if line.role == "qa":
            concepts_named = tuple(dict.fromkeys([*named.get(line.source, ()),
                                                  *(named.get(answer.source, ()) if answer else ())]))
            card = _qa_card(line, answer, concepts_named, watched, language)
            base, n = card.id, 1
            while card.id in taken:  # the same question twice in one session
                n += 1
                card = replace(card, id=f"{base}-{n}")
            taken.add(card.id)
            cards.append(card)
    by_slug = {c.slug: c for c in concepts}
    cards += [_definition_card(c, watched, _other_terms(c, named, by_slug), language, names[c.slug])
              for c in concepts if c.definition and c.definition.session]
    defined = {c.slug: c.definition.text for c in concepts if c.definition}
    cards += [_watch_card(item, by_slug, defined, language, names) for item in watch]
    cards = [_natural(card, names, language) for card in cards]
    # The order of the lines: a session's lines are in the order of their line numbers.
    return tuple(sorted(cards, key=lambda c: (not c.watch, position[c.session], c.source.line, c.id)))


def _questions(lines: list[Line]):
    """Each line with the answer line that follows it, for a quiz question whose answer
    is on the next Q/A line of its session (None otherwise); that answer line is passed over."""
    skip = None
    for i, line in enumerate(lines):
        if line is skip:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if (line.role == "qa" and line.question and not line.answer and after is not None
                and after.role == "qa" and after.session == line.session and after.answer and not after.question):
            skip = after
            yield line, after
        else:
            yield line, None


def split_question(line: Line, language: str = "en") -> tuple[str, str]:
    """A Q/A line's prompt and answer: as its quiz shape gave them ("Q: ...? A: ...",
    "Q1. ... A1. ..."), else "Q? A", "When X, Y", or first sentence / rest; what the card
    adds to ask is in ``language``. A first sentence ends in `` What follows?``, which
    ``_natural`` turns into a question of the site's language."""
    if line.question and line.answer:
        return line.question, line.answer
    text = line.text.strip()
    end = _question_end(text)
    answer = ANSWER_MARK_RE.sub("", text[end:]) if end is not None else ""
    if answer:  # "User asked "is it faster?" -> Same math": the "?" in quotes is not the question's
        return QUESTION_MARK_RE.sub("", text[:end]), answer
    arrow = ARROW_RE.match(text)
    if arrow:  # "User guessed X. -> No: ...": what the learner said, then what it came to
        quoted = QUOTED_QUESTION_RE.search(arrow["q"])  # 'User asked "is it faster?"' asks that
        front = quoted["q"][:1].upper() + quoted["q"][1:] if quoted else phrase(language, "after", text=arrow["q"])
        return front, arrow["a"]
    condition = CONDITION_RE.match(text)
    if condition and condition["a"].strip():
        return phrase(language, "then", q=condition["q"].strip()), condition["a"].strip()
    sentence = SENTENCE_RE.match(text)
    if sentence and sentence["a"].strip():
        return sentence["q"].strip() + " What follows?", sentence["a"].strip()
    return phrase(language, "recall"), text


def _question_end(text: str) -> int | None:
    """Where a line's question ends: after its first question mark outside quotation marks
    ("User asked \"is it faster?\" -> ..." asks up to the closing quote's arrow, not inside)."""
    quote = None
    for i, char in enumerate(text):
        if quote:
            quote = None if char == QUOTE_PAIRS[quote] else quote
        elif char in QUOTE_PAIRS:
            quote = char
        elif char in "?？" and i >= 3:
            return i + 1
    return None


def _qa_card(line: Line, answer: Line | None, concepts: tuple[ConceptSlug, ...], watched, language: str) -> Card:
    if answer is not None:
        front, back = line.question, answer.answer
    elif line.question and not line.answer:  # an open question: the card asks it still
        front, back = line.question, phrase(language, "unanswered")
    else:
        front, back = split_question(line, language)
    return Card(_card_id("qa", f"{line.session or line.source.path}\n{line.text}"), front, back, "qa", line.source, line.session,
                concepts, watch=bool(watched.intersection(concepts)))


def _watch_card(item: WatchItem, by_slug: dict[ConceptSlug, Concept], defined: dict[ConceptSlug, str],
                language: str, names: dict[ConceptSlug, str]) -> Card:
    """A watchlist item as a question: "What is the difference between X and Y?",
    "What is the fair comparison rule?", "How do X and Y differ?"; the answer is the item
    as last worded, the line that resolved it (where another did), and the learner's
    definitions of the concepts the question asks about. A resolved item's card is no longer
    among the watched ones."""
    text = _without_task_box(item.text).replace("`", "").strip()
    front, text, about = _watch_question(item, text, language, by_slug, names)
    definitions = [defined[c] for c in about if c in defined]
    resolution = [phrase(language, "resolved"), item.resolution.text] if _resolved_later(item) else []
    back = " ".join([text, *resolution, *([phrase(language, "definitions")] + definitions if definitions else [])])
    return Card(_card_id("watch", item.key), front, back, "watch", item.sources[-1], item.last,
                item.concepts, watch=item.resolution is None)


def _watch_question(item: WatchItem, text: str, language: str, by_slug: dict[ConceptSlug, Concept],
                    names: dict[ConceptSlug, str]) -> tuple[str, str, list[ConceptSlug]]:
    """A watchlist item's question, the text its answer starts with, and the concepts the
    question asks about: the sides the item sets against each other, the two it names, or its
    first; not those it mentions in passing (``analogy accuracy is the "eval"``). A note that
    the item is still open is no part of the question (``X vs Y in the RNN layout. (still open)``)."""
    asked = without_status_note(text)
    named = asked[slice(*item_span(asked))]  # not its comment: ``CBOW averaging vs summing — still not sure``
    named = CONFUSION_LEAD_RE.sub("", named)
    difference = _difference(named) or _difference(REMARK_RE.sub("", named))  # ``X vs Y (mixed them up when …)``
    rule = RULE_RE.match(text)
    slugs = [c for c in item.concepts if c in by_slug]
    concepts = [_as_written(by_slug[c], text, language, names[c]) for c in slugs]
    about, inner = _sides_about(named)
    if inner:  # ``Embedding backward (add vs assign)``: add and assign, in Embedding backward
        return phrase(language, "difference_in", a=inner["a"], b=inner["b"], about=about), text, slugs[:1]
    if difference:
        front = phrase(language, "difference", a=difference["a"], b=DIFFERENCE_WORD_RE.sub("", difference["b"]))
        return front, text, _sides_named(slugs, named, by_slug) or slugs[:1]
    if rule:
        return phrase(language, "note", label=rule["label"]), rule["rest"], slugs[:1]
    own = _asked_as_written(asked)
    if own:  # the learner wrote the question: ``为什么共现矩阵用的是"原始次数"？``
        return own, text, slugs[:2]
    if len(concepts) >= 2:
        return phrase(language, "two", a=concepts[0], b=concepts[1]), text, slugs[:2]
    if concepts:
        return phrase(language, "one", a=concepts[0]), text, slugs[:1]
    if "?" in asked or "？" in asked:  # the item is a question of its own, not one it quotes ("is it the target?")
        end = _question_end(asked) or min(i for i in (asked.find("?"), asked.find("？")) if i >= 0) + 1
        return asked[:1].upper() + asked[1:end], text, []
    return phrase(language, "flagged", text=_opening(asked)), text, []


def _asked_as_written(asked: str) -> str | None:
    """The question an item asks in its own words: up to its first question mark outside quotes,
    or a question it quotes without one (``上次那个"为什么取平均不拼接"还是没完全想通``: the question
    flagged before, asked again); None where it asks none."""
    end = _question_end(asked)
    if end:
        return asked[:1].upper() + asked[1:end]
    quoted = QUOTED_ASKING_RE.search(asked)
    if quoted is None:
        return None
    return quoted["q"] + ("？" if CJK_QUESTION_RE.search(quoted["q"]) else "?")


def _sides_about(named: str) -> tuple[str, re.Match | None]:
    """What an item is about and the two things about it its parenthesis sets against each
    other (``Embedding backward (add vs assign)``); ("", None) where the words before the
    parenthesis set two things against each other themselves, or are more than a name
    (``t[:, :-1] 과 t[:, 1:] 가 각각 뭔지 (Decoder 입력 vs 정답 라벨)``): the parenthesis then glosses them."""
    match = ABOUT_SIDES_RE.match(named)
    if not match:
        return "", None
    about = match["about"].strip()
    if len(about.split()) > 4 or _difference(about) or contrasted_sides(about, 0, len(about)):
        return "", None
    return about, _difference(match["sides"])


def _difference(named: str) -> re.Match | None:
    """The two sides an item sets against each other (``difference between X and Y``, ``X vs Y``)."""
    return DIFFERENCE_RE.match(named) or VERSUS_RE.match(named)


def _sides_named(slugs: list[ConceptSlug], named: str, by_slug: dict[ConceptSlug, Concept]) -> list[ConceptSlug]:
    """The first concept each side of an item names (``batch size`` and ``updates per epoch``);
    [] unless both sides name a different one."""
    sides = contrasted_sides(named, 0, len(named))
    firsts = [_first_named(slugs, named[a:b], by_slug) for a, b in sides] if sides else []
    return firsts if len(firsts) == 2 and None not in firsts and firsts[0] != firsts[1] else []


def _first_named(slugs: list[ConceptSlug], side: str, by_slug: dict[ConceptSlug, Concept]) -> ConceptSlug | None:
    """The concept whose name or alias comes first in ``side`` (outside parentheses), the
    longest where two start together (``truncated BPTT``, not ``BPTT``, of ``Truncated BPTT``)."""
    words = f" {normalise(PARENTHESES_RE.sub(' ', side))} "
    found = [(words.find(f" {name} "), -len(name), n) for n, c in enumerate(slugs)
             for name in map(normalise, (by_slug[c].name, *by_slug[c].aliases)) if name and f" {name} " in words]
    return slugs[min(found)[2]] if found else None


def _resolved_later(item: WatchItem) -> bool:
    """Whether a line after the item's last flag resolved it: one that flags and resolves it at
    once (``X -> resolved today``) is its answer already, and is not repeated."""
    return item.resolution is not None and item.resolution.source != item.sources[-1]


def _without_task_box(text: str) -> str:
    """An item of a task list without its box: ``[ ] forget 게이트와 …`` asks about ``forget 게이트와 …``."""
    box = TASK_BOX_RE.match(text)
    return text[box.end():] if box else text


def _opening(text: str, words: int = 8) -> str:
    """The first ``words`` words of ``text``, with "…" if there are more."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _natural(card: Card, names: dict[ConceptSlug, str], language: str) -> Card:
    """A Q/A card whose line holds no question (a note of an answer) asks what was settled
    about the concepts it names, rather than "<first sentence> What follows?"."""
    if card.kind != "qa" or not card.front.endswith(" What follows?"):
        return card
    named = [names[c] for c in card.concepts if c in names]
    first = card.front.removesuffix(" What follows?")
    if named:
        names_said = phrase(language, "and").join(named[:2])
        return replace(card, front=phrase(language, "settled", names=names_said), back=f"{first} {card.back}")
    return replace(card, front=phrase(language, "after", text=first))


def _other_terms(concept: Concept, named: dict[Source, tuple[ConceptSlug, ...]],
                 by_slug: dict[ConceptSlug, Concept]) -> frozenset[str]:
    """The names, normalised, of the other concepts a concept's definition line names."""
    others = [by_slug[s] for s in named.get(concept.definition.source, ()) if s != concept.slug and s in by_slug]
    return frozenset(normalise(n) for c in others for n in (c.name, *c.aliases))


def _definition_card(concept: Concept, watched, other_terms: frozenset[str], language: str, shown: str) -> Card:
    """The card of a concept's first definition: its clause about the concept, not the
    next one about ``other_terms`` ("…, CBOW는 …")."""
    definition = concept.definition
    return Card(f"def-{concept.slug}", _definition_front(concept, language, shown), first_clause(definition.text, other_terms),
                "definition", definition.source, definition.session, (concept.slug,),
                watch=concept.slug in watched)


def _definition_front(concept: Concept, language: str, shown: str) -> str:
    """"What is an embedding?" on an English site; on a Korean, Japanese or Chinese one the
    question of that language, by the name the definition uses in it ("패딩이란
    무엇인가요?" for "패딩(padding)은 …")."""
    text = concept.definition.text
    if language == "en":
        return definition_question(concept.name)
    return phrase(language, "definition", name=_as_written(concept, text, language, shown))


def _as_written(concept: Concept, text: str, language: str, shown: str) -> str:
    """The concept's name as a line in ``language`` writes it: its alias in that script when
    the line holds one (``학습률`` for learning rate), else the name or alias it writes in
    Latin letters, as it writes it (``Peeky``), the first it writes; else the name the site
    shows it by (행렬곱)."""
    if language == "en":
        return concept.name
    names = (concept.name, *concept.aliases)
    scripted = [(text.find(name), -len(name), name) for name in names if language_of(name) != "en" and name in text]
    latin = [(m.start(), -len(name), m[0]) for name in names if language_of(name) == "en"
             for m in [re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", text, re.IGNORECASE)] if m]
    return min(scripted or latin or [(0, 0, shown)])[2]  # the first the line writes, the longest there


def definition_question(name: str) -> str:
    """"What is an epoch?", "What are updates per epoch?", "What is SGD?", "What is
    negative sampling?", "What is W_in?"."""
    first = name.split()[0]
    if first.endswith("s") and not first.endswith(("ss", "us", "is", "as")) and len(first) > 3:
        return f"What are {name}?"  # not "corpus", "analysis", "bias"
    if takes_no_article(name):
        return f"What is {name}?"
    sounds_like_you = name.lower().startswith(("one", "uni", "use", "eu"))  # "a one-hot vector"
    article = "an" if name[:1].lower() in "aeiou" and not sounds_like_you else "a"
    return f"What is {article} {name}?"


# What a name ends in when it names a method or a quantity, not one thing of a kind:
# "negative sampling", "dropout", "perplexity", "dimensionality reduction".
MASS_ENDINGS = ("ing", "ity", "acy", "ness", "ism", "ation", "ution", "ition", "ization")
COUNTABLE_WORDS = frozenset({
    "embedding", "encoding", "string", "setting", "thing", "mapping", "ending", "heading", "ring",
    "representation", "equation", "operation", "iteration", "distribution", "solution", "station",
    "position", "definition", "partition", "entity", "identity", "matrix",
})
MASS_WORDS = frozenset({
    "attention", "dropout", "momentum", "softmax", "tanh", "data", "noise", "information", "entropy",
    "backprop", "skip-gram", "loss", "error", "reduction", "descent", "search",
})


def takes_no_article(name: str) -> bool:
    """A proper name, an acronym, a name in code or in another script (``SGD``, ``PTB``,
    ``W_in``, ``seq2seq``, ``게이트``), or a mass noun (``negative sampling``, ``perplexity``,
    ``attention``): "What is X?", never "What is a X?"."""
    last = name.split()[-1]
    if name.upper() == name or " " not in name and name[:1].isupper():
        return True
    if not name.isascii() or "_" in name or any(c.isdigit() for c in name) or last.upper() == last:
        return True
    word = last.lower()
    if word in COUNTABLE_WORDS:
        return False
    return word in MASS_WORDS or word.endswith(MASS_ENDINGS)


def _card_id(kind: str, key: str) -> str:
    """From the session and the line's text, not its line number: a card keeps its
    address (and the pages that link it stay unchanged) when lines above it move."""
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"{kind}-{digest}"
