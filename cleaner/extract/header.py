"""The article header: title, subtitle (dek), byline and date at the top of the document.

The header is taken only when it is confirmed: a title-shaped first paragraph
counts as the title when a byline, an author name or a date line follows it
within a few paragraphs. A sentence between the title and the byline is the
subtitle. Header paragraphs are cut (rules ``header.title``, ``header.subtitle``,
``header.byline``, ``header.date``) and their values recorded. A document whose
top holds no byline or date gives no title from here (null beats a guess).
"""

from __future__ import annotations

from ..rules.base import DocumentView, Finding, ContextRule
from ..rules.shapes import is_title
from .authors import is_name, parse_byline, split_names
from .dates import date_line, parse_date

__all__ = ["HEADER", "find_header"]

_LOOK = 6  # paragraphs after the title in which a byline or date must appear
_MAX_TITLE_WORDS = 30
_MAX_SUBTITLE_WORDS = 60


def _byline_and_date(text: str) -> tuple[list[str] | None, str | None]:
    """Authors and date from a paragraph such as 'By A | June 8, 2018' or 'Anna Roe, 5 November 2020'."""
    names = parse_byline(text)
    if names:
        return names, parse_date(text)
    if len(text) <= 120 and parse_date(text):
        for sep in ("|", "·", "•", " - ", " – ", " — ", ","):
            if sep in text:
                head, _, tail = text.partition(sep)
                if date_line(tail.strip()) and (names := split_names(head.strip())):
                    return names, date_line(tail.strip())
    return None, None


def find_header(doc: DocumentView) -> list[Finding]:
    live = doc.live_indices()[: _LOOK + 4]
    if not live:
        return []
    texts = [doc.paragraphs[i].text for i in live]
    title_parts: list[int] = []
    if is_title(texts[0], _MAX_TITLE_WORDS) and not parse_byline(texts[0]) and not date_line(texts[0]):
        title_parts = [0]
        if (
            len(texts) > 1
            and doc.paragraphs[live[1]].block == doc.paragraphs[live[0]].block
            and is_title(texts[1], _MAX_TITLE_WORDS)
            and not is_name(texts[1])
            and not date_line(texts[1])
            and len((texts[0] + " " + texts[1]).split()) <= _MAX_TITLE_WORDS
        ):
            title_parts = [0, 1]
    found: list[Finding] = []
    subtitle: int | None = None
    k = len(title_parts)
    while k < len(texts) and k < len(title_parts) + _LOOK:
        text = texts[k]
        names, published = _byline_and_date(text)
        if names:
            meta = [("authors", tuple(names))]
            if published:
                meta.append(("published", published))
            found.append(Finding(live[k], "header.byline", tuple(meta)))
        elif (iso := date_line(text)) is not None:
            found.append(Finding(live[k], "header.date", (("published", iso),)))
        elif is_name(text, max_words=4) and (found or (title_parts and k == len(title_parts) + (subtitle is not None))):
            found.append(Finding(live[k], "header.byline", (("authors", (text,)),)))
        elif title_parts and subtitle is None and not found and len(text.split()) <= _MAX_SUBTITLE_WORDS:
            subtitle = k
        else:
            break
        k += 1
    if not found:
        return []
    out: list[Finding] = []
    if title_parts:
        title = " ".join(texts[t] for t in title_parts)
        out.append(Finding(live[title_parts[0]], "header.title", (("title", title),)))
        out.extend(Finding(live[t], "header.title") for t in title_parts[1:])
    if subtitle is not None:
        out.append(Finding(live[subtitle], "header.subtitle", (("subtitle", texts[subtitle]),)))
    out.extend(found)
    return out


HEADER = ContextRule(
    "header",
    find_header,
    "The title, subtitle, byline and date at the top of the document, taken only when a byline, name or date "
    "confirms them. Rule names: header.title, header.subtitle, header.byline, header.date.",
)
