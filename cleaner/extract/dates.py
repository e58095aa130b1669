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

from ..text import short_text_cache

__all__ = ["parse_date", "date_line", "date_candidate", "meta_words", "prose_words", "DATE"]

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
    # 06.11.23: the dotted order with a two-digit year, only with two-digit day and month (never '1.2.3')
    r"(?P<d7>[0-3]\d)\.(?P<m7>[01]\d)\.(?P<y7>[0-3]\d)(?![.\d])",
    # 11/18/19: the slashed order with a two-digit year, only when day and month cannot be swapped
    r"(?P<a10>[01]?\d|[23]\d)/(?P<b10>[0-3]?\d)/(?P<y10>[0-3]\d)(?![/\d])",
    # '4 mrt 2020', 'Feb. 2, 2022', '12 sty 2021': a month word the table lacks (an abbreviation or an
    # inflected form); dateparser resolves it or the match gives nothing.
    r"(?P<d8>[0-3]?\d)\.?\s+(?:de\s+)?(?P<w8>\p{L}{3,12})\.?,?\s+(?:de\s+)?(?P<y8>(?:19|20)\d\d)",
    r"(?P<w9>\p{L}{3,12})\.?\s+(?P<d9>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y9>(?:19|20)\d\d)",
]
# What may follow a date glued to it in a scrape: a time ('Nov 19 20197:05 AM'), a second date
# ('20. April 201713. Juni 2017', '17/11/201917/11/2019'), a capitalised word ('18.11.2019Get short URL') or
# the 'by' of the byline ('2.03.2018von Jane Roe').
_GLUED_AFTER = r"(?:T\d|[0-2]?\d[:.hH][0-5]\d|[0-3]?\d[./]|[0-3]?\d\.?\s\p{L}|(?-i:\p{Lu}\p{Ll})|(?-i:by|von|par|por)\s+(?-i:\p{Lu}))"
DATE = regex.compile(
    # A day may be glued to the label before it ('Posted on28. Juli 2019'), a month name may not ('Omar 5').
    r"(?:(?<![\w.])|(?<=\p{Ll})(?=\d))(?:" + "|".join(_PATTERNS) + r")(?!(?!" + _GLUED_AFTER + r")\w)",
    regex.IGNORECASE,
)

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|(?:mo|di|mi|do|fr|sa|so)(?=,))"
_TIME = r"(?:(?:at\s+|um\s+|à\s+|a\s+las\s+)?[0-2]?\d[:.h][0-5]\d(?::[0-5]\d)?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d\d:?\d\d|Uhr))?)"
WEEKDAY = _WEEKDAY
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


def _from_match(m: regex.Match, day_first: bool = False) -> str | None:
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
        if day_first:
            return _valid(g["y5"], b, a)
        return None  # 03/04/2019: day and month cannot be told apart
    if g.get("y6"):
        return _valid(g["y6"], g["m6"], g["d6"])
    if g.get("y10"):
        a, b = int(g["a10"]), int(g["b10"])
        if a > 12 >= b:
            return _valid(2000 + int(g["y10"]), b, a)
        if b > 12 >= a:
            return _valid(2000 + int(g["y10"]), a, b)
        return None  # 03/04/19: day and month cannot be told apart, and the day-first hint is not enough here
    if g.get("y7"):
        return _valid(2000 + int(g["y7"]), g["m7"], g["d7"])
    for k in ("8", "9"):
        if g.get("w" + k):
            month = _month_word(g["w" + k])
            return _valid(g["y" + k], month, g["d" + k]) if month else None
    return None


# The languages month words are read in (those of the furniture rules); dateparser knows their
# abbreviations and inflected forms ('mrt', 'janv.', 'sty', 'дек.', 'set'), which no table here lists.
_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "pl", "nl", "ru", "uk")
_PARSER = None


