"""Labels: what the names in a log mean, whatever the language it is written in.

A log names the parts of a session (what was learned, the watchlist, the resume point,
the topics), its facts (the time log, the repository), its quiz lines and a watchlist item
it no longer finds confusing (``got it now``, ``이제 이해함``) in words of its own. The
table of those words ships in ``data/labels.yml`` (English, Korean, Japanese, Chinese); a
learner adds spellings under ``labels:`` in ``sessions/vocabulary.yml`` (labels_file.py),
and theirs are asked first. Parse asks a Labels what a name means; nothing here reads a log.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .label_names import decorated, label_key
from .label_patterns import (BOLD, SEPARATOR, alternatives, is_latin, marker_pattern, qa_line_words, sign_pattern,
                             words_pattern)
from .model import SectionKind

DATA = Path(__file__).parent / "data" / "labels.yml"
# libyaml's loader when PyYAML has it, as vocabulary.py reads the starter terms: the pure-Python one is slow.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PART_KINDS = {"watchlist": SectionKind.WATCHLIST, "resume": SectionKind.RESUME,
              "learned": SectionKind.LEARNED, "topics": SectionKind.TOPICS}
FIELD_KINDS = ("time", "start", "end", "duration", "created", "known")
QA_KINDS = ("line", "question", "answer")
MARK_KINDS = ("resolved", "negation", "affirmative", "confusion", "persisting", "now", "compound", "run_time",
              "cancelled", "skipped")
# Where the first clause of a line ends (``skipped: travel``, ``쉼 (출장)``, ``没学，加班``), and what may end
# it after a ``skipped`` word: the ending of a word written without blanks (``쉬었음``).
FIRST_CLAUSE_RE = re.compile(r"\s*(?:[:;,.!?()，、。：；！？（）]|\s[—–-]+\s|——)")
SKIPPED_END_RE = re.compile(r"[^\x00-\x7f\s]{0,2}")
# A remark in parentheses, which says nothing of whether the session took place (``(중간에 15분 쉼)``).
PARENTHESES_RE = re.compile(r"[(（][^()（）]*[)）]")
# Where a line's first sentence ends: the one that may say its session was skipped.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s|[。！？]")
COLUMN_KINDS = ("term", "note", "status", "date")
PLAIN_KINDS = ("experiments",)
SIGN_KINDS = ("watchlist", "learned", "resolved")
"""A bullet journal's signifiers (``signs:`` in the table): the part kind a line's mark makes it an item of."""
SIGN = "{kind} sign"
"""Parts read as plain lines under their own name, known all the same (``plain:`` in the table)."""
USER_KINDS = (*PART_KINDS, *FIELD_KINDS, *QA_KINDS, *MARK_KINDS, *COLUMN_KINDS, *PLAIN_KINDS, "session")
WHOLE_NAME = "{kind} name"
"""The kind of the spellings that name a part only as a whole name (``names:`` in the table)."""
# A line's label before its value (``**Pick up from:** ...``, ``Still confused: ...``) names
# a part by one of its words only while it is this short: longer, it is a sentence.
LABEL_WORDS = 4
# In such a label a spelling in Latin letters ends it or is followed by one of these; before
# another word it modifies that word (``Learning rate: 0.1``, ``Topic model: LDA``).
LINKING_WORDS = frozenset("about after again at before for from here i in me my next now of on so still "
                          "to today we with yet".split())
# The words a resolving phrase in Korean, Japanese or Chinese may have between its own, as
# adverbs do (``이제 확실히 알겠음`` for ``이제 알겠음``); a negation among them undoes it.
WORDS_BETWEEN = 2
# A question and nothing after it but a note in parentheses (``（未解决）``, ``(open)``).
OPEN_QUESTION_RE = re.compile(r"^(?P<question>.*[^?？\s][?？])\s*(?:[(（][^()（）]*[)）])?\s*$")
# A question answered on its own line after a dash or an arrow: ``Why 0.75? — Empirical``.
# The question is all before the first arrow after a question mark, however many questions
# it asks (``Only the input? The target too? → only x``).
# A question in quotes (``"Why 0.75?" → Empirical``) is the question without them.
ARROW_ANSWER_RE = re.compile(r"^(?P<question>[^?？]*?[^?？\s][?？](?:[^?？]*?[^?？\s][?？])*?)[\"”」』]?"
                             r"\s+(?:->|=>|[-—–→⇒])\s+(?P<answer>\S.*)$")
OPENING_QUOTES = "\"“「『"

Spellings = tuple[tuple[str, tuple[str, ...]], ...]
"""Kind -> its spellings, kinds in the order they are tried."""


@dataclass(frozen=True, slots=True)
class Labels:
    """What the names of a log mean: the spellings of every kind of label, the learner's
    (``user``) before the table's, and the patterns made from them (``make_labels``)."""

    builtin: Spellings
    user: Spellings
    part_patterns: tuple[tuple[SectionKind, re.Pattern], ...] = field(compare=False)
    whole_part_kinds: dict[str, SectionKind] = field(compare=False)
    quiz_part_names: frozenset[str] = field(compare=False)
    """Names of Q/A and question spellings (``Q&A``, ``Questions``, ``질문``): a part's name alone."""
    field_kinds: dict[str, str] = field(compare=False)
    time_part_re: re.Pattern = field(compare=False)
    """A chunk of a time log named by its kind: ``Start ~14:28``, ``종료 21:00``, ``Total: 50 min``;
    the value ends at its last non-blank character."""
    quiz_starts: frozenset[str] = field(compare=False)
    """The characters a Q/A or quiz line can start with: a line starting otherwise is none."""
    qa_line_re: re.Pattern = field(compare=False)
    """``Q/A: text`` (bold or not): the text is the group ``text``."""
    question_re: re.Pattern = field(compare=False)
    """A quiz question: ``**Q:** ...``, ``Q1. ...``, ``질문: ...``; the rest is group ``rest``."""
    answer_re: re.Pattern = field(compare=False)
    """A quiz answer on a line of its own: ``A1. ...``, ``**A:** ...``, ``답: ...``."""
    inline_answer_re: re.Pattern = field(compare=False)
    """An answer marker inside a question's line: after ``?`` or ``.``, or bold, or numbered."""
    header_re: re.Pattern = field(compare=False)
    """``## Session: rest``; ``rest`` ends at its last non-blank character."""
    session_word_re: re.Pattern = field(compare=False)
    """A session word in a heading, numbered or not: ``Session 3``, ``session``, ``1회차``."""
    resolved_re: re.Pattern | None = field(compare=False)
    """A word or phrase that says a watchlist item is no longer confusing (``got it now``, ``해결``)."""
    negation_re: re.Pattern | None = field(compare=False)
    """A word that undoes it (``not``, ``아직``)."""
    confusion_re: re.Pattern | None = field(compare=False)
    """A word of prose that says something is confused (``mixes up``, ``헷갈``)."""
    persisting_re: re.Pattern | None = field(compare=False)
    """A word before it that says the confusion is still there (``still``, ``keeps``, ``아직``)."""
    now_re: re.Pattern | None = field(compare=False)
    """A word after it that says it is over (``now``, ``이제``): ``kept mixing them up, now clear``."""
    compound_re: re.Pattern | None = field(compare=False)
    """A word holding a spelling that means something else (``困惑度``, perplexity, holds ``困惑``)."""
    run_time_re: re.Pattern | None = field(compare=False)
    """A word of a time field's value that says it timed a program (``epoch``, ``GPU``, ``에폭``)."""
    cancelled_re: re.Pattern | None = field(compare=False)
    """A word or phrase that says a session did not take place (``no lesson``, ``휴강``, ``休講``)."""
    skipped_re: re.Pattern | None = field(compare=False)
    """A word that says a session did not take place when it is the entry's only line (``skipped``, ``쉼``)."""
    column_patterns: tuple[tuple[str, re.Pattern], ...] = field(compare=False)
    """A table column's kind (``term``, ``note``, ``status``) by the spellings in its header cell."""
    affirmatives: frozenset[str] = field(compare=False)
    """A table cell that says yes (``yes``, ``✅``, ``done``, ``네``) as it is written, ``label_key``'d."""
    plain_part_re: re.Pattern | None = field(compare=False)
    """A known part read as plain lines (``Experiments``, ``Run log``, ``실험``) by a spelling in its name."""
    sign_re: re.Pattern | None = field(compare=False)
    """A signifier starting a line: the group named after its kind holds it, ``rest`` the line after it."""
    studying_re: re.Pattern | None = field(compare=False)
    """A word before a line's study time (``studied 1h40``, ``공부 1시간``), with the blanks or colon after it."""

    def line_sign(self, text: str) -> tuple[str, str, str] | None:
        """``?? why is dW zeroed`` -> (``watchlist``, ``??``, ``why is dW zeroed``); ``TIL: X``
        -> (``learned``, ``TIL``, ``X``); None for a line no signifier starts."""
        match = self.sign_re.match(text) if self.sign_re is not None else None
        if match is None or not match["rest"]:
            return None
        kind = next(kind for kind in SIGN_KINDS if match[kind] is not None)
        return kind, match[kind], match["rest"]

    def is_plain_part(self, name: str) -> bool:
        """Whether a part's name, not of the four kinds, names a part studykb knows all the same
        (``## Experiments``, ``### 实验``): its lines stay plain lines under that name."""
        return self.plain_part_re is not None and bool(self.plain_part_re.search(label_key(name)))

    def part_kind(self, name: str) -> SectionKind:
        """The kind of a part a heading, a bold label or a bullet ending in ``:`` opens."""
        lowered = self.without_compounds(name.replace("**", "").lower())
        for kind, pattern in self.part_patterns:
            if pattern.search(lowered):
                return kind
        return self.whole_part_kind(name) or SectionKind.OTHER

    def whole_part_kind(self, name: str) -> SectionKind | None:
        """The kind of a part whose whole name is one of its spellings (``Next session``)."""
        return self.whole_part_kinds.get(label_key(name))

    def label_part_kind(self, name: str) -> SectionKind | None:
        """The kind of a part a label with a value names (``**Pick up from:** ...``,
        ``Still confused: ...``): its whole name is a spelling, or it is a short label
        with a spelling among its words (``_names_part_by_word``); None otherwise."""
        whole = self.whole_part_kind(name)
        if whole is not None:
            return whole
        key = self.without_compounds(label_key(name))
        if len(key.split()) > LABEL_WORDS:
            return None
        for kind, pattern in self.part_patterns:
            if any(_names_part_by_word(key, match) for match in pattern.finditer(key)):
                return kind
        return None

    def without_compounds(self, text: str) -> str:
        """``text`` with blanks for its compounds, as long as it was: "验证集困惑度" names no watchlist."""
        return text if self.compound_re is None else self.compound_re.sub(lambda m: " " * len(m[0]), text)

    def alone_part_kind(self, line: str) -> SectionKind | None:
        """The kind of a part a line that is nothing but a part's name opens (``Watchlist``,
        ``Questions``, ``오늘 범위``), without a colon or emphasis, or a short label after an
        emoji or a symbol (``💡 배운 점``, ``🔥 Still confused about``); None for any other line."""
        kind = self.whole_part_kind(line)
        if kind is None and label_key(line) in self.quiz_part_names:
            return SectionKind.OTHER
        if kind is None and decorated(line):  # ``💡 배운 점``: the emoji marks a name, as ``###`` does
            kind = self.label_part_kind(line)
        return kind

    def table_part_kind(self, name: str) -> SectionKind | None:
        """The kind of a part a table is when the first cell of its header row is ``name``:
        a part's name as a short label has it (``confused``, ``topic``, ``헷갈리는 개념``)."""
        return self.label_part_kind(name) if name.strip() else None

    def column_kind(self, name: str) -> str | None:
        """``term`` (``concept``, ``용어``) or ``note`` (``meaning``, ``설명``) for a table's
        header cell of at most four words holding one of their spellings; None otherwise."""
        key = label_key(name)
        if not key or len(key.split()) > LABEL_WORDS:
            return None
        return next((kind for kind, pattern in self.column_patterns if pattern.search(key)), None)

    def says_yes(self, cell: str) -> bool:
        """Whether a table cell is nothing but a yes (``yes``, ``✅``, ``**done**``, ``네``)."""
        return label_key(cell.strip("`*_~ .!")) in self.affirmatives

    def times_a_run(self, value: str) -> bool:
        """Whether a time field's value says how long a program took (``epoch당 약 1분 40초 (CPU)``)."""
        return self.run_time_re is not None and self.run_time_re.search(value) is not None

    def says_cancelled(self, text: str) -> bool:
        """Whether a line says its session did not take place (``No lesson, student ill.``, ``휴강``)."""
        return self.cancelled_re is not None and self.cancelled_re.search(text) is not None

    def says_skipped(self, text: str) -> bool:
        """Whether an entry's only line says its session was skipped: a ``skipped`` word ends its
        first clause (``(skipped: travel)``, ``skipped — sick``, ``오늘은 쉼 (출장)``, ``今天没学，加班``)
        or the last clause of its first sentence, after the reason (``今天太累，没学。``, ``Too
        tired, skipped.``), not in parentheses; not ``skipped ahead to 5.3``."""
        if self.skipped_re is None:
            return False
        first = FIRST_CLAUSE_RE.split(text.strip(" \t-*_(（"), maxsplit=1)[0]
        sentence = PARENTHESES_RE.sub(" ", SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0])
        last = next((c for c in reversed(FIRST_CLAUSE_RE.split(sentence)) if c.strip()), "")
        return self._ends_in_skipped(first) or self._ends_in_skipped(last.strip(" \t-*_"))

    def _ends_in_skipped(self, clause: str) -> bool:
        said = self.skipped_re.search(clause)
        return said is not None and SKIPPED_END_RE.fullmatch(clause, said.end()) is not None

    def field_kind(self, name: str) -> str | None:
        """``time``, ``start``, ``end``, ``duration`` or ``known`` for a field's whole name."""
        return self.field_kinds.get(label_key(name))

    def split_quiz(self, text: str) -> tuple[str, str] | None:
        """``Q1. What? A1. That.`` or ``Q: What? — That.`` -> (``What?``, ``That.``); a question
        alone -> (question, ""); None for a line that is not a quiz question."""
        question = self.question_re.match(text)
        if question is None:
            return None
        rest = question["rest"]
        return (self.split_answered(rest) or self.split_arrow_answer(rest)
                or (self.open_question(rest) or _plain(rest), ""))

    def split_answered(self, text: str) -> tuple[str, str] | None:
        """``What? A. That.`` -> (``What?``, ``That.``); None for a line with no answer marker."""
        answer = self.inline_answer_re.search(text)
        if answer is None:
            return None
        return _plain(text[:answer.start()]), _plain(text[answer.end():])

    def is_question_part(self, name: str) -> bool:
        """Whether a part's name says it holds questions: a question word alone (``Questions``,
        ``질문``, ``疑问``) or among its words (``Open questions``, ``質問と回答``, ``질문과 답``)."""
        key = label_key(name)
        if key in self.quiz_part_names:
            return True
        return any(len(k) > 1 and (k in key if not is_latin(k) else k in key.split()) for k in self.quiz_part_names)

    def open_question(self, text: str) -> str | None:
        """``Does h lose information? (unresolved)`` -> ``Does h lose information?``: a line
        that is a question, less a note in parentheses after it; None for any other line."""
        match = OPEN_QUESTION_RE.match(text)
        return _plain(match["question"]) if match else None

    def split_arrow_answer(self, text: str) -> tuple[str, str] | None:
        """``Why 0.75? — Empirical`` or ``왜 0.75인가요? -> 경험적으로``: a question and the
        answer after a dash or an arrow; None for any other line."""
        match = ARROW_ANSWER_RE.match(text)
        if match is None:
            return None
        question, closing = match["question"].strip(), text[match.end("question")]
        if closing in "\"”」』" and question[:1] in OPENING_QUOTES:
            question = question[1:]
        elif closing in "\"”」』" and any(q in question for q in OPENING_QUOTES):
            question += closing  # ``User asked "is it faster?" → …``: the quote stays whole
        return question, match["answer"].strip()

    def answer_text(self, text: str) -> str | None:
        match = self.answer_re.match(text)
        return _plain(match["rest"]) if match else None


