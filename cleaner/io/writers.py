"""Output writers: JSONL (optionally gzip-compressed) and Parquet, written atomically.

A writer for a file writes to a temporary file next to it and renames it into
place when the run completes (``with`` block left without an exception, or
:meth:`close` called); an aborted run leaves any earlier file untouched. Only a
regular file (or a new path) is replaced that way: a symbolic link writes its
target, a FIFO or a character device is written directly as a stream (never
replaced by a file), and a folder is an error before anything is created. ``-``
means standard output, which is written as it goes.

A destination that is an fsspec URL (``s3://bucket/out.parquet``,
``hf://datasets/org/name/out.parquet``, ``file:///...``; the matching fsspec
package must be installed) is written to a local temporary file first and
uploaded in one piece when the run completes; an aborted run uploads nothing.

Same records in, same bytes out: keys keep the record order, gzip output
carries no timestamp or file name, Parquet uses the explicit record schema.
"""

from __future__ import annotations

import gzip
import json
import os
import secrets
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable

from .readers import is_url

__all__ = ["RecordWriter", "JsonlWriter", "ParquetWriter", "open_writer", "dumps_record", "write_jsonl"]


def dumps_record(record: dict[str, Any]) -> bytes:
    """One JSONL line (UTF-8, with its newline).

    >>> dumps_record({"id": "a", "text": "café"})
    b'{"id":"a","text":"caf\\xc3\\xa9"}\\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a file name's undecodable byte): escaped, so the line stays UTF-8
        return (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode("utf-8")


def _destination(path: Path) -> tuple[Path, bool]:
    """Where records for ``path`` go and whether they go there atomically.

    A new path or a regular file is written atomically (a temporary file renamed over it); a
    symbolic link writes its target (by the same rules); a FIFO or a character device is written
    directly, as a stream, and never replaced. A folder, a block device or a socket is a
    :class:`ValueError`, raised before anything is created.
    """
    try:
        st = path.lstat()
    except FileNotFoundError:
        return path, True
    if stat.S_ISLNK(st.st_mode):
        target = Path(os.path.realpath(path))
        if target == path:  # a link loop
            raise ValueError(f"cannot write to {path}: it is a symbolic link that leads nowhere (a loop)")
        return _destination(target)
    if stat.S_ISREG(st.st_mode):
        return path, True
    if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        return path, False
    if stat.S_ISDIR(st.st_mode):
        raise ValueError(f"cannot write to {path}: it is a folder; give a file name")
    raise ValueError(f"cannot write to {path}: it is not a regular file, a FIFO or a character device")


class RecordWriter:
    """Base class: a destination for records, atomic when it is a regular file (or a new one).

    ``_target`` is what the subclass opens and writes: a temporary file next to the destination
    (renamed over it by :meth:`close`), or the destination itself when that is a stream (a FIFO,
    a character device), which is written as it goes; None for standard output.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.url = str(path) if is_url(path) else None
        self.path = None if str(path) == "-" or self.url else Path(path)
        self.name = str(path)
        self.count = 0
        self._tmp: Path | None = None
        self._target: Path | None = None
        self._closed = False
        self._finished = False
        if self.url is not None:
            _filesystem(self.url)  # fail now, not after the run, when the URL's protocol cannot be written
            fd, tmp = tempfile.mkstemp(prefix="cleaner-", suffix=".upload")
            os.close(fd)
            self._tmp = self._target = Path(tmp)
        elif self.path is not None:
            final, atomic = _destination(self.path)
            if not atomic:
                self._target = final
                return
            final.parent.mkdir(parents=True, exist_ok=True)
            self._final = final
            self._tmp = self._target = final.with_name(f".{final.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            self._tmp.touch(exist_ok=False)  # created with the usual permissions (umask), unlike mkstemp's 0600

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def write_many(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            self.write(record)

    def _finish(self) -> None:
        """Flush and close the underlying stream."""

    def finish(self) -> None:
        """Write out everything and close the stream; a file stays under its temporary name until
        :meth:`close` (so several outputs can all be finished before any is moved into place)."""
        if self._finished:
            return
        self._finished = True
        try:
            self._finish()
        except BaseException:
            self._closed = True
            self._discard()
            raise

    def close(self) -> None:
        """Finish writing and move the file into place."""
        if self._closed:
            return
        self.finish()
        self._closed = True
        if self._tmp is not None and self.url is not None:
            try:
                fs, target = _filesystem(self.url)
                parent = target.rsplit("/", 1)[0] if "/" in target else ""
                if parent:
                    fs.makedirs(parent, exist_ok=True)
                fs.put_file(str(self._tmp), target)
            finally:
                self._discard()
        elif self._tmp is not None:
            try:
                os.replace(self._tmp, self._final)
            except BaseException:
                self._discard()
                raise
            self._tmp = None

    def abort(self) -> None:
        """Stop writing and leave no file behind (an earlier file at the path is kept; what went
        to a stream is gone)."""
        if self._closed:
            return
        self._closed = True
        try:
            if not self._finished:
                self._finished = True
                self._finish()
        finally:
            self._discard()

    def _discard(self) -> None:
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class _TellingStream:
    """A binary stream that counts what is written, so pyarrow can write Parquet to a pipe (it asks
    for the position, which a pipe cannot tell)."""

    def __init__(self, raw: IO[bytes]):
        self.raw = raw
        self.position = 0
        self.closed = False

    def write(self, data) -> int:
        n = len(memoryview(data).cast("B"))
        self.raw.write(data)
        self.position += n
        return n

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        self.raw.flush()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.raw.close()


def _filesystem(url: str):
    """The fsspec filesystem and path for ``url``; a clear error when fsspec or the protocol's package is missing."""
    try:
        from fsspec.core import url_to_fs
    except ImportError as e:  # pragma: no cover - fsspec comes with datasets
        raise ValueError(f"writing to {url} needs fsspec (pip install fsspec)") from e
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as e:
        raise ValueError(f"cannot write to {url}: {e}") from e


class JsonlWriter(RecordWriter):
    """One JSON object per line; a path ending in ``.gz`` is gzip-compressed."""

    def __init__(self, path: str | os.PathLike[str], stream: IO[bytes] | None = None, compression: str | None = None):
        """``compression``: ``"gz"``, ``"zst"`` (needs ``zstandard``) or ``""`` for none; by default the name's ``.gz``/``.zst``."""
        if compression is None:
            lower = str(path).lower()
            compression = "gz" if lower.endswith(".gz") else "zst" if lower.endswith(".zst") else ""
        if compression == "zst":
            try:
                import zstandard
            except ImportError:
                raise ValueError("writing .zst needs the zstd extra (pip install 'cleaner[zstd]', which brings zstandard)") from None
        super().__init__(path)
        self._own = self._target is not None
        if self._target is not None:
            raw = None
            try:
                raw = open(self._target, "wb")
                if compression == "zst":
                    self._raw = raw
                    self._out = zstandard.ZstdCompressor(level=3).stream_writer(raw, closefd=False)
                elif compression == "gz":
                    self._raw = raw
                    self._out: IO[bytes] = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
                else:
                    self._raw = None
                    self._out = raw
            except BaseException:
                if raw is not None:
                    raw.close()
                self._discard()
                raise
        else:
            self._raw = None
            self._out = stream if stream is not None else sys.stdout.buffer

    def write(self, record: dict[str, Any]) -> None:
        self._out.write(dumps_record(record))
        self.count += 1

    def _finish(self) -> None:
        if self._own:
            self._out.close()
            if self._raw is not None:
                self._raw.close()
        else:
            self._out.flush()


class ParquetWriter(RecordWriter):
    """Records as Parquet with the explicit Arrow schema of the record version, in row groups."""

    def __init__(self, path: str | os.PathLike[str], major: int = 1, row_group_size: int = 1000):
        if str(path) == "-":
            raise ValueError("Parquet cannot be written to standard output; give a file name")
        super().__init__(path)
        import pyarrow as pa
        import pyarrow.parquet as pq

        from ..schema import arrow_schema

        self.major = major
        self.row_group_size = row_group_size
        self._rows: list[dict[str, Any]] = []
        self._sink = None
        try:
            if self._tmp is not None:
                self._sink = pa.OSFile(str(self._target), "wb")
            else:  # a FIFO or a device: a stream without a position of its own
                self._sink = _TellingStream(open(self._target, "wb"))
            self._pq = pq.ParquetWriter(self._sink, arrow_schema(major))
        except BaseException:
            if self._sink is not None:
                self._sink.close()
            self._discard()
            raise

    def write(self, record: dict[str, Any]) -> None:
        self._rows.append(record)
        self.count += 1
        if len(self._rows) >= self.row_group_size:
            self._flush_rows()

    def _flush_rows(self) -> None:
        from ..schema import records_to_table

        if self._rows:
            self._pq.write_table(records_to_table(self._rows, self.major))
            self._rows = []

    def _finish(self) -> None:
        try:
            self._flush_rows()
        finally:
            try:
                self._pq.close()
            finally:
                self._sink.close()


def open_writer(path: str | os.PathLike[str], stream: IO[bytes] | None = None, format: str | None = None) -> RecordWriter:
    """The writer for ``path``: Parquet for ``.parquet``, else JSONL (``-`` is standard output).

    ``format`` (``jsonl``, ``jsonl.gz``, ``jsonl.zst``, ``parquet``) says it instead of the name.
    """
    if format == "parquet" or (format is None and str(path).lower().endswith(".parquet")):
        return ParquetWriter(path)
    if format is not None and format not in ("jsonl", "jsonl.gz", "jsonl.zst"):
        raise ValueError(f"unknown output format {format!r}")
    compression = None if format is None else {"jsonl": "", "jsonl.gz": "gz", "jsonl.zst": "zst"}[format]
    return JsonlWriter(path, stream=stream, compression=compression)


def write_jsonl(path: str | os.PathLike[str], records: Iterable[dict[str, Any]]) -> int:
    """Write ``records`` to ``path`` atomically; returns how many were written."""
    with JsonlWriter(path) as w:
        w.write_many(records)
        return w.count
