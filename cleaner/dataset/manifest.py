"""``manifest.json``: what a dataset version holds and how it was made.

A manifest names the dataset and version and its parent, the record schema,
the cleaner version and pipeline configuration (with its hash), every input
file with its SHA-256, the row and word counts, the size of the rows in Arrow, every output file with its
size, rows and SHA-256, the cuts per rule, the changes since the parent and the
creation time (UTC). The creation time lives only here, never in the Parquet
files, so equal inputs and configuration give byte-identical shards.

>>> sorted(count_cuts([{"removed": [{"rule": "social.share", "text": "Share"}]}] * 2).items())
[('social.share', 2)]
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .versions import DatasetError, MANIFEST_FILE

__all__ = [
    "MANIFEST_FORMAT",
    "build_manifest",
    "read_manifest",
    "write_manifest",
    "file_sha256",
    "describe_inputs",
    "count_cuts",
    "utc_now",
]

MANIFEST_FORMAT = "cleaner.dataset/1"


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second (``2024-05-01T12:00:00Z``)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def file_sha256(path: str | os.PathLike[str], chunk: int = 1 << 22) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def _describe_file(path: Path) -> dict[str, Any]:
    """A path as a manifest entry. Only a regular file is hashed: a FIFO or a device is read once, by
    the reader, and a file that cannot be read is the reader's error to report; their ``sha256`` is null."""
    entry: dict[str, Any] = {"path": _printable(os.fspath(path)), "sha256": None}
    try:
        st = path.stat()
        if stat.S_ISREG(st.st_mode):
            entry["sha256"] = file_sha256(path)
            entry["size"] = st.st_size
    except OSError:
        pass
    return entry


def describe_inputs(inputs: Iterable[Any] | None) -> list[dict[str, Any]]:
    """Input files as manifest entries: ``(path, sha256)`` pairs are taken as given, bare paths are hashed."""
    out = []
    for item in inputs or ():
        if isinstance(item, (str, os.PathLike)):
            out.append(_describe_file(Path(item)))
        elif isinstance(item, Mapping):
            out.append({"path": _printable(str(item["path"])), "sha256": item.get("sha256"), **({"size": item["size"]} if "size" in item else {})})
        else:
            path, sha = item
            out.append({"path": _printable(str(path)), "sha256": sha})
    return out


def _printable(name: str) -> str:
    """A path as valid Unicode (a name's bytes that are not UTF-8 become U+FFFD), for JSON."""
    from ..io.readers import _printable as printable

    return printable(name)


def count_cuts(records: Iterable[Mapping[str, Any]]) -> Counter:
    """Cuts per rule over records (each record's ``removed``)."""
    counts: Counter = Counter()
    for r in records:
        for cut in r.get("removed") or ():
            counts[cut["rule"]] += 1
    return counts


def build_manifest(
    *,
    name: str,
    version: str,
    parent: str | None,
    schema_name: str,
    schema_version: str,
    cleaner_version: str,
    config: Mapping[str, Any] | None,
    config_hash: str | None,
    inputs: Sequence[Mapping[str, Any]],
    rows: int,
    words: int,
    arrow_bytes: int,
    files: Sequence[Mapping[str, Any]],
    cuts: Mapping[str, int],
    changes: Mapping[str, Any] | None,
    created: str | None = None,
) -> dict[str, Any]:
    """The manifest of one version, as a JSON-ready dict (keys in a fixed order)."""
    return {
        "format": MANIFEST_FORMAT,
        "name": name,
        "version": version,
        "parent": parent,
        "created": created or utc_now(),
        "schema": {"name": schema_name, "version": schema_version},
        "cleaner_version": cleaner_version,
        "config": dict(config) if config is not None else None,
        "config_hash": config_hash,
        "inputs": [dict(i) for i in inputs],
        "rows": rows,
        "words": words,
        "arrow_bytes": arrow_bytes,
        "splits": {"train": rows},
        "files": [dict(f) for f in files],
        "cuts": {rule: int(cuts[rule]) for rule in sorted(cuts)},
        "changes": dict(changes) if changes is not None else None,
    }


def write_manifest(version_path: str | os.PathLike[str], manifest: Mapping[str, Any]) -> Path:
    """Write ``manifest.json`` into a version directory (UTF-8, indented, trailing newline)."""
    path = Path(version_path) / MANIFEST_FILE
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    return path


def read_manifest(version_path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of a version directory; :class:`DatasetError` when missing or unreadable."""
    path = Path(version_path) / MANIFEST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{path} is missing") from None
    except (OSError, ValueError) as e:
        raise DatasetError(f"{path} cannot be read: {e}") from None
    if not isinstance(data, dict):
        raise DatasetError(f"{path} is not a JSON object")
    return data
