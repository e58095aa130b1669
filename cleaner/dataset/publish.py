"""Write a new dataset version atomically, streaming the records into size-bounded Parquet shards.

The version is built in a work directory inside the dataset directory
(``DIR/.tmp-<uuid>``): shards are written as the records arrive, renamed to
their final ``train-XXXXX-of-NNNNN.parquet`` names once their count is known,
the manifest and the card are written, and then the work directory is renamed
to ``DIR/vX.Y.Z`` in one step and ``LATEST`` is moved. An export that is killed
leaves only a hidden work directory, which the next export removes; readers
never see a partial version. The whole operation holds the directory's lock.

Shards use the explicit record schema (never inferred), zstd compression and
bounded row groups. Nothing time-dependent goes into them: the record schema
version and the dataset version are in each file's key-value metadata, the
creation time only in ``manifest.json``, so equal records give equal bytes.
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import threading
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from ..article import Article
from ..config import CleanerConfig
from ..schema import SCHEMA_NAME, SCHEMA_VERSION, SchemaError, _mapping_fields, arrow_schema, load_schema, to_arrow_row
from .card import render_card, render_root_card
from .diff import config_changes, cut_changes, document_changes, manifest_files
from .lock import DatasetLock
from .manifest import build_manifest, describe_inputs, read_manifest, write_manifest
from .versions import (
    BUMPS,
    CARD_FILE,
    LatestNotMovedError,
    DATA_DIR,
    VersionExistsError,
    VersionInfo,
    UnsafePathError,
    _fsync_dir,
    bump_version,
    check_dataset_name,
    format_version,
    list_versions,
    parse_version,
    read_latest,
    version_dir,
    version_info,
    write_latest,
)

__all__ = [
    "publish",
    "shard_name",
    "TMP_PREFIX",
    "DEFAULT_MAX_ROWS_PER_SHARD",
    "DEFAULT_MAX_BYTES_PER_SHARD",
    "DEFAULT_ROW_GROUP_ROWS",
    "DEFAULT_ROW_GROUP_BYTES",
    "PARQUET_OPTIONS",
]

TMP_PREFIX = ".tmp-"
DEFAULT_MAX_ROWS_PER_SHARD = 1_000_000
DEFAULT_MAX_BYTES_PER_SHARD = 256 << 20
DEFAULT_ROW_GROUP_ROWS = 10_000
DEFAULT_ROW_GROUP_BYTES = 32 << 20
CONVERT_ROWS = 1024
QUEUE_BATCHES = 8
DATASET_VERSION_KEY = b"cleaner.dataset.version"

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "write_statistics": True,
    "store_schema": True,
}


def shard_name(index: int, count: int, split: str = "train") -> str:
    """The file name of shard ``index`` of ``count``.

    >>> shard_name(0, 3)
    'train-00000-of-00003.parquet'
    """
    return f"{split}-{index:05d}-of-{count:05d}.parquet"


@dataclass
class _Shard:
    path: Path
    rows: int
    bytes: int
    sha256: str


class _ShardWriter:
    """Writes Arrow rows into Parquet shards of bounded rows and bytes, one row group at a time.

    The caller's thread converts rows into record batches of ``CONVERT_ROWS``;
    one writer thread assembles them into row groups, encodes and compresses
    them (pyarrow lets go of the GIL meanwhile), rolls shards over and hashes
    each finished shard. Row groups and shards are cut by counts and sizes of
    the data only, so the bytes do not depend on timing.
    """

    def __init__(
        self,
        directory: Path,
        schema: pa.Schema,
        *,
        max_rows: int,
        max_bytes: int,
        row_group_rows: int,
        row_group_bytes: int,
    ):
        if max_rows < 1 or max_bytes < 1 or row_group_rows < 1 or row_group_bytes < 1:
            raise ValueError("shard and row-group limits must be positive")
        self.directory = directory
        self.schema = schema
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.row_group_rows = row_group_rows
        self.row_group_bytes = row_group_bytes
        self.shards: list[_Shard] = []
        self.arrow_bytes = 0
        self._rows: list[dict[str, Any]] = []
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUE_BATCHES)
        self._error: BaseException | None = None
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="cleaner-shard-writer", daemon=True)
        self._thread.start()
        # state of the writer thread
        self._sink: pa.NativeFile | None = None
        self._writer: pq.ParquetWriter | None = None
        self._path: Path | None = None
        self._shard_rows = 0
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0
        self._pending_bytes = 0

    # -- caller's thread

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= CONVERT_ROWS:
            self._convert()

    def _convert(self) -> None:
        if not self._rows:
            return
        batch = pa.RecordBatch.from_pylist(self._rows, schema=self.schema)
        self._rows = []
        self.arrow_bytes += batch.nbytes
        self._put(batch)

    def _put(self, item: pa.RecordBatch | None) -> None:
        while True:
            if self._error is not None:
                raise self._error
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                if not self._thread.is_alive():
                    raise RuntimeError("the shard writer stopped")

    def close(self) -> list[_Shard]:
        """Write what is pending, close the last shard and return the shards in order."""
        self._convert()
        self._put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.shards

    def abort(self) -> None:
        """Stop the writer thread and close any open file (after an error in the caller)."""
        self._stop = True
        while self._thread.is_alive():
            try:
                self._queue.put_nowait(None)
            except queue.Full:
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    pass
            self._thread.join(timeout=0.05)
        if self._writer is not None:
            try:
                self._writer.close()
            except Exception:
                pass
            try:
                self._sink.close()
            except Exception:
                pass
            self._writer = self._sink = None

    # -- writer thread

    def _run(self) -> None:
        try:
            while True:
                batch = self._queue.get()
                if self._stop:
                    return
                if batch is None:
                    break
                self._take(batch)
            self._flush_row_group()
            if self._writer is not None:
                self._close_shard()
            if not self.shards:
                self._open()
                self._close_shard()
        except BaseException as e:
            self._error = e

    def _take(self, batch: pa.RecordBatch) -> None:
        while batch.num_rows:
            room = min(self.row_group_rows, self.max_rows - self._shard_rows) - self._pending_rows
            head, batch = (batch, batch.slice(0, 0)) if batch.num_rows <= room else (batch.slice(0, room), batch.slice(room))
            self._pending.append(head)
            self._pending_rows += head.num_rows
            self._pending_bytes += head.nbytes
            full = self._pending_rows >= min(self.row_group_rows, self.max_rows - self._shard_rows)
            if full or self._pending_bytes >= self.row_group_bytes:
                self._flush_row_group()

    def _open(self) -> None:
        self._path = self.directory / f".part-{len(self.shards):05d}.parquet"
        self._sink = pa.OSFile(str(self._path), "wb")
        self._writer = pq.ParquetWriter(self._sink, self.schema, **PARQUET_OPTIONS)
        self._shard_rows = 0

    def _flush_row_group(self) -> None:
        if not self._pending_rows:
            return
        table = pa.Table.from_batches(self._pending, schema=self.schema)
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0
        if self._writer is None:
            self._open()
        self._writer.write_table(table, row_group_size=table.num_rows)
        self._shard_rows += table.num_rows
        if self._shard_rows >= self.max_rows or self._sink.tell() >= self.max_bytes:
            self._close_shard()

    def _close_shard(self) -> None:
        self._writer.close()
        self._sink.close()
        size, sha = _finish_file(self._path)
        self.shards.append(_Shard(self._path, self._shard_rows, size, sha))
        self._writer = self._sink = self._path = None
        self._shard_rows = 0


def _is_safe_name(name: Any) -> bool:
    try:
        check_dataset_name(name)
    except UnsafePathError:
        return False
    return True


def _required_fields() -> tuple[frozenset[str], frozenset[str]]:
    js = load_schema(1)
    return frozenset(js.get("required", ())), frozenset(js["properties"])


def _as_record(item: Any) -> Mapping[str, Any]:
    if type(item) is dict:
        return item
    if isinstance(item, Article):
        return item.to_record()
    if isinstance(item, Mapping):
        return item
    to_record = getattr(item, "to_record", None)
    if callable(to_record):
        return to_record()
    raise TypeError(f"publish() takes Articles or record dicts, not {type(item).__name__}")


def _arrow_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record in Arrow form; rows already in that form (read back from a dataset) pass as they are."""
    if any(isinstance(record[name], list) for name in _mapping_fields(1)):
        return dict(record)
    return to_arrow_row(record)


