"""Versioned Parquet datasets of cleaned records.

A dataset directory holds every published version side by side and a pointer
to the newest one::

    DIR/LATEST                                   "1.1.0"
    DIR/.lock                                    held while a version is written
    DIR/v1.0.0/manifest.json                     what the version holds and how it was made
    DIR/v1.0.0/README.md                         dataset card (Hugging Face YAML header + summary)
    DIR/v1.0.0/data/train-00000-of-00001.parquet

:func:`publish` writes a new version atomically, :func:`versions` lists them,
:func:`verify` checks one against its manifest and :func:`diff` compares two.
"""

from .diff import DiffReport, DocumentChanges
from .diff import diff as diff
from .lock import DatasetLock, DatasetLockedError
from .manifest import read_manifest
from .publish import publish as publish
from .verify import VerifyReport
from .verify import verify as verify
from .versions import (
    DatasetError,
    LatestNotMovedError,
    UnsafePathError,
    VersionExistsError,
    VersionInfo,
    VersionNotFoundError,
    bump_version,
    list_versions,
    parse_version,
    read_latest,
    resolve_version,
    version_dir,
    version_info,
)
from .versions import versions as versions

__all__ = [
    "publish",
    "versions",
    "verify",
    "diff",
    "VersionInfo",
    "VerifyReport",
    "DiffReport",
    "DocumentChanges",
    "DatasetError",
    "LatestNotMovedError",
    "UnsafePathError",
    "VersionExistsError",
    "VersionNotFoundError",
    "DatasetLock",
    "DatasetLockedError",
    "read_manifest",
    "read_latest",
    "list_versions",
    "resolve_version",
    "version_dir",
    "version_info",
    "parse_version",
    "bump_version",
]
