"""The article header: title, subtitle (dek), byline and date above the body.

The header is looked for in the paragraphs before the body (the body is the
run of prose that :func:`cleaner.rules.boilerplate.body_span` finds; above it
a scraped page holds its navigation, section names and share buttons as well
as the header). A title-shaped paragraph is the title when a byline, an
author name or a date line follows it within a few paragraphs, with at most a
subtitle sentence and two one- or two-word lines ('Share', 'Menu') between
them; when several qualify, the one nearest the body wins (a section name or
a breadcrumb stands above the title, not below it).

Without a byline, a headline-shaped line (no sentence end, no date beside a
name, no widget, menu, footer or breadcrumb) needs two signs: a date or
byline under it (counted twice, and given to the candidate next to it, not to
a kicker above it), being the first candidate of the page with nothing but
furniture and dates above it, its words printed again further down, or, with
the first, the prose starting right under it. Once the header is cut, no other
line may read as a headline (a second clean would take it): a kicker or short
dek that would is cut with the header as its subtitle when a date confirms the
title, else the page gets no title; a long dek, the article's opening, is
never cut, and the header then gives up its title (null beats a guess).

Header paragraphs are cut (rules ``header.title``, ``header.subtitle``,
``header.byline``, ``header.date``) and their values recorded. A name line
counts as a byline only next to the title, a 'By' line or a date, and only
when it reads like a person's name.
"""

from __future__ import annotations


import regex

from ..rules.base import ContextRule, DocumentView, Finding
from ..rules.roles import HEADER as HEADER_ROLE
from ..rules.boilerplate import is_prose, layout
from ..rules.shapes import is_title, strip_bullet
from ..text import ends_sentence, short_text_cache
from .authors import agency, is_name, parse_byline, split_names, unglue
from .dates import DATE, PUBLISHED_LABEL, UPDATED_LABEL, WEEKDAY, date_candidate, date_line, meta_words, parse_date, prose_words

__all__ = ["HEADER", "HEADER_AGAIN", "find_header", "find_header_again"]

_MAX_LEAD = 40  # paragraphs above the body in which the header is looked for
_MAX_TITLE_WORDS = 30
_MIN_TITLE_WORDS = 3
_MAX_SUBTITLE_WORDS = 60
_MAX_META_GAP = 2  # one- or two-word lines allowed between title and byline
_MAX_META_LINES = 6
_MAX_WIDGET_WORDS = 8  # a widget word in a longer line is part of a headline, unless it leads it

# Words of page furniture that name-shaped lines ('Sign In', 'Watch TV', 'Local News') are made of.
_NOT_NAME_WORDS = frozenset(
    """sign log in out up watch tv live news local world home menu search share sharing buttons subscribe
    subscribers register account more view all read latest top video videos photo photos sports business
    opinion politics entertainment travel style health science tech technology weather newsletter newsletters
    edition contact about help print email follow comments comment related stories story article articles
    staff editorial editor editors desk team admin administrator wire wires press media group network
    company magazine daily weekly times post journal herald tribune gazette today updated published posted
    agency agencies the
    union european europäische europäischen government regierung bundesregierung ministry ministerium council
    parliament parlament commission kommission university universität universidad université institute institut
    foundation stiftung association verband verein gmbh inc ltd llc corporation capitol state states city stadt
    your our my here custom text see what what’s what's new
    key points point features feature highlights summary overview takeaways takeaway contents introduction
    conclusion background analysis details facts fact sheet related popular trending recommended explained
    inhalt zusammenfassung überblick fazit hintergrund auf einen blick résumé sommaire l'essentiel resumen
    índice claves riassunto sommario resumo destaques podsumowanie najważniejsze samenvatting inhoud
    содержание главное""".split()
)
# Words of a credit line that names an organisation rather than a person ('Detroit News wire services').
_CREDIT_WORDS = frozenset(
    """news wire wires service services staff reports report press associated reuters agency agencies desk
    bureau writer writers correspondent correspondents contributor contributors editorial today""".split()
)
_GLUED = regex.compile(r"\p{Ll}{3}\p{Lu}")
_CLOCK = regex.compile(r"\d{1,2}:\d\d")
_DIGIT = regex.compile(r"\d")
_SENTENCE_BREAK = regex.compile(r"\p{Ll}[.!?]\s+\p{Lu}")
_PHOTO_CREDIT = regex.compile(r"/.*\b(?:images?|photos?|press|getty|reuters|ap|afp|staff)\b|\b(?:images?|photos?|getty|press)\b.*/", regex.IGNORECASE)
_LONE_BY = regex.compile(r"(?:by|von|par|por|di|door|av)\s*:?", regex.IGNORECASE)
_DATE_LEAD = regex.compile(r"(?:updated|posted|published|modified)\b", regex.IGNORECASE)


def _plausible(names: list[str] | None) -> tuple[str, ...] | None:
    """The names that read like a person's: no furniture words, no words glued together ('JamesStaff')."""
    if not names:
        return None
    kept = tuple(
        n for n in names
        if not any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in n.split()) and not _GLUED.search(n)
    )
    return kept or None


def _plausible_or_agency(names: list[str]) -> tuple[str, ...] | None:
    """:func:`_plausible` names, a news agency among them kept ('By Staff Reports', 'Von dpa')."""
    kept = tuple(agency(n) or n for n in names if agency(n) or _plausible([n]))
    return kept or None


@short_text_cache(2048)
def _credit_line(text: str) -> bool:
    """A short line that credits an organisation: 'Detroit News wire services', 'Staff Reports'.

    A line that starts in lower case and ends with a full stop is the end of a sentence broken over
    two lines ('after the report was published.'), not a credit ('by European Space Agency').
    """
    if text[:1].islower() and ends_sentence(text):
        return False
    words = text.lower().split()
    return 1 <= len(words) <= 5 and any(w.strip(".,") in _CREDIT_WORDS for w in words)


@short_text_cache(2048)
def _date_of(text: str) -> str | None:
    """The date of a date line, or of a short line that leads with 'Updated'/'Posted' and holds a date."""
    iso = date_line(text)
    if iso is None and len(text) <= 100 and _DATE_LEAD.match(text):
        iso = parse_date(text)
    return iso


@short_text_cache(2048)
def _byline_and_date(text: str) -> tuple[tuple[str, ...] | None, str | None]:
    """Authors and date from a paragraph such as 'By A | June 8, 2018' or 'Anna Roe, 5 November 2020'."""
    names = parse_byline(text)
    if names:
        return _plausible_or_agency(names), parse_date(text)
    if len(text) <= 80 and ("," in text or " and " in text or "|" in text) and not _headline_words(text):
        # 'Tom Krisher, AP Auto Writer', 'Meg Kinnard and Errin Haines, Associated Press'
        names = split_names(text)
        if names and (len(names) > 1 or len(names[0].split()) < len(text.split())):
            names = _plausible(names)
            if names:
                return names, parse_date(text)
    if len(text) <= 60 and (names := _plausible(_name_and_role(text))):
        return names, None  # 'Jane Roe Education editor': the role without a comma
    if len(text) <= 120 and parse_date(text):
        for sep in ("|", "·", "•", " - ", " – ", " — ", ","):
            if sep in text:
                head, _, tail = text.partition(sep)
                if date_line(tail.strip()) and (names := _plausible(split_names(head.strip()))):
                    return names, date_line(tail.strip())
    return None, None


