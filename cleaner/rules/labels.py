"""Label blocks: 'Domain: Afterhours', 'Category: Entertainment', 'Tags: a, b'; published and updated stamps.

The value must look like a label value (a few short items), so that
"Category: the law groups rentals into three bands" stays in the text; a stamp
must hold nothing but its label and a date or time, so that "Aktualisiert wurde
die Liste am 12. März 2019" stays.
"""

from __future__ import annotations

import regex

from ..extract.dates import DATE, parse_date
from .base import LineRule
from .prefilter import fold
from .roles import INLINE

# label as printed -> the key it is recorded under
_KEYS = {
    "category": "category", "categories": "category", "kategorie": "category", "kategorien": "category",
    "catégorie": "category", "catégories": "category", "categoría": "category", "categorías": "category",
    "categoria": "category", "categorias": "category", "categorie": "category", "rubrik": "category",
    "rubrique": "category", "section": "section", "sección": "section", "ressort": "section", "seção": "section", "sezione": "section",
    "tags": "tags", "tag": "tags", "tagged": "tags", "tagged with": "tags", "keywords": "tags", "schlagwörter": "tags", "schlagworte": "tags",
    "stichwörter": "tags", "mots-clés": "tags", "mots clés": "tags", "étiquettes": "tags", "etiquetas": "tags", "palabras clave": "tags",
    "tópicos": "tags", "labels": "tags", "topics": "topics", "topic": "topics", "themen": "topics", "thèmes": "topics", "temas": "topics",
    "filed under": "filed_under", "posted in": "filed_under", "published in": "filed_under",
    "domain": "domain", "source": "source", "quelle": "source", "fuente": "source", "fonte": "source",
    "location": "location", "ort": "location", "region": "region", "country": "country", "language": "language",
    "type": "type", "format": "format", "genre": "genre", "series": "series", "edition": "edition", "desk": "desk",
}
_LABEL = "|".join(sorted((regex.escape(k) for k in _KEYS), key=len, reverse=True))
_ITEM = r"[^\s,;|.:!?][^,;|:!?]{0,40}?"
_PATTERN = regex.compile(
    r"(?P<label>" + _LABEL + r")\s*[:：]\s*(?P<value>" + _ITEM + r"(?:\s*[,;|]\s*" + _ITEM + r"){0,15})\s*\.?",
    regex.IGNORECASE,
)
_ITEM_SEPARATOR = regex.compile(r"\s*[,;|]\s*")
_SPACES = regex.compile(r"\s+")


def _label_meta(m: regex.Match):
    value = m.group("value").strip()
    items = [i.strip() for i in _ITEM_SEPARATOR.split(value) if i.strip()]
    # A label value is a few short items; five or more words in one item reads like prose.
    if any(len(item.split()) > 4 for item in items):
        return None
    if len(items) == 1 and items[0][:1].islower() and len(items[0].split()) > 2:
        return None
    # The pattern matches case-insensitively, so a label may be printed with letters whose lower case is
    # not the table's ('DOMAİN', 'TAGſ'): read with the fold the line rules' pre-tests use, and anything
    # else is no label.
    key = _KEYS.get(_SPACES.sub(" ", fold(m.group("label"))))
    if key is None:
        return None
    if key == "category":
        return {"category": ", ".join(items)}
    return {"extra." + key: ", ".join(items)}


LABEL = LineRule(
    "labels.field",
    _PATTERN,
    "A labelled value, 'Category: Entertainment', 'Domain: Afterhours', 'Tags: a, b': category goes to `category`, "
    "the rest to `extra` under the label's key.",
    _label_meta,
    max_len=200,
    examples=("Category: Entertainment", "Domain: Afterhours", "Tags: Russia, North Korea, Diplomacy", "Schlagwörter: Politik, Wahl", "Labels: Reisen, Natur"),
    counterexamples=("Category: the law groups rentals into three bands by floor area.",),
)

