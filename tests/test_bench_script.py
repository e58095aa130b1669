"""scripts/bench.py end to end on tiny corpora: both corpora's tables, the peers' rows, the stages, the
whole-process rows and the done-when lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _bench():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import bench
    finally:
        sys.path.remove(str(SCRIPTS))
    return bench


def test_bench_prints_a_table_per_corpus_with_every_row(capsys, tmp_path):
    bench = _bench()
    if not bench.real_pages():
        pytest.skip("the dev sets (shared/benchmark) are not beside the checkout")
    corpus = tmp_path / "corpus.jsonl"
    code = bench.main(["--mb", "0.3", "--repeat", "1", "--skip-processes", "--export-repeat", "1",
                       "--shape-sizes", "1000,2000", "--markdown", "--write", str(corpus)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Corpus 'real': the raw_text of every dev page" in out and "Corpus 'generated'" in out
    for row in ("json.loads (floor)", "ftfy.fix_text", "**Cleaner.clean (library call)**",
                "Cleaner.clean + to_record + json.dumps", "datatrove C4QualityFilter, line filters",
                "clean-text clean()", "Parquet: cleaner.dataset.publish", "normalize", "reflow",
                "rules before the header", "header", "rules after the header", "language", "to_record"):
        assert f"| {row} |" in out or f"| &nbsp;&nbsp;{row} |" in out, row
    assert out.count("| &nbsp;&nbsp;normalize |") == 2  # the stages of each corpus
    assert "Done-when figures, corpus 'real':" in out and "Cleaner.clean / ftfy.fix_text, per core" in out
    assert "largest rise of a stage's cost per MB" in out
    assert "Cost per MB by document size, shape 'paragraph'" in out
    # The generated corpus it measured on is kept when asked, as {id, text} lines, in the stated mix.
    docs = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(docs) > 20
    ascii_share = sum(d.isascii() for d in docs) / len(docs)
    mojibake_share = sum(bench.has_mojibake(d) for d in docs) / len(docs)
    assert 0.25 < ascii_share < 0.65 and 0.03 < mojibake_share < 0.35, (ascii_share, mojibake_share)
    assert f"{ascii_share:.0%} pure ASCII" in out


def test_real_pages_are_the_dev_sets_raw_text_repeated():
    bench = _bench()
    pages = bench.real_pages()
    if not pages:
        pytest.skip("the dev sets (shared/benchmark) are not beside the checkout")
    total = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    docs = bench.repeated(pages, 1.5 * total)
    assert docs[:len(pages)] == pages and docs[len(pages):] == pages[:len(docs) - len(pages)]
    assert sum(len(d.encode("utf-8")) for d in docs) >= 1.5 * total * 1e6


def test_whole_process_rows_time_the_command_and_ftfy(tmp_path):
    bench = _bench()
    src = tmp_path / "in.jsonl"
    docs = bench.generate_corpus(0.05, seed=3)
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": d}) + "\n" for i, d in enumerate(docs)), encoding="utf-8")
    rows, result = bench.process_rows(src, 0.05, tmp_path, repeat=1)
    assert [r.name for r in rows] == ["whole ftfy process", "whole `cleaner clean --workers 1`",
                                      "whole `cleaner clean --workers 2`"]
    assert result["cli_vs_ftfy"] > 0 and result["two_vs_one"] > 0
    assert not (tmp_path / "out.jsonl").exists()  # the outputs are temporary
    helped = bench.help_overhead(runs=1)
    assert helped["help"] > helped["pass"] > 0
