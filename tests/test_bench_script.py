"""scripts/bench.py end to end on a tiny corpus: the table, the peers' rows and the done-when lines."""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def test_bench_prints_one_table_with_every_row(capsys, tmp_path):
    sys.path.insert(0, str(SCRIPTS))
    try:
        import bench
    finally:
        sys.path.remove(str(SCRIPTS))
    corpus = tmp_path / "corpus.jsonl"
    code = bench.main(["--mb", "0.3", "--repeat", "1", "--skip-rss", "--skip-scaling", "--export-repeat", "1",
                       "--markdown", "--write", str(corpus)])
    out = capsys.readouterr().out
    assert code == 0
    for row in ("json.loads (floor)", "ftfy.fix_text", "cleaner.clean (full pipeline)",
                "datatrove C4QualityFilter, line filters", "clean-text clean()",
                "Parquet: cleaner.dataset.publish", "Parquet: pq.write_table", "normalize", "language"):
        assert f"| {row} |" in out or f"| &nbsp;&nbsp;{row} |" in out, row
    assert "cleaner.clean / ftfy.fix_text, per core" in out
    # The corpus it measured on is kept when asked, as {id, text} lines.
    lines = corpus.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 20 and all(line.startswith('{"id": "doc') for line in lines)
