"""Bad input never stops a run and is never lost: every input document becomes a record or an error line.

Covers undecodable bytes, UTF-16 with and without a byte-order mark, NUL bytes, binary files,
empty and whitespace-only documents, very large documents and lines, masses of repeated debris,
malformed JSONL and unusable Parquet, the errors file, ``--strict``, and the accounting
records + errors = input documents over a mixed folder through the real command line.

The 200 MB document runs only with ``CLEANER_SLOW_TESTS=1``; a 20 MB one always runs.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import cleaner
import cleaner.dataset
import cleaner.text
from cleaner.cli import main
from cleaner.io import readers
from cleaner.io.readers import DecodeError, Document, DocumentError, decode_text, read_bytes, read_jsonl, read_txt
from cleaner.io.readers_parquet import read_parquet
from cleaner.io.run import clean_item, clean_items
from cleaner.schema import validate

ROOT = Path(__file__).resolve().parent.parent
SLOW = os.environ.get("CLEANER_SLOW_TESTS") == "1"
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
ARTICLE = (
    "Council Approves The Budget\n\nBy Jane Roe\n\n"
    + "\n\n".join(f"{BODY} Paragraph {i} adds that the vote is next week." for i in range(6))
    + "\n\nShare this:\n\nViews: 274\n"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- decoding ---------------------------------------------------------------------------------


def test_mostly_utf8_with_a_few_bad_bytes_stays_utf8_with_replacement_and_a_warning():
    data = ("Zürich – “quoted” text. " * 20).encode() + b"\xff\xfe" + " and more café.".encode()
    text, warnings = decode_text(data)
    assert "Zürich – “quoted”" in text and text.endswith("more café.")
    assert text.count("\ufffd") == 2
    assert len(warnings) == 1 and "replaced with U+FFFD" in warnings[0] and "first at byte" in warnings[0]


def test_legacy_bytes_are_detected_by_charset_normalizer_with_a_warning():
    text = "Le café était fermé, a déclaré le maire de la ville à la presse lundi."
    decoded, warnings = decode_text(text.encode("cp1252"))
    assert decoded == text
    assert warnings and "decoded as cp1252 (detected)" in warnings[0]


def test_bytes_no_detector_reads_fall_back_to_utf8_with_replacement(monkeypatch):
    monkeypatch.setattr(readers, "_detect", lambda data: (None, None))
    data = b"Caf\xe9 au lait, " * 10 + b"the menu said, and the price went up again on Monday."
    text, warnings = decode_text(data)
    assert text.startswith("Caf\ufffd au lait") and "price went up" in text
    assert "no text encoding detected; invalid bytes replaced with U+FFFD" in warnings[0]
    rng = random.Random(3)
    with pytest.raises(DecodeError, match="mostly undecodable"):
        decode_text(bytes(rng.randrange(0x80, 0x100) for _ in range(2000)))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_decode_silently(encoding: str):
    data = "Ünïcode “quoted” text.".encode(encoding)
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = "\ufeff".encode(encoding) + data
    assert decode_text(data) == ("Ünïcode “quoted” text.", ())


def test_a_truncated_utf16_file_keeps_its_text_with_a_warning():
    data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x41"  # one stray byte at the end
    text, warnings = decode_text(data)
    assert text.startswith("Council Approves") and text.endswith("\ufffd")
    assert "byte-order mark but is not valid" in warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_by_its_nul_bytes(encoding: str):
    text, warnings = decode_text(ARTICLE.encode(encoding))
    assert text == ARTICLE
    assert warnings == (f"no byte-order mark; decoded as {encoding} (detected from its NUL bytes)",)


def test_a_few_stray_nul_bytes_are_removed_with_a_warning():
    data = ARTICLE.encode()
    data = data[:100] + b"\x00" + data[100:]
    text, warnings = decode_text(data)
    assert text == ARTICLE and warnings == ("removed 1 NUL byte(s)",)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(4000),
        b"\x7fELF\x02\x01\x01\x00" + bytes(4000),
        gzip.compress(ARTICLE.encode() * 5),
        bytes(range(1, 32)) * 40,
        b"abc\x00def",
    ],
    ids=["png", "elf", "gzip", "controls", "short-with-nul"],
)
def test_binary_data_is_an_error_not_a_document(data: bytes):
    item = read_bytes(data, "bin", "bin.txt")
    assert isinstance(item, DocumentError) and item.reason.startswith("binary data")
    assert item.id == "bin" and item.source == "bin.txt" and item.nbytes == len(data)


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty document (no text)"),
        (b" \n\t\r\n  ", "empty document (whitespace only)"),
        ("\u00a0\u200b\u2003\n\ufeff".encode(), "empty document (whitespace only)"),
        (codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "empty document (whitespace only)"),
    ],
)
def test_empty_and_whitespace_only_documents_are_errors(data: bytes, reason: str):
    assert read_bytes(data, "e", "e.txt") == DocumentError("e", "e.txt", reason, len(data))


# --- size and repetition ----------------------------------------------------------------------


def _big_article(megabytes: float) -> str:
    rng = random.Random(7)
    words = "market government policy officials economy region security crisis talks agreement pressure".split()
    parts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        p = f"{BODY} " + " ".join(rng.choice(words) for _ in range(40)) + f" Story number {i}."
        if i % 50 == 7:
            p = "Share this:"
        parts.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(parts)


def _clean_file_through_the_cli(tmp_path: Path, text: str) -> tuple[dict, Path]:
    src = tmp_path / "big.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("clean", str(src), "-o", str(out), "--no-language", "-q")
    assert result.exit_code == 0, result.stderr
    (record,) = read_lines(out)
    assert (tmp_path / "out.errors.jsonl").read_text() == ""
    return record, out


def test_a_20_mb_document_is_cleaned(tmp_path: Path):
    text = _big_article(20)
    record, _ = _clean_file_through_the_cli(tmp_path, text)
    assert record["id"] == "big" and len(record["text"]) > 19_000_000
    assert {c["rule"] for c in record["removed"]} == {"social.share"}
    assert record["word_count"] == cleaner.text.count_words(record["text"])


@pytest.mark.skipif(not SLOW, reason="set CLEANER_SLOW_TESTS=1 to clean a 200 MB document")
def test_a_200_mb_document_is_cleaned(tmp_path: Path):
    record, _ = _clean_file_through_the_cli(tmp_path, _big_article(200))
    assert len(record["text"]) > 190_000_000


def test_a_10_mb_line_without_a_newline_is_one_paragraph():
    line = (BODY + " ") * (10_000_000 // (len(BODY) + 1))
    item = read_bytes(line.encode(), "line", "line.txt")
    assert isinstance(item, Document)
    record = cleaner.clean(item.text, id="line", detect_language=False).to_record()
    assert record["text"] == line.strip() and record["removed"] == []


def test_a_10_mb_jsonl_line_is_one_document(tmp_path: Path):
    path = tmp_path / "big.jsonl"
    text = (BODY + " ") * (10_000_000 // (len(BODY) + 1))
    path.write_text(json.dumps({"id": "big", "text": text}) + "\n" + json.dumps({"id": "small", "text": BODY}) + "\n")
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    assert items[0].text == text and items[1].source == f"{path.as_posix()}:2"


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_100k_share_lines_are_cut_and_the_body_kept(sep: str):
    text = ARTICLE + sep + ("Share this:" + sep) * 100_000
    article = cleaner.clean(text, detect_language=False)
    assert BODY in article.text and "Share this" not in article.text
    assert len(article.removed) >= 100_000
    assert article.removed[-1].rule.startswith(("social", "boilerplate"))


def test_deeply_repeated_label_and_byline_debris():
    text = "\n\n".join(["Category: Category: World"] * 20_000 + ["By By By Jane Roe"] * 20_000 + [BODY])
    article = cleaner.clean(text, detect_language=False)
    assert BODY in article.text
    validate(article.to_record())


# --- JSONL and Parquet ------------------------------------------------------------------------

BAD_JSONL_LINES = [
    (b'{"id": "ok", "text": "' + BODY.encode() + b'"}', None),
    (b'{"id": "trunc", "text": "no end', "malformed JSON"),
    (b'{"id": "x", "text": "a"} trailing', "malformed JSON"),
    (b"[1, 2, 3]", "a line must be a JSON object, got list"),
    (b'"just a string"', "a line must be a JSON object, got str"),
    (b'{"id": "n", "text": null}', "'text' must be a string, got null"),
    (b'{"id": "i", "text": 42}', "'text' must be a string, got int"),
    (b'{"id": {"a": 1}, "text": "x"}', "id must be a string or an integer, got dict"),
    (b'{"id": "   ", "text": "x"}', "id is empty"),
    (b'{"id": "nt"}', "no 'text' field"),
    (b'{"id": "ws", "text": " \\n\\t "}', "empty document (whitespace only)"),
    (b'{"id": "bad-utf8", "text": "caf\xe9"}', "line is not UTF-8"),
    (b'{"id": "nul", "text": "a\\u0000b has a NUL inside, and a body long enough to keep."}', None),
    (b'{"id": "sur", "text": "lone \\ud800 surrogate in a body long enough to keep around."}', None),
]


def test_malformed_jsonl_lines_are_errors_with_line_sources(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(line for line, _ in BAD_JSONL_LINES) + b"\n\n   \n")
    items = list(read_jsonl(path))
    assert len(items) == len(BAD_JSONL_LINES)  # blank lines are not documents
    for n, (item, (_, reason)) in enumerate(zip(items, BAD_JSONL_LINES), start=1):
        assert item.source == f"{path.as_posix()}:{n}"
        if reason is None:
            assert isinstance(item, Document)
        else:
            assert isinstance(item, DocumentError) and reason in item.reason, (n, item)
    outcomes = list(clean_items(cleaner.Cleaner(detect_language=False), items))
    nul = next(o for o in outcomes if o.id == "nul")
    assert "\x00" not in nul.record["text"]
    sur = next(o for o in outcomes if o.id == "sur")
    assert sur.warnings and "\ud800" not in sur.record["text"]


def test_a_truncated_gzip_jsonl_gives_records_then_one_error(tmp_path: Path):
    lines = b"".join(json.dumps({"id": f"d{i}", "text": f"{BODY} {i}"}).encode() + b"\n" for i in range(200))
    data = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_jsonl(path))
    assert isinstance(items[-1], DocumentError) and "cannot read the rest of the file" in items[-1].reason
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 1


def test_parquet_with_a_missing_or_non_string_text_column_is_one_error(tmp_path: Path):
    cases = {
        "missing.parquet": (pa.table({"body": ["x"]}), "no text column 'text' (columns: body)"),
        "ints.parquet": (pa.table({"text": [1, 2]}), "text column 'text' must be a string column, got int64"),
        "binary.parquet": (pa.table({"text": pa.array([b"x"], pa.binary())}), "text column 'text' must be a string column, got binary"),
    }
    for name, (table, reason) in cases.items():
        pq.write_table(table, tmp_path / name)
        (item,) = read_parquet(tmp_path / name)
        assert item == DocumentError(None, (tmp_path / name).as_posix(), reason)
    (tmp_path / "fake.parquet").write_bytes(b"PAR1 not really")
    (item,) = read_parquet(tmp_path / "fake.parquet")
    assert isinstance(item, DocumentError) and "not a readable Parquet file" in item.reason


def test_parquet_rows_with_null_or_blank_text_are_errors(tmp_path: Path):
    pq.write_table(pa.table({"text": [BODY, None, " \n", BODY]}), tmp_path / "rows.parquet")
    items = list(read_parquet(tmp_path / "rows.parquet"))
    assert [type(i).__name__ for i in items] == ["Document", "DocumentError", "DocumentError", "Document"]
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["1", "2", "3", "4"]


# --- cleaning failures ------------------------------------------------------------------------


def test_an_exception_while_cleaning_becomes_the_documents_error(monkeypatch):
    c = cleaner.Cleaner(detect_language=False)
    real = c.clean

    def flaky(text, id=None, source=None):
        if "boom" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, id=id, source=source)

    monkeypatch.setattr(c, "clean", flaky)
    outcome = clean_item(c, Document("b", f"boom {BODY}", "b.txt", ("a warning",)))
    assert not outcome.ok and outcome.error == "cleaning failed: RecursionError: maximum recursion depth exceeded"
    assert outcome.problems() == [
        {"id": "b", "source": "b.txt", "warning": "a warning"},
        {"id": "b", "source": "b.txt", "error": outcome.error},
    ]


# --- the whole command line: accounting, errors file, --strict --------------------------------


def _mixed_inputs(root: Path) -> tuple[Path, list[Path], int, int]:
    """A folder of good and bad files, a JSONL and Parquet files; returns the folder, the extra
    inputs, the number of input documents and how many of them are bad."""
    folder = root / "mixed"
    (folder / "sub").mkdir(parents=True)
    good = {
        "good.txt": ARTICLE.encode(),
        "sub/cp1252.txt": ("Le café était fermé, a déclaré le maire. " * 5).encode("cp1252"),
        "utf16-bom.txt": ARTICLE.encode("utf-16"),
        "utf16-nobom.txt": ARTICLE.encode("utf-16-le"),
        "stray-nul.txt": ARTICLE.encode()[:50] + b"\x00" + ARTICLE.encode()[50:],
        "bad-bytes.txt": ARTICLE.encode() + b"\xff\xfe tail caf\xc3\xa9.",
        "debris.txt": (ARTICLE + "\n" + "Share this:\n" * 5000).encode(),
    }
    bad = {
        "empty.txt": b"",
        "spaces.txt": b"  \n\n \t ",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "sub/zeros.txt": bytes(5000),
    }
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data)
    (folder / "notes.md").write_text("not a .txt, not read")
    jsonl = root / "lines.jsonl"
    jsonl.write_bytes(b"\n".join(line for line, _ in BAD_JSONL_LINES) + b"\n")
    jsonl_bad = sum(1 for _, reason in BAD_JSONL_LINES if reason is not None)
    rows = root / "rows.parquet"
    pq.write_table(pa.table({"text": [BODY, None, BODY + " again"]}), rows)
    nocol = root / "nocol.parquet"
    pq.write_table(pa.table({"body": [BODY]}), nocol)
    inputs = len(good) + len(bad) + len(BAD_JSONL_LINES) + 3 + 1
    errors = len(bad) + jsonl_bad + 1 + 1
    return folder, [jsonl, rows, nocol], inputs, errors


def test_every_input_document_is_a_record_or_an_error_through_the_real_cli(tmp_path: Path):
    folder, extra, inputs, bad = _mixed_inputs(tmp_path)
    out = tmp_path / "out" / "clean.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(folder), *map(str, extra), "-o", str(out), "--no-language"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # some documents failed
    assert "Traceback" not in proc.stderr
    records = read_lines(out)
    problems = read_lines(tmp_path / "out" / "clean.errors.jsonl")
    errors = [p for p in problems if "error" in p]
    warnings = [p for p in problems if "warning" in p]
    assert len(records) + len(errors) == inputs
    assert len(errors) == bad
    for p in problems:
        assert set(p) in ({"id", "source", "error"}, {"id", "source", "warning"}), p
        assert p["source"] and (p.get("error") or p.get("warning"))
    for r in records:
        validate(r)
    assert {p["source"].rsplit("/", 1)[-1] for p in warnings} >= {
        "cp1252.txt", "utf16-nobom.txt", "stray-nul.txt", "bad-bytes.txt"}
    by_source = {p["source"].rsplit("/", 1)[-1]: p for p in errors}
    assert by_source["empty.txt"]["error"] == "empty document (no text)"
    assert by_source["zeros.txt"]["error"].startswith("binary data")
    assert by_source["nocol.parquet"]["error"].startswith("no text column")
    assert by_source["rows.parquet:2"]["error"] == "'text' is null"
    # the summary on stderr counts both
    assert f"{inputs} documents" in proc.stderr and f"{len(records)} records" in proc.stderr
    assert f"{bad} errors" in proc.stderr and f"{len(warnings)} warnings" in proc.stderr


def test_export_accounts_for_every_document_too(tmp_path: Path):
    folder, extra, inputs, bad = _mixed_inputs(tmp_path)
    errors = tmp_path / "export.errors.jsonl"
    result = run("export", str(folder), *map(str, extra), "--dataset", str(tmp_path / "ds"),
                 "--errors", str(errors), "--no-language")
    assert result.exit_code == 1
    rows = cleaner.dataset.versions(tmp_path / "ds")[0].rows
    assert rows + sum(1 for p in read_lines(errors) if "error" in p) == inputs
    assert cleaner.dataset.verify(tmp_path / "ds").ok


def test_strict_makes_the_first_error_fatal(tmp_path: Path):
    folder, extra, _, _ = _mixed_inputs(tmp_path)
    out = tmp_path / "strict.jsonl"
    result = run("clean", str(folder), *map(str, extra), "-o", str(out), "--strict", "--no-language")
    assert result.exit_code == 1
    assert not out.exists()
    assert "stopped at the first failing document (--strict)" in result.stderr
    errors = [p for p in read_lines(tmp_path / "strict.errors.jsonl") if "error" in p]
    assert len(errors) == 1
    result = run("export", str(folder), "--dataset", str(tmp_path / "ds"), "--strict", "-q", "--no-language")
    assert result.exit_code == 1 and "no version was published" in result.stderr
    assert not (tmp_path / "ds" / "LATEST").exists()


def test_a_clean_run_of_good_files_exits_0_with_an_empty_errors_file(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("utf-16"))
    result = run("clean", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "o.jsonl"), "--no-language")
    assert result.exit_code == 0
    assert len(read_lines(tmp_path / "o.jsonl")) == 2
    assert (tmp_path / "o.errors.jsonl").read_text() == ""


def test_an_unreadable_file_is_an_error(tmp_path: Path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    item = read_txt(path)
    assert isinstance(item, DocumentError) and item.reason.startswith("cannot read file")


# --- round two: inputs that used to cost a whole run ------------------------------------------


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _good(i: int) -> str:
    return json.dumps({"id": f"g{i}", "text": f"{ARTICLE}\n\nStory {i}."})


@pytest.mark.parametrize("bad, reason", [
    ('{"id": "big", "text": "x", "n": ' + "7" * 5000 + "}", "unreadable JSON: Exceeds the limit (4300 digits)"),
    ('{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "unreadable JSON: nested too deeply"),
    ('{"id": "obj", "text": "x", "n": ' + '{"a":' * 5000 + "1" + "}" * 5000 + "}", "unreadable JSON: nested too deeply"),
])
def test_a_jsonl_line_python_cannot_parse_is_one_error_and_clean_and_export_go_on(tmp_path: Path, bad: str, reason: str):
    src = _jsonl(tmp_path / "in.jsonl", [_good(0), bad, _good(1)])
    out = tmp_path / "out.jsonl"
    result = run("clean", str(src), "-o", str(out), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 1
    assert [r["id"] for r in read_lines(out)] == ["g0", "g1"]
    (err,) = read_lines(tmp_path / "out.errors.jsonl")
    assert err["source"] == f"{src.as_posix()}:2" and err["error"].startswith(reason)
    errors = tmp_path / "export.errors.jsonl"
    result = run("export", str(src), "--dataset", str(tmp_path / "ds"), "--no-language", "-w", "2", "-q", "--errors", str(errors))
    assert result.exit_code == 1
    assert cleaner.load(tmp_path / "ds")["id"] == ["g0", "g1"]
    assert [e["source"] for e in read_lines(errors)] == [f"{src.as_posix()}:2"]


def test_json_messages_that_end_in_at_do_not_say_at_twice(tmp_path: Path):
    src = tmp_path / "ctl.jsonl"
    src.write_bytes(b'{"id": "c", "text": "tab\tinside"}\n')
    (item,) = read_jsonl(src)
    assert item.reason == "malformed JSON: Invalid control character at column 25"


def test_a_count_beyond_int64_is_null_and_parquet_output_keeps_every_document(tmp_path: Path):
    lines = [_good(i) for i in range(10)]
    lines.insert(5, json.dumps({"id": "huge", "text": "\n\n".join([BODY] * 4 + ["Views: 9223372036854775808", "5 comments"])}))
    src = _jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.parquet"
    result = run("clean", str(src), "-o", str(out), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 11
    huge = next(r for r in table.to_pylist() if r["id"] == "huge")
    assert huge["views"] is None and huge["comment_count"] == 5
    assert "counters.views" in [c["rule"] for c in huge["removed"]]  # still cut as a counter
    result = run("export", str(src), "--dataset", str(tmp_path / "ds"), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 0, result.output
    assert cleaner.load(tmp_path / "ds").num_rows == 11


def _zst_lines(n: int) -> bytes:
    return b"".join(json.dumps({"id": f"z{i}", "text": f"{BODY} Number {i} of the series."}).encode() + b"\n" for i in range(n))


def test_a_truncated_jsonl_zst_keeps_what_was_read_and_reports_one_error(tmp_path: Path):
    zstandard = pytest.importorskip("zstandard")
    data = zstandard.ZstdCompressor().compress(_zst_lines(3000))
    src = tmp_path / "cut.jsonl.zst"
    src.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out.jsonl"
    result = run("clean", str(src), "-o", str(out), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 1
    records = read_lines(out)
    assert len(records) > 100 and [r["id"] for r in records] == [f"z{i}" for i in range(len(records))]
    (err,) = read_lines(tmp_path / "out.errors.jsonl")
    assert err["source"] == f"{src.as_posix()}:{len(records) + 1}"
    assert "cannot read the rest of the file" in err["error"] and "truncated" in err["error"]
    src.write_bytes(data[:40])  # cut inside the first block: nothing to keep, still one error
    result = run("clean", str(src), "-o", str(out), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 1 and read_lines(out) == [] and len(read_lines(tmp_path / "out.errors.jsonl")) == 1


def test_a_valid_jsonl_zst_followed_by_junk_keeps_all_its_records(tmp_path: Path):
    zstandard = pytest.importorskip("zstandard")
    c = zstandard.ZstdCompressor()
    lines = _zst_lines(300)
    src = tmp_path / "junk.jsonl.zst"
    src.write_bytes(c.compress(lines[:10000]) + c.compress(lines[10000:]) + b"this is not zstd at all" * 4)
    out = tmp_path / "out.jsonl"
    result = run("clean", str(src), "-o", str(out), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 1
    assert [r["id"] for r in read_lines(out)] == [f"z{i}" for i in range(300)]
    (err,) = read_lines(tmp_path / "out.errors.jsonl")
    assert err["source"] == f"{src.as_posix()}:301" and "not zstd data" in err["error"]


def test_without_zstandard_a_zst_input_says_which_extra_to_install(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard now raises ImportError
    src = tmp_path / "x.jsonl.zst"
    src.write_bytes(b"\x28\xb5\x2f\xfd")
    result = run("clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q")
    assert result.exit_code == 1
    (err,) = read_lines(tmp_path / "out.errors.jsonl")
    assert "pip install 'cleaner[zstd]'" in err["error"]
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "x.jsonl.zst"), "-o", str(tmp_path / "o.jsonl.zst")])
    assert result.exit_code == 2 and "cleaner[zstd]" in result.output


def test_a_file_name_that_is_not_utf8_does_not_fail_clean_or_export(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt"))).write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take non-UTF-8 names")
    (folder / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("export", str(folder), "--dataset", str(tmp_path / "ds"), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 0, result.output
    ds = cleaner.load(tmp_path / "ds")
    assert sorted(ds["source"]) == sorted([f"{folder.as_posix()}/caf\ufffd.txt", f"{folder.as_posix()}/ok.txt"])
    manifest = json.loads((tmp_path / "ds" / "v1.0.0" / "manifest.json").read_text(encoding="utf-8"))
    assert f"{folder.as_posix()}/caf\ufffd.txt" in [i["path"] for i in manifest["inputs"]]
    for out in ("out.jsonl", "out.parquet"):
        result = run("clean", str(folder), "-o", str(tmp_path / out), "--no-language", "-w", "1", "-q")
        assert result.exit_code == 0, result.output


def _walk_fixture(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "locked").mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "sub" / "b.txt").write_text(ARTICLE)
    (folder / "locked" / "c.txt").write_text(ARTICLE)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    return folder


def test_what_a_folder_holds_that_cannot_be_walked_is_an_error_each(tmp_path: Path, monkeypatch):
    folder = _walk_fixture(tmp_path)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # portable, and true for root too
    out = tmp_path / "out.jsonl"
    result = run("clean", str(folder), "-o", str(out), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 1
    assert sorted(r["source"] for r in read_lines(out)) == [f"{folder.as_posix()}/a.txt", f"{folder.as_posix()}/sub/b.txt"]
    errors = {e["source"]: e["error"] for e in read_lines(tmp_path / "out.errors.jsonl")}
    assert errors == {
        f"{folder.as_posix()}/dangling.txt": "broken symbolic link (its target does not exist)",
        f"{folder.as_posix()}/locked": "cannot read folder: Permission denied",
        f"{folder.as_posix()}/self.txt": "symbolic link loop (a link that points to itself); not followed",
        f"{folder.as_posix()}/sub/loop": "symbolic link loop (a link to a folder that contains it); not followed",
    }
    errors_file = tmp_path / "export.errors.jsonl"
    result = run("export", str(folder), "--dataset", str(tmp_path / "ds"), "--no-language", "-w", "1", "-q", "--errors", str(errors_file))
    assert result.exit_code == 1
    assert cleaner.load(tmp_path / "ds").num_rows == 2
    assert len(read_lines(errors_file)) == 4


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", ["clean", "export"])
def test_a_fifo_given_as_input_is_read_as_a_stream(tmp_path: Path, command: str):
    import threading

    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    lines = "".join(_good(i) + "\n" for i in range(3)).encode()

    def feed():
        with open(fifo, "wb") as f:
            f.write(lines)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    target = ["-o", str(tmp_path / "out.jsonl")] if command == "clean" else ["--dataset", str(tmp_path / "ds")]
    proc = subprocess.run([sys.executable, "-m", "cleaner", command, str(fifo), *target, "--no-language", "-w", "1", "-q"],
                          capture_output=True, text=True, timeout=120)
    writer.join(timeout=5)
    assert proc.returncode == 0, proc.stderr
    ids = read_lines(tmp_path / "out.jsonl") if command == "clean" else cleaner.load(tmp_path / "ds").to_list()
    assert [r["id"] for r in ids] == ["g0", "g1", "g2"]


NON_LATIN = {
    "ru": "Совет собрался в понедельник, чтобы обсудить бюджет на следующий год, сообщили чиновники.",
    "el": "Το συμβούλιο συνεδρίασε τη Δευτέρα για να συζητήσει τον προϋπολογισμό του επόμενου έτους.",
    "zh": "理事会周一开会讨论来年的预算，官员们说。投票将在下周举行，他们补充说。",
    "ar": "اجتمع المجلس يوم الاثنين لمناقشة ميزانية العام المقبل، حسبما قال المسؤولون.",
}


@pytest.mark.parametrize("lang", sorted(NON_LATIN))
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_in_a_non_latin_script_is_text(tmp_path: Path, lang: str, encoding: str):
    text = "\n\n".join([NON_LATIN[lang]] * 4)
    path = tmp_path / f"{lang}.txt"
    path.write_bytes(text.encode(encoding))
    out = tmp_path / "out.jsonl"
    result = run("clean", str(path), "-o", str(out), "--no-language", "-q")
    assert result.exit_code == 0, (tmp_path / "out.errors.jsonl").read_text()
    (record,) = read_lines(out)
    assert NON_LATIN[lang][:12] in record["text"]
    (warning,) = read_lines(tmp_path / "out.errors.jsonl")
    assert warning["warning"] == f"no byte-order mark; decoded as {encoding} (detected)"


def test_iso_2022_jp_is_text(tmp_path: Path):
    text = "評議会は月曜日に会合し、来年の予算について話し合ったと当局者は述べた。\n\n投票は来週行われる予定だ。" * 3
    path = tmp_path / "ja.txt"
    path.write_bytes(text.encode("iso-2022-jp"))
    out = tmp_path / "out.jsonl"
    result = run("clean", str(path), "-o", str(out), "--no-language", "-q")
    assert result.exit_code == 0, (tmp_path / "out.errors.jsonl").read_text()
    (record,) = read_lines(out)
    assert "評議会は月曜日に会合し" in record["text"] and "\x1b" not in record["text"]
    (warning,) = read_lines(tmp_path / "out.errors.jsonl")
    assert "iso2022-jp" in warning["warning"]


def test_random_bytes_with_nuls_are_still_binary_data():
    rng = random.Random(7)
    for _ in range(20):
        data = bytearray(rng.getrandbits(8) for _ in range(4096))
        data[1::2] = bytes(0 if rng.random() < 0.4 else b for b in data[1::2])
        with pytest.raises(DecodeError):
            decode_text(bytes(data))


def test_dictionary_encoded_parquet_string_columns_are_read(tmp_path: Path):
    table = pa.table({
        "text": pa.array([ARTICLE + " One.", ARTICLE + " Two.", None]).dictionary_encode(),
        "key": pa.array(["k1", "k2", "k3"]).dictionary_encode(),
    })
    pq.write_table(table, tmp_path / "dict.parquet")
    out = tmp_path / "out.jsonl"
    result = run("clean", str(tmp_path / "dict.parquet"), "--id-column", "key", "-o", str(out), "--no-language", "-q")
    assert result.exit_code == 1
    assert [r["id"] for r in read_lines(out)] == ["k1", "k2"]
    (err,) = read_lines(tmp_path / "out.errors.jsonl")
    assert err == {"id": "k3", "source": f"{(tmp_path / 'dict.parquet').as_posix()}:3", "error": "'text' is null"}


def test_text_of_control_characters_only_is_not_called_whitespace(tmp_path: Path):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "c", "text": "\x01\x02 \x7f"}) + "\n")
    (item,) = read_jsonl(src)
    assert item.reason == "empty document (only control characters and whitespace)"
    pq.write_table(pa.table({"text": ["\x00\x1b\n", " \u200b"]}), tmp_path / "c.parquet")
    assert [i.reason for i in read_parquet(tmp_path / "c.parquet")] == [
        "empty document (only control characters and whitespace)", "empty document (whitespace only)"]


# --- round two: what -o points at ------------------------------------------------------------


def _read_fifo_in_background(fifo: Path, into: list):
    import threading

    def drain():
        with open(fifo, "rb") as f:
            into.append(f.read())

    t = threading.Thread(target=drain, daemon=True)
    t.start()
    return t


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_a_fifo_as_output_is_written_as_a_stream_and_stays_a_fifo(tmp_path: Path, name: str):
    import stat as stat_

    (tmp_path / "a.txt").write_text(ARTICLE)
    fifo = tmp_path / name
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo_in_background(fifo, got)
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(tmp_path / "a.txt"), "-o", str(fifo), "--no-language", "-w", "1", "-q"],
                          capture_output=True, text=True, timeout=120)
    reader.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert stat_.S_ISFIFO(os.lstat(fifo).st_mode)  # not replaced by a regular file
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    if name.endswith(".jsonl"):
        (record,) = [json.loads(line) for line in got[0].splitlines()]
    else:
        (record,) = pq.read_table(pa.BufferReader(got[0])).to_pylist()
    assert record["id"] == "a" and "Share this:" not in record["text"]


def test_a_symlink_as_output_writes_its_target_and_stays_a_link(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "records.jsonl"
    target.write_text("old\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    result = run("clean", str(tmp_path / "a.txt"), "-o", str(link), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert [r["id"] for r in read_lines(target)] == ["a"]
    dangling = tmp_path / "new.jsonl"
    dangling.symlink_to(tmp_path / "real" / "fresh.jsonl")  # a link to a file still to be made
    result = run("clean", str(tmp_path / "a.txt"), "-o", str(dangling), "--no-language", "-w", "1", "-q")
    assert result.exit_code == 0 and dangling.is_symlink()
    assert [r["id"] for r in read_lines(tmp_path / "real" / "fresh.jsonl")] == ["a"]
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_folder_as_output_is_a_clear_usage_error_that_leaves_nothing(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    folder = tmp_path / "out.jsonl"
    folder.mkdir()
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "a.txt"), "-o", str(folder), "--no-language", "-q"])
    assert result.exit_code == 2
    assert "it is a folder; give a file name" in result.output
    assert list(folder.iterdir()) == [] and not [p for p in tmp_path.rglob("*.tmp")]
    assert "Traceback" not in result.output


def test_a_record_with_a_count_beyond_int64_publishes_with_a_null_count(tmp_path: Path):
    from cleaner.dataset import publish

    base = cleaner.clean(ARTICLE, id="a", detect_language=False).to_record()
    records = [{**base, "id": "big", "views": 2**64, "comment_count": 2**70}, {**base, "id": "ok", "views": 5}]
    publish(records, tmp_path / "ds")
    rows = {r["id"]: r for r in cleaner.load(tmp_path / "ds").to_list()}
    assert rows["big"]["views"] is None and rows["big"]["comment_count"] is None and rows["ok"]["views"] == 5
    table = cleaner.to_dataset(records)
    assert table["views"] == [None, 5]


@pytest.mark.parametrize("label", ["DOMAİN", "TAGſ", "Domaİn"])
def test_a_label_printed_with_letters_that_fold_oddly_is_read_not_a_crash(label):
    # The label pattern matches case-insensitively, so 'İ' and 'ſ' stand for 'i' and 's'; the table of
    # labels is looked up by their lower case, which is not the table's.
    art = cleaner.Cleaner().clean(f"{label}: Politics\n\nThe council met on Monday to discuss the budget.")
    assert art.text == "The council met on Monday to discuss the budget."
    assert [c.rule for c in art.removed] == ["labels.field"]
