"""The progress bar of the long commands (``clean``, ``export``): documents, docs/s, MB/s, errors and an ETA.

The bar advances by the bytes of text cleaned. Its total is the size of the
input files when that size is close to the size of the text in them (plain
``.txt`` and JSONL files); for compressed or Parquet input it is unknown, and
the bar shows the rates without a percentage or an ETA.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

__all__ = ["input_size", "progress_bar"]

# Files whose size is about the size of the text they hold.
_PLAIN = (".txt", ".jsonl", ".json", ".ndjson")


def input_size(files: Iterable[Path]) -> int | None:
    """The total size of ``files`` when all are plain text or JSONL; None when any is compressed or columnar."""
    total = 0
    for f in files:
        if not str(f).lower().endswith(_PLAIN):
            return None
        total += f.stat().st_size
    return total


class _DocumentRate(ProgressColumn):
    """Documents per second so far, from the task's ``docs`` field."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        docs = task.fields.get("docs", 0)
        if not elapsed or not docs:
            return Text("- docs/s", style="progress.data.speed")
        return Text(f"{docs / elapsed:,.0f} docs/s", style="progress.data.speed")


def progress_bar(console: Console, label: str, *, disable: bool) -> Progress:
    """A bar for one task with fields ``docs`` and ``errors``, advanced by bytes of text.

    ``disable`` hides it (``--quiet``); it is hidden too when ``console`` is not a terminal.
    """
    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[docs]:,} docs"),
        _DocumentRate(),
        TransferSpeedColumn(),
        TextColumn("{task.fields[errors]:,} errors"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=disable or not console.is_terminal,
        transient=True,
    )
