"""Captions: split a photo caption from its credit, and strip photo ids and dates scrapers prepend.

>>> split_caption("5530296 14.06.2018 June 14, 2018. Putin during a meeting. Alexei Druzhinin / Sputnik")
Caption(text='June 14, 2018. Putin during a meeting.', credit='Alexei Druzhinin / Sputnik')
>>> split_caption("Workers at the plant on Monday. (AP Photo/Evan Vucci)")
Caption(text='Workers at the plant on Monday.', credit='AP Photo/Evan Vucci')
>>> split_caption("The harbour at dawn. Photo: Jane Roe")
Caption(text='The harbour at dawn.', credit='Jane Roe')
"""

from __future__ import annotations

import regex

from ..article import Caption

__all__ = ["split_caption", "credit_of", "photo_credit", "PHOTO_PREFIX", "CREDIT_ONLY"]

# "5530296 14.06.2018 " : a numeric photo id and/or a date that galleries put before a caption.
PHOTO_PREFIX = regex.compile(r"^\d{5,}\s+\d{1,2}\.\d{1,2}\.\d{4}\s+|^\d{7,}\s+(?=\p{Lu})")
_CREDIT_WORDS = r"(?:photo(?:graph)?s?|image|picture|credit|foto|bild|quelle|crédits?(?:\s+photos?)?|source|courtesy|illustration|video|imagen|fotografía|crédito)"
_AGENCY = r"(?:getty\s+images|afp|reuters|ap|epa|shutterstock|sputnik|tass|ria\s+novosti|dpa|anadolu|xinhua|istock(?:photo)?|alamy|pa|bloomberg|efe|ansa|zuma|imago|picture\s+alliance)"
# "(AP Photo/Evan Vucci)", "(Photo: X)", "(Reuters)", "(Getty Images)"
_PAREN_CREDIT = regex.compile(
    r"\s*[(\[](?P<credit>(?:[^()\[\]]{0,60}?\b" + _CREDIT_WORDS + r"\b[^()\[\]]{0,60}|" + _AGENCY + r"(?:\s*/\s*[^()\[\]]{1,60})?|[^()\[\]]{1,60}/\s*" + _AGENCY + r"))[)\]]\s*$",
    regex.IGNORECASE,
)
# "Photo: Jane Roe" / "Credit: Reuters" at the end of a caption
_LABEL_CREDIT = regex.compile(r"(?:^|(?<=[.!?…”\"]\s))(?P<label>" + _CREDIT_WORDS + r"(?:\s+by)?)\s*[:|]?\s+(?P<credit>[^.!?]{2,80}?)\s*$", regex.IGNORECASE)
# "Alexei Druzhinin / Sputnik", "John Smith/AP", "Reuters / Jane Roe" after the last sentence
_NAMEISH = r"\p{Lu}[\p{L}'’\-]*\.?(?:\s\p{Lu}[\p{L}'’\-]*\.?){0,4}"
_SLASH_CREDIT = regex.compile(r"(?<=[.!?…”\"]\s)(?P<credit>" + _NAMEISH + r"\s?/\s?" + _NAMEISH + r")\s*$")
# A paragraph that is nothing but a credit: "Photo: AP", "Getty Images", "AP Photo/Evan Vucci".
CREDIT_ONLY = regex.compile(
    r"[(\[]?(?:" + _CREDIT_WORDS + r"(?:\s+by)?\s*[:|]\s*[^.!?]{2,80}|(?:" + _AGENCY + r")(?:\s+photo)?\s*/\s*[\p{L}.'’\- ]{2,60}|getty\s+images|"
    r"[\p{L}.'’\- ]{2,60}/\s*(?:" + _AGENCY + r")|"
    # a stock-photo site's credit line
    r"(?:photo|image)\s+by\s+[\p{L}.'’\- ]{2,60}?\s+on\s+(?:unsplash|pexels|pixabay|flickr))[)\]]?",
    regex.IGNORECASE,
)


def credit_of(text: str) -> tuple[str, str | None]:
    """Split ``text`` into (caption, credit); credit is None when there is none."""
    for pattern in (_PAREN_CREDIT, _LABEL_CREDIT, _SLASH_CREDIT):
        m = pattern.search(text)
        if m and m.start() > 0:
            return text[: m.start()].rstrip(), m.group("credit").strip()
    return text, None


def split_caption(text: str) -> Caption:
    """A caption paragraph as a :class:`Caption` (photo id and date prefix removed, credit split off)."""
    text = PHOTO_PREFIX.sub("", text, count=1).strip()
    body, credit = credit_of(text)
    return Caption(body, credit)


_PHOTO_WORD = regex.compile(r"photo|image|getty|picture|foto|bild|credit|illustration|shutterstock|istock", regex.IGNORECASE)


def photo_credit(text: str) -> str | None:
    """The credit when ``text`` ends with a parenthesised photo credit such as "(AP Photo/Evan Vucci)".

    >>> photo_credit("Fans cheer in Rome. (Photo by Jane Roe/Getty Images)")
    'Photo by Jane Roe/Getty Images'
    >>> photo_credit("Stocks fell, the agency said. (Reuters)") is None
    True
    """
    m = _PAREN_CREDIT.search(text)
    if m and m.start() > 0 and _PHOTO_WORD.search(m.group("credit")):
        return m.group("credit").strip()
    return None
