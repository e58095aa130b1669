"""``cleaner explain`` and ``cleaner rules``: what was cut, by which rule and why, and what each rule does.

:func:`explain` cleans a document and lays out its paragraphs from the article alone: every cut
records its paragraph's index, so the kept paragraphs fill the other positions in order (no second
normalisation, no guessing). :func:`render` shows that on a :class:`rich.console.Console`: on a
terminal cut paragraphs are struck through and dimmed behind ``[rule]``; elsewhere (a pipe, a file)
the same ``[rule]`` marker starts the paragraph as plain text. :func:`to_json` gives the same as data,
with each cut's evidence (``why``).

>>> ex = explain("Views: 12\\n\\nThe body of the story is long enough to keep.", Cleaner(detect_language=False))
>>> [(p.index, p.rule, p.text) for p in ex.paragraphs]
[(0, 'counters.views', 'Views: 12'), (1, None, 'The body of the story is long enough to keep.')]
>>> print(plain_text(ex))
[counters.views] Views: 12
<BLANKLINE>
The body of the story is long enough to keep.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from rich.console import Console
from rich.text import Text

from .article import Article
from .pipeline import DEFAULT_RULES, Cleaner
from .rules import Rule, declared_names, known_names

__all__ = ["Paragraph", "Explanation", "explain", "layout", "render", "plain_text", "to_json", "rule_catalog", "rule_names",
           "METADATA_FIELDS"]

# What the header's names stand for (the header rule declares them; one description covers the rule).
NAME_DESCRIPTIONS = {
    "header.title": "The title: a headline-shaped paragraph above the body, confirmed by a byline or date below it, "
    "or opening the page (nothing but furniture above) with a second sign: a date under it, the prose right "
    "under it, its words printed again.",
    "header.subtitle": "The subtitle (dek): a sentence between the title and the byline, or a kicker or short dek "
    "that would read as a headline once the header is cut.",
    "header.byline": "The byline at the top ('By Jane Roe', 'Jane Roe | June 8, 2018'): names go to `authors`.",
    "header.date": "A date line at the top: the date goes to `published`.",
}

METADATA_FIELDS = (
    "id", "source", "title", "subtitle", "authors", "published", "captions", "related",
    "views", "comment_count", "category", "extra", "language", "word_count",
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the normalised document at position ``index``; ``rule`` is the rule name that cut it
    (None if kept) and ``why`` the cut's evidence."""

    text: str
    rule: str | None = None
    index: int = 0
    why: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def cut(self) -> bool:
        return self.rule is not None


@dataclass(frozen=True)
class Explanation:
    """A cleaned article and its document's paragraphs in order, each kept or cut."""

    article: Article
    paragraphs: tuple[Paragraph, ...]

    @property
    def cut_count(self) -> int:
        return sum(p.cut for p in self.paragraphs)


def layout(article: Article) -> tuple[Paragraph, ...]:
    """The document's paragraphs in order, from the article: each cut at its recorded index, the kept
    paragraphs (``article.text`` split at blank lines) in the positions between.

    >>> from cleaner.article import Cut
    >>> [(p.index, p.rule) for p in layout(Article(id="a", text="B\\n\\nD", removed=(Cut("x.a", 0, "A"), Cut("x.c", 2, "C"))))]
    [(0, 'x.a'), (1, None), (2, 'x.c'), (3, None)]
    """
    kept = article.text.split("\n\n") if article.text else []
    cuts = {c.index: c for c in article.removed}
    texts = iter(kept)
    out: list[Paragraph] = []
    for i in range(len(cuts) + len(kept)):
        c = cuts.get(i)
        out.append(Paragraph(c.text, c.rule, i, c.why) if c is not None else Paragraph(next(texts, ""), None, i))
    return tuple(out)


def explain(raw: str, cleaner: Cleaner | None = None, id: str | None = None, source: str | None = None) -> Explanation:
    """Clean ``raw`` and lay the article's kept and cut paragraphs out in document order."""
    cleaner = cleaner or Cleaner()
    article = cleaner.clean(raw, id=id, source=source)
    return Explanation(article, layout(article))


