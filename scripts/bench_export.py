"""Export benchmark: ``cleaner.dataset.publish`` against a bare ``pyarrow.parquet.write_table``.

Both write the same records in the same run, with the same compression (zstd):

* ``write_table``          the Arrow table already built, one ``pq.write_table`` call;
* ``build + write_table``  ``cleaner.schema.records_to_table`` of the records, then ``pq.write_table``;
* ``publish``              ``cleaner.dataset.publish`` of the records: streaming conversion, bounded
                           shards and row groups, SHA-256 of every file, manifest, card, atomic rename.

Rates are the Arrow size of the table divided by the wall time. The overhead
ratio is publish time over ``build + write_table`` time (both start from the
records); the ratio over the bare write of a prebuilt table is printed too.
The records are generated deterministically: seed-article metadata with
bodies of random sentences built from the seed vocabulary.

    python scripts/bench_export.py               # ~100 MB of records
    python scripts/bench_export.py --mb 20       # a quicker run
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

import cleaner
from cleaner.dataset import publish
from cleaner.schema import records_to_table

ROOT = Path(__file__).resolve().parent.parent


def make_records(mb: float, seed: int = 0) -> list[dict]:
    c = cleaner.Cleaner(detect_language=False)
    seeds = [c.clean(p.read_text(encoding="utf-8"), id=p.stem).to_record() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    vocab = sorted({w for r in seeds for w in r["text"].split()})
    rng = random.Random(seed)
    records, size, i = [], 0, 0
    target = mb * 1e6
    while size < target:
        base = dict(seeds[i % len(seeds)])
        paragraphs = []
        for _ in range(rng.randint(4, 14)):
            sentences = [" ".join(rng.choices(vocab, k=rng.randint(8, 24))).capitalize() + "." for _ in range(rng.randint(2, 6))]
            paragraphs.append(" ".join(sentences))
        text = "\n\n".join(paragraphs)
        base.update(id=f"doc-{i:08d}", text=text, word_count=len(text.split()), text_sha256=f"{i:064x}")
        records.append(base)
        size += len(text.encode("utf-8")) + 400
        i += 1
    return records


def timed(fn) -> float:
    gc.collect()
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def best_times(records: list[dict], table, repeat: int, directory: str | None = None) -> dict[str, float]:
    """Best seconds of ``write_table`` (of ``table``, built from ``records``), ``build + write_table`` and
    ``publish`` of ``records``, over ``repeat`` runs."""
    work = Path(tempfile.mkdtemp(prefix="bench-export-", dir=directory))
    best = {"write_table": float("inf"), "build + write_table": float("inf"), "publish": float("inf")}
    try:
        for run in range(repeat):
            bare, built, ds = work / f"bare-{run}.parquet", work / f"built-{run}.parquet", work / f"ds-{run}"
            best["write_table"] = min(best["write_table"], timed(
                lambda: pq.write_table(table, bare, compression="zstd")))  # noqa: B023  (called at once)
            best["build + write_table"] = min(best["build + write_table"], timed(
                lambda: pq.write_table(records_to_table(records), built, compression="zstd")))  # noqa: B023
            best["publish"] = min(best["publish"], timed(lambda: publish(records, ds)))  # noqa: B023
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=100.0, help="approximate size of the generated records (MB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best time counts")
    ap.add_argument("--dir", default=None, help="where to write (default: a temporary directory)")
    args = ap.parse_args(argv)

    records = make_records(args.mb)
    table = records_to_table(records)
    mb = table.nbytes / 1e6
    best = best_times(records, table, args.repeat, args.dir)
    print(f"records: {len(records)}, Arrow size {mb:.1f} MB, best of {args.repeat}, Python {sys.version.split()[0]}")
    for name, seconds in best.items():
        print(f"  {name:<22} {seconds:7.3f} s  {mb / seconds:8.1f} MB/s")
    print(f"overhead publish / (build + write_table): {best['publish'] / best['build + write_table']:.2f}x (target < 1.20x)")
    print(f"overhead publish / write_table:           {best['publish'] / best['write_table']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