@short_text_cache(2048)
def _is_name_line(text: str) -> bool:
    """A bare name line: name-shaped, a person's name, not in capitals (those are section labels)."""
    return is_name(text, max_words=4) and not text.isupper() and _plausible([text]) is not None


@short_text_cache(2048)
def _is_title(text: str) -> bool:
    words = text.split()
    return (
        _MIN_TITLE_WORDS <= len(words) <= _MAX_TITLE_WORDS
        and strip_bullet(text) == text
        and is_title(text, _MAX_TITLE_WORDS)
        and not text.startswith("(")
        and len(_SENTENCE_BREAK.findall(text)) < 2
        and not _LONE_BY.fullmatch(words[0])
        and not _CLOCK.search(text)
        and not _PHOTO_CREDIT.search(text)
        and not _credit_line(text)
        and not _stamp(text)
        and not (_names_first(text) and not _headline_words(text))
        and not _agency_credit(text)
        and not (is_name(text, max_words=3) and not _headline_words(text))
        and _byline_and_date(text)[0] is None
        and _date_of(text) is None
        and not _widget(text, words)
        and not _ARROWS.search(text)
        and not _SECTION_PAIR.fullmatch(text)
        and not _LABEL_START.match(text)
        and len(_LETTER.findall(text)) >= _MIN_TITLE_LETTERS
        and not _dated_label(text)
        and not _WEEKDAY_START.match(text)
    )


# Words no person's name starts with, that a headline in title case may: 'The Impeachment Clock', 'How To Grow'.
_HEADLINE_START = frozenset(
    """the how why what when where who which der die das wie warum wer comment pourquoi cómo por qué""".split()
)


def _headline_words(text: str) -> bool:
    """Whether a name-shaped line starts with a word no name starts with (it is a headline in title case)."""
    return text.split()[0].lower().strip("'’\"“”‘") in _HEADLINE_START


# 'Beauty & Lifestyle', 'Natur und Umwelt', 'Research & Innovation': a section name, not a headline.
_SECTION_PAIR = regex.compile(r"(?:\p{Lu}\S*\s+)?\p{Lu}[\p{L}-]+\s+(?:&|und|and|et|y|e)\s+\p{Lu}[\p{L}-]+")
# A line led by a publication label or a back link: 'Veröffentlicht in Body & Fitness', 'Zurück zur Übersicht'.
_LABEL_START = regex.compile(
    r"(?:" + PUBLISHED_LABEL + "|" + UPDATED_LABEL + r"|zurück|back\s+to|retour|volver|torna)\b", regex.IGNORECASE
)
# Opening hours or a date line's weekday: 'Montag - Freitag 8-20 Uhr', 'Tuesday, 5 p.m.'.
_WEEKDAY_START = regex.compile(r"(?:" + WEEKDAY + r")\b\s*(?:[-–,]|\d)", regex.IGNORECASE)
_LETTER = regex.compile(r"\p{L}")
_MIN_TITLE_LETTERS = 6  # '0800 000 98 00' is a phone number


def _widget(text: str, words: list[str]) -> bool:
    """A widget, menu or account line: a widget word in a short line or leading a longer one (a headline may
    name an advert or a photo: 'NASA+ Streaming startet: Ohne Registrierung, Gebühren oder Werbung')."""
    found = _WIDGET_WORDS.findall(text)
    return bool(found) and (len(words) <= _MAX_WIDGET_WORDS or len(found) >= 2 or _WIDGET_WORDS.match(text) is not None)


def _meta_kind(texts: list[str], k: int) -> str | None:
    """'byline', 'date', 'by' (a lone 'By' before the name) or 'label' (a date label above the date) for a
    header paragraph, else None."""
    text = texts[k]
    if _LONE_BY.fullmatch(text):
        return "by"
    if k + 1 < len(texts) and _label_line(text) and _date_of(texts[k + 1]):
        return "label"  # 'Erschienen am', then the date
    names, _ = _byline_and_date(text)
    if names:
        return "byline"
    if _date_of(text):
        return "date"
    if _credit_line(text) or _stamp(text) or _names_first(text):
        return "credit"
    return None


@short_text_cache(2048)
def _stamp(text: str) -> bool:
    """A time stamp without a date: 'Published 22 hours ago', 'Updated Nov 19, 9:41 AM'."""
    return len(text) <= 80 and _DATE_LEAD.match(text) is not None and _DIGIT.search(text) is not None


@short_text_cache(2048)
def _agency_credit(text: str) -> bool:
    """'KINNARD and ERRIN HAINES, Associated Press': a credit ending in a news agency (a byline's second line)."""
    _, sep, tail = text.rpartition(",")
    return bool(sep) and agency(tail) is not None


def _names_first(text: str) -> bool:
    """'Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader': two names and an outlet run together."""
    head, sep, tail = text.partition(" and ")
    # The second name is capitalised too: 'New SUVs and electric vehicles highlight ...' is a headline.
    tail_words = tail.split()[:2]
    return (
        bool(sep) and len(tail_words) == 2 and all(w[:1].isupper() for w in tail_words)
        and is_name(head, max_words=3) and len(text) <= 80
    )


def _confirmed(texts: list[str], t: int) -> tuple[int | None, int] | None:
    """(subtitle position or None, first meta position) when the title at ``t`` is followed by a byline or date."""
    subtitle = None
    gaps = 0
    k = t + 1
    if k < len(texts) and texts[k] == texts[t]:
        k += 1  # the title printed twice
    while k < len(texts):
        text = texts[k]
        kind = _meta_kind(texts, k)
        if kind is not None:
            return subtitle, k
        if _is_name_line(text) and gaps == 0:
            # A bare name right under the title (or its subtitle) is the byline.
            return subtitle, k
        words = len(text.split())
        # A dek without a full stop is longer than its title, or stands right above the byline.
        longer = words > len(texts[t].split())
        above_byline = (
            k + 1 < len(texts) and _meta_kind(texts, k + 1) is not None and min(words, len(texts[t].split())) >= 6
        )
        dek = longer or above_byline or not _is_title(text)
        if subtitle is None and gaps == 0 and dek and 4 <= words <= _MAX_SUBTITLE_WORDS:
            subtitle = k
        elif words <= 2 and gaps < _MAX_META_GAP:
            gaps += 1
        else:
            return None
        k += 1
    return None


