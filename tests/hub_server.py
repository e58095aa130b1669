"""A loopback Hugging Face Hub for tests.

``HubServer`` speaks the part of the Hub's HTTP API that ``huggingface_hub`` (uploads, tags,
refs, trees, downloads) and ``datasets.load_dataset`` use, on ``127.0.0.1`` with a free port.
File contents live on disk (regular files as git blobs, large files in an LFS store); every
commit is a snapshot ``path -> entry`` with a 40-hex id, a parent and a message, and branches
and tags are refs to commits, so any revision can be read back exactly as it was.

Authentication: requests may carry ``Authorization: Bearer <token>``. A token the server does
not know gets 401; writes need a known token whose user owns the namespace; private
repositories are invisible (404 ``RepoNotFound``) to anyone but their owner.

Fault injection: ``server.inject_fault(route, status=500, times=None, disconnect=False)`` makes
the next ``times`` requests to ``route`` (see ``ROUTES``) fail with ``status`` (or drop the
connection) before the route does anything; ``server.clear_faults()`` removes them.

Every request is recorded in ``server.requests`` as ``(method, route, path)``; requests no
route serves go to ``server.unhandled`` and unexpected exceptions inside a route (answered
with 500) to ``server.errors``.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import re
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

ROUTES = (
    "whoami",
    "validate_yaml",
    "create_repo",
    "delete_repo",
    "repo_info",
    "refs",
    "preupload",
    "lfs_batch",
    "lfs_upload",
    "commit",
    "commits",
    "tag",
    "delete_tag",
    "branch",
    "delete_branch",
    "tree",
    "paths_info",
    "resolve",
)

REPO_TYPES = {"models": "model", "datasets": "dataset", "spaces": "space"}
URL_PREFIX = {"model": "", "dataset": "datasets/", "space": "spaces/"}
LFS_THRESHOLD = 10 * 1024 * 1024
LFS_SUFFIXES = (".parquet", ".arrow", ".bin", ".safetensors", ".gz", ".zip", ".zst", ".npy", ".pt", ".h5")
GITATTRIBUTES = "".join(
    f"*{suffix} filter=lfs diff=lfs merge=lfs -text\n" for suffix in LFS_SUFFIXES
).encode()
EMPTY_PARENT = "0" * 40
TEST_TOKEN = "hf_loopbackTestToken0123456789abcdef"
TEST_USER = "tester"


def git_blob_oid(data: bytes) -> str:
    """The git object id of a blob holding ``data``."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def lfs_pointer(sha256: str, size: int) -> bytes:
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n".encode()


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(frozen=True)
class Entry:
    """One file of a commit: a git blob, which for LFS files is the pointer."""

    blob_oid: str
    size: int
    lfs_sha256: str | None = None
    pointer_size: int | None = None

    def tree_json(self, path: str) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "file", "oid": self.blob_oid, "size": self.size, "path": path}
        if self.lfs_sha256 is not None:
            out["lfs"] = {"oid": self.lfs_sha256, "size": self.size, "pointerSize": self.pointer_size}
        return out


@dataclass
class Commit:
    oid: str
    parent: str | None
    title: str
    message: str
    date: str
    author: str
    files: dict[str, Entry]


@dataclass
class Repo:
    repo_type: str
    repo_id: str
    private: bool
    created_at: str
    commits: dict[str, Commit] = field(default_factory=dict)
    branches: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def owner(self) -> str:
        return self.repo_id.split("/", 1)[0]

    def resolve(self, revision: str) -> Commit | None:
        if revision in self.branches:
            return self.commits[self.branches[revision]]
        if revision in self.tags:
            return self.commits[self.tags[revision]]
        for prefix, table in (("refs/heads/", self.branches), ("refs/tags/", self.tags)):
            if revision.startswith(prefix) and revision[len(prefix):] in table:
                return self.commits[table[revision[len(prefix):]]]
        if re.fullmatch(r"[0-9a-f]{7,40}", revision):
            matches = [c for oid, c in self.commits.items() if oid.startswith(revision)]
            if len(matches) == 1:
                return matches[0]
        return None


