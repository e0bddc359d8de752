"""Code blocks of a log that run a script: which of their lines are commands, with the settings
the comment lines under them give, and whether the line before a block leads into it."""

from __future__ import annotations

import itertools
import re
from typing import Sequence

from experiments import asking

# A shell command that runs a Python script: "python ch04/train.py --lr 0.1", "$ python3 -u train.py".
_COMMAND = re.compile(r"^\s*(?:[$>%!]\s*)?(?:(?:uv|poetry)\s+run\s+)?python3?(?:\s+-\w+)*\s+(?P<script>[\w./-]+\.py)\b"
                      r"(?P<rest>.*)$")


def block_commands(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Each command of a code block that runs a script, by its line in the block (from 1), as a log
    line says it, with the comment lines right below it ("$ python ch06/train_rnnlm.py", then "#
    batch_size=20" -> "ran `ch06/train_rnnlm.py` # batch_size=20"). What it printed is no command."""
    found = []
    for offset, code in enumerate(lines, start=1):
        match = _COMMAND.match(code)
        if match:
            comments = [line.strip() for line in itertools.takewhile(_is_comment, lines[offset:])]
            found.append((offset, " ".join((f"ran `{match.group('script')}`{match.group('rest')}", *comments))))
    return found


def leads_into(line: str, block: Sequence[str]) -> str | None:
    """What a line asks with when it leads into the code block right after it, which then holds its
    settings; None when it does not. It leads into a block that runs no script and one that names
    the script the line names ("Ran ``ch04/train.py``, window 5"): the line as it is. It leads into
    a block it opens ("跑了书上的训练：", "Ran it with:") or states the settings of ("first a smoke
    test with ``max_epoch = 1``"), then ``$ python ch04/train.py``: the line, then the block's
    commands, which run with its settings. A block that runs a script after any other line
    ("**Confused:** dropout placement", or a question, then ``$ python ch06/train_rnnlm.py``) is a
    run of its own."""
    scripts = [match.group("script") for match in map(_COMMAND.match, block) if match]
    if not scripts or any(script.rsplit("/", 1)[-1] in line for script in scripts):
        return line
    opens = line.rstrip().endswith((":", "："))
    if not opens and (asking.asks_nothing(line) or not asking.sets_values(line.lower())):
        return None
    return " ".join((line, *(said for _, said in block_commands(block))))


def _is_comment(code: str) -> bool:
    return code.lstrip().startswith("#")
