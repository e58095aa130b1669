"""The page furniture around the article body: the zones before and after it.

A scraped region of a page holds the article plus what surrounds it:
navigation, section names, share buttons and login prompts above it; tags,
teaser lists, comment forms, 'Most Popular' boxes and site footers below it.
Little of it is prose. The body is found the way body-text extraction finds
it in markup (Finn et al., *BTE*): every paragraph gets a score, prose scores
its length in words and other paragraphs a cost, and the body is the run of
paragraphs with the highest total. Paragraphs outside that run are cut:
``boilerplate.before_body`` above it, ``boilerplate.after_body`` below it.

* A paragraph is *prose* when it has at least :data:`MIN_PROSE_WORDS` words
  and ends like a sentence (or with a colon that introduces what follows), or
  when it is long (:data:`LONG_WORDS` words) and not a comma list of keywords.
* A short line between two prose paragraphs (a subheading, a quote's
  attribution) costs little; a line in a run of short lines (a menu, a teaser
  list, a comment form) costs :data:`COST`.
* Prose far from the body stays only when there is more of it than the
  furniture that separates it from the body, so an article interrupted by a
  gallery keeps both halves, while a cookie notice above a menu, or the
  community rules below a comment form, are cut.
* A list or table that continues the body (rows with figures or a
  ``label: value`` shape, under a short heading or after a sentence that ends
  with a colon) is kept with it, at either end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

import regex

from ..extract.authors import parse_byline
from ..extract.dates import date_line, parse_date
from ..text import ends_sentence, short_text_cache
from .base import ContextRule, DocumentView, Finding
from .roles import COMMENT_SECTION, END_MARKERS, HEADER, INSIDE, NO_EVIDENCE, TRANSPARENT, body_role

__all__ = ["BODY_ZONES", "RULES", "Layout", "layout", "body_span", "is_prose", "is_row", "prose_flags", "size"]

MIN_PROSE_WORDS = 8
LONG_WORDS = 25
# What one paragraph of furniture costs, in words of prose.
COST = 10
# What a short line costs when prose is on both sides of it.
INNER_COST = 2
# A zone of fewer paragraphs (cut or not) is left to the line rules: one or two lines are no page furniture.
MIN_ZONE = 3
# The longest heading that may introduce a list that continues the body.
MAX_HEADING_WORDS = 8

_BULLET = regex.compile(r"^(?:[*•·▪►+-]|\d{1,2}[.)])\s+")
_BULLET_CHARS = frozenset("*•·▪►+-0123456789")
_DIGIT = regex.compile(r"\d")
_LABEL_VALUE = regex.compile(r"^[\p{L}\p{N}][^:]{0,40}:\s+\S")
_TRAILING_LINKS = regex.compile(r"(?:\s+(?:https?://|pic\.twitter\.com/|www\.)\S+)+$")
_SENTENCE_START = regex.compile(r"[\p{Lu}\p{N}\"“‘'«¿¡(]")
_SIGNATURE = regex.compile(r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+\S.{0,40}\d{4}")


def size(text: str) -> int:
    """Words in ``text``; text written without spaces counts one word per three characters."""
    return _size(text, len(text.split()))


def _size(text: str, words: int) -> int:
    return max(words, len(text) // 7 if " " in text else len(text) // 3)


def _keyword_list(text: str, words: int = 0) -> bool:
    """'a, b c, d, e f, g': five or more comma-separated items of at most three words, no sentence.

    ``words``, when given, is ``len(text.split())``. The items hold at least ``words`` less the
    tokens that are only commas (at most one a comma) between them: with more than three an
    item left after that, the text is no list.
    """
    commas = text.count(",")
    if commas < 4 or words - commas > 3 * (commas + 1):
        return False
    items = text.split(",")
    return sum(len(i.split()) for i in items) <= 3 * len(items) and not ends_sentence(text)


def _bare(text: str) -> str:
    """``text`` without a list bullet in front and links at the end (an embedded post ends on its link)."""
    if text[:1] in _BULLET_CHARS:
        text = _BULLET.sub("", text, count=1)
    if "http" in text or "www." in text or "pic.twitter" in text:
        text = _TRAILING_LINKS.sub("", text)
    return text


@short_text_cache(4096)
def is_prose(text: str) -> bool:
    """A sentence-like paragraph: long enough and ending like a sentence, or long.

    >>> is_prose("The talks ended without a deal on Monday, officials said.")
    True
    >>> is_prose("These are the teams that have qualified for the finals so far:")
    True
    >>> is_prose("Who are we as a nation if we respond to threats with threats? pic.twitter.com/s96jjh8")
    True
    >>> is_prose("* Most Read"), is_prose("Share this article")
    (False, False)
    """
    return _prose(text, len(text.split()))


def _prose(text: str, words: int) -> bool:
    """:func:`is_prose` of ``text``, which has ``words`` words (``len(text.split())``)."""
    bare = _bare(text)
    if bare == text:
        n = _size(text, words)
    else:
        words = len(bare.split())
        n = _size(bare, words)
    if n >= LONG_WORDS:
        return not _keyword_list(bare, words)
    return n >= MIN_PROSE_WORDS and (ends_sentence(bare) or bare.endswith(":"))


@short_text_cache(4096)
def is_short_sentence(text: str) -> bool:
    """A short paragraph that is a sentence: '"That is correct," Volker said.'; a date line that ends with
    an abbreviation ('12 ноября 2019 г.') is not one.

    >>> is_short_sentence('"That is correct," Volker said.'), is_short_sentence("Share this:")
    (True, False)
    >>> is_short_sentence("12 ноября 2019 г.")
    False
    """
    bare = _bare(text)
    n = len(bare.split())
    return (
        3 <= n < MIN_PROSE_WORDS and ends_sentence(bare) and _SENTENCE_START.match(bare) is not None
        and date_line(bare) is None
    )


def is_post_signature(text: str) -> bool:
    """The signature line under an embedded social-media post: '— Jane Roe (@janeroe) November 19, 2019'.

    >>> is_post_signature("— Rep. Ilhan Omar (@Ilhan) November 19, 2019")
    True
    """
    return len(text) <= 120 and _SIGNATURE.match(text) is not None


@short_text_cache(4096)
def is_row(text: str) -> bool:
    """A row of a list or table: a few words with figures or a 'label: value' shape, not a date or byline.

    >>> is_row("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre"), is_row("* Finland (Group J): Zero appearances")
    (True, True)
    >>> is_row("Published 2:16 AM EST Nov 20, 2019"), is_row("* Most Read"), is_row("By Jane Roe")
    (False, False, False)
    """
    bare = _BULLET.sub("", text, count=1).strip()
    words = bare.split()
    if not 3 <= len(words) <= 40:
        return False
    if not (_DIGIT.search(bare) or _LABEL_VALUE.match(bare)):
        return False
    return not (date_line(bare) or parse_date(bare) and len(words) <= 8 or parse_byline(bare))


def _text_facts(doc: DocumentView) -> tuple[list[bool], list[int]]:
    """Which paragraphs are prose, and their :func:`size`: once per document (the text never changes)."""
    def compute(d: DocumentView) -> tuple[list[bool], list[int]]:
        counts = d.word_counts()
        texts = [p.text for p in d.paragraphs]
        return [_prose(t, n) for t, n in zip(texts, counts)], [_size(t, n) for t, n in zip(texts, counts)]

    return doc.memo("boilerplate.prose", compute)


def prose_flags(doc: DocumentView) -> list[bool]:
    """``is_prose`` of every paragraph of ``doc``, cut or not, computed once per document."""
    return _text_facts(doc)[0]


def _live_prose(doc: DocumentView) -> list[bool]:
    """For each paragraph: prose, and not cut so far (unlike :func:`prose_flags`, this changes as rules cut)."""
    cut = doc.cut
    return [flag and i not in cut for i, flag in enumerate(prose_flags(doc))]


def _scores(doc: DocumentView) -> list[int]:
    n = len(doc.paragraphs)
    prose, sizes = _text_facts(doc)
    live_prose = _live_prose(doc)
    cut, roles = doc.cut, doc.roles
    scores = []
    for i, p in enumerate(doc.paragraphs):
        role = roles.get(i)
        if role is not None:
            # The header sits before the body anyway, and ads and inline links interrupt a body without
            # ending it; other cuts are furniture.
            if role == HEADER:
                scores.append(0)
            elif role in INSIDE:  # transparent cuts that stand inside a body, hardly ever around it
                scores.append(-INNER_COST)
            else:
                scores.append(-COST)
        elif prose[i]:
            scores.append(sizes[i])
        elif is_short_sentence(p.text):
            scores.append(1)
        elif is_post_signature(p.text) or 0 < i < n - 1 and live_prose[i - 1] and live_prose[i + 1]:
            scores.append(-INNER_COST)
        elif 0 < i and live_prose[i - 1] and _heading(p.text) and _next_live_is_prose(live_prose, cut, i):
            # A section heading: prose above it, and prose again after what the rules cut below it
            # (a table's header row, a repeated line).
            scores.append(-INNER_COST)
        else:
            scores.append(-COST)
    return scores


def _next_live_is_prose(live_prose: list[bool], cut: dict[int, str], i: int) -> bool:
    for j in range(i + 1, len(live_prose)):
        if j not in cut:
            return live_prose[j]
    return False


def body_span(doc: DocumentView) -> tuple[int, int] | None:
    """First and last index of the highest-scoring run of paragraphs, or None when there is no prose."""
    best = 0
    best_span: tuple[int, int] | None = None
    total = 0
    start = 0
    for i, s in enumerate(_scores(doc)):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _list_after(doc: DocumentView, last: int) -> int:
    """The last index of what continues the body after ``last``: a list or table, an embedded post's signature.

    A list is two or more rows (short headings may stand between them, as in a table of results), or the
    bullet items after a paragraph that ends with a colon.
    """
    paragraphs = doc.paragraphs
    n = len(paragraphs)
    end = last
    if end + 1 < n and end + 1 not in doc.cut and is_post_signature(paragraphs[end + 1].text):
        end += 1
    intro = paragraphs[last].text.rstrip().endswith(":")
    base = end
    j = end + 1
    rows = 0
    pending = 0  # headings seen since the last row
    while j < n and j not in doc.cut and pending <= 1:
        text = paragraphs[j].text
        if is_row(text) or (intro and _BULLET.match(text) and len(text.split()) >= 3):
            rows += 1
            pending = 0
            end = j
        elif _heading(text):
            pending += 1
        else:
            break
        j += 1
    return end if rows >= 2 or (rows and intro) else base


def _list_before(doc: DocumentView, first: int) -> int:
    """The first index of a list (with its heading) that opens the body before ``first``."""
    j = first - 1
    start = first
    rows = 0
    while j >= 0 and j not in doc.cut and is_row(doc.paragraphs[j].text):
        rows += 1
        start = j
        j -= 1
    if rows < 2:
        return first
    if j >= 0 and j not in doc.cut and _heading(doc.paragraphs[j].text):
        start = j
    return start


def _heading(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= MAX_HEADING_WORDS and not ends_sentence(text) and not _BULLET.match(text)


@dataclass(frozen=True)
class Layout:
    """Where the body stands, as the document and the decisions of a view show it.

    ``span``: the best-scoring run of prose (:func:`body_span`); ``body``: that run with a list or table
    that continues it; ``zone``: the live paragraphs outside it in zones where a named rule found debris.
    The header reads ``span``, the body model all three.
    """

    span: tuple[int, int] | None
    body: tuple[int, int] | None
    zone: frozenset[int]


def layout(doc: DocumentView) -> Layout:
    """The :class:`Layout` of ``doc``, computed once for a frozen view (whose decisions never change) and
    kept on it, so the rules of a stage that read it share one."""
    lay = doc.layout
    if lay is None:
        span = body_span(doc)
        body, zone = _zones(doc, span)
        lay = Layout(span, body, frozenset(zone))
        if doc.frozen:
            doc.layout = lay
    return lay


def span_zones(doc: DocumentView) -> tuple[tuple[int, int] | None, frozenset[int]]:
    """The body with the lists that continue it, and the zones of furniture around it (:func:`layout`)."""
    lay = layout(doc)
    return lay.body, lay.zone


def _zones(doc: DocumentView, span: tuple[int, int] | None) -> tuple[tuple[int, int] | None, set[int]]:
    """The best-scoring run of prose (with a list or table that continues it) and the live paragraphs
    outside it in zones where a named rule found debris: the body model's layout features."""
    if span is None:
        return None, set()
    first, last = _list_before(doc, span[0]), _list_after(doc, span[1])
    n = len(doc.paragraphs)
    out: set[int] = set()
    if first >= MIN_ZONE and _has_furniture(doc, range(0, first)):
        out.update(i for i in range(first) if i not in doc.cut)
    if n - 1 - last >= MIN_ZONE and _has_furniture(doc, range(last + 1, n)):
        out.update(doc.live_after(last))
    return (first, last), out


