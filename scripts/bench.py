"""Throughput benchmark: cleaner against ftfy.fix_text and peers, per core, in one run, with export, scaling and memory.

The corpus is generated here, deterministically from a seed: articles built from
the bundled seed texts and from generated sentences, with the debris scrapers
leave (duplicated photo captions with credits, view and comment counters, label
blocks, comment footers, share lines, related-article lines), mojibake on some
paragraphs, NBSPs, and hard wrapping at 80-100 columns in some documents.

Every rate is the size of the raw article text (UTF-8 bytes) divided by the time
taken on it, per core, so the rows compare directly. One results table holds:

* json.loads, ftfy.fix_text and cleaner.clean take turns on chunks of 50
  documents, so their ratios hold on a busy machine;
* the peers that are installed (datatrove's C4QualityFilter, line filters only
  and with its defaults; clean-text's clean()), each taking turns with
  ftfy.fix_text alone, its ratio to ftfy from that pairing (clean-text runs ftfy
  itself: in one group with the others, the ftfy row would find its caches warm);
* Parquet export: cleaner.dataset.publish of the cleaned records against
  pyarrow.parquet.write_table of the same records (see scripts/bench_export.py);
* the local engine with 1 and 2 workers (see scripts/bench_scale.py);
* peak RSS of the local engine on a small and a large input.

A second table has the stages of the pipeline, run one after the other, and the
costliest rules; the figures of the done-when targets close the output.

    pip install -e .[bench]              # the peers and psutil
    python scripts/bench.py              # 20 MB corpus; 50 MB vs 500 MB for the peak RSS
    python scripts/bench.py --quick      # a smoke run: 3 MB; 5 MB vs 50 MB
    python scripts/bench.py --markdown   # the tables as Markdown
    python scripts/bench.py --skip-rss --skip-scaling --skip-export
    python scripts/bench.py --write corpus.jsonl   # also save the generated corpus
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import importlib.util
import json
import logging
import os
import platform
import random
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-1252 codec

import cleaner
from cleaner.config import CleanerConfig
from cleaner.engines.local import available_cpus
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
_WORDS = ["market", "government", "policy", "officials", "economy", "region", "security", "crisis", "talks",
          "agreement", "pressure", "sanctions", "growth", "investment", "energy", "prices", "workers",
          "companies", "elections", "voters", "leaders", "reform", "negotiations", "infrastructure",
          "community", "decision", "evidence", "analysts", "forecast", "summit"]

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


# --------------------------------------------------------------------------- results


@dataclass
class Row:
    """One line of a results table: a rate (MB of raw text per second per core) or another figure."""

    name: str
    note: str
    rate: float | None = None
    text: str | None = None  # the result cell when the row has no rate ("not installed", "412 MB")
    ratio: str | None = None  # the ratio cell when it is not the rate over ftfy's


def _print_table(title: str, rows: list[Row], ftfy_rate: float | None, markdown: bool) -> None:
    def cells(r: Row) -> tuple[str, str, str]:
        if r.rate is None:
            value = r.text or ""
        else:
            value = f"{r.rate:.2f} MB/s" if r.rate < 100 else f"{r.rate:.0f} MB/s"
        if r.ratio is not None:
            ratio = r.ratio
        elif r.rate is not None and ftfy_rate:
            ratio = f"{r.rate / ftfy_rate:.2f}x"
        else:
            ratio = ""
        return value, ratio, r.note

    table = [(r.name, *cells(r)) for r in rows]
    print(title)
    if markdown:
        print()
        print("| measurement | result | vs ftfy.fix_text | what it does |")
        print("|---|---:|---:|---|")
        for name, value, ratio, note in table:
            name = "&nbsp;&nbsp;" + name.strip() if name.startswith("  ") else name
            print(f"| {name} | {value} | {ratio} | {note} |")
    else:
        w0 = max(len(t[0]) for t in table)
        w1 = max(len("result"), *(len(t[1]) for t in table))
        w2 = max(len("vs ftfy"), *(len(t[2]) for t in table))
        print(f"  {'measurement':<{w0}}  {'result':>{w1}}  {'vs ftfy':>{w2}}  what it does")
        for name, value, ratio, note in table:
            print(f"  {name:<{w0}}  {value:>{w1}}  {ratio:>{w2}}  {note}")
    print()


def _progress(name: str, megabytes: float, seconds: float) -> None:
    print(f"  {name:<44} {megabytes / seconds:8.2f} MB/s  ({seconds:6.2f}s)", file=sys.stderr, flush=True)


def _load() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


# --------------------------------------------------------------------------- peers

C4_LINES = "datatrove C4QualityFilter, line filters"
C4_DEFAULTS = "datatrove C4QualityFilter, defaults"
CLEAN_TEXT = "clean-text clean()"

C4_LINES_NOTE = "C4 line rules, page sentence count off; no Unicode repair, no re-flow, no metadata"
C4_DEFAULTS_NOTE = "the same, and drops pages under 5 sentences (spaCy on every kept line)"
_PROBE = "The first sentence of the probe ends here. The second one ends here too.\nA third line, also a full sentence."


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def peer_jobs(docs: list[str], ids: list[str]) -> tuple[dict[str, Callable[[int], object]], dict[str, str], list[Row]]:
    """Jobs of the peers that are installed (for :func:`_interleaved`), their notes, and rows for those that are not."""
    jobs: dict[str, Callable[[int], object]] = {}
    notes: dict[str, str] = {}
    missing: list[Row] = []
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
    except ImportError:
        missing.append(Row(C4_LINES, "pip install datatrove", text="not installed"))
        missing.append(Row(C4_DEFAULTS, "pip install datatrove spacy", text="not installed"))
    else:
        # filter() rewrites doc.text, so every call gets a new Document
        lines_only = C4QualityFilter(min_num_sentences=-1)
        jobs[C4_LINES] = lambda i: lines_only.filter(Document(text=docs[i], id=ids[i]))
        notes[C4_LINES] = C4_LINES_NOTE
        defaults = C4QualityFilter()
        try:  # the sentence count needs a tokenizer package: spaCy for English in datatrove >= 0.4
            defaults.filter(Document(text=_PROBE, id="probe"))
        except Exception as e:  # noqa: BLE001  (ImportError, or nltk's LookupError in older datatrove)
            missing.append(Row(C4_DEFAULTS, f"not run: {_first_line(e)}", text="not installed"))
        else:
            jobs[C4_DEFAULTS] = lambda i: defaults.filter(Document(text=docs[i], id=ids[i]))
            notes[C4_DEFAULTS] = C4_DEFAULTS_NOTE
    logging.disable(logging.WARNING)  # clean-text logs a warning at import when unidecode is not installed
    try:
        import cleantext
    except ImportError:
        missing.append(Row(CLEAN_TEXT, "pip install clean-text", text="not installed"))
    else:
        jobs[CLEAN_TEXT] = lambda i: cleantext.clean(docs[i])
        ascii_by = "unidecode" if importlib.util.find_spec("unidecode") else "unicodedata, no unidecode"
        notes[CLEAN_TEXT] = (f"ftfy.fix_text, ASCII ({ascii_by}), lower-case, spaces; "
                             "no debris removal, no re-flow, no metadata")
    finally:
        logging.disable(logging.NOTSET)
    return jobs, notes, missing


# --------------------------------------------------------------------------- export, scaling, memory


def export_rows(records: list[dict], megabytes: float, repeat: int) -> tuple[list[Row], dict[str, float]]:
    """``cleaner.dataset.publish`` of ``records`` against a bare ``pq.write_table`` (see scripts/bench_export.py)."""
    from cleaner.schema import records_to_table

    table = records_to_table(records)
    best = _scripts_module("bench_export").best_times(records, table, repeat)
    over_built = best["publish"] / best["build + write_table"]
    over_bare = best["publish"] / best["write_table"]
    for name, seconds in best.items():
        _progress(f"parquet: {name}", megabytes, seconds)
    rows = [
        Row("Parquet: cleaner.dataset.publish", f"shards, SHA-256, manifest, card; time {over_built:.2f}x "
            f"build + write_table, {over_bare:.2f}x write_table", rate=megabytes / best["publish"]),
        Row("Parquet: build + pq.write_table", "records_to_table of the same records, then write_table (zstd)",
            rate=megabytes / best["build + write_table"]),
        Row("Parquet: pq.write_table", "the Arrow table already built, write_table (zstd)",
            rate=megabytes / best["write_table"]),
    ]
    return rows, {"publish_over_build_write": over_built, "publish_over_write": over_bare, "table_mb": table.nbytes / 1e6}


def _scripts_module(name: str):
    """A sibling script imported as a module (bench_scale imports this module's generate_corpus lazily)."""
    scripts = str(Path(__file__).resolve().parent)
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    return importlib.import_module(name)


def _bench_scale():
    return _scripts_module("bench_scale")


def _write_corpus(directory: Path, megabytes: float, seed: int) -> tuple[Path, float]:
    """A generated corpus as JSONL (written a chunk at a time); its path and MB of raw text."""
    path = directory / f"corpus-{megabytes:g}mb-{seed}.jsonl"
    start = time.perf_counter()
    docs, nbytes = _bench_scale().write_corpus(path, megabytes, seed)
    print(f"  wrote {path.name}: {docs:,} documents, {nbytes / 1e6:.1f} MB of text in {time.perf_counter() - start:.1f}s",
          file=sys.stderr, flush=True)
    return path, nbytes / 1e6


def scaling_rows(corpus: Path, megabytes: float, counts: list[int], repeat: int = 1) -> tuple[list[Row], list[dict]]:
    """``cleaner.engines.local.clean`` over a JSONL corpus with each worker count (bench_scale.throughput).

    The worker counts take turns ``repeat`` times; each turn gives a speed-up over the first count, and
    the turn with the median speed-up (of the largest count) gives the rows.
    """
    bs = _bench_scale()
    turns: list[dict[int, dict]] = []
    for _ in range(repeat):
        turn = {}
        for w in counts:
            turn[w] = r = bs.throughput(corpus, w, CleanerConfig())
            _progress(f"local engine, {w} worker{'s' if w > 1 else ''} (all)", megabytes, r["seconds"])
        turns.append(turn)
    top = counts[-1]
    turns.sort(key=lambda t: t[counts[0]]["seconds"] / t[top]["seconds"])
    chosen = turns[len(turns) // 2]
    runs = []
    for w in counts:
        r = chosen[w]
        r["text_mb_per_s"] = megabytes / r["seconds"]
        r["all_speedups"] = [t[counts[0]]["seconds"] / t[w]["seconds"] for t in turns]
        runs.append(r)
    base = runs[0]["text_mb_per_s"]
    rows = []
    for r in runs:
        w = r["workers"]
        r["speedup"] = r["text_mb_per_s"] / base
        what = ("JSONL in, cleaned in this process" if w == 1 else
                f"{r['text_mb_per_s']:.2f} MB/s in all, {r['speedup']:.2f}x {counts[0]} "
                f"worker{'s' if counts[0] > 1 else ''} (pool start-up included)")
        if r["errors"]:
            what += f"; {r['errors']} documents failed"
        rows.append(Row(f"local engine, {w} worker{'s' if w > 1 else ''}", what, rate=r["text_mb_per_s"] / w))
    return rows, runs


def memory_rows(directory: Path, small_mb: float, large_mb: float, workers: int) -> tuple[list[Row], dict]:
    """Peak RSS of JSONL -> local engine -> JSONL in a child process, small vs large input (bench_scale.peak_memory)."""
    bs = _bench_scale()
    runs = []
    for mb, seed in ((small_mb, 2), (large_mb, 3)):
        path, text_mb = _write_corpus(directory, mb, seed)
        r = bs.peak_memory(path, workers, directory)
        r["text_mb"] = text_mb
        path.unlink(missing_ok=True)
        runs.append(r)
        print(f"  peak RSS, {text_mb:.0f} MB input: {r['peak_tree_rss_mb']} MB (process tree), "
              f"{r['maxrss_self_mb']} MB (main process alone), {r['seconds']:.1f}s", file=sys.stderr, flush=True)
    tree = all(r["peak_tree_rss_mb"] for r in runs)
    small, large = (r["peak_tree_rss_mb"] if tree else r["maxrss_self_mb"] for r in runs)
    ratio = large / small
    what = (f"JSONL -> local engine, {workers} workers -> JSONL; "
            + ("whole process tree" if tree else "main process only (no psutil)"))
    rows = [
        Row(f"peak RSS, {runs[0]['text_mb']:.0f} MB input", what, text=f"{small:.0f} MB", ratio=""),
        Row(f"peak RSS, {runs[1]['text_mb']:.0f} MB input", f"{ratio:.3f}x the {runs[0]['text_mb']:.0f} MB "
            f"run's peak ({'within' if ratio <= 1.10 else 'NOT within'} 10%)",
            text=f"{large:.0f} MB", ratio=""),
    ]
    return rows, {"runs": runs, "ratio": ratio}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, help="corpus size in MB of raw text (default 20; --quick: 3)")
    parser.add_argument("--seed", type=int, default=20240601, help="corpus seed (default 20240601)")
    parser.add_argument("--mojibake", type=float, default=0.08, help="share of paragraphs with mojibake (default 0.08)")
    parser.add_argument("--write", type=Path, help="also write the corpus as JSONL ({id, text}) to this path")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--quick", action="store_true", help="a smoke run: --mb 3 --scale-mb 5 --rss-small 5 --rss-large 50")
    parser.add_argument("--workers", default="1,2", help="worker counts of the scaling rows (default 1,2; the first is the base)")
    parser.add_argument("--scale-mb", type=float,
                        help="corpus of the scaling rows, MB (default: the benchmark corpus itself; --quick: 5)")
    parser.add_argument("--rss-small", type=float, help="smaller input of the peak-RSS runs, MB (default 50; --quick: 5)")
    parser.add_argument("--rss-large", type=float, help="larger input of the peak-RSS runs, MB (default 500; --quick: 50)")
    parser.add_argument("--repeat", type=int, help="runs of the headline group (the median ratio counts) and of "
                        "the scaling rows (the median speed-up counts) (default 3; --quick: 1)")
    parser.add_argument("--export-repeat", type=int, default=3, help="runs of each export; the best counts (default 3)")
    parser.add_argument("--skip-export", action="store_true", help="leave out the Parquet export rows")
    parser.add_argument("--skip-scaling", action="store_true", help="leave out the 1 vs N workers rows")
    parser.add_argument("--skip-rss", action="store_true", help="leave out the peak-RSS runs")
    args = parser.parse_args(argv)
    quick = args.quick
    mb_wanted = args.mb if args.mb is not None else (3.0 if quick else 20.0)
    scale_mb = args.scale_mb if args.scale_mb is not None else (5.0 if quick else None)
    rss_small = args.rss_small if args.rss_small is not None else (5.0 if quick else 50.0)
    rss_large = args.rss_large if args.rss_large is not None else (50.0 if quick else 500.0)
    counts = [int(x) for x in args.workers.split(",")]
    if args.repeat is None:
        args.repeat = 1 if quick else 3
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    load_before = _load()
    t0 = time.perf_counter()
    docs = generate_corpus(mb_wanted, args.seed, args.mojibake)
    ids = [f"doc{i:06d}" for i in range(len(docs))]
    lines = [json.dumps({"id": ids[i], "text": d}, ensure_ascii=False) for i, d in enumerate(docs)]
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(
        f"corpus: {len(docs)} documents, {mb:.1f} MB of text (seed {args.seed}, "
        f"mojibake in {args.mojibake:.0%} of paragraphs, built in {time.perf_counter() - t0:.1f}s)"
    )
    versions = [f"python {platform.python_version()}", f"ftfy {ftfy.__version__}", f"cleaner {cleaner.__version__}"]
    for dist in ("datatrove", "clean-text", "spacy", "pyarrow"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    print(", ".join(versions))
    print(f"{available_cpus()} CPUs available; load average (1 min) before the run: "
          + (f"{load_before:.2f}" if load_before is not None else "unknown"))
    print()

    # ---- the headline group: json, ftfy and the pipeline take turns on the same chunks of documents
    pipe = Cleaner()
    peers, peer_notes, missing = peer_jobs(docs, ids)
    jobs: dict[str, Callable[[int], object]] = {
        "json": lambda i: json.loads(lines[i]),
        "ftfy": lambda i: ftfy.fix_text(docs[i]),
        "clean": lambda i: pipe.clean(docs[i]),
    }
    for job in (*jobs.values(), *peers.values()):  # load models, compile patterns, warm caches: outside the timings
        for i in range(min(20, len(docs))):
            job(i)
    runs = []
    for n in range(args.repeat):
        print(f"headline group, run {n + 1} of {args.repeat} ({len(jobs)} jobs, chunks of 50 documents) ...",
              file=sys.stderr, flush=True)
        runs.append(_interleaved(jobs, len(docs)))
        for name, seconds in runs[-1].items():
            _progress(name, mb, seconds)
    # The run with the median pipeline/ftfy ratio gives the rows.
    runs.sort(key=lambda r: r["ftfy"] / r["clean"])
    group = runs[len(runs) // 2]
    headline_ratios = [r["ftfy"] / r["clean"] for r in runs]
    main_rows = [
        Row("json.loads (floor)", "parse the JSONL lines only", rate=mb / group["json"]),
        Row("ftfy.fix_text", "ftfy defaults, whole document: Unicode repair only", rate=mb / group["ftfy"]),
        Row("cleaner.clean (full pipeline)", "repair, re-flow, debris rules, header, language, record",
            rate=mb / group["clean"]),
    ]
    # ---- each peer takes turns with ftfy alone: in one group with all of them, ftfy would run right after
    # clean-text (which runs ftfy on the same documents) and find its caches warm.
    for name in (C4_LINES, C4_DEFAULTS, CLEAN_TEXT):
        if name in peers:
            print(f"{name} against ftfy.fix_text ...", file=sys.stderr, flush=True)
            pair = _interleaved({"ftfy": jobs["ftfy"], name: peers[name]}, len(docs))
            _progress(name, mb, pair[name])
            main_rows.append(Row(name, peer_notes[name], rate=mb / pair[name],
                                 ratio=f"{pair['ftfy'] / pair[name]:.2f}x"))
        else:
            main_rows.extend(r for r in missing if r.name == name)
    ftfy_rate = mb / group["ftfy"]
    pipeline_ratio = group["ftfy"] / group["clean"]

    # ---- stages, one after the other (secondary table)
    stage_rows: list[Row] = []

    def stage(name: str, seconds: float, note: str) -> None:
        _progress(name.strip(), mb, seconds)
        stage_rows.append(Row(name, note, rate=mb / seconds))

    normalised: list[list[str]] = []
    stage("normalize", _timed(lambda: normalised.extend(normalize_text(d) for d in docs)), "Unicode repair, spaces, line ends")
    paras: list = []
    stage("reflow", _timed(lambda: paras.extend(paragraphs(lines_) for lines_ in normalised)), "paragraphs, re-flow, de-hyphenation")
    stage("rules", _timed(lambda: _run_rules(paras, BEFORE_HEADER, (), AFTER_HEADER)), "all debris rules, header off")
    per_rule: dict[str, float] = {}
    _run_rules(paras, BEFORE_HEADER, (), AFTER_HEADER, per_rule)
    line_rules = [r.name for r in (*BEFORE_HEADER, *AFTER_HEADER) if isinstance(r, LineRule)]
    views = _state_before_header(paras)
    stage("header", _timed(lambda: [list(HEADER.apply(v)) for v in views]), "title, byline, date")
    records = [pipe.clean(d, id=ids[i]).to_record() for i, d in enumerate(docs)]
    texts = [r["text"] for r in records]
    stage("language", _timed(lambda: [detect_language(t) for t in texts]), "py3langid on the clean text")

    # ---- Parquet export
    export: dict[str, float] = {}
    if args.skip_export:
        main_rows.append(Row("Parquet export", "--skip-export", text="skipped", ratio=""))
    else:
        print(f"Parquet export, best of {args.export_repeat} ...", file=sys.stderr, flush=True)
        rows, export = export_rows(records, mb, args.export_repeat)
        main_rows.extend(rows)

    # ---- scaling and memory, on JSONL files
    scale_runs: list[dict] = []
    memory: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmpdir = Path(tmp)
        if args.skip_scaling:
            main_rows.append(Row("local engine, 1 vs N workers", "--skip-scaling", text="skipped", ratio=""))
        else:
            if scale_mb is None:
                corpus, corpus_mb = tmpdir / "corpus.jsonl", mb
                corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
            else:
                corpus, corpus_mb = _write_corpus(tmpdir, scale_mb, seed=1)
            print(f"scaling, workers {counts} on {corpus_mb:.1f} MB ...", file=sys.stderr, flush=True)
            rows, scale_runs = scaling_rows(corpus, corpus_mb, counts, args.repeat)
            main_rows.extend(rows)
            corpus.unlink()
        if args.skip_rss:
            main_rows.append(Row("peak RSS", "--skip-rss", text="skipped", ratio=""))
        else:
            workers = max(counts)
            print(f"peak RSS, {rss_small:g} MB vs {rss_large:g} MB input, {workers} workers ...", file=sys.stderr, flush=True)
            rows, memory = memory_rows(tmpdir, rss_small, rss_large, workers)
            main_rows.extend(rows)

    # ---- tables and verdicts
    print()
    _print_table(f"Results: MB of raw text per second per core, {mb:.1f} MB corpus", main_rows, ftfy_rate, args.markdown)
    _print_table("Stages of cleaner.clean, one after the other (secondary)", stage_rows, ftfy_rate, args.markdown)
    line_total = sum(per_rule.get(name, 0.0) for name in line_rules)
    print(f"Costliest rules (MB/s if the rule ran alone; the {len(line_rules)} line rules together: {mb / line_total:.1f} MB/s):")
    for name, seconds in sorted(per_rule.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:<34} {mb / seconds:8.1f} MB/s")
    print()

    def verdict(label: str, value: str, ok: bool, target: str) -> None:
        print(f"  {label:<42} {value:>8}   target {target}: {'met' if ok else 'NOT met'}")

    print("Done-when figures:")
    verdict("cleaner.clean / ftfy.fix_text, per core", f"{pipeline_ratio:.2f}x", pipeline_ratio >= 1.3, ">= 1.3x")
    if len(headline_ratios) > 1:
        print(f"  {'':<42} (median of {len(headline_ratios)} runs: "
              + ", ".join(f"{r:.2f}x" for r in headline_ratios) + ")")
    if len(scale_runs) > 1:
        two = next((r for r in scale_runs if r["workers"] == 2), scale_runs[-1])
        base_label = f"{counts[0]} worker{'s' if counts[0] > 1 else ''}"
        label = f"{two['workers']} workers / {base_label}, throughput"
        if two["workers"] == 2 and counts[0] == 1:
            verdict(label, f"{two['speedup']:.2f}x", two["speedup"] >= 1.7, ">= 1.7x")
            if len(two["all_speedups"]) > 1:
                print(f"  {'':<42} (median of {len(two['all_speedups'])} turns: "
                      + ", ".join(f"{x:.2f}x" for x in sorted(two["all_speedups"])) + ")")
        else:
            print(f"  {label:<42} {two['speedup']:>7.2f}x   (the target is for 2 workers over 1)")
    if memory:
        verdict("peak RSS, large / small input", f"{memory['ratio']:.3f}", memory["ratio"] <= 1.10, "<= 1.10")
    if export:
        print(f"  {'Parquet publish / (build + write_table)':<42} {export['publish_over_build_write']:>7.2f}x")
    print("  Dask shards byte-identical to the local path: tests/test_engines_dask.py (not measured here)")
    load_after = _load()
    if load_before is not None and load_after is not None:
        busy = load_before >= 0.5 or load_after >= 0.5 + max(counts)  # the run itself adds up to its workers
        print(f"Load average (1 min): {load_before:.2f} before the run, {load_after:.2f} after; {available_cpus()} CPUs."
              + (" The machine was not quiet: absolute rates and the scaling figure are not comparable." if busy else ""))
    print(f"Total run time: {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
