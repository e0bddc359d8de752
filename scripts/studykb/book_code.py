"""Which logs say their code is the book's own repository (part of the link stage): "code from the
official repo", "Student runs the book's repo", "책 저장소 코드로 실습", "本のリポジトリのコード",
"代码用的是书上的 GitHub 仓库". A script such a log runs (``ch04/train.py``) is the book's: a line
that runs it asks for the experiment that reproduces it, not also for a run of the learner's own
script (studykb.experiment_lines). Only the lines above the log's sessions and its title are read:
that is where a log says what it works with.
"""
from __future__ import annotations

import re
from typing import Iterable

from .model import LogFile, Note

_REPOSITORY = r"(?:github\s*(?:の\s*)?)?"
_BOOK_CODE = re.compile(
    rf"\b(?:the\s+)?book'?s\s+(?:own\s+)?{_REPOSITORY}(?:repo|repository|code)\b"
    rf"|\bofficial\s+{_REPOSITORY}(?:repo|repository|code)\b|oreilly-japan/deep-learning-from-scratch"
    rf"|책(?:의)?\s*{_REPOSITORY}(?:저장소|레포|리포지토리|코드)|공식\s*{_REPOSITORY}(?:저장소|레포|리포지토리|코드)"
    rf"|(?:本|書籍)の\s*{_REPOSITORY}(?:リポジトリ|コード)|公式\s*(?:の\s*)?{_REPOSITORY}(?:リポジトリ|コード)"
    rf"|书(?:上|里)?的\s*{_REPOSITORY}(?:仓库|代码)|(?:官方|随书)的?\s*{_REPOSITORY}(?:仓库|代码)",
    re.IGNORECASE)


def book_code_logs(logs: Iterable[LogFile]) -> frozenset[str]:
    """The paths of the logs that say their code is the book's repository."""
    return frozenset(log.path for log in logs if any(map(says_book_code, _own_lines(log))))


def says_book_code(text: str) -> bool:
    return _BOOK_CODE.search(text) is not None


def _own_lines(log: LogFile) -> list[str]:
    return [log.title or ""] + [block.text for block in log.preamble if isinstance(block, Note)]
