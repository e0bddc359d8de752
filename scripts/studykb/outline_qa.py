"""A question written as a list item with its answer nested under it, as outliners
(Logseq, Workflowy) write Q/A: ``- Why does sigmoid+CE give y - t?`` then
``  - dL/dy = …``. The item is a Q/A line's question and the items under it its answer.

Not a question under a watchlist (its nested items are notes on a confusion), and not a
question whose first nested item asks again (a list of questions). A ``Q:`` line is the quiz reader's (qa_lines.py)."""
from __future__ import annotations

from .markup import BULLET_RE, FENCE_RE
from .model import QA, SectionKind, Source
from .session_state import SessionState


def read_outlined_question(entry: SessionState, body: list[str], i: int, source: Source) -> int:
    """Read the list item ``body[i]`` and the items nested under it as one Q/A when the
    item asks a question and they answer it; return how many lines that used (0: not one)."""
    item = BULLET_RE.match(body[i])
    if item is None or _in_a_watchlist(entry):
        return 0
    indent, text = len(item["indent"]), (item["text"] or "").strip()
    question = None if entry.labels.question_re.match(text) else entry.labels.open_question(text)
    answers = _nested_items(body, i + 1, indent)
    if question is None or not answers or _asks(entry, answers[0][1]):
        return 0
    entry.interrupt(QA(text, source, indent, question=question))
    whole = " ".join(_answer(entry, answer) for _, answer, _ in answers)
    for n, (offset, answer, depth) in enumerate(answers):
        line = Source(source.path, source.line + offset - i)
        entry.blocks.append(QA(answer, line, depth, answer="" if n else whole, continues=n > 0))
    return answers[-1][0] - i + 1


def _in_a_watchlist(entry: SessionState) -> bool:
    return entry.part is not None and entry.part[0] in (SectionKind.WATCHLIST, SectionKind.RESUME)


def _nested_items(body: list[str], start: int, indent: int) -> list[tuple[int, str, int]]:
    """The list items right after ``body[start - 1]`` and indented deeper than ``indent``,
    each with its index, text and indentation; they stop at the first line that is blank,
    no list item, no deeper, or a code fence."""
    found = []
    for j in range(start, len(body)):
        item = BULLET_RE.match(body[j])
        text = (item["text"] or "").strip() if item else ""
        if item is None or len(item["indent"]) <= indent or not text or FENCE_RE.match(text):
            break
        found.append((j, text, len(item["indent"])))
    return found


def _asks(entry: SessionState, text: str) -> bool:
    labels = entry.labels
    return labels.open_question(text) is not None or labels.question_re.match(text) is not None


def _answer(entry: SessionState, text: str) -> str:
    """An answer item's text, less an ``A:`` marker before it."""
    return entry.labels.answer_text(text) or text
