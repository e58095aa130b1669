"""Hugging Face ``datasets`` integration: records as a ``Dataset``, published versions loaded back, and
a batched cleaning function for ``Dataset.map``.

``extra`` (a free-form mapping in a record) is a list of ``{"key", "value"}``
pairs in Arrow and therefore here too; :func:`cleaner.schema.from_arrow_row`
turns a row back into a record.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from .article import Article
from .config import CleanerConfig
from .schema import arrow_schema, features, records_to_table

if TYPE_CHECKING:  # datasets ships no type information; its names still document the return types
    import datasets

__all__ = ["to_dataset", "load", "read_table", "clean_batch", "map_features", "clean_dataset"]


def _dataset_from_table(table: pa.Table, split: str | None = "train") -> "datasets.Dataset":
    import datasets

    feats = features()
    extra = [f for f in table.schema if f.name not in feats]
    if extra:
        feats = datasets.Features({**feats, **datasets.Features.from_arrow_schema(pa.schema(extra))})
    table = table.cast(feats.arrow_schema)
    info = datasets.DatasetInfo(features=feats)
    return datasets.Dataset(datasets.table.InMemoryTable(table), info=info, split=split)


def to_dataset(records_or_articles: Iterable[Mapping[str, Any] | Article]) -> "datasets.Dataset":
    """Records (or :class:`~cleaner.Article` values) as an in-memory ``datasets.Dataset`` with the record Features.

    >>> import cleaner
    >>> ds = to_dataset([cleaner.clean("Views: 3\\n\\nA body long enough to be kept as the text.", id="a")])
    >>> ds[0]["id"], ds[0]["views"], ds.features["views"].dtype
    ('a', 3, 'int64')
    """
    records = (r.to_record() if isinstance(r, Article) else dict(r) for r in records_or_articles)
    return _dataset_from_table(records_to_table(records))


def _conform(table: pa.Table, expected: pa.Schema) -> pa.Table:
    """A table read from an older or newer minor schema version, in the current column layout.

    Columns the file lacks are filled with nulls; columns it has that the current
    schema does not know are kept after the known ones.
    """
    n = table.num_rows
    columns, fields = [], []
    for f in expected:
        if f.name in table.column_names:
            col = table[f.name]
            if not col.type.equals(f.type):
                col = col.cast(f.type)
            columns.append(col)
            fields.append(f)
        else:
            columns.append(pa.nulls(n, f.type))
            fields.append(f.with_nullable(True))
    for name in table.column_names:
        if name not in expected.names:
            columns.append(table[name])
            fields.append(table.schema.field(name))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields, metadata=expected.metadata))


def _read_shard(version_path, entry: Any, verify: bool) -> pa.Table:
    """One shard a manifest lists, read once; with ``verify`` its bytes must match the manifest's size
    and SHA-256 (the same bytes are then parsed, so nothing can change in between)."""
    import hashlib

    from .dataset.verify import outside_version
    from .dataset.versions import DatasetError, data_file_path

    rel = entry.get("path") if isinstance(entry, dict) else None
    path = data_file_path(version_path, rel)
    if not verify:
        return pq.read_table(path)
    why = outside_version(version_path, path)
    if why is not None:
        raise DatasetError(f"{path} {why}; not loaded (cleaner verify reports it)")
    sha = entry.get("sha256")
    if not isinstance(sha, str) or not sha:
        raise DatasetError(f"{path}: the manifest gives no sha256 for it, so it cannot be checked; not loaded "
                           "(verify=False loads it unchecked)")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DatasetError(f"{path} cannot be read: {e.strerror or e}") from None
    if isinstance(entry.get("size"), int) and len(data) != entry["size"]:
        raise DatasetError(f"{path} has {len(data)} bytes, the manifest says {entry['size']}: the file changed or is damaged; not loaded")
    if hashlib.sha256(data).hexdigest() != sha.lower():
        raise DatasetError(f"{path} does not match the SHA-256 in the manifest: the file changed or is damaged; not loaded "
                           "(`cleaner verify` says more)")
    return pq.read_table(pa.BufferReader(data))


def read_table(dataset_dir: str | os.PathLike[str], version: str | None = None, columns: Sequence[str] | None = None,
               *, verify: bool = True) -> pa.Table:
    """The rows of one published version (``LATEST`` by default) as an Arrow table in the current schema.

    verify: check each shard's size and SHA-256 against the manifest before using it (the
            default; a mismatch, a missing checksum or a link out of the version folder is a
            :class:`~cleaner.dataset.DatasetError`); False reads the shards unchecked.
    """
    from .dataset.manifest import read_manifest
    from .dataset.versions import DatasetError, resolve_version, version_dir

    version = resolve_version(dataset_dir, version)
    path = version_dir(dataset_dir, version)
    entries = read_manifest(path).get("files") or []
    if not isinstance(entries, list):
        raise DatasetError(f"{path}: the manifest's 'files' is not a list")
    expected = arrow_schema(1)
    tables = [_conform(_read_shard(path, entry, verify), expected) for entry in entries]
    if not tables:
        table = expected.empty_table()
    else:
        table = pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]
    return table.select(list(columns)) if columns is not None else table


def load(dataset_dir: str | os.PathLike[str], version: str | None = None, *, verify: bool = True) -> "datasets.Dataset":
    """A published version of a dataset directory (``LATEST`` by default) as a ``datasets.Dataset``.

    Each shard's size and SHA-256 are checked against the manifest first (``verify=False``
    skips that): a damaged or changed shard raises :class:`~cleaner.dataset.DatasetError`
    instead of loading other rows. Versions written with an older minor record schema load
    too: fields added since then are null. The rows are read into memory; for a version larger
    than memory use ``datasets.load_dataset(str(version_dir), streaming=True)`` (which checks
    nothing: run ``cleaner verify`` first).
    """
    return _dataset_from_table(read_table(dataset_dir, version, verify=verify))


_CLEANERS: dict[CleanerConfig, Any] = {}


def _cleaner(options: Mapping[str, Any]):
    from .pipeline import Cleaner

    config = options["config"] if "config" in options else CleanerConfig(**options)
    if not isinstance(config, CleanerConfig):
        raise TypeError(f"config must be a CleanerConfig, not {type(config).__name__}")
    if config not in _CLEANERS:
        _CLEANERS[config] = Cleaner(config)
    return _CLEANERS[config]


def clean_batch(
    batch: Mapping[str, list[Any]],
    text_column: str = "text",
    id_column: str | None = None,
    source_column: str | None = None,
    **config_options: Any,
) -> dict[str, Any]:
    """Clean a batch of documents; returns the record columns (``extra`` as key/value lists).

    Made for ``Dataset.map`` in batched mode, with any number of processes::

        ds = ds.map(cleaner.hf.clean_batch, batched=True, num_proc=4,
                    fn_kwargs={"text_column": "body", "disable": ["social"]})

    ``config_options`` are :class:`CleanerConfig` options (or ``config=CleanerConfig(...)``).
    The columns are Arrow arrays of the record schema's types, so every batch has the
    schema's Features, also one where a column (``views``, say) is null in every row.
    The record columns replace input columns of the same name (``text`` and ``source``);
    the user's other columns are kept by ``map``. The document id is taken from
    ``id_column``, by default the batch's ``id`` column when it has one (a hash of the
    text otherwise), so an ``id`` column is never replaced with hashes.

    >>> out = clean_batch({"text": ["Views: 7\\n\\nThe body of a story that is long enough."]}, detect_language=False)
    >>> out["text"], out["views"], out["extra"]
    (['The body of a story that is long enough.'], [7], [[]])
    """
    c = _cleaner(config_options)
    if text_column not in batch:
        raise KeyError(f"clean_batch: no text column {text_column!r} in the batch (columns: {', '.join(batch) or 'none'})")
    texts = batch[text_column]
    if id_column is None and "id" in batch:
        id_column = "id"
    if id_column is not None and id_column not in batch:
        raise KeyError(f"clean_batch: no id column {id_column!r} in the batch (columns: {', '.join(batch)})")
    if source_column is not None and source_column not in batch:
        raise KeyError(f"clean_batch: no source column {source_column!r} in the batch (columns: {', '.join(batch)})")
    ids = batch[id_column] if id_column is not None else [None] * len(texts)
    sources = batch[source_column] if source_column is not None else [None] * len(texts)
    records = [
        c.clean(raw or "", id=None if doc_id is None else str(doc_id), source=source).to_record()
        for raw, doc_id, source in zip(texts, ids, sources)
    ]
    table = records_to_table(records)
    return _typed_columns(table)


class ArrowColumn(list):  # type: ignore[type-arg]
    """The values of one output column, as a list that also carries its Arrow array.

    ``Dataset.map`` takes lists (not Arrow arrays) from a batched function and types each
    batch's column from its values, so a column that is None in every row of the first batch
    (``views``, say) would be written as type ``null`` and refuse the values of a later batch.
    ``pyarrow.array(column)`` returns the carried array (``__arrow_array__``), with the
    record schema's type whatever the values.
    """

    __slots__ = ("_array",)

    def __init__(self, array: pa.Array):
        super().__init__(array.to_pylist())
        self._array = array

    def __arrow_array__(self, type: pa.DataType | None = None) -> pa.Array:
        return self._array if type is None or type == self._array.type else self._array.cast(type)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled with its array (Dataset.map with num_proc)
        return (ArrowColumn, (self._array,))


def _typed_columns(table: pa.Table) -> dict[str, Any]:
    return {name: ArrowColumn(table.column(name).combine_chunks()) for name in table.column_names}


def map_features(input_features: Mapping[str, Any] | None = None, remove_columns: Iterable[str] = ()) -> "datasets.Features":
    """The Features of ``dataset.map(clean_batch, ...)``'s output: the input's columns plus the record's."""
    import datasets

    removed = set(remove_columns)
    kept = {k: v for k, v in (input_features or {}).items() if k not in removed}
    return datasets.Features({**kept, **features()})


def clean_dataset(
    dataset,
    text_column: str = "text",
    id_column: str | None = None,
    *,
    num_proc: int | None = None,
    batch_size: int = 256,
    remove_columns: Iterable[str] = (),
    **config_options: Any,
):
    """``dataset`` with every document cleaned: ``dataset.map(clean_batch, ...)`` with the right Features."""
    remove = list(remove_columns)
    return dataset.map(
        clean_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        remove_columns=remove or None,
        fn_kwargs={"text_column": text_column, "id_column": id_column, **config_options},
        features=map_features(dataset.features, remove),
    )
