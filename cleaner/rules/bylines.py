"""Credit lines inside the body: '(Reporting by X; Editing by Y)' gives X as an author."""

from __future__ import annotations

import regex

from ..extract.authors import reporting_credit
from .base import LineRule


def _credit(m: regex.Match):
    names = reporting_credit(m.group(0))
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
