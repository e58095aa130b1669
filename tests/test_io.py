"""Readers and writers: decoding, bad input as per-document errors, order, atomic writes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cleaner import Cleaner
from cleaner.io import (
    Document,
    DocumentError,
    JsonlWriter,
    ParquetWriter,
    RunStats,
    batched,
    clean_batch,
    decode_text,
    expand_paths,
    open_writer,
    read_jsonl,
    read_paths,
    read_txt,
    write_jsonl,
)
from cleaner.io.readers import DecodeError
from cleaner.schema import arrow_schema, from_arrow_row

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# --- decoding -----------------------------------------------------------------------------


def test_utf8_decodes_without_warnings():
    assert decode_text("Zürich – “quoted”".encode("utf-8")) == ("Zürich – “quoted”", ())


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks_pick_the_encoding(encoding: str):
    data = "Ünïcode text, “quoted”.".encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data
    text, warnings = decode_text(data)
    assert text == "Ünïcode text, “quoted”."
    assert warnings == ()


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("Le café était fermé, a déclaré le maire de la ville à la presse lundi.", "cp1252"),
        ("He said “yes” – and left…", "cp1252"),
        ("café au lait", "cp1252"),
        ("Der Bürgermeister sagte, die Straße werde am Montag geöffnet.", "latin-1"),
        ("Prezydent powiedział, że rozmowy zostaną wznowione w przyszłym tygodniu.", "cp1250"),
        ("Президент заявил, что переговоры возобновятся на следующей неделе в Женеве.", "cp1251"),
        ("Ο πρωθυπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.", "cp1253"),
    ],
)
def test_legacy_encoding_is_detected_and_reported(text: str, encoding: str):
    decoded, warnings = decode_text(text.encode(encoding))
    assert decoded == text
    assert len(warnings) == 1 and "not UTF-8" in warnings[0] and "(detected)" in warnings[0]


def test_nul_bytes_are_binary():
    with pytest.raises(DecodeError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_many_control_characters_are_binary():
    with pytest.raises(DecodeError, match="control characters"):
        decode_text(bytes(range(1, 32)) * 10)


def test_a_stray_control_character_is_still_text():
    text, _ = decode_text(f"{BODY}\x07 {BODY}".encode())
    assert text.startswith(BODY)


# --- text files and folders ---------------------------------------------------------------


def test_read_txt_gives_id_source_and_size(tmp_path: Path):
    path = tmp_path / "story-42.txt"
    path.write_text(BODY, encoding="utf-8")
    doc = read_txt(path)
    assert doc == Document("story-42", BODY, path.as_posix(), (), len(BODY.encode()))


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty document (no text)"),
        (b"  \n\n\t \r\n", "empty document (whitespace only)"),
        ("\u200b\u00a0\n\ufeff".encode("utf-8"), "empty document (whitespace only)"),
        (b"abc\x00def", "binary data (NUL bytes), not text"),
    ],
)
def test_bad_text_files_are_errors_with_reasons(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    item = read_txt(path)
    assert item == DocumentError("bad", path.as_posix(), reason, len(content))
    assert item.to_record() == {"id": "bad", "source": path.as_posix(), "error": reason}


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path):
    for rel in ["b.txt", "a/z.txt", "a/b/c.txt", "A.txt", "notes.md", ".hidden/x.txt", "a/.y.txt", "data.jsonl"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(BODY)
    files = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert files == ["A.txt", "a/b/c.txt", "a/z.txt", "b.txt"]


def test_explicit_files_keep_their_order_and_a_missing_path_raises(tmp_path: Path):
    (tmp_path / "b.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    assert [p.name for p in expand_paths([tmp_path / "b.txt", tmp_path / "a.txt"])] == ["b.txt", "a.txt"]
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        expand_paths([tmp_path / "missing.txt"])


# --- JSONL ----------------------------------------------------------------------------------


def _write_jsonl_lines(path: Path, lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)


LINES = [
    json.dumps({"id": "a", "text": BODY}),
    "{not json",
    "",
    json.dumps({"id": "c"}),
    json.dumps({"id": 7, "text": BODY}),
    json.dumps({"text": BODY, "url": "https://example.com/x"}),
    json.dumps({"id": "e", "text": None}),
    json.dumps({"id": "f", "text": " \n "}),
    json.dumps(["a", "list"]),
    json.dumps({"id": ["x"], "text": BODY}),
]


@pytest.mark.parametrize("name", ["docs.jsonl", "docs.jsonl.gz"])
def test_jsonl_lines_become_documents_or_errors(tmp_path: Path, name: str):
    path = tmp_path / name
    _write_jsonl_lines(path, LINES)
    items = list(read_jsonl(path))
    src = path.as_posix()
    assert [(type(i).__name__, i.id, i.source) for i in items] == [
        ("Document", "a", f"{src}:1"),
        ("DocumentError", None, f"{src}:2"),
        ("DocumentError", "c", f"{src}:4"),
        ("Document", "7", f"{src}:5"),
        ("Document", None, f"{src}:6"),
        ("DocumentError", "e", f"{src}:7"),
        ("DocumentError", "f", f"{src}:8"),
        ("DocumentError", None, f"{src}:9"),
        ("DocumentError", None, f"{src}:10"),
    ]
    reasons = [i.reason for i in items if isinstance(i, DocumentError)]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1:] == [
        "no 'text' field",
        "'text' must be a string, got null",
        "empty document (whitespace only)",
        "a line must be a JSON object, got list",
        "id must be a string or an integer, got list",
    ]
    assert items[0].text == BODY


def test_jsonl_first_line_bom_and_lone_surrogates(tmp_path: Path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "s", "text": BODY + " \ud800 end"}).encode() + b"\n")
    [doc] = read_jsonl(path)
    assert isinstance(doc, Document)
    assert doc.text == BODY + " \ufffd end"
    assert doc.warnings == ("replaced 1 lone surrogate(s) with U+FFFD",)


def test_jsonl_line_that_is_not_utf8_is_an_error(tmp_path: Path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "x", "text": "caf\xe9"}\n' + json.dumps({"id": "y", "text": BODY}).encode() + b"\n")
    items = list(read_jsonl(path))
    assert isinstance(items[0], DocumentError) and "not UTF-8" in items[0].reason
    assert isinstance(items[1], Document) and items[1].id == "y"


def test_truncated_gzip_gives_an_error_item_not_an_exception(tmp_path: Path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": str(i), "text": BODY}) for i in range(200)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_jsonl(path))
    assert isinstance(items[-1], DocumentError)
    assert "cannot read the rest of the file" in items[-1].reason
    assert all(isinstance(i, Document) for i in items[:-1])
    assert [i.id for i in items[:-1]] == [str(i) for i in range(len(items) - 1)]


def test_every_input_gives_exactly_one_item(tmp_path: Path):
    (tmp_path / "ok.txt").write_text(BODY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    jsonl = tmp_path / "d.jsonl"
    _write_jsonl_lines(jsonl, LINES)
    items = list(read_paths([tmp_path, jsonl]))
    non_blank_lines = sum(1 for line in LINES if line.strip())
    assert len(items) == 3 + non_blank_lines
    outcomes = clean_batch(Cleaner(detect_language=False), items)
    assert [o.ok for o in outcomes] == [isinstance(i, Document) for i in items]


def test_batched_keeps_order():
    assert [b for b in batched("abcde", 2)] == [["a", "b"], ["c", "d"], ["e"]]
    with pytest.raises(ValueError):
        list(batched("abc", 0))


def test_run_stats_count_records_errors_and_cuts():
    items = [
        Document("a", f"Views: 3\n\n{BODY}\n\nShare this:", "a.txt", ("a warning",), 100),
        DocumentError("b", "b.txt", "empty document (no text)", 0),
        Document("c", f"{BODY}\n\nShare this:", "c.txt", (), 50),
    ]
    stats = RunStats()
    outcomes = clean_batch(Cleaner(detect_language=False), items)
    for o in outcomes:
        stats.add(o)
    assert (stats.documents, stats.records, stats.errors, stats.warnings, stats.nbytes) == (3, 2, 1, 1, 150)
    assert stats.summary()["cuts"] == {"social.share": 2, "counters.views": 1}
    assert outcomes[0].problems() == [{"id": "a", "source": "a.txt", "warning": "a warning"}]
    assert outcomes[1].problems() == [{"id": "b", "source": "b.txt", "error": "empty document (no text)"}]
    assert outcomes[2].record["text"] == BODY


# --- writers ------------------------------------------------------------------------------

RECORDS = [{"id": "a", "text": "café “quoted”"}, {"id": "b", "text": "second\nline"}]


def test_jsonl_writer_is_atomic(tmp_path: Path):
    out = tmp_path / "sub" / "out.jsonl"
    with JsonlWriter(out) as w:
        w.write(RECORDS[0])
        assert not out.exists()
        w.write(RECORDS[1])
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == RECORDS
    assert out.read_bytes().decode("utf-8").count("café") == 1  # UTF-8, not \\u escapes
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.jsonl"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    with pytest.raises(RuntimeError):
        with JsonlWriter(out) as w:
            w.write(RECORDS[0])
            raise RuntimeError("stop")
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_gzip_output_is_deterministic_and_readable(tmp_path: Path):
    a, b = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    assert write_jsonl(a, RECORDS) == 2
    write_jsonl(b, RECORDS)
    assert a.read_bytes() == b.read_bytes()
    assert [json.loads(line) for line in gzip.decompress(a.read_bytes()).splitlines()] == RECORDS


def test_stream_writer_writes_to_the_given_stream():
    import io

    buf = io.BytesIO()
    with open_writer("-", stream=buf) as w:
        w.write_many(RECORDS)
    assert buf.getvalue().decode("utf-8").splitlines() == [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in RECORDS]


def test_parquet_writer_uses_the_record_schema(tmp_path: Path):
    records = [Cleaner().clean(p.read_text(encoding="utf-8"), id=p.stem).to_record() for p in sorted(SEEDS.glob("*.txt"))]
    out = tmp_path / "out.parquet"
    with open_writer(out) as w:
        assert isinstance(w, ParquetWriter)
        w.write_many(records)
    table = pq.read_table(out)
    # Parquet names a list's items "element"; everything else is the record schema as it was.
    assert str(table.schema).replace("element: ", "item: ") == str(arrow_schema())
    assert table.schema.metadata == arrow_schema().metadata
    assert [from_arrow_row(r) for r in table.to_pylist()] == records
    with pytest.raises(ValueError):
        ParquetWriter("-")


# --------------------------------------------------------------------------- fsspec URLs as destinations


def _records(n: int = 5) -> list[dict]:
    c = Cleaner(detect_language=False)
    return [c.clean(f"Paragraph number {i} of the story, long enough to be kept as text.", id=f"d{i}").to_record()
            for i in range(n)]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.parquet"])
def test_writers_upload_to_an_fsspec_url_when_the_run_completes(name: str):
    import fsspec

    fs = fsspec.filesystem("memory")
    url = f"memory://cleaner-tests/{name}"
    if fs.exists(url):
        fs.rm(url)
    records = _records()
    writer = open_writer(url)
    writer.write_many(records[:2])
    assert not fs.exists(url)  # nothing is visible before the run completes
    writer.write_many(records[2:])
    writer.close()
    data = fs.cat_file(url)
    if name.endswith(".parquet"):
        import io

        table = pq.read_table(io.BytesIO(data))
        assert table.schema.equals(arrow_schema(1)) and table.column("id").to_pylist() == [r["id"] for r in records]
    else:
        text = gzip.decompress(data) if name.endswith(".gz") else data
        assert [json.loads(line) for line in text.decode().splitlines()] == records
    assert writer._tmp is None  # the local temporary file is gone


def test_an_aborted_run_uploads_nothing():
    import fsspec

    fs = fsspec.filesystem("memory")
    url = "memory://cleaner-tests/aborted.jsonl"
    with pytest.raises(RuntimeError):
        with open_writer(url) as w:
            w.write_many(_records(2))
            tmp = w._tmp
            raise RuntimeError("interrupted")
    assert not fs.exists(url) and not tmp.exists()


def test_an_unknown_url_protocol_is_refused_before_the_run():
    with pytest.raises(ValueError, match="cannot write to nosuchproto://x/out.jsonl"):
        open_writer("nosuchproto://x/out.jsonl")
