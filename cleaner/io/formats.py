"""Input and output formats by name: what ``--input-format`` / ``--output-format`` say, what a
path's extension says, standard input (``-``), web archives (WARC / WET) and HTML.

Input formats: ``txt`` (a file is one document), ``jsonl`` (``{"id", "text"}`` per line; ``.gz``
and ``.zst`` decompressed), ``parquet`` (a string column per row), ``warc`` (Common Crawl WET
conversion records, and HTML or text response records of a full WARC) and ``html`` (a file is
one HTML page, converted to text). Output formats: ``jsonl``, ``jsonl.gz``, ``jsonl.zst`` (with
``zstandard``) and ``parquet``.

HTML given where text is expected (a ``.txt`` file, a JSONL ``text``, standard input) is never
cleaned as text with its tags: with the optional ``html`` extra (``inscriptis``) it is converted
to text first, with a warning that says so; without it each such document is an error that says
what to install.

>>> input_format("crawl/CC-MAIN-0001.warc.wet.gz"), input_format("a.jsonl.zst"), input_format("notes.txt")
('warc', 'jsonl', 'txt')
>>> output_format("out.jsonl.zst"), output_format("-")
('jsonl.zst', 'jsonl')
>>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("A <b>bold</b> claim.")
(True, False)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

import regex

from .readers import JSONL_SUFFIXES, _printable, Document, DocumentError, Item, decode_text, read_bytes, read_jsonl, read_jsonl_stream, read_txt, walk_folder

__all__ = [
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "FormatError",
    "describe_skipped",
    "input_format",
    "output_format",
    "folder_suffixes",
    "expand_inputs",
    "read_sources",
    "read_stdin",
    "read_warc",
    "read_html_file",
    "looks_like_html",
    "html_to_text",
    "STDIN",
]

STDIN = "-"
INPUT_FORMATS = ("txt", "jsonl", "parquet", "warc", "html")
OUTPUT_FORMATS = ("jsonl", "jsonl.gz", "jsonl.zst", "parquet")

_ZST = (".jsonl.zst", ".ndjson.zst")
_WARC = (".warc", ".warc.gz", ".wet", ".wet.gz", ".warc.wet", ".warc.wet.gz")
_HTML = (".html", ".htm", ".html.gz")
_PARQUET = (".parquet", ".pq")
_SUFFIXES = {
    "txt": (".txt",),
    "jsonl": JSONL_SUFFIXES + _ZST,
    "parquet": _PARQUET,
    "warc": _WARC,
    "html": _HTML,
}
_OUTPUT_SUFFIXES = (
    (".jsonl.gz", "jsonl.gz"), (".ndjson.gz", "jsonl.gz"),
    (".jsonl.zst", "jsonl.zst"), (".ndjson.zst", "jsonl.zst"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".parquet", "parquet"),
)


class FormatError(ValueError):
    """A path whose format cannot be told from its name, or a format that cannot be written here."""


def input_format(path: str | os.PathLike[str]) -> str:
    """The input format a path's extension names (``txt`` for any other)."""
    name = str(path).lower()
    for fmt in ("warc", "jsonl", "parquet", "html"):
        if name.endswith(_SUFFIXES[fmt]):
            return fmt
    return "txt"


def folder_suffixes(fmt: str | None) -> tuple[str, ...]:
    """The file extensions a folder is searched for: ``.txt`` by default, else the format's."""
    return _SUFFIXES["txt" if fmt is None else fmt]


