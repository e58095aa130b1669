"""Dataset versions: semantic version numbers, the version directories and the ``LATEST`` pointer.

A dataset directory holds one directory per published version and a text file
naming the current one::

    DIR/LATEST                 "1.1.0"
    DIR/v1.0.0/                manifest.json, README.md, data/*.parquet
    DIR/v1.1.0/

A version directory appears only complete (it is renamed into place by
:func:`cleaner.dataset.publish`), so listing versions never sees a partial one;
hidden entries such as ``.tmp-*`` work directories and ``.lock`` are ignored.

>>> parse_version("v1.2.3")
(1, 2, 3)
>>> bump_version("1.2.3", "minor")
'1.3.0'
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DatasetError",
    "UnsafePathError",
    "VersionExistsError",
    "VersionNotFoundError",
    "LatestNotMovedError",
    "VersionInfo",
    "parse_version",
    "format_version",
    "bump_version",
    "version_dir",
    "list_versions",
    "read_latest",
    "write_latest",
    "resolve_version",
    "data_file_path",
    "check_dataset_name",
    "version_info",
    "versions",
    "LATEST_FILE",
    "MANIFEST_FILE",
    "CARD_FILE",
    "DATA_DIR",
]

LATEST_FILE = "LATEST"
MANIFEST_FILE = "manifest.json"
CARD_FILE = "README.md"
DATA_DIR = "data"
BUMPS = ("major", "minor", "patch")

_VERSION = re.compile(r"^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_VERSION_DIR = re.compile(r"^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


class DatasetError(Exception):
    """A dataset directory cannot be read or written as asked."""


class UnsafePathError(DatasetError, ValueError):
    """A name or a listed path that would point outside the dataset directory (``..``, an absolute path, a NUL)."""


class VersionExistsError(DatasetError):
    """The version is already published; a published version is never overwritten."""


class VersionNotFoundError(DatasetError):
    """No such version in the dataset directory."""


class LatestNotMovedError(DatasetError, OSError):
    """A version was published (its folder is complete, listed and verifiable) but the root card or
    ``LATEST`` could not be written after it (a full disk): ``LATEST`` still names the previous
    version until the next export moves it. An :class:`OSError` with the cause's ``errno``."""

    def __init__(self, version: str, path: Path, cause: OSError):
        self.version = version
        self.path = path
        self.message = (f"published {version} in {path}, but could not point LATEST at it "
                        f"({cause.strerror or cause}); LATEST still names the previous version "
                        "(the next export moves it)")
        super().__init__(cause.errno, self.message)

    def __str__(self) -> str:
        return self.message


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.2.3"`` or ``"v1.2.3"`` as ``(1, 2, 3)``; anything else is a :class:`ValueError`.

    >>> parse_version("10.0.1")
    (10, 0, 1)
    """
    m = _VERSION.match(str(text).strip())
    if not m:
        raise ValueError(f"not a version number MAJOR.MINOR.PATCH: {text!r}")
    return int(m[1]), int(m[2]), int(m[3])


def format_version(version: tuple[int, int, int] | str) -> str:
    """The canonical text of a version (no ``v`` prefix).

    >>> format_version((1, 0, 0)), format_version("v2.1.0")
    ('1.0.0', '2.1.0')
    """
    if isinstance(version, str):
        version = parse_version(version)
    return "%d.%d.%d" % tuple(version)


def bump_version(version: str, bump: str = "minor") -> str:
    """The next version after ``version``: ``major``, ``minor`` or ``patch``.

    >>> [bump_version("1.2.3", b) for b in ("major", "minor", "patch")]
    ['2.0.0', '1.3.0', '1.2.4']
    """
    major, minor, patch = parse_version(version)
    if bump == "major":
        return format_version((major + 1, 0, 0))
    if bump == "minor":
        return format_version((major, minor + 1, 0))
    if bump == "patch":
        return format_version((major, minor, patch + 1))
    raise ValueError(f"bump must be one of {', '.join(BUMPS)}, not {bump!r}")


def version_dir(dataset_dir: str | os.PathLike[str], version: str) -> Path:
    """Where ``version`` lives: ``DIR/v1.0.0``."""
    return Path(dataset_dir) / f"v{format_version(version)}"


_DATA_FILE = re.compile(r"^" + DATA_DIR + r"(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)+$")
_NAME_MAX = 200
_PATH_MAX = 1024  # a manifest's data path: PATH_MAX-like bounds, checked before the file system sees it
_PART_MAX = 255


def data_file_path(version_path: str | os.PathLike[str], rel: Any) -> Path:
    """The file a manifest entry's ``path`` names, which must lie in the version's ``data/`` folder.

    Raises :class:`UnsafePathError` for anything else: ``..`` or ``.`` parts, an absolute
    path, a backslash, a NUL or another character outside ``[A-Za-z0-9._-]``.

    >>> data_file_path("ds/v1.0.0", "data/train-00000-of-00001.parquet").as_posix()
    'ds/v1.0.0/data/train-00000-of-00001.parquet'
    >>> data_file_path("ds/v1.0.0", "data/../../secret")
    Traceback (most recent call last):
    ...
    cleaner.dataset.versions.UnsafePathError: the manifest lists 'data/../../secret', which is not a file in the version's data/ folder
    """
    if isinstance(rel, str) and (len(rel) > _PATH_MAX or any(len(part) > _PART_MAX for part in rel.split("/"))):
        raise UnsafePathError(f"the manifest lists a data path of {len(rel)} characters ({rel[:40]!r}...), "
                              f"longer than a file name can be")
    if not isinstance(rel, str) or not _DATA_FILE.match(rel) or any(part in (".", "..") for part in rel.split("/")):
        raise UnsafePathError(f"the manifest lists {rel!r}, which is not a file in the version's {DATA_DIR}/ folder")
    return Path(version_path) / rel


def check_dataset_name(name: Any) -> str:
    """``name`` if it can name a dataset: non-empty text of at most 200 characters without control
    characters (NUL, newlines), path separators or ``..``; else :class:`UnsafePathError`.

    >>> check_dataset_name("seed news")
    'seed news'
    >>> check_dataset_name("../../evil")
    Traceback (most recent call last):
    ...
    cleaner.dataset.versions.UnsafePathError: dataset name '../../evil' must not contain '/', '\\' or '..'
    """
    if not isinstance(name, str) or not name.strip():
        raise UnsafePathError(f"dataset name must be non-empty text, not {name!r}")
    if len(name) > _NAME_MAX:
        raise UnsafePathError(f"dataset name is {len(name)} characters long; at most {_NAME_MAX} are allowed")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in name):
        raise UnsafePathError(f"dataset name {name!r} must not contain control characters (NUL, newlines, tabs)")
    if "/" in name or "\\" in name or ".." in name:
        raise UnsafePathError(f"dataset name {name!r} must not contain '/', '\\' or '..'")
    return name


def list_versions(dataset_dir: str | os.PathLike[str]) -> list[str]:
    """The published versions in ``dataset_dir``, oldest first (complete directories only)."""
    root = Path(dataset_dir)
    if not root.is_dir():
        return []
    found = []
    for entry in root.iterdir():
        if _VERSION_DIR.match(entry.name) and (entry / MANIFEST_FILE).is_file():
            found.append(parse_version(entry.name))
    return [format_version(v) for v in sorted(found)]


def read_latest(dataset_dir: str | os.PathLike[str]) -> str | None:
    """The version ``DIR/LATEST`` names, or None when there is no such file."""
    path = Path(dataset_dir) / LATEST_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    try:
        return format_version(text)
    except ValueError:
        raise DatasetError(f"{path} does not hold a version number: {text[:40]!r}") from None


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_latest(dataset_dir: str | os.PathLike[str], version: str) -> None:
    """Point ``DIR/LATEST`` at ``version`` atomically (write a temporary file, then ``os.replace``)."""
    root = Path(dataset_dir)
    text = format_version(version) + "\n"
    # created with the usual permissions (0666 less the umask, like the data), not mkstemp's 0600
    tmp = str(root / f".LATEST.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, root / LATEST_FILE)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(root)


def resolve_version(dataset_dir: str | os.PathLike[str], version: str | None = None) -> str:
    """``version`` in canonical form, or the ``LATEST`` one; raises :class:`VersionNotFoundError`."""
    root = Path(dataset_dir)
    if version is None:
        version = read_latest(root)
        if version is None:
            found = list_versions(root)
            if not found:
                raise VersionNotFoundError(f"{root} holds no published dataset version")
            version = found[-1]
    version = format_version(version)
    if not (version_dir(root, version) / MANIFEST_FILE).is_file():
        raise VersionNotFoundError(f"{root} has no version {version}")
    return version


@dataclass(frozen=True)
class VersionInfo:
    """One published version, as its manifest describes it."""

    version: str
    path: Path
    name: str
    parent: str | None
    rows: int
    created: str
    schema_version: str
    config_hash: str | None
    latest: bool = False

    @property
    def data_files(self) -> list[Path]:
        """The version's Parquet shards, in order."""
        return sorted((self.path / DATA_DIR).glob("*.parquet"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "path": str(self.path),
            "name": self.name,
            "parent": self.parent,
            "rows": self.rows,
            "created": self.created,
            "schema_version": self.schema_version,
            "config_hash": self.config_hash,
            "latest": self.latest,
        }


def version_info(dataset_dir: str | os.PathLike[str], version: str | None = None) -> VersionInfo:
    """The :class:`VersionInfo` of ``version`` (``LATEST`` by default)."""
    from .manifest import read_manifest

    root = Path(dataset_dir)
    version = resolve_version(root, version)
    path = version_dir(root, version)
    m = read_manifest(path)
    return VersionInfo(
        version=version,
        path=path,
        name=m.get("name", root.name),
        parent=m.get("parent"),
        rows=int(m.get("rows", 0)),
        created=m.get("created", ""),
        schema_version=(m.get("schema") or {}).get("version", ""),
        config_hash=m.get("config_hash"),
        latest=version == _latest_or_none(root),
    )


def _latest_or_none(root: Path) -> str | None:
    """The version ``LATEST`` names, or None when it is missing or does not hold a version."""
    try:
        return read_latest(root)
    except DatasetError:
        return None


def versions(dataset_dir: str | os.PathLike[str]) -> list[VersionInfo]:
    """Every published version of the dataset in ``dataset_dir``, oldest first."""
    return [version_info(dataset_dir, v) for v in list_versions(dataset_dir)]
