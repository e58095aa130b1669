"""The local engine: clean a stream of items with worker processes on this machine.

:func:`clean` reads the items lazily in batches, keeps a bounded window of
batches in flight (it never reads far ahead of the output, so memory does not
grow with the input) and yields one :class:`~cleaner.io.run.Outcome` per item
in input order, so the output is the same for any number of workers. With one
worker it cleans in the calling process, without a pool.

Workers are started with the ``forkserver`` method (``spawn`` where there is
none), never by forking a parent that may run threads; each builds its
:class:`~cleaner.Cleaner` once. A document that makes the cleaner raise becomes
an error outcome. On Ctrl-C, or when the caller stops reading, the workers are
stopped and reaped before the exception (KeyboardInterrupt) goes on to the caller. When
the calling process dies without stopping them (``kill -9``), the workers end by
themselves within a second (see :func:`_exit_with_parent`).

>>> from cleaner.io.readers import Document
>>> docs = [Document(str(i), f"Story {i} has a body that is long enough to keep.", "mem") for i in range(3)]
>>> [o.id for o in clean(docs, workers=1)]
['0', '1', '2']
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, wait
from typing import Iterable, Iterator

from ..config import CleanerConfig
from ..io.readers import Item
from ..io.run import Outcome
from .batches import DEFAULT_BATCH_CHARS, DEFAULT_BATCH_DOCS, Batch, Outcomes, Row, batches, clean_rows

__all__ = ["available_cpus", "default_context", "clean", "STOP_GRACE_SECONDS"]

STOP_GRACE_SECONDS = 10.0


def available_cpus() -> int:
    """The number of CPUs this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_context() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


_CONFIG: CleanerConfig | None = None
# How often a worker looks whether the process that started the run is still there.
PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a pid taken over by another user's process
        return False
    return True


def _exit_with_parent(owner: int) -> None:
    """End this worker when the run's process (``owner``) dies, even by ``kill -9``, which gives it
    no chance to stop its pool: a pool's workers would otherwise wait for work for ever, each
    holding a cleaner's memory, and keep the forkserver and resource tracker alive.

    On Linux the kernel sends SIGKILL when the worker's parent (the forkserver, which exits when
    the run's process is gone, or that process itself under ``spawn``) dies
    (``PR_SET_PDEATHSIG``); everywhere a daemon thread also checks every
    :data:`PARENT_CHECK_SECONDS` that the parent is the same and the owner is alive.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread below still watches
            pass

    def watch() -> None:
        while True:
            if os.getppid() != parent or not _alive(owner):
                os._exit(1)
            time.sleep(PARENT_CHECK_SECONDS)

    if not _alive(owner):
        os._exit(1)
    threading.Thread(target=watch, name="cleaner-parent-watch", daemon=True).start()


def _init_worker(config: CleanerConfig, owner: int | None = None) -> None:
    """Runs once in each worker: end with the run's process (``owner``); Ctrl-C is the parent's to
    handle; build the cleaner."""
    global _CONFIG
    if owner is not None:
        _exit_with_parent(owner)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _CONFIG = config
    clean_rows(config, [])


def _clean_in_worker(rows: list[Row]) -> list:
    return clean_rows(_CONFIG, rows)


def _stop(pool: ProcessPoolExecutor, futures: list[Future], grace: float) -> None:
    """Stop a pool early: drop queued batches, let running ones finish (up to ``grace`` seconds;
    a second Ctrl-C cuts that short), then end any worker still busy and reap them all."""
    for f in futures:
        f.cancel()
    running = [f for f in futures if not f.cancelled()]
    hurry = False
    try:
        unfinished = wait(running, timeout=grace).not_done if running else set()
    except KeyboardInterrupt:
        unfinished, hurry = set(running), True
    if unfinished:
        for p in list((getattr(pool, "_processes", None) or {}).values()):
            if p.is_alive():
                p.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    if hurry:
        raise KeyboardInterrupt


def clean(
    items: Iterable[Item],
    config: CleanerConfig | None = None,
    *,
    workers: int | None = None,
    batch_docs: int = DEFAULT_BATCH_DOCS,
    batch_chars: int = DEFAULT_BATCH_CHARS,
    window: int | None = None,
    context: str | None = None,
) -> Outcomes:
    """Clean ``items`` (reader items) with ``workers`` processes; one outcome per item, in input order.

    workers:     worker processes (default: every CPU this process may use); 1 cleans in this process.
    batch_docs:  items per batch ...
    batch_chars: ... or fewer, once a batch holds this many characters of text.
    window:      batches read ahead and in flight at most (default: 2 per worker).
    context:     the multiprocessing start method (default: ``forkserver``, else ``spawn``).

    Returns an iterator that is also a context manager (:class:`~cleaner.engines.batches.Outcomes`):
    leaving its ``with`` block stops the workers at once, even on an exception raised by the caller.
    """
    config = config or CleanerConfig()
    workers = available_cpus() if workers is None else workers
    if workers < 1:
        raise ValueError("workers must be at least 1")
    window = window if window is not None else 2 * workers
    if window < 1:
        raise ValueError("window must be at least 1")
    stream = batches(items, batch_docs, batch_chars)
    if workers == 1:
        return Outcomes(_in_process(stream, config))
    return Outcomes(_pooled(stream, config, workers, window, context or default_context()))


def _in_process(stream: Iterator[Batch], config: CleanerConfig) -> Iterator[Outcome]:
    for batch in stream:
        yield from batch.outcomes(clean_rows(config, batch.rows))


def _pooled(stream: Iterator[Batch], config: CleanerConfig, workers: int, window: int, context: str) -> Iterator[Outcome]:
    ctx = multiprocessing.get_context(context)
    if context == "forkserver":
        ctx.set_forkserver_preload(["cleaner.engines.preload"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(config, os.getpid()))
    pending: deque[tuple[Batch, Future | None]] = deque()
    done = False

    def fill() -> None:
        nonlocal done
        while not done and len(pending) < window:
            batch = next(stream, None)
            if batch is None:
                done = True
                return
            pending.append((batch, pool.submit(_clean_in_worker, batch.rows) if batch.rows else None))

    finished = False
    try:
        fill()
        while pending:
            batch, future = pending[0]
            results = future.result() if future is not None else []
            pending.popleft()
            fill()
            yield from batch.outcomes(results)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool, [f for _, f in pending if f is not None], STOP_GRACE_SECONDS)
