"""The values a cleaning run produces: :class:`Article`, :class:`Caption` and :class:`Cut`.

All three are frozen dataclasses, so an article can be shared between threads
and compared by value. :meth:`Article.to_record` gives the plain dict that the
record schema (``schemas/article/v1.json``) describes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Mapping

__all__ = ["Article", "Caption", "Cut", "Provenance"]


@dataclass(frozen=True)
class Caption:
    """A photo caption that was cut from the text, with its credit when one was found."""

    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass(frozen=True)
class Cut:
    """One paragraph removed from the document: the rule name that removed it, the paragraph's index in
    the normalised document (kept and cut paragraphs counted alike), its text, and why it was cut.

    ``why`` is a small JSON-able mapping, the evidence: ``signal`` names what decided (``"line"``: a line
    rule's pattern matched the whole paragraph; ``"body_model"``: the body model's ``score`` and the
    ``features`` that moved it most; others name the context a rule read, e.g. the index of the heading
    a teaser list hangs from).
    """

    rule: str
    index: int
    text: str
    why: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "index": self.index, "text": self.text, "why": dict(self.why)}


@dataclass(frozen=True)
class Provenance:
    """Where one metadata value was read: the record ``field`` it went to, the ``paragraph`` it came from
    (its index in the normalised document, kept and cut paragraphs counted alike) and the ``rule`` that
    read it. ``authors`` gets one entry per paragraph that gave names."""

    field: str
    paragraph: int
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "paragraph": self.paragraph, "rule": self.rule}


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Article:
    """A cleaned document: the body text, its metadata and every cut that was made."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    captions: tuple[Caption, ...] = ()
    related: tuple[str, ...] = ()
    views: int | None = None
    comment_count: int | None = None
    category: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    language: str | None = None
    removed: tuple[Cut, ...] = ()
    raw_sha256: str = ""
    provenance: tuple[Provenance, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    @property
    def word_count(self) -> int:
        from .text import count_words

        return count_words(self.text)

    @property
    def text_sha256(self) -> str:
        return sha256_hex(self.text)

    def to_record(self) -> dict[str, Any]:
        """The article as a schema-v1 record (a plain, JSON-serialisable dict)."""
        return {
            "id": self.id,
            "source": self.source,
            "text": self.text,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "published": self.published,
            "captions": [c.to_dict() for c in self.captions],
            "related": list(self.related),
            "views": self.views,
            "comment_count": self.comment_count,
            "category": self.category,
            "extra": dict(self.extra),
            "language": self.language,
            "word_count": self.word_count,
            "removed": [c.to_dict() for c in self.removed],
            "raw_sha256": self.raw_sha256,
            "text_sha256": self.text_sha256,
            "provenance": [p.to_dict() for p in self.provenance],
        }
