#!/usr/bin/env python3
"""Train the body model (cleaner/body.py) on the two dev sets and write cleaner/data/body_model.json.

    python scripts/train_body.py               # fit on every dev page, write the shipped model
    python scripts/train_body.py --check       # also print out-of-fold paragraph figures

What it learns from (``../shared/benchmark``):
* the article benchmark's gold bodies: a paragraph is article text when most of its 4-word shingles
  are in the gold body (a short one: when it is in the gold body verbatim);
* trafeval's hand-picked snippets: a paragraph holding (or held by) a "must keep" snippet is article
  text, one holding a "must remove" snippet is furniture;
* as silver labels, weighted 0.3, the other trafeval paragraphs, by what trafilatura kept from the
  full HTML (``anchor_trafilatura.jsonl``).

The paragraphs are those the model sees in the pipeline: what is left once the named rules ran
(they are recorded by running the real pipeline with a recording model).

How the parameters are chosen, with nothing chosen on the pages it is scored on:
* the weights: an L2-regularised logistic regression (Newton's method, deterministic);
* ``threshold`` and ``switch`` (the decoding's cost of a change of state): on out-of-fold log-odds
  of the training pages (inner folds grouped by site), the pair with the best word F1 among those
  that lose article text on at most :data:`MAX_LOST` of the pages.

``scripts/evaluate.py`` calls :func:`fit` on the training folds and :func:`make_cleaner` to score each
held-out fold, so its out-of-fold rows are honest.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import folds as F  # noqa: E402

import cleaner  # noqa: E402
from cleaner.body import FEATURES, BodyModel, decode, inside_scores  # noqa: E402

MODEL_PATH = ROOT / "cleaner" / "data" / "body_model.json"
# Regularisation of the logistic regression (on standardised features).
L2 = 1.0
SILVER = 0.3
# Precision first: the decoding parameters may lose article text on at most this share of pages.
MAX_LOST = 0.04
THRESHOLDS = tuple(round(x, 2) for x in np.arange(-4.0, 3.01, 0.5))
SWITCHES = (0.0, 1.0, 2.0, 4.0)
INSIDES = (0.0, 1.0, 2.0, 3.0, 5.0)

_WS = re.compile(r"\s+")
_TOK = re.compile(r"\w+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _shingles(s: str) -> list[tuple[str, ...]]:
    t = _TOK.findall(s)
    return [tuple(t[i:i + 4]) for i in range(len(t) - 3)]


@dataclass
class Doc:
    page: dict
    texts: list[str]
    live: list[int]
    vecs: list[list[float]]
    labels: list[float] = field(default_factory=list)  # per live paragraph: 1 article, 0 furniture, -1 unknown
    weights: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    protected: list[bool] = field(default_factory=list)


class _Recorder:
    """A stand-in body model that records what the body stage sees and cuts nothing."""

    def __init__(self) -> None:
        self.seen: tuple[list[str], dict[int, str]] | None = None

    def label(self, texts, roles, protected, span=None, zone=frozenset(), vectors=None):
        from cleaner.body import features

        self.seen = (list(texts), dict(roles))
        self.protected = list(protected)
        self.vecs = features(texts, roles, span, zone)
        for i in range(len(texts)):
            if i not in roles:
                yield i, True, 0.0


def _in_text(par: str, text: str, shingle_set: set) -> bool:
    sh = _shingles(par)
    if len(sh) >= 1:
        return sum(s in shingle_set for s in sh) * 2 >= len(sh)
    return len(par) >= 3 and par in text


def _label_page(page: dict, texts: list[str], live: list[int], anchor: dict[str, str]) -> tuple[list[float], list[float]]:
    labels, weights = [], []
    if page["set"] == "aeb":
        gold = _norm(page.get("gold_text") or "")
        gs = set(_shingles(gold))
        for i in live:
            p = _norm(texts[i])
            labels.append(1.0 if _in_text(p, gold, gs) else 0.0)
            weights.append(1.0 if len(_TOK.findall(p)) >= 4 else 0.5)
        return labels, weights
    keep = [_norm(w) for w in page.get("with") or []]
    drop = [_norm(w) for w in page.get("without") or []]
    anc = _norm(anchor.get(page["id"], ""))
    ans = set(_shingles(anc))
    for i in live:
        p = _norm(texts[i])
        if any(w and (w in p or (len(p) >= 15 and p in w)) for w in keep):
            labels.append(1.0)
            weights.append(1.0)
        elif any(o and (o in p or (len(p) >= 15 and p in o)) for o in drop):
            labels.append(0.0)
            weights.append(1.0)
        elif anc:
            labels.append(1.0 if _in_text(p, anc, ans) else 0.0)
            weights.append(SILVER)
        else:
            labels.append(-1.0)
            weights.append(0.0)
    return labels, weights


def _anchors() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in (F.BENCH / "trafeval-dev" / "anchor_trafilatura.jsonl",):
        if path.exists():
            for line in path.open(encoding="utf-8"):
                r = json.loads(line)
                out[r["id"]] = r.get("text") or ""
    return out


_CACHE: dict[str, Doc | None] = {}


def collect(pages: list[dict]) -> list[Doc]:
    """The body stage's view of each page (pages where it does not run are left out), labelled."""
    anchor = _anchors()
    docs = []
    for page in pages:
        if page["id"] not in _CACHE:
            rec = _Recorder()
            cleaner.Cleaner(body_model=rec).clean(page["raw_text"] or " ")
            if rec.seen is None:
                _CACHE[page["id"]] = None
            else:
                texts, roles = rec.seen
                live = [i for i in range(len(texts)) if i not in roles]
                d = Doc(page, texts, live, [rec.vecs[i] for i in live])
                d.labels, d.weights = _label_page(page, texts, live, anchor)
                d.words = [len(_TOK.findall(texts[i])) for i in live]
                d.protected = [rec.protected[i] for i in live]
                _CACHE[page["id"]] = d
        d = _CACHE[page["id"]]
        if d is not None:
            docs.append(d)
    return docs