# Labels of a stamp: published (the date goes to `published`) and updated (to `extra.updated`).
_PUBLISHED = (
    r"(?:published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?|"
    r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|erstellt(?:\s+am)?|publiziert(?:\s+am)?|datum|"
    r"publié(?:\s+le)?|mis\s+en\s+ligne(?:\s+le)?|"
    r"publicado(?:\s+(?:el|en|em|a\s+las|às|a\s+las))?|fecha\s+de\s+publicación|"
    r"pubblicato(?:\s+(?:il|alle))?|data\s+di\s+pubblicazione|"
    r"gepubliceerd(?:\s+op)?|geplaatst(?:\s+op)?|"
    r"opublikowano|data\s+publikacji|publikacja|"
    r"опубликовано|дата\s+публикации|опубліковано)"
)
_UPDATED = (
    r"(?:(?:last\s+)?updated(?:\s+on)?|last\s+modified|modified(?:\s+on)?|"
    r"(?:zuletzt\s+)?aktualisiert(?:\s+am)?|letzte\s+aktualisierung|geändert(?:\s+am)?|stand|"
    r"(?:dernière\s+)?mise\s+à\s+jour(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|actualisé(?:\s+le)?|"
    r"actualizado(?:\s+(?:el|a\s+las))?|última\s+actualización|"
    r"aggiornato(?:\s+(?:il|alle))?|ultimo\s+aggiornamento|"
    r"atualizado(?:\s+(?:em|às|a))?|última\s+atualização|"
    r"(?:laatst\s+)?bijgewerkt(?:\s+op)?|aangepast(?:\s+op)?|"
    r"aktualizacja|zaktualizowano|data\s+aktualizacji|"
    r"обновлено|дата\s+обновления|оновлено)"
)
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|"
    r"poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"
)
_DAY_WORD = (
    r"(?:today|yesterday|heute|gestern|aujourd['’]hui|hier|hoy|ayer|oggi|ieri|hoje|ontem|dziś|dzisiaj|wczoraj|vandaag|gisteren|сегодня|вчера)"
)
_CLOCK = (
    r"(?:(?:um|at|à|a\s+las|às|alle|ore|om|o\s+godz\.?|godz\.?|в)\s+)?[0-2]?\d[:.h][0-5]\d(?::[0-5]\d)?"
    r"(?:\s*(?:uhr|h|hs|hrs|horas|ore|uur|godz\.?|ч\.?|[ap]\.?m\.?))?(?:\s*(?:mez|mesz|cet|cest|utc|gmt|et|bst|msk|мск))?"
)
_AGO = (
    r"(?:(?:vor|il\s+y\s+a|hace|há)\s+\d{1,3}\s+\p{L}+|\d{1,3}\s+\p{L}+\s+(?:ago|geleden|temu|назад|fa))"
)
_NUMERIC = r"(?:[0-3]?\d[./-][01]?\d[./-](?:19|20)?\d\d)"
_WHEN = (
    r"(?:(?:" + _WEEKDAY + r")\s*,?\s+)?(?:" + DATE.pattern + r"|" + _NUMERIC + r")(?:\s+(?:г\.|года|r\.|roku))?"
    r"(?:\s*(?:,|\||-|–|/|·)?\s*" + _CLOCK + r")?|"
    r"(?:" + _DAY_WORD + r"|" + _AGO + r")(?:\s*,?\s*" + _CLOCK + r")?|" + _CLOCK
)
_STAMP_ONE = r"(?:(?P<pub>" + _PUBLISHED + r")|" + _UPDATED + r")\s*[:：]?\s*(?P<when>" + _WHEN + r")"
_STAMP = regex.compile(
    r"(?:[|•·]\s*)?" + _STAMP_ONE + r"(?:\s*(?:[|•·,/–—-]|\.)?\s*(?:" + _PUBLISHED + r"|" + _UPDATED + r")\s*[:：]?\s*(?:" + _WHEN + r"))?\s*[.|]?",
    regex.IGNORECASE | regex.VERSION1,
)


def _stamp_meta(m: regex.Match):
    iso = parse_date(m.group("when"))
    if iso is None:
        return {}
    return {"published": iso} if m.group("pub") else {"extra.updated": iso}


STAMP = LineRule(
    "labels.stamp",
    _STAMP,
    "A published or updated stamp standing alone: 'Aktualisiert: 12.03.2019, 14:30 Uhr', 'Stand: 05.11.2020', "
    "'Publié le 5 novembre 2020 à 14h30', 'Опубликовано: 12.03.2019'. A date the date parser reads goes to `published` "
    "(a published stamp) or `extra.updated` (an updated one).",
    _stamp_meta,
    max_len=120,
    examples=("Aktualisiert: 12.03.2019, 14:30 Uhr", "Stand: 05.11.2020 18:04 Uhr", "Veröffentlicht am 5. November 2020",
              "Publié le 5 novembre 2020 à 14h30", "Publié le 05/11/2020 à 14:30 - Mis à jour le 05/11/2020 à 16:00",
              "Mis à jour le 12 mars 2019", "Actualizado: 12/03/2019 14:30", "Aggiornato il 12 marzo 2019 alle 14:30",
              "Atualizado em 12/03/2019 às 14h30", "Bijgewerkt: 12 maart 2019 14:30", "Aktualizacja: 12.03.2019 14:30",
              "Опубликовано: 12.03.2019 14:30", "Обновлено 12 марта 2019 г.", "Aktualisiert: vor 2 Stunden", "Stand: 14:30 Uhr"),
    counterexamples=("Aktualisiert wurde die Liste am 12. März 2019, wie das Ministerium mitteilte.",
                     "Stand der Ermittlungen ist der 12.03.2019, sagte der Staatsanwalt.",
                     "Publié le 5 novembre 2020, le rapport a fait grand bruit.",
                     "Opublikowano 12.03.2019 raport, który wywołał burzę w Sejmie."),
    role=INLINE,
)

RULES = (LABEL,)
# A stamp under the headline confirms the header (title, byline, date), and one inside the body says nothing about
# the furniture around it: stamps are cut once the header and the body are decided.
AFTER_ZONES_RULES = (STAMP,)
