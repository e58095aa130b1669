"""Scaling benchmark of the local engine: throughput with 1 and N workers, and peak memory vs input size.

The corpus is generated (realistic scraped news text: the generator of
scripts/bench.py, seeded from seeds/*.txt, with injected debris, mojibake and
hard wrapping) and written to JSONL files, which are then streamed through
``cleaner.engines.local.clean`` the way ``cleaner clean`` would read them.

1. Throughput: an ``--mb`` MB corpus cleaned with each worker count of
   ``--workers`` (default: 1 and every CPU); docs/s, MB/s of input and the
   speed-up over the first count. Pool start-up is included.
2. Memory: a ``--mb-small`` and a ``--mb-large`` MB corpus each streamed from
   JSONL through the engine into a JSONL file, in a child process; the peak
   resident memory of the whole process tree (the child, the fork server and
   the workers, sampled with psutil; pages the workers share with the fork
   server are counted in each, so this is an upper bound) is reported for
   both, with their ratio.
   Streaming means the ratio stays near 1: the run fails (exit 1) when the
   large peak is more than 10% above the small one.

    python scripts/bench_scale.py                                  # 20 MB; 50 MB vs 500 MB
    python scripts/bench_scale.py --quick                          # 5 MB; 5 MB vs 50 MB
    python scripts/bench_scale.py --mb 40 --workers 1,2 --skip-memory
    python scripts/bench_scale.py --json results.json

Other processes on the machine distort the figures: the load average before
the run is printed so a busy machine can be seen.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import CleanerConfig
from cleaner.engines.local import available_cpus, clean
from cleaner.io.readers import read_jsonl
from cleaner.io.writers import JsonlWriter

CHUNK_MB = 2.0


# --------------------------------------------------------------------------- corpus


def _fallback_corpus(megabytes: float, seed: int) -> list[str]:
    """Seed articles with debris lines added, for when scripts/bench.py has no generator."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    debris = ["Share this:", "Views: 1,204", "Leave a Reply", "Related: Markets Brace for Rate Decision",
              "Advertisement", "© 2023 Example Media. All rights reserved.", "Category: Politics"]
    docs, total = [], 0
    while total < megabytes * 1_000_000:
        parts = rng.choice(seeds).split("\n\n")
        for _ in range(rng.randint(1, 4)):
            parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(debris))
        doc = "\n\n".join(parts)
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


def _generator():
    try:
        sys.path.insert(0, str(ROOT / "scripts"))
        from bench import generate_corpus

        return generate_corpus
    except ImportError:
        return _fallback_corpus


def write_corpus(path: Path, megabytes: float, seed: int = 1) -> tuple[int, int]:
    """Write about ``megabytes`` MB of article text as JSONL, a chunk at a time; returns (docs, text bytes)."""
    generate = _generator()
    docs = nbytes = 0
    chunk = 0
    with open(path, "w", encoding="utf-8") as f:
        while nbytes < megabytes * 1_000_000:
            size = min(CHUNK_MB, megabytes - nbytes / 1_000_000)
            for text in generate(max(size, 0.01), seed=seed * 100_003 + chunk):
                f.write(json.dumps({"id": f"{seed}-{docs}", "text": text}, ensure_ascii=False) + "\n")
                docs += 1
                nbytes += len(text.encode("utf-8"))
            chunk += 1
    return docs, nbytes


