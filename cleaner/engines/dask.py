"""The Dask engine: the same cleaning on a ``dask.distributed`` cluster (optional extra ``cleaner[dask]``).

Two ways in:

* :func:`clean` takes reader items read here, like the local engine, and
  ships batches of plain rows to the cluster;
* :func:`clean_parquet` and :func:`publish_parquet` take Parquet files (local
  paths, or fsspec URLs every worker can open, such as ``s3://`` or ``hf://``)
  and let the workers read them: one task per slice of ``batch_rows`` rows of
  a row group, so only the file names and the records travel.

Each task is a pure function (:func:`cleaner.engines.batches.clean_rows`); a
bounded window of futures is kept in flight and the results are taken in
submission order, so the outcomes, and a version published from them, are the
same as the local engine's on the same input. Workers need ``cleaner``
installed at the same version as the client.

``scheduler`` is the address of a running scheduler (``tcp://host:8786``, see
docs/scaling.md), a ``distributed.Client``, or None to start a LocalCluster on
127.0.0.1 for the duration of the call.
"""

from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from ..config import CleanerConfig
from ..io.readers import DocumentError, Item
from ..io.readers_parquet import DEFAULT_BATCH_ROWS, _file_error, is_url, parquet_row_groups, read_parquet_rows, source_name
from ..io.run import Outcome
from .batches import DEFAULT_BATCH_CHARS, DEFAULT_BATCH_DOCS, Batch, Outcomes, batches, clean_rows
from .local import available_cpus



def _distributed():
    try:
        import distributed
    except ImportError as e:  # depends on the optional extra
        raise ImportError("the Dask engine needs dask.distributed: pip install 'cleaner[dask]'") from e
    return distributed

__all__ = ["CleaningError", "connect", "clean", "parquet_parts", "outcomes_parquet", "clean_parquet", "publish_parquet"]


class CleaningError(RuntimeError):
    """A document had no record and the caller asked to stop on errors."""

    def __init__(self, outcome: Outcome):
        super().__init__(f"{outcome.source}: {outcome.error}")
        self.outcome = outcome


