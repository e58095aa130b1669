"""Authors: bylines ("By A and B", "Posted ... by X", "(Reporting by X; Editing by Y)") and bare name lines.

Names are checked for shape (capitalised words, initials, name particles) so
that "By the way, ..." or "By 2020 the market..." are never read as bylines.
All-capitals names are title-cased ("TOM KRISHER" -> "Tom Krisher"); a role or
organisation after a comma ("Tom Krisher, AP Auto Writer") is dropped.
"""

from __future__ import annotations

import regex

from .dates import DATE

__all__ = ["parse_byline", "is_name", "split_names", "reporting_credit", "agency", "unglue"]

_PARTICLES = frozenset("de da di do dos das du del della der den van von la le bin al el ibn ter ten y e".split())
# One name word: "Paul", "D.", "O'Brien", "Jean-Luc", "McDonald", "ÉMILE".
_NAME_WORD = regex.compile(r"(?:\p{Lu}\.){1,3}|\p{Lu}[\p{Ll}\p{Lu}'’\-]*\.?|\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)+")
_ROLE_WORDS = regex.compile(
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff|press|news|associated|reuters|"
    r"bloomberg|afp|agency|service|desk|times|post|journal|media|network|bureau|team|analysis|"
    r"redakteur|redaktion|korrespondent|rédaction|correspondant|redacción|corresponsal|"
    r"photographer|producer|director|author|senior|chief|contributing|special|national|international|"
    r"minister|ministre|ministro|ministerin|president|präsident(?:in)?|président(?:e)?|presidente|secretary|"
    r"chairman|chairwoman|spokesman|spokeswoman|spokesperson|sprecher(?:in)?|governor|mayor|bürgermeister(?:in)?|"
    r"maire|alcalde|senator|sénateur|senador)\b",
    regex.IGNORECASE,
)
_BYLINE = regex.compile(
    r"(?:(?:posted|written|published|reported|story|text|words|compiled|ein\s+(?:artikel|beitrag)|escrito|publicado|"
    r"un\s+article|un\s+artículo|un\s+articolo|scritto)\b.{0,40}?\b)?"
    r"(?:by|von|par|por|di|door|av|durch|escribe|a\s+cura\s+di)\s*:?\s+(?P<names>.+)",
    regex.IGNORECASE,
)
_AUTHOR_LABEL = regex.compile(r"(?:authors?|autor(?:in|en|ka)?|auteur|autore|writer|автор|авторы)\s*:\s*(?P<names>.+)", regex.IGNORECASE)
_REPORTING = regex.compile(
    r"\(?\s*(?:additional\s+)?reporting\s+by\s+(?P<names>[^;)]+?)(?:\s*(?:;|\)|$|\s+in\s+\p{Lu}).*)?",
    regex.IGNORECASE,
)
_HANDLE = regex.compile(r"\s*\(?@\w{1,30}\)?")
_STAMP_LABEL = regex.compile(r"\s+(?:last\s+)?(?:updated|posted|published|modified)\s*:?\s*$", regex.IGNORECASE)
_DOMAIN = regex.compile(r"\w\.(?:com|org|net|info|co\.uk|uk|de|at|ch|fr|es|it|pt|pl|nl|ru|io)$", regex.IGNORECASE)
_BEFORE_DATE = regex.compile(r"\s+(?:on|at|am|um|le|el|il|em|op|du|del)\s*$", regex.IGNORECASE)
# The section or place after the name: 'Escribe Jane Roe en Territorio', 'Posted by Jane Roe in Politics'.
_IN_SECTION = regex.compile(r"(?<=\p{L})\s+(?:in|en|em|im|dans|nel|nella)\s+\p{Lu}[\p{L}&-]*(?:\s+(?:&|y|and|und|et|e)?\s*\p{Lu}[\p{L}-]*){0,2}$")
_SPLIT = regex.compile(r"\s*(?:,\s*(?:and|und|et|y|e)\s+|,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")


