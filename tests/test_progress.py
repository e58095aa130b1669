"""The progress bar of `clean` and `export`: what it shows and when its total is known."""

from __future__ import annotations

import io
import time

from rich.console import Console

from cleaner.progress import input_size, progress_bar


def test_input_size_counts_plain_files_only(tmp_path):
    txt, jsonl = tmp_path / "a.txt", tmp_path / "b.jsonl"
    txt.write_text("x" * 10)
    jsonl.write_text("y" * 20)
    assert input_size([txt, jsonl]) == 30
    for other in ("c.jsonl.gz", "d.parquet", "e.jsonl.zst"):
        (tmp_path / other).write_bytes(b"z")
        assert input_size([txt, tmp_path / other]) is None


def test_bar_shows_documents_rates_errors_and_eta():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=220, color_system=None)
    bar = progress_bar(console, "cleaning", disable=False)
    with bar:
        task = bar.add_task("clean", total=4_000_000, docs=0, errors=0)
        for step in range(1, 4):
            time.sleep(0.05)
            bar.update(task, advance=500_000, docs=40 * step, errors=step - 1)
        bar.refresh()
        shown = out.getvalue()
    last = shown.split("\r")[-1] if "\r" in shown else shown
    assert "120 docs" in shown and "2 errors" in shown
    assert "docs/s" in shown and "- docs/s" not in last
    assert "B/s" in shown  # bytes of text per second (kB/s, MB/s)
    assert "ETA" in shown and "38%" in shown


def test_bar_is_hidden_when_quiet_or_not_a_terminal():
    assert progress_bar(Console(file=io.StringIO(), force_terminal=True), "x", disable=True).disable
    assert progress_bar(Console(file=io.StringIO(), force_terminal=False), "x", disable=False).disable
