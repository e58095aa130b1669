"""Cleaning a stream of read items: one :class:`Outcome` per item, and the run's statistics.

:func:`clean_batch` is a pure function of a cleaner and a list of items, and
its outcomes are plain values (the record is a dict), so an engine can send
batches to threads or processes and gather the outcomes in order.

>>> from cleaner import Cleaner
>>> from cleaner.io.readers import Document, DocumentError
>>> items = [Document("a", "Views: 3\\n\\nThe body of the story is long enough to keep.", "a.txt"),
...          DocumentError("b", "b.txt", "empty document (no text)")]
>>> stats = RunStats()
>>> for outcome in clean_batch(Cleaner(detect_language=False), items):
...     stats.add(outcome)
>>> stats.records, stats.errors, dict(stats.cuts)
(1, 1, {'counters.views': 1})
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .readers import DocumentError, Item

if TYPE_CHECKING:  # only annotations here: the command line imports this module before it needs a pipeline
    from ..pipeline import Cleaner

__all__ = ["Outcome", "RunStats", "clean_item", "clean_batch", "clean_items"]


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its record, or the reason it has none, plus reading warnings."""

    id: str | None
    source: str
    record: dict[str, Any] | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    nbytes: int = 0

    @property
    def ok(self) -> bool:
        return self.record is not None

    def problems(self) -> list[dict[str, Any]]:
        """The lines this outcome adds to an errors file: its warnings, then its error."""
        lines: list[dict[str, Any]] = [{"id": self.id, "source": self.source, "warning": w} for w in self.warnings]
        if self.error is not None:
            lines.append({"id": self.id, "source": self.source, "error": self.error})
        return lines


def clean_item(cleaner: Cleaner, item: Item) -> Outcome:
    """Clean one read item; an error while cleaning becomes the outcome's error, never an exception."""
    if isinstance(item, DocumentError):
        return Outcome(item.id, item.source, error=item.reason, nbytes=item.nbytes)
    try:
        record = cleaner.clean(item.text, id=item.id, source=item.source).to_record()
    except Exception as e:  # a failing document must not stop the run; the reason is reported
        return Outcome(item.id, item.source, error=f"cleaning failed: {type(e).__name__}: {e}", warnings=item.warnings, nbytes=item.nbytes)
    return Outcome(record["id"], item.source, record=record, warnings=item.warnings, nbytes=item.nbytes)


def clean_batch(cleaner: Cleaner, items: Iterable[Item]) -> list[Outcome]:
    """The outcomes of ``items``, in order."""
    return [clean_item(cleaner, item) for item in items]


def clean_items(cleaner: Cleaner, items: Iterable[Item]) -> Iterator[Outcome]:
    """The outcomes of ``items``, lazily, in order."""
    for item in items:
        yield clean_item(cleaner, item)


@dataclass
class RunStats:
    """Counts over a run: documents, records, errors, warnings, input bytes and cuts per rule."""

    records: int = 0
    errors: int = 0
    warnings: int = 0
    nbytes: int = 0
    cuts: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    error_samples: list[Outcome] = field(default_factory=list)
    max_samples: int = 5

    @property
    def documents(self) -> int:
        return self.records + self.errors

    def add(self, outcome: Outcome) -> None:
        self.nbytes += outcome.nbytes
        self.warnings += len(outcome.warnings)
        if outcome.record is not None:
            self.records += 1
            self.cuts.update(cut["rule"] for cut in outcome.record["removed"])
        else:
            self.errors += 1
            if len(self.error_samples) < self.max_samples:
                self.error_samples.append(outcome)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> dict[str, Any]:
        """The statistics as a plain dict (for logs and manifests)."""
        seconds = self.seconds
        return {
            "documents": self.documents,
            "records": self.records,
            "errors": self.errors,
            "warnings": self.warnings,
            "megabytes": round(self.nbytes / 1e6, 3),
            "seconds": round(seconds, 3),
            "docs_per_second": round(self.documents / seconds, 1) if seconds > 0 else None,
            "cuts": dict(sorted(self.cuts.items(), key=lambda kv: (-kv[1], kv[0]))),
        }
