"""The cleaning pipeline: normalise -> paragraphs -> stages of rules -> Article.

:class:`Cleaner` holds a :class:`~cleaner.config.CleanerConfig` and the ordered
:class:`Stage` values; :meth:`Cleaner.clean` is a pure function of its input (no
state is kept between documents), so one cleaner can be shared by threads and
processes.

The engine is staged and immutable: each stage's rules read one frozen view of the
document and of the decisions of the stages before it (:func:`run_stage`); what they
find is applied only when the whole stage has run (:func:`resolve`: a paragraph goes
to the first rule of the stage that found it), and the next stage gets a new view.
The default stages: LINE (narrow line rules, order-free) -> HEADER -> CONTEXT
(comment threads, author boxes, repeats) -> the four teaser shapes, each in what the
one before left -> the zones around the body (repeated widget lines, what follows an
end marker, the body model) -> AFTER_ZONES (lines that may stand inside a body).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

from .article import Article, Caption, Cut, Provenance, sha256_hex
from .config import CleanerConfig
from .extract.header import HEADER, HEADER_AGAIN
from .language import detect_language
from .normalize import normalize_text
from .reflow import paragraphs
from .rules import AFTER_ZONES, CONTEXT, LINE, TEASERS, ContextRule, DocumentView, Finding, LineRule, Rule, boilerplate, check_names, declared_names
from .rules.roles import HEADER as HEADER_ROLE

__all__ = ["Cleaner", "clean", "Stage", "Decision", "DEFAULT_STAGES", "DEFAULT_RULES", "USER_STAGE", "run_stage", "resolve",
           "run_stages", "rule_set_id"]


@dataclass(frozen=True)
class Stage:
    """Rules that read the same view of the document; their findings are applied after all of them ran."""

    name: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Decision:
    """A cut as the engine applied it: the finding's paragraph, name, metadata and evidence, and the
    declared role of the rule that made it."""

    index: int
    rule: str
    role: str
    meta: tuple[tuple[str, Any], ...] = ()
    why: Mapping[str, Any] = field(default_factory=dict, hash=False)


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("line", LINE),
    Stage("header", (HEADER,)),
    Stage("context", CONTEXT),
    # Each teaser shape is looked for in what the one before left: a trailing block is trailing only once the
    # list under a heading is cut, cards only below what the block took, an embedded teaser only in the body.
    *(Stage(f"teasers.{r.name.split('.', 1)[1]}", (r,)) for r in TEASERS),
    Stage("repeated_lines", (boilerplate.REPEATED_LINE,)),
    Stage("end_marker", (boilerplate.END_MARKER,)),
    Stage("body", (boilerplate.BODY_ZONES,)),
    Stage("header_again", (HEADER_AGAIN,)),
    Stage("after_zones", AFTER_ZONES),
)

# Every rule of the default pipeline, in the order they run.
DEFAULT_RULES: tuple[Rule, ...] = tuple(r for stage in DEFAULT_STAGES for r in stage.rules)

# The stage of a caller's context rules (Cleaner(rules=...)): right after the built-in context rules, so
# that the teaser rules and the body model read their cuts by role, as they read the built-in ones.
USER_STAGE = "user"


def rule_set_id(rules: Iterable[Rule], version: str | None = None) -> str:
    """A short, stable hash of a caller's rules: each one's kind, name, role and emitted names, a line
    rule's pattern (source and flags), needles and length limit, a context rule's function by module and
    name, and ``version`` (to give when a context rule's code changes under the same name).

    >>> import regex
    >>> r = LineRule("mine.promo", regex.compile(r"Promo: .*"), "promo lines")
    >>> rule_set_id([r]) == rule_set_id([r]), rule_set_id([r]) == rule_set_id([r], version="2")
    (True, False)
    """
    parts: list[Any] = []
    for r in rules:
        part: dict[str, Any] = {"kind": type(r).__name__, "name": r.name, "role": r.role, "emits": list(r.emits)}
        if isinstance(r, LineRule):
            part.update(pattern=r.pattern.pattern, flags=int(r.pattern.flags), needles=list(r.needles), max_len=r.max_len)
        else:
            part["find"] = f"{getattr(r.find, '__module__', '')}.{getattr(r.find, '__qualname__', type(r.find).__qualname__)}"
        parts.append(part)
    blob = json.dumps({"rules": parts, "version": version}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _checked(rule: ContextRule) -> ContextRule:
    """``rule`` with its findings checked against its declaration: a name it does not declare is an error."""
    find, emits = rule.find, frozenset(rule.emits)

    def checked_find(doc: DocumentView) -> Iterator[Finding]:
        for f in find(doc):
            if f.rule not in emits:
                raise ValueError(f"rule {rule.name!r} made a cut named {f.rule!r}, which it does not declare "
                                 f"(emits={tuple(rule.emits)!r})")
            yield f

    return dataclasses.replace(rule, find=checked_find)


def _user_stages(stages: tuple[Stage, ...], rules: tuple[Rule, ...]) -> tuple[Stage, ...]:
    """``stages`` with a caller's rules added: line rules to the line stage (after the built-in ones, which
    win a paragraph both find), context rules in a stage of their own after the built-in context stage."""
    builtin = {n for names in declared_names(DEFAULT_RULES).values() for n in names}
    seen: set[str] = set()
    for r in rules:
        if not isinstance(r, (LineRule, ContextRule)):
            raise TypeError(f"a rule is a cleaner.rules.LineRule or ContextRule, not {type(r).__name__}")
        for name in (r.name, *r.emits):
            if name in builtin:
                raise ValueError(f"rule {r.name!r}: the name {name!r} is a built-in rule's; give your rule a name of its own")
        if r.name in seen:
            raise ValueError(f"two rules are named {r.name!r}")
        seen.add(r.name)
    line = tuple(r for r in rules if isinstance(r, LineRule))
    context = tuple(_checked(r) for r in rules if isinstance(r, ContextRule))
    out: list[Stage] = []
    for s in stages:
        out.append(Stage(s.name, s.rules + line) if s.name == "line" else s)
        if s.name == "context" and context:
            out.append(Stage(USER_STAGE, context))
    return tuple(out)


def run_stage(stage: Stage, view: DocumentView, enabled: Callable[[str], bool] = lambda name: True) -> list[tuple[Finding, Rule]]:
    """What the rules of ``stage`` find on ``view`` (a pure function of the view): findings on paragraphs
    the view has not cut, under names ``enabled`` lets through, with the rule that made each."""
    cut = view.cut
    return [(f, rule) for rule in stage.rules for f in rule.apply(view) if f.index not in cut and enabled(f.rule)]


def resolve(decisions: Mapping[int, Decision], found: Iterable[tuple[Finding, Rule]]) -> dict[int, Decision]:
    """``decisions`` with the findings of one stage applied: the first finding of a paragraph wins."""
    out = dict(decisions)
    for f, rule in found:
        if f.index not in out:
            out[f.index] = Decision(f.index, f.rule, rule.role, f.meta, f.why if f.why is not None else {"signal": rule.name})
    return out


def run_stages(stages: Iterable[Stage], view: DocumentView, enabled: Callable[[str], bool] = lambda name: True) -> dict[int, Decision]:
    """Run ``stages`` in order over ``view`` (a document with no decisions): the decisions they make."""
    decisions: dict[int, Decision] = {}
    for stage in stages:
        found = run_stage(stage, view, enabled)
        if found:
            decisions = resolve(decisions, found)
            # A new view: the body layout (cleaner.rules.boilerplate.layout) is read again from its decisions.
            view = view.with_decisions({i: d.rule for i, d in decisions.items()}, {i: d.role for i, d in decisions.items()})
    return decisions


class _Meta:
    """Collects the metadata findings yield, in document order."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.authors: list[str] = []
        self.related: list[str] = []
        self.captions: list[Caption] = []
        self.extra: dict[str, str] = {}
        self.footer_title: str | None = None
        # field -> (paragraph, rule) of the value kept; authors: one per paragraph that gave a new name
        self.sources: dict[str, tuple[int, str]] = {}
        self.author_sources: list[tuple[int, str]] = []
        self._footer_source: tuple[int, str] | None = None

    def add(self, role: str, key: str, value: Any, index: int = -1, by: str = "") -> None:
        """Keep ``value`` for ``key``, read by the rule named ``by`` from paragraph ``index``."""
        source = (index, by)
        if key == "authors":
            new = [name for name in value if name not in self.authors]
            self.authors.extend(dict.fromkeys(new))
            if new:
                self.author_sources.append(source)
        elif key == "related":
            if value not in self.related:
                self.related.append(value)
        elif key == "caption":
            self.captions.append(value)
        elif key.startswith("extra."):
            if key[6:] not in self.extra:
                self.extra[key[6:]] = value
                self.sources[key] = source
        elif key == "title" and role != HEADER_ROLE:
            if self.footer_title is None and value:
                self.footer_title, self._footer_source = value, source
        elif key not in self.values:
            self.values[key] = value
            self.sources[key] = source

    def provenance(self) -> tuple[Provenance, ...]:
        """Where each value kept was read, in record field order (extra keys last)."""
        sources = {k: v for k, v in self.sources.items() if k.startswith("extra.") or self.values.get(k) is not None}
        if not self.values.get("title"):
            # the title the article gets: the header's, else the comment footer's
            sources.pop("title", None)
            if self.footer_title and self._footer_source is not None:
                sources["title"] = self._footer_source
        out = []
        for name in _PROVENANCE_FIELDS:
            if name == "authors":
                out += [Provenance("authors", i, r) for i, r in self.author_sources]
            elif name in sources:
                out.append(Provenance(name, *sources[name]))
        out += [Provenance(k, *sources[k]) for k in sorted(sources) if k.startswith("extra.")]
        return tuple(out)


