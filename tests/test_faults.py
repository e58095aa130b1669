"""Faults during export and push never leave a broken dataset: kill -9, a full disk, a failing Hub.

* kill -9 of an export at many points (while records stream in, after a shard is finished,
  around the shard renames, after the manifest, while the card is written, just before and
  just after the version directory is renamed into place, while ``LATEST`` is replaced, and
  after a few timed delays): the dataset stays valid (``cleaner verify --all``), earlier
  versions are byte-identical, and a rerun publishes.
* a full disk: ``OSError(ENOSPC)`` raised at the Nth write (for every N with
  ``CLEANER_SLOW_TESTS=1``, else at a spread of N and the last writes) by the file objects
  the real ``publish`` writes through (Parquet sinks, the manifest, the card, ``LATEST``);
  the same through ``cleaner export`` and ``cleaner clean`` (a clear error, exit 1).
* a Hub that fails mid-push (the loopback Hub's fault injection): the local dataset is
  untouched and valid, the Hub has no tag, and a rerun pushes.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.dataset import publish, read_latest, versions
from hub_server import TEST_TOKEN as HUB_TOKEN
from hub_server import TEST_USER as HUB_USER

ROOT = Path(__file__).resolve().parent.parent
SLOW = os.environ.get("CLEANER_SLOW_TESTS") == "1"
SEEDS = ROOT / "seeds"
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def records(n: int, start: int = 0) -> list[dict]:
    base = cleaner.clean(f"Council Approves Budget\n\nBy Jane Roe\n\n{BODY}\n\nShare this:", detect_language=False).to_record()
    out = []
    for i in range(start, start + n):
        text = f"Document {i}. {base['text']}"
        out.append({**base, "id": f"doc-{i:05d}", "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest()})
    return out


def snapshot(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def verify_all(ds: Path) -> None:
    result = CliRunner().invoke(main, ["verify", str(ds), "--all"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert read_latest(ds) in [v.version for v in versions(ds)]


@pytest.fixture
def ds(tmp_path: Path) -> Path:
    ds = tmp_path / "ds"
    publish(records(40), ds, max_rows_per_shard=15)
    return ds


# --- kill -9 ----------------------------------------------------------------------------------

KILL_SCRIPT = r"""
import importlib, json, os, signal, sys, time
from pathlib import Path
P = importlib.import_module("cleaner.dataset.publish")

point, dataset_dir, template_path = sys.argv[1], sys.argv[2], sys.argv[3]
template = json.loads(Path(template_path).read_text())

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def after(f):
    def run(*a, **k):
        result = f(*a, **k)
        die()
        return result
    return run

def before(f):
    def run(*a, **k):
        die()
    return run

real_rename, real_replace = os.rename, os.replace
limit = int(point.split("-")[1]) if point.startswith("records-") else None
slow = point == "slow"
if point == "shard-finished":
    P._finish_file = after(P._finish_file)
elif point == "manifest-written":
    P.write_manifest = after(P.write_manifest)
elif point == "card":
    P.render_card = before(P.render_card)
elif point in ("shard-rename", "version-rename", "version-renamed"):
    def rename(a, b):
        name = Path(a).name
        hit = name.startswith(".part-00001") if point == "shard-rename" else name.startswith(P.TMP_PREFIX)
        if hit and point != "version-renamed":
            die()
        real_rename(a, b)
        if hit:
            die()
    os.rename = rename
elif point == "latest":
    def replace(a, b):
        if Path(a).name.startswith(".LATEST."):
            die()
        real_replace(a, b)
    os.replace = replace

def records():
    for i in range(3000):
        if i == limit:
            die()
        if slow:
            if i == 0:
                print("started", flush=True)
            time.sleep(0.001)
        yield {**template, "id": f"k-{i:05d}", "text": f"{i} " + template["text"]}

