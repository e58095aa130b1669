"""Teasers for other articles: blocks of titles, bylines, dates and cut-off summaries.

Two places hold them:

* after a related-links heading ("Related Stories", "Most Popular"): the short
  title-shaped paragraphs that follow, up to the first real paragraph;
* at the end of the document: a run of titles, author names, dates and cut-off
  text after the last body paragraph. Only a run that holds at least one date
  line is taken (a teaser block shows its dates; an article that simply ends on
  a short line does not), and its names and dates never become the article's
  authors or date.
"""

from __future__ import annotations

from typing import Iterator

from .base import ContextRule, DocumentView, Finding
from .shapes import kind, strip_bullet

_MAX_LIST = 40


def _title_meta(text: str) -> tuple:
    return (("related", strip_bullet(text).strip()),)


def _after_headings(doc: DocumentView) -> Iterator[Finding]:
    paragraphs = doc.paragraphs
    for h, rule in list(doc.cut.items()):
        if rule != "related.heading":
            continue
        taken = 0
        for j in range(h + 1, len(paragraphs)):
            if j in doc.cut:
                if doc.cut[j] == "related.heading":
                    break
                continue
            k = kind(paragraphs[j].text)
            if k == "title":
                yield Finding(j, "teasers.related_title", _title_meta(paragraphs[j].text))
            elif k in ("name", "date"):
                yield Finding(j, "teasers.byline")
            elif k == "truncated":
                yield Finding(j, "teasers.truncated")
            else:
                break
            taken += 1
            if taken >= _MAX_LIST:
                break


def _trailing_block(doc: DocumentView) -> Iterator[Finding]:
    zone: list[tuple[int, str]] = []
    for i in range(len(doc.paragraphs) - 1, -1, -1):
        if i in doc.cut:
            continue
        k = kind(doc.paragraphs[i].text)
        if k == "other":
            break
        zone.append((i, k))
    kinds = [k for _, k in zone]
    if "date" not in kinds or len(zone) == len(doc.live_indices()):
        return
    teaser = "title" in kinds or "truncated" in kinds
    for i, k in reversed(zone):
        if k == "title":
            yield Finding(i, "teasers.related_title", _title_meta(doc.paragraphs[i].text))
        elif k == "truncated":
            yield Finding(i, "teasers.truncated")
        else:
            yield Finding(i, "teasers.byline" if teaser else "teasers.trailing_byline")


HEADING_LIST = ContextRule(
    "teasers.related_title",
    _after_headings,
    "The list of article titles under a related-links heading; titles go to `related`.",
)
TRAILING = ContextRule(
    "teasers.trailing",
    _trailing_block,
    "A block of teaser titles, bylines, dates and cut-off summaries after the article body; titles go to `related`.",
)

RULES = (HEADING_LIST, TRAILING)
