"""Counts: "1,204" -> 1204, "1.2K" -> 1200, "12K" -> 12000, "3M" -> 3000000."""

from __future__ import annotations

import regex

__all__ = ["parse_count", "COUNT", "MAX_COUNT"]

# A count as sites print it: digits with thousands separators, or a short form with a K/M/B suffix.
COUNT = r"(?:\d{1,3}(?:[,.\u202f ]\d{3})+|\d+(?:[.,]\d+)?\s?[KkMmBb]|\d+)"
_SUFFIX = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
# The largest count a record holds: counts are int64 in Parquet and Arrow; a larger printed number is no count.
MAX_COUNT = 2**63 - 1


def parse_count(text: str) -> int | None:
    """The integer a printed count stands for, or None (also for a number beyond :data:`MAX_COUNT`).

    >>> parse_count("1,204"), parse_count("12K"), parse_count("1.2K"), parse_count("274")
    (1204, 12000, 1200, 274)
    >>> parse_count("2,5M"), parse_count("1.204")
    (2500000, 1204)
    >>> parse_count("many") is None, parse_count("9223372036854775808") is None
    (True, True)
    """
    s = text.strip().replace("\u202f", "").replace(" ", "")
    if len(s) > 40:  # no count is printed with more digits than int64 holds (19) plus separators
        return None
    m = regex.fullmatch(r"(\d+(?:[.,]\d+)?)([KkMmBb])", s)
    if m:
        n = float(m.group(1).replace(",", ".")) * _SUFFIX[m.group(2).lower()]
        return int(round(n)) if n <= MAX_COUNT else None
    if regex.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", s):
        n = int(s.replace(",", "").replace(".", ""))
    elif s.isdecimal():
        n = int(s)
    else:
        return None
    return n if n <= MAX_COUNT else None
