"""The article-extraction-benchmark (AEB) metric and a bag-of-words metric.

AEB: texts are tokenised with ``\\w+`` (Unicode, case kept) and turned into
multisets of 4-token shingles (a text shorter than four tokens gives one
shingle of all its tokens). Per page, tp/fp/fn count the shared, predicted-only
and gold-only shingles and are divided by their sum, so every page weighs the
same. Precision is the mean of per-page precision over pages with tp + fp > 0,
recall the mean over pages with tp + fn > 0, F1 the harmonic mean of those two
means. A page is *exact* when the token sequences are equal.

BoW: the multiset of ``\\w+`` tokens of the lower-cased text; per-page precision,
recall and F1, averaged over pages.

Lost text (this project's figure, beside the AEB metric): a page *loses reachable
text* when one of its gold lines of at least :data:`LOST_MIN_WORDS` ``\\w+`` tokens
that occurs in ``raw_text`` does not occur in the output. Lines and texts are
compared after NFKC and whitespace normalisation (runs of white space become one
space), case and punctuation kept, as substrings: the cleaner's own Unicode repair
(full-width brackets, ligatures) is not a loss, a cut is. A gold line missing
from ``raw_text`` was lost by the scrape and does not count.

>>> s = shingle_counts("a b c d e", 4)
>>> sorted(s.items())
[(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
>>> page_tp_fp_fn("a b c d e", "a b c d e")
(1.0, 0.0, 0.0)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

__all__ = [
    "tokens", "shingle_counts", "page_tp_fp_fn", "page_precision", "page_recall",
    "aeb_scores", "bow_page", "bow_scores", "exact", "Scores", "score_pairs",
    "LOST_MIN_WORDS", "norm_lines", "gold_lines", "lost_lines",
]

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


def tokens(text: str | None) -> list[str]:
    """``\\w+`` tokens, case kept."""
    return _TOKEN.findall(text or "")


def shingle_counts(text: str | None, n: int = SHINGLE) -> Counter:
    """The multiset of ``n``-token shingles of ``text``; fewer than ``n`` tokens give one short shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_tp_fp_fn(gold: str | None, pred: str | None, n: int = SHINGLE) -> tuple[float, float, float]:
    """Shared, predicted-only and gold-only shingles of one page, normalised to sum to 1 (or all 0)."""
    g, p = shingle_counts(gold, n), shingle_counts(pred, n)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def aeb_scores(counts: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) from per-page normalised (tp, fp, fn)."""
    counts = list(counts)
    precision = _mean([page_precision(*c) for c in counts if c[0] + c[1] > 0])
    recall = _mean([page_recall(*c) for c in counts if c[0] + c[2] > 0])
    return _f1(precision, recall), precision, recall


def exact(gold: str | None, pred: str | None) -> bool:
    """Whether the two texts have the same token sequence."""
    return tokens(gold) == tokens(pred)


def bow_page(gold: str | None, pred: str | None) -> tuple[float, float, float]:
    """(F1, precision, recall) of the bags of lower-cased words of one page."""
    g = Counter(tokens((gold or "").lower()))
    p = Counter(tokens((pred or "").lower()))
    if not g and not p:
        return 1.0, 1.0, 1.0
    shared = sum((g & p).values())
    precision = shared / sum(p.values()) if p else 0.0
    recall = shared / sum(g.values()) if g else 0.0
    return _f1(precision, recall), precision, recall


def bow_scores(pages: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Means of per-page BoW (F1, precision, recall)."""
    pages = list(pages)
    return tuple(_mean([x[k] for x in pages]) for k in range(3))  # type: ignore[return-value]


@dataclass(frozen=True)
class Scores:
    pages: int
    aeb_f1: float
    aeb_p: float
    aeb_r: float
    exact: float
    bow_f1: float
    bow_p: float
    bow_r: float


def score_pairs(pairs: Iterable[tuple[str | None, str | None]]) -> Scores:
    """All metrics over ``(gold, pred)`` pairs."""
    pairs = list(pairs)
    f1, p, r = aeb_scores(page_tp_fp_fn(g, q) for g, q in pairs)
    bf1, bp, br = bow_scores(bow_page(g, q) for g, q in pairs)
    ex = _mean([float(exact(g, q)) for g, q in pairs])
    return Scores(len(pairs), f1, p, r, ex, bf1, bp, br)


# ---------------------------------------------------------------- lost reachable text

LOST_MIN_WORDS = 5
_WS = re.compile(r"\s+")


def norm_lines(text: str | None) -> str:
    """NFKC, then runs of white space made one space, ends stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


def gold_lines(gold: str | None, min_words: int = LOST_MIN_WORDS) -> list[str]:
    """The gold text's lines of at least ``min_words`` tokens, normalised, in order."""
    lines = (norm_lines(line) for line in (gold or "").split("\n"))
    return [line for line in lines if len(tokens(line)) >= min_words]


def lost_lines(gold: str | None, raw: str | None, pred: str | None, min_words: int = LOST_MIN_WORDS) -> tuple[int, list[str]]:
    """(number of reachable gold lines, the reachable ones missing from ``pred``).

    >>> lost_lines("One two three four five.\\nSix seven eight nine ten.\\nshort line",
    ...            "One two three four  five.\\nSix seven eight nine ten.\\nshort line", "One two three four five.")
    (2, ['Six seven eight nine ten.'])
    """
    raw_n, pred_n = norm_lines(raw), norm_lines(pred)
    reach = [line for line in gold_lines(gold, min_words) if line in raw_n]
    return len(reach), [line for line in reach if line not in pred_n]
