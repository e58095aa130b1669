"""Shapes of short paragraphs that teaser blocks are made of: titles, names, dates, cut-off text."""

from __future__ import annotations

import regex

from ..extract.authors import is_name
from ..extract.dates import date_line
from ..text import ends_sentence

_BULLET = regex.compile(r"^(?:[*•·▪►»>+-]|\d{1,2}[.)])\s+")
_CUT_OFF = regex.compile(r"[\p{L}\p{N},;:–—-]$|\.\.\.$|…$")
_TITLE_START = regex.compile(r"[\p{Lu}\p{N}\"“‘'«»„‚‹›¿¡(\[]|\p{Lo}")


def strip_bullet(text: str) -> str:
    """'* Some title' -> 'Some title'."""
    return _BULLET.sub("", text, count=1)


def is_title(text: str, max_words: int = 20) -> bool:
    """A headline-shaped paragraph: short, starts with a capital, digit or quote, no full stop at the end.

    >>> is_title("What Did Trump's Europe Trip Actually Do?")
    True
    >>> is_title("He said the talks would resume."), is_title("and then")
    (False, False)
    """
    text = strip_bullet(text).strip()
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    if not _TITLE_START.match(text):
        return False
    if text.endswith((".", ",", ":", ";")) and not text.endswith("..."):
        return False
    return True


def is_truncated(text: str, min_words: int = 8) -> bool:
    """A teaser cut off mid-sentence: several words and no sentence end ('... by the news o').

    >>> is_truncated("The Bulletin of the Atomic Scientists waits until each January to update its clock, or the news o")
    True
    >>> is_truncated("The talks ended without a deal.")
    False
    """
    text = text.strip()
    if len(text.split()) < min_words:
        return False
    if text.endswith(("...", "…")):
        return True
    # Every alternative of _CUT_OFF is anchored at the end, and the '...' ones are handled above.
    return not ends_sentence(text) and _CUT_OFF.search(text[-1:]) is not None


def kind(text: str) -> str:
    """'date', 'name', 'title', 'truncated' or 'other' for one paragraph of a possible teaser block."""
    if date_line(text):
        return "date"
    bare = strip_bullet(text)
    if len(bare.split()) > 21:
        # Too long for a name (4 words) or a title (20 words, after another bullet at most).
        return "truncated" if is_truncated(bare) else "other"
    if is_name(bare, max_words=4) and len(bare) <= 40:
        return "name"
    if is_truncated(bare):
        return "truncated"
    if is_title(bare):
        return "title"
    return "other"
