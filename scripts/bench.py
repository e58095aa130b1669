"""Throughput benchmark: MB/s per core for each stage of the pipeline, against ftfy alone.

The corpus is generated here, deterministically from a seed: articles built from
the bundled seed texts and from generated sentences, with the debris scrapers
leave (duplicated photo captions with credits, view and comment counters, label
blocks, comment footers, share lines, related-article lines), mojibake on some
paragraphs, NBSPs, and hard wrapping at 80-100 columns in some documents.

Every rate is the size of the raw article text (UTF-8 bytes) divided by the time
the stage took on it, in one process, so the rows can be compared directly. The
JSON, ftfy and pipeline rows take turns on chunks of 50 documents, so that their
ratio holds on a busy machine; the stage rows run one after the other.

    python scripts/bench.py              # ~20 MB corpus
    python scripts/bench.py --mb 5       # a quicker run
    python scripts/bench.py --write corpus.jsonl   # also save the generated corpus
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import sys
import time
import textwrap
from pathlib import Path
from typing import Callable

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

import cleaner
from cleaner.extract.header import HEADER
from cleaner.language import detect_language
from cleaner.normalize import normalize_text
from cleaner.pipeline import Cleaner
from cleaner.reflow import paragraphs
from cleaner.rules import AFTER_HEADER, BEFORE_HEADER, DocumentView, LineRule

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# --------------------------------------------------------------------------- corpus

_FIRST = ["Anna", "Paul", "Maria", "James", "Olga", "Chen", "Fatima", "Lucas", "Sophie", "Ivan", "Elena", "David",
          "Aisha", "Kenji", "Laura", "Tomás", "Zoë", "Jürgen", "Amélie", "Sergei", "Hannah", "Omar", "Ines", "Mark"]
_LAST = ["Smith", "Petrova", "García", "Müller", "Nakamura", "O'Brien", "Kowalski", "Dubois", "Rossi", "Novak",
         "Haddad", "Johansson", "Fernández", "Lefèvre", "Brown", "Ivanov", "Schmidt", "Wang", "Costa", "Murphy"]
_ORGS = ["the central bank", "the finance ministry", "the city council", "the opposition party", "the World Bank",
         "the European Commission", "the trade union", "the energy regulator", "the state prosecutor", "the navy",
         "the health authority", "the school board", "the airline", "the port operator", "the electoral commission"]
_PLACES = ["Moscow", "Beijing", "Geneva", "São Paulo", "Zürich", "Kraków", "Singapore", "Lagos", "Montréal",
           "Washington", "Pyongyang", "Seoul", "Berlin", "Nairobi", "Jakarta", "Lima", "Reykjavík", "Málaga"]
_VERBS = ["said", "warned", "announced", "confirmed", "denied", "suggested", "argued", "insisted", "reported",
          "acknowledged", "predicted", "claimed"]
_TOPICS = ["the budget deficit", "the new pipeline", "interest rates", "the ceasefire talks", "the housing shortage",
           "fuel subsidies", "the vaccine programme", "the border dispute", "the rail link", "the trade agreement",
           "unemployment benefits", "the nuclear deal", "the election results", "the water supply", "the tax reform"]
_CHANGES = ["rose by", "fell by", "grew by", "dropped by", "climbed by", "slipped by"]
_ADVERBS = ["sharply", "slightly", "unexpectedly", "again", "steadily", "for the first time in a decade"]
_TIMES = ["on Monday", "on Tuesday", "last week", "earlier this month", "in March", "overnight", "this year",
          "at the weekend", "late on Friday", "after weeks of talks"]
_QUOTES = ["We are not going to accept this", "The situation is under control", "Nobody expected it to happen so fast",
           "It is a long-term problem and it needs a long-term answer", "This is only the beginning",
           "We have done everything we could", "The numbers speak for themselves"]
_WORDS = ("market government policy officials economy region security crisis talks agreement pressure "
          "sanctions growth investment energy prices workers companies elections voters leaders reform "
          "negotiations infrastructure community decision evidence analysts forecast summit").split()

_FOREIGN = {
    "de": ["Die Regierung hat am Montag neue Maßnahmen angekündigt, die den Wohnungsmarkt entlasten sollen.",
           "Nach Angaben des Ministeriums stiegen die Preise im vergangenen Jahr um fast zwölf Prozent.",
           "Kritiker werfen der Koalition vor, die Probleme viel zu spät erkannt zu haben.",
           "„Wir werden nicht tatenlos zusehen“, sagte die Ministerin vor Journalisten in Berlin.",
           "Die Opposition fordert eine unabhängige Untersuchung der Vorgänge im Bundestag."],
    "fr": ["Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
           "Selon l'institut national de la statistique, le chômage a reculé au troisième trimestre.",
           "« Nous ne céderons pas », a déclaré le ministre lors d'une conférence de presse à Paris.",
           "Les syndicats appellent à une nouvelle journée de grève dans les transports publics.",
           "La décision a été accueillie avec prudence par les marchés financiers européens."],
    "es": ["El Gobierno aprobó el martes un paquete de medidas para frenar la subida de los precios.",
           "Según los datos del instituto de estadística, el paro bajó por tercer mes consecutivo.",
           "«No vamos a permitir que esto vuelva a ocurrir», afirmó la ministra en Madrid.",
           "La oposición exige la comparecencia urgente del presidente ante el Congreso.",
           "Los analistas esperan que el banco central mantenga los tipos de interés sin cambios."],
}
_FOREIGN_DEBRIS = {
    "de": ["Teilen", "Kommentare: 12", "Aufrufe: 1.204", "Kategorie: Politik", "Lesen Sie auch: Was die Reform bringt",
           "Kommentar schreiben", "Alle Rechte vorbehalten."],
    "fr": ["Partager", "Commentaires (4)", "Catégorie: Économie", "Lire aussi : Ce que change la réforme",
           "Laisser un commentaire", "Tous droits réservés."],
    "es": ["Compartir", "Comentarios: 7", "Categoría: Política", "Lea también: Las claves de la reforma",
           "Deja un comentario", "Todos los derechos reservados."],
}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f"{rng.choice(_ORGS).capitalize()} {rng.choice(_VERBS)} {rng.choice(_TIMES)} that {rng.choice(_TOPICS)} would be reviewed by the end of the year."
    if kind == 1:
        n = rng.randrange(2, 40)
        return f"Spending on {rng.choice(_TOPICS)} {rng.choice(_CHANGES)} {n}.{rng.randrange(10)} percent {rng.choice(_TIMES)}, {rng.choice(_ORGS)} {rng.choice(_VERBS)}."
    if kind == 2:
        q = rng.choice(_QUOTES)
        return f"“{q},” {_name(rng)}, a spokesperson for {rng.choice(_ORGS)}, told reporters in {rng.choice(_PLACES)}."
    if kind == 3:
        words = rng.sample(_WORDS, 6)
        return (f"Officials in {rng.choice(_PLACES)} {rng.choice(_VERBS)} that the {words[0]} and the {words[1]} "
                f"had changed {rng.choice(_ADVERBS)}, leaving {words[2]} and {words[3]} exposed to {words[4]} — "
                f"a risk for {words[5]} in the region.")
    if kind == 4:
        return f"Prices {rng.choice(_CHANGES)} {rng.randrange(1, 9)}% to €{rng.randrange(10, 999)},{rng.randrange(100, 999)} {rng.choice(_TIMES)}, the data showed."
    return (f"The talks between {rng.choice(_PLACES)} and {rng.choice(_PLACES)} are expected to resume "
            f"{rng.choice(_TIMES)}, according to {_name(rng)}, who has followed {rng.choice(_TOPICS)} for years.")


def _paragraph(rng: random.Random, lang: str = "en") -> str:
    if lang != "en":
        return " ".join(rng.sample(_FOREIGN[lang], rng.randint(2, 4)))
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def _mojibake(text: str) -> str:
    """UTF-8 text decoded as Windows-1252, as a misconfigured scraper stores it."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _nbsp(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 25)):
        i = rng.randrange(len(words))
        words[i] = words[i] + "\u00a0"
    return " ".join(words).replace("\u00a0 ", "\u00a0")


