"""Push a published dataset version to a Hugging Face Hub dataset repository.

One version becomes one commit on the repository's ``main`` branch, holding the version's
``manifest.json``, ``README.md`` (the dataset card) and ``data/*.parquet`` shards, and then
the git tag ``v1.0.0`` on that commit, so ``datasets.load_dataset(repo_id, revision="v1.0.0")``
reads exactly that version for ever, while ``main`` follows the newest push.

The tag is created only after the commit succeeded: a failed push leaves no tag, and running
it again finishes the job. Pushing a version whose tag already exists is a no-op when the
tagged files are the same (compared by SHA-256 / git blob id) and is refused otherwise.

The token comes from the ``token`` argument, else ``HF_TOKEN``, else the saved login
(``hf auth login``). It is never logged, printed or kept in results or error messages.

>>> PushResult(repo_id="me/news", version="1.0.0", tag="v1.0.0", status="dry-run").pushed
False
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from .versions import (
    CARD_FILE,
    DATA_DIR,
    MANIFEST_FILE,
    DatasetError,
    VersionNotFoundError,
    format_version,
    list_versions,
    resolve_version,
    version_dir,
)

__all__ = [
    "push",
    "PushResult",
    "PushedFile",
    "PushError",
    "LocalVersionError",
    "LocalVersionNotFoundError",
    "TokenNotFoundError",
    "AuthenticationError",
    "RepoNotFoundError",
    "TagConflictError",
    "HubUnavailableError",
    "commit_message",
    "tag_name",
]

logger = logging.getLogger(__name__)

REPO_TYPE = "dataset"
BRANCH = "main"
REPO_ID_MAX = 96  # the Hub's limit for "owner/name" (huggingface_hub's validate_repo_id)


# -- errors ------------------------------------------------------------------------------------


class PushError(DatasetError):
    """A dataset version could not be pushed to the Hub."""


class LocalVersionError(PushError):
    """The local version is missing or does not match its manifest."""


class LocalVersionNotFoundError(LocalVersionError, VersionNotFoundError):
    """No such version in the dataset directory."""


class TokenNotFoundError(PushError):
    """No Hugging Face token: none passed, no ``HF_TOKEN``, no saved login."""


class AuthenticationError(PushError):
    """The Hub rejected the token, or it may not write to this repository."""


class RepoNotFoundError(PushError):
    """The dataset repository does not exist (and ``create`` was not asked for)."""


class TagConflictError(PushError):
    """The version's tag exists on the Hub and points to different content."""

    def __init__(self, message: str, differences: tuple[str, ...] = ()):
        super().__init__(message)
        self.differences = differences


class HubUnavailableError(PushError):
    """The Hub could not be reached or failed (network error, server error).

    ``stage`` names the step that failed; ``commit`` is the commit id when the files were
    committed but the tag could not be created (a new push finishes the job).
    """

    def __init__(self, message: str, stage: str, commit: str | None = None):
        super().__init__(message)
        self.stage = stage
        self.commit = commit