def output_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The output format: ``fmt`` when given, else the one the extension names (``-`` is JSONL).

    Raises :class:`FormatError` for an extension that names no output format (``.csv``, ``.txt``):
    records are not silently written as JSONL under another name.
    """
    if fmt is not None:
        if fmt not in OUTPUT_FORMATS:
            raise FormatError(f"unknown output format {fmt!r}; one of {', '.join(OUTPUT_FORMATS)}")
        return fmt
    if str(path) == STDIN:
        return "jsonl"
    name = str(path).lower()
    for suffix, found in _OUTPUT_SUFFIXES:
        if name.endswith(suffix):
            return found
    ext = "".join(Path(name.rsplit("/", 1)[-1]).suffixes[-2:]) or "no extension"
    raise FormatError(f"cannot write records to {path} ({ext}): name it .jsonl, .jsonl.gz, .jsonl.zst or .parquet, "
                      "or give --output-format")


def expand_inputs(
    paths: Iterable[str | os.PathLike[str]], fmt: str | None = None, problems: list[DocumentError] | None = None
) -> tuple[list[Path], list[Path]]:
    """The input files named by ``paths`` and the files folders held that were skipped.

    Files are taken as given (``-`` is standard input); folders are walked recursively for the
    format's extensions (``.txt`` unless ``fmt`` says otherwise), in sorted order, hidden files
    and folders left out. What a folder holds that cannot be walked (an unreadable folder, a broken
    link, a link loop) goes to ``problems`` as error items. Raises FileNotFoundError for a path
    that does not exist.
    """
    suffixes = folder_suffixes(fmt)
    files: list[Path] = []
    skipped: list[Path] = []
    for raw in paths:
        if str(raw) == STDIN:
            files.append(Path(STDIN))
            continue
        p = Path(raw)
        if p.is_dir():
            found, other = walk_folder(p, suffixes, problems)
            files.extend(found)
            skipped.extend(other)
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return files, sorted(skipped)


def describe_skipped(skipped: list[Path], fmt: str | None = None) -> str:
    """One note naming the files :func:`expand_inputs` left out of the folders (the first five, then a count)."""
    names = ", ".join(p.as_posix() for p in skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
    wanted = "/".join(folder_suffixes(fmt))
    return (f"note: skipped {len(skipped)} file(s) in the folders that are not {wanted}: {names} "
            "(--input-format picks another kind)")


# -- HTML --------------------------------------------------------------------------------------

_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", regex.I | regex.S)
_BLOCK_CLOSE = regex.compile(r"</(?:p|div|li|td|tr|h[1-6]|article|section|span|a)\s*>", regex.I)
_MIN_BLOCK_CLOSES = 5


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment: it starts like one (``<!doctype html>``, ``<html>``,
    ``<head>``, ``<body>``) or closes at least five block or link elements (``</p>``, ``</div>``, ...).
    Plain text with a stray ``<b>`` or ``a < b`` is not HTML."""
    if _HTML_START.match(text[:4096]):
        return True
    return len(_BLOCK_CLOSE.findall(text, endpos=1 << 20)) >= _MIN_BLOCK_CLOSES


def _inscriptis():
    try:
        from inscriptis import get_text
    except ImportError:
        return None
    return get_text


_NO_HTML = ("the document is HTML, not text; install the html extra (pip install 'cleaner[html]', which brings "
            "inscriptis) to convert it to text, or give text")


def html_to_text(html: str) -> str | None:
    """The text of an HTML page (blocks as paragraphs), or None when ``inscriptis`` is not installed."""
    get_text = _inscriptis()
    if get_text is None:
        return None
    text = get_text(html)
    # inscriptis indents list items and keeps blank-only lines; the cleaner wants paragraphs
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _from_html(doc: Document, html: str) -> Item:
    text = html_to_text(html)
    if text is None:
        return DocumentError(doc.id, doc.source, _NO_HTML, doc.nbytes)
    if not text.strip():
        return DocumentError(doc.id, doc.source, "HTML without text", doc.nbytes)
    return Document(doc.id, text, doc.source, doc.warnings + ("HTML converted to text (inscriptis)",), doc.nbytes)


def _unhtml(items: Iterable[Item]) -> Iterator[Item]:
    """Documents that are HTML converted to text (or an error without the converter)."""
    for item in items:
        if isinstance(item, Document) and "<" in item.text and looks_like_html(item.text):
            yield _from_html(item, item.text)
        else:
            yield item


def read_html_file(path: str | os.PathLike[str]) -> Item:
    """An HTML file as one document of its text; its id is the file name without the extension."""
    item = read_txt(path)
    if isinstance(item, DocumentError):
        return item
    name = Path(path).name
    for suffix in _HTML:
        if name.lower().endswith(suffix):
            item = Document(name[: -len(suffix)] or name, item.text, item.source, item.warnings, item.nbytes)
            break
    return _from_html(item, item.text)


# -- standard input ----------------------------------------------------------------------------