def find_header(doc: DocumentView) -> list[Finding]:
    live = doc.live_indices()
    if not live:
        return []
    span = layout(doc).span
    if span is None:
        # No prose: nothing to stand above. Reading a header out of a document of header-shaped lines
        # would leave more of them, which a second clean would read as another header.
        return []
    lead = [i for i in live if i < span[0]][-_MAX_LEAD:]
    if not lead:
        return []
    texts = [doc.paragraphs[i].text for i in lead]
    strong: list[tuple[int, int | None, int]] = []
    weak: list[tuple[int, int | None, int]] = []
    for t in range(len(texts)):
        if not _is_title(texts[t]) or (t > 0 and texts[t - 1] == texts[t]):
            continue
        found = _confirmed(texts, t)
        if found is None:
            continue
        (strong if _signed(texts, found[1]) else weak).append((t, *found))
    # A 'By' line confirms a title better than a date or a bare name (a photo caption has a bare credit
    # under it); three or more titles confirmed alike are a list of teasers, not a header.
    if 1 <= len(strong) <= 2:
        best = strong[0]
    elif not strong and 1 <= len(weak) <= 2:
        best = weak[0]
    else:
        return _unconfirmed(doc, lead, texts, span)
    t, subtitle, k = best
    if subtitle == t + 1 and _crumbs_before(texts[t], texts[subtitle]):
        # 'Home News Business News <headline>' and then the headline alone: the first line is a breadcrumb
        # run into the headline, which is the title; both go.
        out = [Finding(lead[t], "header.title"),
               Finding(lead[subtitle], "header.title", (("title", strip_title(texts[subtitle])),))]
        out.extend(_meta_findings(texts, lead, k))
        out += _missing_meta(doc, lead, span, out, lead[subtitle])
        second = _second_title(doc, lead, span, out)
        return out + second if second is not None else _without_title(doc, lead, span)
    top = t
    if t > 0 and _continues_title(doc, lead, texts, t):
        top = t - 1  # a title wrapped over two lines of one block
    title = strip_title(" ".join(texts[top : t + 1]))
    out = [Finding(lead[top], "header.title", (("title", title),))]
    if top < t:
        out.append(Finding(lead[t], "header.title"))
    if t + 1 < len(texts) and texts[t + 1] == texts[t]:
        out.append(Finding(lead[t + 1], "header.title"))
    if subtitle is not None:
        out.append(Finding(lead[subtitle], "header.subtitle", (("subtitle", texts[subtitle]),)))
    out.extend(_meta_findings(texts, lead, k))
    out += _missing_meta(doc, lead, span, out, lead[t])
    second = _second_title(doc, lead, span, out)
    if second is not None:
        return out + second
    # A long dek under the header would open the page once it is cut: keep the header's text rather than
    # cut the dek, and read the byline and date alone if that leaves the dek where it is.
    return _without_title(doc, lead, span)


_MAX_CRUMB_WORDS = 5


def _crumbs_before(line: str, headline: str) -> bool:
    """Whether ``line`` is a few section names run into ``headline`` ('Start Thema Wirtschaft <headline>')."""
    head = line[: -len(headline)] if line.endswith(headline) and len(line) > len(headline) else ""
    return bool(head) and head.endswith(" ") and 1 <= len(head.split()) <= _MAX_CRUMB_WORDS


def _signed(texts: list[str], k: int) -> bool:
    """Whether the byline block from position ``k`` has a 'By' line ('By Jane Roe', or 'By' then the name)."""
    for text in texts[k : k + _MAX_META_LINES]:
        if _LONE_BY.fullmatch(text):
            return True
        if parse_byline(text) and _plausible(parse_byline(text)):
            return True
        if _meta_kind([text], 0) is None and not _is_name_line(text):
            return False
    return False


def _continues_title(doc: DocumentView, lead: list[int], texts: list[str], t: int) -> bool:
    """Whether the paragraph above the title is its first line: same block, first in it, title-shaped, short."""
    above, here = doc.paragraphs[lead[t - 1]], doc.paragraphs[lead[t]]
    if above.block != here.block or lead[t - 1] != lead[t] - 1:
        return False
    if lead[t - 1] > 0 and doc.paragraphs[lead[t - 1] - 1].block == above.block:
        return False
    return (
        is_title(texts[t - 1], _MAX_TITLE_WORDS)
        and not is_name(texts[t - 1])
        and _date_of(texts[t - 1]) is None
        and len((texts[t - 1] + " " + texts[t]).split()) <= _MAX_TITLE_WORDS
    )


def _meta_findings(texts: list[str], lead: list[int], k: int) -> list[Finding]:
    """The byline and date paragraphs from position ``k`` on, with their values."""
    found: list[Finding] = []
    have_names = have_date = False
    previous = None
    end = min(len(texts), k + _MAX_META_LINES)
    while k < end:
        text = texts[k]
        kind = _meta_kind(texts, k)
        if kind == "by":
            found.append(Finding(lead[k], "header.byline"))
        elif kind == "label":
            found.append(Finding(lead[k], "header.date"))
        elif kind == "byline":
            names, published = _byline_and_date(text)
            meta: list[tuple[str, object]] = []
            if not have_names:
                meta.append(("authors", tuple(names or ())))
                have_names = True
            if published and not have_date:
                meta.append(("published", published))
                have_date = True
            found.append(Finding(lead[k], "header.byline", tuple(meta)))
        elif kind == "date":
            meta = [] if have_date else [("published", _date_of(text))]
            have_date = True
            found.append(Finding(lead[k], "header.date", tuple(meta)))
        elif kind == "credit":
            found.append(Finding(lead[k], "header.byline"))
        elif _is_name_line(text) and (previous in ("by", "byline", "date", "label", "name", "credit") or not found):
            meta = [] if have_names else [("authors", (text,))]
            have_names = True
            found.append(Finding(lead[k], "header.byline", tuple(meta)))
            kind = "name"
        else:
            break
        previous = kind
        k += 1
    return _published_first(found, dict(zip(lead, texts)))


def _published_first(found: list[Finding], text_of: dict[int, str]) -> list[Finding]:
    """Move the date to the line labelled as the publication date when the first date read was an update."""
    dated = [n for n, f in enumerate(found) if any(key == "published" for key, _ in f.meta)]
    if not dated:
        return found
    first = dated[0]
    if (date_candidate(text_of[found[first].index]) or ("", ""))[1] != "updated":
        return found
    for n, f in enumerate(found):
        c = date_candidate(text_of[f.index])
        if n != first and c is not None and c[1] == "published":
            old = found[first]
            found = list(found)
            found[first] = Finding(old.index, old.rule, tuple(m for m in old.meta if m[0] != "published"))
            found[n] = Finding(f.index, f.rule, tuple(m for m in f.meta if m[0] != "published") + (("published", c[0]),))
            break
    return found


