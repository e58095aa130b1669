"""What changed between two versions of a dataset.

Documents are matched by ``id``. A document is *changed* when its clean text
differs (``text_sha256``), *recut* when its text is the same but the rules that
made its cuts differ. Beside the documents, the report lists the cut counts per
rule that moved, the configuration options that changed, and schema or cleaner
version changes, all read from the two manifests.

>>> config_changes({"ascii_fold": False, "disable": []}, {"ascii_fold": False, "disable": ["teasers"]})
{'disable': ([], ['teasers'])}
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .manifest import read_manifest
from .versions import DatasetError, data_file_path, resolve_version, version_dir

__all__ = ["DiffReport", "DocumentChanges", "diff", "document_changes", "config_changes", "cut_changes", "manifest_files"]


@dataclass
class DocumentChanges:
    """Document ids added, removed, changed (text) and recut (same text, other cuts), each sorted."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    recut: list[str] = field(default_factory=list)
    unchanged: int = 0
    duplicates_a: int = 0
    duplicates_b: int = 0

    def counts(self) -> dict[str, int]:
        counts = {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "recut": len(self.recut),
            "unchanged": self.unchanged,
        }
        if self.duplicates_a or self.duplicates_b:
            counts["duplicate_ids"] = {"a": self.duplicates_a, "b": self.duplicates_b}
        return counts


def manifest_files(version_path: str | os.PathLike[str], manifest: Mapping[str, Any] | None = None) -> list[Path]:
    """The data files a manifest lists, as paths inside the version directory."""
    version_path = Path(version_path)
    manifest = manifest if manifest is not None else read_manifest(version_path)
    return [data_file_path(version_path, f.get("path")) for f in manifest.get("files", ())]


def _cut_signature(removed: pa.ChunkedArray) -> pa.Array:
    """Per document, the rule names of its cuts joined into one string."""
    arr = removed.combine_chunks() if isinstance(removed, pa.ChunkedArray) else removed
    if isinstance(arr, pa.ChunkedArray):
        arr = pa.concat_arrays(arr.chunks) if arr.num_chunks else pa.array([], arr.type)
    rules = pc.struct_field(arr.values, "rule")
    lists = pa.ListArray.from_arrays(arr.offsets, rules)
    return pc.fill_null(pc.binary_join(lists, "\x1f"), "")


def _keys(files: Iterable[Path]) -> pa.Table:
    tables = []
    for path in files:
        try:
            names = pq.read_schema(path).names
            columns = ["id", "text_sha256"] + (["removed"] if "removed" in names else [])
            t = pq.read_table(path, columns=columns)
        except FileNotFoundError:
            raise DatasetError(f"{path} is listed in the manifest but missing (`cleaner verify` checks a version)") from None
        except (OSError, pa.ArrowException) as e:
            raise DatasetError(f"{path} cannot be read as Parquet ({e}); `cleaner verify` checks a version") from None
        cuts = _cut_signature(t["removed"]) if "removed" in names else pa.array([""] * t.num_rows, pa.string())
        tables.append(pa.table({"id": t["id"].cast(pa.string()), "sha": t["text_sha256"].cast(pa.string()), "cuts": cuts}))
    if not tables:
        return pa.table({"id": pa.array([], pa.string()), "sha": pa.array([], pa.string()), "cuts": pa.array([], pa.string())})
    return pa.concat_tables(tables)


def document_changes(files_a: Iterable[str | os.PathLike[str]], files_b: Iterable[str | os.PathLike[str]]) -> DocumentChanges:
    """Compare the documents of two sets of Parquet files by id, text hash and cut rules."""
    a = _keys(Path(p) for p in files_a)
    b = _keys(Path(p) for p in files_b)
    # rows whose id an earlier row has: matched by id they would pair every copy with every other;
    # the first row of each id is compared and the others are counted
    dup_a, dup_b = a.num_rows - pc.count_distinct(a["id"]).as_py(), b.num_rows - pc.count_distinct(b["id"]).as_py()
    if dup_a:
        a = _first_of_each_id(a)
    if dup_b:
        b = _first_of_each_id(b)
    added = b.filter(pc.invert(pc.is_in(b["id"], value_set=a["id"])))["id"].to_pylist()
    removed = a.filter(pc.invert(pc.is_in(a["id"], value_set=b["id"])))["id"].to_pylist()
    both = a.join(b, keys="id", join_type="inner", left_suffix="_a", right_suffix="_b")
    text_differs = pc.not_equal(both["sha_a"], both["sha_b"])
    cuts_differ = pc.and_(pc.invert(text_differs), pc.not_equal(both["cuts_a"], both["cuts_b"]))
    changed = set(both.filter(text_differs)["id"].to_pylist())
    recut = set(both.filter(cuts_differ)["id"].to_pylist()) - changed
    same = set(both["id"].to_pylist()) - changed - recut
    return DocumentChanges(
        added=sorted(set(added)),
        removed=sorted(set(removed)),
        changed=sorted(changed),
        recut=sorted(recut),
        unchanged=len(same),
        duplicates_a=dup_a,
        duplicates_b=dup_b,
    )


def _first_of_each_id(t: pa.Table) -> pa.Table:
    """The table with only the first row of each id (in file order)."""
    indexed = t.append_column("_row", pa.array(range(t.num_rows), pa.int64()))
    first = indexed.group_by("id", use_threads=False).aggregate([("_row", "min")])["_row_min"]
    return t.take(pc.sort_indices(first))


