"""Small text helpers shared by the stages: word counting and sentence-shape tests."""

from __future__ import annotations

import regex

WORD = regex.compile(r"\w+")
# A line that ends like a sentence: terminal punctuation, optionally followed by closing quotes/brackets.
SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*$")


def count_words(text: str) -> int:
    """Number of ``\\w+`` tokens (the unit the benchmarks count in)."""
    return sum(1 for _ in WORD.finditer(text))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (``.``, ``?``, ``!``, ``…``), quotes allowed after it."""
    return bool(SENTENCE_END.search(text.rstrip()))
