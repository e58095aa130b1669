"""No catastrophic backtracking: every rule, and the whole pipeline, takes time linear in its input.

Adversarial strings (long runs of spaces, dots, digits, commas, capitalised words, repeated
label prefixes such as "Category: Category: ...", "By By By", quotes, bullets, ...) are fed
through every ``LineRule.match``, every line rule's pattern without its length guard, and
``cleaner.clean``; the time for the doubled input must be less than ``MAX_RATIO`` times the
time for the single one (the minimum of three runs each, so a busy machine does not decide).
Timings too small to measure reliably (under ``FLOOR`` seconds) pass.

By default the whole-pipeline check uses 256 KB and 512 KB paragraphs; with
``CLEANER_SLOW_TESTS=1`` it uses 1.1 MB and 2.2 MB paragraphs, and adds 256 KB and 512 KB of
one-per-line debris (tens of thousands of paragraphs).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

import cleaner
from cleaner.rules import LineRule, all_rules

SLOW = os.environ.get("CLEANER_SLOW_TESTS") == "1"
MAX_RATIO = 3.0
FLOOR = 0.004

UNITS = {
    "spaces": " ",
    "dots": ".",
    "digits": "1",
    "commas": ",",
    "digit-commas": "1,",
    "capitalised": "Word ",
    "category": "Category: ",
    "by-by": "By ",
    "curly-quotes": "\u201c",
    "quotes": '"',
    "bullets": "\u2022 ",
    "dashes": "- ",
    "pipes": "| ",
    "share": "Share ",
    "related": "Related: ",
    "views": "1.2K views ",
    "photo": "Photo: ",
    "parens": "(",
    "dates": "June 08, 2018 ",
    "ellipsis": "... ",
    "initials": "J. R. ",
    "hyphens": "a-",
    "colons": ": ",
    "slashes": "/ ",
    "copyright": "\u00a9 ",
    "reporting": "(Reporting by X; ",
    "names": "Jane Roe and ",
    "links": "www.a.com ",
    "share-widgets": "Share this: Tweet ",
}
LINE_RULES = [r for r in all_rules() if isinstance(r, LineRule)]


def adversarial(unit: str, n: int) -> str:
    """``unit`` repeated to ``n`` characters, ending in a character that makes a full match fail."""
    return (unit * (n // len(unit) + 1))[: n - 1] + "\x07"


def best_time(f: Callable[[str], object], s: str, runs: int = 3) -> float:
    """The fastest of ``runs`` calls, with the garbage collector off (its passes over a heap of
    millions of small strings would be timed as well, and they do not grow linearly)."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            t = time.perf_counter()
            f(s)
            best = min(best, time.perf_counter() - t)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(f: Callable[[str], object], unit: str, n: int, runs: int = 3) -> tuple[float, float]:
    """The best times for ``n`` and ``2 n`` characters, measured in turns so that a busy machine
    slows both alike."""
    small, big = adversarial(unit, n), adversarial(unit, 2 * n)
    best = [float("inf"), float("inf")]
    f(big)  # a first run pays for memory the process has not touched yet
    for _ in range(runs):
        best[0] = min(best[0], best_time(f, small, runs=1))
        best[1] = min(best[1], best_time(f, big, runs=1))
    return best[0], best[1]


def assert_linear(what: str, small: float, big: float) -> None:
    if big < FLOOR:
        return
    assert big / max(small, 1e-9) < MAX_RATIO, f"{what}: {small:.4f} s -> {big:.4f} s for twice the input"


def check_linear(what: str, f: Callable[[str], object], unit: str, n: int, attempts: int = 5) -> None:
    """``assert_linear`` on ``growth``, measured again (up to ``attempts`` times) when a busy machine
    made one measurement look superlinear; a superlinear function fails every time."""
    for attempt in range(attempts):
        small, big = growth(f, unit, n)
        if big < FLOOR or big / max(small, 1e-9) < MAX_RATIO:
            return
    assert_linear(what, small, big)