def config_changes(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> dict[str, tuple[Any, Any]]:
    """Options whose value differs, as ``{option: (old, new)}`` (a missing option is None)."""
    a, b = dict(a or {}), dict(b or {})
    return {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)}


def cut_changes(a: Mapping[str, int] | None, b: Mapping[str, int] | None) -> dict[str, tuple[int, int]]:
    """Rules whose cut count moved, as ``{rule: (old, new)}``.

    >>> cut_changes({"a": 2, "b": 1}, {"a": 2, "c": 4})
    {'b': (1, 0), 'c': (0, 4)}
    """
    a, b = dict(a or {}), dict(b or {})
    return {k: (a.get(k, 0), b.get(k, 0)) for k in sorted(set(a) | set(b)) if a.get(k, 0) != b.get(k, 0)}


@dataclass
class DiffReport:
    """The difference between versions ``version_a`` and ``version_b`` of one dataset."""

    dataset_dir: Path
    version_a: str
    version_b: str
    rows_a: int
    rows_b: int
    documents: DocumentChanges
    cuts: dict[str, tuple[int, int]]
    config: dict[str, tuple[Any, Any]]
    schema: tuple[str, str] | None = None
    cleaner_version: tuple[str, str] | None = None

    @property
    def added(self) -> list[str]:
        return self.documents.added

    @property
    def removed(self) -> list[str]:
        return self.documents.removed

    @property
    def changed(self) -> list[str]:
        return self.documents.changed

    @property
    def recut(self) -> list[str]:
        return self.documents.recut

    @property
    def identical(self) -> bool:
        """No document, cut count or option differs."""
        d = self.documents
        return not (d.added or d.removed or d.changed or d.recut or self.cuts or self.config or self.schema)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset_dir": str(self.dataset_dir),
            "a": self.version_a,
            "b": self.version_b,
            "rows": {"a": self.rows_a, "b": self.rows_b},
            "documents": {
                **self.documents.counts(),
                "added_ids": self.documents.added,
                "removed_ids": self.documents.removed,
                "changed_ids": self.documents.changed,
                "recut_ids": self.documents.recut,
            },
            "cuts": {rule: {"a": x, "b": y, "delta": y - x} for rule, (x, y) in self.cuts.items()},
            "config": {k: {"a": x, "b": y} for k, (x, y) in self.config.items()},
            "schema": None if self.schema is None else {"a": self.schema[0], "b": self.schema[1]},
            "cleaner_version": None if self.cleaner_version is None else {"a": self.cleaner_version[0], "b": self.cleaner_version[1]},
        }

    def summary(self, limit: int = 10) -> str:
        """A human-readable account of the differences, listing at most ``limit`` ids per kind."""
        d = self.documents
        lines = [
            f"{self.version_a} -> {self.version_b}: rows {self.rows_a} -> {self.rows_b}; "
            f"{len(d.added)} added, {len(d.removed)} removed, {len(d.changed)} changed, "
            f"{len(d.recut)} recut, {d.unchanged} unchanged"
        ]
        for label, ids in (("added", d.added), ("removed", d.removed), ("changed", d.changed), ("recut", d.recut)):
            if ids:
                more = f" (+{len(ids) - limit} more)" if len(ids) > limit else ""
                lines.append(f"  {label}: {', '.join(ids[:limit])}{more}")
        if self.config:
            lines.append("config:")
            lines += [f"  {k}: {x!r} -> {y!r}" for k, (x, y) in self.config.items()]
        if self.cuts:
            lines.append("cuts per rule:")
            lines += [f"  {rule}: {x} -> {y} ({y - x:+d})" for rule, (x, y) in self.cuts.items()]
        if self.schema:
            lines.append(f"schema: {self.schema[0]} -> {self.schema[1]}")
        if self.cleaner_version:
            lines.append(f"cleaner: {self.cleaner_version[0]} -> {self.cleaner_version[1]}")
        for label, n in (("a", d.duplicates_a), ("b", d.duplicates_b)):
            if n:
                version = self.version_a if label == "a" else self.version_b
                lines.append(f"warning: {version} has {n} row(s) whose id an earlier row has; "
                             "the first row of each id is compared")
        if self.identical:
            lines.append("no differences")
        return "\n".join(lines)


def _schema_label(m: Mapping[str, Any]) -> str:
    s = m.get("schema") or {}
    return f"{s.get('name', '?')}/{s.get('version', '?')}"


def diff(dataset_dir: str | os.PathLike[str], version_a: str, version_b: str | None = None) -> DiffReport:
    """Compare two versions of the dataset in ``dataset_dir`` (``version_b`` defaults to ``LATEST``)."""
    root = Path(dataset_dir)
    va = resolve_version(root, version_a)
    vb = resolve_version(root, version_b)
    pa_, pb = version_dir(root, va), version_dir(root, vb)
    ma, mb = read_manifest(pa_), read_manifest(pb)
    docs = document_changes(manifest_files(pa_, ma), manifest_files(pb, mb))
    sa, sb = _schema_label(ma), _schema_label(mb)
    ca, cb = ma.get("cleaner_version"), mb.get("cleaner_version")
    return DiffReport(
        dataset_dir=root,
        version_a=va,
        version_b=vb,
        rows_a=int(ma.get("rows", 0)),
        rows_b=int(mb.get("rows", 0)),
        documents=docs,
        cuts=cut_changes(ma.get("cuts"), mb.get("cuts")),
        config=config_changes(ma.get("config"), mb.get("config")),
        schema=None if sa == sb else (sa, sb),
        cleaner_version=None if ca == cb else (ca, cb),
    )
