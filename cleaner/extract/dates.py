"""Dates: find a publication date in a header or byline line and give it as ISO ``YYYY-MM-DD``.

Patterns are explicit rather than fuzzy: a general date parser happily reads
"June 9-10" or a photo id as a date, and a wrong date is worse than none.
Month names are known in English, German, French, Spanish, Italian,
Portuguese, Dutch, Polish, Russian and Ukrainian. An all-numeric date whose day and month could be swapped
(``03/04/2019``) is ambiguous and gives None; ``14.06.2018`` (dotted, the
European order) and ``2019-07-22`` (ISO) are not ambiguous.
"""

from __future__ import annotations

import datetime as _dt

import regex

__all__ = ["parse_date", "date_line", "DATE"]

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Polish (the genitive, as in "12 listopada 2019")
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
    "sierpnia": 8, "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    # Russian (the genitive, as in "12 ноября 2019", and the nominative)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8,
    "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    # Ukrainian (the genitive)
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
    "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}
_MONTH = r"(?P<{name}>" + "|".join(sorted((regex.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"

_PATTERNS = [
    # June 08, 2018 / Nov. 19, 2019 / June 8 2018
    _MONTH.format(name="m1") + r"\s+" + _DAY.format(name="d1") + r",?\s+" + _YEAR.format(name="y1"),
    # 5 November 2020 / 10 October, 2018 / 5. November 2020 / 5 de noviembre de 2020 / 1er mars 2019
    _DAY.format(name="d2") + r"\s+(?:de\s+)?" + _MONTH.format(name="m2") + r",?\s+(?:de\s+|del\s+)?" + _YEAR.format(name="y2"),
    # 2019-07-22 (optionally with a time)
    _YEAR.format(name="y3") + r"-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)",
    # 14.06.2018 (day first, the dotted European order)
    r"(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>(?:19|20)\d\d)",
    # 06/14/2018 or 14/06/2018: only when the order is unambiguous
    r"(?P<a5>[0-3]?\d)/(?P<b5>[0-3]?\d)/(?P<y5>(?:19|20)\d\d)",
    # 2019/07/22
    _YEAR.format(name="y6") + r"/(?P<m6>[01]?\d)/(?P<d6>[0-3]?\d)",
]
DATE = regex.compile(r"(?<![\w.])(?:" + "|".join(_PATTERNS) + r")(?!(?!T\d)\w)", regex.IGNORECASE)

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
_TIME = r"(?:(?:at\s+|um\s+|à\s+|a\s+las\s+)?[0-2]?\d[:.h][0-5]\d(?::[0-5]\d)?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d\d:?\d\d|Uhr))?)"
_LEAD = r"(?:(?:published|posted|updated|last\s+updated|modified|date|dated|veröffentlicht|aktualisiert|publié\s+le|publié|mis\s+à\s+jour\s+le|mis\s+à\s+jour|publicado|actualizado|on)\s*:?\s*(?:on\s+)?)"
# A paragraph that is nothing but a date (plus weekday, time, a label such as "Published:").
_DATE_LINE = regex.compile(
    r"(?:" + _LEAD + r")?(?:(?:" + _WEEKDAY + r"),?\s+)?(?P<date>" + DATE.pattern + r")"
    # "12 ноября 2019 г.", "1 травня 2021 року", "5 listopada 2019 r.": the word for "year" after it
    r"(?:\s+(?:г\.|года|гг\.|р\.|року|r\.))?"
    r"(?:(?:\s*[,|·•/-]\s*|\s+|T)" + _TIME + r")?\s*(?:\|\s*)?",
    regex.IGNORECASE,
)


def _valid(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _from_match(m: regex.Match) -> str | None:
    g = m.groupdict()
    for k in ("1", "2"):
        if g.get("m" + k):
            return _valid(g["y" + k], _MONTHS[g["m" + k].lower()], g["d" + k])
    if g.get("y3"):
        return _valid(g["y3"], g["m3"], g["d3"])
    if g.get("y4"):
        return _valid(g["y4"], g["m4"], g["d4"])
    if g.get("y5"):
        a, b = int(g["a5"]), int(g["b5"])
        if a > 12 >= b:
            return _valid(g["y5"], b, a)
        if b > 12 >= a:
            return _valid(g["y5"], a, b)
        return None  # 03/04/2019: day and month cannot be told apart
    if g.get("y6"):
        return _valid(g["y6"], g["m6"], g["d6"])
    return None


def parse_date(text: str) -> str | None:
    """The first unambiguous date in ``text``, as ISO, or None.

    >>> parse_date("June 08, 2018")
    '2018-06-08'
    >>> parse_date("Posted on 5 November 2020 by Anna")
    '2020-11-05'
    >>> parse_date("14.06.2018")
    '2018-06-14'
    >>> parse_date("2019-07-22T10:31:00Z")
    '2019-07-22'
    >>> parse_date("5 de noviembre de 2020")
    '2020-11-05'
    >>> parse_date("03/04/2019") is None
    True
    >>> parse_date("February 30, 2019") is None
    True
    """
    for m in DATE.finditer(text):
        iso = _from_match(m)
        if iso:
            return iso
    return None


def date_line(text: str) -> str | None:
    """The ISO date if the whole of ``text`` is a date line, else None.

    >>> date_line("Nov. 19, 2019 8:03 am ET")
    '2019-11-19'
    >>> date_line("Published: Tuesday, 5 November 2020")
    '2020-11-05'
    >>> date_line("The summit on June 12, 2018 was short.") is None
    True
    """
    if len(text) > 80:
        return None
    m = _DATE_LINE.fullmatch(text.strip())
    if m is None:
        return None
    return parse_date(m.group("date"))
