"""trafilatura's snippet metric, as the trafeval split scores it (``trafeval-dev/score_snippets.py``).

Each trafeval page carries hand-picked ``with`` snippets (article text the output must hold) and
``without`` snippets (furniture it must not). Output and snippet are whitespace-normalised
(``re.sub(r"\\s+", " ", s).strip()``); a snippet counts as found when it is a substring of the
output, case and punctuation kept. A ``with`` snippet found is a true positive, one not found a
false negative; a ``without`` snippet found is a false positive, one not found a true negative.
Counts are summed over all snippets of all pages (micro): P = tp/(tp+fp), R = tp/(tp+fn),
acc = (tp+tn)/all, F1 = 2tp/(2tp+fp+fn).

Beside it, on the snippets found in ``raw_text`` ("reachable": what a text cleaner can act on):
reach-R = recall over reachable ``with`` snippets, reach-P = precision over reachable snippets,
removed = share of reachable ``without`` snippets gone from the output, and the false cuts:
reachable ``with`` snippets missing from the output (``lost``) and the pages with at least one.

>>> page = {"id": "p", "raw_text": "Keep  this.\\nShare it!", "with": ["Keep this."], "without": ["Share it!"]}
>>> r = score_page(page, "Keep this.")
>>> (r["tp"], r["fp"], r["fn"], r["tn"], r["lost"])
(1, 0, 0, 1, [])
>>> score_page(page, "Share it!")["lost"]
['Keep this.']
"""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["norm", "score_page", "summarize", "score_split"]

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace runs become one space, ends stripped (trafilatura's ``eval_common.norm``)."""
    return _WS.sub(" ", text).strip()


def score_page(page: dict, text: str | None) -> dict:
    """Counts and snippet lists of one page; ``text`` None is no output (scored as empty)."""
    raw = norm(page.get("raw_text") or "")
    out = norm(text) if isinstance(text, str) else None

    def found(snippet: str, hay: str | None) -> bool:
        return hay is not None and norm(snippet) in hay

    r: dict = {"id": page["id"], "url": page.get("url", ""),
               "tp": 0, "fp": 0, "fn": 0, "tn": 0,
               "with_reach": 0, "tp_reach": 0, "without_reach": 0, "fp_reach": 0,
               "lost": [], "kept_debris": [], "missing_unreachable": [], "gained": []}
    for w in page.get("with") or []:
        in_raw, in_out = found(w, raw), found(w, out)
        r["tp" if in_out else "fn"] += 1
        if in_raw:
            r["with_reach"] += 1
            if in_out:
                r["tp_reach"] += 1
            else:
                r["lost"].append(w)
        elif in_out:
            r["gained"].append(w)
        else:
            r["missing_unreachable"].append(w)
    for w in page.get("without") or []:
        in_raw, in_out = found(w, raw), found(w, out)
        r["fp" if in_out else "tn"] += 1
        if in_out:
            r["kept_debris"].append(w)
        if in_raw:
            r["without_reach"] += 1
            if in_out:
                r["fp_reach"] += 1
    return r


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def summarize(rows: Iterable[dict]) -> dict:
    """Micro figures over per-page rows of :func:`score_page`."""
    rows = list(rows)
    s = {k: sum(r[k] for r in rows) for k in
         ("tp", "fp", "fn", "tn", "with_reach", "tp_reach", "without_reach", "fp_reach")}
    tp, fp, fn, tn = s["tp"], s["fp"], s["fn"], s["tn"]
    s["pages"] = len(rows)
    s["precision"] = _div(tp, tp + fp)
    s["recall"] = _div(tp, tp + fn)
    s["accuracy"] = _div(tp + tn, tp + fp + fn + tn)
    s["f1"] = _div(2 * tp, 2 * tp + fp + fn)
    s["reach_recall"] = _div(s["tp_reach"], s["with_reach"])
    s["reach_precision"] = _div(s["tp_reach"], s["tp_reach"] + s["fp_reach"])
    s["removed"] = _div(s["without_reach"] - s["fp_reach"], s["without_reach"])
    s["lost_snippets"] = sum(len(r["lost"]) for r in rows)
    s["lost_pages"] = sum(1 for r in rows if r["lost"])
    s["lost_share"] = _div(s["lost_pages"], len(rows))
    s["gained"] = sum(len(r["gained"]) for r in rows)
    return s


def score_split(pages: list[dict], preds: dict[str, str | None]) -> tuple[dict, list[dict]]:
    """(summary, per-page rows) of ``{id: text}`` on ``pages``; a page without a prediction is empty output."""
    rows = [score_page(p, preds.get(p["id"])) for p in pages]
    return summarize(rows), rows