def _corpus(directory: Path, megabytes: float, seed: int) -> Path:
    path = directory / f"corpus-{megabytes:g}mb-{seed}.jsonl"
    if not path.exists():
        t = time.perf_counter()
        docs, _ = write_corpus(path, megabytes, seed)
        print(f"  wrote {path.name}: {docs:,} documents, {path.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


# --------------------------------------------------------------------------- throughput


def throughput(corpus: Path, workers: int, config: CleanerConfig) -> dict:
    start = time.perf_counter()
    docs = nbytes = errors = 0
    for outcome in clean(read_jsonl(corpus), config, workers=workers):
        docs += 1
        nbytes += outcome.nbytes
        errors += not outcome.ok
    seconds = time.perf_counter() - start
    return {"workers": workers, "documents": docs, "errors": errors, "megabytes": round(nbytes / 1e6, 2),
            "seconds": round(seconds, 2), "docs_per_s": round(docs / seconds, 1), "mb_per_s": round(nbytes / 1e6 / seconds, 3)}


# --------------------------------------------------------------------------- memory


def stream(corpus: Path, output: Path, workers: int) -> dict:
    """Clean ``corpus`` into ``output`` (JSONL) with the local engine: what the memory runs measure."""
    start = time.perf_counter()
    docs = 0
    with JsonlWriter(output) as writer:
        for outcome in clean(read_jsonl(corpus), CleanerConfig(), workers=workers):
            docs += 1
            if outcome.ok:
                writer.write(outcome.record)
    return {"documents": docs, "seconds": round(time.perf_counter() - start, 2), "maxrss_self_mb": _own_peak_rss_mb()}


def _own_peak_rss_mb() -> float:
    """The peak RSS of this process: VmHWM where /proc has it, else ru_maxrss.

    Linux keeps ru_maxrss across exec, so in a child started by a large parent
    (subprocess uses vfork) it is at least the parent's RSS; VmHWM is not.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def peak_memory(corpus: Path, workers: int, out_dir: Path) -> dict:
    """Run :func:`stream` in a child process and sample the RSS of its whole process tree."""
    output = out_dir / (corpus.stem + ".clean.jsonl")
    cmd = [sys.executable, __file__, "stream", str(corpus), str(output), "--workers", str(workers)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = 0
    try:
        import psutil

        proc = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                peak = max(peak, _tree_rss(proc))
            except psutil.NoSuchProcess:
                break
            time.sleep(0.05)
    except ImportError:
        pass
    out, _ = child.communicate()
    if child.returncode:
        raise SystemExit(f"the streaming run failed (exit {child.returncode})")
    result = json.loads(out)
    result["input_mb"] = round(corpus.stat().st_size / 1e6, 1)
    result["peak_tree_rss_mb"] = round(peak / 1e6, 1) if peak else None
    output.unlink(missing_ok=True)
    return result


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["stream"]:
        p = argparse.ArgumentParser(prog="bench_scale.py stream")
        p.add_argument("cmd")
        p.add_argument("input", type=Path)
        p.add_argument("output", type=Path)
        p.add_argument("--workers", type=int, default=None)
        a = p.parse_args(argv)
        print(json.dumps(stream(a.input, a.output, a.workers or available_cpus())))
        return 0

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=20, help="corpus size of the throughput runs (MB of text)")
    p.add_argument("--workers", default=None, help="worker counts to compare, e.g. 1,2 [default: 1 and every CPU]")
    p.add_argument("--mb-small", type=float, default=50, help="the smaller input of the memory runs (MB)")
    p.add_argument("--mb-large", type=float, default=500, help="the larger input of the memory runs (MB)")
    p.add_argument("--quick", action="store_true", help="--mb 5 --mb-small 5 --mb-large 50")
    p.add_argument("--skip-throughput", action="store_true")
    p.add_argument("--skip-memory", action="store_true")
    p.add_argument("--dir", type=Path, default=None, help="where to keep the generated corpora [default: a temporary folder]")
    p.add_argument("--json", type=Path, default=None, help="also write the results here")
    a = p.parse_args(argv)
    if a.quick:
        a.mb, a.mb_small, a.mb_large = 5, 5, 50
    counts = [int(x) for x in a.workers.split(",")] if a.workers else sorted({1, available_cpus()})

    tmp = None
    if a.dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-scale-")
        a.dir = Path(tmp.name)
    a.dir.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    results: dict = {"python": platform.python_version(), "cpus": available_cpus(), "load_average_1min": load}
    print(f"python {results['python']}, {results['cpus']} CPUs available, load average {load:.2f}" if load is not None
          else f"python {results['python']}, {results['cpus']} CPUs available")
    ok = True
    try:
        if not a.skip_throughput:
            corpus = _corpus(a.dir, a.mb, seed=1)
            config = CleanerConfig()
            rows = [throughput(corpus, w, config) for w in counts]
            base = rows[0]["seconds"]
            print(f"\nthroughput, {rows[0]['megabytes']} MB, {rows[0]['documents']:,} documents (pool start-up included)")
            print(f"  {'workers':>7}  {'seconds':>8}  {'docs/s':>8}  {'MB/s':>7}  {'speed-up':>8}")
            for r in rows:
                r["speedup"] = round(base / r["seconds"], 2)
                print(f"  {r['workers']:>7}  {r['seconds']:>8.2f}  {r['docs_per_s']:>8.1f}  {r['mb_per_s']:>7.3f}  {r['speedup']:>7.2f}x")
            results["throughput"] = rows
        if not a.skip_memory:
            workers = max(counts)
            print(f"\npeak memory, JSONL -> local engine ({workers} workers) -> JSONL")
            runs = []
            for mb, seed in ((a.mb_small, 2), (a.mb_large, 3)):
                r = peak_memory(_corpus(a.dir, mb, seed), workers, a.dir)
                runs.append(r)
                print(f"  {r['input_mb']:>7.1f} MB input  {r['documents']:>9,} docs  {r['seconds']:>7.1f} s  "
                      f"peak RSS of the process tree {r['peak_tree_rss_mb']} MB (reading/writing process alone: {r['maxrss_self_mb']} MB)")
            small, large = (r["peak_tree_rss_mb"] or r["maxrss_self_mb"] for r in runs)
            ratio = large / small
            ok = ratio <= 1.10
            print(f"  peak ratio large/small: {ratio:.3f} ({'within' if ok else 'NOT within'} 10%)")
            results["memory"] = {"runs": runs, "ratio": round(ratio, 3), "within_10_percent": ok}
    finally:
        if tmp is not None:
            tmp.cleanup()
    if a.json:
        a.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