def _caption(rng: random.Random) -> str:
    credit = rng.choice([f"(AP Photo/{_name(rng)})", f"(Photo by {_name(rng)}/Getty Images)", f"{_name(rng)} / Reuters",
                         f"Photo: {_name(rng)}"])
    body = f"{_name(rng)} speaks to supporters in {rng.choice(_PLACES)} {rng.choice(_TIMES)}."
    if rng.random() < 0.3:
        return f"{rng.randrange(1000000, 9999999)} {rng.randrange(1, 28):02d}.{rng.randrange(1, 12):02d}.2018 {body} {credit}"
    return f"{body} {credit}"


def _date(rng: random.Random) -> str:
    month = rng.choice(["January", "March", "June", "July", "October", "November"])
    return rng.choice([f"{month} {rng.randrange(1, 28):02d}, 20{rng.randrange(10, 24)}",
                       f"{rng.randrange(1, 28)} {month}, 20{rng.randrange(10, 24)}",
                       f"Published: {rng.randrange(1, 28)} {month} 20{rng.randrange(10, 24)}"])


def _generated_article(rng: random.Random, mojibake: float) -> str:
    lang = "en" if rng.random() < 0.85 else rng.choice(["de", "fr", "es"])
    out: list[str] = []
    if lang == "en":
        title = f"{rng.choice(_PLACES)} {rng.choice(['Weighs', 'Rejects', 'Backs', 'Delays'])} Plan on {rng.choice(_TOPICS).title()[4:]}"
        out += [title, f"By {_name(rng)}", _date(rng)]
        if rng.random() < 0.5:
            out.insert(1, _sentence(rng))
    else:
        out += [rng.choice(_FOREIGN[lang])[:60].rstrip(" ,.") , _date(rng)]
    caption = _caption(rng) if rng.random() < 0.6 else None
    if caption:
        out.append(caption)
    body = [_paragraph(rng, lang) for _ in range(rng.randint(4, 14))]
    for i, p in enumerate(body):
        r = rng.random()
        if r < mojibake:
            p = _mojibake(p)
        elif r < mojibake + 0.2:
            p = _nbsp(rng, p)
        out.append(p)
        if lang == "en" and rng.random() < 0.08:
            out.append(f"Related article: {rng.choice(_PLACES)} {rng.choice(['Braces for', 'Looks Past'])} {rng.choice(_TOPICS).title()[4:]}")
        if lang != "en" and rng.random() < 0.1:
            out.append(rng.choice(_FOREIGN_DEBRIS[lang]))
        if i == 1 and caption:
            out.append(caption)
        if rng.random() < 0.04:
            out.append("Advertisement")
    tail = []
    if rng.random() < 0.5:
        tail.append(rng.choice(["Share this:", "Share on Facebook Share on Twitter", "Tweet", "Click to share on Twitter (Opens in new window)"]))
    if rng.random() < 0.4:
        tail.append(f"Views: {rng.randrange(10, 99999):,}")
    if rng.random() < 0.4:
        tail += [f"Category: {rng.choice(['Politics', 'Business', 'World', 'Entertainment'])}",
                 f"Tags: {rng.choice(_PLACES)}, {rng.choice(_WORDS)}, {rng.choice(_WORDS)}"]
    if rng.random() < 0.3:
        tail.append(f"{rng.randrange(1, 40)} replies on “{out[0]}”")
        tail.append("Comments are closed." if rng.random() < 0.5 else "Leave a Reply")
    if rng.random() < 0.3:
        tail.append(f"© 20{rng.randrange(10, 24)} Example Media. All rights reserved.")
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 3)):
            tail += [f"{rng.choice(_PLACES)} {rng.choice(['Weighs', 'Backs'])} {rng.choice(_TOPICS).title()[4:]}", _name(rng), _date(rng)]
    if lang != "en":
        tail += rng.sample(_FOREIGN_DEBRIS[lang], 2)
    out += tail
    wrapped = lang == "en" and rng.random() < 0.3
    if wrapped:
        width = rng.randint(80, 100)
        blocks = [textwrap.fill(p, width, break_on_hyphens=False) if len(p) > width else p for p in out]
    else:
        blocks = out
    sep = "\n\n" if rng.random() < 0.7 else "\n"
    text = sep.join(blocks)
    if rng.random() < 0.15:
        text = text.replace("\n", "\r\n")
    return text


