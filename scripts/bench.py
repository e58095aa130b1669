"""Throughput benchmark: cleaner against ftfy.fix_text, per core, on real pages and on a generated corpus, in one run.

Two corpora, each measured in full and named on every table:

* ``real``: the ``raw_text`` of every page of the dev sets (``../shared/benchmark/*/pages.jsonl``,
  found as scripts/folds.py finds them), in file order, repeated to the size asked;
* ``generated``: articles built here from the bundled seed texts and generated sentences, with the
  debris scrapers leave (captions with credits, counters, label blocks, comment footers, share and
  related lines, teasers, hard wrapping), drawn as real scrapes are: most documents clean ASCII or
  clean Unicode, mojibake on a minority (the proportions are printed).

Every rate is raw text (UTF-8 bytes) over the time taken on it, and each line says what was timed:

* the library call ``Cleaner.clean`` against ``ftfy.fix_text``, and ``Cleaner.clean`` + ``to_record()``
  + ``json.dumps`` of the record, taking turns on chunks of 50 documents (ratios within one run);
* the pipeline's stages, one after the other, as ms per MB (normalize, reflow, rules before the header,
  header, rules after, language, to_record);
* whole processes on a JSONL file of the corpus (``--process-mb``, 8 MB): ``cleaner clean --workers 1``
  against a Python process that runs ``ftfy.fix_text`` on the same records and writes them as JSONL,
  and ``--workers 2`` against ``--workers 1``, in turns;
* ``cleaner --help`` against ``python -c pass`` (medians of paired runs);
* the cost per MB of every stage from 1 KB to 10 MB documents of each shape (scripts/bench_shapes.py);
* the peers that are installed (datatrove's C4QualityFilter, clean-text), the Parquet export and the
  peak RSS of the local engine, as before.

    pip install -e .[bench]              # the peers and psutil
    python scripts/bench.py              # both corpora, 8 MB each; shapes up to 10 MB; no RSS run
    python scripts/bench.py --quick      # a smoke run: 2 MB, 2 MB processes, shapes up to 100 KB
    python scripts/bench.py --markdown   # the tables as Markdown
    python scripts/bench.py --corpus real --skip-shapes --skip-processes
    python scripts/bench.py --rss        # also the peak RSS on 50 MB and 500 MB inputs
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
import statistics
import subprocess
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
from cleaner.engines.local import available_cpus
from cleaner.pipeline import Cleaner

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


# Real scrapes: most pages are clean ASCII or clean Unicode, a minority carries mojibake (on the dev pages,
# 41% of the documents are pure ASCII and 16% hold mojibake). The generated corpus follows that mix.
DOC_MIX = {"ascii": 0.45, "unicode": 0.40, "mojibake": 0.15}


def generate_corpus(megabytes: float, seed: int = 20240601, mojibake: float = 0.3,
                    mix: dict[str, float] | None = None) -> list[str]:
    """About ``megabytes`` MB (UTF-8) of scraped article texts; the same for the same arguments.

    Each document is drawn as one of ``mix`` (default :data:`DOC_MIX`): ``ascii`` (the article folded to
    ASCII with anyascii: no typographic quotes, accents or NBSPs), ``unicode`` (clean Unicode: accents,
    typographic punctuation, NBSPs) or ``mojibake`` (a share ``mojibake`` of its paragraphs stored as
    UTF-8 decoded as Windows-1252).
    """
    from anyascii import anyascii

    mix = mix or DOC_MIX
    kinds, weights = list(mix), list(mix.values())
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    total = 0
    while total < target:
        kind = rng.choices(kinds, weights)[0]
        damage = mojibake if kind == "mojibake" else 0.0
        if seeds and rng.random() < 0.2:
            doc = _seed_variant(rng, rng.choice(seeds), damage)
        else:
            doc = _generated_article(rng, damage)
        if kind == "ascii":
            doc = anyascii(doc)
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


def has_mojibake(text: str) -> bool:
    """UTF-8 read as Windows-1252 leaves 'Ã' or 'Â' before a Latin-1 letter, or 'â€' for punctuation."""
    return "â€" in text or "Ã" in text or "Â" in text


def corpus_mix(docs: list[str]) -> str:
    """The proportions of a corpus, by document: pure ASCII, clean Unicode, with mojibake."""
    n = max(len(docs), 1)
    ascii_ = sum(d.isascii() for d in docs)
    moji = sum(not d.isascii() and has_mojibake(d) for d in docs)
    return (f"{ascii_ / n:.0%} pure ASCII, {(n - ascii_ - moji) / n:.0%} clean Unicode, "
            f"{moji / n:.0%} with mojibake (by document)")


def real_pages() -> list[str]:
    """The ``raw_text`` of every page of the dev sets (``shared/benchmark/*/pages.jsonl``, found as
    scripts/folds.py finds it), in file order; empty when they are not beside the checkout."""
    bench_dir = _scripts_module("folds")._bench_dir()
    texts = []
    for path in sorted(bench_dir.glob("*/pages.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    text = json.loads(line).get("raw_text")
                    if isinstance(text, str) and text.strip():
                        texts.append(text)
    return texts


def repeated(texts: list[str], megabytes: float) -> list[str]:
    """``texts`` in order and round again until they hold ``megabytes`` MB (UTF-8).

    A page comes back only after every other page (hundreds of documents, tens of thousands of lines),
    so the pipeline's per-line caches (a few thousand short lines) do not carry over from one pass to the next.
    """
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    total = 0
    i = 0
    while total < target and texts:
        t = texts[i % len(texts)]
        out.append(t)
        total += len(t.encode("utf-8"))
        i += 1
    return out


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


# The whole-process rows: a Python process that runs ftfy.fix_text over the records and writes them as
# JSONL, the whole `cleaner clean` process with 1 and 2 workers, and `cleaner --help` beside `python -c pass`.
FTFY_PROCESS = """
import json, sys
import ftfy
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        if line.strip():
            doc = json.loads(line)
            doc["text"] = ftfy.fix_text(doc["text"])
            out.write(json.dumps(doc, ensure_ascii=False) + "\\n")
"""


def _cleaner_command() -> list[str]:
    """The console script beside this interpreter (as a user runs it), else ``python -m cleaner``."""
    script = Path(sys.executable).with_name("cleaner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleaner"]


def _run_process(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the process and its children) of ``cmd``."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = os.times()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def process_rows(corpus: Path, megabytes: float, directory: Path, repeat: int, workers: bool = True) -> tuple[list[Row], dict]:
    """Whole processes over the JSONL file ``corpus``, taking turns ``repeat`` times (the order turns round
    each time); each figure is the median over the turns of the ratio within a turn."""
    out = directory / "out.jsonl"
    jobs = {
        "ftfy process": [sys.executable, "-c", FTFY_PROCESS, str(corpus), str(out)],
        "cleaner clean --workers 1": [*_cleaner_command(), "clean", str(corpus), "-o", str(out), "--workers", "1", "-q"],
    }
    if workers:
        jobs["cleaner clean --workers 2"] = [*_cleaner_command(), "clean", str(corpus), "-o", str(out), "--workers", "2", "-q"]
    names = list(jobs)
    turns: list[dict[str, tuple[float, float]]] = []
    for k in range(repeat):
        turn = {}
        for name in names[k % len(names):] + names[:k % len(names)]:
            turn[name] = _run_process(jobs[name])
            _progress(f"{name} (wall)", megabytes, turn[name][0])
        turns.append(turn)
        out.unlink(missing_ok=True)
    med = {name: statistics.median(t[name][0] for t in turns) for name in names}
    cpu = {name: statistics.median(t[name][1] for t in turns) for name in names}
    vs_ftfy = [t["ftfy process"][0] / t["cleaner clean --workers 1"][0] for t in turns]
    result = {"cli_vs_ftfy": statistics.median(vs_ftfy), "cli_vs_ftfy_turns": vs_ftfy}
    rows = [
        Row("whole ftfy process", f"python: read the JSONL, ftfy.fix_text each text, write JSONL; "
            f"{med['ftfy process']:.2f} s wall, {cpu['ftfy process']:.2f} s CPU", rate=megabytes / med["ftfy process"]),
        Row("whole `cleaner clean --workers 1`", f"the command, start-up to exit, JSONL to JSONL; "
            f"{med['cleaner clean --workers 1']:.2f} s wall, {cpu['cleaner clean --workers 1']:.2f} s CPU",
            rate=megabytes / med["cleaner clean --workers 1"], ratio=f"{result['cli_vs_ftfy']:.2f}x"),
    ]
    if workers:
        two = [t["cleaner clean --workers 1"][0] / t["cleaner clean --workers 2"][0] for t in turns]
        result.update(two_vs_one=statistics.median(two), two_vs_one_turns=two)
        rows.append(Row("whole `cleaner clean --workers 2`", f"the same with 2 worker processes, in all (not per core): "
                        f"{result['two_vs_one']:.2f}x --workers 1; {med['cleaner clean --workers 2']:.2f} s wall (the "
                        "workers are the fork server's children, whose CPU time os.times does not see)",
                        rate=megabytes / med["cleaner clean --workers 2"],
                        ratio=""))
    return rows, result


def help_overhead(runs: int = 11) -> dict:
    """``cleaner --help`` and ``python -c pass``, in pairs: the medians and the median of the differences."""
    cmd = [*_cleaner_command(), "--help"]
    bare, helps = [], []
    for _ in range(runs):
        bare.append(_run_process([sys.executable, "-c", "pass"])[0])
        helps.append(_run_process(cmd)[0])
    return {"help": statistics.median(helps), "pass": statistics.median(bare),
            "over": statistics.median(h - b for h, b in zip(helps, bare)), "runs": runs}

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


# --------------------------------------------------------------------------- one corpus


def corpus_docs(name: str, megabytes: float, seed: int, mojibake: float) -> list[str]:
    if name == "real":
        pages = real_pages()
        if not pages:
            raise SystemExit("no dev pages found (shared/benchmark/*/pages.jsonl beside the checkout, "
                             "or $CLEANER_BENCHMARK_DIR); use --corpus generated")
        return repeated(pages, megabytes)
    return generate_corpus(megabytes, seed, mojibake)


def stage_rows(docs: list[str], megabytes: float, pipe: Cleaner) -> tuple[list[Row], dict[str, float]]:
    """Each stage over the whole corpus, one document at a time (bench_shapes.time_stages), as ms per MB."""
    shapes = _scripts_module("bench_shapes")
    totals: dict[str, float] = {}

    def note(stage: str, seconds: float) -> None:
        totals[stage] = totals.get(stage, 0.0) + seconds

    gc.collect()
    for doc in docs:
        shapes.time_stages(doc, pipe, note)
    notes = {
        "normalize": "normalize_text: Unicode repair, invisible characters, spaces, line ends",
        "reflow": "paragraphs: blocks, re-flow of wrapped lines, de-hyphenation",
        "rules before the header": "the debris rules that run before the header, on a DocumentView",
        "header": "title, subtitle, byline and date",
        "rules after the header": "the rules after it (body model, teasers, duplicates, ...)",
        "language": "detect_language on the clean text",
        "to_record": "Article.to_record() (the schema's dict)",
    }
    rows = [Row(f"  {stage}", f"{1000 * totals[stage] / megabytes:.0f} ms per MB; {notes[stage]}",
                rate=megabytes / totals[stage]) for stage in shapes.STAGES]
    return rows, {stage: totals[stage] / megabytes for stage in shapes.STAGES}


def measure_corpus(name: str, docs: list[str], args, tmpdir: Path, first: bool) -> dict:
    """Every measurement of one corpus: its rows and the figures of the done-when targets."""
    ids = [f"doc{i:06d}" for i in range(len(docs))]
    lines = [json.dumps({"id": ids[i], "text": d}, ensure_ascii=False) for i, d in enumerate(docs)]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"[{name}] {len(docs)} documents, {mb:.1f} MB of text; {corpus_mix(docs)}", file=sys.stderr, flush=True)

    pipe = Cleaner()
    jobs: dict[str, Callable[[int], object]] = {
        "json": lambda i: json.loads(lines[i]),
        "ftfy": lambda i: ftfy.fix_text(docs[i]),
        "clean": lambda i: pipe.clean(docs[i]),
        "record": lambda i: json.dumps(pipe.clean(docs[i], id=ids[i]).to_record(), ensure_ascii=False),
    }
    peers, peer_notes, missing = peer_jobs(docs, ids) if not args.skip_peers else ({}, {}, [])
    for job in (*jobs.values(), *peers.values()):  # load models, compile patterns, warm caches: outside the timings
        for i in range(min(20, len(docs))):
            job(i)
    runs = []
    for n in range(args.repeat):
        print(f"[{name}] library group, run {n + 1} of {args.repeat} ...", file=sys.stderr, flush=True)
        runs.append(_interleaved(jobs, len(docs)))
        for job, seconds in runs[-1].items():
            _progress(job, mb, seconds)
    runs.sort(key=lambda r: r["ftfy"] / r["clean"])
    group = runs[len(runs) // 2]  # the run with the median library/ftfy ratio gives the rows
    ratios = sorted(r["ftfy"] / r["clean"] for r in runs)
    rows = [
        Row("json.loads (floor)", "json.loads of each JSONL line only", rate=mb / group["json"]),
        Row("ftfy.fix_text", "ftfy.fix_text(text), ftfy's defaults, each whole document", rate=mb / group["ftfy"]),
        Row("**Cleaner.clean (library call)**", "Cleaner().clean(text): repair, re-flow, rules, header, language; "
            "the Article", rate=mb / group["clean"]),
        Row("Cleaner.clean + to_record + json.dumps", "the same, then .to_record() and json.dumps(record, "
            "ensure_ascii=False): one JSONL line", rate=mb / group["record"]),
    ]
    for peer in (C4_LINES, C4_DEFAULTS, CLEAN_TEXT):
        if peer in peers:
            print(f"[{name}] {peer} against ftfy.fix_text ...", file=sys.stderr, flush=True)
            pair = _interleaved({"ftfy": jobs["ftfy"], peer: peers[peer]}, len(docs))
            rows.append(Row(peer, peer_notes[peer], rate=mb / pair[peer], ratio=f"{pair['ftfy'] / pair[peer]:.2f}x"))
        else:
            rows.extend(r for r in missing if r.name == peer)
    print(f"[{name}] stages ...", file=sys.stderr, flush=True)
    rows.append(Row("stages of Cleaner.clean, one after the other:", "", text="", ratio=""))
    srows, per_mb = stage_rows(docs, mb, pipe)
    rows.extend(srows)
    result = {"name": name, "docs": len(docs), "mb": mb, "mix": corpus_mix(docs), "ftfy_rate": mb / group["ftfy"],
              "clean_vs_ftfy": group["ftfy"] / group["clean"], "clean_vs_ftfy_runs": ratios,
              "record_vs_ftfy": group["ftfy"] / group["record"], "stage_ms_per_mb": per_mb}

    if not args.skip_export and first:
        print(f"[{name}] Parquet export, best of {args.export_repeat} ...", file=sys.stderr, flush=True)
        records = [pipe.clean(d, id=ids[i]).to_record() for i, d in enumerate(docs)]
        export, result["export"] = export_rows(records, mb, args.export_repeat)
        rows.extend(export)
    if not args.skip_processes:
        pdocs = docs if abs(args.process_mb - mb) < 0.05 else corpus_docs(name, args.process_mb, args.seed, args.mojibake)
        corpus = tmpdir / f"{name}.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for i, d in enumerate(pdocs):
                f.write(json.dumps({"id": f"doc{i:06d}", "text": d}, ensure_ascii=False) + "\n")
        pmb = sum(len(d.encode("utf-8")) for d in pdocs) / 1e6
        print(f"[{name}] whole processes on {pmb:.1f} MB, {args.repeat} turns ...", file=sys.stderr, flush=True)
        rows.append(Row(f"whole processes, {pmb:.1f} MB JSONL file:", "", text="", ratio=""))
        prow, presult = process_rows(corpus, pmb, tmpdir, args.repeat, workers=not args.skip_scaling)
        rows.extend(prow)
        result.update(presult, process_mb=pmb)
        corpus.unlink()
    result["rows"] = rows
    return result


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("both", "real", "generated"), default="both",
                        help="real: the dev pages' raw_text, repeated; generated: this script's articles (default both)")
    parser.add_argument("--mb", type=float, help="size of each corpus in MB of raw text (default 8; --quick: 2)")
    parser.add_argument("--process-mb", type=float, help="size of the whole-process runs' JSONL (default 8; --quick: 2)")
    parser.add_argument("--seed", type=int, default=20240601, help="seed of the generated corpus (default 20240601)")
    parser.add_argument("--mojibake", type=float, default=0.3,
                        help="generated corpus: share of paragraphs with mojibake in the documents that have it (default 0.3)")
    parser.add_argument("--write", type=Path, help="also write the generated corpus as JSONL ({id, text}) to this path")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--quick", action="store_true", help="a smoke run: --mb 2 --process-mb 2 --repeat 1, shapes up to 100 KB")
    parser.add_argument("--repeat", type=int, help="runs of the library group and turns of the processes; the median "
                        "ratio counts (default 3; --quick: 1)")
    parser.add_argument("--shape-sizes", help="document sizes of the shape table, characters (default 1e3,1e4,1e5,1e6,1e7; "
                        "--quick: 1e3,1e4,1e5)")
    parser.add_argument("--export-repeat", type=int, default=3, help="runs of each export; the best counts (default 3)")
    parser.add_argument("--skip-export", action="store_true", help="leave out the Parquet export rows")
    parser.add_argument("--skip-peers", action="store_true", help="leave out datatrove and clean-text")
    parser.add_argument("--skip-processes", action="store_true", help="leave out the whole-process rows and --help")
    parser.add_argument("--skip-scaling", action="store_true", help="leave out the --workers 2 process")
    parser.add_argument("--skip-shapes", action="store_true", help="leave out the cost per MB by document size")
    parser.add_argument("--rss", action="store_true", help="also the peak RSS of the local engine (slow: 500 MB)")
    parser.add_argument("--rss-small", type=float, help="smaller input of the peak-RSS runs, MB (default 50)")
    parser.add_argument("--rss-large", type=float, help="larger input of the peak-RSS runs, MB (default 500)")
    parser.add_argument("--skip-rss", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old scripts
    args = parser.parse_args(argv)
    quick = args.quick
    mb_wanted = args.mb if args.mb is not None else (2.0 if quick else 8.0)
    args.process_mb = args.process_mb if args.process_mb is not None else (2.0 if quick else 8.0)
    if args.repeat is None:
        args.repeat = 1 if quick else 3
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    sizes = [int(float(x)) for x in (args.shape_sizes or ("1e3,1e4,1e5" if quick else "1e3,1e4,1e5,1e6,1e7")).split(",")]

    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    t0 = time.perf_counter()
    versions = [f"python {platform.python_version()}", f"ftfy {ftfy.__version__}", f"cleaner {cleaner.__version__}"]
    for dist in ("py3langid", "datatrove", "clean-text", "spacy", "pyarrow"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    print(", ".join(versions))
    print(f"{available_cpus()} CPUs available, {os.cpu_count()} on the machine; load average before the run: "
          + (" ".join(f"{x:.2f}" for x in load_before) if load_before else "unknown") + " (1, 5, 15 min)")
    print()

    names = ["real", "generated"] if args.corpus == "both" else [args.corpus]
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmpdir = Path(tmp)
        for k, name in enumerate(names):
            docs = corpus_docs(name, mb_wanted, args.seed, args.mojibake)
            if name == "generated" and args.write:
                with args.write.open("w", encoding="utf-8") as f:
                    for i, d in enumerate(docs):
                        f.write(json.dumps({"id": f"doc{i:06d}", "text": d}, ensure_ascii=False) + "\n")
            results.append(measure_corpus(name, docs, args, tmpdir, first=k == 0))
            del docs
        helped = None if args.skip_processes else help_overhead()
        shapes = None
        if not args.skip_shapes:
            print(f"shapes: {', '.join(_scripts_module('bench_shapes').SHAPES)} at {sizes} characters ...",
                  file=sys.stderr, flush=True)
            shapes = _scripts_module("bench_shapes").cost_table(sizes)
        memory: dict = {}
        rss_rows: list[Row] = []
        if args.rss:
            rss_rows, memory = memory_rows(tmpdir, args.rss_small or 50.0, args.rss_large or 500.0, 2)

    # ---- tables
    print()
    for r in results:
        what = ("the raw_text of every dev page (shared/benchmark/*/pages.jsonl), repeated" if r["name"] == "real"
                else f"generated articles (seed {args.seed})")
        _print_table(f"Corpus '{r['name']}': {what}; {r['docs']:,} documents, {r['mb']:.1f} MB; {r['mix']}. "
                     "MB of raw text per second per core unless the line says otherwise", r["rows"], r["ftfy_rate"],
                     args.markdown)
    if rss_rows:
        _print_table("Peak RSS (generated corpus)", rss_rows, None, args.markdown)
    if helped:
        print(f"Start-up: `cleaner --help` {helped['help']:.3f} s, `python -c pass` {helped['pass']:.3f} s, "
              f"difference {helped['over']:.3f} s (medians of {helped['runs']} pairs of whole processes, wall time)")
        print()
    worst = None
    if shapes:
        bench_shapes = _scripts_module("bench_shapes")
        bench_shapes.print_costs(shapes, args.markdown)
        growths = {(shape, stage): bench_shapes.growth(by_size, stage) for shape, by_size in shapes.items()
                   for stage in next(iter(by_size.values()))}
        worst = max(growths.items(), key=lambda kv: kv[1])

    # ---- done-when figures: the real-page corpus when it was measured, else the first
    def verdict(label: str, value: str, ok: bool, target: str) -> None:
        print(f"  {label:<52} {value:>9}   target {target}: {'met' if ok else 'NOT met'}")

    for r in results:
        print(f"Done-when figures, corpus '{r['name']}':")
        runs = ", ".join(f"{x:.2f}x" for x in r["clean_vs_ftfy_runs"])
        verdict("Cleaner.clean / ftfy.fix_text, per core", f"{r['clean_vs_ftfy']:.2f}x", r["clean_vs_ftfy"] >= 2.0,
                f">= 2.0x (runs: {runs})")
        print(f"  {'Cleaner.clean + to_record + json / ftfy.fix_text':<52} {r['record_vs_ftfy']:>8.2f}x")
        if "cli_vs_ftfy" in r:
            turns = ", ".join(f"{x:.2f}x" for x in r["cli_vs_ftfy_turns"])
            verdict(f"whole cleaner --workers 1 / whole ftfy, {r['process_mb']:.0f} MB", f"{r['cli_vs_ftfy']:.2f}x",
                    r["cli_vs_ftfy"] >= 1.5, f">= 1.5x (turns: {turns})")
        if "two_vs_one" in r:
            turns = ", ".join(f"{x:.2f}x" for x in r["two_vs_one_turns"])
            verdict(f"whole --workers 2 / --workers 1, {r['process_mb']:.0f} MB", f"{r['two_vs_one']:.2f}x",
                    r["two_vs_one"] >= 1.8, f">= 1.8x (turns: {turns})")
    if helped or worst:
        print("Done-when figures, both corpora:")
    if helped:
        verdict("cleaner --help over python -c pass", f"{helped['over']:.3f} s", helped["over"] < 0.2, "< 0.2 s")
    if worst:
        (shape, stage), g = worst
        verdict(f"largest rise of a stage's cost per MB ({stage}, {shape})", f"{g:.2f}x", g <= 1.5,
                f"<= 1.5x from {sizes[0]:,} to {sizes[-1]:,} characters")
    if memory:
        verdict("peak RSS, large / small input", f"{memory['ratio']:.3f}", memory["ratio"] <= 1.10, "<= 1.10")
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load_before and load_after:
        print(f"Load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in load_before)} before the run, "
              f"{' '.join(f'{x:.2f}' for x in load_after)} after; {os.cpu_count()} CPUs"
              + ("; the machine was shared during the run: absolute rates move with it, ratios taken in turns less"
                 if max(load_before[0], load_after[0]) >= 1.0 else ""))
    print(f"Total run time: {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
