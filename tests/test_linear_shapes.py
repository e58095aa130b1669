"""Every stage takes time linear in its input, for every shape of document.

``scripts/bench_shapes.py`` builds documents of one shape at any size from the same
mix of text: one huge paragraph on one line, a hard-wrapped paragraph, paragraphs
with no blank line between them, thousands of short lines. For each, the time on
twice the input over the time on the input (the minimum of a few runs each, taken
in turns, so a loaded machine slows both alike) must stay under ``MAX_RATIO``: a
quadratic stage doubles it (re-flow once searched the whole paragraph joined so far
at every line, 4x for twice the text).

By default the documents are 64 KB and 128 KB; with ``CLEANER_SLOW_TESTS=1`` the
one-line paragraph is 5 MB and 10 MB (one 10 MB line) and the other shapes 1 MB and 2 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SLOW = os.environ.get("CLEANER_SLOW_TESTS") == "1"
SHAPES = ("paragraph", "wrapped", "no-blank", "short-lines")
STAGES = ("normalize", "reflow", "clean")
MAX_RATIO = 3.0
FLOOR = 0.004  # seconds: a time too small to measure reliably passes


def _size(shape: str) -> int:
    if not SLOW:
        return 64_000
    return 5_000_000 if shape == "paragraph" else 1_000_000


def measure(shapes: list[str]) -> dict[str, dict[str, list[float]]]:
    """``{shape: {stage: [best time at n, best time at 2 n]}}``, each measured again (up to 5 times)
    while it looks superlinear, so that a busy moment does not decide."""
    import gc
    import time

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_shapes import shape_document

    from cleaner.normalize import normalize_text
    from cleaner.pipeline import Cleaner
    from cleaner.reflow import paragraphs

    pipe = Cleaner()
    pipe.clean("A warm-up sentence, long enough for the language model to be loaded here and now.")
    out: dict[str, dict[str, list[float]]] = {}
    for shape in shapes:
        n = _size(shape)
        docs = [shape_document(shape, n), shape_document(shape, 2 * n)]
        lines = [normalize_text(d) for d in docs]
        funcs = {"normalize": (normalize_text, docs), "reflow": (paragraphs, lines), "clean": (pipe.clean, docs)}
        out[shape] = {}
        for stage, (f, args) in funcs.items():
            for _attempt in range(5):
                best = [float("inf"), float("inf")]
                gc.disable()
                try:
                    for _ in range(1 if SLOW else 3):
                        for k in (0, 1):
                            t = time.perf_counter()
                            f(args[k])
                            best[k] = min(best[k], time.perf_counter() - t)
                finally:
                    gc.enable()
                    gc.collect()
                if best[1] < FLOOR or best[1] / max(best[0], 1e-9) < MAX_RATIO:
                    break
            out[shape][stage] = best
    return out


@pytest.fixture(scope="module")
def timings() -> dict[str, dict[str, list[float]]]:
    """Measured in a fresh interpreter: a long test session's heap makes large allocations uneven."""
    script = ("import json, sys; sys.path.insert(0, sys.argv[1]); import test_linear_shapes as t; "
              "print(json.dumps(t.measure(sys.argv[2:])))")
    proc = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), *SHAPES],
                          capture_output=True, text=True, timeout=1800, env=os.environ.copy())
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("shape", SHAPES)
def test_stage_is_linear_on_every_shape(timings, shape: str, stage: str):
    small, big = timings[shape][stage]
    if big < FLOOR:
        return
    assert big / max(small, 1e-9) < MAX_RATIO, f"{stage} on {shape}: {small:.4f} s -> {big:.4f} s for twice the input"


def test_shapes_are_what_they_say():
    """The documents have the layout their names promise, at the size asked, with the same mix of text."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from bench_shapes import shape_document
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    from cleaner.normalize import normalize_text
    from cleaner.reflow import paragraphs

    docs = {shape: shape_document(shape, 50_000) for shape in SHAPES}
    assert "\n" not in docs["paragraph"]
    assert all(len(d) > 45_000 for d in docs.values())
    assert "\n\n" not in "".join(docs.values())
    wrapped = normalize_text(docs["wrapped"])
    assert max(len(x) for x in wrapped) <= 78 and len(paragraphs(wrapped)) == 1
    assert len(paragraphs(normalize_text(docs["no-blank"]))) > 100
    short = docs["short-lines"].split("\n")
    assert len(short) > 1500 and max(len(x.split(" ")) for x in short) <= 6
    for d in docs.values():
        assert "\u00e2\u20ac\u2122" in d and "\u201c" in d  # the mojibake and the typographic quotes

