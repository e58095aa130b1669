"""``cleaner.dataset.publish``: layout, manifest, card, shards, determinism, atomicity and locking."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

import cleaner
from cleaner import Cleaner, CleanerConfig
from cleaner.dataset import (
    DatasetLock,
    DatasetLockedError,
    VersionExistsError,
    publish,
    read_latest,
    read_manifest,
    verify,
    versions,
)
from cleaner.schema import SCHEMA_VERSION, SchemaError, arrow_schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_articles(config: CleanerConfig | None = None) -> list[cleaner.Article]:
    c = Cleaner(config)
    return [c.clean(p.read_text(encoding="utf-8"), id=p.stem, source=p.name) for p in SEEDS]


def synthetic_records(n: int, start: int = 0) -> list[dict]:
    base = seed_articles()[0].to_record()
    out = []
    for i in range(start, start + n):
        text = f"Document {i}. " + base["text"][: 200 + i % 50]
        out.append({**base, "id": f"doc-{i:05d}", "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest()})
    return out


def test_first_export_has_the_documented_layout_and_manifest(tmp_path):
    ds = tmp_path / "news"
    config = CleanerConfig()
    articles = seed_articles(config)
    info = publish(articles, ds, config=config, inputs=SEEDS)

    assert info.version == "1.0.0" and info.latest and info.parent is None and info.rows == len(SEEDS)
    assert (ds / "LATEST").read_text() == "1.0.0\n"
    assert (ds / ".lock").is_file()
    vdir = ds / "v1.0.0"
    assert sorted(p.name for p in vdir.iterdir()) == ["README.md", "data", "manifest.json"]
    assert [p.name for p in (vdir / "data").iterdir()] == ["train-00000-of-00001.parquet"]
    assert not [p for p in ds.iterdir() if p.name.startswith(".tmp-")]

    m = read_manifest(vdir)
    assert m["name"] == "news" and m["version"] == "1.0.0" and m["parent"] is None
    assert m["schema"] == {"name": "article", "version": SCHEMA_VERSION}
    assert m["cleaner_version"] == cleaner.__version__
    assert m["config"] == config.to_dict() and m["config_hash"] == config.hash
    assert [i["path"] for i in m["inputs"]] == [str(p) for p in SEEDS]
    assert all(i["sha256"] == hashlib.sha256(Path(i["path"]).read_bytes()).hexdigest() for i in m["inputs"])
    assert m["rows"] == 3 and m["words"] == sum(a.word_count for a in articles)
    assert m["cuts"] == dict(sorted(Counter(c.rule for a in articles for c in a.removed).items()))
    assert m["created"].endswith("Z") and m["changes"] is None
    (entry,) = m["files"]
    shard = vdir / entry["path"]
    assert entry["size"] == shard.stat().st_size
    assert entry["sha256"] == hashlib.sha256(shard.read_bytes()).hexdigest()
    assert entry["rows"] == 3

    pf = pq.ParquetFile(shard)
    assert pf.schema_arrow.equals(arrow_schema(), check_metadata=False)
    kv = pf.schema_arrow.metadata
    assert kv[b"cleaner.dataset.version"] == b"1.0.0" and kv[b"cleaner.schema"] == f"article/{SCHEMA_VERSION}".encode()
    assert pf.metadata.row_group(0).column(0).compression == "ZSTD"
    assert pq.read_table(shard).column("id").to_pylist() == [a.id for a in articles]


def test_the_card_makes_a_version_loadable_with_datasets(tmp_path):
    import datasets

    articles = seed_articles()
    publish(articles, tmp_path / "ds", name="seed news")
    vdir = tmp_path / "ds" / "v1.0.0"
    card = (vdir / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["configs"] == [{"config_name": "default", "data_files": [{"split": "train", "path": "data/*.parquet"}]}]
    assert datasets.Features._from_yaml_list(header["dataset_info"]["features"]) == cleaner.schema.features()
    assert "# seed news 1.0.0" in card and "| rows | 3 |" in card and "First version" in card

    loaded = datasets.load_dataset(str(vdir), split="train", cache_dir=str(tmp_path / "cache"))
    assert loaded.num_rows == 3
    assert loaded.features == cleaner.schema.features()
    assert loaded["id"] == [a.id for a in articles]
    assert loaded[2]["views"] == articles[2].views


def test_shards_and_row_groups_are_bounded(tmp_path):
    records = synthetic_records(25)
    info = publish(records, tmp_path / "ds", max_rows_per_shard=10, row_group_rows=4)
    m = read_manifest(info.path)
    assert [f["path"] for f in m["files"]] == [f"data/train-0000{i}-of-00003.parquet" for i in range(3)]
    assert [f["rows"] for f in m["files"]] == [10, 10, 5]
    for f in m["files"]:
        meta = pq.read_metadata(info.path / f["path"])
        assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] in ([4, 4, 2], [4, 1])
    ids = [r["id"] for f in m["files"] for r in pq.read_table(info.path / f["path"], columns=["id"]).to_pylist()]
    assert ids == [r["id"] for r in records]

    # a byte limit smaller than one row group closes a shard after every row group
    info2 = publish(records, tmp_path / "ds", max_bytes_per_shard=1, row_group_rows=10)
    assert [f["rows"] for f in read_manifest(info2.path)["files"]] == [10, 10, 5]
    assert verify(tmp_path / "ds", "1.0.0").ok and verify(tmp_path / "ds").ok


def test_same_input_and_config_give_byte_identical_shards(tmp_path):
    records = synthetic_records(40) + [a.to_record() for a in seed_articles()]
    a = publish(records, tmp_path / "a", max_rows_per_shard=16, row_group_rows=5, config=CleanerConfig())
    time.sleep(1.1)  # a different creation time must not reach the Parquet files
    b = publish(iter(records), tmp_path / "b" / "nested", max_rows_per_shard=16, row_group_rows=5, config=CleanerConfig())
    fa, fb = a.data_files, b.data_files
    assert [p.name for p in fa] == [p.name for p in fb] and len(fa) == 3
    assert [p.read_bytes() for p in fa] == [p.read_bytes() for p in fb]
    assert read_manifest(a.path)["files"] == read_manifest(b.path)["files"]


def test_an_existing_version_is_never_overwritten(tmp_path):
    ds = tmp_path / "ds"
    publish(seed_articles(), ds, version="1.0.0")
    before = {p: p.read_bytes() for p in (ds / "v1.0.0").rglob("*") if p.is_file()}
    with pytest.raises(VersionExistsError, match="never overwritten"):
        publish(synthetic_records(3), ds, version="1.0.0")
    assert {p: p.read_bytes() for p in (ds / "v1.0.0").rglob("*") if p.is_file()} == before
    assert not [p for p in ds.iterdir() if p.name.startswith(".tmp-")]

    assert publish(synthetic_records(3), ds, version="v2.0.0").version == "2.0.0"
    assert publish(synthetic_records(3), ds, bump="patch").version == "2.0.1"
    assert publish(synthetic_records(3), ds, bump="major").version == "3.0.0"
    assert publish(synthetic_records(3), ds).version == "3.1.0"
    # an explicit version below LATEST is published beside it and LATEST stays
    back = publish(synthetic_records(3), ds, version="1.5.0")
    assert back.parent == "1.0.0" and not back.latest and read_latest(ds) == "3.1.0"
    assert [v.version for v in versions(ds)] == ["1.0.0", "1.5.0", "2.0.0", "2.0.1", "3.0.0", "3.1.0"]
    with pytest.raises(ValueError):
        publish([], ds, bump="huge")


def test_an_empty_export_is_a_valid_version(tmp_path):
    info = publish([], tmp_path / "ds")
    assert info.rows == 0 and len(info.data_files) == 1
    assert verify(tmp_path / "ds").ok
    assert cleaner.load(tmp_path / "ds").num_rows == 0


def test_a_record_that_does_not_fit_leaves_nothing_behind(tmp_path):
    ds = tmp_path / "ds"
    publish(seed_articles(), ds)
    bad = synthetic_records(2000)
    bad[1500] = {k: v for k, v in bad[1500].items() if k != "text_sha256"}
    with pytest.raises(SchemaError, match="text_sha256"):
        publish(bad, ds)
    with pytest.raises(TypeError):
        publish(["just a string"], ds)
    assert [v.version for v in versions(ds)] == ["1.0.0"] and read_latest(ds) == "1.0.0"
    assert not [p for p in ds.iterdir() if p.name.startswith(".tmp-")]


def test_a_held_lock_makes_publish_wait_then_fail_clearly(tmp_path):
    ds = tmp_path / "ds"
    with DatasetLock(ds, timeout=0):
        with pytest.raises(DatasetLockedError, match=f"pid {os.getpid()}"):
            publish(seed_articles(), ds, lock_timeout=0.2)
        with pytest.raises(DatasetLockedError):
            DatasetLock(ds, timeout=0).acquire()
    assert publish(seed_articles(), ds, lock_timeout=0).version == "1.0.0"


EXPORT_SCRIPT = r"""
import json, sys, time, pathlib
from cleaner.dataset import publish
template = json.loads(pathlib.Path(sys.argv[1]).read_text())
dataset_dir, marker, fast, slow_every = sys.argv[2], pathlib.Path(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])

