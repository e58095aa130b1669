#!/usr/bin/env python3
"""Score the default cleaner on the article benchmark (dev split by default).

    python scripts/evaluate.py                      # the score table and metadata agreement
    python scripts/evaluate.py --worst 10           # the ten pages with the lowest precision
    python scripts/evaluate.py --show aeb_0123...   # one page: cuts, and kept text not in gold
    python scripts/evaluate.py --rules              # per rule: cut words that were in gold / not

The pages file is ``--pages PATH``, else ``$CLEANER_BENCHMARK``, else
``../shared/benchmark/dev/pages.jsonl`` relative to the repository root. The
trafilatura anchor is read from ``anchor_trafilatura.jsonl`` next to it when
present. Metrics are in :mod:`aeb_metric` (the benchmark's own AEB metric and
a bag-of-words metric).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import aeb_metric as M  # noqa: E402

import cleaner  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = "../shared/benchmark/dev/pages.jsonl"


def pages_path(arg: str | None) -> Path:
    raw = arg or os.environ.get("CLEANER_BENCHMARK") or DEFAULT_PAGES
    path = Path(raw)
    if not path.is_absolute() and not path.exists():
        path = ROOT / path
    return path


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------- metadata


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return " ".join(text.casefold().split())


def title_agrees(ours: str, silver: str) -> bool:
    return _norm(ours) == _norm(silver)


def authors_agree(ours: list[str], silver: list[str]) -> bool:
    """Any overlap: one of our names equals, or is contained in, one of the silver names (or the reverse).

    Silver values often carry the byline as printed ('By TOM KRISHER, AP Auto Writer').
    """
    a = [_norm(x) for x in ours]
    b = [_norm(x) for x in silver]
    return any(x == y or (len(x) > 3 and x in y) or (len(y) > 3 and y in x) for x in a for y in b)


def date_agrees(ours: str, silver: str) -> bool:
    return ours[:10] == silver[:10]


FIELDS = (
    ("title", "meta_title", lambda a: a.title or None, title_agrees),
    ("authors", "meta_authors", lambda a: list(a.authors) or None, authors_agree),
    ("date", "meta_date", lambda a: a.published or None, date_agrees),
)


def metadata_table(pages: list[dict], articles: dict[str, cleaner.Article]) -> list[str]:
    lines = [
        "| field | given | given, silver known | agree | disagree | null, silver known | given, no silver |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, key, get, agrees in FIELDS:
        c = Counter()
        for page in pages:
            ours = get(articles[page["id"]])
            silver = page.get(key) or None
            if ours is not None:
                c["given"] += 1
                if silver is None:
                    c["no_silver"] += 1
                else:
                    c["known"] += 1
                    c["agree" if agrees(ours, silver) else "disagree"] += 1
            elif silver is not None:
                c["null"] += 1
        lines.append(
            f"| {name} | {c['given']} | {c['known']} | {c['agree']} | {c['disagree']} | {c['null']} | {c['no_silver']} |"
        )
    return lines


def metadata_disagreements(pages: list[dict], articles: dict[str, cleaner.Article]) -> list[str]:
    out = []
    for name, key, get, agrees in FIELDS:
        for page in pages:
            ours = get(articles[page["id"]])
            silver = page.get(key) or None
            if ours is not None and silver is not None and not agrees(ours, silver):
                out.append(f"{name:8} {page['id']}  ours={ours!r}  silver={silver!r}")
    return out


# ---------------------------------------------------------------- scores


def fmt_row(lang: str, system: str, s: M.Scores) -> str:
    return (
        f"| {lang} | {s.pages} | {system} | {s.aeb_f1:.3f} | {s.aeb_p:.3f} | {s.aeb_r:.3f} | {s.exact:.3f} "
        f"| {s.bow_f1:.3f} | {s.bow_p:.3f} | {s.bow_r:.3f} |"
    )


def score_table(pages: list[dict], systems: dict[str, dict[str, str]]) -> list[str]:
    lines = [
        "| lang | pages | system | AEB-F1 | AEB-P | AEB-R | exact | BoW-F1 | BoW-P | BoW-R |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for lang, subset in (("all", pages), ("en", [p for p in pages if p.get("lang") == "en"])):
        if not subset:
            continue
        for system, preds in systems.items():
            if not all(p["id"] in preds for p in subset):
                continue
            lines.append(fmt_row(lang, system, M.score_pairs((p["gold_text"], preds[p["id"]]) for p in subset)))
    return lines


# ---------------------------------------------------------------- analysis


def _in_gold(text: str, gold_shingles: Counter) -> float:
    """Share of ``text``'s shingles that occur in the gold text."""
    sh = M.shingle_counts(text)
    total = sum(sh.values())
    if not total:
        return 0.0
    return sum(n for s, n in sh.items() if s in gold_shingles) / total


