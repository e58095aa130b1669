"""The cleaning pipeline: normalise -> paragraphs -> rules and header -> Article.

:class:`Cleaner` holds a :class:`~cleaner.config.CleanerConfig` and the ordered
rules; :meth:`Cleaner.clean` is a pure function of its input (no state is kept
between documents), so one cleaner can be shared by threads and processes.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from .article import Article, Caption, Cut, sha256_hex
from .config import CleanerConfig
from .extract.header import HEADER
from .language import detect_language
from .normalize import normalize_text
from .reflow import paragraphs
from .rules import AFTER_HEADER, BEFORE_HEADER, DocumentView, Finding, Rule, check_names
from .rules.roles import HEADER as HEADER_ROLE

__all__ = ["Cleaner", "clean", "DEFAULT_RULES"]

# Every rule of the default pipeline, in the order they run (the header between the two groups).
DEFAULT_RULES: tuple[Rule, ...] = (*BEFORE_HEADER, HEADER, *AFTER_HEADER)


class _Meta:
    """Collects the metadata findings yield, in document order."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.authors: list[str] = []
        self.related: list[str] = []
        self.captions: list[Caption] = []
        self.extra: dict[str, str] = {}
        self.footer_title: str | None = None

    def add(self, role: str, key: str, value: Any) -> None:
        if key == "authors":
            for name in value:
                if name not in self.authors:
                    self.authors.append(name)
        elif key == "related":
            if value not in self.related:
                self.related.append(value)
        elif key == "caption":
            self.captions.append(value)
        elif key.startswith("extra."):
            self.extra.setdefault(key[6:], value)
        elif key == "title" and role != HEADER_ROLE:
            self.footer_title = self.footer_title or value
        else:
            self.values.setdefault(key, value)


class Cleaner:
    """A configured cleaning pipeline. ``Cleaner().clean(raw)`` cleans one document.

    >>> art = Cleaner().clean("Title Of The Story\\n\\nBy Jane Roe\\n\\nThe story starts here and goes on.\\n\\nShare this:")
    >>> art.title, art.authors, art.text
    ('Title Of The Story', ('Jane Roe',), 'The story starts here and goes on.')
    >>> [c.rule for c in art.removed]
    ['header.title', 'header.byline', 'social.share']
    """

    def __init__(self, config: CleanerConfig | None = None, body_model: Any = None, **options: Any):
        if config is not None and options:
            raise TypeError("pass either a CleanerConfig or keyword options, not both")
        self.config = config or CleanerConfig(**options)
        check_names(self.config.disable, DEFAULT_RULES)
        self.rules_before: tuple[Rule, ...] = tuple(r for r in BEFORE_HEADER if self._on(r))
        after = AFTER_HEADER
        if body_model is not None:
            # A body model of the caller's (a retrained cleaner.body.BodyModel) in place of the shipped one.
            from .rules.boilerplate import BODY_ZONES, body_rule

            after = tuple(body_rule(body_model) if r is BODY_ZONES else r for r in after)
        self.rules_after: tuple[Rule, ...] = tuple(r for r in after if self._on(r))

    def _on(self, rule: Rule) -> bool:
        return self.config.enabled(rule.name)

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def clean(self, raw: str, id: str | None = None, source: str | None = None) -> Article:
        """Clean one document. ``raw`` is the scraped text; ``id`` defaults to a hash of it."""
        if not isinstance(raw, str):
            raise TypeError(f"clean() needs text (str), got {type(raw).__name__}; decode bytes first")
        raw_sha = sha256_hex(raw)
        doc = DocumentView(paragraphs(normalize_text(raw, ascii_fold=self.config.ascii_fold)))
        findings: list[Finding] = []
        whys: dict[int, Any] = {}

        def run(rules: Iterable[Rule]) -> None:
            for rule in rules:
                for f in rule.apply(doc):
                    if f.index not in doc.cut and self.config.enabled(f.rule):
                        doc.cut[f.index] = f.rule
                        doc.roles[f.index] = rule.role
                        whys[f.index] = f.why if f.why is not None else {"signal": rule.name}
                        findings.append(f)

        run(self.rules_before)
        if self.config.header:
            run((HEADER,))
        run(self.rules_after)

        meta = _Meta()
        for f in sorted(findings, key=lambda f: f.index):
            for key, value in f.meta:
                meta.add(doc.roles[f.index], key, value)
        removed = tuple(Cut(doc.cut[i], i, p.text, whys[i]) for i, p in enumerate(doc.paragraphs) if i in doc.cut)
        text = "\n\n".join(p.text for _, p in doc.live())
        v = meta.values
        return Article(
            id=id if id is not None else raw_sha[:16],
            text=text,
            source=source,
            title=v.get("title") or meta.footer_title,
            subtitle=v.get("subtitle"),
            authors=tuple(meta.authors),
            published=v.get("published"),
            captions=tuple(meta.captions),
            related=tuple(meta.related),
            views=v.get("views"),
            comment_count=v.get("comment_count"),
            category=v.get("category"),
            extra=meta.extra,
            language=detect_language(text) if self.config.detect_language else None,
            removed=removed,
            raw_sha256=raw_sha,
        )

    def clean_many(self, docs: Iterable[tuple[str | None, str] | Mapping[str, Any]]) -> Iterator[Article]:
        """Clean documents lazily, in order: ``(id, text)`` pairs or ``{"id": ..., "text": ...}`` mappings
        (a JSONL line as ``json.loads`` gives it; ``id`` and ``source`` are optional there).

        Anything else (a bare string, a triple, a mapping without ``text``, a text that is not a
        string) is a :class:`TypeError` naming the document's position, never a silent guess; an id
        holding a line break (a ``(text, id)`` pair the wrong way round) is a :class:`ValueError`.

        >>> [a.id for a in Cleaner(detect_language=False).clean_many([("a", "Some text."), {"id": "b", "text": "More."}])]
        ['a', 'b']
        """
        for i, doc in enumerate(docs):
            doc_id, raw, source = _document(doc, i)
            yield self.clean(raw, id=doc_id, source=source)


