"""Web archives and HTML: Common Crawl WET conversion records and WARC response records read as documents
(warcio), HTML converted to text (inscriptis) or, without the converter, a clear error per document."""

from __future__ import annotations

import builtins
import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.io.formats import read_sources, read_warc

warcio = pytest.importorskip("warcio")
pytest.importorskip("inscriptis")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
PAGE = f"""<!DOCTYPE html><html><head><title>Budget</title><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a></nav><h1>Council debates the budget</h1>
<p>{BODY}</p><p>The vote is <b>next week</b>, the mayor said on Tuesday evening.</p></body></html>"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def write_wet(path: Path, docs: list[tuple[str, str, str]]) -> None:
    """A Common Crawl style WET file: a warcinfo record, then one conversion record per document (gzip members)."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        for uri, date, text in docs:
            rec = w.create_warc_record(uri, "conversion", payload=io.BytesIO(text.encode("utf-8")),
                                       warc_content_type="text/plain",
                                       warc_headers_dict={"WARC-Date": date})
            w.write_record(rec)


def write_warc(path: Path) -> None:
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        html = PAGE.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://news.example/budget", "response", payload=io.BytesIO(html),
                                            http_headers=headers, warc_headers_dict={"WARC-Date": "2024-03-01T10:00:00Z"}))
        w.write_record(w.create_warc_record("https://news.example/budget", "request", payload=io.BytesIO(b"GET /budget HTTP/1.1\r\n\r\n"),
                                            warc_headers_dict={"WARC-Date": "2024-03-01T10:00:00Z"}))
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG\r\n"),
                                            http_headers=png, warc_headers_dict={"WARC-Date": "2024-03-01T10:00:01Z"}))


def test_wet_file_gives_one_document_per_conversion_record_with_uri_and_date(tmp_path):
    wet = tmp_path / "CC-MAIN-test.warc.wet.gz"
    docs = [("https://a.example/story", "2024-02-01T00:00:00Z", f"Views: 3\n\n{BODY}"),
            ("https://b.example/other", "2024-02-02T00:00:00Z", f"{BODY} Second story.")]
    write_wet(wet, docs)
    result = run("clean", str(wet), "-q", "--no-language")
    assert result.exit_code == 0, result.output
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["https://a.example/story@2024-02-01T00:00:00Z", "https://b.example/other@2024-02-02T00:00:00Z"]
    assert [r["source"] for r in out] == ["https://a.example/story", "https://b.example/other"]
    assert out[0]["views"] == 3 and out[0]["text"] == BODY
    assert out[1]["text"] == cleaner.clean(docs[1][2]).text


def test_wet_records_are_streamed_not_read_whole(tmp_path, monkeypatch):
    import random

    rng = random.Random(7)
    wet = tmp_path / "big.warc.wet.gz"
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    write_wet(wet, [(f"https://a.example/{i}", "2024-02-01T00:00:00Z", BODY + " " + " ".join(rng.choices(words, k=400)))
                    for i in range(300)])
    opened = []
    real_open = builtins.open

    def tracking_open(file, *args, **kwargs):
        f = real_open(file, *args, **kwargs)
        if str(file) == str(wet):
            opened.append(f)
        return f

    monkeypatch.setattr(builtins, "open", tracking_open)
    items = read_warc(wet)
    first = next(items)
    assert first.id.startswith("https://a.example/0@")
    (f,) = opened
    assert f.tell() < wet.stat().st_size / 10, "the first document comes before most of the file is read"
    assert len(list(items)) == 299


def test_warc_response_records_html_becomes_text_and_non_text_is_an_error(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    items = list(read_sources([warc]))
    assert len(items) == 2, "the request record is not a document"
    page, logo = items
    assert page.id == "https://news.example/budget@2024-03-01T10:00:00Z"
    assert BODY in page.text and "<p>" not in page.text and "not text" not in page.text
    assert "HTML converted to text (inscriptis)" in page.warnings
    assert logo.reason == "not a text or HTML response (image/png)"
    result = run("clean", str(warc), "-q", "--no-language", "--errors", str(tmp_path / "e.jsonl"))
    assert result.exit_code == 1
    (rec,) = records(result.stdout)
    assert BODY in rec["text"] and "<" not in rec["text"]


def test_html_where_text_is_expected_is_converted(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    html = tmp_path / "story.html"
    html.write_text(PAGE, encoding="utf-8")
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p", "text": PAGE}) + "\n" + json.dumps({"id": "t", "text": BODY}) + "\n")
    result = run("clean", str(page), str(html), str(jsonl), "--no-language", "--errors", str(tmp_path / "e.jsonl"))
    assert result.exit_code == 0, result.output
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["page", "story", "p", "t"]
    for r in out[:3]:
        assert BODY in r["text"] and "<" not in r["text"] and "var x" not in r["text"]
    assert out[3]["text"] == BODY
    warnings = records((tmp_path / "e.jsonl").read_text())
    assert [w["id"] for w in warnings] == ["page", "story", "p"]
    assert all("HTML converted to text" in w["warning"] for w in warnings)
    # standard input too
    assert BODY in records(run("clean", "-", "-q", "--no-language", input=PAGE).stdout)[0]["text"]


def test_without_the_converter_each_html_document_is_a_clear_error(tmp_path, monkeypatch):
    import cleaner.io.formats as formats

    monkeypatch.setattr(formats, "_inscriptis", lambda: None)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(f"A <b>bold</b> claim: 3 < 4. {BODY}", encoding="utf-8")
    result = run("clean", str(page), str(plain), "--no-language")
    assert result.exit_code == 1
    assert "page.txt" in result.stderr and "is HTML, not text" in result.stderr and "cleaner[html]" in result.stderr
    (rec,) = records(result.stdout)
    assert rec["id"] == "plain" and "<b>bold</b>" in rec["text"], "text with a stray tag is still text"


def test_without_warcio_a_warc_file_is_one_clear_error(tmp_path, monkeypatch):
    import cleaner.io.formats as formats

    wet = tmp_path / "x.warc.wet.gz"
    write_wet(wet, [("https://a.example/1", "2024-02-01T00:00:00Z", BODY)])
    monkeypatch.setattr(formats, "_warcio", lambda: None)
    result = run("clean", str(wet), "--no-language")
    assert result.exit_code == 1 and "cleaner[warc]" in result.stderr and result.stdout == ""


def test_a_truncated_wet_record_is_an_error_after_the_documents_before_it(tmp_path):
    wet = tmp_path / "t.warc.wet.gz"
    write_wet(wet, [(f"https://a.example/{i}", "2024-02-01T00:00:00Z", f"{BODY} {i}") for i in range(5)])
    data = wet.read_bytes()
    wet.write_bytes(data[: int(len(data) * 0.9)])
    items = list(read_warc(wet))
    assert [i.text for i in items[:-1]] == [f"{BODY} {i}" for i in range(len(items) - 1)]
    assert "truncated" in items[-1].reason