def show_page(page: dict, article: cleaner.Article) -> None:
    gold = M.shingle_counts(page["gold_text"])
    tp, fp, fn = M.page_tp_fp_fn(page["gold_text"], article.text)
    print(f"# {page['id']}  {page.get('source_url', '')}")
    print(f"precision {M.page_precision(tp, fp, fn):.3f}  recall {M.page_recall(tp, fp, fn):.3f}")
    print(f"title={article.title!r} authors={list(article.authors)!r} published={article.published!r}")
    print(f"silver: title={page.get('meta_title')!r} authors={page.get('meta_authors')!r} date={page.get('meta_date')!r}")
    print("\n## cuts (! = the cut text is in gold)")
    for cut in article.removed:
        mark = "!" if _in_gold(cut.text, gold) >= 0.5 else " "
        print(f"{mark} {cut.rule:32} | {cut.text[:150]}")
    print("\n## kept paragraphs not in gold")
    for para in article.text.split("\n\n"):
        if _in_gold(para, gold) < 0.5:
            print(f"  | {para[:200]}")


def rule_report(pages: list[dict], articles: dict[str, cleaner.Article], show_lost: bool) -> None:
    stats: dict[str, Counter] = defaultdict(Counter)
    lost: list[str] = []
    for page in pages:
        gold = M.shingle_counts(page["gold_text"])
        for cut in articles[page["id"]].removed:
            words = len(M.tokens(cut.text))
            share = _in_gold(cut.text, gold)
            stats[cut.rule]["cuts"] += 1
            stats[cut.rule]["words"] += words
            if share >= 0.5:
                stats[cut.rule]["lost_cuts"] += 1
                stats[cut.rule]["lost_words"] += words
                lost.append(f"{cut.rule:32} {page['id']} | {cut.text[:140]}")
    print("| rule | cuts | words | cuts in gold | words in gold |")
    print("|---|---|---|---|---|")
    for rule, c in sorted(stats.items()):
        print(f"| {rule} | {c['cuts']} | {c['words']} | {c['lost_cuts']} | {c['lost_words']} |")
    if show_lost:
        print("\n## cuts whose text is in gold")
        print("\n".join(lost))


def idempotency_report(c: cleaner.Cleaner, pages: list[dict], articles: dict[str, cleaner.Article]) -> None:
    """Clean each output text again: a second pass should cut nothing that has words in it."""
    changed = 0
    for page in pages:
        again = c.clean(articles[page["id"]].text)
        cuts = [cut for cut in again.removed if M.tokens(cut.text)]
        if cuts:
            changed += 1
            for cut in cuts:
                print(f"second pass {page['id']} {cut.rule:32} | {cut.text[:120]}")
    print(f"{changed} of {len(pages)} outputs lose words when cleaned again")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", help=f"pages.jsonl (default: $CLEANER_BENCHMARK or {DEFAULT_PAGES})")
    ap.add_argument("--worst", type=int, metavar="N", help="list the N pages with the lowest AEB precision")
    ap.add_argument("--show", metavar="ID", help="print one page's cuts and kept text that is not in gold")
    ap.add_argument("--rules", action="store_true", help="per rule: cuts and words, and how many were in gold")
    ap.add_argument("--lost", action="store_true", help="list every cut whose text is in gold")
    ap.add_argument("--disagreements", action="store_true", help="list metadata values that disagree with silver")
    ap.add_argument("--idempotency", action="store_true", help="clean every output text again and list what a second pass cuts")
    args = ap.parse_args(argv)

    path = pages_path(args.pages)
    pages = load_jsonl(path)
    c = cleaner.Cleaner(detect_language=False)
    start = time.perf_counter()
    articles = {p["id"]: c.clean(p["raw_text"], id=p["id"]) for p in pages}
    elapsed = time.perf_counter() - start

    if args.show:
        page = next((p for p in pages if p["id"] == args.show), None)
        if page is None:
            print(f"no page {args.show!r} in {path}", file=sys.stderr)
            return 2
        show_page(page, articles[page["id"]])
        return 0

    systems: dict[str, dict[str, str]] = {
        "raw_text (do nothing)": {p["id"]: p["raw_text"] for p in pages},
        "cleaner": {i: a.text for i, a in articles.items()},
    }
    anchor = path.with_name("anchor_trafilatura.jsonl")
    if anchor.exists():
        systems["trafilatura.extract on HTML"] = {r["id"]: r.get("text") or "" for r in load_jsonl(anchor)}

    mb = sum(len(p["raw_text"].encode()) for p in pages) / 1e6
    print(f"{path}: {len(pages)} pages, {mb:.2f} MB cleaned in {elapsed:.2f} s\n")
    print("\n".join(score_table(pages, systems)))
    print("\nMetadata against the pages' silver values (meta_title, meta_authors, meta_date):\n")
    print("\n".join(metadata_table(pages, articles)))
    if args.disagreements:
        print()
        print("\n".join(metadata_disagreements(pages, articles)))

    if args.worst:
        rows = []
        for p in pages:
            tp, fp, fn = M.page_tp_fp_fn(p["gold_text"], articles[p["id"]].text)
            rows.append((M.page_precision(tp, fp, fn), M.page_recall(tp, fp, fn), p["id"], p.get("source_url", "")))
        rows.sort()
        print(f"\nThe {args.worst} pages with the lowest AEB precision:\n")
        for prec, rec, pid, url in rows[: args.worst]:
            print(f"P {prec:.3f}  R {rec:.3f}  {pid}  {url}")
    if args.rules or args.lost:
        print()
        rule_report(pages, articles, args.lost)
    if args.idempotency:
        print()
        idempotency_report(c, pages, articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