# The record fields whose values carry their provenance.
_PROVENANCE_FIELDS = ("title", "subtitle", "authors", "published", "views", "comment_count", "category")


class Cleaner:
    """A configured cleaning pipeline. ``Cleaner().clean(raw)`` cleans one document.

    >>> art = Cleaner().clean("Title Of The Story\\n\\nBy Jane Roe\\n\\nThe story starts here and goes on.\\n\\nShare this:")
    >>> art.title, art.authors, art.text
    ('Title Of The Story', ('Jane Roe',), 'The story starts here and goes on.')
    >>> [c.rule for c in art.removed]
    ['header.title', 'header.byline', 'social.share']
    """

    def __init__(self, config: CleanerConfig | None = None, body_model: Any = None, *,
                 rules: Iterable[Rule] = (), rules_version: str | None = None, **options: Any):
        if config is not None and options:
            raise TypeError("pass either a CleanerConfig or keyword options, not both")
        config = config or CleanerConfig(**options)
        rules = (rules,) if isinstance(rules, (LineRule, ContextRule)) else tuple(rules)
        stages = DEFAULT_STAGES
        if rules:
            # A caller's own rules (README, "Your own rules"): their identity goes into the config and its hash.
            stages = _user_stages(stages, rules)
            rule_set = rule_set_id(rules, rules_version)
            if config.rule_set not in (None, rule_set):
                raise ValueError(f"the configuration names the rule set {config.rule_set}, these rules are {rule_set}")
            config = dataclasses.replace(config, rule_set=rule_set)
        elif config.rule_set is not None:
            raise ValueError(f"the configuration names a rule set of the caller's own ({config.rule_set}): pass those "
                             "rules as Cleaner(config, rules=[...]); a Cleaner built from a configuration alone has only "
                             "the built-in rules (the worker processes of cleaner.engines and cleaner.hf.clean_batch "
                             "build theirs so)")
        self.config = config
        self.rules: tuple[Rule, ...] = tuple(r for s in stages for r in s.rules)
        check_names(self.config.disable, self.rules)
        if body_model is not None:
            # A body model of the caller's (a retrained cleaner.body.BodyModel) in place of the shipped one.
            body = boilerplate.body_rule(body_model)
            stages = tuple(Stage(s.name, tuple(body if r is boilerplate.BODY_ZONES else r for r in s.rules)) for s in stages)
        if not self.config.header:
            stages = tuple(s for s in stages if s.name != "header")
        # The stages with the rules the configuration switches off left out (a stage left empty goes).
        self.stages: tuple[Stage, ...] = tuple(
            Stage(s.name, rules) for s in stages if (rules := tuple(r for r in s.rules if self._on(r)))
        )

    def _on(self, rule: Rule) -> bool:
        return self.config.enabled(rule.name)

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def clean(self, raw: str, id: str | None = None, source: str | None = None) -> Article:
        """Clean one document. ``raw`` is the scraped text; ``id`` defaults to a hash of it."""
        if not isinstance(raw, str):
            raise TypeError(f"clean() needs text (str), got {type(raw).__name__}; decode bytes first")
        raw_sha = sha256_hex(raw)
        pars = tuple(paragraphs(normalize_text(raw, ascii_fold=self.config.ascii_fold)))
        decisions = run_stages(self.stages, DocumentView(pars), self.config.enabled)

        meta = _Meta()
        for i in sorted(decisions):
            d = decisions[i]
            for key, value in d.meta:
                meta.add(d.role, key, value, i, d.rule)
        removed = tuple(Cut(decisions[i].rule, i, pars[i].text, decisions[i].why) for i in sorted(decisions))
        text = "\n\n".join(p.text for i, p in enumerate(pars) if i not in decisions)
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
            provenance=meta.provenance(),
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