HEADER = ContextRule(
    "header",
    find_header,
    "The title, subtitle, byline and date above the body, taken only when a byline, name or date "
    "confirms them.",
    role=HEADER_ROLE,
    emits=("header.title", "header.subtitle", "header.byline", "header.date"),
)


def find_header_again(doc: DocumentView) -> list[Finding]:
    """The byline, read again once the body model has cut the furniture around it, when the
    first reading found no header: a byline that the lines above it hid (two bylines where one was a
    stray fragment the model has since cut) is read now, and not only by a second clean."""
    if any(role == HEADER_ROLE for role in doc.roles.values()):
        return []
    found = find_header(doc)
    # A headline or a date read only now has less behind it than one the first reading confirmed (the
    # dates of a list of teasers the model has since cut say nothing once they are gone): null beats a
    # guess, and only a byline is taken.
    if any(f.rule != "header.byline" for f in found):
        return []
    return found


HEADER_AGAIN = ContextRule(
    "header.reread",
    find_header_again,
    "The byline read again after the body model's cuts, on pages where the first reading found no header.",
    role=HEADER_ROLE,
    emits=("header.byline",),
)

# --- What the header gives when no byline or date confirms a title, or confirms it without one of them.

_MAX_ZONE_AFTER = 6
_MIN_TITLE_SCORE = 2
_MAX_META_WORDS = 7  # words beside the date in a header line: a name, a handful of categories  # header-shaped paragraphs at the top of the body run that may still hold the date or byline


def _zone(doc: DocumentView, lead: list[int], span: tuple[int, int]) -> list[int]:
    """The lead above the body and the top of the body run, up to its second prose paragraph (the first may
    be a dek above the date line); a date line that ends like a sentence ('... 6:00 p.m.') is no prose."""
    zone = list(lead)
    prose = 0
    for i in doc.live_indices():
        if i < span[0]:
            continue
        if i > span[1] or len(zone) - len(lead) >= _MAX_ZONE_AFTER:
            break
        text = doc.paragraphs[i].text
        if is_prose(text) and date_candidate(text) is None:
            prose += 1
            if prose == 2:
                break
        zone.append(i)
    return zone


def _meta_line(text: str) -> bool:
    """A line of header data only: date, byline, categories, counters; no phrase of prose beside them."""
    prose = prose_words(text)
    return prose == 0 and meta_words(text) <= _MAX_META_WORDS or prose == 1 and meta_words(text) <= _MAX_META_WORDS // 2


def _pick_date(doc: DocumentView, zone: list[int], after: int | None) -> tuple[int, str, tuple[int, ...]] | None:
    """The paragraph and date of the page's own date in ``zone`` (published wins over updated), and the
    zone's other date lines (none for a list of teasers).

    Three or more dated lines with different dates are a list of teasers: only a date labelled
    as the publication date is taken from them. When the title is known, a date below it wins
    over one above it (above it stand the site's 'today' and the teasers of the top menu).
    """
    found = []
    labels: dict[int, str] = {}  # a label printed on its own line above the date ('Erschienen am', then the date)
    for n, i in enumerate(zone):
        text = doc.paragraphs[i].text
        c = date_candidate(text)
        # The paragraph is cut with its date: one that says more than a byline and categories would
        # (a dek with a dateline) keeps its text, and gives no date from here.
        if c is not None and _meta_line(text):
            label = _label_line(doc.paragraphs[zone[n - 1]].text) if n > 0 else None
            if label is not None and c[1] == "plain":
                c = (c[0], label)
                labels[i] = zone[n - 1]
            found.append((i, *c))
    if not found:
        return None
    # A time stamp that gives no date ('Monday 5:30PM', '11/12/19 4:40PM') is one more teaser's date.
    stamps = sum(1 for i in zone if _TIME_STAMP.fullmatch(doc.paragraphs[i].text.strip()))
    teasers = len(found) + stamps >= 3 and (len({iso for _, iso, _ in found}) >= 2 or stamps > 0)
    if teasers:
        found = [f for f in found if f[2] == "published"]
    if after is not None and any(i > after for i, _, _ in found):
        found = [f for f in found if f[0] > after]
    for want in ("published", "plain", "updated"):
        for i, iso, kind in found:
            if kind == want:
                others = () if teasers else tuple(j for j, _, _ in found if j != i)
                return i, iso, others + ((labels[i],) if i in labels else ())
    return None


_PUBLISHED_ALONE = regex.compile(r"(?:" + PUBLISHED_LABEL + r")(?:\s+(?:on|am|le|el|il|em|op|at))?\s*:?", regex.IGNORECASE)
_UPDATED_ALONE = regex.compile(r"(?:" + UPDATED_LABEL + r")(?:\s+(?:on|am|le|el|il|em|op|at))?\s*:?", regex.IGNORECASE)


def _label_line(text: str) -> str | None:
    """'published' or 'updated' for a line that is nothing but a date label ('Erschienen am', 'Updated:')."""
    text = text.strip()
    if _PUBLISHED_ALONE.fullmatch(text):
        return "published"
    if _UPDATED_ALONE.fullmatch(text):
        return "updated"
    return None


_CAPTION = regex.compile(r"\b(?:getty|images|photo|photos|foto|fotos|picture|pictures|credit)\b|(?-i:\p{Lu}{2,}/\s?\p{Lu})", regex.IGNORECASE)
_BULLETED = regex.compile(r"^\s*(?:[*•·▪►+-]|\d{1,2}[.)])\s")
_HANDLE_GLUED = regex.compile(r"(?<=\p{L})@\w{1,30}")


# byline_of runs on every line of the header zone: its patterns are compiled once here
_SET_APART = regex.compile(r"\s*[-–—~|·•/,]")
_DATE_WORD = regex.compile(r"\s+(?:on|am|le|el|il|em|op|at|du|del)\s*(?=\||$)", regex.IGNORECASE)
_SPACES = regex.compile(r"\s+")
_EDGE_BARS = regex.compile(r"^(?:\|\s*)+|(?:\s*\|)+$")
_SEPARATOR = regex.compile(r"\s*[|,~]\s*|\s+[-–—]\s+")


