#!/usr/bin/env python3
"""The project's evaluation: both dev sets, in-fold and out-of-fold, text and metadata.

    python scripts/evaluate.py                    # every table, both dev sets
    python scripts/evaluate.py --set trafeval     # one set (the model is still fitted on both)
    python scripts/evaluate.py --json OUT.json    # the same figures, machine-readable
    python scripts/evaluate.py --worst 10         # per set, the ten worst pages out of fold
    python scripts/evaluate.py --show ID          # one page: its cuts, lost text, kept debris
    python scripts/evaluate.py --rules            # per rule: what it cut, and which rule cut each lost text
    python scripts/evaluate.py --per-page OUT.tsv # one row a page and system

Data: ``shared/benchmark/dev`` (the article benchmark, "aeb") and ``shared/benchmark/trafeval-dev``
("trafeval"), found beside the repository or a parent of it, or in ``$CLEANER_BENCHMARK_DIR``
(scripts/folds.py). Rows: ``raw_text`` (do nothing), the cleaner in-fold and out-of-fold, and the
trafilatura anchor (``anchor_trafilatura.jsonl``: an HTML extractor working from the full page).

Folds: scripts/folds.py, 5 folds grouped by site over both sets. When ``scripts/train_body.py``
has ``fit(pages) -> model`` and ``make_cleaner(model) -> Cleaner``, the out-of-fold row scores the
pages of fold f with the model fitted on the other folds, and the in-fold row scores every page
with the model fitted on all of them. Without it (or with ``--no-fit``) both rows are
``cleaner.Cleaner()`` and the output says so. Fitted models are cached (``--no-cache``; see
docs/evaluation.md), so a second run costs the cleaning only.

Metrics, each the same as the benchmark's own scorer (tests/test_evaluate_metric.py checks that):
* aeb: the article-extraction-benchmark shingle metric and bag of words
  (``shared/benchmark/score.py``; :mod:`aeb_metric`);
* trafeval: trafilatura's micro snippet metric with reach-R, reach-P, removed and false cuts
  (``trafeval-dev/score_snippets.py``; :mod:`snippet_metric`);
* metadata: declared / reachable / agree on reachable / wrong among given for title, authors and
  date against the pages' own declarations (``shared/benchmark/score_meta.py``; :mod:`meta_metric`).
"Losing text": trafeval, pages with at least one reachable ``with`` snippet missing from the
output; aeb, pages where a gold line of >= 5 words that is in raw_text is missing from the output
(both after whitespace normalisation, the aeb lines also after NFKC; :func:`aeb_metric.lost_lines`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent

import aeb_metric as M  # noqa: E402
import folds as F  # noqa: E402
import meta_metric as MM  # noqa: E402
import snippet_metric as S  # noqa: E402

import cleaner  # noqa: E402

SETS = ("aeb", "trafeval")
SET_DIRS = {"aeb": "dev", "trafeval": "trafeval-dev"}
SET_TITLES = {
    "aeb": "Article benchmark (dev): AEB shingle metric and bag of words against the human gold body",
    "trafeval": "trafeval (dev): trafilatura's snippet metric, micro over all snippets",
}
RAW, IN_FOLD, OUT_OF_FOLD, ANCHOR = "raw_text (do nothing)", "cleaner in-fold", "cleaner out-of-fold", "trafilatura.extract on HTML"
CLEANERS = (IN_FOLD, OUT_OF_FOLD)


# ---------------------------------------------------------------- predictions


@dataclass
class Trainer:
    """How the cleaner rows are made: ``fit(pages) -> model``, ``make_cleaner(model) -> Cleaner``.

    With a ``cache_dir`` a fitted model is pickled there under a key made of ``code`` (a digest
    of the code that fits and applies it) and the training pages' contents, and read back
    instead of fitting again: ``--show`` or ``--rules`` after a run cost one clean, not six fits.
    """

    fit: Callable[[list[dict]], Any]
    make_cleaner: Callable[[Any], Any]
    name: str = "scripts/train_body.py"
    code: str = ""
    cache_dir: Path | None = None

    def model(self, train: list[dict]) -> tuple[Any, bool]:
        """The model fitted on ``train``, and whether it was read from the cache."""
        if self.cache_dir is None:
            return self.fit(train), False
        h = hashlib.sha256(self.code.encode())
        for p in sorted(train, key=lambda p: p["id"]):
            h.update(_page_digest(p).encode())
        path = self.cache_dir / f"{h.hexdigest()[:32]}.pickle"
        if path.exists():
            try:
                return pickle.loads(path.read_bytes()), True
            except Exception:  # a cache file from another Python or a torn write: fit again
                pass
        model = self.fit(train)
        try:
            data = pickle.dumps(model)
        except Exception:
            return model, False
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return model, False


_DIGESTS: dict[int, tuple[dict, str]] = {}


def _page_digest(page: dict) -> str:
    hit = _DIGESTS.get(id(page))
    if hit is None or hit[0] is not page:
        hit = (page, hashlib.sha256(json.dumps(page, sort_keys=True, ensure_ascii=False).encode()).hexdigest())
        _DIGESTS[id(page)] = hit
    return hit[1]


def code_digest() -> str:
    """A digest of what a fitted model depends on: the package (code and data files) and scripts/*.py
    (this file aside: how figures are printed does not change a model)."""
    h = hashlib.sha256()
    files = [p for p in (ROOT / "cleaner").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [p for p in (ROOT / "scripts").glob("*.py") if p.name != Path(__file__).name]
    for path in sorted(files):
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleaner-evaluate"


def load_trainer(cache_dir: Path | None = None) -> Trainer | None:
    """scripts/train_body.py's ``fit`` and ``make_cleaner``, or None when it is absent or has no ``fit``."""
    try:
        import train_body
    except ModuleNotFoundError as e:
        if e.name == "train_body":
            return None
        raise
    fit, make = getattr(train_body, "fit", None), getattr(train_body, "make_cleaner", None)
    if not callable(fit) or not callable(make):
        return None
    return Trainer(fit, make, code=code_digest() if cache_dir else "", cache_dir=cache_dir)


@dataclass
class Run:
    """Everything the tables are made from."""

    pages: dict[str, list[dict]]          # set -> the pages scored
    fold: dict[str, int]                  # page id -> fold (over both sets)
    k: int
    trainer: Trainer | None
    articles: dict[str, dict[str, cleaner.Article]]  # IN_FOLD / OUT_OF_FOLD -> id -> Article
    anchors: dict[str, dict[str, str]]    # set -> id -> text
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def fitted(self) -> bool:
        return self.trainer is not None

    def texts(self, name: str) -> dict[str, dict[str, str | None]]:
        """System -> id -> text for the pages of set ``name`` (the anchor only when it has them)."""
        pages = self.pages[name]
        out: dict[str, dict[str, str | None]] = {RAW: {p["id"]: p.get("raw_text") or "" for p in pages}}
        for system in CLEANERS:
            out[system] = {p["id"]: self.articles[system][p["id"]].text for p in pages}
        if self.anchors.get(name):
            out[ANCHOR] = {p["id"]: self.anchors[name].get(p["id"]) for p in pages}
        return out


_JOB: tuple | None = None  # (all_pages, scored, fold, trainer) for the forked workers of predict()


def _task(f: int) -> tuple[int, dict[str, cleaner.Article], float, float, bool]:
    """Fit on every page outside fold ``f`` (all pages for ``f == -1``) and clean the scored pages of ``f``."""
    all_pages, scored, fold, trainer = _JOB
    t = time.perf_counter()
    hit = False
    if trainer is None:
        c = cleaner.Cleaner()
    else:
        model, hit = trainer.model([p for p in all_pages if f == -1 or fold[p["id"]] != f])
        c = trainer.make_cleaner(model)
    fit_s = time.perf_counter() - t
    t = time.perf_counter()
    held = [p for p in scored if f == -1 or fold[p["id"]] == f]
    out = {p["id"]: c.clean(p.get("raw_text") or "", id=p["id"]) for p in held}
    return f, out, fit_s, time.perf_counter() - t, hit


def predict(all_pages: list[dict], scored: list[dict], fold: dict[str, int], k: int,
            trainer: Trainer | None, seconds: dict[str, float] | None = None,
            jobs: int = 1, in_fold: bool = True) -> dict[str, dict[str, cleaner.Article]]:
    """In-fold and out-of-fold articles for the ``scored`` pages; models are fitted on ``all_pages``.

    In-fold: one model fitted on all pages cleans every scored page. Out-of-fold: for each fold f,
    the model fitted on the pages outside f cleans the scored pages in f. Without a trainer both
    are ``cleaner.Cleaner()`` (one pass, the same articles). ``jobs`` > 1 runs the fits in that
    many forked processes; the result is the same. ``in_fold=False`` fits the out-of-fold models
    only (the in-fold row is then the out-of-fold one).
    """
    global _JOB
    seconds = seconds if seconds is not None else {}
    folds_scored = [f for f in range(k) if any(fold[p["id"]] == f for p in scored)]
    tasks = [-1] if trainer is None else ([-1] if in_fold else []) + folds_scored
    _JOB = (all_pages, scored, fold, trainer)
    wall = time.perf_counter()
    try:
        if jobs > 1 and len(tasks) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks))) as pool:
                results = pool.map(_task, tasks, chunksize=1)
        else:
            results = [_task(f) for f in tasks]
    finally:
        _JOB = None
    seconds["fit"] = sum(r[2] for r in results) if trainer is not None else 0.0
    seconds["clean"] = sum(r[3] for r in results)
    seconds["wall"] = time.perf_counter() - wall
    seconds["models"] = len(results) if trainer is not None else 0
    seconds["cached"] = sum(r[4] for r in results)
    by_task = {r[0]: r[1] for r in results}
    if trainer is None:
        return {IN_FOLD: by_task[-1], OUT_OF_FOLD: by_task[-1]}
    out_of_fold: dict[str, cleaner.Article] = {}
    for f in folds_scored:
        out_of_fold.update(by_task[f])
    out_of_fold = {p["id"]: out_of_fold[p["id"]] for p in scored}
    return {IN_FOLD: by_task[-1] if in_fold else out_of_fold, OUT_OF_FOLD: out_of_fold}


def load_anchor(name: str) -> dict[str, str]:
    path = F.BENCH / SET_DIRS[name] / "anchor_trafilatura.jsonl"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {r["id"]: r.get("text") for r in map(json.loads, filter(str.strip, fh))}


def run(sets: tuple[str, ...] = SETS, trainer: Trainer | None = None, k: int = 5,
        all_pages: list[dict] | None = None, anchors: dict[str, dict[str, str]] | None = None,
        jobs: int = 1, only: str | None = None) -> Run:
    """Fit (when there is a trainer) and clean; ``all_pages`` defaults to both dev sets.

    ``only``: score that one page (the models are fitted as for a full run).
    """
    all_pages = all_pages if all_pages is not None else F.load_dev_pages()
    fold = F.assign_folds(all_pages, k=k)
    pages = {name: [p for p in all_pages if p["set"] == name and (only is None or p["id"] == only)] for name in sets}
    scored = [p for name in sets for p in pages[name]]
    seconds: dict[str, float] = {}
    articles = predict(all_pages, scored, fold, k, trainer, seconds, jobs=jobs, in_fold=only is None)
    if anchors is None:
        anchors = {name: load_anchor(name) for name in sets}
    return Run(pages, fold, k, trainer, articles, anchors, seconds)


def record(article: cleaner.Article) -> dict:
    return {"title": article.title, "authors": list(article.authors), "published": article.published}


# ---------------------------------------------------------------- figures


def aeb_page(page: dict, text: str | None) -> dict:
    """One article-benchmark page: the AEB and BoW figures and the lost gold lines."""
    gold = page.get("gold_text") or ""
    tp, fp, fn = M.page_tp_fp_fn(gold, text or "")
    bf, bp, br = M.bow_page(gold, text or "")
    reach, lost = M.lost_lines(gold, page.get("raw_text"), text or "")
    return dict(id=page["id"], lang=page.get("lang"), tp=tp, fp=fp, fn=fn,
                aeb_p=M.page_precision(tp, fp, fn) if tp + fp > 0 else None,
                aeb_r=M.page_recall(tp, fp, fn) if tp + fn > 0 else None,
                exact=M.exact(gold, text or ""), bow_f1=bf, bow_p=bp, bow_r=br,
                lines_reach=reach, lost=lost)


def aeb_summary(rows: list[dict]) -> dict:
    f1, p, r = M.aeb_scores((x["tp"], x["fp"], x["fn"]) for x in rows)
    n = len(rows)
    mean = lambda key: sum(x[key] for x in rows) / n if n else 0.0  # noqa: E731
    lost_pages = sum(1 for x in rows if x["lost"])
    return dict(pages=n, aeb_f1=f1, aeb_p=p, aeb_r=r, exact=mean("exact"),
                bow_f1=mean("bow_f1"), bow_p=mean("bow_p"), bow_r=mean("bow_r"),
                lines_reach=sum(x["lines_reach"] for x in rows), lost_lines=sum(len(x["lost"]) for x in rows),
                lost_pages=lost_pages, lost_share=lost_pages / n if n else 0.0)


def text_figures(run_: Run, name: str) -> dict[str, dict]:
    """System -> {"summary", "rows"} (aeb: summaries per language, "all" and "en")."""
    out: dict[str, dict] = {}
    same = run_.articles[IN_FOLD] is run_.articles[OUT_OF_FOLD]
    for system, texts in run_.texts(name).items():
        if same and system == OUT_OF_FOLD:
            out[system] = out[IN_FOLD]
            continue
        pages = run_.pages[name]
        if name == "aeb":
            rows = [aeb_page(p, texts[p["id"]]) for p in pages]
            summary = {"all": aeb_summary(rows)}
            en = [r for r in rows if r["lang"] == "en"]
            if en:
                summary["en"] = aeb_summary(en)
        else:
            summary, rows = S.score_split(pages, texts)
        out[system] = {"summary": summary, "rows": rows}
    return out


def meta_figures(run_: Run, name: str) -> dict[str, dict]:
    """Cleaner system -> {"summary": per field, "rows": per page}."""
    out: dict[str, dict] = {}
    same = run_.articles[IN_FOLD] is run_.articles[OUT_OF_FOLD]
    for system in CLEANERS:
        if same and system == OUT_OF_FOLD:
            out[system] = out[IN_FOLD]
            continue
        rows = [MM.page_meta(p, record(run_.articles[system][p["id"]])) for p in run_.pages[name]]
        out[system] = {"summary": MM.summarize(rows), "rows": rows}
    return out


# ---------------------------------------------------------------- tables


def aeb_table(figs: dict[str, dict]) -> list[str]:
    lines = ["| lang | pages | system | AEB-F1 | AEB-P | AEB-R | exact | BoW-F1 | BoW-P | BoW-R | pages losing text | lost lines |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for lang in ("all", "en"):
        for system, fig in figs.items():
            s = fig["summary"].get(lang)
            if s is None:
                continue
            lines.append(f"| {lang} | {s['pages']} | {system} | {s['aeb_f1']:.3f} | {s['aeb_p']:.3f} | {s['aeb_r']:.3f} "
                         f"| {s['exact']:.3f} | {s['bow_f1']:.3f} | {s['bow_p']:.3f} | {s['bow_r']:.3f} "
                         f"| {s['lost_share']:.3f} ({s['lost_pages']}) | {s['lost_lines']} of {s['lines_reach']} |")
    return lines


def trafeval_table(figs: dict[str, dict]) -> list[str]:
    lines = ["| system | P | R | F1 | acc | tp | fp | fn | tn | reach-R | reach-P | removed "
             "| pages with false cuts | lost snippets | pages losing text |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for system, fig in figs.items():
        s = fig["summary"]
        lines.append(f"| {system} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} | {s['accuracy']:.4f} "
                     f"| {s['tp']} | {s['fp']} | {s['fn']} | {s['tn']} | {s['reach_recall']:.4f} "
                     f"| {s['reach_precision']:.4f} | {s['removed']:.4f} | {s['lost_pages']} | {s['lost_snippets']} "
                     f"| {s['lost_share']:.3f} |")
    return lines


def meta_table(figs: dict[str, dict], fitted: bool) -> list[str]:
    lines = ["| field | declared | reachable | system | agree | agree on reachable | given | wrong among given |",
             "|---|---|---|---|---|---|---|---|"]
    systems = list(figs) if fitted else [OUT_OF_FOLD]
    for f in MM.FIELDS:
        for system in systems:
            s = figs[system]["summary"][f]
            label = system if fitted else "cleaner (in-fold = out-of-fold)"
            lines.append(f"| {f} | {s['declared']} | {s['reachable']} | {label} | {s['agree']:.3f} "
                         f"| {s['agree_reach']:.3f} ({s['agree_reach_n']}) | {s['given']} "
                         f"| {s['wrong']:.3f} ({s['wrong_n']}) |")
    return lines


def header_lines(run_: Run) -> list[str]:
    n = {name: len(p) for name, p in run_.pages.items()}
    total = len(run_.fold)
    sizes = Counter(run_.fold.values())
    lines = [f"Dev sets in {F.BENCH}: " + ", ".join(f"{name} {n[name]} pages" for name in run_.pages)
             + f"; {run_.k} folds grouped by site over both sets ({total} pages; "
             + "/".join(str(sizes[f]) for f in range(run_.k)) + " a fold)."]
    if run_.fitted:
        lines.append(f"Body model: {run_.trainer.name} fit(). In-fold: one model fitted on all {total} pages; "
                     f"out-of-fold: each page scored by the model fitted on the other {run_.k - 1} folds.")
    else:
        lines.append("Body model: nothing fitted: in-fold = out-of-fold (both rows are cleaner.Cleaner()).")
    s = run_.seconds
    cached = f" ({s['cached']} of {s['models']} models read from the cache)" if s.get("cached") else ""
    lines.append(f"Fitting {s.get('fit', 0.0):.1f} s{cached}, cleaning {s.get('clean', 0.0):.1f} s "
                 f"(summed over the processes), {s.get('wall', 0.0):.1f} s wall.")
    return lines


# ---------------------------------------------------------------- debugging views


def _shingles(text: str) -> Counter:
    return M.shingle_counts(text)


def _in_gold(text: str, gold_shingles: Counter) -> float:
    """Share of ``text``'s shingles that occur in the gold text."""
    sh = _shingles(text)
    total = sum(sh.values())
    if not total:
        return 0.0
    return sum(n for s, n in sh.items() if s in gold_shingles) / total


def cut_of(piece: str, article: cleaner.Article) -> str:
    """The rule whose cut removed ``piece`` (a lost snippet or gold line).

    The rule of a cut holding the whole piece; else, marked "(part)", of the cut sharing the most
    4-word shingles with it (the piece spans paragraphs, or a rule cut part of it); else
    "(not cut: text changed)", when the text is there but rewritten (normalisation, re-flow).
    """
    target = M.norm_lines(piece)
    best, best_n = None, 0
    want = _shingles(target)
    for cut in article.removed:
        text = M.norm_lines(cut.text)
        if target and target in text:
            return cut.rule
        shared = sum((want & _shingles(text)).values())
        if shared > best_n:
            best, best_n = cut.rule, shared
    return f"{best} (part)" if best else "(not cut: text changed)"


def worst_pages(run_: Run, name: str, figs: dict[str, dict], n: int) -> list[str]:
    rows = figs[OUT_OF_FOLD]["rows"]
    urls = {p["id"]: p.get("source_url") or p.get("url") or "" for p in run_.pages[name]}
    if name == "aeb":
        rows = sorted(rows, key=lambda r: (r["aeb_p"] if r["aeb_p"] is not None else 0.0, -len(r["lost"]), r["id"]))
        out = [f"The {n} article-benchmark pages with the lowest AEB precision, out of fold:"]
        for r in rows[:n]:
            p = "n/a" if r["aeb_p"] is None else f"{r['aeb_p']:.3f}"
            rr = "n/a" if r["aeb_r"] is None else f"{r['aeb_r']:.3f}"
            out.append(f"P {p}  R {rr}  lost lines {len(r['lost'])}  {r['id']}  {urls[r['id']]}")
    else:
        rows = sorted(rows, key=lambda r: (-len(r["lost"]), -len(r["kept_debris"]), r["id"]))
        out = [f"The {n} trafeval pages with the most lost snippets (then the most kept debris), out of fold:"]
        for r in rows[:n]:
            out.append(f"lost {len(r['lost'])} of {r['with_reach']}  debris kept {len(r['kept_debris'])} "
                       f"of {r['without_reach']}  {r['id']}  {urls[r['id']]}")
    return out


def show_page(run_: Run, page_id: str) -> list[str] | None:
    page = next((p for name in run_.pages for p in run_.pages[name] if p["id"] == page_id), None)
    if page is None:
        return None
    art = run_.articles[OUT_OF_FOLD][page_id]
    out = [f"# {page_id}  ({page['set']}, site {page['site']}, fold {run_.fold[page_id]})  "
           f"{page.get('source_url') or page.get('url') or ''}"]
    pred = record(art)
    out.append(f"ours:     title={pred['title']!r} authors={pred['authors']!r} published={pred['published']!r}")
    out.append(f"declared: title={page.get('meta_title')!r} authors={page.get('meta_authors')!r} "
               f"date={page.get('meta_date')!r}")
    if page["set"] == "aeb":
        r = aeb_page(page, art.text)
        gold = _shingles(page.get("gold_text") or "")
        p = "n/a" if r["aeb_p"] is None else f"{r['aeb_p']:.3f}"
        rr = "n/a" if r["aeb_r"] is None else f"{r['aeb_r']:.3f}"
        out.append(f"out of fold: AEB P {p}  R {rr}; {len(r['lost'])} of {r['lines_reach']} reachable gold lines lost")
        out.append("\n## cuts (! = the cut text is in gold)")
        for cut in art.removed:
            mark = "!" if _in_gold(cut.text, gold) >= 0.5 else " "
            out.append(f"{mark} {cut.rule:32} | {cut.text[:150]}")
        out.append("\n## lost gold lines, and the rule that cut each")
        out += [f"  {cut_of(line, art):32} | {line[:150]}" for line in r["lost"]]
        out.append("\n## kept paragraphs not in gold")
        out += [f"  | {para[:200]}" for para in art.paragraphs if _in_gold(para, gold) < 0.5]
    else:
        r = S.score_page(page, art.text)
        with_n = [S.norm(w) for w in page.get("with") or []]
        without_n = [S.norm(w) for w in page.get("without") or []]
        out.append(f"out of fold: with {r['tp']} found, {r['fn']} not ({len(r['lost'])} of {r['with_reach']} "
                   f"reachable lost); without {r['fp']} kept, {r['tn']} not")
        out.append("\n## cuts (! = holds a 'with' snippet, . = holds a 'without' snippet)")
        for cut in art.removed:
            text = S.norm(cut.text)
            mark = "!" if any(w and w in text for w in with_n) else "." if any(w and w in text for w in without_n) else " "
            out.append(f"{mark} {cut.rule:32} | {cut.text[:150]}")
        out.append("\n## lost 'with' snippets, and the rule that cut each")
        out += [f"  {cut_of(w, art):32} | {S.norm(w)[:150]}" for w in r["lost"]]
        out.append("\n## 'without' snippets kept")
        out += [f"  | {S.norm(w)[:150]}" for w in r["kept_debris"]]
    return out


def rule_report(run_: Run, name: str, figs: dict[str, dict]) -> list[str]:
    """Per rule, out of fold: what its cuts held; then every lost piece with the rule that cut it."""
    stats: dict[str, Counter] = defaultdict(Counter)
    lost: list[tuple[str, str, str]] = []
    rows = {r["id"]: r for r in figs[OUT_OF_FOLD]["rows"]}
    for page in run_.pages[name]:
        art = run_.articles[OUT_OF_FOLD][page["id"]]
        if name == "aeb":
            gold = _shingles(page.get("gold_text") or "")
            for cut in art.removed:
                words = len(M.tokens(cut.text))
                share = _in_gold(cut.text, gold)
                c = stats[cut.rule]
                c["cuts"] += 1
                c["words"] += words
                c["gold_words"] += round(words * share)
                c["gold_cuts"] += share >= 0.5
            pieces = rows[page["id"]]["lost"]
        else:
            with_n = [S.norm(w) for w in page.get("with") or []]
            without_n = [S.norm(w) for w in page.get("without") or []]
            for cut in art.removed:
                text = S.norm(cut.text)
                c = stats[cut.rule]
                c["cuts"] += 1
                c["words"] += len(M.tokens(cut.text))
                c["with"] += sum(1 for w in with_n if w and w in text)
                c["without"] += sum(1 for w in without_n if w and w in text)
            pieces = rows[page["id"]]["lost"]
        for piece in pieces:
            rule = cut_of(piece, art)
            stats[rule.split(" (")[0]]["lost"] += 1
            lost.append((rule, page["id"], M.norm_lines(piece)))
    if name == "aeb":
        out = ["| rule | cuts | words | words in gold | words not in gold | cuts mostly in gold | lost gold lines |",
               "|---|---|---|---|---|---|---|"]
        for rule, c in sorted(stats.items()):
            out.append(f"| {rule} | {c['cuts']} | {c['words']} | {c['gold_words']} | {c['words'] - c['gold_words']} "
                       f"| {c['gold_cuts']} | {c['lost']} |")
        out.append("\nWords in gold: a cut's words times the share of its 4-word shingles found in the gold body.")
        out.append(f"\n## reachable gold lines lost ({len(lost)}), and the rule that cut each")
    else:
        out = ["| rule | cuts | words | 'with' snippets held | 'without' snippets held | lost 'with' snippets |",
               "|---|---|---|---|---|---|"]
        for rule, c in sorted(stats.items()):
            out.append(f"| {rule} | {c['cuts']} | {c['words']} | {c['with']} | {c['without']} | {c['lost']} |")
        out.append("\n'held': whole snippets inside a cut; a lost snippet is charged to the cut holding it, "
                   "else (part) to the cut sharing most of its words.")
        out.append(f"\n## reachable 'with' snippets lost ({len(lost)}), and the rule that cut each")
    out += [f"{rule:40} {pid} | {text[:140]}" for rule, pid, text in sorted(lost)]
    return out


def meta_misses(run_: Run, name: str, mfigs: dict[str, dict]) -> list[str]:
    out = []
    for page, row in zip(run_.pages[name], mfigs[OUT_OF_FOLD]["rows"]):
        for f, r in row.items():
            if (r["reach"] and not r["agree"]) or (r["given"] and not r["agree"]):
                kind = "miss" if not r["given"] else "wrong"
                out.append(f"{kind:5} {f:8} {page['id']}  ours={r['ours']!r}  declared={r['declared']!r}")
    return out


# ---------------------------------------------------------------- output


PER_PAGE_COLUMNS = ("set", "id", "system", "fold", "aeb_p", "aeb_r", "exact", "bow_p", "bow_r", "bow_f1",
                    "lines_reach", "lost_lines", "tp", "fp", "fn", "tn", "with_reach", "without_reach", "fp_reach",
                    "lost_snippets", "title", "authors", "date")


def per_page_rows(run_: Run, texts: dict[str, dict], metas: dict[str, dict]):
    def fmt(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return str(int(v))
        if isinstance(v, float):
            return f"{v:.4f}"
        return str(v)

    yield PER_PAGE_COLUMNS
    for name in run_.pages:
        for system, fig in texts[name].items():
            meta_rows = metas[name][system]["rows"] if system in metas[name] else [{}] * len(fig["rows"])
            for r, m in zip(fig["rows"], meta_rows):
                v = dict(set=name, id=r["id"], system=system, fold=run_.fold[r["id"]])
                if name == "aeb":
                    v.update({k: r[k] for k in ("aeb_p", "aeb_r", "exact", "bow_p", "bow_r", "bow_f1", "lines_reach")})
                    v["lost_lines"] = len(r["lost"])
                else:
                    v.update({k: r[k] for k in ("tp", "fp", "fn", "tn", "with_reach", "without_reach", "fp_reach")})
                    v["lost_snippets"] = len(r["lost"])
                for f in MM.FIELDS:
                    if f in m:
                        v[f] = m[f]["agree"]
                yield tuple(fmt(v.get(c)) for c in PER_PAGE_COLUMNS)


def figures_json(run_: Run, texts: dict[str, dict], metas: dict[str, dict]) -> dict:
    return {
        "bench": str(F.BENCH),
        "folds": run_.k,
        "fitted": run_.fitted,
        "model": run_.trainer.name if run_.fitted else None,
        "seconds": {k: round(v, 3) for k, v in run_.seconds.items()},
        "sets": {
            name: {
                "pages": len(run_.pages[name]),
                "text": {system: fig["summary"] for system, fig in texts[name].items()},
                "metadata": {system: fig["summary"] for system, fig in metas[name].items()},
            }
            for name in run_.pages
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("aeb", "trafeval", "both"), default="both", help="which dev set to score (default both)")
    ap.add_argument("--json", metavar="OUT", type=Path, help="write every figure as JSON")
    ap.add_argument("--worst", type=int, metavar="N", help="per set, the N worst pages out of fold")
    ap.add_argument("--show", metavar="ID", help="one page out of fold: cuts, lost text, kept debris, metadata")
    ap.add_argument("--rules", action="store_true",
                    help="per rule: what its cuts held; which rule cut each lost gold line / 'with' snippet")
    ap.add_argument("--per-page", metavar="TSV", type=Path, help="write one row a page and system")
    ap.add_argument("--disagreements", action="store_true", help="list metadata misses and wrong values, out of fold")
    ap.add_argument("--no-fit", action="store_true", help="score cleaner.Cleaner() as it ships, fitting nothing")
    ap.add_argument("--folds", type=int, default=5, metavar="K", help="number of site-grouped folds (default 5)")
    ap.add_argument("--no-cache", action="store_true",
                    help=f"fit every model again instead of reading fitted ones from {default_cache_dir()}")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), metavar="N",
                    help="fit the folds in N processes (default: up to 2, the cores there are)")
    args = ap.parse_args(argv)

    sets = SETS if args.set == "both" else (args.set,)
    missing = [F.SETS[name] for name in sets if not F.SETS[name].exists()]
    if missing:
        print(f"no dev pages at {', '.join(map(str, missing))}: put shared/benchmark beside the repository "
              "or set CLEANER_BENCHMARK_DIR", file=sys.stderr)
        return 2
    trainer = None if args.no_fit else load_trainer(None if args.no_cache else default_cache_dir())
    all_pages = F.load_dev_pages()
    if args.show and not any(p["id"] == args.show and p["set"] in sets for p in all_pages):
        print(f"no page {args.show!r} in {', '.join(sets)}", file=sys.stderr)
        return 2
    run_ = run(sets, trainer, k=args.folds, all_pages=all_pages, jobs=args.jobs, only=args.show)
    if args.show:
        print("\n".join(show_page(run_, args.show)))
        return 0

    texts = {name: text_figures(run_, name) for name in sets}
    metas = {name: meta_figures(run_, name) for name in sets}
    if args.per_page:
        with args.per_page.open("w", encoding="utf-8") as fh:
            for row in per_page_rows(run_, texts, metas):
                fh.write("\t".join(row) + "\n")
    if args.json:
        args.json.write_text(json.dumps(figures_json(run_, texts, metas), indent=1) + "\n", encoding="utf-8")
    print("\n".join(header_lines(run_)))
    for name in sets:
        print(f"\n## {SET_TITLES[name]}, {len(run_.pages[name])} pages\n")
        print("\n".join(aeb_table(texts[name]) if name == "aeb" else trafeval_table(texts[name])))
    print("\npages losing text: aeb, a gold line of >= 5 words that is in raw_text is missing from the output "
          "(NFKC and white space normalised); trafeval, a 'with' snippet that is in raw_text is missing (= pages "
          "with false cuts). reach-R / reach-P / removed: the snippets that raw_text holds.")
    for name in sets:
        print(f"\n## Metadata, {name}: against what each page declares (JSON-LD / <meta>)\n")
        print("\n".join(meta_table(metas[name], run_.fitted)))
    print("\nagree on reachable: over the pages whose declared value can be read from raw_text; "
          "wrong among given: values given on declaring pages that disagree.")

    if args.worst:
        for name in sets:
            print()
            print("\n".join(worst_pages(run_, name, texts[name], args.worst)))
    if args.rules:
        for name in sets:
            print(f"\n## Rules, {name}, out of fold\n")
            print("\n".join(rule_report(run_, name, texts[name])))
    if args.disagreements:
        for name in sets:
            print(f"\n## Metadata misses and wrong values, {name}, out of fold\n")
            print("\n".join(meta_misses(run_, name, metas[name])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
