"""Label blocks: 'Domain: Afterhours', 'Category: Entertainment', 'Tags: a, b'.

The value must look like a label value (a few short items), so that
"Category: the law groups rentals into three bands" stays in the text.
"""

from __future__ import annotations

import regex

from .base import LineRule

# label as printed -> the key it is recorded under
_KEYS = {
    "category": "category", "categories": "category", "kategorie": "category", "kategorien": "category",
    "catégorie": "category", "catégories": "category", "categoría": "category", "categorías": "category",
    "categoria": "category", "categorias": "category", "categorie": "category", "rubrik": "category",
    "rubrique": "category", "section": "section", "sección": "section", "ressort": "section", "seção": "section", "sezione": "section",
    "tags": "tags", "tag": "tags", "tagged": "tags", "tagged with": "tags", "keywords": "tags", "schlagwörter": "tags", "schlagworte": "tags",
    "stichwörter": "tags", "mots-clés": "tags", "mots clés": "tags", "étiquettes": "tags", "etiquetas": "tags", "palabras clave": "tags",
    "tópicos": "tags", "topics": "topics", "topic": "topics", "themen": "topics", "thèmes": "topics", "temas": "topics",
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


def _label_meta(m: regex.Match):
    value = m.group("value").strip()
    items = [i.strip() for i in regex.split(r"\s*[,;|]\s*", value) if i.strip()]
    # A label value is a few short items; five or more words in one item reads like prose.
    if any(len(item.split()) > 4 for item in items):
        return None
    if len(items) == 1 and items[0][:1].islower() and len(items[0].split()) > 2:
        return None
    key = _KEYS[regex.sub(r"\s+", " ", m.group("label").lower())]
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
    examples=("Category: Entertainment", "Domain: Afterhours", "Tags: Russia, North Korea, Diplomacy", "Schlagwörter: Politik, Wahl"),
    counterexamples=("Category: the law groups rentals into three bands by floor area.",),
)

RULES = (LABEL,)
