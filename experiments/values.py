"""Reading parameter values out of a log line, in the notations logs use.

- ``name=value`` (in a code span or not: a list ends with its span), ``--name value`` and
  ``--name=value``;
- a shell loop: ``for lr in 0.05 0.5 5; do ...``;
- ``name value`` and ``value name`` with the words a parameter declares
  ("hidden 5, lr 1.0", "`6000` total updates");
- a bare list of numbers ("`0.01, 0.1, 1.0`", "over 0.05, 0.5 and 5.0") for the
  experiment's list parameter (lists separated by commas, Japanese and Chinese ones too);
- a Markdown table of settings, or a code block, right after the line.

Values come back as read (tuples of numbers or text); experiments.runs checks them
against each parameter's type and bounds. Pure functions, no NumPy.
"""

from __future__ import annotations

import re
from typing import Sequence

from experiments.asking import METRICS
from experiments.spec import Param, Spec

Value = int | float | str
Values = tuple[Value, ...]

NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
# A number standing on its own: not the 01 of "Ch01" nor the 4 of "ch04/", nor part of a word.
_ALONE = rf"(?<![\w.]){NUMBER}(?!\.?\w)"
_SEPARATOR = r"\s*(?:,|;|/|\band\b|\bor\b|&|、|，)\s*"  # 、 and ， are the Japanese and Chinese commas
_LIST = rf"{_ALONE}(?:{_SEPARATOR}{_ALONE})*"
_NUMBER_LIST = re.compile(_LIST)
_ONLY_NUMBERS = re.compile(rf"\s*{NUMBER}(?:\s*,\s*{NUMBER})*\s*,?\s*")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_TOKEN = r"(?:\"[^\"]*\"|'[^']*'|[^\s,;)`|]+)"
_NAME = r"[A-Za-z_][\w-]*"
# ``name=value``; a chain of names sets each (``wordvec_size=hidden_size=200``), and a list of
# text values ends before the next ``name=`` ("mode=cbow, lr=0.1" sets the mode to cbow only).
_ASSIGNMENT = re.compile(rf"(?<![\w-])(?:--)?({_NAME}(?:\s*=\s*{_NAME}(?=\s*=))*)\s*=\s*"
                         rf"({_LIST}(?![\w.])|(?!{_NAME}\s*=){_TOKEN}(?:\s*,\s*(?!{_NAME}\s*=){_TOKEN})*)")
_CHAINED = re.compile(r"\s*=\s*")
# A figure read off a run, not a setting it was given: approximate ("one epoch = ~24 min",
# "loss = ≈2.4") or a time ("epoch = 24 min", "1 에폭 = 40초").
_APPROXIMATE = re.compile(r"\s*(?:[~≈∼]|about\b|approx)")
_TIME_UNIT = re.compile(r"\s*(?:min(?:ute)?s?|h(?:ours?|rs?)?|sec(?:ond)?s?|s|분|초|시간|分钟?|秒|時間|小时)(?![A-Za-z])")
_A_TIME = re.compile(rf"{NUMBER}{_TIME_UNIT.pattern}")
_METRIC = re.compile("|".join(word for words in METRICS.values() for word in words), re.IGNORECASE)
_VARIABLE = re.compile(r"[A-Za-z](?:_?[A-Za-z0-9])?")  # V, N, h_t, x1: a symbol of an equation
_FLAG = re.compile(rf"(?<![\w-])--([A-Za-z_][\w-]*)\s+({_TOKEN})")
_LOOP = re.compile(r"\bfor\s+([A-Za-z_]\w*)\s+in\s+((?:[^\s;`]+\s*)+?)(?=;|`|\bdo\b|$)")


def read_values(spec: Spec, text: str, attached: Sequence[str] = (), bare_lists: bool = True) -> dict[str, Values]:
    """The values `text` (and the table or code right after it) states for `spec`'s parameters.

    `bare_lists`: a list of numbers no parameter's name or word goes with fills the list
    parameter (when the line's words already name the experiment)."""
    found: dict[str, Values] = {}
    plain = _named_values(spec, text, found).replace("`", " ")
    plain = _worded_values(spec, plain, found)
    if bare_lists and spec.list_param and spec.list_param not in found:
        numbers = _span_numbers(text, plain) or _bare_list(plain)
        if numbers:
            found[spec.list_param] = numbers
    if attached:
        for name, values in _attached_values(spec, attached).items():
            found.setdefault(name, values)
    return found


def code_spans(text: str) -> list[str]:
    """The contents of the inline code spans of `text`, in order."""
    return [match.group(2) for match in _CODE_SPAN.finditer(text)]


