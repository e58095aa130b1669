"""Parquet, Hugging Face dataset and .jsonl.zst readers: rows as items, bad columns as per-file errors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.io.readers import Document, DocumentError
from cleaner.io.readers_parquet import read_hf_dataset, read_inputs, read_parquet
from cleaner.io.readers_zstd import read_jsonl_zst

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def _write(path: Path, columns: dict, row_group_size: int | None = None) -> Path:
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


def test_rows_become_documents_with_row_sources(tmp_path):
    path = _write(tmp_path / "a.parquet", {"key": [10, 11, 12], "text": [BODY, "Second " + BODY, "Third " + BODY]})
    items = list(read_parquet(path, id_column="key"))
    assert items == [
        Document("10", BODY, f"{path.as_posix()}:1", (), len(BODY)),
        Document("11", "Second " + BODY, f"{path.as_posix()}:2", (), len(BODY) + 7),
        Document("12", "Third " + BODY, f"{path.as_posix()}:3", (), len(BODY) + 6),
    ]
    assert [i.id for i in read_parquet(path)] == [None, None, None]


def test_batch_size_and_row_groups_do_not_change_the_items(tmp_path):
    texts = [f"Story {i}. {BODY}" for i in range(25)]
    one = _write(tmp_path / "one.parquet", {"text": texts})
    many = _write(tmp_path / "many.parquet", {"text": texts}, row_group_size=4)
    strip = lambda items: [(i.id, i.text, i.source.rsplit(":", 1)[1]) for i in items]  # noqa: E731
    assert strip(read_parquet(one, batch_rows=1000)) == strip(read_parquet(many, batch_rows=3)) == strip(read_parquet(one, batch_rows=7))


def test_null_and_blank_texts_are_per_row_errors(tmp_path):
    path = _write(tmp_path / "a.parquet", {"id": ["a", "b", "c", None], "text": [BODY, None, "  \u200b ", BODY]})
    items = list(read_parquet(path, id_column="id"))
    assert isinstance(items[0], Document) and items[0].id == "a"
    assert items[1] == DocumentError("b", f"{path.as_posix()}:2", "'text' is null")
    assert isinstance(items[2], DocumentError) and items[2].reason == "empty document (whitespace only)"
    assert isinstance(items[3], Document) and items[3].id is None


@pytest.mark.parametrize(
    "columns,kwargs,reason",
    [
        ({"body": [BODY]}, {}, "no text column 'text' (columns: body)"),
        ({"text": [1, 2]}, {}, "text column 'text' must be a string column, got int64"),
        ({"text": [BODY]}, {"id_column": "id"}, "no id column 'id' (columns: text)"),
        ({"text": [BODY], "id": [1.5]}, {"id_column": "id"}, "id column 'id' must be a string or integer column, got double"),
    ],
)
def test_unusable_columns_give_one_error_for_the_file(tmp_path, columns, kwargs, reason):
    path = _write(tmp_path / "a.parquet", columns)
    assert list(read_parquet(path, **kwargs)) == [DocumentError(None, path.as_posix(), reason)]


def test_missing_and_non_parquet_files_are_errors(tmp_path):
    missing = list(read_parquet(tmp_path / "nope.parquet"))
    assert len(missing) == 1 and missing[0].reason.startswith("cannot read file")
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"this is not parquet at all")
    items = list(read_parquet(bad))
    assert len(items) == 1 and items[0].reason.startswith("not a readable Parquet file")


def test_a_saved_hugging_face_dataset_reads_like_the_parquet_file(tmp_path):
    datasets = pytest.importorskip("datasets")
    columns = {"id": ["x1", "x2", "x3"], "text": [BODY, None, "Other " + BODY]}
    parquet = _write(tmp_path / "a.parquet", columns)
    ds = datasets.Dataset.from_dict(columns)
    ds.save_to_disk(str(tmp_path / "single"))
    datasets.DatasetDict({"train": ds, "test": ds.select([2])}).save_to_disk(str(tmp_path / "dict"))
    strip = lambda items: [(i.id, getattr(i, "text", None), getattr(i, "reason", None)) for i in items]  # noqa: E731
    expected = strip(read_parquet(parquet, id_column="id"))
    assert strip(read_hf_dataset(tmp_path / "single", id_column="id", batch_rows=2)) == expected
    assert strip(read_hf_dataset(tmp_path / "dict", split="train", id_column="id")) == expected
    test_items = list(read_hf_dataset(tmp_path / "dict", split="test", id_column="id"))
    assert [(i.id, i.source) for i in test_items] == [("x3", f"{(tmp_path / 'dict').as_posix()}[test]:1")]
    assert list(read_hf_dataset(tmp_path / "dict", split="validation"))[0].reason.startswith("cannot open the dataset")
    assert list(read_hf_dataset(tmp_path / "single", text_column="body")) == [
        DocumentError(None, f"{(tmp_path / 'single').as_posix()}[train]", "no text column 'body' (columns: id, text)")
    ]


def test_read_inputs_picks_the_reader_by_suffix(tmp_path):
    parquet = _write(tmp_path / "a.parquet", {"text": [BODY]})
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"id": "j", "text": BODY}) + "\n")
    txt = tmp_path / "c.txt"
    txt.write_text(BODY)
    items = list(read_inputs([parquet, jsonl, txt]))
    assert [(i.id, i.source) for i in items] == [(None, f"{parquet.as_posix()}:1"), ("j", f"{jsonl.as_posix()}:1"), ("c", txt.as_posix())]


def test_jsonl_zst_reads_line_by_line(tmp_path):
    path = tmp_path / "a.jsonl.zst"
    lines = (json.dumps({"id": "z1", "text": BODY}) + "\n\n" + "{broken\n").encode()
    if importlib.util.find_spec("zstandard") is None:
        path.write_bytes(b"")
        items = list(read_jsonl_zst(path))
        assert len(items) == 1 and "'zstandard' package is not installed" in items[0].reason
        return
    import zstandard

    path.write_bytes(zstandard.ZstdCompressor().compress(lines))
    items = list(read_jsonl_zst(path))
    assert items[0] == Document("z1", BODY, f"{path.as_posix()}:1", (), len(json.dumps({"id": "z1", "text": BODY})) + 1)
    assert isinstance(items[1], DocumentError) and items[1].source.endswith(":3")