def _has_furniture(doc: DocumentView, zone: range) -> bool:
    """Whether a rule that names debris already found some in ``zone``.

    Shape alone is weak evidence: a list inside an article followed by a closing paragraph, a run of
    short questions and answers, or a short poem scores like a menu. A zone is cut only when some
    paragraph in it was recognised as debris by a named rule (a share widget, a related-links heading,
    a label, a navigation line, ...); a false cut costs more than a missed one.
    """
    for i in zone:
        role = doc.role(i)
        if role is not None and role not in NO_EVIDENCE:
            return True
    return False


def body_findings(doc: DocumentView, model: object | None = None) -> Iterator[Finding]:
    """The body model's cuts: live paragraphs it labels furniture, named by where they stand.

    Nothing is cut from a document in which no named rule found debris (shape alone is weak
    evidence: a list inside an article, a Q&A, a poem) or in which no live paragraph is prose, and a live prose paragraph of
    :data:`cleaner.body.PROTECTED_WORDS` words or more is never cut on layout alone.
    """
    from ..body import PROTECTED_WORDS, default_model

    roles = {i: body_role(r) for i, r in doc.roles.items()}
    if not any(r in ("furniture", "end") for r in roles.values()):
        return
    m = model if model is not None else default_model()
    texts = [p.text for p in doc.paragraphs]
    prose, sizes = _text_facts(doc)
    if not any(prose[i] for i in doc.live_indices()):
        return  # no running text: no article for the furniture to stand around
    protected = [prose[i] and sizes[i] >= PROTECTED_WORDS for i in range(len(texts))]
    opening = _opening(doc, prose, sizes)
    if opening is not None:
        protected[opening] = True
    span, zone = span_zones(doc)
    vectors: dict[int, Sequence[float]] = {}
    labelled = list(m.label(texts, roles, protected, span, zone, vectors=vectors))
    keep = {i for i, k, _ in labelled if k or protected[i]}
    _keep_lists(texts, [i for i, _, _ in labelled], keep)
    if not keep:
        return
    first, last = min(keep), max(keep)
    explain = getattr(m, "contributions", None)
    for i, _, score in labelled:
        if i in keep:
            continue
        name = "boilerplate.before_body" if i < first else "boilerplate.after_body" if i > last else "boilerplate.inside_body"
        why: dict[str, object] = {"signal": "body_model", "score": round(score, 3), "body": [first, last]}
        if explain is not None and i in vectors:
            why["features"] = explain(vectors[i])
        yield Finding(i, name, (), why)