@short_text_cache(2048)
def byline_of(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """``(names, date)`` of a header line that signs the article, else None.

    The forms: 'By X', 'Von X', 'Par X', 'Por X', 'Posted by X', 'written by X', 'Author: X', with or
    without a date or time around them ('5:45 AM PST 11/19/2019 by Jane Roe', 'by Jane Roe September 15,
    2014'); 'X, Staff Writer', 'X | Agency'; a news agency alone or before a date ('Reuters November 18,
    2019'). A list item is no byline (a menu, a teaser list); a name must read like one.

    >>> byline_of("5:45 AM PST 11/19/2019 by Jane Roe")
    (('Jane Roe',), '2019-11-19')
    >>> byline_of("By Meg JamesStaff Writer")
    (('Meg James',), None)
    >>> byline_of("Reuters November 18, 2019 11:03 PM")
    (('Reuters',), '2019-11-18')
    >>> byline_of("* By Jane Roe") is None, byline_of("Key Points") is None
    (True, True)
    """
    if len(text) > 160 or (_BULLETED.match(text) and not DATE.match(text)) or "\n" in text:
        return None  # a list item (a bullet, a number), not a date such as 1. Februar 2022
    if _CAPTION.search(text):
        return None  # a photo caption or credit names the person pictured or the photographer
    published = (date_candidate(text) or (None, None))[0]
    unglued = _HANDLE_GLUED.sub(" | ", unglue(_EMAIL.sub(" ", text)))
    # A name run into its role, its handle or a link label ('Jane RoeStaff Writer', 'Jane Roe@janeroe'), or
    # a name right beside the date ('Jane Roe 27/09/2018', 'November 20, 2019 Jane Roe'), is signed as such.
    first_date = DATE.search(unglued)
    signed = unglued != text
    if first_date is not None:
        if unglued[: first_date.start()].strip():
            signed = True  # 'Jane Roe 27/09/2018'
        else:
            # 'November 20, 2019 - Jane Roe', '17/11/2019 ~ Jane Roe': the date set apart from the name; a date
            # run into the words after it ('07.12.2022 Wissenschaft Klima') is followed by categories.
            after = _TIME_OR_ZONE.sub(" ", DATE.sub(" ", unglued[first_date.end() :]))
            signed = signed or bool(_SET_APART.match(after))
    bare = unglued
    for _ in range(3):  # dates run together ('17/11/201917/11/2019') come apart one by one
        bare, n = DATE.subn(" | ", bare)
        if not n:
            break
    bare = _TIME_OR_ZONE.sub(" ", bare)
    bare = _LABEL_WORDS.sub(" ", bare)
    # 'By Jane Roe On 12. Dezember 2022': the word that led to the date goes with it
    bare = _DATE_WORD.sub(" ", bare)
    bare = _SPACES.sub(" ", bare).strip(" |·•,-–—:")
    bare = _EDGE_BARS.sub("", bare).strip()
    if not bare:
        return None
    m = _BY_INSIDE.match(bare)
    if m and (a := agency(_split_once(bare[m.end() :])[0])):
        return (a,), published  # 'By Staff Reports', 'Von dpa'
    names = parse_byline(bare)
    if names is None:
        m = _BY_INSIDE.search(bare)
        # 'Veröffentlicht am ... von X', 'Posted ... by X': only labels before the 'by'; 'Die Polizei fand die
        # Leiche von X' or 'Leído por X' are not bylines.
        if m and _LABELS_ONLY.fullmatch(bare[: m.start()]):
            names = parse_byline(bare[m.start() :].strip())
    if names is None and (a := agency(bare.split(" | ")[0])):
        names = [a]
    if names is None:
        head, sep, tail = _split_once(bare)
        # Without a 'By', a name in capitals is a brand or a section ('FIT FOR FUN'); 'By Ela' is no name.
        if not head.strip() or head.isupper() or _LONE_BY.fullmatch(head.split()[0]):
            pass
        elif sep and (agency(tail) or _ROLE.search(tail) or signed) and is_name(head, max_words=4):
            names = split_names(head)
        elif not sep and signed and is_name(head, max_words=4):
            names = [head]
        elif not sep:
            names = _name_and_role(head)  # 'Jane Roe Education editor', 'Jane Roe Staff Writer'
    if names is None and published is not None:
        names = _handle_after_by(bare)
    kept = _plausible(names) if names else None
    if not kept:
        return None
    return kept, published


_TIME_OR_ZONE = regex.compile(
    r"\b[0-2]?\d[:.h][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}T|UTC|GMT|Uhr|ET|PT|CT|MT)\b)?|"
    r"\b(?:" + WEEKDAY + r")\b,?",
    regex.IGNORECASE,
)
_EMAIL = regex.compile(r"\S+@\S+\.\w+")
_LABEL_WORDS = regex.compile(r"(?<!\w)(?:" + PUBLISHED_LABEL + "|" + UPDATED_LABEL + r")(?!\w)", regex.IGNORECASE)
_LABELS_ONLY = regex.compile(
    r"(?:[\s|·•,~:/-]|\b(?:posted|written|published|updated|on|at|veröffentlicht|geschrieben|erstellt|am|um|"
    r"publié|le|publicado|el|pubblicato|il|publicado|em|opublikowano|gepubliceerd|op)\b)*",
    regex.IGNORECASE,
)
_BY_INSIDE = regex.compile(r"(?:^|\s)(?:by|von|par|por)\s+(?=\p{Lu}|\p{Ll}+\b)", regex.IGNORECASE)
_ROLE = regex.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|redakteur(?:in)?|redaktion|"
    r"korrespondent(?:in)?|journalist(?:in|e|a)?|rédact(?:eur|rice)|correspondant|redactor|redactora|"
    r"corresponsal|periodista|giornalista|inviat[oa]|repórter|dziennikarz|verslaggever|корреспондент)\b",
    regex.IGNORECASE,
)


def _is_role_phrase(words: list[str]) -> bool:
    """'Staff Writer', 'Senior Reporter', 'Education editor', 'Political correspondent': a role printed after
    the name without a comma. Every word a role word, or a desk name and a lower-case role word."""
    if not 1 <= len(words) <= 3:
        return False
    if all(_ROLE.fullmatch(w) or _ROLE_ONLY_WORDS.fullmatch(w) for w in words):
        return True
    return len(words) == 2 and words[0][:1].isupper() and words[1].islower() and _ROLE.fullmatch(words[1]) is not None


_ROLE_ONLY_WORDS = regex.compile(r"senior|chief|contributing|special|associate|managing|deputy|political|"
                                 r"national|foreign|sports|business|freie[rn]?|leitende[rn]?|stellvertretende[rn]?",
                                 regex.IGNORECASE)


def _name_and_role(text: str) -> list[str] | None:
    """The name of a line that is a name and the role after it, without a comma ('Jane Roe Education editor').

    >>> _name_and_role("Jane Roe Education editor"), _name_and_role("Mary Ann Roe Staff Writer")
    (['Jane Roe'], ['Mary Ann Roe'])
    >>> _name_and_role("Jane Roe Smith") is None
    True
    """
    words = text.split()
    if len(words) > 7:
        return None
    for cut in range(2, min(len(words) - 1, 4) + 1):  # the shortest name first
        if _is_role_phrase(words[cut:]) and is_name(" ".join(words[:cut]), max_words=4):
            return [" ".join(words[:cut])]
    return None


