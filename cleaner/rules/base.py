"""What a rule is, and the view of the document that rules work on.

A rule never edits text. It looks at the document's paragraphs and returns
:class:`Finding` values: which paragraph to cut, the rule's name, and the
metadata the cut yields (a view count, a related title, a caption). The
pipeline applies the findings, so every cut is recorded with its reason.

Two kinds of rule exist:

* :class:`LineRule`: a paragraph that matches a pattern *as a whole* is debris.
  Matching the whole paragraph (not a substring) is what keeps prose that merely
  starts like debris ("Related issues were discussed...") in the text.
* :class:`ContextRule`: a function over the whole document, for debris that is
  only recognisable by its neighbours (teaser blocks, repeated captions).
"""

from __future__ import annotations

from bisect import bisect_right
from types import MappingProxyType
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import regex

from ..reflow import Paragraph
from .prefilter import admits, fold, pretests
from .roles import FURNITURE, ROLES

__all__ = ["Finding", "DocumentView", "LineRule", "ContextRule", "Rule", "SHORT_LIMIT", "family_of"]

# Paragraphs up to this length are kept in the index that line rules share (DocumentView.short).
SHORT_LIMIT = 512


@dataclass(frozen=True)
class Finding:
    """A decision to cut paragraph ``index``, made under the name ``rule``, with the metadata it yields
    and the evidence for it.

    ``meta`` keys are record fields: ``views``, ``comment_count``, ``category``,
    ``title``, ``authors``, ``published``, ``related`` (a title), ``caption``
    (a :class:`~cleaner.article.Caption`) or ``extra.<key>``.
    ``why`` is a small JSON-able mapping: the signal that decided (``"signal"``: ``"line"`` for a
    line rule's pattern, else what the context rule saw) and its details, e.g. the index of the
    heading a teaser list hangs from, or the body model's score and deciding features.
    """

    index: int
    rule: str
    meta: tuple[tuple[str, Any], ...] = ()
    why: Mapping[str, Any] | None = field(default=None, compare=False)


def family_of(name: str) -> str:
    """The family of a rule name: ``"social"`` for ``"social.share"``, ``"header"`` for ``"header"``."""
    return name.split(".", 1)[0]


def _declare(rule: Any) -> None:
    """Check a rule's declarations and fill ``emits`` with the rule's own name when it gives none."""
    if not rule.emits:
        object.__setattr__(rule, "emits", (rule.name,))
    elif isinstance(rule.emits, str):
        object.__setattr__(rule, "emits", (rule.emits,))
    else:
        object.__setattr__(rule, "emits", tuple(rule.emits))
    if rule.role not in ROLES:
        raise ValueError(f"rule {rule.name!r}: unknown role {rule.role!r} (roles: {', '.join(sorted(ROLES))})")
    family = family_of(rule.name)
    for name in rule.emits:
        if family_of(name) != family or "." not in name:
            raise ValueError(f"rule {rule.name!r} declares {name!r}: the names a rule emits are 'family.name' in its own family {family!r}")


class _Text:
    """What a document's text gives once, whatever has been cut: shared by every view of one document."""

    __slots__ = ("short", "by_length", "lengths", "by_first", "memo")

    def __init__(self) -> None:
        self.short: list[tuple[int, str, str, int]] | None = None
        self.by_length: list[tuple[int, str, str, int]] | None = None
        self.lengths: list[int] = []
        # by_length by the first character of the folded text ("" for the texts that start with white space)
        self.by_first: dict[str, tuple[list[tuple[int, str, str, int]], list[int]]] | None = None
        self.memo: dict[str, Any] = {}