def _value(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        if not value:
            return "-"
        if isinstance(value[0], dict):
            return " | ".join(f"{v['text']} (credit: {v['credit']})" if v.get("credit") else v["text"] for v in value)
        return " | ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) if value else "-"
    return str(value)


def _metadata_lines(article: Article) -> Iterator[tuple[str, str]]:
    record = article.to_record()
    for name in METADATA_FIELDS:
        yield name, _value(record[name])


def render(ex: Explanation, console: Console, metadata: bool = True) -> None:
    """Print the explanation: paragraphs with cuts marked, then the metadata."""
    styled = console.is_terminal and not console.no_color
    for i, p in enumerate(ex.paragraphs):
        if i:
            console.print()
        if p.rule is None:
            console.print(Text(p.text), soft_wrap=not styled)
        elif styled:
            line = Text()
            line.append(f"[{p.rule}]", style="bold red")
            line.append(" ")
            line.append(p.text, style="dim strike")
            console.print(line)
        else:
            console.print(Text(f"[{p.rule}] {p.text}"), soft_wrap=True)
    if not metadata:
        return
    console.print()
    n = len(ex.paragraphs)
    heading = f"-- metadata ({n} paragraph{'s' * (n != 1)}, {ex.cut_count} cut) --"
    console.print(Text(heading, style="bold" if styled else ""), soft_wrap=True)
    width = max(len(name) for name in METADATA_FIELDS)
    for name, value in _metadata_lines(ex.article):
        line = Text()
        line.append(f"{name:<{width}}  ", style="cyan" if styled else "")
        line.append(value)
        console.print(line, soft_wrap=not styled)
    if ex.article.provenance:
        console.print(Text("-- where each value was read --", style="bold" if styled else ""), soft_wrap=True)
        for name, where in _provenance_lines(ex.article):
            line = Text()
            line.append(f"{name:<{width}}  ", style="cyan" if styled else "")
            line.append(where)
            console.print(line, soft_wrap=not styled)


def _provenance_lines(article: Article) -> Iterator[tuple[str, str]]:
    """Per metadata field, the paragraphs its value came from and the rules that read them."""
    by_field: dict[str, list[str]] = {}
    for p in article.provenance:
        by_field.setdefault(p.field, []).append(f"paragraph {p.paragraph} ({p.rule})")
    for name, places in by_field.items():
        yield name, "; ".join(places)


def plain_text(ex: Explanation, metadata: bool = False) -> str:
    """The explanation as plain text (what ``cleaner explain`` prints into a pipe)."""
    buf = io.StringIO()
    render(ex, Console(file=buf, force_terminal=False, no_color=True, width=10_000), metadata=metadata)
    return buf.getvalue().rstrip("\n")


def to_json(ex: Explanation, metadata: bool = True) -> dict[str, Any]:
    """The explanation as data: every paragraph with its index, and for a cut its rule and evidence; the
    record's metadata fields when ``metadata``."""
    out: dict[str, Any] = {
        "id": ex.article.id,
        "paragraphs": [
            {"index": p.index, "kept": True, "text": p.text} if p.rule is None
            else {"index": p.index, "kept": False, "rule": p.rule, "why": dict(p.why), "text": p.text}
            for p in ex.paragraphs
        ],
    }
    if metadata:
        record = ex.article.to_record()
        out["metadata"] = {name: record[name] for name in METADATA_FIELDS}
        out["provenance"] = record["provenance"]
    return out


def rule_catalog(rules: Iterable[Rule] | None = None) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Every rule family in the order the pipeline runs them, with each declared name, its description
    and the role its cuts play: generated from the rules' declarations (``name``, ``emits``, ``role``).
    A name a rule emits besides its own is described as a cut of that rule."""
    rules = DEFAULT_RULES if rules is None else tuple(rules)
    by_name = {r.name: r for r in rules}
    catalog: list[tuple[str, list[tuple[str, str, str]]]] = []
    for family, names in declared_names(rules).items():
        entries = []
        for name in names:
            rule = by_name.get(name)
            if rule is None:
                owner = next(r for r in rules if name in r.emits)
                text = NAME_DESCRIPTIONS.get(name) or f"a cut made by {owner.name} (see above)"
                entries.append((name, text, owner.role))
            else:
                entries.append((name, " ".join(rule.description.split()), rule.role))
        catalog.append((family, entries))
    return catalog


def rule_names(rules: Iterable[Rule] | None = None) -> set[str]:
    """Every name ``--disable`` accepts: family names and the declared rule names."""
    return known_names(DEFAULT_RULES if rules is None else rules)