class HubError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


class _Disconnect(Exception):
    """Close the connection without answering."""


@dataclass
class _Fault:
    status: int
    times: int | None
    disconnect: bool
    message: str


class HubServer:
    """The loopback Hub. Use as a context manager, or call ``start()`` and ``stop()``."""

    def __init__(self, root: str | Path | None = None, tokens: dict[str, str] | None = None):
        self._own_root = root is None
        self.root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix="hub-server-"))
        self.blob_dir = self.root / "blobs"
        self.lfs_dir = self.root / "lfs"
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        self.lfs_dir.mkdir(parents=True, exist_ok=True)
        self.tokens: dict[str, str] = dict(tokens or {})
        self.repos: dict[tuple[str, str], Repo] = {}
        self.requests: list[tuple[str, str, str]] = []
        self.unhandled: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self._faults: dict[str, _Fault] = {}
        self._upload_tickets: dict[str, str] = {}
        self._lock = threading.RLock()
        self._counter = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> "HubServer":
        handler = type("Handler", (_Handler,), {"hub": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="hub-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "HubServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # -- test controls ---------------------------------------------------------------------

    def add_token(self, token: str, user: str) -> None:
        self.tokens[token] = user

    def inject_fault(
        self,
        route: str,
        status: int = 500,
        *,
        times: int | None = None,
        disconnect: bool = False,
        message: str = "Internal Error - injected fault",
    ) -> None:
        """Fail the next ``times`` requests to ``route`` (all of them when ``times`` is None)."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; one of {ROUTES}")
        with self._lock:
            self._faults[route] = _Fault(status, times, disconnect, message)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def requests_to(self, route: str) -> list[tuple[str, str, str]]:
        return [r for r in self.requests if r[1] == route]

    def repo(self, repo_id: str, repo_type: str = "dataset") -> Repo:
        return self.repos[(repo_type, repo_id)]

    def read_file(self, repo_id: str, path: str, revision: str = "main", repo_type: str = "dataset") -> bytes:
        commit = self.repo(repo_id, repo_type).resolve(revision)
        if commit is None:
            raise KeyError(revision)
        return self._read_entry(commit.files[path])

    def create_repo_direct(self, repo_id: str, repo_type: str = "dataset", private: bool = False) -> Repo:
        """Create a repository without going through HTTP (for arranging tests)."""
        with self._lock:
            return self._create_repo(repo_type, repo_id, private, author=repo_id.split("/", 1)[0])

    # -- fault handling --------------------------------------------------------------------

    def _take_fault(self, route: str) -> _Fault | None:
        with self._lock:
            fault = self._faults.get(route)
            if fault is None:
                return None
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[route]
            return fault

    # -- storage ---------------------------------------------------------------------------

    def _store_blob(self, data: bytes) -> str:
        oid = git_blob_oid(data)
        path = self.blob_dir / oid[:2] / oid[2:]
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp" + secrets.token_hex(4))
            tmp.write_bytes(data)
            tmp.replace(path)
        return oid

    def _lfs_path(self, sha256: str) -> Path:
        return self.lfs_dir / sha256[:2] / sha256[2:]

    def _lfs_entry(self, sha256: str) -> Entry:
        size = self._lfs_path(sha256).stat().st_size
        pointer = lfs_pointer(sha256, size)
        return Entry(self._store_blob(pointer), size, sha256, len(pointer))

    def _read_entry(self, entry: Entry) -> bytes:
        if entry.lfs_sha256 is not None:
            return self._lfs_path(entry.lfs_sha256).read_bytes()
        return (self.blob_dir / entry.blob_oid[:2] / entry.blob_oid[2:]).read_bytes()

    def _entry_file(self, entry: Entry) -> Path:
        if entry.lfs_sha256 is not None:
            return self._lfs_path(entry.lfs_sha256)
        return self.blob_dir / entry.blob_oid[:2] / entry.blob_oid[2:]

    # -- repositories and commits ----------------------------------------------------------

    def _create_repo(self, repo_type: str, repo_id: str, private: bool, author: str) -> Repo:
        key = (repo_type, repo_id)
        if key in self.repos:
            raise HubError(409, f"You already created this {repo_type} repo", "RepoExists")
        repo = Repo(repo_type, repo_id, private, _now())
        self.repos[key] = repo
        files = {".gitattributes": Entry(self._store_blob(GITATTRIBUTES), len(GITATTRIBUTES))}
        self._new_commit(repo, "main", None, "initial commit", "", author, files)
        return repo

    def _new_commit(
        self, repo: Repo, branch: str, parent: str | None, title: str, message: str, author: str,
        files: dict[str, Entry],
    ) -> Commit:
        self._counter += 1
        listing = "\n".join(f"{p} {e.blob_oid}" for p, e in sorted(files.items()))
        seed = f"{repo.repo_type}/{repo.repo_id}\n{parent or EMPTY_PARENT}\n{title}\n{message}\n{listing}\n"
        seed += f"{self._counter}\n{secrets.token_hex(8)}"
        oid = hashlib.sha1(seed.encode()).hexdigest()
        commit = Commit(oid, parent, title, message, _now(), author, dict(files))
        repo.commits[oid] = commit
        repo.branches[branch] = oid
        return commit

    def _visible_repo(self, repo_type: str, repo_id: str, user: str | None) -> Repo:
        repo = self.repos.get((repo_type, repo_id))
        if repo is None or (repo.private and user != repo.owner):
            raise HubError(404, "Repository not found", "RepoNotFound")
        return repo

    def _writable_repo(self, repo_type: str, repo_id: str, user: str | None) -> Repo:
        if user is None:
            raise HubError(401, "You must be authenticated to write to a repository", None)
        repo = self._visible_repo(repo_type, repo_id, user)
        if user != repo.owner:
            raise HubError(403, "You don't have the rights to write to this repository", None)
        return repo

    def _revision(self, repo: Repo, revision: str) -> Commit:
        commit = repo.resolve(revision)
        if commit is None:
            raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return commit


def _dirs_of(files: dict[str, Entry]) -> set[str]:
    dirs: set[str] = set()
    for path in files:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    return dirs


def _tree_oid(files: dict[str, Entry], folder: str) -> str:
    prefix = folder + "/"
    listing = "\n".join(f"{p} {e.blob_oid}" for p, e in sorted(files.items()) if p.startswith(prefix))
    return hashlib.sha1(f"tree {folder}\n{listing}".encode()).hexdigest()


def _folder_json(files: dict[str, Entry], folder: str) -> dict[str, Any]:
    return {"type": "directory", "oid": _tree_oid(files, folder), "size": 0, "path": folder}


class _Handler(BaseHTTPRequestHandler):
    hub: HubServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "LoopbackHub/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    # -- plumbing --------------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if getattr(self, "_body", None) is not None:
            return self._body
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                line = self.rfile.readline().strip()
                size = int(line.split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            body = b"".join(chunks)
        else:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
        self._body = body
        return body

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
              content_type: str = "application/json") -> None:
        self._read_body()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode(), headers)

    def _error(self, err: HubError) -> None:
        headers = {"X-Error-Message": err.message}
        if err.code:
            headers["X-Error-Code"] = err.code
        self._send(err.status, json.dumps({"error": err.message}).encode(), headers)

    def _user(self) -> str | None:
        auth = self.headers.get("Authorization")
        if not auth:
            return None
        scheme, _, token = auth.partition(" ")
        user = self.hub.tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise HubError(401, "Invalid credentials in Authorization header", None)
        return user

    def _json_body(self) -> Any:
        try:
            return json.loads(self._read_body() or b"{}")
        except ValueError as exc:
            raise HubError(400, f"Invalid JSON body: {exc}", None) from exc

    # -- dispatch --------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        self._body = None
        split = urlsplit(self.path)
        self.query = parse_qs(split.query, keep_blank_values=True)
        segments = [unquote(s) for s in split.path.strip("/").split("/")] if split.path.strip("/") else []
        found = self._route(self.command, segments)
        route = found[0] if found else "unhandled"
        with self.hub._lock:
            self.hub.requests.append((self.command, route, split.path))
        if found is None:
            with self.hub._lock:
                self.hub.unhandled.append((self.command, self.path))
            self._error(HubError(404, f"No route for {self.command} {split.path}", None))
            return
        route, func, args = found
        try:
            fault = self.hub._take_fault(route)
            if fault is not None:
                self._read_body()
                if fault.disconnect:
                    raise _Disconnect
                raise HubError(fault.status, fault.message, None)
            func(*args)
        except HubError as err:
            self._error(err)
        except _Disconnect:
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:
            with self.hub._lock:
                self.hub.errors.append(f"{self.command} {split.path}: {type(exc).__name__}: {exc}")
            self._error(HubError(500, f"Internal server error: {type(exc).__name__}", None))

    def _route(self, method: str, s: list[str]):
        if s[:1] == ["api"]:
            rest = s[1:]
            if rest == ["whoami-v2"] and method == "GET":
                return "whoami", self.whoami, ()
            if rest == ["validate-yaml"] and method == "POST":
                return "validate_yaml", self.validate_yaml, ()
            if rest == ["repos", "create"] and method == "POST":
                return "create_repo", self.create_repo, ()
            if rest == ["repos", "delete"] and method == "DELETE":
                return "delete_repo", self.delete_repo, ()
            if len(rest) >= 3 and rest[0] in REPO_TYPES:
                repo_type, repo_id, tail = REPO_TYPES[rest[0]], f"{rest[1]}/{rest[2]}", rest[3:]
                if not tail and method == "GET":
                    return "repo_info", self.repo_info, (repo_type, repo_id, "main")
                if len(tail) == 2 and tail[0] == "revision" and method == "GET":
                    return "repo_info", self.repo_info, (repo_type, repo_id, tail[1])
                if tail == ["refs"] and method == "GET":
                    return "refs", self.refs, (repo_type, repo_id)
                if len(tail) == 2 and tail[0] == "preupload" and method == "POST":
                    return "preupload", self.preupload, (repo_type, repo_id, tail[1])
                if len(tail) == 2 and tail[0] == "commit" and method == "POST":
                    return "commit", self.commit, (repo_type, repo_id, tail[1])
                if len(tail) == 2 and tail[0] == "commits" and method == "GET":
                    return "commits", self.commits, (repo_type, repo_id, tail[1])
                if len(tail) == 2 and tail[0] == "tag" and method == "POST":
                    return "tag", self.tag, (repo_type, repo_id, tail[1])
                if len(tail) == 2 and tail[0] == "tag" and method == "DELETE":
                    return "delete_tag", self.delete_tag, (repo_type, repo_id, tail[1])
                if len(tail) == 2 and tail[0] == "branch" and method == "POST":
                    return "branch", self.branch, (repo_type, repo_id, tail[1])
                if len(tail) == 2 and tail[0] == "branch" and method == "DELETE":
                    return "delete_branch", self.delete_branch, (repo_type, repo_id, tail[1])
                if len(tail) >= 2 and tail[0] == "tree" and method == "GET":
                    return "tree", self.tree, (repo_type, repo_id, tail[1], "/".join(tail[2:]))
                if len(tail) == 2 and tail[0] == "paths-info" and method == "POST":
                    return "paths_info", self.paths_info, (repo_type, repo_id, tail[1])
            return None
        if s[:2] == ["__lfs", "upload"] and len(s) == 3 and method == "PUT":
            return "lfs_upload", self.lfs_upload, (s[2],)
        repo_type = "model"
        if s[:1] and s[0] in ("datasets", "spaces"):
            repo_type, s = REPO_TYPES[s[0]], s[1:]
        if len(s) == 6 and s[1].endswith(".git") and s[2:] == ["info", "lfs", "objects", "batch"] and method == "POST":
            return "lfs_batch", self.lfs_batch, (repo_type, f"{s[0]}/{s[1][:-4]}")
        if len(s) >= 5 and s[2] == "resolve" and method in ("GET", "HEAD"):
            return "resolve", self.resolve, (repo_type, f"{s[0]}/{s[1]}", s[3], "/".join(s[4:]))
        return None

    # -- routes ----------------------------------------------------------------------------

    def whoami(self) -> None:
        user = self._user()
        if user is None:
            raise HubError(401, "Invalid credentials in Authorization header", None)
        self._json(200, {"type": "user", "name": user, "fullname": user, "orgs": [],
                         "auth": {"type": "access_token", "accessToken": {"role": "write"}}})

    def validate_yaml(self) -> None:
        self._json_body()
        self._json(200, {"errors": [], "warnings": []})

    def create_repo(self) -> None:
        user = self._user()
        body = self._json_body()
        if user is None:
            raise HubError(401, "You must be authenticated to create a repository", None)
        namespace = body.get("organization") or user
        if namespace != user:
            raise HubError(403, f"You don't have the rights to create a repo under {namespace!r}", None)
        repo_type = body.get("type") or "model"
        if repo_type not in URL_PREFIX or not re.fullmatch(r"[\w.-]+", body.get("name") or ""):
            raise HubError(400, "Invalid repository name or type", None)
        private = body.get("private") is True or body.get("visibility") == "private"
        repo_id = f"{namespace}/{body['name']}"
        with self.hub._lock:
            self.hub._create_repo(repo_type, repo_id, private, user)
        self._json(200, {"url": f"{self.hub.url}/{URL_PREFIX[repo_type]}{repo_id}", "name": repo_id,
                         "id": repo_id})

    def delete_repo(self) -> None:
        user = self._user()
        body = self._json_body()
        repo_type = body.get("type") or "model"
        repo_id = f"{body.get('organization') or user}/{body.get('name')}"
        with self.hub._lock:
            self.hub._writable_repo(repo_type, repo_id, user)
            del self.hub.repos[(repo_type, repo_id)]
        self._json(200, {})

    def repo_info(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user()
        with self.hub._lock:
            repo = self.hub._visible_repo(repo_type, repo_id, user)
            commit = self.hub._revision(repo, revision)
            blobs = self.query.get("blobs", ["false"])[0].lower() in ("1", "true")
            siblings = []
            for path, entry in sorted(commit.files.items()):
                sib: dict[str, Any] = {"rfilename": path}
                if blobs:
                    sib.update(size=entry.size, blobId=entry.blob_oid)
                    if entry.lfs_sha256:
                        sib["lfs"] = {"sha256": entry.lfs_sha256, "size": entry.size,
                                      "pointerSize": entry.pointer_size}
                siblings.append(sib)
            info = {
                "_id": hashlib.md5(repo_id.encode()).hexdigest()[:24],
                "id": repo_id,
                "author": repo.owner,
                "sha": commit.oid,
                "createdAt": repo.created_at,
                "lastModified": commit.date,
                "private": repo.private,
                "gated": False,
                "disabled": False,
                "downloads": 0,
                "likes": 0,
                "tags": [],
                "siblings": siblings,
                "usedStorage": sum(e.size for e in commit.files.values()),
            }
        self._json(200, info)

    def refs(self, repo_type: str, repo_id: str) -> None:
        user = self._user()
        with self.hub._lock:
            repo = self.hub._visible_repo(repo_type, repo_id, user)
            payload = {
                "branches": [{"name": n, "ref": f"refs/heads/{n}", "targetCommit": o}
                             for n, o in sorted(repo.branches.items())],
                "tags": [{"name": n, "ref": f"refs/tags/{n}", "targetCommit": o}
                         for n, o in sorted(repo.tags.items())],
                "converts": [],
                "pullRequests": [],
            }
        self._json(200, payload)

    def preupload(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user()
        body = self._json_body()
        if "create_pr" in self.query:
            raise HubError(400, "Pull requests are not supported by this server", None)
        with self.hub._lock:
            repo = self.hub._writable_repo(repo_type, repo_id, user)
            if revision not in repo.branches:
                raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
            head = repo.commits[repo.branches[revision]]
            out = []
            for f in body.get("files", []):
                path, size = f["path"], int(f["size"])
                lfs = size >= LFS_THRESHOLD or path.endswith(LFS_SUFFIXES)
                existing = head.files.get(path)
                oid = None
                if existing is not None:
                    oid = existing.lfs_sha256 if existing.lfs_sha256 else existing.blob_oid
                out.append({"path": path, "uploadMode": "lfs" if lfs else "regular",
                            "shouldIgnore": False, "oid": oid})
        self._json(200, {"files": out, "commitOid": head.oid})

    def lfs_batch(self, repo_type: str, repo_id: str) -> None:
        user = self._user()
        body = self._json_body()
        with self.hub._lock:
            self.hub._writable_repo(repo_type, repo_id, user)
            if body.get("operation") != "upload":
                raise HubError(400, "Only uploads are supported", None)
            objects = []
            for obj in body.get("objects", []):
                oid, size = obj["oid"], int(obj["size"])
                item: dict[str, Any] = {"oid": oid, "size": size, "authenticated": True}
                if not self.hub._lfs_path(oid).exists():
                    ticket = secrets.token_hex(16)
                    self.hub._upload_tickets[ticket] = oid
                    item["actions"] = {"upload": {
                        "href": f"{self.hub.url}/__lfs/upload/{ticket}",
                        "header": {},
                        "expires_in": 3600,
                    }}
                objects.append(item)
        self._send(200, json.dumps({"transfer": "basic", "objects": objects}).encode(),
                   content_type="application/vnd.git-lfs+json")

    def lfs_upload(self, ticket: str) -> None:
        data = self._read_body()
        with self.hub._lock:
            oid = self.hub._upload_tickets.get(ticket)
        if oid is None:
            raise HubError(403, "Invalid or expired upload URL", None)
        if hashlib.sha256(data).hexdigest() != oid:
            raise HubError(400, "Uploaded content does not match its sha256", None)
        path = self.hub._lfs_path(oid)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp" + secrets.token_hex(4))
        tmp.write_bytes(data)
        tmp.replace(path)
        with self.hub._lock:
            self.hub._upload_tickets.pop(ticket, None)
        self._send(200, b"", {"ETag": f'"{oid}"'})

    def commit(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user()
        raw = self._read_body()
        if "create_pr" in self.query:
            raise HubError(400, "Pull requests are not supported by this server", None)
        try:
            lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except ValueError as exc:
            raise HubError(400, f"Invalid NDJSON body: {exc}", None) from exc
        if not lines or lines[0].get("key") != "header":
            raise HubError(400, "The first line of a commit must be its header", None)
        header = lines[0]["value"]
        title = (header.get("summary") or "").strip()
        if not title:
            raise HubError(400, "A commit needs a summary", None)
        with self.hub._lock:
            repo = self.hub._writable_repo(repo_type, repo_id, user)
            if revision not in repo.branches:
                raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
            head = repo.commits[repo.branches[revision]]
            parent = header.get("parentCommit")
            if parent and not head.oid.startswith(parent):
                raise HubError(412, "A commit has happened since. Please refresh and try again.", None)
            files = dict(head.files)
            for line in lines[1:]:
                key, value = line.get("key"), line.get("value") or {}
                path = value.get("path", "")
                if key == "file":
                    if value.get("encoding") != "base64":
                        raise HubError(400, f"Unsupported encoding for {path}", None)
                    data = base64.b64decode(value["content"])
                    files[path] = Entry(self.hub._store_blob(data), len(data))
                elif key == "lfsFile":
                    oid = value.get("oid", "")
                    if value.get("algo", "sha256") != "sha256" or not self.hub._lfs_path(oid).exists():
                        raise HubError(422, f"LFS object {oid} for {path} was not uploaded", None)
                    entry = self.hub._lfs_entry(oid)
                    if value.get("size") is not None and int(value["size"]) != entry.size:
                        raise HubError(422, f"Size mismatch for {path}", None)
                    files[path] = entry
                elif key == "deletedFile":
                    if path not in files:
                        raise HubError(404, f"A file with this name doesn't exist: {path}", "EntryNotFound")
                    del files[path]
                elif key == "deletedFolder":
                    prefix = path.rstrip("/") + "/"
                    doomed = [p for p in files if p.startswith(prefix)]
                    if not doomed:
                        raise HubError(404, f"A folder with this name doesn't exist: {path}", "EntryNotFound")
                    for p in doomed:
                        del files[p]
                else:
                    raise HubError(400, f"Unknown commit operation {key!r}", None)
            commit = self.hub._new_commit(repo, revision, head.oid, title, header.get("description") or "",
                                          user or "", files)
        self._json(200, {
            "success": True,
            "commitOid": commit.oid,
            "commitMessage": title,
            "commitUrl": f"{self.hub.url}/{URL_PREFIX[repo_type]}{repo_id}/commit/{commit.oid}",
            "hookOutput": "",
        })

    def commits(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user()
        with self.hub._lock:
            repo = self.hub._visible_repo(repo_type, repo_id, user)
            commit: Commit | None = self.hub._revision(repo, revision)
            out = []
            while commit is not None:
                out.append({"id": commit.oid, "title": commit.title, "message": commit.message,
                            "date": commit.date, "authors": [{"user": commit.author}]})
                commit = repo.commits.get(commit.parent) if commit.parent else None
        self._json(200, out)

    def tag(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user()
        body = self._json_body()
        name = body.get("tag") or ""
        if not re.fullmatch(r"[\w.\-]+(/[\w.\-]+)*", name):
            raise HubError(400, f"Invalid tag name {name!r}", None)
        with self.hub._lock:
            repo = self.hub._writable_repo(repo_type, repo_id, user)
            commit = self.hub._revision(repo, revision)
            if name in repo.tags:
                raise HubError(409, f"Tag {name} already exists", None)
            repo.tags[name] = commit.oid
        self._json(200, {})

    def delete_tag(self, repo_type: str, repo_id: str, name: str) -> None:
        user = self._user()
        with self.hub._lock:
            repo = self.hub._writable_repo(repo_type, repo_id, user)
            if name not in repo.tags:
                raise HubError(404, f"Invalid rev id: {name}", "RevisionNotFound")
            del repo.tags[name]
        self._json(200, {})

    def branch(self, repo_type: str, repo_id: str, name: str) -> None:
        user = self._user()
        body = self._json_body()
        if not re.fullmatch(r"[\w.\-]+", name):
            raise HubError(400, f"Invalid branch name {name!r}", None)
        with self.hub._lock:
            repo = self.hub._writable_repo(repo_type, repo_id, user)
            if name in repo.branches or name in repo.tags:
                raise HubError(409, f"Reference {name} already exists", None)
            start = body.get("startingPoint") or "main"
            repo.branches[name] = self.hub._revision(repo, start).oid
        self._json(200, {})

    def delete_branch(self, repo_type: str, repo_id: str, name: str) -> None:
        user = self._user()
        with self.hub._lock:
            repo = self.hub._writable_repo(repo_type, repo_id, user)
            if name not in repo.branches or name == "main":
                raise HubError(404 if name != "main" else 403, f"Invalid rev id: {name}", "RevisionNotFound")
            del repo.branches[name]
        self._json(200, {})

    def _entries(self, commit: Commit, folder: str, recursive: bool) -> list[dict[str, Any]]:
        prefix = folder + "/" if folder else ""
        dirs = _dirs_of(commit.files)
        out: list[dict[str, Any]] = []
        for d in sorted(dirs):
            if d.startswith(prefix) and (recursive or "/" not in d[len(prefix):]):
                out.append(_folder_json(commit.files, d))
        for path, entry in sorted(commit.files.items()):
            if path.startswith(prefix) and (recursive or "/" not in path[len(prefix):]):
                out.append(entry.tree_json(path))
        return out

    def _with_last_commit(self, repo: Repo, commit: Commit, item: dict[str, Any]) -> dict[str, Any]:
        path, cur = item["path"], commit
        last = commit
        while cur.parent is not None:
            parent = repo.commits[cur.parent]
            if self._path_state(cur, path) != self._path_state(parent, path):
                break
            last = cur = parent
        item["lastCommit"] = {"id": last.oid, "title": last.title, "date": last.date}
        return item

    @staticmethod
    def _path_state(commit: Commit, path: str) -> Any:
        if path in commit.files:
            return commit.files[path].blob_oid
        prefix = path + "/"
        return tuple(sorted((p, e.blob_oid) for p, e in commit.files.items() if p.startswith(prefix)))

    def tree(self, repo_type: str, repo_id: str, revision: str, folder: str) -> None:
        user = self._user()
        recursive = self.query.get("recursive", ["false"])[0].lower() in ("1", "true")
        expand = self.query.get("expand", ["false"])[0].lower() in ("1", "true")
        folder = folder.strip("/")
        with self.hub._lock:
            repo = self.hub._visible_repo(repo_type, repo_id, user)
            commit = self.hub._revision(repo, revision)
            if folder and folder not in _dirs_of(commit.files):
                raise HubError(404, f"Entry not found: {folder}", "EntryNotFound")
            items = self._entries(commit, folder, recursive)
            if expand:
                items = [self._with_last_commit(repo, commit, i) for i in items]
        self._json(200, items)

    def paths_info(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user()
        raw = self._read_body().decode()
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("application/json"):
            body = json.loads(raw or "{}")
            paths = body.get("paths", [])
            expand = bool(body.get("expand"))
        else:
            form = parse_qs(raw, keep_blank_values=True)
            paths = form.get("paths", [])
            expand = form.get("expand", ["False"])[0].lower() in ("1", "true")
        with self.hub._lock:
            repo = self.hub._visible_repo(repo_type, repo_id, user)
            commit = self.hub._revision(repo, revision)
            dirs = _dirs_of(commit.files)
            out = []
            for p in paths:
                p = p.strip("/")
                if p in commit.files:
                    out.append(commit.files[p].tree_json(p))
                elif p in dirs:
                    out.append(_folder_json(commit.files, p))
            if expand:
                out = [self._with_last_commit(repo, commit, i) for i in out]
        self._json(200, out)

    def resolve(self, repo_type: str, repo_id: str, revision: str, path: str) -> None:
        user = self._user()
        with self.hub._lock:
            repo = self.hub._visible_repo(repo_type, repo_id, user)
            commit = self.hub._revision(repo, revision)
            entry = commit.files.get(path)
            if entry is None:
                raise HubError(404, f"Entry not found: {path}", "EntryNotFound")
            file_path = self.hub._entry_file(entry)
        headers = {"X-Repo-Commit": commit.oid, "Accept-Ranges": "bytes"}
        if entry.lfs_sha256 is not None:
            headers["ETag"] = f'"{entry.lfs_sha256}"'
            headers["X-Linked-Etag"] = f'"{entry.lfs_sha256}"'
            headers["X-Linked-Size"] = str(entry.size)
        else:
            headers["ETag"] = f'"{entry.blob_oid}"'
        size = entry.size
        start, end = 0, size - 1
        status = 200
        rng = self.headers.get("Range")
        if rng:
            m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
            if not m or (not m.group(1) and not m.group(2)):
                raise HubError(416, "Invalid range", None)
            if m.group(1):
                start = int(m.group(1))
                end = int(m.group(2)) if m.group(2) else size - 1
            else:
                start = max(size - int(m.group(2)), 0)
            end = min(end, size - 1)
            if start >= size or start > end:
                self._send(416, b"", {"Content-Range": f"bytes */{size}", **headers},
                           content_type="application/octet-stream")
                return
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        if self.command == "HEAD":
            self._read_body()
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(end - start + 1 if size else 0))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            return
        with open(file_path, "rb") as fh:
            fh.seek(start)
            data = fh.read(end - start + 1) if size else b""
        self._send(status, data, headers, content_type="application/octet-stream")