class DocumentView:
    """The paragraphs of a document and the decisions made so far: what a rule reads.

    The pipeline gives each stage a view whose ``cut`` (paragraph index -> rule name) and ``roles``
    (index -> the cut's declared role) are read-only snapshots of the decisions of the stages before
    it (:meth:`with_decisions`), so no rule sees another's findings of the same stage. Facts about
    the text (:meth:`memo`, :meth:`short`) are computed once per document and shared by its views.
    ``DocumentView(paragraphs)`` alone starts with no decisions, in plain dicts.
    """

    def __init__(self, paragraphs: Sequence[Paragraph], cut: Mapping[int, str] | None = None,
                 roles: Mapping[int, str] | None = None, *, _text: _Text | None = None):
        self.paragraphs = paragraphs
        self.cut: Mapping[int, str] = {} if cut is None else cut
        # The declared role of every cut so far (cleaner.rules.roles): what later rules ask about a cut.
        self.roles: Mapping[int, str] = {} if roles is None else roles
        # A view made by with_decisions never changes: what is read from its decisions (the body layout,
        # cleaner.rules.boilerplate.layout) is kept on it, computed once.
        self.frozen = isinstance(self.cut, MappingProxyType) and isinstance(self.roles, MappingProxyType)
        self.layout: Any = None
        self._text = _Text() if _text is None else _text

    def with_decisions(self, cut: Mapping[int, str], roles: Mapping[int, str]) -> "DocumentView":
        """A frozen view of the same document (sharing its text facts) with other decisions."""
        return DocumentView(self.paragraphs, MappingProxyType(dict(cut)), MappingProxyType(dict(roles)), _text=self._text)

    def memo(self, key: str, compute: Callable[["DocumentView"], Any]) -> Any:
        """``compute(self)``, computed once per document and kept under ``key``.

        For facts about the paragraphs' text (which rules never change) that
        several rules ask for: word counts, which paragraphs read as prose. Do
        not memoise anything that depends on :attr:`cut`: the memo is shared by
        every view of the document, whatever each has cut.
        """
        memo = self._text.memo
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = compute(self)
            return value

    def word_counts(self) -> list[int]:
        """``len(text.split())`` of every paragraph, computed once per document."""
        return self.memo("words", lambda d: [len(p.text.split()) for p in d.paragraphs])

    def short_up_to(self, max_len: int) -> list[tuple[int, str, str, int]] | None:
        """The entries of :meth:`short` of at most ``max_len`` characters, shortest first (not in document order).

        For rules whose findings do not depend on the order they are made in: a
        rule with a small ``max_len`` takes only the prefix it needs.
        """
        short = self.short(max_len)
        if short is None:
            return None
        text = self._text
        if text.by_length is None:
            text.by_length = sorted(short, key=lambda e: e[3])
            text.lengths = [e[3] for e in text.by_length]
        return text.by_length[: bisect_right(text.lengths, max_len)]

    def short_starting(self, max_len: int, firsts: Iterable[str]) -> list[tuple[int, str, str, int]] | None:
        """The entries of :meth:`short_up_to` whose folded text starts with one of ``firsts`` (single
        characters), and those whose text starts with white space; each once, in no set order.

        For a rule whose matches start with known strings (:meth:`LineRule.pretests`): it looks only
        at the paragraphs that start like one of them.
        """
        if self.short(max_len) is None:
            return None
        text = self._text
        if text.by_first is None:
            by_first: dict[str, tuple[list[tuple[int, str, str, int]], list[int]]] = {}
            for e in self.short_up_to(SHORT_LIMIT) or ():
                key = "" if e[1][:1].isspace() else e[2][:1]
                bucket = by_first.get(key)
                if bucket is None:
                    bucket = by_first[key] = ([], [])
                bucket[0].append(e)
                bucket[1].append(e[3])
            text.by_first = by_first
        by_first = text.by_first
        out: list[tuple[int, str, str, int]] = []
        for key in ("", *firsts):
            bucket = by_first.get(key)
            if bucket is not None:
                out += bucket[0][: bisect_right(bucket[1], max_len)]
        return out

    def short(self, max_len: int) -> list[tuple[int, str, str, int]] | None:
        """``(index, text, lower-cased text, length)`` of every paragraph of at most ``max_len``
        characters, in document order, cut or not; None when ``max_len`` is above
        :data:`SHORT_LIMIT` (the index holds only paragraphs up to that length). The lower-cased
        text is :func:`cleaner.rules.prefilter.fold` of the text, what needles are looked for in.

        Line rules share this index, so each of them looks only at the few short
        paragraphs a document has instead of at all of them.
        """
        if max_len > SHORT_LIMIT:
            return None
        text = self._text
        if text.short is None:
            text.short = [
                (i, p.text, fold(p.text), n)
                for i, p in enumerate(self.paragraphs)
                if (n := len(p.text)) <= SHORT_LIMIT
            ]
        return text.short

    def role(self, index: int) -> str | None:
        """The role of the cut at ``index`` (:mod:`cleaner.rules.roles`), None when it is not cut."""
        return self.roles.get(index)

    def live(self) -> Iterator[tuple[int, Paragraph]]:
        """Paragraphs not cut yet, with their index."""
        cut = self.cut
        for i, p in enumerate(self.paragraphs):
            if i not in cut:
                yield i, p

    def live_after(self, index: int) -> Iterator[int]:
        """Indices of the paragraphs after ``index`` not cut yet: what a rule that cuts "everything below" takes."""
        cut = self.cut
        for i in range(index + 1, len(self.paragraphs)):
            if i not in cut:
                yield i

    def live_indices(self) -> list[int]:
        return [i for i in range(len(self.paragraphs)) if i not in self.cut]