P.publish(records(), dataset_dir, max_rows_per_shard=500, row_group_rows=100, lock_timeout=30)
print("published", flush=True)
"""

KILL_POINTS = ["records-5", "records-2500", "shard-finished", "shard-rename", "manifest-written", "card",
               "version-rename", "version-renamed", "latest"]


def _spawn(tmp_path: Path, ds: Path, point: str) -> subprocess.Popen:
    template = tmp_path / "template.json"
    if not template.exists():
        template.write_text(json.dumps(records(1)[0]))
    return subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, point, str(ds), str(template)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def test_kill_9_at_every_stage_of_an_export_leaves_a_valid_dataset(tmp_path: Path, ds: Path):
    first = snapshot(ds / "v1.0.0")
    for point in KILL_POINTS:
        proc = _spawn(tmp_path, ds, point)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, f"{point}: {out} {err}"
        verify_all(ds)
        assert snapshot(ds / "v1.0.0") == first, point
        assert not (ds / "LATEST.tmp").exists()
    # only the exports killed after their version directory was in place left a version behind
    assert [v.version for v in versions(ds)] == ["1.0.0", "1.1.0", "1.2.0"]
    assert read_latest(ds) == "1.0.0"
    assert any(p.name.startswith((".tmp-", ".LATEST.")) for p in ds.iterdir())

    rerun = publish(records(30, start=100), ds)
    assert rerun.version == "1.3.0" and read_latest(ds) == "1.3.0"
    assert not [p for p in ds.iterdir() if p.name.startswith((".tmp-", ".LATEST."))]
    verify_all(ds)
    assert snapshot(ds / "v1.0.0") == first


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.8])
def test_kill_9_after_a_delay_leaves_a_valid_dataset(tmp_path: Path, ds: Path, delay: float):
    first = snapshot(ds / "v1.0.0")
    proc = _spawn(tmp_path, ds, "slow")
    try:
        assert proc.stdout.readline().strip() == "started"
        time.sleep(delay)
        assert proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.communicate(timeout=60)
    verify_all(ds)
    assert snapshot(ds / "v1.0.0") == first and [v.version for v in versions(ds)] == ["1.0.0"]
    assert publish(records(5), ds).version == "1.1.0"
    verify_all(ds)


# --- a full disk ------------------------------------------------------------------------------


class DiskFull:
    """Counts writes to files under ``root`` and raises ``OSError(ENOSPC)`` at write number ``fail_at``.

    Installed around ``open`` and ``os.fdopen`` (the manifest, the card, ``LATEST``, JSONL output)
    and around ``pyarrow.parquet.ParquetWriter`` (each row group and each footer of a Parquet file
    counts as a write): the real publish and clean code runs, the failure comes from the file it
    writes. (Arrow's own file objects are left alone: an exception raised in Python code that
    Arrow calls back from its threads upsets CPython's recursion counter.)
    """

    def __init__(self, root: Path, fail_at: int | None):
        self.root = str(root)
        self.fail_at = fail_at
        self.writes = 0

    def hit(self) -> None:
        self.writes += 1
        if self.fail_at is not None and self.writes >= self.fail_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def wrap(self, f):
        disk = self

        class Full:
            def __init__(self, inner):
                self._inner = inner

            def write(self, data):
                disk.hit()
                return self._inner.write(data)

            def __getattr__(self, name):
                if name == "_inner":
                    raise AttributeError(name)
                return getattr(self._inner, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._inner.close()

            def __iter__(self):
                return iter(self._inner)

        return Full(f)

    def install(self, monkeypatch) -> None:
        cleaner.schema.features()  # imports done before the file functions are replaced
        real_open, real_fdopen = builtins.open, os.fdopen
        disk = self

        class Writer(pq.ParquetWriter):
            def write_table(self, *args, **kwargs):
                disk.hit()
                return super().write_table(*args, **kwargs)

            def close(self):
                if getattr(self, "_counted_close", False):
                    return super().close()
                self._counted_close = True
                try:
                    disk.hit()  # the footer's write fails; the file is closed all the same
                finally:
                    super().close()

        def open_(file, mode="r", *args, **kwargs):
            f = real_open(file, mode, *args, **kwargs)
            if isinstance(file, (str, os.PathLike)) and str(file).startswith(disk.root) and any(c in mode for c in "wax"):
                return disk.wrap(f)
            return f

        def fdopen(fd, mode="r", *args, **kwargs):
            f = real_fdopen(fd, mode, *args, **kwargs)
            return disk.wrap(f) if any(c in mode for c in "wax") else f

        monkeypatch.setattr(pq, "ParquetWriter", Writer)
        monkeypatch.setattr(builtins, "open", open_)
        monkeypatch.setattr(os, "fdopen", fdopen)


def count_writes(monkeypatch, root: Path, action) -> int:
    """The number of writes ``action()`` makes to files under ``root``, no failure injected."""
    with monkeypatch.context() as m:
        counter = DiskFull(root, None)
        counter.install(m)
        action()
    return counter.writes


def invoke_expecting(args: list[str], exit_code: int) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == exit_code, result.output


def test_a_full_disk_at_every_write_of_publish_leaves_a_valid_dataset(tmp_path: Path, ds: Path, monkeypatch):
    first = snapshot(ds / "v1.0.0")
    batch = records(60, start=1000)
    total = count_writes(monkeypatch, tmp_path, lambda: publish(batch, tmp_path / "count", max_rows_per_shard=25, row_group_rows=10))
    assert total > 10
    # every write with CLEANER_SLOW_TESTS=1; else a spread, and the last ones (manifest, card, LATEST)
    points = range(1, total + 1) if SLOW else sorted({*range(1, total + 1, max(1, total // 10)), *range(max(1, total - 5), total + 1)})
    for n in points:
        with monkeypatch.context() as m:
            DiskFull(ds, n).install(m)
            with pytest.raises(OSError) as err:
                publish(batch, ds, max_rows_per_shard=25, row_group_rows=10)
        assert err.value.errno == errno.ENOSPC or "No space left" in str(err.value), n
        verify_all(ds)
        assert snapshot(ds / "v1.0.0") == first
        assert [p.name for p in ds.iterdir() if p.name.startswith((".tmp-", ".LATEST."))] == [], n
        assert read_latest(ds) == "1.0.0", n
    info = publish(batch, ds, max_rows_per_shard=25, row_group_rows=10)
    assert info.version == "1.1.0" and info.rows == 60
    verify_all(ds)


def test_cleaner_export_on_a_full_disk_fails_clearly_and_publishes_nothing(tmp_path: Path, ds: Path, monkeypatch):
    first = snapshot(ds / "v1.0.0")
    DiskFull(ds, 3).install(monkeypatch)
    result = CliRunner().invoke(main, ["export", str(SEEDS), "--dataset", str(ds), "--no-language"])
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output and "no version was published" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    verify_all(ds)
    assert snapshot(ds / "v1.0.0") == first and [v.version for v in versions(ds)] == ["1.0.0"]


@pytest.mark.parametrize("output", ["out.jsonl", "out.jsonl.gz", "out.parquet"])
@pytest.mark.parametrize("when", ["first", "last"])
def test_cleaner_clean_on_a_full_disk_fails_clearly_and_keeps_the_old_output(tmp_path: Path, monkeypatch, output: str, when: str):
    args = ["clean", str(SEEDS), "-o", str(tmp_path / "count" / output), "--no-language", "--workers", "1"]
    (tmp_path / "count").mkdir()
    writes = count_writes(monkeypatch, tmp_path / "count", lambda: invoke_expecting(args, 0))
    out = tmp_path / "o" / output
    out.parent.mkdir()
    out.write_bytes(b"previous run\n")
    DiskFull(out.parent, 1 if when == "first" else writes).install(monkeypatch)
    args[3] = str(out)
    result = CliRunner().invoke(main, args)
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert out.read_bytes() == b"previous run\n"
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


# --- a Hub that fails mid-push ----------------------------------------------------------------


@pytest.mark.parametrize(
    "route,fault",
    [("preupload", {"status": 500}), ("lfs_batch", {"status": 503}), ("lfs_upload", {"disconnect": True}),
     ("commit", {"status": 500}), ("tag", {"status": 502})],
)
def test_a_hub_failing_mid_push_leaves_everything_valid_and_a_rerun_pushes(hub, monkeypatch, tmp_path, route, fault):
    import huggingface_hub.utils._http as hf_http

    monkeypatch.setattr(hf_http.time, "sleep", lambda seconds: None)  # the client retries with backoff
    ds = tmp_path / "news"
    publish(records(30), ds, max_rows_per_shard=10)
    publish(records(30, start=50), ds, max_rows_per_shard=10)
    before = snapshot(ds)
    monkeypatch.setenv("HF_TOKEN", HUB_TOKEN)
    repo = f"{HUB_USER}/news"
    runner = CliRunner()

    hub.inject_fault(route, **fault)
    result = runner.invoke(main, ["push", str(ds), "--repo", repo, "--create"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert hub.repo(repo).tags == {}
    assert snapshot(ds) == before
    verify_all(ds)

    hub.clear_faults()
    result = runner.invoke(main, ["push", str(ds), "--repo", repo], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert list(hub.repo(repo).tags) == ["v1.1.0"]
    assert snapshot(ds) == before


# --- a full disk: what the command line says is what happened ---------------------------------


def _small_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "empty.txt").write_bytes(b"")  # one error line for the errors file
    return folder


def test_export_on_a_full_disk_at_any_write_tells_the_truth_without_a_traceback(tmp_path: Path, ds: Path, monkeypatch):
    folder = _small_inputs(tmp_path)
    errors = ds / "export.errors.jsonl"  # on the same full disk
    args = ["export", str(folder), "--dataset", str(ds), "--no-language", "-w", "1", "--errors", str(errors), "--force"]
    import shutil

    shutil.copytree(ds, tmp_path / "count")  # the same export into a copy counts its writes
    count_args = list(args)
    count_args[3], count_args[-2] = str(tmp_path / "count"), str(tmp_path / "count" / "e.jsonl")
    total = count_writes(monkeypatch, tmp_path / "count", lambda: invoke_expecting(count_args, 1))  # the empty file
    assert total >= 5
    seen = {"published": 0, "not published": 0}
    # every write with CLEANER_SLOW_TESTS=1; else a spread, and the last ones (errors file, root card, LATEST)
    points = range(1, total + 1) if SLOW else sorted({*range(1, total + 1, max(1, total // 8)), *range(max(1, total - 4), total + 1)})
    for n in points:
        before = [v.version for v in versions(ds)]
        with monkeypatch.context() as m:
            disk = DiskFull(ds, n)
            disk.install(m)
            result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (n, result.exception)
        assert "Traceback" not in result.output, (n, result.output)
        if disk.writes < n:  # this export wrote less than the copy's: the disk never filled
            assert result.exit_code == 1 and "No space left on device" not in result.output  # (the empty file)
            verify_all(ds)
            continue
        assert result.exit_code == 1 and "No space left on device" in result.output, (n, result.output)
        after = [v.version for v in versions(ds)]
        if after != before:
            seen["published"] += 1
            assert "no version was published" not in result.output, (n, result.output)
            assert f"published {after[-1]}" in result.output or f"{after[-1]} is published" in result.output, (n, result.output)
        else:
            seen["not published"] += 1
            assert "no version was published" in result.output, (n, result.output)
            assert not errors.exists(), n  # no errors file for a run that published nothing
        verify_all(ds)
        assert [p.name for p in ds.iterdir() if p.name.startswith((".tmp-", ".LATEST.")) or p.name.endswith(".tmp")] == [], n
    assert seen["published"] and seen["not published"], seen  # both kinds of failure were met


@pytest.mark.parametrize("output", ["out.parquet", "out.jsonl"])
def test_a_clean_that_fails_on_a_full_disk_leaves_no_errors_file(tmp_path: Path, monkeypatch, output: str):
    folder = _small_inputs(tmp_path)
    (tmp_path / "count").mkdir()
    args = ["clean", str(folder), "-o", str(tmp_path / "count" / output), "--no-language", "-w", "1"]
    writes = count_writes(monkeypatch, tmp_path / "count", lambda: invoke_expecting(args, 1))
    out = tmp_path / "o" / output
    out.parent.mkdir()
    for n in range(1, writes + 1):
        args[3] = str(out)
        with monkeypatch.context() as m:
            DiskFull(out.parent, n).install(m)
            result = CliRunner().invoke(main, args)
        assert result.exit_code == 1 and "No space left on device" in result.output, (n, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), n
        assert sorted(p.name for p in out.parent.iterdir()) == [], (n, list(out.parent.iterdir()))


# --- kill -9 of a run with workers ------------------------------------------------------------


def _processes() -> dict[int, tuple[int, str]]:
    """Every process: pid -> (parent pid, state), from /proc."""
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        out[int(entry)] = (int(fields[1]), fields[0])
    return out


def _descendants(pid: int) -> set[int]:
    procs = _processes()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, (ppid, _) in procs.items() if ppid in frontier} - found
        found |= frontier
    return found


def _running(pids: set[int]) -> set[int]:
    procs = _processes()
    return {p for p in pids if p in procs and procs[p][1] not in ("Z", "X")}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("command", ["clean", "export"])
def test_kill_9_of_a_run_with_workers_leaves_no_process_behind(tmp_path: Path, command: str):
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(20_000):
            f.write(json.dumps({"id": f"d{i}", "text": f"{text}\n\nNumber {i}."}) + "\n")
    target = ["-o", str(tmp_path / "out.jsonl")] if command == "clean" else ["--dataset", str(tmp_path / "ds")]
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", command, str(src), *target, "--workers", "2", "--no-language", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    children: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            children = _descendants(proc.pid)
            if len(children) >= 3:  # the forkserver and two workers (and the resource tracker)
                break
            time.sleep(0.2)
        assert proc.poll() is None and len(children) >= 3, children
        time.sleep(1.0)  # the workers are cleaning
        children |= _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _running(children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _running(children), {p: _processes().get(p) for p in _running(children)}
    finally:
        for p in _running(children):  # only what this test started
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if proc.poll() is None:
            proc.kill()
            proc.wait()