def make_labels(builtin: Spellings, user: Spellings = ()) -> Labels:
    """The Labels of the table's spellings and the learner's, with the patterns made from them."""
    def spellings(kind: str) -> tuple[str, ...]:
        return tuple(s for table in (user, builtin) for k, words in table if k == kind for s in words)

    return Labels(
        builtin, user,
        part_patterns=_part_patterns(user, builtin),
        whole_part_kinds=_whole_part_kinds(spellings),
        quiz_part_names=frozenset(label_key(s) + ending for kind in ("line", "question") for s in spellings(kind)
                                  for ending in (("", "s") if is_latin(s) else ("",))),
        field_kinds=_field_kinds(spellings),
        time_part_re=re.compile(rf"^\s*(?P<key>{alternatives(spellings('start') + spellings('end') + spellings('duration'))})"
                                r"(?![A-Za-z])\s*[:=：]?\s*(?P<value>(?:.*\S)?)\s*$", re.IGNORECASE),
        quiz_starts=frozenset("*_" + "".join(w[:1].lower() + w[:1].upper() for kind in QA_KINDS
                                             for w in spellings(kind))),
        qa_line_re=re.compile(rf"^{BOLD}?(?:{qa_line_words(spellings('line'))}){BOLD}?\s*[:：]{BOLD}?\s*(?P<text>.*)$",
                              re.IGNORECASE),
        question_re=re.compile(rf"^{marker_pattern(spellings('question'))}\s*(?P<rest>\S.*)$"),
        answer_re=re.compile(rf"^{marker_pattern(spellings('answer'))}\s*(?P<rest>\S.*)$"),
        inline_answer_re=re.compile(rf"(?:(?<=[?？.!。)])\s*|\s+(?={BOLD})|\s+(?=\S+\d{SEPARATOR})|\s+[/|—–]\s*|\s+--?\s+)"
                                    rf"(?P<marker>{marker_pattern(spellings('answer'))})\s*"),
        header_re=re.compile(rf"^##\s+(?:{alternatives(spellings('session'))})(?![^\W\d_])\s*[:：]?\s*"
                             r"(?P<rest>(?:.*\S)?)\s*$", re.IGNORECASE),
        session_word_re=re.compile(rf"(?<![^\W\d_])(?:\d+\s*)?(?:{alternatives(spellings('session'))})(?![^\W\d_])",
                                   re.IGNORECASE),
        resolved_re=words_pattern(spellings("resolved"), plurals=False, between=WORDS_BETWEEN),
        negation_re=words_pattern(spellings("negation"), plurals=False),
        confusion_re=words_pattern(spellings("confusion"), plurals=False),
        persisting_re=words_pattern(spellings("persisting"), plurals=False),
        now_re=words_pattern(spellings("now"), plurals=False),
        compound_re=words_pattern(spellings("compound"), plurals=False),
        affirmatives=frozenset(label_key(s) for s in spellings("affirmative")),
        plain_part_re=words_pattern(tuple(s for kind in PLAIN_KINDS for s in spellings(kind))),
        run_time_re=words_pattern(spellings("run_time")),
        cancelled_re=words_pattern(spellings("cancelled"), plurals=False),
        skipped_re=words_pattern(spellings("skipped"), plurals=False),
        column_patterns=tuple((kind, pattern) for kind in COLUMN_KINDS
                              if (pattern := words_pattern(spellings(kind))) is not None),
        sign_re=sign_pattern({kind: spellings(SIGN.format(kind=kind)) for kind in SIGN_KINDS}),
        studying_re=re.compile(rf"^(?:{alternatives(spellings('studying'))})(?![^\W\d_])\s*[:：]?\s*", re.IGNORECASE)
        if spellings("studying") else None,
    )