def _document(doc: Any, i: int) -> tuple[str | None, str, str | None]:
    """``(id, text, source)`` of one ``clean_many`` document, or a TypeError that says what is wrong."""
    if isinstance(doc, Mapping):
        if "text" not in doc:
            raise TypeError(f"clean_many: document {i} is a mapping without a 'text' key (keys: {', '.join(map(str, doc)) or 'none'})")
        unknown = set(doc) - {"id", "text", "source"}
        if unknown:
            raise TypeError(f"clean_many: document {i} has keys other than 'id', 'text' and 'source': {', '.join(sorted(map(str, unknown)))}")
        doc_id, raw, source = doc.get("id"), doc["text"], doc.get("source")
    elif isinstance(doc, tuple) and len(doc) == 2:
        doc_id, raw = doc
        source = None
    else:
        what = f"a {len(doc)}-tuple" if isinstance(doc, tuple) else f"a {type(doc).__name__}"
        raise TypeError(f"clean_many takes (id, text) pairs or {{'id': ..., 'text': ...}} mappings; document {i} is {what}")
    if not isinstance(raw, str):
        raise TypeError(f"clean_many: the text of document {i} must be a str, not {type(raw).__name__}"
                        + (" (is the pair (text, id)? it must be (id, text))" if isinstance(doc_id, str) else ""))
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        raise TypeError(f"clean_many: the id of document {i} must be a str, an int or None, not {type(doc_id).__name__}")
    if isinstance(doc_id, str) and any(c in doc_id for c in "\n\r\u2028\u2029"):
        # An id is one line; a pair whose "id" holds a line break is a text in the id's place.
        raise ValueError(f"clean_many: the id of document {i} holds a line break; pairs are (id, text), "
                         "is this one (text, id)?")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"clean_many: the source of document {i} must be a str or None, not {type(source).__name__}")
    return (None if doc_id is None else str(doc_id)), raw, source


_DEFAULT: Cleaner | None = None


def clean(raw: str, id: str | None = None, source: str | None = None, **options: Any) -> Article:
    """Clean one document with the default pipeline (or with ``options``, see :class:`CleanerConfig`).

    >>> clean("Views: 274\\n\\nThe body of the story, which is long enough to keep.").views
    274
    """
    global _DEFAULT
    if options:
        return Cleaner(**options).clean(raw, id=id, source=source)
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean(raw, id=id, source=source)