def is_name(text: str, max_words: int = 5) -> bool:
    """True when ``text`` has the shape of a person's name.

    >>> is_name("Paul D. Shinkman"), is_name("Vladimir Frolov"), is_name("Ludwig van Beethoven")
    (True, True, True)
    >>> is_name("Japan out, Russia in"), is_name("Comments are closed."), is_name("Paris")
    (False, False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= max_words:
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    if words[-1].endswith(".") and not regex.fullmatch(r"(?:\p{Lu}\.)+|Jr\.|Sr\.", words[-1]):
        return False
    capitalised = 0
    for w in words:
        if w.lower() in _PARTICLES:
            continue
        if not _NAME_WORD.fullmatch(w):
            return False
        capitalised += 1
    return capitalised >= 2


def _tidy(name: str) -> str:
    name = name.strip(" .,;:-–—|·•")
    if name.isupper() and any(c.isalpha() for c in name):
        name = " ".join(w if regex.fullmatch(r"(?:\p{Lu}\.)+", w) else w.capitalize() for w in name.split())
    return name


def split_names(text: str) -> list[str] | None:
    """Split "A, B and C" into names; None when any part is not a name.

    >>> split_names("Meg Kinnard and Errin Haines")
    ['Meg Kinnard', 'Errin Haines']
    >>> split_names("TOM KRISHER, AP Auto Writer")
    ['Tom Krisher']
    >>> split_names("the way, the market") is None
    True
    """
    text = DATE.split(text)[0] if DATE.search(text) else text
    text = unglue(text)
    text = regex.split(r"\s*[|·•]\s*|\s+[-–—]\s+", text)[0]
    # A social handle after the name ('Jane Roe@janeroe', 'Jane Roe (@janeroe)') and a time-stamp label
    # left in front of the date ('Jane Roe Updated Nov 13, 2019') are not part of it.
    text = _HANDLE.sub("", text)
    text = _STAMP_LABEL.sub("", text)
    text = _BEFORE_DATE.sub("", text)  # 'By Jane Roe On 12. Dezember 2022': the word that led to the date
    text = _IN_SECTION.sub("", text)  # 'Por Jane Roe en Territorio', 'By Jane Roe in Politics': the section
    parts = [p for p in _SPLIT.split(text.strip(" .")) if p]
    names: list[str] = []
    for i, part in enumerate(parts):
        part = _tidy(part)
        if i > 0 and (_ROLE_WORDS.search(part) or _DOMAIN.search(part)):
            break  # "Tom Krisher, AP Auto Writer", "Bob Yirka, Phys.org": the rest is a role or an organisation
        if not is_name(part):
            return None
        names.append(part)
    return names or None


def parse_byline(text: str) -> list[str] | None:
    """Author names from a byline paragraph, or None when it is not one.

    >>> parse_byline("By Vladimir Frolov")
    ['Vladimir Frolov']
    >>> parse_byline("By MEG KINNARD and ERRIN HAINES, Associated Press")
    ['Meg Kinnard', 'Errin Haines']
    >>> parse_byline("Posted on June 8, 2018 by Anna Smith")
    ['Anna Smith']
    >>> parse_byline("Von Anna Müller und Jan Schmidt")
    ['Anna Müller', 'Jan Schmidt']
    >>> parse_byline("By the end of 2020 the market had grown.") is None
    True
    """
    if len(text) > 160:
        return None
    m = _BYLINE.fullmatch(text.strip()) or _AUTHOR_LABEL.fullmatch(text.strip())
    if m is None:
        return None
    return split_names(m.group("names"))


def reporting_credit(text: str) -> list[str] | None:
    """Reporters from a wire-story credit line; editors are not authors.

    >>> reporting_credit("(Reporting by Rodrigo Campos; Editing by Dan Grebler)")
    ['Rodrigo Campos']
    >>> reporting_credit("Reporting by Jane Doe and John Roe in London; editing by Ann Lee")
    ['Jane Doe', 'John Roe']
    """
    if len(text) > 300:
        return None
    m = _REPORTING.fullmatch(text.strip())
    if m is None:
        return None
    return split_names(m.group("names"))


# News agencies that sign stories: a byline may be one of these instead of a person.
_AGENCIES = {
    a.casefold(): a
    for a in (
        "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "dpa", "Bloomberg", "EFE", "ANSA",
        "Xinhua", "TASS", "RIA Novosti", "Interfax", "PA", "Press Association", "UPI", "Kyodo", "Yonhap", "APA",
        "KNA", "epd", "SDA", "Keystone-SDA", "Belga", "ANP", "PAP", "Europa Press", "Lusa", "Agência Brasil",
        "CNN Wire", "Staff Reports", "dpa-AFX",
    )
}
_GLUED_ROLE = regex.compile(
    # 'By Meg JamesStaff Writer', 'Marcus De GuzmanView More Articles': a role or a link label glued to the name
    r"(?<=\p{Ll})(?=(?:Staff|Senior|Business|Contributing|Special|Chief|Political|National|Sports|Associate|"
    r"Managing|Editor|Writer|Reporter|Columnist|Correspondent|View|More|Follow|Read|Published|Updated|Posted)\b)"
)


def agency(text: str) -> str | None:
    """The agency's name when ``text`` is one ('REUTERS', 'Associated Press', '(AFP)'), else None.

    >>> agency("REUTERS"), agency("(AFP)"), agency("Jane Roe")
    ('Reuters', 'AFP', None)
    """
    return _AGENCIES.get(text.strip(" ()[]-–—|·•,.:").casefold())


def unglue(text: str) -> str:
    """Put back the space a scrape lost between a name and the role or link label after it.

    The two are set apart with ' | ', as a site prints a name and its role side by side.

    >>> unglue("By Meg JamesStaff Writer")
    'By Meg James | Staff Writer'
    """
    return _GLUED_ROLE.sub(" | ", text)