@short_text_cache(512)
def _month_word(word: str) -> int | None:
    """The month a word names in one of :data:`_LANGUAGES`, or None: dateparser, imported on first use.

    A month word is asked of dateparser only when the table above does not know it, so most
    documents never import it (its import and first call cost about 0.1 s and 0.7 s).
    """
    global _PARSER
    word = word.lower().rstrip(".")
    if word in _MONTHS:
        return _MONTHS[word]
    if len(word) < 3 or not word.isalpha():
        return None
    if _PARSER is None:
        try:
            from dateparser.date import DateDataParser
        except ImportError:  # pragma: no cover - dateparser is a dependency; without it, unknown words give None
            _PARSER = False
            return None
        _PARSER = DateDataParser(
            languages=list(_LANGUAGES),
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_LOCALE_DATE_ORDER": False},
        )
    if _PARSER is False:
        return None
    # A fixed day and year around the word: the answer depends on the word alone.
    try:
        found = _PARSER.get_date_data(f"15 {word} 2001").date_obj
    except Exception:  # pragma: no cover - a parser failure is no date, never a crash
        return None
    if found is None or found.year != 2001 or found.day != 15:
        return None
    return found.month


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


# Labels before a date that say it is the publication date, or a later revision of it.
_PUBLISHED_LABEL = (
    r"(?:first\s+)?published|posted|publish(?:ed)?\s+date|publication\s+date|date\s+published|released|created|"
    r"veröffentlicht|erschienen|erstellt|publié|mis\s+en\s+ligne|publicado|publicada|publicación|"
    r"pubblicato|pubblicata|publicado\s+em|opublikowano|publikacja|data\s+publikacji|gepubliceerd|geplaatst|"
    r"опубликовано|дата\s+публикации|опубліковано"
)
_UPDATED_LABEL = (
    r"(?:last\s+)?updated|last\s+modified|modified|revised|aktualisiert|zuletzt\s+aktualisiert|geändert|stand|"
    r"mis\s+à\s+jour|actualizado|actualizada|actualización|aggiornato|aggiornata|atualizado|atualizada|"
    r"zaktualizowano|aktualizacja|bijgewerkt|laatst\s+bijgewerkt|gewijzigd|обновлено|изменено|оновлено"
)
PUBLISHED_LABEL, UPDATED_LABEL = _PUBLISHED_LABEL, _UPDATED_LABEL
_LABEL_BEFORE = regex.compile(
    r"(?:(?P<pub>" + _PUBLISHED_LABEL + r")|(?P<upd>" + _UPDATED_LABEL + r"))"
    # what may stand between the label and the date: 'on', 'am', 'le', 'el', 'em', 'il', 'op', a weekday, a time
    r"\s*:?\s*(?:(?:on|at|am|um|le|el|em|il|op|dnia|в|de|a|à|the)\s+)*[^.!?]{0,30}$",
    regex.IGNORECASE,
)
_STRIP = regex.compile(
    r"https?://\S+|\S+@\S+\.\w+|@\w+|\b(?:" + _WEEKDAY + r")\b|" + _TIME + r"|" + _PUBLISHED_LABEL + r"|" + _UPDATED_LABEL
    # the comment link a blog prints in its date line ('... · Hinterlasse einen Kommentar')
    + r"|\b(?:hinterlasse|schreibe)\s+einen\s+kommentar\b|\bleave\s+a\s+(?:reply|comment)\b|\blaisser\s+un\s+commentaire\b",
    regex.IGNORECASE,
)
# Lower-case words that a date line holds beside its date, byline and categories, in the languages above.
_META_WORDS = frozenset(
    """by and on at in the of from for min mins minute minutes read reading time comments comment comentarios
    comentários commentaires commenti kommentare kommentar komentarze reacties comentário comentario
    ago hours hour days day views von und am um uhr im in der die das den dem des mit auf zum zur vom lesezeit
    le la les par et dans de du des à au aux lecture il di da del della e con su lettura el los las por y en con
    lectura o os as em do da dos das por e leitura tempo w i z przez czytania op door en het een van leestijd
    от и в на автор время чтения мин г года гг р року
    uncategorized allgemein news blog reply share print email""".split()
)


