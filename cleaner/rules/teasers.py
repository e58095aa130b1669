"""Teasers for other articles: blocks of titles, bylines, dates and cut-off summaries.

Four shapes hold them:

* after a related-links heading ("Related Stories", "Most Popular"): the short
  title-shaped paragraphs that follow, up to the first real paragraph;
* at the end of the document: a run of titles, author names, dates and cut-off
  text after the last body paragraph. Only a run that holds at least one date
  line is taken (a teaser block shows its dates; an article that simply ends on
  a short line does not), and its names and dates never become the article's
  authors or date;
* teaser cards at the end of the document: two or more cards in a row, each a
  few short lines (a title with an author name or a date) and one summary
  paragraph, with no body paragraph after them;
* a teaser embedded in the body: a headline printed twice (the image link and
  the title link of the same story), with its section labels and the summary
  printed with it in the same block.
"""

from __future__ import annotations

from typing import Iterator

from ..extract.authors import is_name, parse_byline
from ..extract.dates import date_line
from .base import ContextRule, DocumentView, Finding
from .roles import FURNITURE, INLINE, LIST_HEADING, REPEAT
from .boilerplate import is_prose, is_row
from .shapes import is_title, kind, strip_bullet

_MAX_LIST = 40


def _title_meta(text: str) -> tuple:
    return (("related", strip_bullet(text).strip()),)


def _after_headings(doc: DocumentView) -> Iterator[Finding]:
    paragraphs = doc.paragraphs
    for h, role in list(doc.roles.items()):
        if role != LIST_HEADING:
            continue
        taken = 0
        for j in range(h + 1, len(paragraphs)):
            if j in doc.cut:
                if doc.role(j) == LIST_HEADING:
                    break
                continue
            k = kind(paragraphs[j].text)
            why = {"signal": "list_under_heading", "heading": h, "kind": k}
            if k == "title":
                yield Finding(j, "teasers.related_title", _title_meta(paragraphs[j].text), why)
            elif k in ("name", "date"):
                yield Finding(j, "teasers.byline", (), why)
            elif k == "truncated":
                yield Finding(j, "teasers.truncated", (), why)
            else:
                break
            taken += 1
            if taken >= _MAX_LIST:
                break


def _trailing_block(doc: DocumentView) -> Iterator[Finding]:
    zone: list[tuple[int, str]] = []
    for i in range(len(doc.paragraphs) - 1, -1, -1):
        text = doc.paragraphs[i].text
        if i in doc.cut or not any(ch.isalnum() for ch in text):
            # A decoration line ('• • •', '***') carries no text: it neither ends the block nor joins it,
            # whether or not a later rule cuts it as a repeat.
            continue
        k = kind(text)
        if k == "other":
            break
        zone.append((i, k))
    kinds = [k for _, k in zone]
    if "date" not in kinds or len(zone) == len(doc.live_indices()):
        return
    teaser = "title" in kinds or "truncated" in kinds
    start = zone[-1][0]
    for i, k in reversed(zone):
        why = {"signal": "trailing_block", "block_start": start, "kind": k}
        if k == "title":
            yield Finding(i, "teasers.related_title", _title_meta(doc.paragraphs[i].text), why)
        elif k == "truncated":
            yield Finding(i, "teasers.truncated", (), why)
        else:
            yield Finding(i, "teasers.byline" if teaser else "teasers.trailing_byline", (), why)


HEADING_LIST = ContextRule(
    "teasers.related_title",
    _after_headings,
    "The list of article titles under a related-links heading; titles go to `related`.",
    role=FURNITURE,
    emits=("teasers.related_title", "teasers.byline", "teasers.truncated"),
)
TRAILING = ContextRule(
    "teasers.trailing",
    _trailing_block,
    "A block of teaser titles, bylines, dates and cut-off summaries after the article body; titles go to `related`.",
    role=FURNITURE,
    emits=("teasers.related_title", "teasers.truncated", "teasers.byline", "teasers.trailing_byline"),
)

_MAX_CARD_LINES = 4
_MAX_SUMMARY_WORDS = 120


def _card_kind(text: str) -> str:
    """'P' (prose), 'D' (date), 'N' (name or byline), 'T' (other short line) or 'O' (anything else)."""
    if is_prose(text):
        return "P"
    if date_line(text):
        return "D"
    bare = strip_bullet(text).strip()
    if (is_name(bare, max_words=4) and len(bare) <= 40) or parse_byline(bare):
        return "N"
    return "T" if len(bare.split()) <= 25 else "O"


