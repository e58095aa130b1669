"""Counts: "1,204" -> 1204, "1.2K" -> 1200, "12K" -> 12000, "3M" -> 3000000."""

from __future__ import annotations

import regex

__all__ = ["parse_count", "COUNT"]

# A count as sites print it: digits with thousands separators, or a short form with a K/M/B suffix.
COUNT = r"(?:\d{1,3}(?:[,.\u202f ]\d{3})+|\d+(?:[.,]\d+)?\s?[KkMmBb]|\d+)"
_SUFFIX = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}


def parse_count(text: str) -> int | None:
    """The integer a printed count stands for, or None.

    >>> parse_count("1,204"), parse_count("12K"), parse_count("1.2K"), parse_count("274")
    (1204, 12000, 1200, 274)
    >>> parse_count("2,5M"), parse_count("1.204")
    (2500000, 1204)
    >>> parse_count("many") is None
    True
    """
    s = text.strip().replace("\u202f", "").replace(" ", "")
    m = regex.fullmatch(r"(\d+(?:[.,]\d+)?)([KkMmBb])", s)
    if m:
        return int(round(float(m.group(1).replace(",", ".")) * _SUFFIX[m.group(2).lower()]))
    if regex.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", s):
        return int(s.replace(",", "").replace(".", ""))
    if s.isdigit():
        return int(s)
    return None