def _remove_work_dirs(root: Path) -> None:
    for entry in root.iterdir():
        if entry.name.startswith(TMP_PREFIX) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith((".LATEST.", f".{CARD_FILE}.")) and entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)


def _finish_file(path: Path) -> tuple[int, str]:
    """Flush a finished file to disk and return its size and SHA-256."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            h.update(block)
        os.fsync(f.fileno())
    return path.stat().st_size, h.hexdigest()


def _changes(parent_path: Path | None, new_files: list[Path], manifest: Mapping[str, Any]) -> dict[str, Any] | None:
    if parent_path is None:
        return None
    pm = read_manifest(parent_path)
    docs = document_changes(manifest_files(parent_path, pm), new_files)
    ps, ns = pm.get("schema") or {}, manifest["schema"]
    old_schema, new_schema = f"{ps.get('name')}/{ps.get('version')}", f"{ns['name']}/{ns['version']}"
    return {
        "parent": pm.get("version"),
        "rows_parent": int(pm.get("rows", 0)),
        "documents": docs.counts(),
        "config": {k: {"old": a, "new": b} for k, (a, b) in config_changes(pm.get("config"), manifest["config"]).items()},
        "cuts": {k: {"old": a, "new": b} for k, (a, b) in cut_changes(pm.get("cuts"), manifest["cuts"]).items()},
        "schema": None if old_schema == new_schema else {"old": old_schema, "new": new_schema},
        "cleaner_version": None
        if pm.get("cleaner_version") == manifest["cleaner_version"]
        else {"old": pm.get("cleaner_version"), "new": manifest["cleaner_version"]},
    }


def _choose_version(root: Path, version: str | None, bump: str) -> tuple[str, str | None]:
    """The version to write and its parent (the newest published version below it)."""
    existing = list_versions(root)
    latest = read_latest(root)
    if version is not None:
        new = format_version(version)
    else:
        known = [parse_version(v) for v in existing]
        if latest is not None and latest in existing:
            known.append(parse_version(latest))
        new = bump_version(format_version(max(known)), bump) if known else "1.0.0"
    if new in existing or version_dir(root, new).exists():
        raise VersionExistsError(f"{version_dir(root, new)} already exists; a published version is never overwritten")
    older = [v for v in existing if parse_version(v) < parse_version(new)]
    return new, (older[-1] if older else None)


def publish(
    records_or_articles: Iterable[Any],
    dataset_dir: str | os.PathLike[str],
    *,
    version: str | None = None,
    bump: str = "minor",
    name: str | None = None,
    config: CleanerConfig | None = None,
    inputs: Iterable[Any] | None = None,
    max_rows_per_shard: int = DEFAULT_MAX_ROWS_PER_SHARD,
    max_bytes_per_shard: int = DEFAULT_MAX_BYTES_PER_SHARD,
    row_group_rows: int = DEFAULT_ROW_GROUP_ROWS,
    row_group_bytes: int = DEFAULT_ROW_GROUP_BYTES,
    lock_timeout: float | None = 300.0,
    progress: Callable[[int], None] | None = None,
    license: str | None = None,
    errors: int | Callable[[], int] | None = None,
) -> VersionInfo:
    """Publish the records (or :class:`~cleaner.Article` values) as a new version of the dataset in ``dataset_dir``.

    version:             the version to write (``"1.2.0"``); by default the first version is
                         ``1.0.0`` and later ones bump the newest published version by ``bump``.
    bump:                ``"major"``, ``"minor"`` or ``"patch"``.
    name:                the dataset name (default: the parent's name, else the directory name); no
                         control characters, ``/``, ``\\`` or ``..`` (:class:`UnsafePathError`).
    config:              the :class:`CleanerConfig` that produced the records, recorded in the manifest.
    inputs:              the input files, as paths (hashed here) or ``(path, sha256)`` pairs.
    max_rows_per_shard:  a shard is closed when it holds this many rows ...
    max_bytes_per_shard: ... or when its file reaches this size (it can exceed it by one row group).
    row_group_rows, row_group_bytes: bounds of one Parquet row group (rows; Arrow bytes).
    lock_timeout:        seconds to wait for another export into the same directory (None: for ever).
    progress:            called with the number of rows written so far, once per batch.
    license:             the dataset's licence, as a Hub licence id (``cc-by-4.0``); the card says
                         ``unknown`` without it (and the parent's licence is kept when there is one).
    errors:              how many input documents failed in the run that made the records
                         (recorded in the manifest and the card; they are not in the dataset); a
                         callable is asked once the records are exhausted (a count kept while streaming).

    Rows whose id an earlier row already has are counted in the manifest's ``duplicate_ids``
    (with a few examples) and in the card; they are published as they are.

    Raises :class:`VersionExistsError` when the version exists, :class:`DatasetLockedError` when the
    lock is not free in time, and :class:`cleaner.schema.SchemaError` for a record that does not fit.
    """
    if bump not in BUMPS:
        raise ValueError(f"bump must be one of {', '.join(BUMPS)}, not {bump!r}")
    if version is not None:
        version = format_version(version)
    if name is not None:
        check_dataset_name(name)
    if config is not None and not isinstance(config, CleanerConfig):
        raise TypeError(f"config must be a CleanerConfig, not {type(config).__name__}")
    from .. import __version__ as cleaner_version

    root = Path(dataset_dir)
    root.mkdir(parents=True, exist_ok=True)
    input_entries = describe_inputs(inputs)
    required, known = _required_fields()

    with DatasetLock(root, timeout=lock_timeout):
        _remove_work_dirs(root)
        new_version, parent = _choose_version(root, version, bump)
        parent_path = version_dir(root, parent) if parent else None
        if name is None:
            name = (read_manifest(parent_path).get("name") if parent_path else None) or root.resolve().name
            name = check_dataset_name(name) if _is_safe_name(name) else "dataset"
        work = root / f"{TMP_PREFIX}{uuid.uuid4().hex}"
        data = work / DATA_DIR
        data.mkdir(parents=True)
        base = arrow_schema(1)
        schema = base.with_metadata({**(base.metadata or {}), DATASET_VERSION_KEY: new_version.encode()})
        writer = _ShardWriter(
            data,
            schema,
            max_rows=max_rows_per_shard,
            max_bytes=max_bytes_per_shard,
            row_group_rows=row_group_rows,
            row_group_bytes=row_group_bytes,
        )
        try:
            rows = words = 0
            cuts: Counter = Counter()
            languages: Counter = Counter()
            seen_ids: set[str] = set()
            duplicate_rows = 0
            duplicate_examples: list[str] = []
            for item in records_or_articles:
                record = _as_record(item)
                keys = record.keys()
                if not required <= keys or not keys <= known:
                    missing, unknown = sorted(required - keys), sorted(keys - known)
                    raise SchemaError(
                        f"record {record.get('id')!r} does not fit schema {SCHEMA_NAME}/{SCHEMA_VERSION}: "
                        + "; ".join(s for s in (missing and f"missing {missing}", unknown and f"unknown {unknown}") if s)
                    )
                for cut in record["removed"]:
                    cuts[cut["rule"]] += 1
                words += record["word_count"] or 0
                languages[record.get("language") or "null"] += 1
                doc_id = record.get("id")
                if doc_id in seen_ids:
                    duplicate_rows += 1
                    if len(duplicate_examples) < 10 and doc_id not in duplicate_examples:
                        duplicate_examples.append(doc_id)
                else:
                    seen_ids.add(doc_id)
                writer.add(_arrow_row(record))
                rows += 1
                if progress is not None and rows % CONVERT_ROWS == 0:
                    progress(rows)
            shards = writer.close()
            if progress is not None:
                progress(rows)

            files, final_paths = [], []
            for i, shard in enumerate(shards):
                final = data / shard_name(i, len(shards))
                os.rename(shard.path, final)
                files.append({"path": f"{DATA_DIR}/{final.name}", "rows": shard.rows, "size": shard.bytes, "sha256": shard.sha256})
                final_paths.append(final)
            _fsync_dir(data)

            manifest = build_manifest(
                name=name,
                version=new_version,
                parent=parent,
                schema_name=SCHEMA_NAME,
                schema_version=SCHEMA_VERSION,
                cleaner_version=cleaner_version,
                config=config.to_dict() if config is not None else None,
                config_hash=config.hash if config is not None else None,
                inputs=input_entries,
                rows=rows,
                words=words,
                arrow_bytes=writer.arrow_bytes,
                files=files,
                cuts=cuts,
                changes=None,
            )
            if license is None and parent_path is not None:
                license = read_manifest(parent_path).get("license")
            manifest["license"] = license
            manifest["languages"] = {code: n for code, n in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))}
            manifest["errors"] = int(errors()) if callable(errors) else errors
            manifest["duplicate_ids"] = {"rows": duplicate_rows, "examples": duplicate_examples} if duplicate_rows else None
            manifest["changes"] = _changes(parent_path, final_paths, manifest)
            write_manifest(work, manifest)
            with open(work / CARD_FILE, "w", encoding="utf-8") as f:
                f.write(render_card(manifest, dataset_path=Path(dataset_dir).as_posix()))
                f.flush()
                os.fsync(f.fileno())
            _fsync_dir(work)
            os.rename(work, version_dir(root, new_version))
            _fsync_dir(root)
        except BaseException:
            try:
                writer.abort()
            finally:
                shutil.rmtree(work, ignore_errors=True)
            raise
        latest = read_latest(root)
        if latest is None or parse_version(new_version) > parse_version(latest):
            latest = new_version
        # the root card names every version as a config with LATEST the default: written (atomically)
        # just before LATEST moves, under the same lock, so the two always agree
        try:
            write_root_card(root, latest, dataset_path=Path(dataset_dir).as_posix())
            if latest == new_version:
                write_latest(root, new_version)
        except OSError as e:  # the version is in place; say so rather than "nothing was published"
            raise LatestNotMovedError(new_version, version_dir(root, new_version), e) from e
    return version_info(root, new_version)


def write_root_card(root: Path, latest: str | None, dataset_path: str | None = None) -> Path:
    """Write ``DIR/README.md``: one ``datasets`` config per published version, ``latest`` the default.

    ``datasets.load_dataset(DIR)`` then reads that version only (not every version's shards
    together), and ``datasets.load_dataset(DIR, "v1.0.0")`` any other.
    """
    manifests = [read_manifest(version_dir(root, v)) for v in list_versions(root)]
    text = render_root_card(manifests, latest, dataset_path)
    target = root / CARD_FILE
    tmp = root / f".{CARD_FILE}.{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(root)
    return target
