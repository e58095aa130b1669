"""Column-oriented input readers: Parquet files and Hugging Face datasets, as streams of items.

Both sources hold Arrow data, so both go through :func:`items_from_arrow`,
which turns one Arrow batch into items: a :class:`~cleaner.io.readers.Document`
per row, or a :class:`~cleaner.io.readers.DocumentError` for a row that has
no usable text. A file whose text column is missing or is not a string column
gives one error item for the whole file, never an exception.

A row's source is ``PATH:N`` with N the 1-based row number in the file (the
same convention as ``PATH:LINE`` for JSONL), so the Dask engine, which reads
row groups on the workers, names documents exactly as :func:`read_parquet` does.

Paths may be local paths or fsspec URLs (``s3://bucket/x.parquet``,
``hf://datasets/org/name/x.parquet``); URLs need the matching fsspec
implementation (s3fs, huggingface_hub) installed.

>>> import pyarrow as pa
>>> batch = pa.record_batch({"text": ["Some text.", None], "key": [7, 8]})
>>> [type(i).__name__ for i in items_from_arrow(batch, text_column="text", id_column="key", source="t.parquet")]
['Document', 'DocumentError']
>>> next(items_from_arrow(batch, text_column="text", id_column="key", source="t.parquet")).source
't.parquet:1'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from .readers import Document, DocumentError, Item, _is_blank, blank_reason, is_url, open_input, read_files, source_name

__all__ = [
    "DEFAULT_BATCH_ROWS",
    "PARQUET_SUFFIXES",
    "ColumnError",
    "is_parquet",
    "is_url",
    "source_name",
    "open_input",
    "check_columns",
    "items_from_arrow",
    "read_parquet",
    "parquet_row_groups",
    "read_parquet_rows",
    "read_hf_dataset",
    "read_inputs",
]

DEFAULT_BATCH_ROWS = 1024
PARQUET_SUFFIXES = (".parquet", ".pq")


class ColumnError(ValueError):
    """The text or id column a reader was told to use is missing or has the wrong type."""


def is_parquet(path: str | os.PathLike[str]) -> bool:
    """True for ``.parquet`` (and ``.pq``) files."""
    return str(path).lower().endswith(PARQUET_SUFFIXES)


def _is_text_type(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):  # dictionary-encoded strings (pandas categoricals, Spark, DuckDB)
        return _is_text_type(t.value_type)
    return pa.types.is_string(t) or pa.types.is_large_string(t) or getattr(pa.types, "is_string_view", lambda _: False)(t)


def _is_id_type(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        return _is_id_type(t.value_type)
    return _is_text_type(t) or pa.types.is_integer(t)


def check_columns(schema: pa.Schema, text_column: str, id_column: str | None) -> None:
    """Raise :class:`ColumnError` unless ``schema`` has a string ``text_column`` and a usable ``id_column``."""
    names = schema.names
    if text_column not in names:
        raise ColumnError(f"no text column {text_column!r} (columns: {', '.join(names) or 'none'})")
    t = schema.field(text_column).type
    if not _is_text_type(t):
        raise ColumnError(f"text column {text_column!r} must be a string column, got {t}")
    if id_column is not None:
        if id_column not in names:
            raise ColumnError(f"no id column {id_column!r} (columns: {', '.join(names) or 'none'})")
        t = schema.field(id_column).type
        if not _is_id_type(t):
            raise ColumnError(f"id column {id_column!r} must be a string or integer column, got {t}")


def items_from_arrow(
    batch: pa.RecordBatch | pa.Table,
    *,
    text_column: str,
    id_column: str | None,
    source: str,
    first_row: int = 0,
) -> Iterator[Item]:
    """One item per row of ``batch``; ``first_row`` is the 0-based row number of its first row in the file.

    The columns must have passed :func:`check_columns`. A null or blank text
    gives a :class:`DocumentError`; a null id leaves the id to the cleaner
    (a hash of the text).
    """
    texts = batch.column(text_column).to_pylist()
    ids = batch.column(id_column).to_pylist() if id_column is not None else [None] * len(texts)
    for i, (doc_id, text) in enumerate(zip(ids, texts)):
        src = f"{source}:{first_row + i + 1}"
        if doc_id is not None:
            doc_id = str(doc_id)
            if not doc_id.strip():
                yield DocumentError(None, src, "id is empty")
                continue
        if text is None:
            yield DocumentError(doc_id, src, f"{text_column!r} is null")
            continue
        nbytes = len(text.encode("utf-8"))
        if _is_blank(text):
            yield DocumentError(doc_id, src, blank_reason(text), nbytes)
            continue
        yield Document(doc_id, text, src, (), nbytes)


def parquet_row_groups(path: str | os.PathLike[str], text_column: str = "text", id_column: str | None = None) -> list[int]:
    """The row counts of the row groups of a Parquet file, after checking its columns.

    Raises OSError when the file cannot be read, :class:`ColumnError` for bad columns,
    and ``pyarrow.ArrowInvalid`` when it is not a Parquet file.
    """
    with open_input(path) as f:
        md = pq.ParquetFile(f).metadata
        check_columns(md.schema.to_arrow_schema(), text_column, id_column)
        return [md.row_group(i).num_rows for i in range(md.num_row_groups)]


def read_parquet_rows(
    path: str | os.PathLike[str],
    row_group: int,
    start: int,
    stop: int,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    first_row: int = 0,
) -> list[Item]:
    """The items of rows ``start:stop`` of one row group (``first_row``: the group's first row in the file).

    This is one task of the Dask engine: a pure function of its arguments.
    """
    columns = [text_column] + ([id_column] if id_column is not None and id_column != text_column else [])
    with open_input(path) as f:
        table = pq.ParquetFile(f).read_row_group(row_group, columns=columns)
    check_columns(table.schema, text_column, id_column)
    part = table.slice(start, stop - start)
    return list(items_from_arrow(part, text_column=text_column, id_column=id_column,
                                 source=source_name(path), first_row=first_row + start))


def _file_error(src: str, e: BaseException) -> DocumentError:
    if isinstance(e, ColumnError):
        return DocumentError(None, src, str(e))
    if isinstance(e, OSError) and not isinstance(e, pa.ArrowException):
        return DocumentError(None, src, f"cannot read file: {e.strerror or e}")
    return DocumentError(None, src, f"not a readable Parquet file: {e}")


def read_parquet(
    path: str | os.PathLike[str],
    text_column: str = "text",
    id_column: str | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> Iterator[Item]:
    """One item per row of a Parquet file, read ``batch_rows`` rows at a time (memory stays bounded).

    ``text_column`` holds the documents; ``id_column`` (optional; string or
    integer) their ids. A file that cannot be read, or whose columns do not
    fit, gives one :class:`DocumentError` with the file as its source.
    """
    if batch_rows < 1:
        raise ValueError("batch_rows must be at least 1")
    src = source_name(path)
    columns = [text_column] + ([id_column] if id_column is not None and id_column != text_column else [])
    try:
        f = open_input(path)
    except (OSError, ValueError) as e:
        yield _file_error(src, e)
        return
    with f:
        row = 0
        try:
            pf = pq.ParquetFile(f)
            check_columns(pf.schema_arrow, text_column, id_column)
            batches = pf.iter_batches(batch_size=batch_rows, columns=columns)
            for batch in batches:
                yield from items_from_arrow(batch, text_column=text_column, id_column=id_column, source=src, first_row=row)
                row += batch.num_rows
        except (OSError, ValueError, pa.ArrowException, ColumnError) as e:
            if row:
                yield DocumentError(None, f"{src}:{row + 1}", f"cannot read the rest of the file: {e}")
            else:
                yield _file_error(src, e)


def read_hf_dataset(
    path_or_name: str | os.PathLike[str],
    split: str = "train",
    text_column: str = "text",
    id_column: str | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    **load_options: Any,
) -> Iterator[Item]:
    """One item per row of a Hugging Face dataset: a folder written by ``save_to_disk``, or a Hub dataset.

    A local folder is opened with ``datasets.load_from_disk`` (a ``DatasetDict``
    gives its ``split``); any other name is loaded from the Hub with
    ``streaming=True`` (``load_options`` go to ``datasets.load_dataset``, e.g.
    ``name=`` for a configuration). Sources are ``NAME[split]:N``.
    """
    import datasets

    src = f"{source_name(path_or_name)}[{split}]"
    local = not is_url(path_or_name) and Path(path_or_name).is_dir()
    try:
        if local:
            ds = datasets.load_from_disk(str(path_or_name))
            if isinstance(ds, datasets.DatasetDict):
                if split not in ds:
                    raise KeyError(f"no split {split!r} (splits: {', '.join(ds)})")
                ds = ds[split]
            schema = ds.features.arrow_schema
        else:
            ds = datasets.load_dataset(str(path_or_name), split=split, streaming=True, **load_options)
            schema = ds.features.arrow_schema if ds.features is not None else None
        if schema is not None:
            check_columns(schema, text_column, id_column)
    except ColumnError as e:
        yield DocumentError(None, src, str(e))
        return
    except (OSError, ValueError, KeyError, FileNotFoundError) as e:
        yield DocumentError(None, src, f"cannot open the dataset: {e}")
        return

    row = 0
    if local:
        arrow = ds.with_format("arrow")
        for start in range(0, ds.num_rows, batch_rows):
            table = arrow[start:start + batch_rows]
            yield from items_from_arrow(table, text_column=text_column, id_column=id_column, source=src, first_row=start)
        return
    for batch in ds.iter(batch_size=batch_rows):
        columns = {text_column: batch.get(text_column, [])}
        if id_column is not None:
            columns[id_column] = batch.get(id_column, [None] * len(columns[text_column]))
        try:
            table = pa.table(columns)
            check_columns(table.schema, text_column, id_column)
        except (ColumnError, pa.ArrowException) as e:
            yield DocumentError(None, f"{src}:{row + 1}", f"unusable rows: {e}")
            return
        yield from items_from_arrow(table, text_column=text_column, id_column=id_column, source=src, first_row=row)
        row += table.num_rows


def read_inputs(
    files: Iterable[str | os.PathLike[str]],
    *,
    text_column: str = "text",
    id_column: str | None = None,
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> Iterator[Item]:
    """Every document in ``files``: Parquet by rows, ``.jsonl.zst`` by lines, anything else as
    :func:`cleaner.io.readers.read_files` reads it (JSONL, gzip'd JSONL, text files)."""
    from .readers_zstd import is_jsonl_zst, read_jsonl_zst

    for path in files:
        if is_parquet(path):
            yield from read_parquet(path, text_column=text_column, id_column=id_column, batch_rows=batch_rows)
        elif is_jsonl_zst(path):
            yield from read_jsonl_zst(path)
        else:
            yield from read_files([path])
