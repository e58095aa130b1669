"""The record schema: records validate, and survive Parquet through pyarrow and Hugging Face datasets."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cleaner
from cleaner.schema import (
    SchemaError,
    arrow_schema,
    features,
    from_arrow_row,
    load_schema,
    records_to_table,
    to_arrow_row,
    validate,
)

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def _seed_records() -> list[dict]:
    return [cleaner.clean(p.read_text(encoding="utf-8"), id=p.stem, source=p.name).to_record() for p in SEEDS]


def _rich_record() -> dict:
    """A record with every kind of field filled: captions with and without credit, several extra keys."""
    raw = (
        "Views: 1,204\n\n"
        f"{BODY}\n\n"
        "Category: Politics\n\nDomain: News\n\nTags: budget, council\n\n"
        f"{BODY} The vote is expected next week.\n\n"
        "Related article: Council Approves New Parking Rules\n\n12 Comments"
    )
    return cleaner.clean(raw, id="rich", source="rich.txt").to_record()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _seed_records() + [_rich_record()]


def test_the_rich_record_fills_the_mapping_and_counts(records):
    rich = records[-1]
    assert rich["views"] == 1204
    assert rich["comment_count"] == 12
    assert rich["category"] == "Politics"
    assert len(rich["extra"]) >= 2 and rich["extra"]["domain"] == "News"
    assert rich["related"] == ["Council Approves New Parking Rules"]


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=[p.stem for p in SEEDS])
def test_seed_records_validate(index: int):
    validate(_seed_records()[index])


def test_validate_rejects_broken_records(records):
    good = records[0]
    validate(good)
    for field, bad in [("published", "June 8, 2018"), ("views", -1), ("raw_sha256", "xyz"), ("id", ""), ("authors", "A. Author")]:
        broken = dict(good, **{field: bad})
        with pytest.raises(SchemaError, match=field if field != "id" else "id"):
            validate(broken)
    missing = {k: v for k, v in good.items() if k != "text"}
    with pytest.raises(SchemaError, match="text"):
        validate(missing)
    with pytest.raises(SchemaError):
        validate(dict(good, surprise=1))


def test_arrow_schema_follows_the_json_schema():
    js = load_schema()
    schema = arrow_schema()
    assert schema.names == list(js["properties"])
    assert schema.metadata[b"cleaner.schema"] == f"article/{js['version']}".encode()
    assert schema.field("views").type == pa.int64()
    assert schema.field("id").nullable is False and schema.field("title").nullable is True
    assert schema.field("extra").type == pa.list_(pa.struct([pa.field("key", pa.string(), nullable=False), pa.field("value", pa.string())]))


def test_extra_is_stored_as_sorted_pairs_and_restored():
    record = dict(_rich_record(), extra={"zeta": "1", "alpha": "2"})
    row = to_arrow_row(record)
    assert row["extra"] == [{"key": "alpha", "value": "2"}, {"key": "zeta", "value": "1"}]
    assert from_arrow_row(row) == record


def test_parquet_round_trip_with_pyarrow(tmp_path: Path, records):
    table = records_to_table(records)
    assert table.schema.equals(arrow_schema(), check_metadata=True)
    path = tmp_path / "records.parquet"
    pq.write_table(table, path)
    back = pq.read_table(path)
    assert back.num_rows == len(records)
    assert back.schema.metadata[b"cleaner.schema"] == b"article/1.2.0"
    rows = [from_arrow_row(r) for r in back.to_pylist()]
    assert rows == records
    assert rows[-1]["extra"] == records[-1]["extra"] and rows[-1]["extra"]
    for row in rows:
        validate(row)


def test_parquet_round_trip_with_datasets(tmp_path: Path, records):
    import datasets

    path = tmp_path / "records.parquet"
    pq.write_table(records_to_table(records), path)
    ds = datasets.Dataset.from_parquet(str(path), features=features(), cache_dir=str(tmp_path / "hf-cache"))
    assert ds.features == features()
    assert ds.num_rows == len(records)
    rows = [from_arrow_row(ds[i]) for i in range(ds.num_rows)]
    assert rows == records
    assert rows[-1]["extra"]["domain"] == "News"
    assert ds[len(records) - 1]["extra"][0] == {"key": sorted(records[-1]["extra"])[0], "value": records[-1]["extra"][sorted(records[-1]["extra"])[0]]}


def test_a_late_null_does_not_break_the_table(records):
    """The schema is explicit: a batch whose first rows have nulls still gets the declared types."""
    first = dict(records[0], views=None, comment_count=None, title=None, captions=[], extra={})
    table = records_to_table([first, records[-1]])
    assert table.schema.field("views").type == pa.int64()
    assert table.column("views").to_pylist() == [None, records[-1]["views"]]


def test_cli_records_validate(tmp_path: Path):
    from click.testing import CliRunner

    from cleaner.cli import main

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["clean", *map(str, SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(SEEDS)
    for line in lines:
        validate(json.loads(line))
