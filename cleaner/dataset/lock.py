"""An exclusive lock on a dataset directory, so two writers never interleave.

The lock is ``fcntl.flock`` on ``DIR/.lock``. The kernel drops it when the
holder exits, however it exits (a killed export leaves no stale lock). The
holder writes its process id into the file, for the error message others see.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d, DatasetLock(d, timeout=0) as lock:
...     lock.held
True
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from pathlib import Path

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
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _holder(self) -> str:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        return text or "another process"

    def acquire(self) -> None:
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock object")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise DatasetLockedError(
                            f"{self.path.parent} is locked by {self._holder()} (waited {self.timeout:g} s); "
                            "another export is writing to it"
                        ) from None
                    time.sleep(self.poll)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> "DatasetLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