def parse_numbers(text: str) -> tuple[int | float, ...] | None:
    """`"0.01, 0.1, 1"` -> (0.01, 0.1, 1); None if `text` is not a list of numbers."""
    if not _ONLY_NUMBERS.fullmatch(text):
        return None
    return tuple(to_number(part) for part in text.split(",") if part.strip())


def to_number(text: str) -> int | float:
    text = text.strip()
    # "1.0" stays a float and "30" an int, so run ids and JSON keep what was written.
    # A longer integer is read as a float (1e+30, or inf): int() refuses more than
    # 4,300 digits, and no parameter comes near 18; the bounds turn it away.
    return int(text) if re.fullmatch(r"[+-]?\d{1,18}", text) else float(text)


def _named_values(spec: Spec, text: str, found: dict[str, Values]) -> str:
    """``name=value``, ``--name value`` and shell loops; returns the text with them blanked.

    Values end where their code span ends, and before a number a parameter's word follows:
    "`batch_size=100`, 10 epochs" and "batch_size=100, 10 epochs" state one batch size
    and leave the 10 to the epochs."""
    if "=" not in text and "--" not in text and "for" not in text:
        return text  # most lines name no value: no name=value, no --name, no loop
    for pattern in (_LOOP, _ASSIGNMENT, _FLAG):  # a loop's variable first: its flag says `--lr $lr`
        for match in pattern.finditer(text):
            end = _values_end(spec, text, match) if pattern is _ASSIGNMENT else match.end()
            raw = text[match.start(2): end]
            names = _CHAINED.split(match.group(1)) if pattern is _ASSIGNMENT else [match.group(1)]
            reading = _APPROXIMATE.match(raw) or _TIME_UNIT.match(text, end) or _A_TIME.fullmatch(raw.strip())
            for param in (_param_named(spec, name) for name in names):
                if param is not None and param.name not in found and not raw.startswith("$") and not reading:
                    values = _values(param, raw, loop=pattern is _LOOP)
                    if _is_value(spec, param, values):
                        found[param.name] = values
            text = _blank(text, match.start(), end)  # a count cut off stays for the words: "10 epochs"
    return text


def _is_value(spec: Spec, param: Param, values: Values) -> bool:
    """Whether what a name is set to may be its value: a number, or any text for a setting of
    text. For a setting of numbers, a word is a value it cannot take ("`lr=fast`", which a run
    reports), unless it is a metric, a variable or a setting: "uniform over V words = ppl V" and
    "hidden_size = H" are equations, not settings."""
    if param.kind is str:
        return True
    words = [value for value in values if isinstance(value, str)]
    return not any(_METRIC.fullmatch(word) or _VARIABLE.fullmatch(word) or _param_named(spec, word)
                   for word in words)


def _values_end(spec: Spec, text: str, assignment: re.Match) -> int:
    """Where an assignment's values end: at the end of the match, or before a later value a
    parameter's word follows ("lr=0.1, 5 epochs" assigns one learning rate)."""
    if not re.search(_SEPARATOR, assignment.group(2)):
        return assignment.end()  # one value: nothing to cut
    after_first = assignment.start(2) + 1
    counts = (_number_then_word(word).search(text, after_first) for _, word in _words_longest_first(spec))
    return min([assignment.end(), *(count.start() for count in counts if count is not None)])


def _worded_values(spec: Spec, plain: str, found: dict[str, Values]) -> str:
    """``6000 total updates`` (a word no number follows), then ``hidden 5``, ``batch sizes 5, 10``;
    consumed text is blanked, so "lr 0.5, 50 epochs" gives lr 0.5 and 50 epochs."""
    lowered = plain.lower()
    in_line = _words_in(spec, lowered)
    for before in (False, True):
        for param, word in in_line:
            if param.name in found or not _may_be_in(word, lowered):  # found, or blanked once read
                continue
            pattern = _word_then_number(word, param.many) if before else _number_then_word(word)
            match = pattern.search(lowered)
            if match is None:
                continue
            found[param.name] = _values(param, match.group("values"))
            lowered = _blank(lowered, match.start(), match.end())
    return lowered


def _words_longest_first(spec: Spec) -> list[tuple[Param, str]]:
    pairs = [(param, word) for param in spec.params for word in param.words]
    return sorted(pairs, key=lambda pair: -len(pair[1]))


def _words_in(spec: Spec, lowered: str) -> list[tuple[Param, str]]:
    """The parameters' words that may be in the line (most are not), longest first."""
    pairs = [(param, word) for param in spec.params for word in param.words if _may_be_in(word, lowered)]
    return sorted(pairs, key=lambda pair: -len(pair[1]))


