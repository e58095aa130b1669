"""Documents of one shape at any size, and what each stage of the pipeline costs per MB of them.

The same mix of text at every size (a fixed unit of news prose: plain ASCII
sentences, typographic quotes and dashes, accented names, a no-break space and
one word of mojibake), laid out in one of these shapes:

* ``paragraph``: one huge paragraph, all on one line (at 10 MB: one 10 MB line);
* ``wrapped``: the same prose hard-wrapped at 78 columns, one paragraph once re-flowed;
* ``no-blank``: paragraphs of 2-4 sentences, one per line, no blank line between them;
* ``short-lines``: thousands of short lines (3-6 words each, a line break after each).

A stage whose cost per MB grows with the size of the document is superlinear
somewhere; ``tests/test_linear_shapes.py`` checks the ratio of the time on twice
the input to the time on the input, and ``scripts/bench.py`` prints the cost per
MB of each stage from 1 KB to 10 MB.

    python scripts/bench_shapes.py                       # 1 KB .. 1 MB, every shape
    python scripts/bench_shapes.py --sizes 1e3,1e5,1e7   # up to 10 MB
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import textwrap
import time
from collections.abc import Callable

SHAPES = ("paragraph", "wrapped", "no-blank", "short-lines")

# The unit: sentences of news prose, mostly ASCII, some typographic punctuation and accents,
# one no-break space and one mojibake word (UTF-8 read as Windows-1252), as scraped pages have.
_SENTENCES = [
    "The finance ministry said on Monday that the budget deficit would be reviewed by the end of the year.",
    "Spending on the rail link rose by 12.5 percent last week, the city council confirmed.",
    "\u201cWe are not going to accept this,\u201d Jos\u00e9 Fern\u00e1ndez, a spokesperson for the trade union, told reporters in M\u00e1laga.",
    "Officials in Z\u00fcrich warned that the market and the economy had changed sharply \u2014 a risk for investment in the region.",
    "Prices fell by 3% to \u20ac412,500 overnight, the data showed.",
    "The talks between Geneva and Seoul are expected to resume after weeks of talks, according to Anna M\u00fcller.",
    "Analysts had expected a smaller drop, and several of them said the forecast was already out of date.",
    "It\u00e2\u20ac\u2122s a long-term problem and it needs a long-term answer, the minister said\u00a0on Friday.",
    "Voters in the northern provinces have turned out in record numbers, the electoral commission reported.",
    "The agreement still has to be approved by parliament, where the governing coalition lacks a majority.",
]


def _prose(n: int) -> list[str]:
    """Sentences of the unit, in order and round again, to at least ``n`` characters."""
    out: list[str] = []
    total = 0
    i = 0
    while total < n:
        s = _SENTENCES[i % len(_SENTENCES)]
        out.append(s)
        total += len(s) + 1
        i += 1
    return out


def shape_document(shape: str, n: int) -> str:
    """A document of about ``n`` characters in ``shape`` (see the module docstring)."""
    sentences = _prose(n)
    if shape == "paragraph":
        return " ".join(sentences)[:n]
    if shape == "wrapped":
        return textwrap.fill(" ".join(sentences)[:n], 78, break_on_hyphens=False, break_long_words=False)
    if shape == "no-blank":
        sizes = (2, 4, 3)
        paras, i, k = [], 0, 0
        while i < len(sentences):
            paras.append(" ".join(sentences[i:i + sizes[k % 3]]))
            i += sizes[k % 3]
            k += 1
        return "\n".join(paras)[:n]
    if shape == "short-lines":
        words = " ".join(sentences).split(" ")
        sizes = (3, 5, 4, 6)
        lines, i, k = [], 0, 0
        while i < len(words):
            lines.append(" ".join(words[i:i + sizes[k % 4]]))
            i += sizes[k % 4]
            k += 1
        return "\n".join(lines)[:n]
    raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")


STAGES = ("normalize", "reflow", "rules before the header", "header", "rules after the header", "language",
          "to_record")


def time_stages(doc: str, pipe, note: Callable[[str, float], None]) -> None:
    """One pass of the pipeline's stages over ``doc``, one after the other as ``Cleaner.clean`` runs them,
    each stage's seconds handed to ``note``; then the whole ``Cleaner.clean`` call."""
    from cleaner.extract.header import HEADER
    from cleaner.language import detect_language
    from cleaner.normalize import normalize_text
    from cleaner.reflow import paragraphs
    from cleaner.rules import AFTER_HEADER, BEFORE_HEADER, DocumentView

    clock = time.perf_counter

    def run(view: DocumentView, rules) -> None:
        for rule in rules:
            for f in rule.apply(view):
                if f.index not in view.cut:
                    view.cut[f.index] = f.rule
                    view.roles[f.index] = rule.role

    t = clock()
    lines = normalize_text(doc)
    note("normalize", clock() - t)
    t = clock()
    paras = paragraphs(lines)
    note("reflow", clock() - t)
    stages = getattr(pipe, "stages", None)
    if stages is not None:
        # The staged engine (cleaner.pipeline.run_stages), each stage timed and counted before, as or after the header.
        from cleaner.pipeline import resolve, run_stage

        spent = {"rules before the header": 0.0, "header": 0.0, "rules after the header": 0.0}
        view = DocumentView(tuple(paras))
        decisions: dict = {}
        part = "rules before the header"
        for stage in stages:
            if stage.name == "header":
                part = "header"
            t = clock()
            found = run_stage(stage, view, pipe.config.enabled)
            if found:
                decisions = resolve(decisions, found)
                view = view.with_decisions({i: d.rule for i, d in decisions.items()}, {i: d.role for i, d in decisions.items()})
            spent[part] += clock() - t
            if part == "header":
                part = "rules after the header"
        for name, seconds in spent.items():
            note(name, seconds)
    else:
        view = DocumentView(paras)
        t = clock()
        run(view, getattr(pipe, "rules_before", BEFORE_HEADER))
        note("rules before the header", clock() - t)
        t = clock()
        run(view, (HEADER,))
        note("header", clock() - t)
        t = clock()
        run(view, getattr(pipe, "rules_after", AFTER_HEADER))
        note("rules after the header", clock() - t)
    t = clock()
    article = pipe.clean(doc)
    note("Cleaner.clean (all)", clock() - t)
    t = clock()
    detect_language(article.text)
    note("language", clock() - t)
    t = clock()
    article.to_record()
    note("to_record", clock() - t)