# The article's first paragraph, right under its header, is kept when it is a sentence this long: the
# header found (a title confirmed by a byline or date) says where the article starts.
OPENING_WORDS = 10
# Short lines between the header and the opening that do not stop the search ('Publicado:', a source).
_OPENING_GAP_WORDS = 5
_OPENING_GAPS = 2


def _opening(doc: DocumentView, prose: list[bool], sizes: list[int]) -> int | None:
    """The paragraph that opens the article under the header, when it is a prose sentence, else None.

    From the header's first cut down, past the cuts of any rule (share buttons, the date, the byline)
    and at most two short lines: the first live paragraph, when it is prose of :data:`OPENING_WORDS`
    words or more. It is protected like long prose: the lead of a short news item or a truncated
    scrape is one sentence, and without it the body model sees no article at all.
    """
    top = min((i for i, r in doc.roles.items() if r == HEADER), default=None)
    if top is None:
        return None
    cut = doc.cut
    counts = doc.word_counts()
    gaps = 0
    for i in range(top + 1, len(doc.paragraphs)):
        if i in cut:
            continue
        if prose[i] and sizes[i] >= OPENING_WORDS:
            return i
        if prose[i] or counts[i] > _OPENING_GAP_WORDS or gaps == _OPENING_GAPS:
            return None
        gaps += 1
    return None


