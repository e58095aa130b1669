"""Credit lines inside the body ('(Reporting by X; Editing by Y)' gives X as an author) and author boxes after it."""

from __future__ import annotations

from typing import Iterator

import regex

from ..extract.authors import is_name, reporting_credit
from .base import ContextRule, DocumentView, Finding, LineRule


def _credit(m: regex.Match):
    names = reporting_credit(m.group(0))
    if names and regex.match(r"\W*additional\b", m.group(0), regex.IGNORECASE):
        return {}  # 'Additional reporting by X': a contributor beside the byline, not an author
    return {"authors": tuple(names)} if names else None


REPORTING_CREDIT = LineRule(
    "bylines.reporting_credit",
    regex.compile(r"\(?\s*(?:additional\s+)?reporting\s+by\s+[^()]{3,250}\)?\s*", regex.IGNORECASE),
    "A wire-story credit line, '(Reporting by X; Editing by Y)': the reporters go to `authors`.",
    _credit,
    needles=("reporting by",),
    max_len=300,
    examples=("(Reporting by Rodrigo Campos; Editing by Dan Grebler)",),
    counterexamples=("Reporting by the paper showed the mayor had lied about the contract.",),
)

RULES = (REPORTING_CREDIT,)


_BIO_HEADING = regex.compile(
    r"(?:about|über|sobre|à\s+propos\s+de)\s+(?:the\s+author|(?:o|a)\s+autora?|l['’]auteur|den\s+autor|die\s+autorin|"
    r"\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*:?",
)
_BIO_VERB = regex.compile(
    r"^(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})(?:\s*\(@\w+\))?\s+"
    r"(?:is\s+(?:a|an|the|[\p{L}'’]+['’]s)\b|joined\b|has\s+been\b|was\s+a\b|writes\b|covers\b|reports\s+on\b|"
    r"ist\b|arbeitet\b|é\b|es\b|est\b)"
)
_BIO_ROLE = regex.compile(
    r"\b(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|author|curator|blogger|producer|"
    r"educator|photographer|critic|analyst|redakteur(?:in)?|journalist(?:in)?|autor(?:in)?|manager(?:in)?|jornalista|"
    r"periodista|giornalista|rédacteur|reporting|writing|covering)\b",
    regex.IGNORECASE,
)
_MAX_BIO_WORDS = 80
_BIO_LOOKBACK = 3
# The bio stands after the article: at least this share of the document's prose lies above it.
_BIO_POSITION = 0.75


def _bios(doc: DocumentView) -> Iterator[Finding]:
    live = doc.live_indices()
    texts = [doc.paragraphs[i].text for i in live]
    counts = doc.word_counts()
    words = [counts[i] for i in live]
    sizes = [n if n >= 8 else 0 for n in words]
    total = sum(sizes) or 1
    above = 0
    for pos, text in enumerate(texts):
        above += sizes[pos]
        # The cheap tests first: most paragraphs stand too high in the document to be the bio.
        if words[pos] > _MAX_BIO_WORDS or (above - sizes[pos]) < _BIO_POSITION * total:
            continue
        m = _BIO_VERB.match(text)
        if m is None or not _BIO_ROLE.search(text):
            continue
        first_name = m.group("name").split()[0]
        box = []
        for back in range(pos - 1, max(-1, pos - 1 - _BIO_LOOKBACK), -1):
            line = texts[back]
            if _BIO_HEADING.fullmatch(line) or (is_name(line) and first_name in line.split()):
                box.append(back)
        if not box:
            continue
        why = {"signal": "author_box", "heading": live[min(box)], "bio": live[pos]}
        for q in sorted(box) + [pos]:
            yield Finding(live[q], "bylines.author_bio", (), why)


AUTHOR_BIO = ContextRule(
    "bylines.author_bio",
    _bios,
    "An author box after the article: the author's name (or an 'About the author' heading) and a short bio "
    "that starts with the name and gives a writing role ('Jane Roe is a reporter who covers ...').",
    examples=("Jane Roe  /  Jane Roe is a staff writer covering energy markets. She joined in 2017.",),
)

AFTER_HEADER_RULES = (AUTHOR_BIO,)