def records():
    i = 0
    while True:
        if i == fast:
            marker.write_text("started")
            if slow_every < 0:
                return
        if i >= fast:
            time.sleep(slow_every)
        yield {**template, "id": f"doc-{i:07d}", "text": f"{i} " + template["text"]}
        i += 1

info = publish(records(), dataset_dir, max_rows_per_shard=500, row_group_rows=100, lock_timeout=60)
print(info.version)
"""


def _start_export(tmp_path: Path, ds: Path, name: str, fast: int, slow_every: float) -> subprocess.Popen:
    template = tmp_path / "template.json"
    if not template.exists():
        template.write_text(json.dumps(seed_articles()[2].to_record()))
    return subprocess.Popen(
        [sys.executable, "-c", EXPORT_SCRIPT, str(template), str(ds), str(tmp_path / name), str(fast), str(slow_every)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_killing_an_export_midway_leaves_the_dataset_valid(tmp_path):
    ds = tmp_path / "ds"
    first = publish(seed_articles(), ds)
    v1_files = {p: p.read_bytes() for p in first.path.rglob("*") if p.is_file()}

    proc = _start_export(tmp_path, ds, "marker", fast=3000, slow_every=0.01)
    try:
        _wait_for(lambda: (tmp_path / "marker").exists() or proc.poll() is not None)
        # wait until the export has written shards into its work directory, then kill it hard
        _wait_for(lambda: any(ds.glob(".tmp-*/data/.part-00001.parquet")) or proc.poll() is not None)
        assert proc.poll() is None, proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert [v.version for v in versions(ds)] == ["1.0.0"]
    assert read_latest(ds) == "1.0.0"
    report = verify(ds)
    assert report.ok, report.problems
    assert any("unfinished exports" in n for n in report.notes)
    assert {p: p.read_bytes() for p in first.path.rglob("*") if p.is_file()} == v1_files

    rerun = publish(synthetic_records(30), ds)
    assert rerun.version == "1.1.0" and read_latest(ds) == "1.1.0"
    assert not [p for p in ds.iterdir() if p.name.startswith(".tmp-")]
    assert verify(ds).ok and verify(ds, "1.0.0").ok


def test_two_exports_at_once_get_distinct_versions(tmp_path):
    ds = tmp_path / "ds"
    procs = [_start_export(tmp_path, ds, f"marker-{k}", fast=1500, slow_every=-1) for k in range(2)]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        outs.append(out.strip())
    assert sorted(outs) == ["1.0.0", "1.1.0"]
    assert [v.version for v in versions(ds)] == ["1.0.0", "1.1.0"] and read_latest(ds) == "1.1.0"
    for v in ("1.0.0", "1.1.0"):
        report = verify(ds, v)
        assert report.ok and report.rows == 1500, report.problems
    assert read_manifest(ds / "v1.1.0")["parent"] == "1.0.0"
