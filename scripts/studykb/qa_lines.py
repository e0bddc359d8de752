"""Q/A lines of a session as parse.py reads them: quiz lines in their shapes, a question
answered after a dash or an arrow, a question alone in a part of questions, and quoted
ones (``> **Q:** ...``, a question callout ``> [!question] Why?`` and its answer)."""
from __future__ import annotations

from . import quotes
from .model import QA, Note, SectionKind, Source
from .session_state import SessionState


def read_quote(entry: SessionState, body: list[str], i: int, source: Source, awaiting_answer: bool) -> int:
    """A blockquote line: a question callout opens a Q/A (``> [!question] Why?`` and its
    answer lines); a quoted quiz line (``> **Q:** ...``, ``> **A:** ...``) is that quiz line;
    any other, a note callout's too, is left to be read as a line of text, its ``>`` kept
    (0 lines read)."""
    text = quotes.quoted(body[i]) or ""
    found = quotes.callout(text)
    if found is not None and found.asks:
        return _read_question_callout(entry, body[i:i + quotes.quote_length(body, i)], source, found)
    if found is None and read_quiz(entry, text, source, 0, awaiting_answer):
        return 1
    return 0


def _read_question_callout(entry: SessionState, block: list[str], source: Source, found: quotes.Callout) -> int:
    """``> [!question] Why?`` and the quoted lines after it, up to a bare ``>``: a Q/A line
    of the question and one of the answer, whose further lines go on it. A marker without
    a title (``> [!faq]``) is a note, and the question is the line after it."""
    texts = [quotes.quoted(line) or "" for line in block]
    end = texts.index("") if "" in texts else len(texts)
    first = 0
    if not found.title:
        entry.blocks.append(Note(block[0].strip(), source))
        first = 1
    if first >= end:
        return first or 1
    question = found.title or texts[first]
    entry.interrupt(QA(question, Source(source.path, source.line + first), 0, question=question))
    answer = " ".join(texts[first + 1:end])
    for offset in range(first + 1, end):
        more = offset > first + 1
        entry.blocks.append(QA(texts[offset], Source(source.path, source.line + offset), 0, answer="" if more else answer, continues=more))
    return end


def read_quiz(entry: SessionState, text: str, source: Source, indent: int, awaiting_answer: bool) -> bool:
    """A Q/A line in any of its shapes: ``Q/A: ...`` (kept without its label), a quiz
    question (``**Q:** ... **A:** ...``, ``Q1. ...``) or the answer line after one."""
    labels = entry.labels
    qa = labels.qa_line_re.match(text) if text[:1] in labels.quiz_starts else None
    if qa and qa["text"].strip():  # ``**Q&A:**`` alone names a part, as ``**Quiz:**`` does
        text = qa["text"].strip()
        quiz = labels.split_quiz(text) or labels.split_answered(text) or labels.split_arrow_answer(text)
        entry.interrupt(QA(text, source, indent, *(quiz or ("", "")), labelled=True))
        return True
    if _read_arrow_answer(entry, text, source, indent):
        return True
    if text[:1] not in labels.quiz_starts:
        return _read_open_question(entry, text, source, indent)
    answer = labels.answer_text(text) if awaiting_answer else None
    if answer is not None:
        entry.interrupt(QA(text, source, indent, answer=answer))
        return True
    quiz = labels.split_quiz(text)
    if quiz is None:
        return _read_open_question(entry, text, source, indent)
    entry.interrupt(QA(text, source, indent, *quiz))
    entry.awaiting_answer = not quiz[1]
    return True


def _read_open_question(entry: SessionState, text: str, source: Source, indent: int) -> bool:
    """In a part of questions, a question with no answer after it (``- Does h lose information?
    (unresolved)``) is a Q/A line without its answer, as ``Q: ...?`` alone is."""
    if not entry.asks:
        return False
    question = entry.labels.open_question(text)
    if question is None:
        return False
    entry.interrupt(QA(text, source, indent, question))
    entry.awaiting_answer = True
    return True


def _read_arrow_answer(entry: SessionState, text: str, source: Source, indent: int) -> bool:
    """``1. Why 0.75? — Empirical``: a question answered after a dash or an arrow is a Q/A
    line, outside the parts whose items it would otherwise be (learned, watchlist, ...)."""
    if entry.part is not None and entry.part[0] is not SectionKind.OTHER:
        return False
    if entry.labels.question_re.match(text):
        return False  # ``Q: Why? — A: because``: a quiz line, its markers taken off
    quiz = entry.labels.split_arrow_answer(text)
    if quiz is None:
        return False
    entry.interrupt(QA(text, source, indent, *quiz))
    return True
