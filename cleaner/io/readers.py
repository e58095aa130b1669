"""Input readers: .txt files, folders of them, and JSONL (``{"id": ..., "text": ...}`` per line).

Every reader is a generator of *items*: a :class:`Document` to clean, or a
:class:`DocumentError` that says which input could not be read and why. A
bad input never stops the stream, and never disappears: each input document
gives exactly one item. :func:`batched` groups items for an engine that
cleans many documents at a time.

>>> doc = Document(id="a", text="Some text.", source="a.txt")
>>> doc.id, doc.source
('a', 'a.txt')
>>> decode_text("caf\\u00e9".encode("utf-8"))
('café', ())
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import unicodedata
import zlib
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import regex

__all__ = [
    "is_url",
    "Document",
    "DocumentError",
    "Item",
    "DecodeError",
    "JSONL_SUFFIXES",
    "decode_text",
    "is_jsonl",
    "expand_paths",
    "read_txt",
    "read_jsonl",
    "read_jsonl_stream",
    "read_files",
    "read_paths",
    "read_bytes",
    "batched",
]


def is_url(path: str | os.PathLike[str]) -> bool:
    """True for an fsspec URL such as ``s3://...`` or ``hf://...`` (``file://`` included)."""
    return isinstance(path, str) and "://" in path


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that plain text does not carry (tab, newlines and form feed are fine).
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_CHAOS_MARGIN = 0.05
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Up to this share of NUL bytes (one in a thousand, or one in a text of 256 bytes or more), text that is
# not UTF-16 is text with stray NULs, which are removed; more make it binary data.
_MAX_NUL_SHARE = 0.001
# Above this share of U+FFFD, bytes that no encoding fits are binary data, not text with a few bad bytes.
_MAX_REPLACED_SHARE = 0.3


@dataclass(frozen=True)
class Document:
    """One document to clean.

    ``source`` says where it came from (a path, or ``path:line`` for JSONL);
    ``id`` is None when the input gave none (the cleaner then uses a hash of
    the text); ``warnings`` note repairs made while reading (a guessed
    encoding, replaced surrogates); ``nbytes`` is the size of the raw input.
    """

    id: str | None
    text: str
    source: str
    warnings: tuple[str, ...] = ()
    nbytes: int = 0


@dataclass(frozen=True)
class DocumentError:
    """An input document that could not be read or cleaned, and why."""

    id: str | None
    source: str
    reason: str
    nbytes: int = 0

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "error": self.reason}


Item = Document | DocumentError


class DecodeError(ValueError):
    """Bytes that are not text (binary data) or whose encoding cannot be found."""


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode ``data`` to text: a BOM's encoding, else UTF-8, else the detected encoding.

    Returns the text and the warnings decoding produced: a detected encoding
    is a guess, so it is reported, and so is every repair (UTF-16 without a
    byte-order mark, a few NUL bytes removed, invalid bytes replaced with
    U+FFFD). Mostly valid UTF-8 with a few invalid bytes stays UTF-8 (the bad
    bytes become U+FFFD); bytes no detector can read are decoded as UTF-8 with
    replacement. Raises :class:`DecodeError` for binary data.

    >>> decode_text(b"\\xef\\xbb\\xbfHello")
    ('Hello', ())
    >>> decode_text("Hello".encode("utf-16"))
    ('Hello', ())
    >>> decode_text(b"PK\\x03\\x04\\x00\\x00")
    Traceback (most recent call last):
    ...
    cleaner.io.readers.DecodeError: binary data (NUL bytes), not text
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                text = _check_text(data.decode(encoding, "replace"))
                return text, (f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                              f"({e.reason} at byte {e.start}); invalid bytes replaced with U+FFFD",)
            return _check_text(text), ()
    warnings: tuple[str, ...] = ()
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        nuls = data.count(b"\x00")
        if len(data) < 256 or nuls > max(1, len(data) * _MAX_NUL_SHARE):
            raise DecodeError("binary data (NUL bytes), not text")
        data = data.replace(b"\x00", b"")
        warnings = (f"removed {nuls} NUL byte(s)",)
    try:
        return _check_text(data.decode("utf-8")), warnings
    except UnicodeDecodeError as e:
        first_bad = e.start
    replaced = _mostly_utf8(data)
    if replaced is not None:
        text, bad = replaced
        return _check_text(text), warnings + (f"not valid UTF-8: {bad} invalid byte sequence(s) replaced with U+FFFD (first at byte {first_bad})",)
    text, encoding = _detect(data)
    if text is None:
        text = data.decode("utf-8", "replace")
        if text.count("\ufffd") > len(text) * _MAX_REPLACED_SHARE:
            raise DecodeError(f"not UTF-8 (invalid byte at {first_bad}), no text encoding detected, mostly undecodable bytes")
        return _check_text(text), warnings + (f"not UTF-8 (invalid byte at {first_bad}) and no text encoding detected; invalid bytes replaced with U+FFFD",)
    return _check_text(text), warnings + (f"not UTF-8 (invalid byte at {first_bad}); decoded as {encoding} (detected)",)


