"""Cheap pre-tests of a line rule, read off its pattern: literal text every match must contain.

A line rule's pattern has to match a paragraph in full, so a literal run of characters that every
match of the pattern consumes (``comments`` in ``(?:\\d+\\s+)?comments?``) is in every paragraph the
rule cuts. :func:`required_literals` walks the pattern as the ``regex`` module parses it and gives
a set of such strings, one of which every match contains, or None when it cannot say; a paragraph
whose folded text (:func:`fold`) holds none of them cannot match, and the rule skips its regex.

Soundness rests on three facts, each checked by the tests (tests/test_prefilter.py):

* only constructs whose meaning is plain are read (sequences, alternations, groups, repeats, single
  characters); anything else (sets, properties, look-arounds, fuzzy matching, back-references,
  conditionals, ...) is taken to require nothing;
* a branch requires something only when every alternative does, a repeat only when it must run at
  least once;
* a character is used only when case-insensitive matching cannot let another character stand for
  it that :func:`fold` maps elsewhere: :data:`FOLD_SAFE` lists the characters for which this was
  checked against every code point (the long s, the dotted capital I and the final sigma are the
  cases :func:`fold` handles or leaves out), and a pattern with full case folding (``regex.FULLCASE``,
  where ``ss`` matches ``ß``) gives no characters that take part in a multi-character folding.

The strings are lower-cased; they are tested against :func:`fold` of the paragraph.
"""

from __future__ import annotations

from typing import Any

import regex

__all__ = ["fold", "admits", "pretests", "prefixes", "required_literals", "FOLD_SAFE", "FULLCASE_UNSAFE"]

# The long s, the combining dot above that 'İ'.lower() leaves, and the old narrow forms of Cyrillic
# letters, which case-insensitive matching takes for the letters themselves.
_FIX = str.maketrans({"ſ": "s", "\u0307": None, "ᲀ": "в", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с", "ᲄ": "т", "ᲅ": "т",
                      "ᲆ": "ъ", "ᲇ": "ѣ", "ᲈ": "ꙋ"})
_FIX_CHARS = "ſ\u0307ᲀᲁᲂᲃᲄᲅᲆᲇᲈ"


def fold(text: str) -> str:
    """``text.lower()`` with the long s read as ``s``, the combining dot above dropped and the old
    narrow Cyrillic letters read as the letters: the text a pre-test looks in. ``'İ'.lower()`` is
    ``'i̇'`` (an ``i`` and the dot) and ``'ſ'.lower()`` is ``'ſ'``, while a case-insensitive
    pattern's ``i`` and ``s`` match them.

    >>> fold("SİGN UP"), fold("Aufſatz")
    ('sign up', 'aufsatz')
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    for ch in _FIX_CHARS:
        if ch in lowered:
            return lowered.translate(_FIX)
    return lowered


def admits(tests: tuple[tuple[str, ...] | None, tuple[str, ...] | None], text: str, folded: str | None = None) -> bool:
    """False when ``tests`` (:func:`pretests` of a pattern) show that the pattern cannot match ``text``
    in full; ``folded`` is :func:`fold` of it when known.

    >>> tests = pretests(regex.compile(r"(?:\\d+\\s+)?comments?", regex.I))
    >>> admits(tests, "12 Comments"), admits(tests, "Share this")
    (True, False)
    """
    prefixes, literals = tests
    if folded is None:
        folded = fold(text)
    if prefixes is not None and not folded.startswith(prefixes) and not text[:1].isspace():
        return False
    return literals is None or any(s in folded for s in literals)


# Characters whose every case-insensitive match folds (fold()) to the character's own lower case:
# tests/test_prefilter.py checks each against every code point. Others are never used in a
# pre-test: the sigmas (their lower case depends on the next letter), a capital 'I' (which also
# matches the dotless 'ı'), characters whose lower case is two characters, and any character not listed.
FOLD_SAFE = frozenset(
    " !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHJKLMNOPQRSTUVWXYZ"
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
    "ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽőűŐŰğşĞŞœŒ"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐ"
    "«»“”„‘’‚‹›–—…•·©®™€£¥§°×÷←↑→↓☰≡✕✖⋮⋯▶▼▲►◄"
)

# The characters of FOLD_SAFE that take part in a multi-character case folding ('ß' and 'ss', 'ﬁ'
# and 'fi', 'ŉ' and 'ʼn', ...): under regex.FULLCASE a pattern's run of them may match fewer or other
# characters, so a full-case pattern's pre-test leaves them out (tests/test_prefilter.py checks
# that the set is complete).
FULLCASE_UNSAFE = frozenset("afhijlnstwyAFHIJLNSTWY")

try:  # the parser of the regex module: private, so any surprise means "no pre-test"
    from regex import _regex_core as _core

    _SEQUENCE = _core.Sequence
    _BRANCH = _core.Branch
    _CHARACTER = _core.Character
    _SET = _core.SetUnion
    _GROUPS = (_core.Group, _core.Atomic)
    _REPEATS = (_core.GreedyRepeat, _core.LazyRepeat, _core.PossessiveRepeat)
    # Nodes that consume nothing and only test where they stand.
    _ZERO_WIDTH = (_core.LookAround, _core.Boundary, _core.DefaultBoundary)
    _UNSCOPED = _core._UnscopedFlagSet
except (ImportError, AttributeError):  # pragma: no cover - another regex release
    _core = None

_SPACE: Any = False  # the key of \s in the parser, found on first use

# At most this many strings in a pre-test: past that, the test costs more than the regex saves.
MAX_STRINGS = 24
# At most this many prefixes (str.startswith takes them in one call) and this long.
MAX_PREFIXES = 96
MAX_PREFIX_LEN = 12


def _space_key() -> Any:
    """What the parser's node of ``\\s`` is, to know a white-space class when one is met."""
    try:
        node = _parse(regex.compile(r"\s"))
    except Exception:  # noqa: BLE001
        return None
    while type(node) is _SEQUENCE and len(node.items) == 1:
        node = node.items[0]
    return _node_key(node)