@pytest.mark.parametrize("rule", LINE_RULES, ids=lambda r: r.name)
def test_line_rule_match_is_linear_on_megabyte_inputs(rule: LineRule):
    for name, unit in UNITS.items():
        check_linear(f"{rule.name} on {name}", rule.match, unit, 1_000_000)


@pytest.mark.parametrize("rule", LINE_RULES, ids=lambda r: r.name)
def test_line_rule_patterns_are_linear_without_their_length_guard(rule: LineRule):
    """The length guard keeps patterns to short paragraphs; the patterns are linear even without it."""
    n = 32_000  # the regex engine changes gear around 16,000 characters: measure above that
    for name, unit in UNITS.items():
        for variant, u in ((name, unit), (f"lower-cased {name}", unit.lower())):
            if variant != name and u == unit:
                continue
            check_linear(f"{rule.name} pattern on {variant}", rule.pattern.fullmatch, u, n)


def test_line_rules_are_fast_at_their_length_limit():
    """The worst a guarded pattern sees: an adversarial string just at the rule's length limit."""
    for rule in LINE_RULES:
        for name, unit in UNITS.items():
            text = adversarial(unit, rule.max_len)
            took = best_time(rule.pattern.fullmatch, text, runs=1)
            assert took < 0.05, f"{rule.name} takes {took:.3f} s on {rule.max_len} characters of {name}"


def _clean(text: str) -> object:
    return cleaner.clean(text, detect_language=False)


@pytest.fixture(autouse=True)
def _collected():
    gc.collect()


@pytest.mark.parametrize("name", list(UNITS))
def test_cleaning_adversarial_paragraphs_is_linear(name: str, paragraph_growth):
    small, big = paragraph_growth[name]
    assert_linear(f"clean() on a paragraph of {name}", small, big)


def measure_paragraphs(names: list[str]) -> dict[str, tuple[float, float]]:
    """``growth`` of ``clean`` on a paragraph of each unit, measured again while it looks superlinear."""
    # Both sizes on the same side of ftfy's max_decode_length (1,000,000 characters), where
    # normalisation switches from repairing the lines that need it to repairing every line,
    # and above the sizes where the CPU's caches make the first doubling look superlinear.
    n = 1_100_000 if SLOW else 256_000
    out = {}
    for name in names:
        for _ in range(5):
            small, big = growth(_clean, UNITS[name], n)
            if big < FLOOR or big / max(small, 1e-9) < MAX_RATIO:
                break
        out[name] = (small, big)
    return out


@pytest.fixture(scope="module")
def paragraph_growth() -> dict[str, tuple[float, float]]:
    """The measurements, made in a fresh interpreter: the heap and caches a long test session
    has built up make the timings of large allocations in this process uneven."""
    names = list(UNITS)
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import test_regex_linear as t; "
        "print(json.dumps(t.measure_paragraphs(sys.argv[2:])))"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), *names],
                          capture_output=True, text=True, timeout=1200, env=os.environ.copy())
    assert proc.returncode == 0, proc.stderr
    return {k: tuple(v) for k, v in json.loads(proc.stdout.splitlines()[-1]).items()}


@pytest.mark.skipif(not SLOW, reason="set CLEANER_SLOW_TESTS=1 for one-per-line debris")
@pytest.mark.parametrize("name", sorted(UNITS))
def test_cleaning_adversarial_lines_is_linear(name: str):
    unit = UNITS[name].strip() or UNITS[name]

    def lines(n: int) -> str:
        return "\n".join([unit] * (n // (len(unit) + 1)))

    small = best_time(_clean, lines(256_000), runs=2)
    big = best_time(_clean, lines(512_000), runs=2)
    assert_linear(f"clean() on lines of {name}", small, big)


def test_repeated_debris_lines_are_linear():
    """Many short debris lines (each a paragraph) — the case the line-rule index exists for."""
    def doc(n: int) -> str:
        return "A body paragraph that is long enough to be kept by the cleaner, officials said.\n\n" + "Share this:\n\nCategory: World\n\n" * n

    small = best_time(_clean, doc(10_000), runs=2)
    big = best_time(_clean, doc(20_000), runs=2)
    assert_linear("clean() on repeated debris paragraphs", small, big)
