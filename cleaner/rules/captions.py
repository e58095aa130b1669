"""Photo captions and credits left in the text by galleries and image blocks.

Captions are recognised by what no body paragraph has: a copy of the same
paragraph elsewhere in the document carrying a credit or a photo id, a numeric
photo id and date in front, a parenthesised photo credit at the end, or a line
that is nothing but a credit. The caption (with its credit) goes to `captions`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

import regex

from ..extract.captions import CREDIT_ONLY, PHOTO_PREFIX, photo_credit, split_caption
from ..article import Caption
from .base import ContextRule, DocumentView, Finding, LineRule
from .roles import CAPTION

_MAX_CAPTION_WORDS = 90


def _find_captions(doc: DocumentView) -> Iterator[Finding]:
    groups: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for i, p in doc.live():
        if len(p.text) > 800:
            continue
        text = p.text
        # A photo id starts with a digit (str.isdigit takes every Unicode digit, and more).
        stripped = (PHOTO_PREFIX.sub("", text, count=1) if text[:1].isdigit() else text).strip()
        groups[stripped].append((i, stripped != text))
    for key, items in groups.items():
        prefixed = any(flag for _, flag in items)
        if len(items) < 2 and not prefixed and not key.endswith((")", "]")):
            continue  # a single paragraph is a caption only with a photo id or a parenthesised credit
        caption = split_caption(key)
        if len(caption.text.split()) > _MAX_CAPTION_WORDS or len(caption.text.split()) < 2:
            continue
        credit = caption.credit or photo_credit(key)
        if len(items) >= 2 and (credit or prefixed):
            rule = "captions.duplicated"
        elif prefixed:
            rule = "captions.photo_id"
        elif credit and photo_credit(key):
            rule = "captions.credited"
            caption = Caption(caption.text, credit)
        else:
            continue
        why = {"signal": rule.split(".", 1)[1], "copies": len(items), "first": items[0][0]}
        if credit:
            why["credit"] = credit
        for n, (i, _) in enumerate(items):
            yield Finding(i, rule, (("caption", caption),) if n == 0 else (), why)


CAPTIONS = ContextRule(
    "captions.duplicated",
    _find_captions,
    "Photo captions: a paragraph repeated with a credit or photo id (galleries print captions twice), "
    "a paragraph led by a photo id and date, or one ending in a parenthesised photo credit.",
    examples=(
        "5530296 14.06.2018 June 14, 2018. Putin meets Kim Yong-nam. Alexei Druzhinin / Sputnik  (twice)",
        "Workers at the plant on Monday. (AP Photo/Evan Vucci)",
    ),
    role=CAPTION,
    emits=("captions.duplicated", "captions.photo_id", "captions.credited"),
)

CREDIT_LINE = LineRule(
    "captions.credit_line",
    CREDIT_ONLY,
    "A paragraph that is only a photo credit: 'Photo: AP', 'Getty Images', 'AP Photo/Evan Vucci'.",
    max_len=100,
    examples=("Photo: AP", "Getty Images", "AP Photo/Evan Vucci", "Image: Reuters", "Imagen: Télam", "Crédits photos : Bestimage",
              "Photo by Jane Roe on Unsplash"),
    counterexamples=("Photo: the minister at the opening, before the protest began and the crowd was dispersed.",),
    role=CAPTION,
)

LABELLED = LineRule(
    "captions.labelled_credit",
    regex.compile(
        r"(?P<caption>\S.{8,400}?[.!?…”\"])\s+(?P<label>(?:photo(?:graph)?|image|picture|illustration|foto|bild|crédit|credit)s?"
        r"(?:\s+credit)?)\s*:\s*(?P<credit>(?-i:[\p{Lu}\p{N}])[^.!?:]{1,60}?)\s*\.?",
        regex.IGNORECASE,
    ),
    "A photo caption that ends with a labelled credit: 'The module compared to its equivalent. Credit: ESA'; the "
    "caption and credit go to `captions`.",
    lambda m: {"caption": Caption(m.group("caption").strip(), m.group("credit").strip())},
    needles=("photo", "image", "picture", "illustration", "foto", "bild", "credit", "crédit"),
    max_len=480,
    examples=("A reference habitation module for a crewed Mars mission. Credit: ESA", "Fans cheer in Rome. Photo: Jane Roe"),
    counterexamples=(
        "The figures were released on Monday. Source: Census Bureau",
        "The agency released the image on Monday. Credit: the agency said the photograph was taken by a drone over the harbour.",
    ),
    role=CAPTION,
)

RULES = (CAPTIONS, CREDIT_LINE, LABELLED)
