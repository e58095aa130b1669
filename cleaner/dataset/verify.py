"""Check a published version against its manifest: files, checksums, schema and row counts.

:func:`verify` never raises for a damaged dataset; it returns a
:class:`VerifyReport` whose ``problems`` say what is wrong (``ok`` is true when
there are none), so a command line can print them and exit non-zero.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import SCHEMA_NAME, SCHEMA_VERSION, arrow_schema
from .manifest import MANIFEST_FORMAT, file_sha256, read_manifest
from .publish import DATASET_VERSION_KEY, TMP_PREFIX
from .versions import (
    CARD_FILE,
    DATA_DIR,
    MANIFEST_FILE,
    DatasetError,
    UnsafePathError,
    data_file_path,
    format_version,
    list_versions,
    parse_version,
    read_latest,
    version_dir,
)

__all__ = ["VerifyReport", "verify", "schema_problems", "outside_version"]


@dataclass
class VerifyReport:
    """The outcome of :func:`verify`: ``ok`` when ``problems`` is empty; ``notes`` are harmless findings."""

    dataset_dir: Path
    version: str | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def __bool__(self) -> bool:
        return self.ok

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset_dir": str(self.dataset_dir),
            "version": self.version,
            "ok": self.ok,
            "problems": list(self.problems),
            "notes": list(self.notes),
            "files_checked": self.files_checked,
            "rows": self.rows,
        }

    def summary(self) -> str:
        head = f"{self.dataset_dir} v{self.version}: " if self.version else f"{self.dataset_dir}: "
        if self.ok:
            head += f"ok ({self.files_checked} files, {self.rows} rows)"
        else:
            head += f"{len(self.problems)} problem(s)"
        return "\n".join([head] + [f"  problem: {p}" for p in self.problems] + [f"  note: {n}" for n in self.notes])


def schema_problems(
    actual: pa.Schema,
    declared_version: str,
    *,
    expected: pa.Schema | None = None,
    current_version: str = SCHEMA_VERSION,
) -> list[str]:
    """How ``actual`` falls short of the record schema a file declares.

    A file declaring the current schema version must match the current Arrow
    schema exactly. A file of an older minor version of the same major may lack
    fields that were added since, provided they are nullable (they read as null);
    a newer minor version may carry fields this version does not know. Every
    field both have must agree in type and nullability; a different major is
    not readable.
    """
    expected = expected if expected is not None else arrow_schema(parse_version(current_version)[0])
    if actual.equals(expected, check_metadata=False):
        return []
    try:
        declared = parse_version(declared_version)
    except ValueError:
        return [f"declares schema version {declared_version!r}, which is not a version number"]
    current = parse_version(current_version)
    if declared[0] != current[0]:
        return [f"declares schema {SCHEMA_NAME}/{declared_version}, a different major version than {current_version}"]
    problems = []
    names = set(actual.names)
    for f in actual:
        if f.name not in expected.names:
            if declared <= current:
                problems.append(f"unknown column {f.name!r}")
            continue
        e = expected.field(f.name)
        if not f.remove_metadata().equals(e.remove_metadata()) and not (
            f.nullable == e.nullable and _evolved(f.type, e.type, older=declared < current, newer=declared > current)
        ):
            problems.append(f"column {f.name!r} is {f.type}{'' if f.nullable else ' not null'}, expected {e.type}{'' if e.nullable else ' not null'}")
    missing = [e for e in expected if e.name not in names]
    if missing:
        if declared >= current:
            problems.append(f"missing columns {[e.name for e in missing]}")
        else:
            for e in missing:
                if not e.nullable:
                    problems.append(f"missing column {e.name!r}, which is not nullable and cannot be read as null")
    if not problems and declared == current and actual.names != expected.names:
        problems.append(f"columns in another order than the schema: {actual.names}")
    return problems


def _evolved(actual: pa.DataType, expected: pa.DataType, *, older: bool, newer: bool) -> bool:
    """Whether a nested type of another minor version reads as ``expected``: a struct (a cut in ``removed``)
    of an older version may lack nullable fields added since, one of a newer version may have more."""
    if actual.equals(expected):
        return True
    if pa.types.is_list(actual) and pa.types.is_list(expected):
        return _evolved(actual.value_type, expected.value_type, older=older, newer=newer)
    if not (pa.types.is_struct(actual) and pa.types.is_struct(expected)):
        return False
    have = {actual.field(i).name: actual.field(i) for i in range(actual.num_fields)}
    want = {expected.field(i).name: expected.field(i) for i in range(expected.num_fields)}
    for name, f in have.items():
        e = want.get(name)
        if e is None:
            if not newer:
                return False
        elif f.nullable != e.nullable or not _evolved(f.type, e.type, older=older, newer=newer):
            return False
    return all(older and e.nullable for name, e in want.items() if name not in have)


def outside_version(version_path: Path, path: Path) -> str | None:
    """Why ``path`` is not a file of the version itself (a symbolic link, or a folder on the way that
    leads out of the version folder), or None when it is."""
    if path.is_symlink():
        return "is a symbolic link; a version's files must be in its own folder"
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(version_path))
    except ValueError:
        return "lies outside the version folder (a folder on its way is a link)"
    return None


def _check_file(version_path: Path, entry: Any, declared: str, version: str, checksums: bool) -> list[str]:
    if not isinstance(entry, dict):
        return [f"the manifest lists a file as {type(entry).__name__}, not an object"]
    rel = entry.get("path", "?")
    try:
        path = data_file_path(version_path, rel)
    except UnsafePathError as e:
        return [str(e)]
    try:
        outside = outside_version(version_path, path)
        if outside is not None:
            return [f"{rel}: {outside}"]
        if not path.is_file():
            return [f"{rel}: missing"]
        size = path.stat().st_size
    except OSError as e:
        return [f"{rel}: cannot be read ({e.strerror or e})"]
    problems = []
    if not isinstance(entry.get("sha256"), str) or not entry["sha256"]:
        problems.append(f"{rel}: the manifest gives no sha256 for it (nothing vouches for its bytes)")
    if not isinstance(entry.get("size"), int):
        problems.append(f"{rel}: the manifest gives no size for it")
    elif size != entry["size"]:
        problems.append(f"{rel}: size {size} bytes, manifest says {entry['size']}")
    if checksums and isinstance(entry.get("sha256"), str) and entry["sha256"] and file_sha256(path) != entry["sha256"].lower():
        problems.append(f"{rel}: sha256 does not match the manifest (the file changed or is damaged)")
    try:
        meta = pq.read_metadata(path)
        schema = pq.read_schema(path)
    except Exception as e:  # any damage pyarrow reports
        problems.append(f"{rel}: not a readable Parquet file ({type(e).__name__}: {e})")
        return problems
    if "rows" in entry and meta.num_rows != entry["rows"]:
        problems.append(f"{rel}: {meta.num_rows} rows, manifest says {entry['rows']}")
    problems += [f"{rel}: {p}" for p in schema_problems(schema, declared)]
    kv = schema.metadata or {}
    file_version = kv.get(DATASET_VERSION_KEY)
    if file_version is not None and file_version.decode(errors="replace") != version:
        problems.append(f"{rel}: written for dataset version {file_version.decode(errors='replace')}, not {version}")
    return problems


def verify(dataset_dir: str | os.PathLike[str], version: str | None = None, *, checksums: bool = True) -> VerifyReport:
    """Check version ``version`` (``LATEST`` by default) of the dataset in ``dataset_dir``.

    Checks that ``LATEST`` names a published version, that the manifest and the
    card are there, that every file the manifest lists exists with its size,
    SHA-256 (unless ``checksums=False``) and row count, that no unlisted shard
    is present, that each shard has the expected record schema, and that the
    row counts add up to the manifest's.
    """
    root = Path(dataset_dir)
    report = VerifyReport(root, None)
    if not root.is_dir():
        report.problems.append(f"{root} is not a directory")
        return report
    unreadable = False
    try:
        latest = read_latest(root)
    except DatasetError as e:
        report.problems.append(str(e))
        latest, unreadable = None, True
    published = list_versions(root)
    if latest is None and published and not unreadable:
        report.problems.append("LATEST is missing")
    elif latest is not None and latest not in published:
        report.problems.append(f"LATEST names {latest}, which is not a published version")
    if version is None:
        version = latest if latest in published else (published[-1] if published else None)
        if version is None:
            report.problems.append(f"{root} holds no published version")
            return report
    try:
        version = format_version(version)
    except ValueError as e:
        report.problems.append(str(e))
        return report
    report.version = version
    vpath = version_dir(root, version)
    if not vpath.is_dir():
        report.problems.append(f"version {version} does not exist")
        return report
    stray = sorted(p.name for p in root.iterdir() if p.name.startswith(TMP_PREFIX))
    if stray:
        report.notes.append(f"unfinished exports left work directories {stray} (removed by the next export)")
    try:
        manifest = read_manifest(vpath)
    except DatasetError as e:
        report.problems.append(str(e))
        return report
    if manifest.get("format") != MANIFEST_FORMAT:
        report.problems.append(f"manifest format {manifest.get('format')!r}, expected {MANIFEST_FORMAT!r}")
    if manifest.get("version") != version:
        report.problems.append(f"manifest says version {manifest.get('version')!r}, directory is v{version}")
    if not (vpath / CARD_FILE).is_file():
        report.problems.append(f"{CARD_FILE} (the dataset card) is missing")
    schema = manifest.get("schema") if isinstance(manifest.get("schema"), dict) else {}
    if schema.get("name") != SCHEMA_NAME:
        report.problems.append(f"manifest names record schema {schema.get('name')!r}, expected {SCHEMA_NAME!r}")
    declared = str(schema.get("version", ""))
    entries = manifest.get("files") or []
    if not isinstance(entries, list):
        report.problems.append(f"manifest 'files' is {type(entries).__name__}, not a list")
        entries = []
    if not entries:
        report.problems.append("manifest lists no data files")
    listed = {e.get("path") for e in entries if isinstance(e, dict)}
    data_dir = vpath / DATA_DIR
    for name in (DATA_DIR, CARD_FILE, MANIFEST_FILE):
        if (vpath / name).is_symlink():
            report.problems.append(f"{name}: is a symbolic link; a version's files must be in its own folder")
    if data_dir.is_dir():
        for p in sorted(data_dir.iterdir()):
            if f"{DATA_DIR}/{p.name}" not in listed:
                report.problems.append(f"{DATA_DIR}/{p.name}: not listed in the manifest")
    rows = 0
    for entry in entries:
        report.problems += _check_file(vpath, entry, declared, version, checksums)
        report.files_checked += 1
        n = entry.get("rows", 0) if isinstance(entry, dict) else 0
        rows += n if isinstance(n, int) else 0
    report.rows = rows
    if rows != manifest.get("rows"):
        report.problems.append(f"files hold {rows} rows, manifest says {manifest.get('rows')}")
    return report