def _keep_lists(texts: list[str], live: list[int], keep: set[int]) -> None:
    """A list is read whole: the items that follow a kept sentence ending with a colon, or a kept
    list item, are kept with it."""
    for k, i in enumerate(live):
        if i not in keep:
            continue
        text = texts[i]
        if not (text.rstrip().endswith(":") or len(text) <= 400 and _list_item(text)):
            continue
        for j in live[k + 1:]:
            if j in keep or not (len(texts[j]) <= 400 and _list_item(texts[j])):
                break
            keep.add(j)


def _list_item(text: str) -> bool:
    return bool(_BULLET.match(text)) and len(text.split()) >= 2 or is_row(text)


def body_rule(model: object | None = None) -> ContextRule:
    """The body-model rule, with ``model`` (a :class:`cleaner.body.BodyModel`) or the shipped one."""
    return ContextRule(
        "boilerplate.before_body",
        lambda doc: body_findings(doc, model),
        "The page furniture around and inside the article body, as the body model labels it: every paragraph "
        "no named rule cut is scored from its shape (words, sentence ends, stop words, capitals, digits, links), "
        "its neighbours and the named rules' cuts around it, and a two-state decoding labels the sequence "
        "article or furniture. Only in documents where named rules found debris; long prose is never cut.",
        examples=(
            "Home » News » World  /  Menu  /  Search  (before the body)",
            "Tags: ...  /  * Most Read  /  * Other story title  /  © 2019 Example  (after the body)",
        ),
        emits=("boilerplate.before_body", "boilerplate.after_body", "boilerplate.inside_body"),
    )


