"""Reading log files: bytes to numbered lines, with encoding problems reported."""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, error, info, warning

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # what Windows Notepad's "Unicode" writes
# A log this large is not a study log (the benchmark's 10,000 sessions are 10 MB): reading
# it would hold up or exhaust the whole build.
MAX_LOG_BYTES = 64 * 1024 * 1024
# A file is binary when over this share of its first 8 KiB is NUL bytes or not UTF-8: a
# stray NUL in a log is shown and reported on its line, the log kept.
BINARY_SHARE = 0.1
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class LogText:
    path: str  # relative to the project root, '/'-separated; once redacted, the path it is published under
    lines: tuple[str, ...]


def find_logs(sessions_dir: Path) -> list[Path]:
    """The ``*.md`` files under ``sessions_dir``, sorted; symlinks are not followed."""
    if not sessions_dir.is_dir():
        return []
    found = []
    for dirpath, dirnames, filenames in os.walk(sessions_dir, followlinks=False):
        dirnames.sort()
        found.extend(Path(dirpath) / n for n in filenames if n.endswith(".md"))
    return sorted(found)


def read_log(path: Path, display: str, sessions_dir: Path) -> tuple[LogText | None, list[Diagnostic]]:
    """Read one log. Returns ``None`` (and an error) when it cannot be read as text."""
    problem = refuse_link_outside(path, display, sessions_dir) or _not_readable(path, display)
    if problem:
        return None, [problem]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [error(display, 1, f"cannot read file: {exc.strerror or exc}")]
    if data.startswith(UTF16_BOMS):
        return _decode_utf16(data, display)
    if is_binary(data):
        return None, [error(display, 1, "binary file (NUL bytes or bytes that are not UTF-8); skipped")]
    return decode_log(data, display)


def refuse_link_outside(path: Path, display: str, sessions_dir: Path) -> Diagnostic | None:
    """A symlink may point at another file inside sessions/, never out of it."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if not target.is_relative_to(sessions_dir.resolve()):
        return error(display, 1, "symbolic link pointing outside sessions/; not followed")
    return None


def _not_readable(path: Path, display: str) -> Diagnostic | None:
    """A named pipe would hold the build up forever, a huge file stall it: neither is read."""
    try:
        if not path.exists():
            return error(display, 1, "symbolic link to nothing; skipped")
        if not path.is_file():
            return error(display, 1, "not a regular file; skipped")
        size = path.stat().st_size
    except OSError as exc:
        return error(display, 1, f"cannot read file: {exc.strerror or exc}")
    if size > MAX_LOG_BYTES:
        return error(display, 1, f"file of {size // 2**20} MiB, larger than a log can be "
                                 f"({MAX_LOG_BYTES // 2**20} MiB); skipped")
    return None


def is_binary(data: bytes) -> bool:
    """Whether the first 8 KiB are largely NUL bytes or not UTF-8 (an image, an archive)."""
    sample = data[:8192]
    if b"\x00" not in sample:
        return False
    not_text = sample.count(b"\x00") + sample.decode("utf-8", errors="replace").count("\ufffd")
    return not_text > BINARY_SHARE * len(sample)


def _decode_utf16(data: bytes, display: str) -> tuple[LogText | None, list[Diagnostic]]:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None, [error(display, 1, "UTF-16 byte-order mark, but not UTF-16 text; skipped")]
    log, problems = decode_log(text.encode("utf-8", errors="replace"), display)
    return log, [info(display, 1, "UTF-16 text; read as such (UTF-8 is expected)"), *problems]


def decode_log(data: bytes, display: str) -> tuple[LogText, list[Diagnostic]]:
    """Split into lines (``\\n``, ``\\r\\n`` or ``\\r``), decoding each as UTF-8.

    Undecodable bytes are replaced, and each such line is reported with the
    offset of its first bad byte, so one bad byte never costs the whole file.
    """
    diagnostics = _line_ending_notes(data, display)
    if data.startswith(BOM):
        data = data[len(BOM):]
        diagnostics.append(info(display, 1, "byte-order mark removed"))
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = _checked_lines(data, display, diagnostics)
    return LogText(display, tuple(lines)), diagnostics


def _checked_lines(data: bytes, display: str, diagnostics: list[Diagnostic]) -> list[str]:
    """Each line decoded and tested on its own, so every problem is reported with its line."""
    lines = []
    for number, raw in enumerate(_without_last_break(data.split(b"\n")), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            diagnostics.append(warning(
                display, number,
                f"invalid UTF-8 at byte {exc.start + 1} of the line; shown as \N{REPLACEMENT CHARACTER}"))
            line = raw.decode("utf-8", errors="replace")
        # Composed (NFC), as text is typed on most systems: a log saved decomposed (NFD,
        # as macOS gives file names back) names the same terms and looks the same.
        line = unicodedata.normalize("NFC", line)
        if CONTROL_RE.search(line):
            diagnostics.append(warning(display, number, "control character in the line; shown as its symbol (e.g. \u241f)"))
            line = control_pictures(line)
        lines.append(line)
    return lines


def _without_last_break(lines: list) -> list:
    """A final line break ends the last line; it does not begin another."""
    if lines and not lines[-1]:
        lines.pop()
    return lines


def control_pictures(text: str) -> str:
    """Control characters become their visible symbols (U+2400...): Markdown and
    whitespace handling would otherwise drop them silently."""
    return CONTROL_RE.sub(lambda m: chr(0x2421 if m.group() == "\x7f" else 0x2400 + ord(m.group())), text)


def _line_ending_notes(data: bytes, display: str) -> list[Diagnostic]:
    crlf = data.count(b"\r\n")
    lone_cr = data.count(b"\r") - crlf
    lone_lf = data.count(b"\n") - crlf
    kinds = sum(1 for n in (crlf, lone_cr, lone_lf) if n)
    if kinds > 1:
        first = data[: data.find(b"\r")].count(b"\n") + 1
        return [warning(display, first, "mixed line endings (LF, CRLF or CR); all read as line breaks")]
    if crlf or lone_cr:
        return [info(display, 1, "Windows (CRLF) or old Mac (CR) line endings")]
    return []