# -- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PushedFile:
    """One file of the version as it is (or would be) uploaded."""

    path: str
    size: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class PushResult:
    """What :func:`push` did.

    status: ``"pushed"`` (new commit and tag), ``"unchanged"`` (the tag already held this
    exact content) or ``"dry-run"`` (nothing was sent).
    """

    repo_id: str
    version: str
    tag: str
    status: str
    commit: str | None = None
    files: tuple[PushedFile, ...] = ()
    deleted: tuple[str, ...] = ()
    repo_created: bool = False
    endpoint: str | None = None
    message: str = ""
    main_moved: bool = True
    main_version: str | None = None

    @property
    def pushed(self) -> bool:
        return self.status == "pushed"

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def url(self) -> str | None:
        """The repository's file listing at the tag."""
        if self.endpoint is None:
            return None
        return f"{self.endpoint.rstrip('/')}/datasets/{self.repo_id}/tree/{self.tag}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "repo_id": self.repo_id,
            "version": self.version,
            "tag": self.tag,
            "status": self.status,
            "commit": self.commit,
            "files": [f.to_dict() for f in self.files],
            "deleted": list(self.deleted),
            "repo_created": self.repo_created,
            "endpoint": self.endpoint,
            "url": self.url,
            "message": self.message,
            "main_moved": self.main_moved,
            "main_version": self.main_version,
        }

    def lines(self) -> list[str]:
        """A short human summary, one line per item (for the command line)."""
        head = {
            "pushed": f"pushed version {self.version} to {self.repo_id} as tag {self.tag}",
            "unchanged": f"{self.repo_id} already has version {self.version} at tag {self.tag}; nothing to do",
            "dry-run": f"dry run: would push version {self.version} to {self.repo_id} as tag {self.tag}",
        }.get(self.status, f"{self.status}: {self.repo_id} {self.tag}")
        out = [head]
        if self.commit:
            out.append(f"  commit {self.commit}")
        if self.repo_created:
            out.append("  created the repository")
        for f in self.files:
            out.append(f"  {f.path}  {f.size} bytes  sha256 {f.sha256[:12]}")
        for p in self.deleted:
            out.append(f"  delete {p} (not part of this version)")
        if self.status == "pushed" and not self.main_moved:
            out.append(f"  main stays at the newer version {self.main_version}; only the tag {self.tag} holds this one "
                       "(--move-main points main here)")
        if self.url and self.status != "dry-run":
            out.append(f"  {self.url}")
        return out


# -- naming ------------------------------------------------------------------------------------


def tag_name(version: str) -> str:
    """The git tag of a version.

    >>> tag_name("1.2.0")
    'v1.2.0'
    """
    return "v" + format_version(version)


def commit_message(version: str) -> str:
    """The commit summary of a version's push.

    >>> commit_message("v1.2.0")
    'cleaner: dataset version 1.2.0'
    """
    return f"cleaner: dataset version {format_version(version)}"


# -- the local version -------------------------------------------------------------------------


@dataclass(frozen=True)
class _LocalFile:
    path: str
    local: Path
    size: int
    sha256: str
    git_oid: str
    data: bytes | None = None  # the bytes to upload when they are not the local file's (the Hub card)

    def upload_source(self) -> str | bytes:
        return self.data if self.data is not None else str(self.local)


@dataclass(frozen=True)
class _LocalVersion:
    version: str
    root: Path
    files: tuple[_LocalFile, ...] = field(default_factory=tuple)

    def by_path(self) -> dict[str, _LocalFile]:
        return {f.path: f for f in self.files}


def _hash_file(path: Path) -> tuple[int, str, str]:
    """Size, SHA-256 and git blob id of a file."""
    size = path.stat().st_size
    sha256 = hashlib.sha256()
    git = hashlib.sha1(b"blob %d\0" % size)
    with open(path, "rb") as fh:
        while block := fh.read(1 << 22):
            sha256.update(block)
            git.update(block)
    return size, sha256.hexdigest(), git.hexdigest()


_SAFE_PATH = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")