# 'by mady', 'By Ela': a one-word name (a blogger's handle) after an explicit 'By' in a dated line.
_BY_HANDLE = regex.compile(r"(?:^|[\s|·•,])(?:by|von|par|por)\s+(?P<name>\p{L}[\p{L}\d_.-]{1,24})$", regex.IGNORECASE)


def _handle_after_by(bare: str) -> list[str] | None:
    """The one-word name after 'By' at the end of a dated byline ('3. April 2022 by mady'); not a word of
    page furniture ('by admin', 'by Staff')."""
    m = _BY_HANDLE.search(bare)
    if m is None or not _LABELS_ONLY.fullmatch(bare[: m.start()].strip(" |·•,")):
        return None
    name = m.group("name").rstrip(".")
    if name.isupper() or name.lower() in _NOT_NAME_WORDS or name.lower() in _CREDIT_WORDS or _ROLE.fullmatch(name):
        return None
    return [name]


def _split_once(text: str) -> list[str]:
    m = _SEPARATOR.search(text)
    if m is None:
        return [text, "", ""]
    return [text[: m.start()].strip(), m.group(), text[m.end() :].strip()]


_BULLETED_BYLINE_GAP = 2  # a bulleted 'By' line counts within this many zone lines under the title


def _after(zone: list[int], at: int, n: int) -> int:
    """The index of the ``n``-th zone paragraph after paragraph ``at`` (the last one when fewer follow)."""
    later = [i for i in zone if i > at][:n]
    return later[-1] if later else at


def _pick_byline(doc: DocumentView, zone: list[int], title_at: int | None) -> tuple[int, tuple[str, ...], str | None] | None:
    """The byline of the header zone: below the title when there is one; bylines of two or more different
    names there are a list of teasers, which gives none."""
    found = []
    above = None
    for n, i in enumerate(zone):
        text = doc.paragraphs[i].text
        b = byline_of(text)
        if b is None and title_at is not None and i > title_at and _is_name_line(text):
            # Under the title, a bare name with the date right under it, or under a lone 'By': the byline
            # printed in two lines.
            below = date_line(doc.paragraphs[zone[n + 1]].text) if n + 1 < len(zone) else None
            by_above = n > 0 and _LONE_BY.fullmatch(doc.paragraphs[zone[n - 1]].text) is not None
            if below or by_above:
                b = ((text,), below)
        if b is None and title_at is not None and title_at < i <= _after(zone, title_at, _BULLETED_BYLINE_GAP):
            # Right under the title, a 'By' line the scrape set as a list item ('* Por Jane Roe').
            bare = strip_bullet(text)
            if bare != text and _BY_INSIDE.match(bare):
                b = byline_of(bare)
        if title_at is not None and i < title_at:
            above = (i, *b) if b is not None else None  # only the line right above the title counts
            continue
        if b is not None:
            found.append((i, *b))
    if not found and above is not None:
        found = [above]
    if not found or len({names for _, names, _ in found}) > 1:
        return None
    return found[0]


def _missing_meta(doc: DocumentView, lead: list[int], span: tuple[int, int], out: list[Finding], title_at: int | None) -> list[Finding]:
    # title_at: the paragraph index of the title, when one was found
    """Findings for the date the confirmed header lacks, read from the rest of the header zone."""
    have = {key for f in out for key, _ in f.meta}
    taken = {f.index for f in out}
    extra: list[Finding] = []
    # Every byline and date above the body counts here, not only those of the lead's window: two names or
    # three dates there are a list of teasers however far apart they stand.
    full = [i for i in doc.live_indices() if i < span[0]]
    header_zone = _zone(doc, full, span)
    if "authors" not in have:
        zone = [i for i in header_zone if i not in taken]
        picked_names = _pick_byline(doc, zone, title_at)
        if picked_names is not None:
            i, names, published = picked_names
            meta: tuple[tuple[str, object], ...] = (("authors", names),)
            if published and "published" not in have:
                meta += (("published", published),)
                have = have | {"published"}
            extra.append(Finding(i, "header.byline", meta))
            before = [j for j in zone if j < i][-1:]
            if before and before[0] not in taken and _LONE_BY.fullmatch(doc.paragraphs[before[0]].text):
                extra.append(Finding(before[0], "header.byline"))  # the lone 'By' above the name
            # The same byline printed again in the header zone goes with it.
            same = doc.paragraphs[i].text
            copies = [j for j in zone if j != i and doc.paragraphs[j].text == same]
            extra.extend(Finding(j, "header.byline") for j in copies)
            taken = taken | {i, *copies}
    if "published" not in have:
        zone = [i for i in header_zone if i not in taken]
        picked = _pick_date(doc, zone, title_at)
        if picked is not None:
            extra.append(Finding(picked[0], "header.date", (("published", picked[1]),)))
            # Another date line of the zone (an update stamp, the date again below the dek) goes with it: left
            # in the text, a second clean would read it as the page's date.
            extra.extend(Finding(i, "header.date") for i in picked[2])
            # The same date line printed again in the header zone goes with it.
            same = doc.paragraphs[picked[0]].text
            extra.extend(Finding(i, "header.date") for i in zone if i != picked[0] and doc.paragraphs[i].text == same)
    # A header line printed twice in the zone (a byline above and below the title) goes with its first copy:
    # left in the text, a second clean would read it as the header.
    done = {f.index for f in out + extra}
    text_of = {doc.paragraphs[f.index].text: f.rule for f in out + extra}
    extra.extend(
        Finding(j, text_of[doc.paragraphs[j].text])
        for j in header_zone
        if j not in done and doc.paragraphs[j].text in text_of
    )
    return extra


_SITE_SEP = regex.compile(r"\s+[|–—-]\s+|\s*[|»›>/]\s*(?=\S)")
_WORD = regex.compile(r"\w+")


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


