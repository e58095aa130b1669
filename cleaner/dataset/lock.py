"""An exclusive lock on a dataset directory, so two writers never interleave.

The lock is a :class:`filelock.FileLock` on ``DIR/.lock``: ``flock`` on POSIX, ``msvcrt``
byte locking on Windows, so the dataset commands work on every platform. The operating
system drops it when the holder exits, however it exits (a killed export leaves no stale
lock). The holder writes its process id into the file, for the error message others see.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d, DatasetLock(d, timeout=0) as lock:
...     lock.held
True
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from .versions import DatasetError

__all__ = ["DatasetLock", "DatasetLockedError", "LOCK_FILE"]

LOCK_FILE = ".lock"


class DatasetLockedError(DatasetError):
    """Another process holds the dataset directory's lock and did not let go in time."""


class DatasetLock:
    """``with DatasetLock(dir, timeout=60):`` holds ``dir/.lock`` exclusively.

    timeout: seconds to wait for another holder; ``None`` waits for ever, ``0`` fails at once.
    """

    def __init__(self, dataset_dir: str | os.PathLike[str], timeout: float | None = 300.0, poll: float = 0.05):
        self.path = Path(dataset_dir) / LOCK_FILE
        self.timeout = timeout
        self.poll = poll
        self._lock: Any = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def _holder(self) -> str:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        return text or "another process"

    def _file_lock(self) -> Any:
        from filelock import FileLock

        def note_holder(fd: int) -> None:
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
            except OSError:  # the message is a courtesy; the lock holds without it
                pass

        try:  # filelock >= 3.20: keep the file (it is part of a dataset directory) and note the holder
            lock = FileLock(self.path, preserve_lock_file=True, on_acquired=note_holder)
            lock._cleaner_noted = True
        except (TypeError, ValueError):  # an older filelock, or only its soft (marker-file) lock here
            lock = FileLock(self.path)
            lock._cleaner_noted = False
        lock._cleaner_note = note_holder
        return lock

    def acquire(self) -> None:
        from filelock import Timeout

        if self._lock is not None:
            raise RuntimeError(f"{self.path} is already held by this lock object")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self._file_lock()
        try:
            lock.acquire(timeout=-1 if self.timeout is None else self.timeout, poll_interval=self.poll)
        except Timeout:
            raise DatasetLockedError(
                f"{self.path.parent} is locked by {self._holder()} (waited {self.timeout:g} s); "
                "another export is writing to it"
            ) from None
        if not lock._cleaner_noted:
            fd = getattr(getattr(lock, "_context", None), "lock_file_fd", None)
            if fd is not None:
                lock._cleaner_note(fd)
        self._lock = lock

    def release(self) -> None:
        if self._lock is None:
            return
        lock, self._lock = self._lock, None
        fd = getattr(getattr(lock, "_context", None), "lock_file_fd", None)
        try:
            if fd is not None:
                os.ftruncate(fd, 0)
        except OSError:
            pass
        finally:
            lock.release()

    def __enter__(self) -> "DatasetLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
