"""``cleaner explain`` and ``cleaner rules``: what was cut, by which rule, and what each rule does.

:func:`explain` cleans a document and lines its paragraphs up with the
article: each paragraph is either kept or cut by a named rule.
:func:`render` shows that on a :class:`rich.console.Console`: on a terminal
cut paragraphs are struck through and dimmed behind ``[rule]``; elsewhere
(a pipe, a file) the same ``[rule]`` marker starts the paragraph as plain text.

>>> ex = explain("Views: 12\\n\\nThe body of the story is long enough to keep.", Cleaner(detect_language=False))
>>> [(p.rule, p.text) for p in ex.paragraphs]
[('counters.views', 'Views: 12'), (None, 'The body of the story is long enough to keep.')]
>>> print(plain_text(ex))
[counters.views] Views: 12
<BLANKLINE>
The body of the story is long enough to keep.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Iterator

import regex
from rich.console import Console
from rich.text import Text

from .article import Article
from .normalize import normalize_text
from .pipeline import Cleaner
from .reflow import paragraphs as split_paragraphs
from .rules import AFTER_HEADER, BEFORE_HEADER, FAMILIES
from .extract.header import HEADER

__all__ = ["Paragraph", "Explanation", "explain", "render", "plain_text", "rule_catalog", "rule_names", "METADATA_FIELDS"]

_RULE_NAMES = regex.compile(r"Rule names?:\s*([\w.,\s]+)")
_NAME = regex.compile(r"[a-z_]+\.[a-z_]+")

HEADER_RULES = {
    "header.title": "The title: a title-shaped first paragraph, taken when a byline or date below confirms it.",
    "header.subtitle": "The subtitle (dek): a sentence between the title and the byline.",
    "header.byline": "The byline at the top ('By Jane Roe', 'Jane Roe | June 8, 2018'): names go to `authors`.",
    "header.date": "A date line at the top: the date goes to `published`.",
}

METADATA_FIELDS = (
    "id", "source", "title", "subtitle", "authors", "published", "captions", "related",
    "views", "comment_count", "category", "extra", "language", "word_count",
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the normalised document; ``rule`` is the rule that cut it, None if kept."""

    text: str
    rule: str | None = None

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


def _interleave(paragraphs: list[str], kept: list[str], cuts: list[tuple[str, str]]) -> list[Paragraph] | None:
    """Mark which of ``paragraphs`` are ``kept`` and which are ``cuts``, both in document order.

    The two lists are an interleaving of ``paragraphs``; the one found is the
    one that keeps earlier copies of a repeated paragraph (as the rules do).
    None when no interleaving exists.
    """
    n, k, c = len(paragraphs), len(kept), len(cuts)
    if k + c != n:
        return None
    greedy: list[Paragraph] = []
    j = 0
    for i, text in enumerate(paragraphs):
        if i - j < k and text == kept[i - j]:
            greedy.append(Paragraph(text))
        elif j < c and text == cuts[j][1]:
            greedy.append(Paragraph(text, cuts[j][0]))
            j += 1
        else:
            break
    else:
        return greedy
    # ok[j][i]: paragraphs[i:] can be split into kept[i - j:] and cuts[j:], where j cuts are used up.
    ok = [[False] * (n + 1) for _ in range(c + 1)]
    ok[c][n] = True
    for i in range(n - 1, -1, -1):
        for j in range(min(c, i), max(-1, i - k - 1), -1):
            kept_i = i - j
            if kept_i < k and paragraphs[i] == kept[kept_i] and ok[j][i + 1]:
                ok[j][i] = True
            elif j < c and paragraphs[i] == cuts[j][1] and ok[j + 1][i + 1]:
                ok[j][i] = True
    if not ok[0][0]:
        return None
    out: list[Paragraph] = []
    j = 0
    for i, text in enumerate(paragraphs):
        kept_i = i - j
        if kept_i < k and text == kept[kept_i] and ok[j][i + 1]:
            out.append(Paragraph(text))
        else:
            out.append(Paragraph(text, cuts[j][0]))
            j += 1
    return out


def explain(raw: str, cleaner: Cleaner | None = None, id: str | None = None, source: str | None = None) -> Explanation:
    """Clean ``raw`` and line the article up with the document's paragraphs."""
    cleaner = cleaner or Cleaner()
    article = cleaner.clean(raw, id=id, source=source)
    paragraphs = [p.text for p in split_paragraphs(normalize_text(raw, ascii_fold=cleaner.config.ascii_fold))]
    kept = article.text.split("\n\n") if article.text else []
    cuts = [(c.rule, c.text) for c in article.removed]
    lined_up = _interleave(paragraphs, kept, cuts)
    if lined_up is None:
        # The document order cannot be recovered: kept paragraphs first, then the cuts.
        lined_up = [Paragraph(t) for t in kept] + [Paragraph(t, r) for r, t in cuts]
    return Explanation(article, tuple(lined_up))


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


def plain_text(ex: Explanation, metadata: bool = False) -> str:
    """The explanation as plain text (what ``cleaner explain`` prints into a pipe)."""
    buf = io.StringIO()
    render(ex, Console(file=buf, force_terminal=False, no_color=True, width=10_000), metadata=metadata)
    return buf.getvalue().rstrip("\n")


def rule_catalog() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every rule family in the order the pipeline runs them, with each rule's name and description."""
    order: list[str] = []
    for rule in BEFORE_HEADER:
        family = rule.name.split(".", 1)[0]
        if family not in order:
            order.append(family)
    order.append(HEADER.name)
    for rule in AFTER_HEADER:
        family = rule.name.split(".", 1)[0]
        if family not in order:
            order.append(family)
    order.extend(f for f in FAMILIES if f not in order)
    catalog = []
    for family in order:
        if family == HEADER.name:
            catalog.append((family, list(HEADER_RULES.items())))
            continue
        entries: list[tuple[str, str]] = []
        for rule in FAMILIES[family]:
            entries.append((rule.name, " ".join(rule.description.split())))
            entries.extend((name, f"a cut made by {rule.name} (see above)") for name in _emitted_names(rule.description) if name != rule.name)
        catalog.append((family, entries))
    return catalog


def _emitted_names(description: str) -> list[str]:
    """The finding names a rule's description lists after 'Rule names:'.

    >>> _emitted_names("Captions. Rule names: captions.duplicated, captions.photo_id.")
    ['captions.duplicated', 'captions.photo_id']
    """
    m = _RULE_NAMES.search(description)
    return _NAME.findall(m.group(1)) if m else []


def rule_names() -> set[str]:
    """Every name ``--disable`` accepts: family names and rule names."""
    names: set[str] = set()
    for family, rules in rule_catalog():
        names.add(family)
        names.update(name for name, _ in rules)
    return names