class _LazyKinds:
    """``_card_kind`` of each text, computed when first asked for; slices give strings of kinds."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.known: dict[int, str] = {}

    def __getitem__(self, key: int | slice) -> str:
        if isinstance(key, slice):
            return "".join(self[k] for k in range(*key.indices(len(self.texts))))
        kind = self.known.get(key)
        if kind is None:
            kind = self.known[key] = _card_kind(self.texts[key])
        return kind


def _cards(doc: DocumentView) -> Iterator[Finding]:
    live = doc.live_indices()
    # A related-links heading opens its list of cards: the walk back does not cross it into what stands above
    # (the end of the article: an embedded post's signature, the author's name, a photo credit).
    heading = max((i for i, role in doc.roles.items() if role == LIST_HEADING), default=-1)
    if heading >= 0:
        live = [i for i in live if i > heading]
    # Kinds are worked out from the end only as far as the walk goes: most documents end after a line or two.
    kinds = _LazyKinds([doc.paragraphs[i].text for i in live])
    # Walk back from the end: trailing short lines, then cards (short lines + one summary).
    k = len(live) - 1
    while k >= 0 and kinds[k] in "TDN":
        k -= 1
    cards: list[tuple[int, int]] = []  # (first, last) positions in `live`
    while k >= 0 and kinds[k] == "P" and len(doc.paragraphs[live[k]].text.split()) <= _MAX_SUMMARY_WORDS:
        start = k - 1
        while start >= 0 and kinds[start] in "TDN" and k - start <= _MAX_CARD_LINES:
            start -= 1
        head = kinds[start + 1 : k]
        if not head and start < 0 and heading >= 0 and live[k] > heading + 1:
            # the first card under the heading, whose title and byline the heading's list has taken
            cards.append((k, k))
            break
        if not head or "T" not in head or not ("D" in head or "N" in head):
            break
        cards.append((start + 1, k))
        k = start
    if len(cards) < 2:
        return
    first = min(a for a, _ in cards)
    why = {"signal": "teaser_cards", "cards": len(cards), "first": live[first]}
    for pos in range(first, len(live)):
        i = live[pos]
        if kinds[pos] == "T" and is_title(doc.paragraphs[i].text):
            yield Finding(i, "teasers.card", _title_meta(doc.paragraphs[i].text), why)
        else:
            yield Finding(i, "teasers.card", (), why)


CARDS = ContextRule(
    "teasers.card",
    _cards,
    "Teaser cards at the end of the document: two or more in a row, each a few short lines (a title with an "
    "author name or a date) and one summary paragraph, with no body paragraph after them; titles go to `related`.",
    examples=("+ Other story title  /  Jane Roe  /  Tuesday November 19, 2019  /  One-paragraph summary.  (twice or more)",),
    role=FURNITURE,
)

_MAX_LABEL_WORDS = 3


def _embedded(doc: DocumentView) -> Iterator[Finding]:
    # The second copy of the headline may already be cut as a repeat; it still marks the teaser.
    live = [i for i in range(len(doc.paragraphs)) if doc.role(i) in (None, REPEAT)]
    texts = [doc.paragraphs[i].text for i in live]
    seen_prose = False
    taken: set[int] = set()
    for pos, text in enumerate(texts):
        if pos in taken:
            continue
        if not seen_prose:
            seen_prose = is_prose(text)
            continue
        twin = next((q for q in (pos + 1, pos + 2) if q < len(texts) and texts[q] == text), None)
        if twin is None or len(text.split()) < 3 or is_prose(text) or not is_title(text, 25):
            continue
        block = doc.paragraphs[live[pos]].block
        if any(doc.paragraphs[live[q]].block != block for q in range(pos, twin + 1)):
            continue
        if twin == pos + 2 and len(texts[pos + 1].split()) > _MAX_LABEL_WORDS:
            continue
        if twin + 1 < len(texts) and is_row(texts[twin + 1]):
            continue  # a table's header row printed twice
        start = pos
        while start - 1 >= 0 and pos - start < 2 and doc.paragraphs[live[start - 1]].block == block \
                and len(texts[start - 1].split()) <= _MAX_LABEL_WORDS and not is_prose(texts[start - 1]):
            start -= 1
        end = twin
        nxt = twin + 1
        if nxt < len(texts) and doc.paragraphs[live[nxt]].block == block and is_prose(texts[nxt]) \
                and len(texts[nxt].split()) <= _MAX_SUMMARY_WORDS:
            end = nxt
        why = {"signal": "headline_twice", "title": live[pos], "twin": live[twin]}
        for q in range(start, end + 1):
            taken.add(q)
            if live[q] not in doc.cut:
                yield Finding(live[q], "teasers.embedded", _title_meta(text) if q == pos else (), why)


EMBEDDED = ContextRule(
    "teasers.embedded",
    _embedded,
    "A teaser for another story inside or after the body: a headline printed twice in one block (image link and "
    "title link), with the section labels and the summary printed with it; the title goes to `related`.",
    examples=("Business  /  Other story title  /  Business  /  Other story title  /  Its one-paragraph summary.",),
    role=INLINE,
)

RULES = (HEADING_LIST, TRAILING, CARDS, EMBEDDED)