BODY_ZONES = body_rule()

# A short line printed this often is a widget (share buttons under every item, a section label on every teaser).
REPEATS = 3
MAX_REPEATED_WORDS = 6


def _repeated_lines(doc: DocumentView) -> Iterator[Finding]:
    counts: dict[str, int] = {}
    for p, words in zip(doc.paragraphs, doc.word_counts()):
        if words <= MAX_REPEATED_WORDS:
            counts[p.text] = counts.get(p.text, 0) + 1
    if not counts or max(counts.values()) < REPEATS:
        return
    prose = prose_flags(doc)
    for i, p in doc.live():
        n = counts.get(p.text, 0)
        if n >= REPEATS and not prose[i] and not is_row(p.text):
            yield Finding(i, "boilerplate.repeated_line", (), {"signal": "repeated_line", "count": n})


REPEATED_LINE = ContextRule(
    "boilerplate.repeated_line",
    _repeated_lines,
    f"A short line (at most {MAX_REPEATED_WORDS} words, not a sentence or a table row) printed {REPEATS} or more "
    "times in the document: the share buttons under every item of a list, the section label on every teaser.",
    examples=("Whatsapp Facebook Pinterest  (under each of five quotes)", "Business  (above each of four teasers)"),
)

# Cuts whose role is an end marker (roles.END_MARKERS) end the article: what follows them is links, forms and footers.
BODY_WORDS = 50
# After a comment form, prose that is less than half the prose above it is not the article.
COMMENT_SHARE = 2
FORM_SPAN = 8


def _end_marker(doc: DocumentView) -> Iterator[Finding]:
    n = len(doc.paragraphs)
    prose = _live_prose(doc)
    # adjacent[i]: prose paragraph i is followed by another with only interruptions between.
    adjacent = [False] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        if prose[i]:
            adjacent[i] = nxt >= 0
            nxt = i
        elif doc.role(i) in TRANSPARENT:
            continue
        else:
            nxt = -1
    sizes = _text_facts(doc)[1]
    words = [sizes[i] if prose[i] else 0 for i in range(n)]
    total = sum(words)
    body_before = False
    before_words = 0
    for i in range(n):
        before_words += words[i]
        if prose[i] and (adjacent[i] or words[i] >= BODY_WORDS):
            body_before = True
        role = doc.role(i)
        if not body_before or role not in END_MARKERS:
            continue
        after = [j for j in range(i + 1, n) if prose[j]]
        teasers = len(after) != 1 and not any(adjacent[j] for j in after)
        # A comment form (a prompt with more of the form under it) ends the article: what prose follows it
        # (privacy notes, community rules, a newsletter box) is less than the body above it.
        form = (
            role in COMMENT_SECTION
            and any(doc.role(j) in COMMENT_SECTION for j in range(i + 1, min(n, i + FORM_SPAN)))
            and (total - before_words) * COMMENT_SHARE < before_words
        )
        if not (teasers or form):
            continue
        why = {"signal": "after_end_marker", "marker": i, "marker_rule": doc.cut[i], "shape": "teasers" if teasers else "comment_form"}
        for j in doc.live_after(i):
            yield Finding(j, "boilerplate.after_end_marker", (), why)
        return


END_MARKER = ContextRule(
    "boilerplate.after_end_marker",
    _end_marker,
    "Everything after an end-of-article marker (a related-links heading, a comment-section heading or prompt, a "
    "copyright line) that comes after the body, when what follows holds no two prose paragraphs in a row "
    "(teaser summaries and comments stand alone between short lines; a body's paragraphs follow each other), "
    "or, after a comment form, when what follows holds less than half the prose above it.",
    examples=("...last body paragraph.  /  You may also like  /  Teaser title  /  Teaser summary.  /  Share  /  ...",),
)

RULES = (REPEATED_LINE, END_MARKER, BODY_ZONES)