def _part_patterns(user: Spellings, builtin: Spellings) -> tuple[tuple[SectionKind, re.Pattern], ...]:
    """The learner's spellings of every part kind first, then the table's."""
    tiers = []
    for table in (user, builtin):
        for kind, kind_enum in PART_KINDS.items():
            pattern = words_pattern(tuple(s for k, words in table if k == kind for s in words))
            if pattern is not None:
                tiers.append((kind_enum, pattern))
    return tuple(tiers)


def _names_part_by_word(key: str, match: re.Match) -> bool:
    """Whether a spelling found in a short label names the label's part: one in another
    script always (those languages join words); one in Latin letters when nothing follows
    it in the label or a linking word does (``pick up from``, ``confused about``)."""
    if not is_latin(match[0]):
        return True
    after = key[match.end():].split()
    return not after or after[0] in LINKING_WORDS


def _whole_part_kinds(spellings) -> dict[str, SectionKind]:
    kinds: dict[str, SectionKind] = {}
    for kind in PART_KINDS:
        for spelling in spellings(kind) + spellings(WHOLE_NAME.format(kind=kind)):
            endings = ("", "s", "es") if is_latin(spelling) else ("",)
            for ending in endings:
                kinds.setdefault(label_key(spelling) + ending, PART_KINDS[kind])
    return kinds


def _field_kinds(spellings) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for kind in FIELD_KINDS:
        for spelling in spellings(kind):
            kinds.setdefault(label_key(spelling), kind)
    return kinds


def _plain(text: str) -> str:
    """Quiz text without the emphasis left around its marker."""
    return text.strip().removeprefix("**").removeprefix("__").strip()


def shipped_labels() -> Labels:
    """The table that ships with studykb (``data/labels.yml``), without the learner's spellings."""
    data = yaml.load(DATA.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    table: list[tuple[str, tuple[str, ...]]] = []
    for group in ("parts", "fields", "qa", "columns", "plain"):
        for kind, languages in data[group].items():
            table.append((kind, _flatten(languages)))
    for kind, languages in data["signs"].items():
        table.append((SIGN.format(kind=kind), _flatten(languages)))
    table.append(("studying", _flatten(data["studying"])))
    for group in ("names", "marks"):
        for kind, languages in data[group].items():
            table.append((WHOLE_NAME.format(kind=kind) if group == "names" else kind, _flatten(languages)))
    table.append(("session", _flatten(data["session"])))
    return make_labels(tuple(table))


def _flatten(languages: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(str(s) for spellings in languages.values() for s in spellings)