# Words of widgets, menus and account prompts that stand where a headline would ('Zum Inhalt springen',
# 'Liken Lade …', 'Support my work!', 'Herzlich willkommen! Loggen Sie sich ein', 'Lesezeit: 1 min'):
# a line holding one is not a title.
_WIDGET_WORDS = regex.compile(
    r"\b(?:skip|springen|zum\s+inhalt|log\s*in|login|sign\s+in|sign\s+up|anmelden|angemeldet|einloggen|eingeloggt|loggen|registrieren|"
    r"welcome|willkommen|bienvenue|bienvenido|benvenuto|subscribe|abonnieren|abonnez|suscr[ií]bete|newsletter|"
    r"cookies?|liken|like(?=\s*(?:\d|$|\|))|gefällt|geladen|loading|chargement|cargando|download|herunterladen|lesezeit|read(?:ing)?\s+time|"
    r"temps\s+de\s+lecture|tiempo\s+de\s+lectura|support\s+(?:my|our|us)|donate|spenden|apoya|soutenez|"
    r"terms\s+of|privacy|impressum|datenschutzerklärung|kontakt|contact\s+us|menu|menü|search|suche|"
    r"share|teilen|partager|compartir|condividi|udostępnij|delen|поделиться|advertisement|anzeige|werbung|"
    r"publicidad|publicité|reklama|bewertungen|ratings?|reviews\s+reviews|plus\s+d'informations|"
    r"city,\s+state|übersetzer|translator|symbolbild|foto|photo|image|javascript|you\s+are\s+here|sie\s+sind\s+hier|"
    r"vous\s+êtes\s+ici|usted\s+está\s+aquí|vorheriges\s*\|\s*nächstes|schreibe\s+eine[nr]?\s+(?:antwort|kommentar)|"
    r"leave\s+a\s+(?:reply|comment)|laisser\s+un\s+commentaire|deja\s+un\s+comentario|lascia\s+un\s+commento)\b",
    regex.IGNORECASE,
)
# A link to the post before or after this one: 'Older post title →', '« Blog name'.
_ARROWS = regex.compile(r"^[«←‹<]|[→»›>]$")


def _candidate(text: str) -> bool:
    """A line that may be the headline without a byline to confirm it: title-shaped, no name, no sentence end."""
    return (
        _is_title(text)
        and not is_name(text, max_words=4)
        and not _SENTENCE_BREAK.search(text)
        # (a date beside a name or a category, 'Martina Berg 19. Juni 2019', is no title already: _is_title)
        # a footer ('Kontakt Impressum © 2019')
        and "©" not in text
        and not _QUOTED_SENTENCE.search(text)
        and len(_GLUED_WORDS.findall(text)) < 2
        and len(_MENU_SEP.findall(text)) < 2
    )


def _dated_label(text: str) -> bool:
    """A date with a few words beside it: a name, a category, a member's stamp; not a headline naming a day."""
    return parse_date(text) is not None and len(DATE.sub(" ", text).split()) <= _MAX_DATED_LABEL_WORDS


_MAX_DATED_LABEL_WORDS = 6
_MIN_DEK_WORDS = 12  # a line under the headline this long, and longer than it, is its dek, not a kicker above it
# A quotation ending with its full stop (and a footnote mark): an epigraph, not a headline.
_QUOTED_SENTENCE = regex.compile(r"\p{Ll}[.!?…]?[.][\"”“’»«]\s*\d*$|\p{Ll}\.[\"”“’»«]")
_GLUED_WORDS = regex.compile(r"\p{Ll}{2}\p{Lu}")
_MENU_SEP = regex.compile(r"\s[|/»›>•·]|[|/»›>•·]\s")


def _title_signals(doc: DocumentView, zone: list[int], gone: frozenset[int] = frozenset()) -> list[tuple[int, str, frozenset[str]]]:
    """Title-shaped paragraphs of the header zone, each with what speaks for it.

    ``repeated``: its words come again further down the page (the headline printed twice, a breadcrumb or
    a share label ending with it, a comment heading quoting it); ``dated``: a date or byline line follows
    within two paragraphs; ``first``: it is the first headline-shaped paragraph of the page, with nothing
    but page-top furniture above it (a section name, a skip link, a breadcrumb, a date or byline line; no
    prose, no other candidate); ``last``: prose follows it. ``gone``: paragraphs to read as cut (what
    the page looks like once the header is cut).
    """
    paragraphs = doc.paragraphs
    live = [i for i in doc.live_indices() if i not in gone]
    # The first paragraph after nothing but furniture: those lines stay (or the header takes them), and a
    # second clean must find the same paragraph first.
    first = None
    for i in live:
        text = paragraphs[i].text
        if _candidate(text):
            first = i
            break
        if byline_of(text) is not None and date_candidate(text) is None:
            # What stands under a byline is the dek or the article, not the headline opening the page; a blog
            # prints its dated byline ('3. April 2022 by Jane') above the headline.
            break
        if is_prose(text) and date_candidate(text) is None:
            break
    out = []
    later_words = None
    for n, i in enumerate(zone):
        text = paragraphs[i].text
        # Without a byline to confirm it, a line holding the end of a sentence is no headline.
        if i in gone or not _candidate(text):
            continue
        signals = set()
        w = _words(text)
        if later_words is None:
            # The words of every short paragraph are a fact of the text: read once per document.
            short_words = doc.memo("header.short_words", lambda d: [(j, _words(p.text)) for j, p in enumerate(d.paragraphs)
                                                                  if len(p.text) <= 600])
            later_words = [(j, lw) for j, lw in short_words if j not in gone]
        if any(j != i and (lw == w or lw.endswith(" " + w) or (" " + w + " ") in (" " + lw + " ")) for j, lw in later_words if j > i or lw != w):
            signals.add("repeated")
        # Share buttons and counters printed under the headline ('Share', 'Facebook', '0', 'AddThis Sharing
        # Buttons') stand between it and its date or its prose: they are looked past.
        # (not under a long line: a dek's share buttons are its headline's)
        below = [k for k in zone[n + 1 :] if k not in gone]
        skip = _widgets_under(paragraphs, below) if len(text.split()) < _MIN_DEK_WORDS else 0
        for k in below[skip:][:2]:
            t = paragraphs[k].text
            if date_candidate(t) or _byline_and_date(t)[0] or _LONE_BY.fullmatch(t):
                signals.add("dated")
                break
            if _TIME_STAMP.fullmatch(t.strip()):
                signals.add("stamped")
                break
            if _candidate(t) and not (len(t.split()) >= _MIN_DEK_WORDS and len(t.split()) > len(text.split())):
                break  # a kicker above the headline: the date or byline goes with the one next to it
        if i == first:
            signals.add("first")
        later = [j for j in live if j > i][: _MAX_WIDGET_LINES + 1]
        later = later[_widgets_under(paragraphs, later):]
        after = later[0] if later else None
        if after is not None and is_prose(paragraphs[after].text):
            signals.add("last")
        out.append((i, text, frozenset(signals)))
    return out


# A time stamp of a teaser without a date that can be read: 'Monday 5:30PM', '11/12/19 4:40PM', 'Heute 12:05'.
_TIME_STAMP = regex.compile(
    r"(?:(?:" + WEEKDAY + r"|today|yesterday|heute|gestern|hier|aujourd'hui|hoy|ayer|oggi|ieri),?\s+)?"
    r"(?:\d{1,2}/\d{1,2}/\d{2,4},?\s*)?(?:at\s+|um\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|Uhr))?",
    regex.IGNORECASE,
)
_MAX_WIDGET_LINES = 12  # share buttons and counters looked past under a headline
_SHARE_WORDS = regex.compile(r"\b(?:shar(?:e|ing)|teilen|partager|compartir|condividi|tweet|twitter|facebook|"
                             r"pinterest|linkedin|whatsapp|e-?mail|print|drucken|imprimer)\b", regex.IGNORECASE)