def read_stdin(fmt: str = "txt", stream: IO[bytes] | None = None) -> Iterator[Item]:
    """Standard input as documents: one text document (``txt``), one per line (``jsonl``), or a WARC."""
    stream = stream if stream is not None else sys.stdin.buffer
    if fmt == "jsonl":
        yield from read_jsonl_stream(stream, "stdin")
    elif fmt == "warc":
        yield from _warc_records(stream, "stdin")
    elif fmt == "txt" or fmt == "html":
        item = read_bytes(stream.read(), "stdin", "stdin")
        if fmt == "html" and isinstance(item, Document):
            item = _from_html(item, item.text)
        yield item
    else:
        raise FormatError(f"standard input cannot be read as {fmt}; use txt, jsonl, warc or html")


# -- web archives ------------------------------------------------------------------------------


def _warcio():
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        return None
    return ArchiveIterator


def read_warc(path: str | os.PathLike[str]) -> Iterator[Item]:
    """The documents of a WARC file (``.warc``, ``.warc.gz``, Common Crawl ``.warc.wet.gz``), streamed
    record by record: a WET ``conversion`` record is one text document, a ``response`` record with
    an HTML or text body one document (HTML converted to text). Ids are ``URI@DATE`` from the
    record's ``WARC-Target-URI`` and ``WARC-Date``; sources are the URI. Needs ``warcio``."""
    src = _printable(Path(path).as_posix())
    try:
        f = open(path, "rb")
    except OSError as e:
        yield DocumentError(None, src, f"cannot read file: {e.strerror or e}")
        return
    with f:
        yield from _warc_records(f, src)


_TEXTUAL = ("text/html", "application/xhtml+xml", "text/plain")


def _warc_records(stream: IO[bytes], src: str) -> Iterator[Item]:
    ArchiveIterator = _warcio()
    if ArchiveIterator is None:
        yield DocumentError(None, src, "cannot read WARC files: install the warc extra (pip install 'cleaner[warc]', "
                                       "which brings warcio)")
        return
    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            kind = record.rec_type
            if kind not in ("conversion", "response", "resource"):
                continue  # warcinfo, request, metadata, revisit: not documents
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{src}#record{n}"
            date = record.rec_headers.get_header("WARC-Date")
            doc_id = f"{uri}@{date}" if date else uri
            data = record.content_stream().read()
            if record.length is None or (kind != "response" and len(data) < int(record.length)):
                got = f"{len(data)} of {record.length} bytes" if record.length is not None else "no Content-Length"
                yield DocumentError(doc_id, uri, f"the record is truncated ({got}); the WARC file breaks off here", len(data))
                return
            if kind == "conversion":
                yield from _unhtml([read_bytes(data, doc_id, uri)])
                continue
            ctype = ""
            if record.http_headers is not None:
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            else:
                ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
            mime = ctype.split(";", 1)[0].strip()
            if mime and mime not in _TEXTUAL:
                yield DocumentError(doc_id, uri, f"not a text or HTML response ({mime})", len(data))
                continue
            item = read_bytes(data, doc_id, uri)
            if isinstance(item, Document) and (mime in ("text/html", "application/xhtml+xml") or looks_like_html(item.text)):
                item = _from_html(item, item.text)
            yield item
    except Exception as e:  # a truncated or corrupt archive: the rest of it is one error
        yield DocumentError(None, src, f"cannot read the rest of the WARC file: {type(e).__name__}: {e}")


# -- every input -------------------------------------------------------------------------------


def read_sources(
    files: Iterable[str | os.PathLike[str]],
    fmt: str | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
) -> Iterator[Item]:
    """Every document in ``files``, each read as ``fmt`` or as its extension says; HTML where text
    was expected is converted (see the module's description)."""
    for path in files:
        f = fmt or input_format(path)
        if str(path) == STDIN:
            items: Iterable[Item] = read_stdin(f)
        elif f == "parquet":
            from .readers_parquet import read_parquet  # pyarrow: imported only for Parquet input

            items = read_parquet(path, text_column=text_column, id_column=id_column)
        elif f == "jsonl" and str(path).lower().endswith(_ZST):
            from .readers_zstd import read_jsonl_zst

            items = read_jsonl_zst(path)
        elif f == "jsonl":
            items = read_jsonl(path)
        elif f == "warc":
            yield from read_warc(path)
            continue
        elif f == "html":
            yield read_html_file(path)
            continue
        else:
            items = [read_txt(path)]
        yield from _unhtml(items)