def _load_local_version(dataset_dir: str | os.PathLike[str], version: str | None) -> _LocalVersion:
    root = Path(dataset_dir)
    if not root.is_dir():
        raise LocalVersionNotFoundError(f"{root} is not a dataset directory")
    try:
        resolved = resolve_version(root, version)
    except ValueError as exc:
        raise LocalVersionNotFoundError(str(exc)) from None
    except VersionNotFoundError as exc:
        found = list_versions(root)
        hint = f" (versions here: {', '.join(found)})" if found else ""
        raise LocalVersionNotFoundError(f"{exc}{hint}") from None
    except DatasetError as exc:
        raise LocalVersionError(str(exc)) from None
    vdir = version_dir(root, resolved)
    from .verify import outside_version, verify

    report = verify(root, resolved)
    if not report.ok:  # what verify refuses is never uploaded (a changed shard, a link, a missing checksum)
        more = f" (and {len(report.problems) - 3} more)" if len(report.problems) > 3 else ""
        raise LocalVersionError(f"{vdir} does not pass `cleaner verify`: {'; '.join(report.problems[:3])}{more}")
    try:
        manifest = json.loads((vdir / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LocalVersionError(f"{vdir / MANIFEST_FILE} cannot be read: {exc}") from None
    if not isinstance(manifest, dict):
        raise LocalVersionError(f"{vdir / MANIFEST_FILE} is not a JSON object")
    stated = manifest.get("version")
    if stated is None or format_version(str(stated)) != resolved:
        raise LocalVersionError(f"{vdir / MANIFEST_FILE} names version {stated!r}, not {resolved}")
    if not (vdir / CARD_FILE).is_file():
        raise LocalVersionError(f"{vdir} has no dataset card {CARD_FILE}")

    entries = manifest.get("files")
    if not isinstance(entries, list) or not entries:
        raise LocalVersionError(f"{vdir / MANIFEST_FILE} lists no data files")
    files: list[_LocalFile] = []
    listed: set[str] = set()
    for item in entries:
        rel = str(item.get("path", "")) if isinstance(item, dict) else ""
        if len(rel) > 1024 or not _SAFE_PATH.match(rel) or not rel.startswith(DATA_DIR + "/") or ".." in rel.split("/"):
            raise LocalVersionError(f"{vdir / MANIFEST_FILE} lists an unusable data path {rel[:80]!r}")
        local = vdir / rel
        outside = outside_version(vdir, local)
        if outside is not None:  # never follow a link out of the version folder
            raise LocalVersionError(f"{local} {outside}; not uploaded")
        if not local.is_file():
            raise LocalVersionError(f"{local} is listed in the manifest but missing")
        if not item.get("sha256") or "size" not in item:
            raise LocalVersionError(f"{local}: the manifest gives no sha256 or size for it; not uploaded")
        size, sha256, git_oid = _hash_file(local)
        if "size" in item and int(item["size"]) != size:
            raise LocalVersionError(f"{local} has {size} bytes, the manifest says {item['size']}")
        if item.get("sha256") and str(item["sha256"]).lower() != sha256:
            raise LocalVersionError(f"{local} does not match the SHA-256 in the manifest")
        files.append(_LocalFile(rel, local, size, sha256, git_oid))
        listed.add(rel)
    extra = sorted(
        p.relative_to(vdir).as_posix() for p in (vdir / DATA_DIR).glob("**/*.parquet")
        if p.relative_to(vdir).as_posix() not in listed
    )
    if extra:
        raise LocalVersionError(f"{vdir} has data files the manifest does not list: {', '.join(extra)}")

    head = []
    for name in (MANIFEST_FILE, CARD_FILE):
        outside = outside_version(vdir, vdir / name)
        if outside is not None:
            raise LocalVersionError(f"{vdir / name} {outside}; not uploaded")
        size, sha256, git_oid = _hash_file(vdir / name)
        head.append(_LocalFile(name, vdir / name, size, sha256, git_oid))
    return _LocalVersion(resolved, vdir, tuple(head + sorted(files, key=lambda f: f.path)))


# -- token and error translation ---------------------------------------------------------------


def _resolve_token(token: str | None) -> str:
    if token:
        return token
    env = os.environ.get("HF_TOKEN", "").strip()
    if env:
        return env
    try:
        from huggingface_hub import get_token

        saved = get_token()
    except Exception:
        saved = None
    if saved:
        return saved
    raise TokenNotFoundError(
        "no Hugging Face token: pass token=..., set HF_TOKEN, or log in once with `hf auth login`"
    )


def _text(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0] if text else type(exc).__name__


def _chain_mentions(exc: BaseException, secret: str) -> bool:
    try:
        rendered = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    except Exception:
        return True
    return secret in rendered


class _Translate:
    """Turn ``huggingface_hub`` / transport errors into :class:`PushError` subclasses."""

    def __init__(self, token: str, repo_id: str):
        self.token = token
        self.repo_id = repo_id

    def _redact(self, text: str) -> str:
        return text.replace(self.token, "***") if self.token else text

    def _raise(self, error: PushError, cause: BaseException) -> NoReturn:
        if self.token and _chain_mentions(cause, self.token):
            raise error from None
        raise error from cause

    def __call__(self, exc: BaseException, stage: str, commit: str | None = None) -> NoReturn:
        from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled, RepositoryNotFoundError

        http_error = _find_in_chain(exc, HfHubHTTPError)
        if http_error is not None and http_error is not exc and not isinstance(exc, HfHubHTTPError):
            detail = self._redact(f"{_text(exc)} ({_text(http_error)})")
            exc_http: BaseException = http_error
        else:
            detail = self._redact(_text(exc))
            exc_http = exc
        if isinstance(exc_http, RepositoryNotFoundError):
            self._raise(RepoNotFoundError(
                f"dataset repository {self.repo_id!r} not found (or not visible with this token); "
                "pass create=True to create it"), exc)
        if isinstance(exc_http, HfHubHTTPError) and exc_http.response is not None:
            status = exc_http.response.status_code
            server_message = (getattr(exc_http, "server_message", None) or "").strip()
            if server_message:
                detail = self._redact(f"{detail} - {' '.join(server_message.split())[:300]}")
            if status in (401, 403):
                self._raise(AuthenticationError(
                    f"the Hub refused the token while trying to {stage} ({status}): {detail}"), exc)
            if status >= 500 or status == 429:
                self._raise(HubUnavailableError(
                    f"the Hub failed while trying to {stage} ({status}): {detail}", stage, commit), exc)
            self._raise(PushError(f"the Hub refused to {stage} ({status}): {detail}"), exc)
        if isinstance(exc, OfflineModeIsEnabled):
            self._raise(HubUnavailableError(f"cannot {stage}: offline mode is enabled (HF_HUB_OFFLINE)",
                                            stage, commit), exc)
        if _is_transport_error(exc):
            self._raise(HubUnavailableError(
                f"cannot reach the Hub to {stage}: {type(exc).__name__}: {detail}", stage, commit), exc)
        self._raise(PushError(f"could not {stage}: {type(exc).__name__}: {detail}"), exc)


def _find_in_chain(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, kind):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


def _is_transport_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        mod = type(cur).__module__ or ""
        if mod.split(".")[0] in ("httpx", "httpx2", "httpcore", "httpcore2") or isinstance(
            cur, (ConnectionError, TimeoutError)
        ):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


# -- remote comparison -------------------------------------------------------------------------


def _differences(local: _LocalVersion, remote: dict[str, Any]) -> list[str]:
    """Paths whose remote content differs from the local version (``remote``: path -> RepoFile)."""
    out = []
    wanted = local.by_path()
    for path, lf in wanted.items():
        rf = remote.get(path)
        if rf is None:
            out.append(f"{path}: missing on the Hub")
            continue
        lfs = getattr(rf, "lfs", None)
        if lfs is not None:
            same = lfs.sha256 == lf.sha256 and int(lfs.size) == lf.size
        else:
            same = rf.blob_id == lf.git_oid
        if not same:
            out.append(f"{path}: different content")
    for path in sorted(remote):
        if path.startswith(DATA_DIR + "/") and path not in wanted:
            out.append(f"{path}: not part of this version")
    return out


def _remote_files(api: Any, repo_id: str, revision: str) -> dict[str, Any]:
    from huggingface_hub.hf_api import RepoFile

    return {
        item.path: item
        for item in api.list_repo_tree(repo_id, repo_type=REPO_TYPE, revision=revision, recursive=True)
        if isinstance(item, RepoFile)
    }


# -- push --------------------------------------------------------------------------------------


def _with_hub_card(local: _LocalVersion, repo_id: str) -> _LocalVersion:
    """The version with its card rendered for the Hub: the loading snippet names ``repo_id`` and the tag."""
    from .card import render_card
    from .manifest import read_manifest

    data = render_card(read_manifest(local.root), repo_id=repo_id).encode("utf-8")
    size = len(data)
    git_oid = hashlib.sha1(b"blob %d\0" % size + data).hexdigest()
    files = tuple(
        _LocalFile(f.path, f.local, size, hashlib.sha256(data).hexdigest(), git_oid, data) if f.path == CARD_FILE else f
        for f in local.files
    )
    return _LocalVersion(local.version, local.root, files)


def _remote_version(api: Any, repo_id: str, revision: str) -> str | None:
    """The version the manifest at ``revision`` names, or None when there is none that can be read."""
    try:
        path = api.hf_hub_download(repo_id, MANIFEST_FILE, repo_type=REPO_TYPE, revision=revision)
        return format_version(str(json.loads(Path(path).read_text(encoding="utf-8"))["version"]))
    except Exception:
        return None


def _parse(version: str) -> tuple[int, int, int]:
    from .versions import parse_version

    return parse_version(version)


def _planned(local: _LocalVersion) -> tuple[PushedFile, ...]:
    return tuple(PushedFile(f.path, f.size, f.sha256) for f in local.files)


def push(
    dataset_dir: str | os.PathLike[str],
    repo_id: str,
    *,
    version: str | None = None,
    private: bool = False,
    create: bool = False,
    dry_run: bool = False,
    token: str | None = None,
    endpoint: str | None = None,
    move_main: bool = False,
) -> PushResult:
    """Push one published version of ``dataset_dir`` to the Hub dataset repository ``repo_id``.

    version: the version to push (``"1.0.0"`` or ``"v1.0.0"``); default the one ``LATEST`` names.
    private: make the repository private when this call creates it.
    create: create the repository when it does not exist (otherwise that is an error).
    dry_run: check the local version and list what would be uploaded; nothing touches the network.
    token: a Hugging Face token; default ``HF_TOKEN``, then the saved login.
    endpoint: the Hub's URL; default ``HF_ENDPOINT`` or https://huggingface.co.
    move_main: point ``main`` at this version even when ``main`` holds a newer one. Without it,
        an older version is committed beside ``main`` (on a short-lived branch) and only tagged,
        so ``main`` never goes back to an older version.

    The card uploaded is the version's card with a loading snippet for ``repo_id``.

    Raises a :class:`PushError` subclass: :class:`LocalVersionNotFoundError`,
    :class:`LocalVersionError`, :class:`TokenNotFoundError`, :class:`AuthenticationError`,
    :class:`RepoNotFoundError`, :class:`TagConflictError`, :class:`HubUnavailableError`.
    """
    if (not isinstance(repo_id, str) or not re.fullmatch(r"[\w.-]+/[\w.-]+", repo_id, flags=re.ASCII)
            or any(part in (".", "..") or part.startswith((".", "-")) for part in repo_id.split("/"))):
        raise PushError(f"repo_id must look like 'owner/name', not {str(repo_id)[:120]!r}")
    if len(repo_id) > REPO_ID_MAX:
        raise PushError(f"repo_id is {len(repo_id)} characters long; the Hub takes at most {REPO_ID_MAX}")
    local = _with_hub_card(_load_local_version(dataset_dir, version), repo_id)
    tag = tag_name(local.version)
    planned = _planned(local)

    from huggingface_hub import constants

    api_endpoint = (endpoint or constants.ENDPOINT).rstrip("/")
    if dry_run:
        logger.info("dry run: %d files (%d bytes) of version %s for %s", len(planned),
                    sum(f.size for f in planned), local.version, repo_id)
        return PushResult(repo_id=repo_id, version=local.version, tag=tag, status="dry-run",
                          files=planned, endpoint=api_endpoint,
                          message=f"would upload {len(planned)} files and tag {tag}")

    secret = _resolve_token(token)
    translate = _Translate(secret, repo_id)

    from huggingface_hub import CommitOperationAdd, CommitOperationDelete, HfApi
    from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError

    api = HfApi(endpoint=api_endpoint, token=secret, library_name="cleaner")

    repo_created = False
    try:
        api.repo_info(repo_id, repo_type=REPO_TYPE)
    except RepositoryNotFoundError as exc:
        if not create:
            translate(exc, "find the repository")
        try:
            api.create_repo(repo_id, repo_type=REPO_TYPE, private=private, exist_ok=True)
        except Exception as exc2:
            translate(exc2, "create the repository")
        repo_created = True
        logger.info("created dataset repository %s", repo_id)
    except Exception as exc:
        translate(exc, "find the repository")

    def refs() -> tuple[dict[str, str], dict[str, str]]:
        try:
            r = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
        except Exception as exc:
            translate(exc, "list the repository's tags")
        return ({b.name: b.target_commit for b in r.branches}, {t.name: t.target_commit for t in r.tags})

    def settle_existing(target: str) -> PushResult:
        try:
            remote = _remote_files(api, repo_id, target)
        except Exception as exc:
            translate(exc, f"read the files of tag {tag}")
        diffs = _differences(local, remote)
        if diffs:
            raise TagConflictError(
                f"tag {tag} already exists on {repo_id} (commit {target[:12]}) with different content: "
                + "; ".join(diffs[:5]) + ("; ..." if len(diffs) > 5 else "")
                + ". A published version is never overwritten: publish a new version instead.",
                tuple(diffs),
            )
        logger.info("%s already holds version %s at tag %s", repo_id, local.version, tag)
        return PushResult(repo_id=repo_id, version=local.version, tag=tag, status="unchanged",
                          commit=target, files=planned, repo_created=repo_created, endpoint=api_endpoint,
                          message=f"tag {tag} already holds this version")

    branches, tags = refs()
    if tag in tags:
        return settle_existing(tags[tag])

    head = branches.get(BRANCH)
    stale: list[str] = []
    if head is not None:
        try:
            current = _remote_files(api, repo_id, head)
        except Exception as exc:
            translate(exc, "list the files on the main branch")
        wanted = local.by_path()
        stale = sorted(p for p in current if p.startswith(DATA_DIR + "/") and p not in wanted)

    main_version = _remote_version(api, repo_id, head) if head is not None else None
    behind = main_version is not None and _parse(main_version) > _parse(local.version) and not move_main
    target = BRANCH
    if behind:
        # main holds a newer version: commit on a branch that starts at main, tag that commit, drop the branch
        target = f"cleaner-push-{local.version}"
        try:
            if target in branches:
                api.delete_branch(repo_id, branch=target, repo_type=REPO_TYPE)
            api.create_branch(repo_id, branch=target, revision=head, repo_type=REPO_TYPE)
        except Exception as exc:
            translate(exc, f"create the branch {target}")

    operations: list[Any] = [CommitOperationAdd(path_in_repo=f.path, path_or_fileobj=f.upload_source())
                             for f in local.files]
    operations += [CommitOperationDelete(path_in_repo=p) for p in stale]
    logger.info("pushing version %s to %s: %d files, %d stale removed", local.version, repo_id,
                len(local.files), len(stale))
    try:
        info = api.create_commit(
            repo_id,
            operations,
            commit_message=commit_message(local.version),
            commit_description=(
                f"Dataset version {local.version} ({len(planned) - 2} data files, "
                f"{sum(f.size for f in planned)} bytes), tagged {tag}."
            ),
            repo_type=REPO_TYPE,
            revision=target,
            parent_commit=head,
        )
    except HfHubHTTPError as exc:
        if exc.response is not None and exc.response.status_code == 412:
            raise PushError(f"{repo_id} changed while pushing; run the push again") from None
        translate(exc, "commit the files")
    except Exception as exc:
        translate(exc, "commit the files")
    commit = info.oid

    try:
        api.create_tag(repo_id, tag=tag, revision=commit, repo_type=REPO_TYPE,
                       tag_message=f"cleaner dataset version {local.version}")
    except HfHubHTTPError as exc:
        if exc.response is not None and exc.response.status_code == 409:
            _, tags = refs()
            if tag in tags:
                return settle_existing(tags[tag])
        translate(exc, f"create tag {tag}", commit)
    except Exception as exc:
        translate(exc, f"create tag {tag}", commit)

    if behind:
        try:
            api.delete_branch(repo_id, branch=target, repo_type=REPO_TYPE)
        except Exception as exc:  # the tag holds the commit; a branch left over is removed by the next push
            logger.warning("could not delete the branch %s: %s", target, _text(exc))

    logger.info("pushed version %s to %s at commit %s, tag %s", local.version, repo_id, commit, tag)
    return PushResult(repo_id=repo_id, version=local.version, tag=tag, status="pushed", commit=commit,
                      files=planned, deleted=tuple(stale), repo_created=repo_created,
                      endpoint=api_endpoint, message=f"committed {commit[:12]} and tagged {tag}",
                      main_moved=not behind, main_version=main_version if behind else local.version)
