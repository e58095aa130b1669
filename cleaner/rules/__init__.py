"""The debris rules, one module per family, and the default order they run in.

=============  =====================================================================================================
module         what it cuts
=============  =====================================================================================================
captions       photo captions (repeated, with a photo id, or credited), credit lines, 'Credit: X' captions
counters       view, comment and share counts
navigation     skip links, menu and account buttons, breadcrumbs, pagers, cookie notices
comments       comment-section headings, prompts, form fields and the thread
social         share/like/follow widgets, newsletter prompts
related        'Related article: ...' lines, related-links headings
labels         'Category: ...', 'Domain: ...', 'Tags: ...' label lines, published/updated stamps
footers        advertisement markers, 'Continue reading', copyright lines
bylines        wire credit lines ('(Reporting by ...)'), author boxes after the article
teasers        teaser blocks (titles, bylines, dates, cut-off text) of other articles
duplicates     paragraphs repeated verbatim
boilerplate    repeated widget lines, what follows an end-of-article marker, the furniture before and after the body
=============  =====================================================================================================

The header (title, subtitle, byline, date) is found by :mod:`cleaner.extract.header`
and runs between the line rules and the teaser rules.
"""

from __future__ import annotations

from typing import Iterable

from . import boilerplate, bylines, captions, comments, counters, duplicates, footers, labels, navigation, related, social, teasers
from .base import ContextRule, DocumentView, Finding, LineRule, Rule, family_of

__all__ = ["ContextRule", "DocumentView", "Finding", "LineRule", "Rule", "FAMILIES", "BEFORE_HEADER", "AFTER_HEADER",
           "LINE", "CONTEXT", "TEASERS", "ZONES", "AFTER_ZONES",
           "all_rules", "declared_names", "known_names", "check_names"]

FAMILIES = {
    "captions": captions.RULES,
    "counters": counters.RULES,
    "navigation": navigation.RULES,
    "comments": comments.RULES + comments.AFTER_HEADER_RULES + comments.AFTER_ZONES_RULES,
    "social": social.RULES,
    "related": related.RULES + related.AFTER_ZONES_RULES,
    "labels": labels.RULES + labels.AFTER_ZONES_RULES,
    "footers": footers.RULES,
    "bylines": bylines.RULES + bylines.AFTER_HEADER_RULES,
    "teasers": teasers.RULES,
    "duplicates": duplicates.RULES,
    "boilerplate": boilerplate.RULES,
}

# The stages of the default pipeline (cleaner.pipeline runs the header between LINE and CONTEXT). Each
# stage's rules read the same view of the document and of the decisions of the stages before; its
# findings are applied once the whole stage has run (a paragraph two rules of one stage find goes to
# the one listed first).
#
# LINE: rules that judge a paragraph on its own (and the captions, found by their copies and credits):
# order-free. The header is read once they have cleared captions and counters from the top.
LINE: tuple[Rule, ...] = (
    *captions.RULES, *counters.RULES, *navigation.RULES, *comments.RULES, *social.RULES,
    *related.RULES, *labels.RULES, *footers.RULES, *bylines.RULES,
)
# CONTEXT: a comment thread below its heading, author boxes and repeats, from what LINE and the header left.
# Repeats go before the teaser rules: a trailing teaser block is only seen as trailing once a repeated
# paragraph after it is cut (else a second run would find it).
CONTEXT: tuple[Rule, ...] = (*comments.AFTER_HEADER_RULES, *bylines.AFTER_HEADER_RULES, *duplicates.RULES)
# TEASERS: teaser lists and cards of other articles; ZONES: the page furniture around the body, decided
# once every narrower rule has named what it knows.
TEASERS: tuple[Rule, ...] = teasers.RULES
ZONES: tuple[Rule, ...] = boilerplate.RULES
# AFTER_ZONES: lines that stand inside a body (a 'read also' label, a published or updated stamp) are cut
# once the body is decided: they are no evidence of furniture around it.
AFTER_ZONES: tuple[Rule, ...] = (*related.AFTER_ZONES_RULES, *labels.AFTER_ZONES_RULES, *comments.AFTER_ZONES_RULES)

# The rules before and after the header, in the order they run.
BEFORE_HEADER: tuple[Rule, ...] = LINE
AFTER_HEADER: tuple[Rule, ...] = (*CONTEXT, *TEASERS, *ZONES, *AFTER_ZONES)


def all_rules() -> tuple[Rule, ...]:
    return BEFORE_HEADER + AFTER_HEADER


def declared_names(rules: Iterable[Rule]) -> dict[str, list[str]]:
    """The names ``rules`` declare, by family, in the order they run: each rule's own name (which
    switches the rule off) and every name its cuts may carry.

    >>> declared_names(captions.RULES)["captions"][:4]
    ['captions.duplicated', 'captions.photo_id', 'captions.credited', 'captions.credit_line']
    """
    out: dict[str, list[str]] = {}
    for rule in rules:
        names = out.setdefault(family_of(rule.name), [])
        for name in (rule.name, *rule.emits):
            if name not in names and name != family_of(name):
                names.append(name)
    return out


def known_names(rules: Iterable[Rule]) -> set[str]:
    """The names ``rules`` declare and their families: every name ``disable`` accepts.

    >>> {"social", "social.share"} <= known_names(social.RULES)
    True
    """
    declared = declared_names(rules)
    return set(declared) | {n for family in declared.values() for n in family}


def check_names(names: Iterable[str], rules: Iterable[Rule]) -> None:
    """Raise :class:`cleaner.config.UnknownRuleName` for any of ``names`` that is neither a family nor
    a name that ``rules`` declare.

    >>> check_names(("social", "counters.views"), all_rules())
    >>> check_names(("counters.view",), all_rules())
    Traceback (most recent call last):
    ...
    cleaner.config.UnknownRuleName: unknown rule or family name 'counters.view'; did you mean counters.views, ...
    """
    from ..config import UnknownRuleName

    names = tuple(names)
    if not names:
        return
    known = known_names(rules)
    unknown = tuple(n for n in names if n not in known)
    if unknown:
        import difflib

        close = tuple(dict.fromkeys(c for n in unknown for c in difflib.get_close_matches(n, sorted(known), n=3)))
        raise UnknownRuleName(unknown, close)