def _word_then_number(word: str, many: bool) -> re.Pattern:
    """A list for a list parameter; for another, one number not followed by more ("updates
    `10, 30`" then leaves the list to the list parameter)."""
    values = _LIST if many else rf"{_ALONE}(?!{_SEPARATOR}{_ALONE})"
    return re.compile(
        rf"(?<![\w-]){_spelled(word)}s?\s*(?:=|:|\bof\b|\bat\b|\bto\b|\bis\b|\bwas\b|~|≈)?\s*(?P<values>{values})")


def _number_then_word(word: str) -> re.Pattern:
    """"50 epochs": a number counting what `word` names (in any case, as a line is written)."""
    return re.compile(rf"(?P<values>{_ALONE})\s*{_spelled(word)}s?(?![\w-])(?!\s*(?:=|:)?\s*{NUMBER})",
                      re.IGNORECASE)


def _may_be_in(word: str, lowered: str) -> bool:
    """Whether a parameter's word may be in the lower-cased line: its first part is (every spelling
    of it starts so: "batch" of "batch size" and "batch_size") and, in a line of ASCII characters
    only, every part is (elsewhere a search that ignores case may read other letters: ſ as s)."""
    parts = word.lower().replace("_", " ").replace("-", " ").split()
    return parts[0] in lowered and (not lowered.isascii() or all(part in lowered for part in parts[1:]))


def _spelled(word: str) -> str:
    """A parameter's word as a pattern: "batch size" also matches "batch-size" and "batch_size"."""
    return r"[\s_-]*".join(re.escape(part) for part in re.split(r"[\s_-]+", word.lower()))


def _blank(text: str, start: int, end: int) -> str:
    """`text` with spaces from `start` to `end`: what was read is not read again, and positions stay."""
    return text[:start] + " " * (end - start) + text[end:]


def _span_numbers(text: str, plain: str) -> Values:
    """The first code span that holds only numbers, unless a name took them ("`6000` total updates").
    `plain` is `text` with what was read blanked, position for position."""
    for match in _CODE_SPAN.finditer(text):
        numbers = parse_numbers(match.group(2))
        if numbers and plain[match.start(2): match.end(2)].strip():
            return numbers
    return ()


def _bare_list(plain: str) -> Values:
    """The first list of two or more numbers in the text (a lone number is too often a count)."""
    for match in _NUMBER_LIST.finditer(plain):
        numbers = _numbers_in(match.group(0))
        if len(numbers) >= 2:
            return numbers
    return ()


def _attached_values(spec: Spec, attached: Sequence[str]) -> dict[str, Values]:
    rows = [_cells(line) for line in attached if line.strip().startswith("|")]
    found: dict[str, Values] = {}
    if rows:
        _table_values(spec, [row for row in rows if not _is_delimiter(row)], found)
    code = [line for line in attached if not line.strip().startswith("|")]
    if code:
        _named_values(spec, "\n".join(code), found)
    return found


def _table_values(spec: Spec, rows: list[list[str]], found: dict[str, Values]) -> None:
    """A header row naming parameters (a column each), or rows of ``name | value``."""
    header = [_param_named(spec, cell) for cell in rows[0]]
    if any(header):
        for column, param in enumerate(header):
            if param is not None:
                cells = [row[column] for row in rows[1:] if column < len(row) and row[column].strip()]
                values = tuple(dict.fromkeys(v for cell in cells for v in _values(param, cell)))
                if values:
                    found.setdefault(param.name, values)
        return
    for row in rows:
        param = _param_named(spec, row[0]) if len(row) > 1 else None
        if param is not None:
            found.setdefault(param.name, _values(param, ", ".join(row[1:])))


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _is_delimiter(row: list[str]) -> bool:
    return all(cell and set(cell) <= set("-: ") for cell in row)


def _param_named(spec: Spec, name: str) -> Param | None:
    """The parameter a log's name stands for: its own name or one of its words."""
    key = _normal(name)
    for param in spec.params:
        if key == _normal(param.name) or key in (_normal(word) for word in param.words):
            return param
    return None


def _normal(name: str) -> str:
    return re.sub(r"[\s_-]+", "_", name.strip().strip("*").lower())


def _values(param: Param, raw: str, loop: bool = False) -> Values:
    """The values in `raw`: numbers (a list if several), or text for a text parameter."""
    raw = raw.strip()
    numbers = _numbers_in(raw.replace(" ", ",") if loop else raw)
    if numbers:
        return numbers
    words = raw.split() if loop else [part.strip() for part in raw.split(",")]
    words = [word.strip("'\"") for word in words if word.strip()]
    return tuple(words) if param.many or loop else tuple(words[:1])


def _numbers_in(text: str) -> tuple[int | float, ...]:
    parts = re.findall(_ALONE, text)
    rest = re.sub(_ALONE, "", text)
    if not parts or re.sub(rf"(?:{_SEPARATOR}|\s)+", "", rest):
        return ()
    return tuple(to_number(part) for part in parts)
