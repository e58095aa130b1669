"""The pre-tests line rules read off their patterns (cleaner.rules.prefilter) never turn away a
paragraph the pattern matches: checked for the characters they rely on against every code point, on
random patterns and strings drawn from them, and on every built-in rule's examples."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from cleaner.rules import LineRule, all_rules
from cleaner.rules.base import DocumentView
from cleaner.rules.prefilter import FOLD_SAFE, FULLCASE_UNSAFE, admits, fold, prefixes, pretests, required_literals
from cleaner.reflow import Paragraph

ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
LINE_RULES = [r for r in all_rules() if isinstance(r, LineRule)]


@pytest.mark.parametrize("flags", [regex.IGNORECASE | regex.V0, regex.IGNORECASE | regex.V1])
def test_every_match_of_a_fold_safe_character_folds_to_it(flags):
    bad = []
    for ch in sorted(FOLD_SAFE):
        assert len(ch.lower()) == 1 and fold(ch) == ch.lower(), ch
        for m in regex.findall(regex.escape(ch), ALL_CHARS, flags):
            if len(m) == 1 and fold(f"x{m}x") != f"x{ch.lower()}x":
                bad.append((ch, m))
    assert not bad


def test_full_case_unsafe_holds_every_fold_safe_character_of_a_multi_character_folding():
    multi = set()
    for c in ALL_CHARS:
        for mapped in (c.casefold(), c.lower(), c.upper()):
            if len(mapped) > 1:
                multi.add(c)
                multi.update(mapped)
                multi.update(x.upper() for x in mapped)
                multi.update(x.lower() for x in mapped)
    assert multi & FOLD_SAFE <= FULLCASE_UNSAFE


def test_white_space_of_a_pattern_is_white_space_of_str():
    # a paragraph that does not start with str white space gives a leading \s* nothing to match
    for flags in (regex.V0, regex.IGNORECASE | regex.V0, regex.IGNORECASE | regex.V1):
        assert all(c.isspace() for c in regex.findall(r"\s", ALL_CHARS, flags))


# ---------------------------------------------------------------- random patterns and their strings

_VARIANTS = {"a": "aAáÁ", "s": "sSſ", "k": "kKK", "i": "iIİ", "e": "eEé", "o": "oOоᲂ", "t": "tT",
             "о": "оОᲂ", "*": "*", " ": " ", "-": "-", "ß": "ßẞ", "x": "xX"}
_LETTERS = list(_VARIANTS)


def _node(rng: random.Random, depth: int):
    """A random pattern node: ``(source, sampler)``; ``sampler(rng)`` gives a string the node matches
    (or may fail to, which the test checks)."""
    kind = rng.choice(["lit", "lit", "word", "alt", "seq", "opt", "rep", "space", "set", "any", "class", "upper", "zero"]
                      if depth < 3 else ["lit", "word", "set", "space", "any"])
    if kind == "lit":
        c = rng.choice(_LETTERS)
        return regex.escape(c), lambda r, c=c: r.choice(_VARIANTS[c])
    if kind == "upper":
        c = rng.choice("AISKO")
        return c, lambda r, c=c: r.choice(_VARIANTS.get(c.lower(), c) + "ı")
    if kind == "word":
        word = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 5)))
        return regex.escape(word), lambda r, w=word: "".join(r.choice(_VARIANTS[c]) for c in w)
    if kind == "space":
        return r"\s*", lambda r: r.choice(["", " ", "  ", "\t"])
    if kind == "set":
        members = rng.sample(_LETTERS, 2)
        return "[" + "".join(regex.escape(m) for m in members) + "]", lambda r, m=members: r.choice(_VARIANTS[r.choice(m)])
    if kind == "any":
        return ".", lambda r: r.choice("aZ*ſ ß")
    if kind == "class":
        return r"\w+", lambda r: "".join(r.choice("aKſİ1") for _ in range(r.randint(1, 3)))
    if kind == "zero":
        return r"\b", lambda r: ""
    parts = [_node(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    if kind == "alt":
        return "(?:" + "|".join(p for p, _ in parts) + ")", lambda r, ps=parts: r.choice(ps)[1](r)
    if kind == "seq":
        return "".join(f"(?:{p})" for p, _ in parts), lambda r, ps=parts: "".join(s(r) for _, s in ps)
    if kind == "opt":
        src, sample = parts[0]
        return f"(?:{src})?", lambda r, s=sample: s(r) if r.random() < 0.5 else ""
    src, sample = parts[0]
    lo = rng.randint(0, 2)
    hi = rng.choice([lo, lo + 1, lo + 3, None])
    quant = f"{{{lo},{'' if hi is None else hi}}}"
    top = hi if hi is not None else lo + 3
    return f"(?:{src}){quant}", lambda r, s=sample, lo=lo, top=top: "".join(s(r) for _ in range(r.randint(lo, top)))


@pytest.mark.parametrize("flags", [regex.IGNORECASE | regex.V0, regex.IGNORECASE | regex.V1, regex.V0])
def test_random_patterns_admit_every_string_they_match(flags):
    rng = random.Random(20240607 + int(flags))
    checked = 0
    for _ in range(400):
        src, sample = _node(rng, 0)
        pattern = regex.compile(src, flags)
        tests = pretests(pattern)
        for _ in range(40):
            text = sample(rng)
            if rng.random() < 0.2:
                text = rng.choice([" ", "\t"]) + text
            if pattern.fullmatch(text):
                checked += 1
                assert admits(tests, text), (src, text, tests)
    assert checked > 5000


@pytest.mark.parametrize("source,text", [
    (r"(?:abc)?def", "def"),
    (r"(?:abc)?def", "ABCdef"),
    (r"\s*menu", "  Menu"),
    (r"(?:[*•]\s*)?(?:home|sign\s+in)", "•  Sign In"),
    (r"(?:ab){0,2}c", "ababc"),
    (r"(?:ab){0,2}c", "c"),
    (r"x(?=yy)yyz", "XYYZ"),
    (r"(?:a|)share", "share"),
    (r"share", "ſHARE"),
    (r"sign\s+in", "SİGN IN"),
    (r"стоп", "ᲃᲄᲂп"),
    (r"(?-i:\p{Lu})\w+ views", "Ab VIEWS"),
    (r"(?:\d+\s+)?comments?", "12 COMMENTS"),
])
def test_patterns_that_once_would_have_fooled_a_pre_test(source, text):
    pattern = regex.compile(source, regex.IGNORECASE | regex.V0)
    assert pattern.fullmatch(text)
    assert admits(pretests(pattern), text)


def test_what_a_pattern_does_not_say_is_not_required():
    assert prefixes(regex.compile(r"(?:abc|)def", regex.I)) == ("def", "abcdef")
    assert prefixes(regex.compile(r"\w+ def", regex.I)) is None
    assert required_literals(regex.compile(r"abc|\d+", regex.I)) is None
    assert required_literals(regex.compile(r"(?:abc)?\d+", regex.I)) is None
    assert required_literals(regex.compile(r"(?:abc){0,3}x{2}", regex.I)) == frozenset({"x"})
    # fuzzy matching and full case folding ('ss' matches 'ß') give nothing to rely on
    assert pretests(regex.compile(r"(?:share){e<=1}", regex.I)) == (None, None)
    assert regex.compile(r"strasse", regex.I | regex.V1).fullmatch("STRAßE")
    assert admits(pretests(regex.compile(r"strasse", regex.I | regex.V1)), "STRAßE")


# ---------------------------------------------------------------- the built-in rules


def _variants(text: str, odd: bool = True) -> list[str]:
    """``text`` in other cases, and (``odd``) with the long s and the dotted capital I."""
    out = [text, text.upper(), text.lower(), text.title(), text.swapcase()]
    return out + [text.replace("s", "ſ"), text.replace("i", "İ")] if odd else out


@pytest.mark.parametrize("rule", LINE_RULES, ids=lambda r: r.name)
def test_every_example_a_rule_matches_passes_its_pre_test(rule):
    tests = rule.pretests()
    for example in rule.examples + rule.counterexamples:
        for text in _variants(example):
            if rule.pattern.fullmatch(text):
                assert admits(tests, text), (rule.name, text, tests)


def test_most_built_in_line_rules_have_a_pre_test():
    without = [r.name for r in LINE_RULES if r.pretests() == (None, None)]
    assert len(without) <= 2, without


@pytest.mark.parametrize("rule", LINE_RULES, ids=lambda r: r.name)
def test_a_rule_cuts_what_its_pattern_cuts(rule):
    texts = [t for e in rule.examples + rule.counterexamples for t in _variants(e, odd=False)]
    view = DocumentView([Paragraph(t, i, i) for i, t in enumerate(texts)])
    cut = {f.index for f in rule.apply(view)}
    assert cut == {i for i, t in enumerate(texts) if _cuts_without_pre_tests(rule, t)}


def _cuts_without_pre_tests(rule: LineRule, text: str) -> bool:
    if len(text) > rule.max_len:
        return False
    if rule.needles and not any(n in fold(text) for n in rule.needles):
        return False
    m = rule.pattern.fullmatch(text)
    return m is not None and (rule.extract is None or rule.extract(m) is not None)