def _widgets_under(paragraphs, below: list[int]) -> int:
    """How many of the paragraphs ``below`` a headline, from the first, are share buttons and counters: a
    line of at most two words ('Facebook', '0', 'Nessun commento'), or a short line naming a share button
    ('AddThis Sharing Buttons', 'Share to LinkedIn ...'); a date, a name or a 'By' line ends them."""
    n = 0
    for k in below[:_MAX_WIDGET_LINES]:
        text = paragraphs[k].text
        words = text.split()
        bare = strip_bullet(text)
        if date_candidate(text) is not None or _LONE_BY.fullmatch(bare) or _is_name_line(bare) or byline_of(text):
            break  # the date or byline itself
        if len(words) <= 2:
            n += 1
        elif len(text) <= 200 and _SHARE_WORDS.search(text) and not is_prose(text):
            n += 1
        else:
            break
    return n


_DAY_PREFIX = regex.compile(
    r"^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+[0-3]?\d\s+(?=\p{Lu})", regex.IGNORECASE
)
_BREADCRUMB = regex.compile(r"\s+[»›>/]\s+")
_SITE_PART = regex.compile(r"\s+\|\s+")


def strip_title(text: str) -> str:
    """The headline without the breadcrumb before it or the site or section name beside it.

    >>> strip_title("Startseite » Beauty » Beauty-Tipps, die jede Braut kennen sollte")
    'Beauty-Tipps, die jede Braut kennen sollte'
    >>> strip_title("Local News | Brothel busted in Boston after a long investigation")
    'Brothel busted in Boston after a long investigation'
    >>> strip_title("Council Splits Over Bridge Budget | The Daily Example")
    'Council Splits Over Bridge Budget'
    >>> strip_title("Korsetts – Shops, Designer, online kaufen")
    'Korsetts – Shops, Designer, online kaufen'
    """
    # a day and month printed before the headline ('Jun 17 Das vielleicht schönste Ende der Welt'; 'May' may
    # start the headline itself)
    text = _DAY_PREFIX.sub("", text, count=1) if len(text.split()) > 4 else text
    parts = _BREADCRUMB.split(text)
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts[:-1]) and len(parts[-1].split()) >= 2:
        text = parts[-1]
    parts = _SITE_PART.split(text)
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts[:-1]) and len(parts[-1].split()) >= 3:
        return parts[-1].strip()  # 'Site | Posts | Fashion | The headline': a breadcrumb set with bars
    if len(parts) == 2:
        head, tail = parts
        # The shorter side, a few capitalised words, is the site or the section.
        short, long_ = sorted((head, tail), key=lambda p: len(p.split()))
        if len(short.split()) <= 4 and len(long_.split()) >= 3 and short[:1].isupper():
            text = long_
    return text.strip()


def _unconfirmed(doc: DocumentView, lead: list[int], texts: list[str], span: tuple[int, int]) -> list[Finding]:
    """No byline or date confirms a title: the best-supported title-shaped line, and the date of the zone.

    A candidate needs two signals of :func:`_title_signals` (a date or byline under it counts twice;
    ``last`` counts only with ``first``); of equals, the one nearest the body wins.
    """
    zone = _zone(doc, lead, span)
    best = _best_title(_title_signals(doc, zone))
    if best is not None:
        out = [Finding(best[1], "header.title", (("title", strip_title(best[2])),))]
        # The headline printed twice in a row goes with it.
        following = [i for i in zone if i > best[1]][:1]
        if following and doc.paragraphs[following[0]].text == best[2]:
            out.append(Finding(following[0], "header.title"))
        out += _missing_meta(doc, lead, span, out, best[1])
        second = _second_title(doc, lead, span, out)
        if second == [] or (second and best[3]):
            # A date or byline under it tells the headline from a kicker above it or a short dek below it,
            # which go with the header.
            return out + second
        # Once it is cut another line would read as the headline: two candidates and nothing to tell them
        # apart, so no title (null beats a guess).
    return _without_title(doc, lead, span)


def _without_title(doc: DocumentView, lead: list[int], span: tuple[int, int]) -> list[Finding]:
    """The byline and date of the header zone when no title is taken; nothing when cutting them would leave
    a long dek to open the page (a second clean would read it as the headline)."""
    out = _missing_meta(doc, lead, span, [], None)
    if not out:
        return out
    second = _second_title(doc, lead, span, out)
    return out + second if second is not None else []


def _best_title(found: list[tuple[int, str, frozenset[str]]]) -> tuple[int, int, str, bool] | None:
    """``(score, index, text, dated)`` of the best-supported candidate with at least two signals, else None.

    A date or byline under it counts twice; ``last`` counts only with ``first`` (the headline that opens
    the page right above the prose); of equals, the one nearest the body wins.
    """
    best = None
    # Three or more dated titles are a list of teasers: their dates say nothing of which is the headline.
    # A time stamp that gives no date ('Monday 5:30PM', '11/12/19 4:40PM') under a title counts here too.
    dated = 2 if sum(bool({"dated", "stamped"} & signals) for _, _, signals in found) < 3 else 0
    for i, text, signals in found:
        score = dated * ("dated" in signals) + ("first" in signals) + ("repeated" in signals)
        # a long line over the prose is as likely the article's opening (a dek) as its headline
        score += "first" in signals and "last" in signals and len(text.split()) < _MIN_DEK_WORDS
        if score >= _MIN_TITLE_SCORE and (best is None or score >= best[0]):
            best = (score, i, text, dated > 0 and "dated" in signals)
    return best


def _second_title(doc: DocumentView, lead: list[int], span: tuple[int, int], out: list[Finding]) -> list[Finding] | None:
    """The lines a second clean would read as another title once the header is cut, cut now with it.

    With the title and its byline gone, the line under them opens the page: when that line would
    qualify as a headline on its own (a kicker or a short dek without a full stop right above the
    prose), it belongs to the header, as its subtitle, and cleaning the output again finds nothing
    more. None when that line is a long dek: the article's opening, which is not cut.
    """
    extra: list[Finding] = []
    have_subtitle = any(key == "subtitle" for f in out for key, _ in f.meta)
    gone = frozenset(f.index for f in out)
    zone = _zone(doc, lead, span)
    for _ in range(3):
        best = _best_title(_title_signals(doc, zone, gone))
        if best is None:
            break
        text = doc.paragraphs[best[1]].text
        if len(text.split()) >= _MIN_DEK_WORDS:
            return None
        meta = () if have_subtitle else (("subtitle", text),)
        have_subtitle = True
        extra.append(Finding(best[1], "header.subtitle", meta))
        gone = gone | {best[1]}
    return extra
