"""``cleaner.hf``: records as a ``datasets.Dataset``, published versions loaded back, ``Dataset.map`` cleaning."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pyarrow as pa
import pyarrow.parquet as pq

import cleaner
import cleaner.hf
from cleaner import Cleaner, CleanerConfig
from cleaner.dataset import publish, read_manifest, verify
from cleaner.schema import SCHEMA_VERSION
from cleaner.schema import arrow_schema, features, from_arrow_row

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def seed_articles(config: CleanerConfig | None = None) -> list[cleaner.Article]:
    c = Cleaner(config)
    return [c.clean(p.read_text(encoding="utf-8"), id=p.stem, source=p.name) for p in SEEDS]


def test_to_dataset_keeps_every_record_field():
    articles = seed_articles()
    ds = cleaner.to_dataset(articles)
    assert isinstance(ds, datasets.Dataset) and ds.num_rows == 3
    assert ds.features == features()
    assert [from_arrow_row(row) for row in ds] == [a.to_record() for a in articles]
    assert cleaner.to_dataset(a.to_record() for a in articles)["id"] == [a.id for a in articles]
    assert cleaner.to_dataset([]).num_rows == 0


def test_load_reads_latest_or_a_given_version(tmp_path):
    ds_dir = tmp_path / "ds"
    v1 = seed_articles()
    publish(v1, ds_dir)
    publish(v1[:2], ds_dir)
    latest = cleaner.load(ds_dir)
    assert latest.num_rows == 2 and latest.features == features()
    first = cleaner.load(ds_dir, "v1.0.0")
    assert [from_arrow_row(r) for r in first] == [a.to_record() for a in v1]
    assert cleaner.hf.read_table(ds_dir, "1.0.0", columns=["id"]).column_names == ["id"]


def test_an_old_version_without_a_later_optional_field_still_loads(tmp_path):
    """A version written before `language` existed: the field reads as null (docs/datasets.md)."""
    ds_dir = tmp_path / "ds"
    publish(seed_articles(), ds_dir)
    old = ds_dir / "v1.0.0"
    shard = old / "data" / "train-00000-of-00001.parquet"
    table = pq.read_table(shard)
    reduced = table.drop_columns(["language"])
    assert "language" not in reduced.schema.names
    pq.write_table(reduced, shard, compression="zstd")
    m = read_manifest(old)
    m["files"][0].update(size=shard.stat().st_size, sha256=cleaner.dataset.manifest.file_sha256(shard))
    (old / "manifest.json").write_text(json.dumps(m, indent=2))

    loaded = cleaner.load(ds_dir, "1.0.0")
    assert loaded.num_rows == 3 and loaded.features == features()
    assert loaded["language"] == [None, None, None]
    assert loaded["text"] == table["text"].to_pylist()
    assert loaded.column_names == arrow_schema().names
    assert cleaner.hf.read_table(ds_dir, "1.0.0").column("language").null_count == 3
    # datasets reads it too: the card names the Features and the missing column comes back null
    direct = datasets.load_dataset(str(old), split="train", cache_dir=str(tmp_path / "cache"))
    assert direct["language"] == [None, None, None] and direct["text"] == loaded["text"]


def test_clean_batch_returns_record_columns():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    out = cleaner.hf.clean_batch({"body": texts, "key": [p.stem for p in SEEDS]}, text_column="body", id_column="key", disable=["teasers"])
    expected = seed_articles(CleanerConfig(disable=("teasers",)))
    assert set(out) == set(arrow_schema().names)
    assert out["id"] == [a.id for a in expected] and out["text"] == [a.text for a in expected]
    assert out["extra"][2] == [{"key": k, "value": v} for k, v in sorted(expected[2].extra.items())]
    pa.Table.from_pydict(out, schema=arrow_schema())  # the columns fit the Arrow schema as they are


def test_clean_batch_in_dataset_map_with_processes():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    # plain documents first: every record field is null or empty in the first batches
    plain = [f"Story number {i} is long enough to be kept as the body of a document." for i in range(6)]
    user = datasets.Dataset.from_dict({"body": plain + texts, "url": [f"https://example.org/{i}" for i in range(9)]})
    out = user.map(
        cleaner.hf.clean_batch,
        batched=True,
        batch_size=2,
        num_proc=2,
        fn_kwargs={"text_column": "body", "detect_language": False},
        features=cleaner.hf.map_features(user.features),
    )
    assert out.num_rows == 9
    assert out["url"] == user["url"] and out["body"] == user["body"]
    c = Cleaner(detect_language=False)
    assert out["text"] == [c.clean(t).text for t in plain + texts]
    assert out["views"][8] == c.clean(texts[2]).views and out["views"][0] is None
    assert out.features["extra"] == features()["extra"]

    same = cleaner.hf.clean_dataset(user, "body", remove_columns=["body"], num_proc=None, batch_size=4, detect_language=False)
    assert same.column_names == ["url"] + arrow_schema().names
    assert same["text"] == out["text"]


def test_a_published_version_round_trips_through_datasets(tmp_path):
    articles = seed_articles()
    info = publish(articles, tmp_path / "ds")
    assert verify(tmp_path / "ds").ok
    direct = datasets.load_dataset(str(info.path), split="train", cache_dir=str(tmp_path / "cache"))
    assert direct.to_list() == cleaner.load(tmp_path / "ds").to_list()
    # rows of a loaded dataset (``extra`` in key/value form) publish again as the same shards
    again = publish(cleaner.load(tmp_path / "ds"), tmp_path / "copy")
    assert [p.read_bytes() for p in again.data_files] == [p.read_bytes() for p in info.data_files]


def test_a_version_written_before_cuts_had_index_and_why_still_verifies_and_loads(tmp_path):
    """Record schema 1.0.0 cuts were {rule, text}: a dataset of that version verifies and its cuts read
    with index and why null."""
    ds_dir = tmp_path / "ds"
    publish(seed_articles(), ds_dir)
    old = ds_dir / "v1.0.0"
    shard = old / "data" / "train-00000-of-00001.parquet"
    table = pq.read_table(shard)
    cut = pa.struct([pa.field("rule", pa.string(), nullable=False), pa.field("text", pa.string(), nullable=False)])
    i = table.schema.get_field_index("removed")
    removed = pa.array([[{"rule": c["rule"], "text": c["text"]} for c in row] for row in table["removed"].to_pylist()], pa.list_(cut))
    meta = dict(table.schema.metadata)
    meta[b"cleaner.schema"] = b"article/1.0.0"
    older = table.set_column(i, pa.field("removed", removed.type, nullable=table.schema.field(i).nullable), removed)
    pq.write_table(older.replace_schema_metadata(meta), shard, compression="zstd")
    m = read_manifest(old)
    m["schema"]["version"] = "1.0.0"
    m["files"][0].update(size=shard.stat().st_size, sha256=cleaner.dataset.manifest.file_sha256(shard))
    (old / "manifest.json").write_text(json.dumps(m, indent=2))

    report = verify(ds_dir, "1.0.0")
    assert report.ok, report.problems
    loaded = cleaner.load(ds_dir, "1.0.0")
    cuts = [c for row in loaded["removed"] for c in row]
    assert cuts and all(c["index"] is None and c["why"] is None for c in cuts)
    assert [c["rule"] for c in cuts] == [c["rule"] for row in table["removed"].to_pylist() for c in row]
    # a file that declares the current version must have the fields
    meta[b"cleaner.schema"] = f"article/{SCHEMA_VERSION}".encode()
    pq.write_table(older.replace_schema_metadata(meta), shard, compression="zstd")
    m["schema"]["version"] = SCHEMA_VERSION
    m["files"][0].update(size=shard.stat().st_size, sha256=cleaner.dataset.manifest.file_sha256(shard))
    (old / "manifest.json").write_text(json.dumps(m, indent=2))
    assert any("removed" in p for p in verify(ds_dir, "1.0.0").problems)