@dataclass(frozen=True)
class LineRule:
    """A paragraph that ``pattern`` matches in full is cut; ``extract`` turns the match into metadata.

    ``needle`` is a cheap pre-test: a paragraph whose lower-cased text contains
    none of these substrings is not matched against the pattern at all.
    A line rule emits one name, its own; ``role`` is the part its cuts play (:mod:`cleaner.rules.roles`).

    Besides its needles, a rule skips its pattern on a paragraph that cannot match it by what the
    pattern itself says (:meth:`pretests`): the strings every match starts with and the literal text
    every match holds, read off the pattern once (:mod:`cleaner.rules.prefilter`). They decide
    nothing a fullmatch would not, and a cut's evidence names only the declared needle.
    """

    name: str
    pattern: regex.Pattern
    description: str
    extract: Callable[[regex.Match], Mapping[str, Any]] | None = None
    needles: tuple[str, ...] = ()
    max_len: int = 160
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    role: str = FURNITURE
    emits: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _declare(self)
        if self.emits != (self.name,):
            raise ValueError(f"line rule {self.name!r} emits its own name only, not {self.emits}")

    def pretests(self) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        """``(prefixes, literals)`` read off the pattern (:func:`cleaner.rules.prefilter.pretests`):
        the folded text of a paragraph the pattern matches in full starts with one of ``prefixes``
        (unless the paragraph starts with white space) and holds one of ``literals``; each None when
        the pattern tells nothing. Computed on first use."""
        try:
            return self.__dict__["_pretests"]
        except KeyError:
            found = pretests(self.pattern)
            object.__setattr__(self, "_pretests", found)
            object.__setattr__(self, "_firsts", None if found[0] is None else tuple(sorted({p[0] for p in found[0]})))
            return found

    def why(self, needle: str | None) -> dict[str, Any]:
        """The evidence for a cut: the rule's pattern matched the whole paragraph (after ``needle``, its
        cheap pre-test, was found in it)."""
        return {"signal": "line"} if needle is None else {"signal": "line", "needle": needle}

    def _hit(self, text: str) -> tuple[str | None, Mapping[str, Any]] | None:
        """``(needle, metadata)`` when this rule cuts ``text``: the needle found in it (None for a rule
        without needles) and the metadata (``{}`` when it yields none); else None."""
        if len(text) > self.max_len:
            return None
        needle = None
        lowered = fold(text)
        if self.needles:
            needle = next((n for n in self.needles if n in lowered), None)
            if needle is None:
                return None
        if not admits(self.pretests(), text, lowered):
            return None
        m = self.pattern.fullmatch(text)
        if m is None:
            return None
        meta = {} if self.extract is None else self.extract(m)
        return None if meta is None else (needle, meta)

    def match(self, text: str) -> Mapping[str, Any] | None:
        """The metadata for ``text`` if this rule cuts it (``{}`` when it yields none), else None."""
        hit = self._hit(text)
        return None if hit is None else hit[1]

    def apply(self, doc: DocumentView) -> Iterable[Finding]:
        prefixes, literals = self.pretests()
        firsts = self.__dict__["_firsts"]
        # Only the paragraphs that start like a match, when the pattern says how matches start.
        short = doc.short_up_to(self.max_len) if firsts is None else doc.short_starting(self.max_len, firsts)
        if short is None:
            for i, p in doc.live():
                hit = self._hit(p.text)
                if hit is not None:
                    yield Finding(i, self.name, tuple(hit[1].items()), self.why(hit[0]))
            return
        # The same test as match(), on the shared index of short paragraphs (the pipeline puts
        # findings back in document order).
        cut, needles, extract = doc.cut, self.needles, self.extract
        fullmatch = self.pattern.fullmatch
        for i, text, lowered, _ in short:
            if i in cut:
                continue
            hit = None
            if needles:
                for needle in needles:  # a plain loop: cheaper than any() over a generator
                    if needle in lowered:
                        hit = needle
                        break
                else:
                    continue
            if prefixes is not None and not lowered.startswith(prefixes) and not text[:1].isspace():
                continue
            if literals is not None:
                for literal in literals:
                    if literal in lowered:
                        break
                else:
                    continue
            m = fullmatch(text)
            if m is None:
                continue
            meta = {} if extract is None else extract(m)
            if meta is not None:
                yield Finding(i, self.name, tuple(meta.items()), self.why(hit))


@dataclass(frozen=True)
class ContextRule:
    """A rule that needs the whole document: ``find(doc)`` yields the findings.

    ``emits`` declares every name its findings may carry (its own name by default), ``role`` the
    part its cuts play for later rules (:mod:`cleaner.rules.roles`).
    """

    name: str
    find: Callable[[DocumentView], Iterable[Finding]]
    description: str
    examples: tuple[str, ...] = field(default=())
    role: str = FURNITURE
    emits: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _declare(self)

    def apply(self, doc: DocumentView) -> Iterable[Finding]:
        return self.find(doc)


Rule = LineRule | ContextRule
