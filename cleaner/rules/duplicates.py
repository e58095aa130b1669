"""Paragraphs repeated verbatim: the first copy stays, later copies are cut."""

from __future__ import annotations

from typing import Iterator

from .base import ContextRule, DocumentView, Finding
from .roles import REPEAT

MIN_WORDS = 5


def _repeats(doc: DocumentView) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    words = doc.word_counts()
    for i, p in doc.live():
        if words[i] < MIN_WORDS:
            continue
        first = seen.get(p.text)
        if first is not None:
            yield Finding(i, "duplicates.repeated_paragraph", (), {"signal": "repeat", "first": first})
        else:
            seen[p.text] = i


REPEATED = ContextRule(
    "duplicates.repeated_paragraph",
    _repeats,
    f"A paragraph of {MIN_WORDS} or more words that already appeared earlier in the document.",
    role=REPEAT,
)

RULES = (REPEATED,)