def _seed_variant(rng: random.Random, seed: str, mojibake: float) -> str:
    """A seed article, sometimes with a paragraph damaged by mojibake or its spaces turned into NBSPs."""
    parts = seed.split("\n\n")
    for i in range(len(parts)):
        r = rng.random()
        if r < mojibake:
            parts[i] = _mojibake(parts[i])
        elif r < mojibake + 0.05:
            parts[i] = _nbsp(rng, parts[i])
    return "\n\n".join(parts)


def generate_corpus(megabytes: float, seed: int = 20240601, mojibake: float = 0.08) -> list[str]:
    """About ``megabytes`` MB (UTF-8) of scraped article texts; the same for the same arguments.

    ``mojibake`` is the share of paragraphs stored as UTF-8 decoded as Windows-1252.
    """
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    total = 0
    while total < target:
        if seeds and rng.random() < 0.2:
            doc = _seed_variant(rng, rng.choice(seeds), mojibake)
        else:
            doc = _generated_article(rng, mojibake)
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


# --------------------------------------------------------------------------- timing


def _timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _interleaved(jobs: dict[str, Callable[[int], object]], n: int, chunk: int = 50) -> dict[str, float]:
    """Seconds each job takes over items ``0..n-1``, run chunk by chunk in turns.

    Taking turns on small chunks puts every job under the same machine load, so the
    ratios between them hold on a busy machine too.
    """
    clock = time.perf_counter
    totals = dict.fromkeys(jobs, 0.0)
    gc.collect()
    for k, lo in enumerate(range(0, n, chunk)):
        hi = min(n, lo + chunk)
        names = list(jobs) if k % 2 == 0 else list(reversed(jobs))
        for name in names:
            job = jobs[name]
            start = clock()
            for i in range(lo, hi):
                job(i)
            totals[name] += clock() - start
    return totals


