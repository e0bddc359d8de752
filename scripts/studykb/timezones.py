"""Time-zone abbreviations seen in logs, mapped to UTC offsets."""
from __future__ import annotations

from datetime import timedelta

# Abbreviations are ambiguous in general (IST, CST); these are the usual readings.
_OFFSETS_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1,
    "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "PKT": 5,
    "ICT": 7, "WIB": 7, "CST": -6, "HKT": 8, "SGT": 8, "AWST": 8, "PHT": 8,
    "KST": 9, "JST": 9, "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12,
    "NZDT": 13, "AST": -4, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
    "BRT": -3, "ART": -3,
}


def zone_name(token: str) -> str:
    """A zone as a header or time log writes it, without the parentheses or brackets
    around it or the punctuation after it: ``(KST)`` -> ``KST``."""
    return token.strip().rstrip(",;.").strip("()[]（）").strip()


def utc_offset(name: str) -> timedelta | None:
    """The offset of an abbreviation or of a literal ``+09:00``/``UTC+9`` (in parentheses
    or not); None if unknown."""
    upper = zone_name(name).upper()
    if upper in _OFFSETS_HOURS:
        return timedelta(hours=_OFFSETS_HOURS[upper])
    return _literal_offset(upper)


def _literal_offset(text: str) -> timedelta | None:
    for prefix in ("UTC", "GMT"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if not text or text[0] not in "+-":
        return None
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    if not digits.isdigit() or len(digits) not in (1, 2, 4):
        return None
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:2]), int(digits[2:]))
    if hours > 14 or minutes >= 60:
        return None
    return sign * timedelta(hours=hours, minutes=minutes)
