"""The debris rules, one module per family, and the default order they run in.

=============  ==============================================================
module         what it cuts
=============  ==============================================================
captions       photo captions (repeated, with a photo id, or credited), credit lines
counters       view, comment and share counts
comments       comment-section footers and prompts
social         share/like/follow widgets, newsletter prompts
related        'Related article: ...' lines, related-links headings
labels         'Category: ...', 'Domain: ...', 'Tags: ...' label lines
footers        advertisement markers, 'Continue reading', copyright lines
bylines        wire credit lines ('(Reporting by ...)')
teasers        teaser blocks (titles, bylines, dates, cut-off text) of other articles
duplicates     paragraphs repeated verbatim
=============  ==============================================================

The header (title, subtitle, byline, date) is found by :mod:`cleaner.extract.header`
and runs between the line rules and the teaser rules.
"""

from __future__ import annotations

from . import bylines, captions, comments, counters, duplicates, footers, labels, related, social, teasers
from .base import ContextRule, DocumentView, Finding, LineRule, Rule

__all__ = ["ContextRule", "DocumentView", "Finding", "LineRule", "Rule", "FAMILIES", "BEFORE_HEADER", "AFTER_HEADER", "all_rules"]

FAMILIES = {
    "captions": captions.RULES,
    "counters": counters.RULES,
    "comments": comments.RULES,
    "social": social.RULES,
    "related": related.RULES,
    "labels": labels.RULES,
    "footers": footers.RULES,
    "bylines": bylines.RULES,
    "teasers": teasers.RULES,
    "duplicates": duplicates.RULES,
}

# Rules that judge a paragraph on its own run first; the header is read once they
# have cleared captions and counters from the top; teaser blocks and repeats need
# everything else decided.
BEFORE_HEADER: tuple[Rule, ...] = (
    *captions.RULES, *counters.RULES, *comments.RULES, *social.RULES,
    *related.RULES, *labels.RULES, *footers.RULES, *bylines.RULES,
)
AFTER_HEADER: tuple[Rule, ...] = (*teasers.RULES, *duplicates.RULES)


def all_rules() -> tuple[Rule, ...]:
    return BEFORE_HEADER + AFTER_HEADER
