"""The record schema: ``schemas/article/vN.json`` is the one definition; Arrow and HF Features derive from it.

JSON Schema types map to Arrow as follows:

=====================================  =======================================
JSON Schema                            Arrow / Hugging Face
=====================================  =======================================
string (nullable or not)               string
integer                                int64
array of strings                       list<string>
array of objects                       list<struct<...>> (fields in schema order)
object with ``additionalProperties``   list<struct<key: string, value: string>>
object with ``additionalProperties:    string (the object as JSON text)
true`` (any JSON values)
=====================================  =======================================

A free-form mapping (``extra``) has no fixed keys, so it is stored as a list of
key/value pairs in Arrow (sorted by key, so equal records give equal bytes); a
free-form JSON object (a cut's ``why``, whose values are numbers, lists and
strings) is stored as its JSON text with sorted keys. :func:`to_arrow_row` and
:func:`from_arrow_row` convert between the two forms.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa

__all__ = [
    "SCHEMA_VERSION",
    "load_schema",
    "schema_path",
    "arrow_schema",
    "features",
    "to_arrow_row",
    "from_arrow_row",
    "records_to_table",
    "validate",
    "SchemaError",
]

SCHEMA_NAME = "article"
SCHEMA_VERSION = "1.2.0"


class SchemaError(ValueError):
    """A record does not match the record schema."""


def schema_path(major: int = 1) -> Path:
    here = Path(__file__).resolve().parent
    for base in (here / "schemas", here.parent / "schemas"):
        candidate = base / SCHEMA_NAME / f"v{major}.json"
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"record schema {SCHEMA_NAME}/v{major}.json not found next to the package")


@lru_cache(maxsize=None)
def load_schema(major: int = 1) -> dict[str, Any]:
    """The JSON Schema of record version ``major`` as a dict."""
    return json.loads(schema_path(major).read_text(encoding="utf-8"))


def _types(prop: dict[str, Any]) -> tuple[str, bool]:
    t = prop.get("type")
    if isinstance(t, list):
        non_null = [x for x in t if x != "null"]
        return non_null[0], "null" in t
    return t, False


def _is_mapping(prop: dict[str, Any]) -> bool:
    return _types(prop)[0] == "object" and "properties" not in prop and isinstance(prop.get("additionalProperties"), dict)


def _is_json(prop: dict[str, Any]) -> bool:
    """A free-form JSON object (``additionalProperties: true``): JSON text in Arrow."""
    return _types(prop)[0] == "object" and "properties" not in prop and prop.get("additionalProperties") is True


def _arrow_type(prop: dict[str, Any]) -> pa.DataType:
    t, _ = _types(prop)
    if t == "string":
        return pa.string()
    if t == "integer":
        return pa.int64()
    if t == "number":
        return pa.float64()
    if t == "boolean":
        return pa.bool_()
    if t == "array":
        return pa.list_(_arrow_type(prop["items"]))
    if _is_json(prop):
        return pa.string()
    if _is_mapping(prop):
        return pa.list_(pa.struct([pa.field("key", pa.string(), nullable=False), pa.field("value", _arrow_type(prop["additionalProperties"]))]))
    if t == "object":
        required = set(prop.get("required", ()))
        return pa.struct([pa.field(k, _arrow_type(v), nullable=k not in required or _types(v)[1]) for k, v in prop["properties"].items()])
    raise TypeError(f"no Arrow type for JSON Schema type {t!r}")


@lru_cache(maxsize=None)
def arrow_schema(major: int = 1) -> pa.Schema:
    """The Arrow schema of record version ``major``, with the schema version in its metadata."""
    js = load_schema(major)
    fields = [
        pa.field(name, _arrow_type(prop), nullable=_types(prop)[1])
        for name, prop in js["properties"].items()
    ]
    return pa.schema(fields, metadata={b"cleaner.schema": f"{SCHEMA_NAME}/{js['version']}".encode()})


def features(major: int = 1):
    """The Hugging Face ``datasets.Features`` of record version ``major``."""
    import datasets

    return datasets.Features.from_arrow_schema(arrow_schema(major))


@lru_cache(maxsize=None)
def _mapping_fields(major: int) -> tuple[str, ...]:
    return tuple(name for name, prop in load_schema(major)["properties"].items() if _is_mapping(prop))


@lru_cache(maxsize=None)
def _json_fields(major: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(array field, JSON fields of its items)`` for every array of objects with free-form JSON fields."""
    out = []
    for name, prop in load_schema(major)["properties"].items():
        items = prop.get("items") if _types(prop)[0] == "array" else None
        if items and "properties" in items:
            inner = tuple(k for k, v in items["properties"].items() if _is_json(v))
            if inner:
                out.append((name, inner))
    return tuple(out)


def _dumps(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value  # already JSON text (a row read back from Arrow), or null
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# Counts (from publish() or to_dataset() callers) beyond int64, which Arrow and Parquet hold, are stored as null.
_COUNT_FIELDS = ("views", "comment_count")
_INT64 = (-(2**63), 2**63 - 1)


def to_arrow_row(record: dict[str, Any], major: int = 1) -> dict[str, Any]:
    """A record as Arrow wants it: mappings become sorted key/value lists, free-form objects JSON text.

    >>> to_arrow_row({"extra": {"b": "2", "a": "1"}, "removed": [{"rule": "x.y", "text": "t", "index": 0, "why": {"signal": "line"}}]})
    {'extra': [{'key': 'a', 'value': '1'}, {'key': 'b', 'value': '2'}], 'removed': [{'rule': 'x.y', 'text': 't', 'index': 0, 'why': '{"signal":"line"}'}]}
    """
    row = dict(record)
    for name in _mapping_fields(major):
        value = row.get(name) or {}
        row[name] = [{"key": k, "value": value[k]} for k in sorted(value)]
    for name, inner in _json_fields(major):
        items = row.get(name)
        if items:
            row[name] = [{**item, **{k: _dumps(item.get(k)) for k in inner}} if isinstance(item, dict) else item for item in items]
    for name in _COUNT_FIELDS:  # int64 in Arrow: a count that does not fit is null, not an OverflowError for the batch
        n = row.get(name)
        if type(n) is int and not _INT64[0] <= n <= _INT64[1]:
            row[name] = None
    return row


def from_arrow_row(row: dict[str, Any], major: int = 1) -> dict[str, Any]:
    """The inverse of :func:`to_arrow_row`."""
    record = dict(row)
    for name in _mapping_fields(major):
        pairs = record.get(name) or []
        record[name] = {p["key"]: p["value"] for p in pairs}
    for name, inner in _json_fields(major):
        items = record.get(name)
        if items:
            record[name] = [{**item, **{k: _loads(item.get(k)) for k in inner}} if isinstance(item, dict) else item for item in items]
    return record


def records_to_table(records: Iterable[dict[str, Any]], major: int = 1) -> pa.Table:
    """An Arrow table of records with the explicit schema (never inferred from the data)."""
    rows = [to_arrow_row(r, major) for r in records]
    return pa.Table.from_pylist(rows, schema=arrow_schema(major))


def validate(record: dict[str, Any], major: int = 1) -> None:
    """Raise :class:`SchemaError` when ``record`` does not match the schema (needs ``jsonschema``)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema(major), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.path) or "(record)"
        raise SchemaError(f"record {record.get('id')!r}: {where}: {e.message}")
