"""Metadata from text against what each page declares itself, as ``shared/benchmark/score_meta.py`` scores it.

The reference is silver: the page's own JSON-LD / ``<meta>`` values (``meta_title``,
``meta_authors``, ``meta_date`` of the dev sets' ``pages.jsonl``). For each field, over the pages
that declare it (a title or date starting with ``0001`` counts as not declared):

* agree: title - the same words (``\\w+`` of the NFKC, HTML-unescaped, lower-cased text);
  authors - the same set of names (each name's words, a leading "by" dropped); date - the same
  day, or one day off (a page's local date and its UTC timestamp differ);
* reachable: the declared value can be read from ``raw_text`` at all (title: its words are a run
  of the text's words; authors: every name's words are; date: the day, or a day either side, is
  written there in one of the common forms of :func:`date_forms`);
* agree on reachable: agreement over the reachable pages, the figure a text-only cleaner can be
  held to;
* wrong among given: of the values the cleaner gave on pages that declare the field, the share
  that disagree (a wrong guess, not a null).

>>> row = page_meta({"raw_text": "Big News\\nBy Jane Roe\\nMarch 3, 2020", "meta_title": "Big news",
...                  "meta_authors": ["Jane Roe"], "meta_date": "2020-03-03T08:00:00Z"},
...                 {"title": "Big News", "authors": ["By Jane Roe"], "published": "2020-03-04"})
>>> [(f, row[f]["agree"], row[f]["reach"]) for f in FIELDS]
[('title', True, True), ('authors', True, True), ('date', True, True)]
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from typing import Iterable

__all__ = ["FIELDS", "words", "authors_norm", "iso_day", "date_forms", "near_days", "date_agree",
           "page_meta", "summarize"]

FIELDS = ("title", "authors", "date")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
DE = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
      "november", "dezember"]
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"))


def nfkc(s) -> str:
    s = unicodedata.normalize("NFKC", html.unescape(str(s)))
    for a, b in _QUOTES:
        s = s.replace(a, b)
    return s


def words(s) -> str:
    """The ``\\w+`` words of the normalised, lower-cased text, joined by single spaces."""
    return " ".join(re.findall(r"\w+", nfkc(s).lower()))


def authors_norm(v) -> set[str]:
    out = set()
    for x in v or []:
        w = re.sub(r"^by ", "", words(x))
        if w:
            out.add(w)
    return out


def iso_day(v) -> str | None:
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", str(v or ""))
    return "-".join(m.groups()) if m else None


def date_forms(day: datetime.date) -> set[str]:
    """The ways a page may write ``day`` (lower case; English and German month names)."""
    y, m, d = day.year, day.month, day.day
    out = {f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{d}. {m}. {y}",
           f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}",
           f"{y}/{m:02d}/{d:02d}", f"{d:02d}.{m:02d}.{y % 100:02d}"}
    for names in (MONTHS, DE):
        mon = names[m - 1]
        for mo in {mon, mon[:3], mon[:3] + "."}:
            out |= {f"{mo} {d}, {y}", f"{mo} {d:02d}, {y}", f"{d} {mo} {y}", f"{d}. {mo} {y}",
                    f"{d:02d}. {mo} {y}", f"{mo} {d} {y}", f"{d} {mo}, {y}"}
    return out


def near_days(iso: str) -> list[datetime.date]:
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return []
    return [day + datetime.timedelta(days=k) for k in (0, -1, 1)]


def date_agree(pred, ref) -> bool:
    p, r = iso_day(pred), iso_day(ref)
    return p is not None and r is not None and p in {d.isoformat() for d in near_days(r)}


def page_meta(page: dict, pred: dict) -> dict[str, dict]:
    """Per declared field of ``page``: ``agree``, ``reach``, ``given``, and the values compared.

    ``pred`` is a record: ``title``, ``authors`` (a list), ``published``. Fields the page does not
    declare are absent from the result.
    """
    out: dict[str, dict] = {}
    raw_w = " " + words(page.get("raw_text") or "") + " "
    raw_l = nfkc(page.get("raw_text") or "").lower()
    t = page.get("meta_title")
    if t and not t.startswith("0001"):
        ok = bool(pred.get("title")) and words(pred["title"]) == words(t)
        reach = bool(words(t)) and (" " + words(t) + " ") in raw_w
        out["title"] = dict(agree=ok, reach=reach, given=bool(pred.get("title")), declared=t, ours=pred.get("title"))
    a = page.get("meta_authors")
    if a:
        want = authors_norm(a)
        got = authors_norm(pred.get("authors"))
        ok = bool(want) and got == want
        reach = bool(want) and all((" " + w + " ") in raw_w for w in want)
        out["authors"] = dict(agree=ok, reach=reach, given=bool(got), declared=a, ours=pred.get("authors"))
    d = page.get("meta_date")
    if d and not str(d).startswith("0001"):
        ok = date_agree(pred.get("published"), d)
        reach = any(f in raw_l for day in near_days(iso_day(d) or "") for f in date_forms(day))
        out["date"] = dict(agree=ok, reach=reach, given=bool(pred.get("published")), declared=d,
                           ours=pred.get("published"))
    return out


def summarize(rows: Iterable[dict[str, dict]]) -> dict[str, dict]:
    """Per field: declared, agree, reachable, agree on reachable, given, wrong (counts and shares)."""
    stats = {f: dict(declared=0, agree_n=0, reachable=0, agree_reach_n=0, given=0, wrong_n=0) for f in FIELDS}
    for row in rows:
        for f, r in row.items():
            s = stats[f]
            s["declared"] += 1
            s["agree_n"] += r["agree"]
            s["reachable"] += r["reach"]
            s["agree_reach_n"] += r["agree"] and r["reach"]
            if r["given"]:
                s["given"] += 1
                s["wrong_n"] += not r["agree"]
    for s in stats.values():
        s["agree"] = s["agree_n"] / max(1, s["declared"])
        s["agree_reach"] = s["agree_reach_n"] / max(1, s["reachable"])
        s["wrong"] = s["wrong_n"] / max(1, s["given"])
    return stats
