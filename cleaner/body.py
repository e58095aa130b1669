"""The body model: which paragraphs that no named rule cut are the article, and which are page furniture.

A scraped page region holds the article plus what surrounds it: menus, section names, login prompts,
tag lists, teaser titles, footers. Text-only boilerplate detection labels each block from shallow
features and its neighbours (boilerpipe: Kohlschütter et al., WSDM 2010; jusText's stop-word density
and context re-labelling). This module does the same for paragraphs, with what plain text offers
and markup-based extractors lack: the named rules' hits around a paragraph, sentence shape, stop
words of the major European languages, repeats and position.

1. :func:`features` describes every paragraph by :data:`FEATURES` (its own text, then its
   neighbours' text and the roles of the cuts around it).
2. A logistic model (weights shipped in ``cleaner/data/body_model.json``, trained by
   ``scripts/train_body.py`` on the dev sets) gives each live paragraph a log-odds of being
   article text.
3. A two-state sequence decoding (:func:`decode`) labels the live paragraphs content or furniture:
   every change of state costs ``switch``, so an isolated doubtful paragraph inside the article stays
   and a single good-looking line inside a menu goes with the menu, while an article interrupted by
   furniture keeps both halves. Cuts made by named rules are transparent to the decoding.
4. Precision first: a paragraph of :data:`PROTECTED_WORDS` or more words that reads as prose is never
   cut on layout alone, and nothing is cut from a document in which no named rule found any debris.

Inference is plain Python (a dot product per paragraph); the model is deterministic.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator, Mapping, Sequence

import regex

from .extract.authors import is_name
from .rules.shapes import strip_bullet
from .text import ends_sentence

__all__ = ["FEATURES", "BodyModel", "features", "decode", "default_model", "PROTECTED_WORDS"]

# A live prose paragraph this long is never cut by the model (only a named rule may cut it).
PROTECTED_WORDS = 40

# The most frequent function words of the languages whose news sites the rules know. Stop-word density
# is what separates running text from labels in any of them (jusText); one merged list needs no
# language guess, and the few words two languages share ("die", "de", "a") only help.
_STOP_WORDS = frozenset("""
a about after all also an and any are as at be been but by can could did do does for from had has have he
her his how i if in into is it its just more most my no not of on one only or other our out over she so some
than that the their them then there these they this to up was we were what when which who will with would you
aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein eine einem einen einer es für
hat hatte ich ihr im in ist kann mit nach nicht noch nur oder sich sie sind so um und uns von vor war was
werden wie wir wird wurde zu zum zur über
au aux avec ce ces dans de des du elle en est et il ils je la le les leur mais ne nous on ou par pas plus pour
qu que qui sa se ses son sont sur un une été être
al como con del el en es esta este la las lo los más para pero por que se su sus un una y ya
che con da dei della delle di e gli il in la le nel non per più si sono su un una
ao com da das de do dos e em foi mais na no nos os para pela pelo por que se sua um uma
aan als bij dat de den die dit een en er het hij in is met niet of om op te van voor was wat ze zijn
a ale do i jak jest na nie o od po się to w z za że
в во да для до же за и из к как на не но о от по с со что это
""".split())

_WORD = regex.compile(r"\w+")
_URLISH = regex.compile(r"https?://|www\.|@\w|\.(?:com|org|net|de)\b")
_SEPARATORS = regex.compile(r"\s[|»›>/•·]\s")
_DIGITS = regex.compile(r"\d")
_SENTENCE_BREAK = regex.compile(r"[.!?…](?:\s|$)")
_SAMPLE = 100
# A date or a time in a short line (the named date rules read it; here it is only a shape).
_DATEISH = regex.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d\d\b")
_ROWISH = regex.compile(r"\d|^[\p{L}\p{N}][^:]{0,40}:\s+\S")
_HEAD = 700
_BULLET_CHARS = frozenset("*•·▪►»>+-0123456789")
_TITLE_START = regex.compile(r"[\p{Lu}\p{N}\"“‘'«¿¡(\[]|\p{Lo}")

FEATURES: tuple[str, ...] = (
    "bias",
    # the paragraph's own text
    "log_words", "sentence_end", "colon_end", "sentences", "short_sentence", "title_shaped", "lower_start",
    "bullet", "caps_share", "digit_share", "stop_share", "comma_share", "long_word_share", "urlish",
    "separators", "date_line", "name_line", "repeats", "block_lines",
    # position and the document around it
    "position", "prose_before", "prose_after", "log_doc_words",
    "prev_prose", "next_prose", "prev_log_words", "next_log_words", "prev_stop_share", "next_stop_share",
    "short_run", "prose_window",
    # the named rules' cuts around it
    "prev_furniture", "next_furniture", "prev_inline", "next_inline", "furniture_above", "furniture_below",
    "end_marker_above", "header_above",
    # is it inside a body: prose near it on both sides
    "prose_near_above", "prose_near_below", "prose_near_both", "short_between_prose", "title_between_prose",
    "log_dist_prose_above", "log_dist_prose_below", "prose_share_window",
    # the best-scoring run of prose (the BTE span of cleaner.rules.boilerplate.body_span)
    "in_span", "before_span", "after_span", "log_dist_span", "outside_zone", "outside_zone_short",
    # lists and tables: rows with figures or a 'label: value' shape, bullet runs, a list after a colon
    "row", "list_run", "after_colon", "list_run_after_prose",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class _Facts:
    words: int
    prose: bool
    stop: float


def _bare(text: str) -> str:
    return strip_bullet(text) if text[:1] in _BULLET_CHARS else text


def _facts(text: str, sample: list[str] | None = None, bare: str | None = None) -> _Facts:
    """Words (``len(text.split())``), prose or not, and stop-word share (of the first tokens).

    ``sample`` (the first tokens) and ``bare`` (the text without its bullet) when the caller has them.
    """
    n = len(text.split())
    if sample is None:
        sample = _WORD.findall(text[:_HEAD])[:_SAMPLE]
    k = len(sample)
    stop = sum(map(_STOP_WORDS.__contains__, map(str.lower, sample))) / k if k else 0.0
    if bare is None:
        bare = _bare(text)
    end = ends_sentence(bare)
    prose = n >= 8 and (end or bare.rstrip().endswith(":")) or n >= 25 and text.count(",") < n / 3
    return _Facts(n, prose, stop)


def _own(text: str) -> tuple[list[float], _Facts]:
    # Ratios are read from the first _SAMPLE tokens (_HEAD characters): a long paragraph's first
    # hundred words say as much about its kind as all of them, and the cost stays flat.
    head = text[:_HEAD]
    sample = _WORD.findall(head)[:_SAMPLE]
    bare = _bare(text)
    n = len(text.split())
    k = len(sample)
    stop = sum(map(_STOP_WORDS.__contains__, map(str.lower, sample))) / k if k else 0.0
    end = ends_sentence(bare)
    stripped = bare.rstrip()
    colon = stripped.endswith(":")
    # the same test as _facts
    prose = n >= 8 and (end or colon) or n >= 25 and text.count(",") < n / 3
    facts = _Facts(n, prose, stop)
    if k:
        caps = sum([t[0].isupper() for t in sample]) / k
        long_words = sum([len(t) >= 9 for t in sample]) / k
    else:
        caps = long_words = 0.0
    digits = len(_DIGITS.findall(head)) / max(1, len(head))
    sentences = len(_SENTENCE_BREAK.findall(head))
    starts_like_title = 1 <= n <= 20 and _TITLE_START.match(bare) is not None
    short = 3 <= n < 8 and end and starts_like_title
    title = 1 <= n <= 20 and starts_like_title and not stripped.endswith((".", ",", ";", ":"))
    vec = [
        1.0,
        math.log1p(n), float(end), float(colon), min(sentences, 10) / 10.0,
        float(short), float(title), float(bare[:1].islower()),
        float(bare != text), caps, digits, stop, head.count(",") / max(1, k), long_words,
        float(_URLISH.search(text) is not None), min(len(_SEPARATORS.findall(text)), 5) / 5.0,
        float(n <= 12 and digits > 0 and _DATEISH.search(head) is not None), float(n <= 5 and caps >= 0.5 and is_name(bare)),
        0.0, min(text.count("\n") + 1, 10) / 10.0,
    ]
    return vec, facts


_NO_VECTOR: tuple[float, ...] = ()


@lru_cache(maxsize=4096)
def _own_cached(text: str) -> tuple[tuple[float, ...], _Facts]:
    vec, facts = _own(text)
    return tuple(vec), facts


def _own_features(text: str) -> tuple[Sequence[float], _Facts]:
    return _own_cached(text) if len(text) <= 1000 else _own(text)


def features(
    texts: Sequence[str], roles: Mapping[int, str], span: tuple[int, int] | None = None,
    zone: frozenset[int] | set[int] = frozenset(), only: set[int] | None = None,
) -> list[list[float]]:
    """The :data:`FEATURES` vector of every paragraph.

    ``roles`` maps the index of each paragraph that a named rule already cut to the role of that
    cut: ``"header"``, ``"inline"`` (an interruption inside a body: an ad marker, an inline link),
    ``"end"`` (an end-of-article marker: a related-links heading, a comment prompt, a copyright line)
    or ``"furniture"`` (anything else). ``span`` is the first and last index of the best-scoring run
    of prose (:func:`cleaner.rules.boilerplate.body_span`), when there is one; ``zone`` the paragraphs
    that span leaves out where named rules found debris. With ``only``, the vectors of other paragraphs
    are left empty (their facts still count as neighbours').
    """
    n = len(texts)
    want = set(range(n)) if only is None else only
    # Vectors for the paragraphs asked for; facts (words, prose, stop words) for the other live ones,
    # which count as neighbours; cut paragraphs only count their words.
    own: list[tuple[Sequence[float], _Facts]] = [
        _own_features(t) if i in want else (_NO_VECTOR, _facts(t) if i not in roles else _Facts(len(t.split()), False, 0.0))
        for i, t in enumerate(texts)
    ]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    live = [i for i in range(n) if i not in roles]
    prose_words = [own[i][1].words if (i not in roles and own[i][1].prose) else 0 for i in range(n)]
    total_prose = sum(prose_words)
    doc_words = sum(o[1].words for o in own)
    before = 0
    cum_before = []
    for w in prose_words:
        cum_before.append(before)
        before += w
    # previous / next live paragraph of each paragraph
    prev_live = [-1] * n
    next_live = [-1] * n
    last = -1
    for i in range(n):
        prev_live[i] = last
        if i not in roles:
            last = i
    last = -1
    for i in range(n - 1, -1, -1):
        next_live[i] = last
        if i not in roles:
            last = i
    # run of consecutive live non-prose short paragraphs each paragraph belongs to
    run = [0] * n
    k = 0
    while k < len(live):
        j = k
        while j < len(live) and not own[live[j]][1].prose and own[live[j]][1].words <= 12:
            j += 1
        for m in range(k, j):
            run[live[m]] = j - k
        k = j + 1 if j == k else j
    furniture_seen = 0
    end_seen = 0.0
    header_seen = 0.0
    furniture_above = [0] * n
    end_above = [0.0] * n
    header_above = [0.0] * n
    for i in range(n):
        furniture_above[i] = furniture_seen
        end_above[i] = end_seen
        header_above[i] = header_seen
        role = roles.get(i)
        if role == "furniture":
            furniture_seen += 1
        elif role == "end":
            end_seen = 1.0
            furniture_seen += 1
        elif role == "header":
            header_seen = 1.0
    total_furniture = furniture_seen
    # distance (in live paragraphs) to the nearest live prose paragraph above and below
    big = 10**6
    dist_above = [big] * n
    dist_below = [big] * n
    last_prose = None
    for rank, i in enumerate(live):
        if last_prose is not None:
            dist_above[i] = rank - last_prose
        if own[i][1].prose:
            last_prose = rank
    last_prose = None
    for rank in range(len(live) - 1, -1, -1):
        i = live[rank]
        if last_prose is not None:
            dist_below[i] = last_prose - rank
        if own[i][1].prose:
            last_prose = rank
    live_rank = {i: r for r, i in enumerate(live)}
    # list items: a bullet, or the shape of a table row (a few words with a figure or a 'label: value')
    rows = [
        i not in roles and (
            strip_bullet(texts[i]) != texts[i]
            or 3 <= own[i][1].words <= 40 and not own[i][1].prose and _ROWISH.search(texts[i]) is not None
        )
        for i in range(n)
    ]
    list_run = [0] * n
    k = 0
    while k < len(live):
        j = k
        while j < len(live) and rows[live[j]]:
            j += 1
        for m in range(k, j):
            list_run[live[m]] = j - k
        k = j + 1 if j == k else j
    # running sums: the prose words of a window of paragraphs, the prose paragraphs of a window of live ones
    words_upto = [0]
    for w in prose_words:
        words_upto.append(words_upto[-1] + w)
    prose_upto = [0]
    for i in live:
        prose_upto.append(prose_upto[-1] + own[i][1].prose)
    n_live = len(live)
    repeats_at, title_at = _INDEX["repeats"], _INDEX["title_shaped"]
    out: list[list[float]] = []
    for i in range(n):
        if only is not None and i not in only:
            out.append([])
            continue
        vec = list(own[i][0])
        vec[repeats_at] = min(counts[texts[i]] - 1, 5) / 5.0
        p, q = prev_live[i], next_live[i]
        pf = own[p][1] if p >= 0 else None
        nf = own[q][1] if q >= 0 else None
        window = words_upto[min(n, i + 4)] - words_upto[max(0, i - 3)] - prose_words[i]
        prev_role = roles.get(i - 1) if i > 0 else None
        next_role = roles.get(i + 1) if i + 1 < n else None
        vec += [
            i / max(1, n - 1),
            cum_before[i] / total_prose if total_prose else 0.0,
            (total_prose - cum_before[i] - prose_words[i]) / total_prose if total_prose else 0.0,
            math.log1p(doc_words),
            float(pf is not None and pf.prose), float(nf is not None and nf.prose),
            math.log1p(pf.words) if pf else 0.0, math.log1p(nf.words) if nf else 0.0,
            pf.stop if pf else 0.0, nf.stop if nf else 0.0,
            min(run[i], 20) / 20.0, math.log1p(window),
            float(prev_role in ("furniture", "end")), float(next_role in ("furniture", "end")),
            float(prev_role == "inline"), float(next_role == "inline"),
            min(furniture_above[i], 10) / 10.0,
            min(total_furniture - furniture_above[i] - (roles.get(i) in ("furniture", "end")), 10) / 10.0,
            end_above[i], header_above[i],
        ]
        da, db = dist_above[i], dist_below[i]
        near_a, near_b = float(da <= 3), float(db <= 3)
        short = own[i][1].words <= 12 and not own[i][1].prose
        r = live_rank.get(i)
        if r is None:
            share = 0.0
        else:
            # the live paragraphs up to three before and three after this one
            lo, hi = max(0, r - 3), min(n_live, r + 4)
            size = hi - lo - 1
            share = (prose_upto[hi] - prose_upto[lo] - own[i][1].prose) / size if size else 0.0
        vec += [
            near_a, near_b, near_a * near_b, float(short) * near_a * near_b,
            own[i][0][title_at] * near_a * near_b,
            math.log1p(min(da, 50)), math.log1p(min(db, 50)), share,
        ]
        if span is None:
            vec += [0.0, 0.0, 0.0, 0.0]
        else:
            a, b = span
            vec += [float(a <= i <= b), float(i < a), float(i > b), math.log1p(a - i if i < a else i - b if i > b else 0)]
        vec += [float(i in zone), float(i in zone and short)]
        first_of_run = r is not None and list_run[i] and (r == 0 or not rows[live[r - 1]])
        vec += [
            float(rows[i]), min(list_run[i], 20) / 20.0,
            float(p >= 0 and texts[p].rstrip().endswith(":")),
            float(list_run[i] > 0 and (near_a > 0)) * float(bool(first_of_run) or list_run[i] > 1),
        ]
        out.append(vec)
    return out


def decode(scores: Sequence[float], switch: float) -> list[bool]:
    """The most likely content (True) / furniture (False) labels of a sequence of log-odds.

    Maximises ``sum(score for content paragraphs) - switch * (number of label changes)``: a
    two-state Viterbi decoding, linear in the length of the sequence.

    >>> decode([3.0, -0.5, 2.0, -4.0, -4.0], switch=1.0)
    [True, True, True, False, False]
    >>> decode([-3.0, 0.4, -3.0], switch=1.0)
    [False, False, False]
    """
    if not scores:
        return []
    # best[state] = best total of a labelling of the prefix ending in state; back pointers per step
    best_c, best_f = scores[0], 0.0
    back: list[tuple[bool, bool]] = [(True, False)]
    for s in scores[1:]:
        from_c_to_c, from_f_to_c = best_c, best_f - switch
        from_f_to_f, from_c_to_f = best_f, best_c - switch
        c_prev = from_c_to_c >= from_f_to_c
        f_prev = not (from_f_to_f >= from_c_to_f)  # True: came from content
        best_c = (from_c_to_c if c_prev else from_f_to_c) + s
        best_f = from_c_to_f if f_prev else from_f_to_f
        back.append((c_prev, f_prev))
    state = best_c >= best_f
    labels = [state]
    for c_prev, f_prev in reversed(back[1:]):
        state = c_prev if state else f_prev
        labels.append(state)
    labels.reverse()
    return labels


def inside_scores(scores: Sequence[float], protected: Sequence[bool], inside: float) -> list[float]:
    """``scores`` with ``inside`` added between the first and the last protected paragraph, and a
    protected paragraph's score made large (it is content whatever its features say)."""
    marks = [k for k, p in enumerate(protected) if p]
    out = list(scores)
    if marks:
        for k in range(marks[0], marks[-1] + 1):
            out[k] += inside
        for k in marks:
            out[k] = max(out[k], 0.0) + 20.0
    return out


@dataclass(frozen=True)
class BodyModel:
    """Weights over :data:`FEATURES` (applied to standardised values) and the decoding parameters."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.0
    switch: float = 1.0
    # Added to the threshold's effect inside the body (between the first and last long prose paragraph):
    # furniture inside an article is rarer than around it, so a paragraph there needs more evidence.
    inside: float = 0.0
    version: str = "1"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "BodyModel":
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError("body model was trained on other features; retrain with scripts/train_body.py")
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            mean=tuple(float(m) for m in data["mean"]),
            scale=tuple(float(s) for s in data["scale"]),
            threshold=float(data.get("threshold", 0.0)),
            switch=float(data.get("switch", 1.0)),
            inside=float(data.get("inside", 0.0)),
            version=str(data.get("version", "1")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version, "features": list(FEATURES), "weights": list(self.weights),
            "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold, "switch": self.switch,
            "inside": self.inside,
        }

    def __post_init__(self) -> None:
        # log_odds = sum(coef * x) + offset: the standardisation folded into the weights once.
        coef = tuple(w / s for w, s in zip(self.weights, self.scale))
        offset = -sum(c * m for c, m in zip(coef, self.mean)) - self.threshold
        object.__setattr__(self, "_coef", coef)
        object.__setattr__(self, "_offset", offset)

    def log_odds(self, vec: Sequence[float]) -> float:
        return sum(map(operator.mul, self._coef, vec)) + self._offset  # type: ignore[attr-defined]

    def label(
        self, texts: Sequence[str], roles: Mapping[int, str], protected: Sequence[bool],
        span: tuple[int, int] | None = None, zone: frozenset[int] | set[int] = frozenset(),
        vectors: dict[int, Sequence[float]] | None = None,
    ) -> Iterator[tuple[int, bool, float]]:
        """``(index, content?, log-odds)`` for every live paragraph, in order (0.0 for a protected one).

        ``protected[i]``: paragraph ``i`` is long prose, which the model never cuts; the paragraphs
        between the first and the last of them are inside the body. ``vectors``, when given, is filled
        with the feature vector of every scored paragraph (for :meth:`contributions`).
        """
        live = [i for i in range(len(texts)) if i not in roles]
        # A protected paragraph is content whatever its features: only the others are scored.
        scored = {i for i in live if not protected[i]}
        vecs = features(texts, roles, span, zone, only=scored)
        if vectors is not None:
            vectors.update((i, vecs[i]) for i in scored)
        prot = [protected[i] for i in live]
        scores = [0.0 if p else self.log_odds(vecs[i]) for i, p in zip(live, prot)]
        labels = decode(inside_scores(scores, prot, self.inside), self.switch)
        for i, keep, s in zip(live, labels, scores):
            yield i, keep, s

    def contributions(self, vec: Sequence[float], top: int = 4) -> dict[str, float]:
        """The ``top`` features that moved ``vec``'s log-odds most from the average paragraph's, with their
        signed share of it (negative: towards furniture), strongest first: the evidence a cut records.

        >>> m = BodyModel(weights=(0.0, 2.0) + (0.0,) * (len(FEATURES) - 2), mean=(0.0,) * len(FEATURES), scale=(1.0,) * len(FEATURES))
        >>> m.contributions([1.0, -1.5] + [0.0] * (len(FEATURES) - 2), top=1)
        {'log_words': -3.0}
        """
        coef, mean = self._coef, self.mean  # type: ignore[attr-defined]
        parts = [(c * (x - m), k) for k, (c, x, m) in enumerate(zip(coef, vec, mean)) if c and x != m]
        parts.sort(key=lambda p: (-abs(p[0]), p[1]))
        return {FEATURES[k]: round(v, 3) for v, k in parts[:top]}

    @property
    def fingerprint(self) -> str:
        import hashlib

        return hashlib.sha256(json.dumps(self.to_dict(), sort_keys=True).encode()).hexdigest()[:12]


@lru_cache(maxsize=1)
def default_model() -> BodyModel:
    """The model shipped with the package (``cleaner/data/body_model.json``)."""
    data = json.loads(resources.files("cleaner").joinpath("data/body_model.json").read_text(encoding="utf-8"))
    return BodyModel.from_dict(data)
