"""Paragraphs repeated verbatim: the first copy stays, later copies are cut."""

from __future__ import annotations

from typing import Iterator

from .base import ContextRule, DocumentView, Finding

MIN_WORDS = 5


def _repeats(doc: DocumentView) -> Iterator[Finding]:
    seen: set[str] = set()
    words = doc.word_counts()
    for i, p in doc.live():
        if words[i] < MIN_WORDS:
            continue
        if p.text in seen:
            yield Finding(i, "duplicates.repeated_paragraph")
        else:
            seen.add(p.text)


REPEATED = ContextRule(
    "duplicates.repeated_paragraph",
    _repeats,
    f"A paragraph of {MIN_WORDS} or more words that already appeared earlier in the document.",
)

RULES = (REPEATED,)
