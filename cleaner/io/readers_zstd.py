"""Zstandard-compressed JSONL (``.jsonl.zst``), read line by line like plain JSONL.

Needs the optional ``zstandard`` package; without it each such file gives one
error item that says so.

>>> is_jsonl_zst("dump.jsonl.zst"), is_jsonl_zst("dump.jsonl")
(True, False)
"""

from __future__ import annotations

import os
from typing import IO, Iterator

from .readers import DocumentError, Item, open_input, read_jsonl_stream, source_name

__all__ = ["ZSTD_SUFFIXES", "is_jsonl_zst", "read_jsonl_zst"]

ZSTD_SUFFIXES = (".jsonl.zst", ".ndjson.zst")


def is_jsonl_zst(path: str | os.PathLike[str]) -> bool:
    """True for ``.jsonl.zst`` and ``.ndjson.zst``."""
    return str(path).lower().endswith(ZSTD_SUFFIXES)


_NO_ZSTANDARD = ("cannot read .zst files: install the zstd extra (pip install 'cleaner[zstd]', which brings "
                 "zstandard)")
_CHUNK = 1 << 20


def _decompressed(raw: IO[bytes], zstandard) -> Iterator[bytes]:
    """The decompressed bytes of a stream of zstd frames, chunk by chunk, as far as they can be read.

    Everything up to the damage is yielded first; then a stream that breaks off inside a frame
    raises EOFError, and bytes that are not a zstd frame (junk after the last frame) raise OSError.
    """
    dobj = zstandard.ZstdDecompressor().decompressobj()
    fed = 0  # compressed bytes of the current frame fed so far
    offset = 0  # compressed bytes before the current frame
    while block := raw.read(_CHUNK):
        while block:
            try:
                out = dobj.decompress(block)
            except zstandard.ZstdError as e:
                raise OSError(f"not zstd data at byte {offset} ({e})") from None
            fed += len(block)
            if out:
                yield out
            if not dobj.eof:
                break
            block = dobj.unused_data  # the next frame starts here
            offset += fed - len(block)
            fed = 0
            dobj = zstandard.ZstdDecompressor().decompressobj()
    if fed:
        raise EOFError(f"the compressed stream breaks off in the frame that starts at byte {offset} (the file is truncated)")


def _lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Lines (with their newline; the last one perhaps without) of a stream of byte chunks."""
    tail = b""
    for chunk in chunks:
        parts = chunk.split(b"\n")
        if len(parts) == 1:
            tail += chunk
            continue
        parts[0] = tail + parts[0]
        tail = parts.pop()
        for part in parts:
            yield part + b"\n"
    if tail:
        yield tail


def read_jsonl_zst(path: str | os.PathLike[str]) -> Iterator[Item]:
    """One item per non-blank line of a zstd-compressed JSONL file; sources are ``path:line``.

    Like a gzip'd file, a file that breaks off (or goes on with bytes that are not zstd) gives the
    records read up to the damage and then one error for the rest of the file.
    """
    src = source_name(path)
    try:
        import zstandard
    except ImportError:
        yield DocumentError(None, src, _NO_ZSTANDARD)
        return
    try:
        raw = open_input(path)
    except OSError as e:
        yield DocumentError(None, src, f"cannot read file: {e.strerror or e}")
        return
    with raw:
        yield from read_jsonl_stream(_lines(_decompressed(raw, zstandard)), src)