def _logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> np.ndarray:
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        z = X @ beta
        p = 1.0 / (1.0 + np.exp(-z))
        g = X.T @ (w * (p - y)) + reg * beta
        H = (X * (w * p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(H, g)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta


def _fit_weights(docs: list[Doc]) -> BodyModel:
    rows, ys, ws = [], [], []
    for d in docs:
        for v, y, w, prot in zip(d.vecs, d.labels, d.weights, d.protected):
            # long prose is content whatever the model says: it learns from the paragraphs it decides
            if y >= 0 and w > 0 and not prot:
                rows.append(v)
                ys.append(y)
                ws.append(w)
    X = np.asarray(rows, dtype=float)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale < 1e-9] = 1.0
    Xs = (X - mean) / scale
    beta = _logistic(Xs, np.asarray(ys), np.asarray(ws), L2)
    return BodyModel(tuple(float(b) for b in beta), tuple(float(m) for m in mean), tuple(float(s) for s in scale))


def _raw_scores(model: BodyModel, d: Doc) -> list[float]:
    return [model.log_odds(v) + model.threshold for v in d.vecs]


def _outcome(d: Doc, raw: list[float], threshold: float, switch: float, inside: float) -> tuple[float, float, float, bool]:
    labels = decode(inside_scores([s - threshold for s in raw], d.protected, inside), switch)
    tp = fp = fn = 0.0
    lost = False
    for keep, prot, y, w, n in zip(labels, d.protected, d.labels, d.weights, d.words):
        keep = keep or prot
        if y < 0:
            continue
        # Each labelled paragraph counts once, as each snippet does in the snippet metric and as a
        # furniture line's few shingles add up in the article metric.
        if y == 1:
            if keep:
                tp += w
            else:
                fn += w
                if w >= 1.0 and n >= 5:
                    lost = True
        elif keep:
            fp += w
    return tp, fp, fn, lost


def choose_decoding(docs: list[Doc], raws: list[list[float]]) -> tuple[float, float, dict]:
    """The (threshold, switch) with the best word F1 among those losing text on <= MAX_LOST of the pages."""
    best = None
    fallback = None
    for t, s, ins in itertools.product(THRESHOLDS, SWITCHES, INSIDES):
        TP = FP = FN = 0.0
        lost = 0
        for d, raw in zip(docs, raws):
            tp, fp, fn, l = _outcome(d, raw, t, s, ins)
            TP, FP, FN, lost = TP + tp, FP + fp, FN + fn, lost + l
        f1 = 2 * TP / (2 * TP + FP + FN) if TP else 0.0
        share = lost / max(1, len(docs))
        cand = (f1, -share, -abs(t), -s, -ins)
        stats = {"f1": round(f1, 4), "lost_share": round(share, 4), "threshold": t, "switch": s, "inside": ins}
        if share <= MAX_LOST and (best is None or cand > best[0]):
            best = (cand, (t, s, ins), stats)
        if fallback is None or (-share, f1) > fallback[0]:
            fallback = ((-share, f1), (t, s, ins), stats)
    _, params, stats = best or fallback
    return (*params, stats)


def fit(pages: list[dict], k: int = 4) -> BodyModel:
    """Fit the weights on ``pages``, choosing the decoding on inner out-of-fold log-odds."""
    docs = collect(pages)
    fold = F.assign_folds([d.page for d in docs], k=k)
    raws: dict[str, list[float]] = {}
    for f in range(k):
        train = [d for d in docs if fold[d.page["id"]] != f]
        held = [d for d in docs if fold[d.page["id"]] == f]
        if not train or not held:
            continue
        m = _fit_weights(train)
        for d in held:
            raws[d.page["id"]] = _raw_scores(m, d)
    scored = [d for d in docs if d.page["id"] in raws]
    t, s, ins, _ = choose_decoding(scored, [raws[d.page["id"]] for d in scored])
    m = _fit_weights(docs)
    return BodyModel(m.weights, m.mean, m.scale, threshold=t, switch=s, inside=ins)


def make_cleaner(model: BodyModel) -> cleaner.Cleaner:
    return cleaner.Cleaner(body_model=model)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="print out-of-fold paragraph-level figures")
    ap.add_argument("-o", "--output", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    pages = F.load_dev_pages()
    if args.check:
        fold = F.assign_folds(pages)
        docs = {d.page["id"]: d for d in collect(pages)}
        TP = FP = FN = 0.0
        lost = n = 0
        for f in range(5):
            m = fit([p for p in pages if fold[p["id"]] != f])
            for p in pages:
                if fold[p["id"]] == f and p["id"] in docs:
                    d = docs[p["id"]]
                    tp, fp, fn, l = _outcome(d, _raw_scores(m, d), m.threshold, m.switch, m.inside)
                    TP, FP, FN, lost, n = TP + tp, FP + fp, FN + fn, lost + l, n + 1
            print(f"fold {f}: threshold {m.threshold} switch {m.switch} inside {m.inside}", file=sys.stderr)
        print(f"out of fold, {n} pages where the model runs: word F1 {2 * TP / (2 * TP + FP + FN):.4f} "
              f"P {TP / (TP + FP):.4f} R {TP / (TP + FN):.4f}, pages losing labelled text {lost} ({lost / n:.3f})")
    model = fit(pages)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output} (threshold {model.threshold}, switch {model.switch}, {len(FEATURES)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