def stage_costs(doc: str, repeat: int = 3) -> dict[str, float]:
    """Seconds each stage of the pipeline takes on ``doc`` (the best of ``repeat`` runs), and the whole call."""
    from cleaner.pipeline import Cleaner

    best: dict[str, float] = {}

    def note(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, float("inf")), seconds)

    pipe = Cleaner()
    enabled = gc.isenabled()
    gc.disable()  # a collection over a heap of millions of small strings is not a stage's cost
    try:
        for _ in range(repeat):
            time_stages(doc, pipe, note)
            gc.collect()
    finally:
        if enabled:
            gc.enable()
    return best


def cost_table(sizes: list[int], shapes: tuple[str, ...] = SHAPES, repeat: int = 3) -> dict[str, dict[int, dict[str, float]]]:
    """Seconds per MB of every stage, for each shape and size: ``{shape: {size: {stage: s/MB}}}``.

    Small documents are timed over enough copies to read a clock (about 50 KB in all); each stage's
    figure is the best of ``repeat`` passes (one pass above 2 MB)."""
    from cleaner.pipeline import Cleaner

    pipe = Cleaner()
    out: dict[str, dict[int, dict[str, float]]] = {}
    enabled = gc.isenabled()
    gc.disable()  # a collection over a heap of millions of small strings is not a stage's cost
    try:
        for shape in shapes:
            out[shape] = {}
            for n in sizes:
                doc = shape_document(shape, n)
                mb = len(doc.encode("utf-8")) / 1e6
                copies = max(1, int(50_000 // max(n, 1)))
                best: dict[str, float] = {}
                for _ in range(repeat if n <= 2_000_000 else 1):
                    totals: dict[str, float] = {}

                    def note(stage: str, seconds: float) -> None:
                        totals[stage] = totals.get(stage, 0.0) + seconds

                    for _ in range(copies):
                        time_stages(doc, pipe, note)
                    for stage, seconds in totals.items():
                        best[stage] = min(best.get(stage, float("inf")), seconds)
                    gc.collect()
                out[shape][n] = {stage: seconds / copies / mb for stage, seconds in best.items()}
    finally:
        if enabled:
            gc.enable()
    return out


def growth(table: dict[int, dict[str, float]], stage: str) -> float:
    """How far the cost per MB of ``stage`` rises with the size: the largest ratio of its cost at a
    size to its cost at a smaller one (1.0 or less: linear or better; a fixed cost per document,
    such as language identification on a sample, makes small documents the dearer ones)."""
    costs = [row[stage] for _, row in sorted(table.items())]
    rises = [b / a for i, a in enumerate(costs) for b in costs[i + 1:] if a > 0]
    return max(rises, default=1.0)


def print_costs(table: dict[str, dict[int, dict[str, float]]], markdown: bool = False, file=sys.stdout) -> None:
    """One table per shape: ms per MB of each stage at each size, and how far each stage's cost rises."""
    for shape, by_size in table.items():
        sizes = list(by_size)
        stages = list(next(iter(by_size.values())))
        heads = [_size(n) for n in sizes]
        print(f"Cost per MB by document size, shape {shape!r} (ms per MB; growth = largest rise of the cost per MB from a size to a larger one)", file=file)
        if markdown:
            print(file=file)
            print("| stage | " + " | ".join(heads) + " | growth |", file=file)
            print("|---|" + "---:|" * (len(heads) + 1), file=file)
            for stage in stages:
                cells = [f"{by_size[n][stage] * 1000:.0f}" for n in sizes]
                print(f"| {stage} | " + " | ".join(cells) + f" | {growth(by_size, stage):.2f}x |", file=file)
        else:
            print(f"  {'stage':<26}" + "".join(f"{h:>9}" for h in heads) + f"{'growth':>9}", file=file)
            for stage in stages:
                cells = "".join(f"{by_size[n][stage] * 1000:>9.0f}" for n in sizes)
                print(f"  {stage:<26}{cells}{growth(by_size, stage):>8.2f}x", file=file)
        print(file=file)


def _size(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n / 1e3:g} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e3,1e4,1e5,1e6", help="document sizes in characters (default 1e3,1e4,1e5,1e6)")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(float(x)) for x in args.sizes.split(",")]
    table = cost_table(sizes, tuple(args.shapes.split(",")))
    print(f"load average (1 min): {os.getloadavg()[0]:.2f}")
    print_costs(table, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