@contextmanager
def connect(scheduler: Any = None, workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` of ``scheduler``; with None, of a LocalCluster (``workers``
    processes, one thread each) on 127.0.0.1.

    A client passed in is used as it is and left open; one made here is closed on exit.
    """
    distributed = _distributed()
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is None:
        with LocalCluster(
            n_workers=workers or available_cpus(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster, Client(cluster) as client:
            yield client
        return
    with Client(scheduler) as client:
        yield client


def _window(client: Any, window: int | None) -> int:
    if window is not None:
        if window < 1:
            raise ValueError("window must be at least 1")
        return window
    return max(2, 2 * sum(client.nthreads().values()))


def _in_order(client: Any, tasks: Iterator[tuple[Callable, tuple] | list[Outcome]], window: int) -> Iterator[Outcome]:
    """Run ``(function, args)`` tasks (each giving a list of outcomes) with at most ``window`` in flight;
    outcome lists in the stream are passed through in place. Yields in stream order."""
    pending: deque = deque()
    done = False

    def fill() -> None:
        nonlocal done
        while not done and len(pending) < window:
            task = next(tasks, None)
            if task is None:
                done = True
                return
            if isinstance(task, list):
                pending.append(task)
            else:
                fn, args = task
                pending.append(client.submit(fn, *args, pure=False))

    try:
        fill()
        while pending:
            head = pending.popleft()
            outcomes = head if isinstance(head, list) else head.result()
            if not isinstance(head, list):
                head.release()
            fill()
            yield from outcomes
    finally:
        futures = [f for f in pending if not isinstance(f, list)]
        if futures:
            client.cancel(futures)


def _clean_batch(config: CleanerConfig, batch: Batch) -> list[Outcome]:
    return list(batch.outcomes(clean_rows(config, batch.rows)))


def clean(
    items: Iterable[Item],
    config: CleanerConfig | None = None,
    *,
    scheduler: Any = None,
    workers: int | None = None,
    batch_docs: int = DEFAULT_BATCH_DOCS,
    batch_chars: int = DEFAULT_BATCH_CHARS,
    window: int | None = None,
) -> Outcomes:
    """Clean reader items on a cluster; one outcome per item, in input order (as the local engine).

    window: batches in flight at most (default: 2 per worker thread of the cluster).
    Returns an iterator that is also a context manager: leaving its ``with`` block cancels
    the tasks in flight and closes the client (and the LocalCluster started for the run).
    """
    return Outcomes(_clean(items, config or CleanerConfig(), scheduler, workers, batch_docs, batch_chars, window))


def _clean(items, config, scheduler, workers, batch_docs, batch_chars, window) -> Iterator[Outcome]:
    with connect(scheduler, workers) as client:
        tasks = ((_clean_batch, (config, b)) if b.rows else list(b.outcomes([])) for b in batches(items, batch_docs, batch_chars))
        yield from _in_order(client, tasks, _window(client, window))


def parquet_parts(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> Iterator[tuple[str | os.PathLike[str], int, int, int, int] | DocumentError]:
    """The tasks of a Parquet input, in order: ``(path, row_group, start, stop, first_row_of_group)``,
    or a :class:`DocumentError` for a file that cannot be read or whose columns do not fit."""
    if batch_rows < 1:
        raise ValueError("batch_rows must be at least 1")
    for path in inputs:
        try:
            groups = parquet_row_groups(path, text_column, id_column)
        except Exception as e:  # any failure to open the file becomes that file's error item
            yield _file_error(source_name(path), e)
            continue
        first = 0
        for group, rows in enumerate(groups):
            for start in range(0, rows, batch_rows):
                yield (path, group, start, min(start + batch_rows, rows), first)
            first += rows


def _clean_parquet_part(config: CleanerConfig, part: tuple, text_column: str, id_column: str | None) -> list[Outcome]:
    path, group, start, stop, first = part
    try:
        items = read_parquet_rows(path, group, start, stop, text_column=text_column, id_column=id_column, first_row=first)
    except Exception as e:  # the file changed or vanished after planning
        err = _file_error(f"{source_name(path)}:{first + start + 1}", e)
        return [Outcome(None, err.source, error=f"cannot read rows {first + start + 1}-{first + stop}: {err.reason}")]
    return _clean_batch(config, Batch.of(items))


def outcomes_parquet(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    config: CleanerConfig | None = None,
    scheduler: Any = None,
    workers: int | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    window: int | None = None,
) -> Iterator[Outcome]:
    """One outcome per row of the Parquet ``inputs`` (read on the workers), in input order."""
    config = config or CleanerConfig()
    inputs = list(inputs)
    with connect(scheduler, workers) as client:
        parts = parquet_parts(inputs, text_column=text_column, id_column=id_column, batch_rows=batch_rows)
        tasks = (
            [Outcome(p.id, p.source, error=p.reason)] if isinstance(p, DocumentError)
            else (_clean_parquet_part, (config, p, text_column, id_column))
            for p in parts
        )
        yield from _in_order(client, tasks, _window(client, window))


def _records(outcomes: Iterable[Outcome], on_error: str | Callable[[Outcome], Any]) -> Iterator[dict]:
    if on_error not in ("raise", "skip") and not callable(on_error):
        raise ValueError("on_error must be 'raise', 'skip' or a callable")
    for outcome in outcomes:
        if outcome.record is not None:
            yield outcome.record
        elif on_error == "raise":
            raise CleaningError(outcome)
        elif callable(on_error):
            on_error(outcome)


def clean_parquet(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    config: CleanerConfig | None = None,
    scheduler: Any = None,
    workers: int | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    window: int | None = None,
    on_error: str | Callable[[Outcome], Any] = "raise",
) -> Iterator[dict]:
    """The records (schema v1 dicts) of the rows of Parquet ``inputs``, cleaned on a cluster, in input order.

    text_column, id_column: the columns with the text and the id (None: ids are hashes of the text).
    batch_rows:             rows per task (a task reads one slice of one row group).
    window:                 tasks in flight at most (default: 2 per worker thread).
    on_error:               a row without a record (null text, a failing document, an unreadable
                            file): ``"raise"`` :class:`CleaningError`, ``"skip"`` it, or a callable
                            that gets its :class:`~cleaner.io.run.Outcome`.
    """
    yield from _records(
        outcomes_parquet(inputs, text_column=text_column, id_column=id_column, config=config, scheduler=scheduler,
                         workers=workers, batch_rows=batch_rows, window=window),
        on_error,
    )


def _manifest_inputs(inputs: list) -> list:
    return [{"path": p, "sha256": None} if is_url(p) else p for p in inputs]


def publish_parquet(
    inputs: Iterable[str | os.PathLike[str]],
    dataset_dir: str | os.PathLike[str],
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    config: CleanerConfig | None = None,
    scheduler: Any = None,
    workers: int | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    window: int | None = None,
    on_error: str | Callable[[Outcome], Any] = "raise",
    **publish_options: Any,
):
    """Clean Parquet ``inputs`` on a cluster and publish the records as a new version of ``dataset_dir``.

    The version equals one published by :func:`cleaner.dataset.publish` from the local
    engine's records of the same input (same shards, same manifest but its creation time).
    ``publish_options`` go to :func:`cleaner.dataset.publish` (``version``, ``bump``, ``name``,
    shard limits...); local input files are hashed into the manifest, URLs are listed.
    Returns the :class:`~cleaner.dataset.VersionInfo`. On any error (with ``on_error="raise"``)
    or interruption nothing is published.
    """
    from ..dataset import publish

    inputs = list(inputs)
    config = config or CleanerConfig()
    publish_options.setdefault("inputs", _manifest_inputs(inputs))
    records = clean_parquet(inputs, text_column=text_column, id_column=id_column, config=config, scheduler=scheduler,
                            workers=workers, batch_rows=batch_rows, window=window, on_error=on_error)
    return publish(records, dataset_dir, config=config, **publish_options)
