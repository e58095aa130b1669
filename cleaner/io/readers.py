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
import errno
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
    "walk_folder",
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
            utf16 = _utf16_detected(data)
            if utf16 is not None:
                return utf16
            raise DecodeError("binary data (NUL bytes), not text")
        data = data.replace(b"\x00", b"")
        warnings = (f"removed {nuls} NUL byte(s)",)
    if b"\x1b" in data and data.isascii() and _ISO2022_ESCAPE.search(data):
        iso2022 = _iso2022(data)
        if iso2022 is not None:
            return iso2022[0], warnings + iso2022[1]
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


def _wordy(text: str) -> bool:
    """True when the start of ``text`` is made of letters, digits, punctuation and spaces (as text is)."""
    head = text[:4096]
    wordy = sum(1 for c in head if c in "\n\r\t" or unicodedata.category(c)[0] in "LNPZ")
    return wordy >= len(head) * 0.95


def _utf16_detected(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-16 (or UTF-32) without a byte-order mark in a script whose characters do not put a NUL in
    every other byte (Cyrillic, Greek, Arabic, CJK...): what charset-normalizer detects on the first
    64 KB, when it is a UTF-16/32 encoding and the whole of ``data`` decodes to text with it."""
    if len(data) % 2:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 16]).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    encoding = best.encoding.replace("_", "-")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _wordy(text):
        return None
    try:
        return _check_text(text), (f"no byte-order mark; decoded as {encoding} (detected)",)
    except DecodeError:
        return None


# The escape sequences that switch an ISO-2022 text (Japanese, Korean, Chinese mail and old pages) into
# and out of its character sets.
_ISO2022_ESCAPE = regex.compile(rb"\x1b(?:\$[@AB]|\$\([CDG-M]|\$\)[ACEG]|\$\*H|\([BIJ]|\.[AF]|N)")
_ISO2022 = ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_kr")


def _iso2022(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """7-bit ISO-2022 text (its escape sequences switch character sets): the first ISO-2022 codec that
    decodes all of it, else None."""
    for encoding in _ISO2022:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x1b" in text or not _wordy(text):
            continue
        try:
            return _check_text(text), (f"not UTF-8; decoded as {encoding.replace('_', '-')} (detected from its escape sequences)",)
        except DecodeError:
            continue
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


def blank_reason(text: str) -> str:
    """Why a blank text (see :func:`_is_blank`) is no document: empty, only whitespace (spaces,
    newlines, invisible characters such as U+200B), or control characters.

    >>> blank_reason(""), blank_reason(" \\n\\u200b"), blank_reason("\\x01\\x02 ")
    ('empty document (no text)', 'empty document (whitespace only)', 'empty document (only control characters and whitespace)')
    """
    if not text:
        return "empty document (no text)"
    if any(unicodedata.category(c) == "Cc" and not c.isspace() for c in text):
        return "empty document (only control characters and whitespace)"
    return "empty document (whitespace only)"


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    """True for ``.jsonl``, ``.ndjson`` and their ``.gz`` forms."""
    return str(path).lower().endswith(JSONL_SUFFIXES)


def _printable(name: str) -> str:
    """A file name as valid Unicode: bytes the file system could not decode become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _source(path: Path) -> str:
    return _printable(path.as_posix())


def source_name(path: str | os.PathLike[str]) -> str:
    """How a path is named in sources: URLs as given, local paths in POSIX form (bytes of the
    name that are not UTF-8 become U+FFFD, so records and messages stay valid text)."""
    return path if is_url(path) else _source(Path(path))


def open_input(path: str | os.PathLike[str]) -> IO[bytes]:
    """A binary file object for a local path or an fsspec URL."""
    if is_url(path):
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def _doc_id(path: Path) -> str:
    return _printable(path.stem) or _printable(path.name)


def walk_folder(
    root: Path, suffixes: tuple[str, ...], problems: list[DocumentError] | None = None
) -> tuple[list[Path], list[Path]]:
    """The files in folder ``root`` whose names end in ``suffixes``, and the other files, both sorted
    by relative path; hidden files and folders are left out.

    Links to folders are followed once: a link back to a folder being walked (a loop) is not.
    What cannot be walked is appended to ``problems`` as a :class:`DocumentError` (its id None,
    its source the path): a folder that cannot be read, a link that points nowhere, a link loop.
    """
    found: list[tuple[str, Path]] = []
    skipped: list[Path] = []

    def problem(path: Path, reason: str) -> None:
        if problems is not None:
            problems.append(DocumentError(None, _source(path), reason))

    def walk(folder: Path, rel: str, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            problem(folder, f"cannot read folder: {e.strerror or e}")
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = folder / name
            sub = f"{rel}/{name}" if rel else name
            try:
                is_dir = entry.is_dir()  # follows links
                is_file = not is_dir and entry.is_file()
                if entry.is_symlink() and not (is_dir or is_file) and not os.path.exists(path):
                    problem(path, "broken symbolic link (its target does not exist)")
                    continue
                if is_dir:
                    st = entry.stat()
                    key = (st.st_dev, st.st_ino)
                    if key in ancestors:
                        problem(path, "symbolic link loop (a link to a folder that contains it); not followed")
                        continue
                    walk(path, sub, ancestors | {key})
                elif is_file:
                    if name.lower().endswith(suffixes):
                        found.append((sub, path))
                    else:
                        skipped.append(path)
            except OSError as e:
                if e.errno == errno.ELOOP:
                    problem(path, "symbolic link loop (a link that points to itself); not followed")
                else:
                    problem(path, f"cannot read: {e.strerror or e}")

    try:
        st = root.stat()
        top = frozenset({(st.st_dev, st.st_ino)})
    except OSError:
        top = frozenset()
    walk(root, "", top)
    found.sort(key=lambda x: x[0])
    return [p for _, p in found], sorted(skipped)


def expand_paths(paths: Iterable[str | os.PathLike[str]], problems: list[DocumentError] | None = None) -> list[Path]:
    """The input files named by ``paths``: files as given, folders as their ``.txt`` files.

    Folders are walked recursively; their files are sorted by relative path so
    every run reads them in the same order. Hidden files and folders are skipped;
    what cannot be walked goes to ``problems`` (see :func:`walk_folder`).
    Raises FileNotFoundError for a path that does not exist.
    """
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(walk_folder(p, (".txt",), problems)[0])
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
        return DocumentError(id, source, blank_reason(text), len(data))
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
        # some of json's messages end in "at" already ("Invalid control character at")
        msg = e.msg[:-3] if e.msg.endswith(" at") else e.msg
        return DocumentError(None, source, f"malformed JSON: {msg} at column {e.colno}", nbytes)
    except ValueError as e:  # an integer of more digits than Python converts (sys.get_int_max_str_digits)
        return DocumentError(None, source, f"unreadable JSON: {str(e).split(';')[0]}", nbytes)
    except RecursionError:
        return DocumentError(None, source, "unreadable JSON: nested too deeply (arrays or objects inside each other)", nbytes)
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
        return DocumentError(doc_id, source, blank_reason(text), nbytes)
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
