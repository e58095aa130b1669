"""The Dask engine on a real local cluster: the same records as the local engine, and a version
published through Dask byte-identical to one published by the local path."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster  # noqa: E402

from cleaner import CleanerConfig  # noqa: E402
from cleaner.dataset import publish  # noqa: E402
from cleaner.engines import run  # noqa: E402
from cleaner.engines.dask import CleaningError, clean_parquet, outcomes_parquet, publish_parquet  # noqa: E402
from cleaner.engines.local import clean  # noqa: E402
from cleaner.io.readers import Document  # noqa: E402
from cleaner.io.readers_parquet import read_parquet  # noqa: E402

from engines_corpus import documents, texts  # noqa: E402

CONFIG = CleanerConfig(detect_language=False)


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seeds and generated articles in a Parquet file of several row groups, with a null text in it."""
    docs = texts(150)
    docs[40] = None
    path = tmp_path_factory.mktemp("dask") / "corpus.parquet"
    pq.write_table(pa.table({"id": [f"doc-{i:04d}" for i in range(len(docs))], "text": docs}), path, row_group_size=50)
    return path


def _local_outcomes(path: Path):
    return list(clean(read_parquet(path, id_column="id"), CONFIG, workers=2))


def test_records_equal_the_local_engines(scheduler, corpus):
    local = _local_outcomes(corpus)
    errors = []
    records = list(clean_parquet([str(corpus)], config=CONFIG, scheduler=scheduler, batch_rows=16, on_error=errors.append))
    assert records == [o.record for o in local if o.ok]
    assert len(records) == 152
    assert [(e.id, e.source, e.error) for e in errors] == [("doc-0040", f"{corpus.as_posix()}:41", "'text' is null")]
    assert list(outcomes_parquet([str(corpus)], config=CONFIG, scheduler=scheduler, batch_rows=7)) == local


def test_publish_via_dask_is_byte_identical_to_the_local_path(scheduler, corpus, tmp_path):
    local_dir, dask_dir = tmp_path / "local", tmp_path / "dask"
    records = (o.record for o in clean(read_parquet(corpus, id_column="id"), CONFIG, workers=2) if o.ok)
    limits = {"max_rows_per_shard": 60, "row_group_rows": 25}
    a = publish(records, local_dir, config=CONFIG, inputs=[str(corpus)], **limits)
    b = publish_parquet([str(corpus)], dask_dir, config=CONFIG, scheduler=scheduler, batch_rows=16, on_error="skip", **limits)
    assert a.version == b.version == "1.0.0"
    shards_a = sorted((local_dir / "v1.0.0" / "data").iterdir())
    shards_b = sorted((dask_dir / "v1.0.0" / "data").iterdir())
    assert [p.name for p in shards_a] == [p.name for p in shards_b] and len(shards_a) == 3
    for pa_, pb in zip(shards_a, shards_b):
        assert pa_.read_bytes() == pb.read_bytes()
    ma = json.loads((local_dir / "v1.0.0" / "manifest.json").read_text())
    mb = json.loads((dask_dir / "v1.0.0" / "manifest.json").read_text())
    ma.pop("created"), mb.pop("created")
    ma.pop("name"), mb.pop("name")
    assert ma == mb


def test_fsspec_urls_are_opened_by_the_workers(scheduler, corpus):
    # A file:// URL goes through fsspec on each worker, the way s3:// or hf:// URLs do.
    url = corpus.resolve().as_uri()
    assert url.startswith("file://")
    errors = []
    via_url = list(clean_parquet([url], config=CONFIG, scheduler=scheduler, batch_rows=16, on_error=errors.append))
    via_path = list(clean_parquet([str(corpus)], config=CONFIG, scheduler=scheduler, batch_rows=16, on_error=lambda e: None))

    def without_source(records):
        return [{k: v for k, v in r.items() if k != "source"} for r in records]

    assert len(via_url) == 152 and without_source(via_url) == without_source(via_path)
    assert all(r["source"].startswith(url) for r in via_url)
    assert [e.id for e in errors] == ["doc-0040"]


def test_errors_stop_the_run_when_asked(scheduler, corpus, tmp_path):
    with pytest.raises(CleaningError, match="'text' is null"):
        list(clean_parquet([str(corpus)], config=CONFIG, scheduler=scheduler))
    with pytest.raises(CleaningError):
        publish_parquet([str(corpus)], tmp_path / "ds", config=CONFIG, scheduler=scheduler)
    assert not (tmp_path / "ds" / "v1.0.0").exists()


def test_unusable_files_are_per_file_errors(scheduler, tmp_path):
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"text": [1, 2, 3]}), bad)
    good = tmp_path / "good.parquet"
    pq.write_table(pa.table({"text": ["The council met on Monday to discuss the budget, officials said."]}), good)
    outcomes = list(outcomes_parquet([str(bad), str(tmp_path / "missing.parquet"), str(good)], id_column=None,
                                     config=CONFIG, scheduler=scheduler))
    assert [(o.source, o.ok) for o in outcomes] == [
        (bad.as_posix(), False), ((tmp_path / "missing.parquet").as_posix(), False), (f"{good.as_posix()}:1", True)]
    assert outcomes[0].error == "text column 'text' must be a string column, got int64"
    assert outcomes[1].error.startswith("cannot read file")


def test_reader_items_on_the_cluster_equal_the_local_engine(scheduler):
    items = documents(40)
    items.insert(3, Document("not-text", 12345, "corpus:not-text"))
    via_dask = list(run(items, CONFIG, engine="dask", scheduler=scheduler, batch_docs=5))
    assert via_dask == list(run(items, CONFIG, workers=1))
    assert via_dask[3].error.startswith("cleaning failed: TypeError")


def test_without_a_scheduler_a_local_cluster_is_started():
    items = documents(3)
    assert list(run(items, CONFIG, engine="dask", workers=1)) == list(run(items, CONFIG, workers=1))