# A photo caption's date is the day the photo was taken ('FILE PHOTO: ... November 18, 2019. REUTERS/Jane Roe').
_CAPTION = regex.compile(r"\b(?:photo|foto|image|bild|picture|credit|getty)\b|(?-i:\p{Lu}{2,}/\s?\p{Lu})", regex.IGNORECASE)


_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")


def prose_words(text: str) -> int:
    """Lower-case words of ``text`` outside dates, times, weekdays, labels and the words of a byline."""
    rest = _STRIP.sub(" ", DATE.sub(" ", text))
    return sum(
        1 for w in _WORD.findall(rest) if w[0].islower() and len(w) > 1 and w.lower() not in _META_WORDS
    )


_DAY_FIRST = regex.compile(
    r"\d[hH]\d\d|\b(?:uhr|um|am|le|el|del|de|às|a\s+las|alle|ore|op|om|dnia|godz|в|г)\b|"
    r"(?<!\w)(?:" + _UPDATED_LABEL + r"|" + _PUBLISHED_LABEL + r")(?<!published|posted|updated|modified|released|created|revised)(?!\w)",
    regex.IGNORECASE,
)


def meta_words(text: str) -> int:
    """Words of ``text`` that are neither a date, a time, a weekday, a label nor a byline's small words.

    >>> meta_words("Carlos Nadalim 23/08/2018 2 comentários")
    2
    """
    rest = _STRIP.sub(" ", DATE.sub(" ", text))
    return sum(1 for w in _WORD.findall(rest) if len(w) > 1 and w.lower() not in _META_WORDS)


# The header asks it of the same lines several times (the zone, the date, each byline, the title's signals).
@short_text_cache(2048)
def date_candidate(text: str) -> tuple[str, str] | None:
    """``(iso, kind)`` for a header, byline or dateline paragraph holding a date; else None.

    ``kind`` is ``"published"`` (a publication label before it), ``"updated"`` (only a
    revision label before it) or ``"plain"``. A paragraph of prose that mentions a date
    is not a candidate; nor is an embedded post's signature ('— Jane (@jane) May 5, 2019').

    >>> date_candidate("Published: Tuesday, March 3, 2020 08:38 AM | Updated: March 4, 2020")
    ('2020-03-03', 'published')
    >>> date_candidate("Updated 1:39 am EST, Wednesday, November 20, 2019")
    ('2019-11-20', 'updated')
    >>> date_candidate("6. Dezember 2022 von Fatima in Gefühle, Popkultur")
    ('2022-12-06', 'plain')
    >>> date_candidate("Am 19. Oktober 2019 gastiert Borussia Mönchengladbach bei Borussia Dortmund.") is None
    True
    """
    text = text.strip()
    if not text or len(text) > 200 or text[0] in "—–" or "pic.twitter" in text or _CAPTION.search(text):
        return None
    found: list[tuple[str, str]] = []
    # Only US sites put the month first; a line labelled in another language ('Publicado', 'Uhr') or with a
    # time written '20h06' puts the day first ('07/05/2022 20H06' is the 7th of May).
    day_first = _DAY_FIRST.search(text) is not None
    for m in DATE.finditer(text):
        iso = _from_match(m, day_first)
        if iso is None:
            continue
        label = _LABEL_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
        if label is not None and label.group("pub"):
            found.append((iso, "published"))
        elif label is not None:
            found.append((iso, "updated"))
        else:
            found.append((iso, "plain"))
    if not found:
        return None
    labelled = any(kind != "plain" for _, kind in found)
    # A date inside a sentence is a date the article talks about, not the page's own date.
    if prose_words(text) > (3 if labelled else 1):
        return None
    if not labelled and text.endswith((".", "!", "?")) and meta_words(text) >= 4:
        return None
    for iso, kind in found:
        if kind == "published":
            return iso, kind
    for iso, kind in found:
        if kind == "plain":
            return iso, kind
    return found[0]
