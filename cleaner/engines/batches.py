"""What engines send to workers and get back: batches of plain data, cleaned by pure functions.

A batch is a list of ``(id, text, source)`` rows; cleaning it gives one
``(record, error)`` pair per row (a record dict, or the reason there is none).
The item a row came from keeps what the worker does not need (reading
warnings, input size) in a :class:`Batch` on the caller's side, which turns the
pairs back into :class:`~cleaner.io.run.Outcome` values in input order.

>>> from cleaner.io.readers import Document, DocumentError
>>> batch = Batch.of([Document("a", "Views: 3\\n\\nThe body of the story is long enough to keep.", "a.txt"),
...                   DocumentError("b", "b.txt", "empty document (no text)")])
>>> batch.rows
[('a', 'Views: 3\\n\\nThe body of the story is long enough to keep.', 'a.txt')]
>>> [(o.id, o.ok, o.error) for o in batch.outcomes(clean_rows(CleanerConfig(detect_language=False), batch.rows))]
[('a', True, None), ('b', False, 'empty document (no text)')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generator, Iterable, Iterator

from ..config import CleanerConfig
from ..io.readers import Document, DocumentError, Item
from ..io.run import Outcome

if TYPE_CHECKING:  # the pipeline is imported where documents are cleaned (cleaner_for), not by the parent of a pool
    from ..pipeline import Cleaner

__all__ = [
    "Row",
    "Result",
    "Batch",
    "DEFAULT_BATCH_DOCS",
    "DEFAULT_BATCH_CHARS",
    "batches",
    "cleaner_for",
    "clean_rows",
    "Outcomes",
]

Row = tuple  # (id: str | None, text: str, source: str)
Result = tuple  # (record: dict | None, error: str | None)

DEFAULT_BATCH_DOCS = 64
DEFAULT_BATCH_CHARS = 4_000_000

_CLEANERS: dict[CleanerConfig, Cleaner] = {}


def cleaner_for(config: CleanerConfig | None) -> Cleaner:
    """The cleaner of ``config``, built once per process (a Cleaner keeps no state between documents)."""
    config = config or CleanerConfig()
    c = _CLEANERS.get(config)
    if c is None:
        from ..pipeline import Cleaner

        c = _CLEANERS[config] = Cleaner(config)
    return c


def clean_row(cleaner: Cleaner, row: Row) -> Result:
    """Clean one row; an exception becomes the row's error, as in :func:`cleaner.io.run.clean_item`."""
    doc_id, text, source = row
    try:
        return cleaner.clean(text, id=doc_id, source=source).to_record(), None
    except Exception as e:  # a failing document must not stop the run; the reason is reported
        return None, f"cleaning failed: {type(e).__name__}: {e}"


def clean_rows(config: CleanerConfig | None, rows: Iterable[Row]) -> list[Result]:
    """The results of ``rows``, in order: a pure function of the configuration and the rows."""
    cleaner = cleaner_for(config)
    return [clean_row(cleaner, row) for row in rows]


@dataclass
class Batch:
    """Consecutive items: the rows to clean, and per item what its outcome needs besides the result."""

    rows: list[Row] = field(default_factory=list)
    slots: list[Any] = field(default_factory=list)  # an Outcome (items that are errors) or (warnings, nbytes)
    chars: int = 0

    @classmethod
    def of(cls, items: Iterable[Item]) -> "Batch":
        b = cls()
        for item in items:
            b.add(item)
        return b

    def add(self, item: Item) -> None:
        if isinstance(item, DocumentError):
            self.slots.append(Outcome(item.id, item.source, error=item.reason, nbytes=item.nbytes))
        elif isinstance(item, Document):
            self.rows.append((item.id, item.text, item.source))
            self.slots.append((item.warnings, item.nbytes))
            self.chars += len(item.text) if isinstance(item.text, str) else 0
        else:
            raise TypeError(f"engines clean Document and DocumentError items, not {type(item).__name__}")

    def __len__(self) -> int:
        return len(self.slots)

    def outcomes(self, results: list[Result]) -> Iterator[Outcome]:
        """The outcome of every item of the batch, in order, given the results of its rows."""
        if len(results) != len(self.rows):
            raise ValueError(f"{len(results)} results for {len(self.rows)} rows")
        it = iter(zip(self.rows, results))
        for slot in self.slots:
            if isinstance(slot, Outcome):
                yield slot
                continue
            warnings, nbytes = slot
            (doc_id, _, source), (record, error) = next(it)
            if record is not None:
                yield Outcome(record["id"], source, record=record, warnings=warnings, nbytes=nbytes)
            else:
                yield Outcome(doc_id, source, error=error, warnings=warnings, nbytes=nbytes)


def batches(items: Iterable[Item], docs: int = DEFAULT_BATCH_DOCS, chars: int = DEFAULT_BATCH_CHARS) -> Iterator[Batch]:
    """Consecutive batches of up to ``docs`` items, closed early once they hold ``chars`` characters of text.

    Items are pulled from ``items`` only as batches are asked for.

    >>> from cleaner.io.readers import Document
    >>> [len(b) for b in batches((Document(str(i), "x" * 10, "s") for i in range(7)), docs=5, chars=25)]
    [3, 3, 1]
    """
    if docs < 1 or chars < 1:
        raise ValueError("batch limits must be at least 1")
    batch = Batch()
    for item in items:
        batch.add(item)
        if len(batch) >= docs or batch.chars >= chars:
            yield batch
            batch = Batch()
    if len(batch):
        yield batch


class Outcomes:
    """The outcomes of an engine run: an iterator that is also a context manager.

    Leaving the ``with`` block (normally, by an exception, or by Ctrl-C raised in
    the caller's own code) stops the engine at once: workers are stopped and
    reaped, queued batches dropped. Iterating to the end does the same.

        with engines.run(items, config, workers=4) as outcomes:
            for outcome in outcomes:
                ...
    """

    def __init__(self, gen: Generator[Outcome, None, None]):
        self._gen = gen

    def __iter__(self) -> "Outcomes":
        return self

    def __next__(self) -> Outcome:
        return next(self._gen)

    def close(self) -> None:
        """Stop the run (workers included); later iteration yields nothing."""
        self._gen.close()

    def __enter__(self) -> "Outcomes":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
