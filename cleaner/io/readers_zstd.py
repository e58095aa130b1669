"""Zstandard-compressed JSONL (``.jsonl.zst``), read line by line like plain JSONL.

Needs the optional ``zstandard`` package; without it each such file gives one
error item that says so.

>>> is_jsonl_zst("dump.jsonl.zst"), is_jsonl_zst("dump.jsonl")
(True, False)
"""

from __future__ import annotations

import io
import os
from typing import Iterator

from .readers import DocumentError, Item, read_jsonl_stream

__all__ = ["ZSTD_SUFFIXES", "is_jsonl_zst", "read_jsonl_zst"]

ZSTD_SUFFIXES = (".jsonl.zst", ".ndjson.zst")


def is_jsonl_zst(path: str | os.PathLike[str]) -> bool:
    """True for ``.jsonl.zst`` and ``.ndjson.zst``."""
    return str(path).lower().endswith(ZSTD_SUFFIXES)


def read_jsonl_zst(path: str | os.PathLike[str]) -> Iterator[Item]:
    """One item per non-blank line of a zstd-compressed JSONL file; sources are ``path:line``."""
    from .readers_parquet import open_input, source_name

    src = source_name(path)
    try:
        import zstandard
    except ImportError:
        yield DocumentError(None, src, "cannot read .zst files: the 'zstandard' package is not installed")
        return
    try:
        raw = open_input(path)
    except OSError as e:
        yield DocumentError(None, src, f"cannot read file: {e.strerror or e}")
        return
    with raw:
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        stream = io.BufferedReader(reader, buffer_size=1 << 20)
        try:
            yield from read_jsonl_stream(stream, src)
        except zstandard.ZstdError as e:
            yield DocumentError(None, src, f"cannot read the rest of the file: {e}")
        finally:
            stream.close()