def _run_rules(docs_paragraphs, before, header, after, per_rule: dict[str, float] | None = None) -> None:
    """Apply rule sets the way the pipeline does (findings recorded in the view's cut map).

    With ``per_rule``, the time each rule takes is added up under its name.
    """
    clock = time.perf_counter
    for paras in docs_paragraphs:
        doc = DocumentView(paras)
        for group in (before, header, after):
            for rule in group:
                start = clock() if per_rule is not None else 0.0
                for f in rule.apply(doc):
                    if f.index not in doc.cut:
                        doc.cut[f.index] = f.rule
                if per_rule is not None:
                    per_rule[rule.name] = per_rule.get(rule.name, 0.0) + clock() - start


def _state_before_header(docs_paragraphs) -> list[DocumentView]:
    views = []
    for paras in docs_paragraphs:
        doc = DocumentView(paras)
        for rule in BEFORE_HEADER:
            for f in rule.apply(doc):
                if f.index not in doc.cut:
                    doc.cut[f.index] = f.rule
        views.append(doc)
    return views


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of raw text (default 20)")
    parser.add_argument("--seed", type=int, default=20240601, help="corpus seed (default 20240601)")
    parser.add_argument("--mojibake", type=float, default=0.08, help="share of paragraphs with mojibake (default 0.08)")
    parser.add_argument("--write", type=Path, help="also write the corpus as JSONL ({id, text}) to this path")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    docs = generate_corpus(args.mb, args.seed, args.mojibake)
    lines = [json.dumps({"id": f"doc{i:06d}", "text": d}, ensure_ascii=False) for i, d in enumerate(docs)]
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(
        f"corpus: {len(docs)} documents, {mb:.1f} MB of text (seed {args.seed}, "
        f"mojibake in {args.mojibake:.0%} of paragraphs, built in {time.perf_counter() - t0:.1f}s)"
    )
    print(f"python {platform.python_version()}, ftfy {ftfy.__version__}, cleaner {cleaner.__version__}, one process")
    print()

    rows: list[tuple[str, float, str]] = []

    def record(name: str, seconds: float, note: str = "") -> None:
        rows.append((name, mb / seconds, note))
        print(f"  {name:<26} {mb / seconds:8.2f} MB/s  ({seconds:6.2f}s)", file=sys.stderr, flush=True)

    pipe = Cleaner()
    for doc in docs[:20]:  # load the language model and warm the caches outside the timings
        pipe.clean(doc)
    # The three headline rows take turns on the same documents (see _interleaved).
    headline = _interleaved(
        {
            "json": lambda i: json.loads(lines[i]),
            "ftfy": lambda i: ftfy.fix_text(docs[i]),
            "clean": lambda i: pipe.clean(docs[i]),
        },
        len(docs),
    )
    record("json.loads (floor)", headline["json"], "parse the JSONL lines only")
    record("ftfy.fix_text", headline["ftfy"], "ftfy defaults, whole document")
    record("cleaner.clean (all)", headline["clean"], "the full default pipeline")

    normalised: list[list[str]] = []
    record("  normalize", _timed(lambda: normalised.extend(normalize_text(d) for d in docs)), "Unicode repair, spaces, line ends")
    paras: list = []
    record("  reflow", _timed(lambda: paras.extend(paragraphs(lines_) for lines_ in normalised)), "paragraphs, re-flow, de-hyphenation")
    record("  rules", _timed(lambda: _run_rules(paras, BEFORE_HEADER, (), AFTER_HEADER)), "all debris rules, header off")
    per_rule: dict[str, float] = {}
    _run_rules(paras, BEFORE_HEADER, (), AFTER_HEADER, per_rule)
    line_rules = [r.name for r in (*BEFORE_HEADER, *AFTER_HEADER) if isinstance(r, LineRule)]
    views = _state_before_header(paras)
    record("  header", _timed(lambda: [list(HEADER.apply(v)) for v in views]), "title, byline, date")
    texts = [pipe.clean(d).text for d in docs]
    record("  language", _timed(lambda: [detect_language(t) for t in texts]), "py3langid on the clean text")

    rates = {name.strip(): rate for name, rate, _ in rows}
    ratio = rates["cleaner.clean (all)"] / rates["ftfy.fix_text"]

    print("| stage | MB/s | what |" if args.markdown else f"{'stage':<26} {'MB/s':>8}  what")
    if args.markdown:
        print("|---|---:|---|")
    for name, rate, note in rows:
        if args.markdown:
            print(f"| {name.strip() if not name.startswith('  ') else '&nbsp;&nbsp;' + name.strip()} | {rate:.2f} | {note} |")
        else:
            print(f"{name:<26} {rate:8.2f}  {note}")
    print()
    print(f"pipeline / ftfy.fix_text: {ratio:.2f}x   (target >= 1.0x, ideally >= 1.3x)")
    slow = [n.strip() for n, r, _ in rows if n.startswith("  ") and n.strip() in ("normalize", "reflow", "rules", "header") and r < 15]
    if slow:
        print(f"regex stages below 15 MB/s: {', '.join(slow)}")
    print()
    line_total = sum(per_rule.get(name, 0.0) for name in line_rules)
    print(f"rules, by cost (MB/s if the rule ran alone; {len(line_rules)} line rules together: {mb / line_total:.1f} MB/s):")
    for name, seconds in sorted(per_rule.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:<34} {mb / seconds:8.1f} MB/s")
    print(f"total run time: {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