def _node_key(node: Any) -> Any:
    return (type(node), getattr(node, "value", None), getattr(node, "positive", None), getattr(node, "zerowidth", None))


def _parse(pattern: regex.Pattern) -> Any:
    flags = pattern.flags
    for _ in range(3):
        source = _core.Source(pattern.pattern)
        info = _core.Info(flags, source.char_type, {})
        info.guess_encoding = _core.UNICODE
        try:
            parsed = _core._parse_pattern(source, info)
        except _UNSCOPED:
            flags = info.global_flags
            continue
        return parsed if source.at_end() else None
    return None


def _parsed(pattern: regex.Pattern) -> Any:
    if _core is None or not isinstance(pattern.pattern, str) or pattern.flags & regex.VERBOSE:
        return None
    try:
        return _parse(pattern)
    except Exception:  # noqa: BLE001 - a pattern the private parser does not take: no pre-test
        return None


def pretests(pattern: regex.Pattern) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """``(prefixes(pattern), required_literals(pattern))`` from one reading of the pattern, the
    literals as a tuple (longest first); each None when nothing is known."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None, None
    found = _literals(parsed)
    return _prefixes_of(parsed), (None if found is None else tuple(sorted(found, key=lambda s: (-len(s), s))))


def required_literals(pattern: regex.Pattern) -> frozenset[str] | None:
    """Lower-cased strings one of which is in :func:`fold` of any text that ``pattern`` matches in
    full (or matches at all: only what a match consumes is read), or None when none is known.

    >>> sorted(required_literals(regex.compile(r"(?:\d+\s+)?(?:comments?|kommentare)", regex.I)))
    ['comment', 'kommentare']
    >>> required_literals(regex.compile(r"\w+\s*(?:x|\d)", regex.I)) is None
    True
    """
    parsed = _parsed(pattern)
    return None if parsed is None else _literals(parsed)


def _literals(parsed: Any) -> frozenset[str] | None:
    found = _required(parsed)
    if not found or len(found) > MAX_STRINGS or "" in found:
        return None
    return frozenset(found)


def prefixes(pattern: regex.Pattern) -> tuple[str, ...] | None:
    """Lower-cased strings one of which starts :func:`fold` of any text that ``pattern`` matches in
    full (or matches at the start), shortest first; None when nothing is known.

    >>> prefixes(regex.compile(r"(?:[*•]\s*)?(?:menu|home|sign\s+in)\b.*", regex.I))
    ('*', '•', 'home', 'menu', 'sign')
    >>> prefixes(regex.compile(r"(?:new\s+)?\d+ views", regex.I)) is None
    True
    """
    parsed = _parsed(pattern)
    return None if parsed is None else _prefixes_of(parsed)


def _prefixes_of(parsed: Any) -> tuple[str, ...] | None:
    global _SPACE
    if _SPACE is False:
        _SPACE = _space_key()
    try:
        pairs = _starts(parsed, True)
    finally:
        _MEMO.clear()
    if pairs is None:
        return None
    found = {s for s, _ in pairs}
    if "" in found or len(found) > MAX_PREFIXES:
        return None
    # a prefix that starts with another is implied by it
    kept = sorted({p for p in found if not any(q != p and p.startswith(q) for q in found)}, key=lambda p: (len(p), p))
    return tuple(kept)


_FULL_IGNORECASE = int(regex.FULLCASE | regex.IGNORECASE)


def _fold_char(ch: str, case_flags: Any) -> str | None:
    if ch not in FOLD_SAFE:
        return None
    if ch in FULLCASE_UNSAFE and int(case_flags) & _FULL_IGNORECASE == _FULL_IGNORECASE:
        return None
    return ch.lower()


def _safe(node: Any) -> str | None:
    """The folded character a Character node consumes, when it is a plain, fold-safe one."""
    if type(node) is not _CHARACTER or not node.positive or node.zerowidth:
        return None
    return _fold_char(chr(node.value), node.case_flags)


def _set_chars(node: Any) -> frozenset[str] | None:
    """The folded characters a set of plain characters ('[*•]') consumes one of."""
    if type(node) is not _SET or not node.positive or node.zerowidth:
        return None
    out = set()
    for item in node.items:
        if type(item) is not _CHARACTER or not item.positive or item.zerowidth:
            return None
        ch = _fold_char(chr(item.value), node.case_flags | item.case_flags)
        if ch is None:
            return None
        out.add(ch)
    return frozenset(out) or None


def _score(found: frozenset[str]) -> tuple[int, int, int]:
    """How selective a requirement is: the longer its shortest string (up to 4), then the fewer strings."""
    shortest = min(map(len, found))
    return min(4, shortest), -len(found), shortest


def _required(node: Any) -> frozenset[str] | None:
    """Strings one of which every match of ``node`` holds (None: nothing known): the most selective
    requirement found."""
    return _candidates(node)[0]


def _candidates(node: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """``(best, fewest)``: the most selective requirement found, and the one of fewest strings (which
    keeps a union over the alternatives of a branch small)."""
    kind = type(node)
    if kind is _CHARACTER:
        ch = _safe(node)
        found = None if ch is None else frozenset((ch,))
        return found, found
    if kind is _SET:
        found = _set_chars(node)
        return found, found
    if kind is _SEQUENCE:
        options: list[frozenset[str]] = []
        run: list[str] = []
        for item in node.items:
            ch = _safe(item)
            if ch is not None:
                run.append(ch)
                continue
            if run:
                options.append(frozenset(("".join(run),)))
                run = []
            options.extend(c for c in _candidates(item) if c is not None)
        if run:
            options.append(frozenset(("".join(run),)))
        options = [o for o in options if len(o) <= MAX_STRINGS]
        if not options:
            return None, None
        return max(options, key=_score), min(options, key=lambda o: (len(o), -min(map(len, o))))
    if kind is _BRANCH:
        pairs = [_candidates(branch) for branch in node.branches]
        if any(best is None for best, _ in pairs):
            return None, None
        best = _union(b for b, _ in pairs)
        fewest = _union(f for _, f in pairs)
        if best is None:
            best = fewest
        elif fewest is not None and len(fewest) < len(best):
            pass
        else:
            fewest = best
        return best, fewest
    if isinstance(node, _GROUPS):
        return _candidates(node.subpattern)
    if isinstance(node, _REPEATS):
        return _candidates(node.subpattern) if node.min_count >= 1 else (None, None)
    return None, None


def _union(parts: Any) -> frozenset[str] | None:
    out: set[str] = set()
    for part in parts:
        out |= part
    # a string that holds another is implied by it
    out = {s for s in out if not any(t != s and t in s for t in out)}
    return frozenset(out) if len(out) <= MAX_STRINGS else None


# What a node's matches start with: pairs ``(s, whole)``; every match of the node is ``s`` itself for a
# pair with ``whole`` and starts with ``s`` for one without. None: nothing is known.
_Starts = frozenset[tuple[str, bool]]
_NOTHING: _Starts = frozenset((("", True),))


def _shrink(pairs: set[tuple[str, bool]]) -> _Starts | None:
    """``pairs`` cut to at most MAX_PREFIX_LEN characters and MAX_PREFIXES pairs (shortening
    the strings until few enough remain), else None."""
    out = {(s, w) if len(s) <= MAX_PREFIX_LEN else (s[:MAX_PREFIX_LEN], False) for s, w in pairs}
    length = MAX_PREFIX_LEN
    while len(out) > MAX_PREFIXES and length > 1:
        length -= 1
        out = {(s, w) if len(s) <= length else (s[:length], False) for s, w in out}
    return frozenset(out) if len(out) <= MAX_PREFIXES else None


def _then(acc: _Starts, item: Any, at_start: bool) -> _Starts | None:
    """What a sequence's matches start with when ``item`` follows what ``acc`` describes (the
    sequence standing at the start of the text when ``at_start``)."""
    out = {(s, False) for s, w in acc if not w}
    whole = [s for s, w in acc if w]
    for here in (True, False):
        heads = [s for s in whole if (at_start and s == "") is here]
        if not heads:
            continue
        nxt = _starts(item, here)
        if nxt is None:
            out |= {(s, False) for s in heads}
        else:
            out |= {(s + t, v) for s in heads for t, v in nxt}
    return _shrink(out)


def _is_space_class(node: Any) -> bool:
    return _SPACE is not None and _SPACE[1] is not None and _node_key(node) == _SPACE


def _starts(node: Any, at_start: bool = False) -> _Starts | None:
    """What the matches of ``node`` start with; ``at_start``: the node stands at the start of the
    text, which (for :func:`prefixes`) does not start with white space."""
    key = (id(node), at_start)
    try:
        return _MEMO[key]
    except KeyError:
        found = _MEMO[key] = _starts_of(node, at_start)
        return found


# _starts of the nodes of the pattern being read (by id: the parsed pattern is kept alive meanwhile).
_MEMO: dict[tuple[int, bool], _Starts | None] = {}


def _starts_of(node: Any, at_start: bool) -> _Starts | None:
    kind = type(node)
    if kind is _CHARACTER:
        if node.zerowidth:
            return None
        ch = _safe(node)
        return None if ch is None else frozenset(((ch, True),))
    if kind is _SET:
        chars = _set_chars(node)
        return None if chars is None else frozenset((c, True) for c in chars)
    if kind is _SEQUENCE:
        acc: _Starts | None = _NOTHING
        for item in node.items:
            acc = _then(acc, item, at_start)
            if acc is None or not any(w for _, w in acc):
                break
        return acc
    if kind is _BRANCH:
        out: set[tuple[str, bool]] = set()
        for branch in node.branches:
            found = _starts(branch, at_start)
            if found is None:
                return None
            out |= found
        return _shrink(out)
    if isinstance(node, _GROUPS):
        return _starts(node.subpattern, at_start)
    if isinstance(node, _REPEATS):
        lo, hi = node.min_count, node.max_count
        if at_start and lo == 0 and _is_space_class(node.subpattern):
            # white space at the start of a text that has none there: nothing
            return _NOTHING
        first, more = _starts(node.subpattern, at_start), _starts(node.subpattern)
        if first is None:
            return _NOTHING if hi == 0 else None
        if hi is not None and hi <= 3 and (more is not None or hi <= 1):
            # every count from lo to hi, each as a sequence of that many copies
            out = set(_NOTHING) if lo == 0 else set()
            layer: _Starts | None = first
            for k in range(1, hi + 1):
                if k > 1:
                    layer = _shrink({(s + t, v) for s, w in layer for t, v in more} | {(s, False) for s, w in layer if not w})
                if layer is None:
                    break
                if k >= lo:
                    out |= layer
            else:
                return _shrink(out)
        # more copies may follow the first: what the first starts with, and nothing when none must run
        starts = {(s, False) for s, _ in first}
        return _shrink(starts | _NOTHING if lo == 0 else starts)
    if isinstance(node, _ZERO_WIDTH):
        return _NOTHING
    return None