def _utf16_without_bom(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-16 text without a byte-order mark, recognised by its NUL bytes: Latin-script text in
    UTF-16 has a NUL in every other byte (the odd ones for little-endian, the even ones for
    big-endian) and none in the others. None when ``data`` does not look like that."""
    if len(data) < 16 or len(data) % 2:
        return None
    sample = data[: 1 << 16]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= half * 0.3 and others <= half * 0.01:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            head = text[:4096]
            wordy = sum(1 for c in head if c in "\n\r\t" or unicodedata.category(c)[0] in "LNPZ")
            if wordy < len(head) * 0.95:
                return None
            try:
                return _check_text(text), (f"no byte-order mark; decoded as {encoding} (detected from its NUL bytes)",)
            except DecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few invalid bytes: the text with each invalid sequence replaced by U+FFFD and
    their number, when the valid multi-byte characters outnumber the invalid sequences (text in a
    legacy encoding has no valid multi-byte characters, or very few). None otherwise."""
    text = data.decode("utf-8", "replace")
    replacements = text.count("\ufffd")
    bad = replacements - data.count("\ufffd".encode("utf-8"))
    ascii_chars = len(data.translate(None, _HIGH_BYTES))
    multibyte = len(text) - replacements - ascii_chars
    if multibyte > bad:
        return text, bad
    return None


def _detect(data: bytes) -> tuple[str | None, str | None]:
    """The text and encoding charset-normalizer finds for ``data``.

    On short Western text several single-byte encodings score alike and the
    detector's first choice is often an exotic one (mac_latin2 for French);
    Windows-1252, by far the most common legacy encoding of scraped pages,
    wins when it decodes the bytes and scores no worse in coherence and
    (within a small margin) in chaos.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None, None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and best.encoding != "cp1252":
        for m in matches:
            if m.chaos <= best.chaos + _CHAOS_MARGIN and m.coherence >= best.coherence and str(m) == western:
                return western, "cp1252"
    return str(best), best.encoding


def _check_text(text: str) -> str:
    if text and len(_CONTROL.findall(text)) > max(1, len(text) * _MAX_CONTROL_SHARE):
        raise DecodeError("binary data (control characters), not text")
    return text


def _repair_surrogates(text: str) -> tuple[str, tuple[str, ...]]:
    """Lone surrogates (legal in JSON escapes, not in UTF-8) become U+FFFD, with a warning."""
    n = len(_LONE_SURROGATE.findall(text))
    if not n:
        return text, ()
    return _LONE_SURROGATE.sub("\ufffd", text), (f"replaced {n} lone surrogate(s) with U+FFFD",)


def _is_blank(text: str) -> bool:
    """True when ``text`` has no letter, digit, punctuation or symbol (only spaces and invisibles)."""
    return not any(unicodedata.category(c)[0] in "LNPS" for c in text)


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    """True for ``.jsonl``, ``.ndjson`` and their ``.gz`` forms."""
    return str(path).lower().endswith(JSONL_SUFFIXES)


def _printable(name: str) -> str:
    """A file name as valid Unicode: bytes the file system could not decode become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _source(path: Path) -> str:
    return _printable(path.as_posix())


def _doc_id(path: Path) -> str:
    return _printable(path.stem) or _printable(path.name)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The input files named by ``paths``: files as given, folders as their ``.txt`` files.

    Folders are walked recursively; their files are sorted by relative path so
    every run reads them in the same order. Hidden files and folders are skipped.
    Raises FileNotFoundError for a path that does not exist.
    """
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = [
                f for f in p.rglob("*")
                if f.name.lower().endswith(".txt") and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ]
            files.extend(sorted(found, key=lambda f: f.relative_to(p).as_posix()))
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return files


def read_bytes(data: bytes, id: str | None, source: str) -> Item:
    """One document from raw bytes: decoded, checked for content, or the error that stops it."""
    try:
        text, warnings = decode_text(data)
    except DecodeError as e:
        return DocumentError(id, source, str(e), len(data))
    if _is_blank(text):
        return DocumentError(id, source, "empty document (no text)" if not text else "empty document (whitespace only)", len(data))
    return Document(id, text, source, warnings, len(data))


def read_txt(path: str | os.PathLike[str]) -> Item:
    """A text file as one document; its id is the file stem (the name without ``.txt``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        return DocumentError(_doc_id(path), _source(path), f"cannot read file: {e.strerror or e}")
    return read_bytes(data, _doc_id(path), _source(path))


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _json_line(raw: bytes, source: str, lineno: int) -> Item:
    nbytes = len(raw)
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as e:
        return DocumentError(None, source, f"line is not UTF-8 (invalid byte at column {e.start + 1})", nbytes)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return DocumentError(None, source, f"malformed JSON: {e.msg} at column {e.colno}", nbytes)
    if not isinstance(obj, dict):
        return DocumentError(None, source, f"a line must be a JSON object, got {type(obj).__name__}", nbytes)
    doc_id = obj.get("id")
    if isinstance(doc_id, bool) or not (doc_id is None or isinstance(doc_id, (str, int))):
        return DocumentError(None, source, f"id must be a string or an integer, got {type(doc_id).__name__}", nbytes)
    if doc_id is not None:
        doc_id, _ = _repair_surrogates(str(doc_id))
        if not doc_id.strip():
            return DocumentError(None, source, "id is empty", nbytes)
    if "text" not in obj:
        return DocumentError(doc_id, source, "no 'text' field", nbytes)
    text = obj["text"]
    if not isinstance(text, str):
        return DocumentError(doc_id, source, f"'text' must be a string, got {type(text).__name__ if text is not None else 'null'}", nbytes)
    if _is_blank(text):
        return DocumentError(doc_id, source, "empty document (no text)" if not text else "empty document (whitespace only)", nbytes)
    text, warnings = _repair_surrogates(text)
    return Document(doc_id, text, source, warnings, nbytes)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[Item]:
    """One item per non-blank line of a JSONL file (``.gz`` is decompressed).

    A line's source is ``path:line``. A file that cannot be opened, or a
    compressed stream that breaks off, gives one error for the rest of the file.
    """
    path = Path(path)
    src = _source(path)
    try:
        f = _open_binary(path)
    except OSError as e:
        yield DocumentError(None, src, f"cannot read file: {e.strerror or e}")
        return
    with f:
        yield from read_jsonl_stream(f, src)


def read_jsonl_stream(stream: IO[bytes], source: str) -> Iterator[Item]:
    """One item per non-blank line of a binary stream of JSONL; sources are ``source:line``."""
    lineno = 0
    try:
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            yield _json_line(raw, f"{source}:{lineno}", lineno)
    except (OSError, EOFError, zlib.error) as e:
        reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
        yield DocumentError(None, f"{source}:{lineno + 1}", f"cannot read the rest of the file: {reason}")


def read_files(files: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Every document in ``files``: JSONL files line by line, any other file as one text document."""
    for path in files:
        if is_jsonl(path):
            yield from read_jsonl(path)
        else:
            yield read_txt(path)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Every document under ``paths`` (see :func:`expand_paths`), in a deterministic order."""
    yield from read_files(expand_paths(paths))


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of up to ``size`` items, in order.

    >>> [len(b) for b in batched(range(5), 2)]
    [2, 2, 1]
    """
    if size < 1:
        raise ValueError("batch size must be at least 1")
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
