"""Coverage-guided fuzzing of the reading and cleaning path with atheris (libFuzzer).

Each input is turned into one of five cases by its first byte:

0. arbitrary Unicode text            -> ``cleaner.clean``
1. article-like text built from the input (sentences, debris lines, headers, damage)
                                     -> ``cleaner.clean``
2. raw bytes as a text file          -> ``cleaner.io.readers.read_bytes`` then ``clean``
3. raw bytes as one JSONL line       -> the JSONL reader then ``clean``
4. JSONL lines as a .jsonl.zst stream, whole, truncated or followed by junk
                                     -> the zstd reader (records, then at most one error) then ``clean``

and checked against the properties the test suite states: nothing raises, the
record validates against the schema and encodes as UTF-8 JSON, its word count
is the text's, cleaning the clean text changes nothing (idempotence), and no
input takes longer than ``--slow`` seconds. Documents made only of short header-shaped lines
(a title, a name, a title, a name) are known not to be idempotent: the header is read again
from what is left; ``--no-idempotence`` leaves that check out to hunt for crashes only.

A violated property does not stop the run: the input is written to the
findings folder (``crash-<kind>-<hash>.bin`` with a ``.txt`` note saying what
failed), so one run collects every distinct finding. The count of inputs tried
and of findings is written to ``stats.json`` there every few seconds.

    pip install atheris
    python scripts/fuzz/fuzz_clean.py --findings /tmp/fuzz-findings -- \\
        -max_total_time=600 -max_len=16384 /tmp/fuzz-corpus seeds

Arguments after ``--`` go to libFuzzer (corpus folders, ``-max_total_time``,
``-max_len``, ``-runs``); new inputs go to the first corpus folder, ``seeds`` (the seed
articles) only starts the corpus off. ``--replay FILE...`` runs the given inputs once and
prints what each one does, without libFuzzer.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import time
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    import cleaner
    from cleaner.io.readers import Document, read_bytes, read_jsonl_stream
    from cleaner.io.readers_zstd import _decompressed, _lines
    from cleaner.schema import validate
    from cleaner.text import count_words

SENTENCES = [
    "The minister said on Monday that the talks would resume next week in Geneva.",
    "Prices rose by 3.2 percent in March, the statistics office said.",
    "\u201cWe are not going to accept this,\u201d said Anna Petrova, a spokeswoman.",
    "Officials in Moscow have looked on with apprehension ever since.",
    "The long-term plan will cost \u20ac4.5 billion, critics say.",
    "Die Regierung hat am Montag neue Ma\u00dfnahmen angek\u00fcndigt.",
    "Related issues were discussed at the summit, but no agreement was reached.",
    "By the end of 2020 the market had grown to twice its size.",
]
DEBRIS = [
    "Views: 274", "1.2K views", "12 Comments", "Share this:", "Like this:", "Loading...", "Tweet",
    "Share on Facebook Share on Twitter", "Comments are closed.", "Leave a Reply", "Related Stories",
    "Related article: Why North Korea Can Unite Russia and Japan (Op-ed)", "Category: Entertainment",
    "Domain: Afterhours", "Tags: Russia, North Korea, Diplomacy", "Advertisement",
    "\u00a9 2019 Example Media. All rights reserved.", "Workers at the plant on Monday. (AP Photo/Evan Vucci)",
    "By Vladimir Frolov", "June 08, 2018", "(Reporting by Rodrigo Campos; Editing by Dan Grebler)",
    "Read more", "Subscribe to our newsletter", "Skip to content", "Home \u203a World \u203a Asia",
    "Photo: Reuters", "Continue reading", "Published: 5 November 2020", "Paul D. Shinkman",
]
HEADERS = ["North Korea Talks Stall", "What Did the Trip Actually Do?", "By Jane Roe", "2019-07-22"]
SEPARATORS = ["\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n"]

STATE = {"inputs": 0, "findings": 0, "kinds": {}, "started": time.time(), "last_write": 0.0}
FINDINGS: Path | None = None
SLOW_SECONDS = 5.0
CHECK_IDEMPOTENCE = True


class NotIdempotent(AssertionError):
    """Cleaning the clean text changed it."""


def article_from(fdp: atheris.FuzzedDataProvider) -> str:
    blocks: list[str] = []
    for _ in range(fdp.ConsumeIntInRange(0, 16)):
        kind = fdp.ConsumeIntInRange(0, 9)
        if kind < 4:
            blocks.append(" ".join(fdp.PickValueInList(SENTENCES) for _ in range(fdp.ConsumeIntInRange(1, 4))))
        elif kind < 7:
            blocks.append(fdp.PickValueInList(DEBRIS))
        elif kind == 7:
            blocks.append(fdp.PickValueInList(HEADERS))
        elif kind == 8:
            blocks.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 80)))
        else:
            repeat = fdp.PickValueInList(DEBRIS + HEADERS)
            blocks.append(" ".join([repeat] * fdp.ConsumeIntInRange(2, 50)))
    text = fdp.PickValueInList(SEPARATORS).join(blocks)
    damage = fdp.ConsumeIntInRange(0, 7)
    if damage & 1:
        text = text.replace(" ", "\u00a0", fdp.ConsumeIntInRange(1, 20))
    if damage & 2:
        text = text.encode("utf-8").decode("latin-1")
    if damage & 4:
        text = text.replace(". ", ".\n", fdp.ConsumeIntInRange(1, 10))
    return text


def check(raw: str, id: str | None = None, source: str | None = None) -> None:
    article = cleaner.clean(raw, id=id, source=source)
    record = article.to_record()
    validate(record)
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    if record["word_count"] != count_words(record["text"]):
        raise AssertionError(f"word_count {record['word_count']} != {count_words(record['text'])}")
    if CHECK_IDEMPOTENCE:
        again = cleaner.clean(article.text).text
        if again != article.text:
            raise NotIdempotent(f"cleaning the clean text changed it:\n{article.text!r}\n->\n{again!r}")


def run_one(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 4)
    if mode == 0:
        check(fdp.ConsumeUnicode(fdp.remaining_bytes()))
    elif mode == 1:
        check(article_from(fdp))
    elif mode == 2:
        item = read_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()), "fuzz", "fuzz.txt")
        if isinstance(item, Document):
            check(item.text, id=item.id, source=item.source)
    elif mode == 4:
        zstd_stream(fdp)
    else:
        line = fdp.ConsumeBytes(fdp.remaining_bytes()).replace(b"\n", b" ") + b"\n"
        items = list(read_jsonl_stream(io.BytesIO(line), "fuzz.jsonl"))
        if len(items) > 1:
            raise AssertionError(f"one line gave {len(items)} items")
        for item in items:
            if isinstance(item, Document):
                check(item.text, id=item.id, source=item.source)


def zstd_stream(fdp: atheris.FuzzedDataProvider) -> None:
    """JSONL lines compressed with zstd (in one or two frames), then cut short or followed by junk:
    the reader yields an item per line it could read and at most one error, last."""
    import zstandard

    cut = fdp.ConsumeIntInRange(0, 2)  # 0: whole, 1: truncated, 2: junk after the frames
    split = fdp.ConsumeIntInRange(0, 64)
    lines = fdp.ConsumeBytes(max(0, fdp.remaining_bytes() - 8))
    c = zstandard.ZstdCompressor()
    data = c.compress(lines[:split]) + (c.compress(lines[split:]) if split < len(lines) else b"")
    if cut == 1:
        data = data[: len(data) * fdp.ConsumeIntInRange(0, 99) // 100]
    elif cut == 2:
        data += fdp.ConsumeBytes(8) or b"junk"
    items = list(read_jsonl_stream(_lines(_decompressed(io.BytesIO(data), zstandard)), "fuzz.jsonl.zst"))
    errors = [i for i in items if not isinstance(i, Document) and "cannot read the rest" in i.reason]
    if len(errors) > 1 or (errors and items[-1] is not errors[0]):
        raise AssertionError(f"a damaged zstd stream gave {len(errors)} stream errors, not one at the end")
    for item in items:
        if isinstance(item, Document):
            check(item.text, id=item.id, source=item.source)


def record_finding(data: bytes, kind: str, note: str) -> None:
    STATE["findings"] += 1
    STATE["kinds"][kind] = STATE["kinds"].get(kind, 0) + 1
    if FINDINGS is None:
        return
    digest = hashlib.sha1(data).hexdigest()[:16]
    (FINDINGS / f"crash-{kind}-{digest}.bin").write_bytes(data)
    (FINDINGS / f"crash-{kind}-{digest}.txt").write_text(note, encoding="utf-8")


def write_stats(force: bool = False) -> None:
    now = time.time()
    if FINDINGS is None or (not force and now - STATE["last_write"] < 5 and STATE["inputs"] % 1000):
        return
    STATE["last_write"] = now
    stats = {k: STATE[k] for k in ("inputs", "findings", "kinds")}
    stats["seconds"] = round(now - STATE["started"], 1)
    (FINDINGS / "stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")


def TestOneInput(data: bytes) -> None:
    STATE["inputs"] += 1
    start = time.perf_counter()
    try:
        run_one(data)
    except Exception as e:
        tb = traceback.format_exc()
        where = traceback.extract_tb(e.__traceback__)[-1]
        kind = "not-idempotent" if isinstance(e, NotIdempotent) else f"{type(e).__name__}-{Path(where.filename).stem}-{where.lineno}"
        record_finding(data, kind, tb)
    elapsed = time.perf_counter() - start
    if elapsed > SLOW_SECONDS:
        record_finding(data, "slow", f"{elapsed:.1f} s for {len(data)} bytes\n")
    write_stats()


def main() -> None:
    global FINDINGS, SLOW_SECONDS, CHECK_IDEMPOTENCE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--findings", default="fuzz-findings", help="folder for findings and stats.json")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds after which an input counts as a finding")
    parser.add_argument("--replay", nargs="+", metavar="FILE", help="run these inputs once and report")
    parser.add_argument("--no-idempotence", action="store_true", help="do not check that cleaning twice changes nothing")
    args, rest = parser.parse_known_args()
    SLOW_SECONDS = args.slow
    CHECK_IDEMPOTENCE = not args.no_idempotence
    if args.replay:
        for name in args.replay:
            data = Path(name).read_bytes()
            start = time.perf_counter()
            try:
                run_one(data)
                print(f"{name}: ok ({time.perf_counter() - start:.2f} s)")
            except Exception:
                print(f"{name}: FAILS\n{traceback.format_exc()}")
        return
    FINDINGS = Path(args.findings)
    FINDINGS.mkdir(parents=True, exist_ok=True)
    libfuzzer_args = [sys.argv[0]] + [a for a in rest if a != "--"]
    atheris.Setup(libfuzzer_args, TestOneInput)
    try:
        atheris.Fuzz()
    finally:
        write_stats(force=True)


if __name__ == "__main__":
    import atexit

    atexit.register(lambda: write_stats(force=True))
    main()
