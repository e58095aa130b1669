"""`cleaner report`: the HTML page is parsed back and its numbers checked against the version's rows."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.dataset import publish, read_manifest
from cleaner.text import count_words

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
GERMAN = "Der Stadtrat hat am Montag über den Haushalt für das kommende Jahr beraten, sagten die Beamten dort."


class Page(HTMLParser):
    """The parts of the report the tests read: elements by id and data attributes, text, links."""

    def __init__(self, text: str):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.rules: dict[str, list[str]] = {}
        self.coverage: dict[str, list[str]] = {}
        self.cards: dict[str, str] = {}
        self.bars: dict[str, dict[str, int]] = {}
        self.refs: list[tuple[str, str, str]] = []
        self.tags: Counter = Counter()
        self.sections: dict[str, str] = {}
        self._row: tuple[str, str] | None = None
        self._card: str | None = None
        self._figure: str | None = None
        self._section: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        for key in ("src", "href"):
            if key in a:
                self.refs.append((tag, key, a[key]))
        if tag == "section":
            self._section = a.get("id")
            self.sections[self._section] = ""
        if tag == "tr" and "data-rule" in a:
            self._row = ("rule", a["data-rule"])
            self.rules[a["data-rule"]] = []
        if tag == "tr" and "data-field" in a:
            self._row = ("field", a["data-field"])
            self.coverage[a["data-field"]] = []
        if tag == "div" and "data-key" in a:
            self._card = a["data-key"]
            self.cards[self._card] = ""
        if tag == "figure":
            self._figure = a.get("id")
            self.bars[self._figure] = {}
        if tag == "rect" and a.get("class") == "bar":
            self.bars[self._figure][a["data-label"]] = int(a["data-value"])
        self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        if tag == "div" and self._card is not None and self.stack and self.stack[-1][0] == "div":
            self._card = None
        if tag == "section":
            self._section = None
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self._section is not None:
            self.sections[self._section] += data
        if self._row is not None and self.stack and self.stack[-1][0] in ("td", "code", "li"):
            kind, key = self._row
            (self.rules if kind == "rule" else self.coverage)[key].append(data)
        if self._card is not None and self.stack and self.stack[-1][0] == "b":
            self.cards[self._card] = data


def make_dataset(tmp_path: Path) -> Path:
    ds = tmp_path / "news"
    c = cleaner.Cleaner()
    docs = [c.clean(p.read_text(encoding="utf-8"), id=p.stem, source=p.name) for p in SEEDS]
    publish(docs, ds, license="cc-by-4.0", errors=0)
    extra = [c.clean(f"Views: {i}\n\n{BODY} Number {i}.\n\nShare this:", id=f"x{i}") for i in range(4)]
    extra.append(c.clean(GERMAN + " " + GERMAN, id="de"))
    publish(docs[:2] + extra, ds, config=cleaner.CleanerConfig(), errors=3)
    return ds


def test_report_page_numbers_match_the_rows(tmp_path):
    ds = make_dataset(tmp_path)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(ds), "-o", str(out), "--examples", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = Page(out.read_text(encoding="utf-8"))
    rows = cleaner.load(ds).to_list()
    m = read_manifest(ds / "v1.1.0")

    assert page.cards["documents"] == f"{len(rows):,}"
    assert page.cards["words kept"] == f"{sum(r['word_count'] for r in rows):,}"
    cut_words = sum(count_words(c["text"]) for r in rows for c in r["removed"])
    assert page.cards["words cut"] == f"{cut_words:,}"
    assert page.cards["documents that failed"] == "3"
    # every rule of the manifest, with its count and at most 2 examples taken from its cuts
    assert set(page.rules) == set(m["cuts"])
    for rule, n in m["cuts"].items():
        cells = page.rules[rule]
        assert cells[0] == rule and cells[1] == f"{n:,}"
        texts = {" ".join(c["text"].split()) for r in rows for c in r["removed"] if c["rule"] == rule}
        examples = cells[4::2]
        assert 1 <= len(examples) <= 2 and all(e.strip().rstrip("…") in " ".join(texts) for e in examples)
    # coverage shares computed independently
    for field, check in (("title", lambda r: r["title"]), ("authors", lambda r: r["authors"]),
                         ("published", lambda r: r["published"]), ("views", lambda r: r["views"] is not None)):
        n = sum(1 for r in rows if check(r))
        assert page.coverage[field][1:] == [f"{n:,}", f"{100 * n / len(rows):.1f}%"], field
    # histograms: bars per language and per length bin add up to the documents
    assert page.bars["languages"] == dict(Counter(r["language"] or "none" for r in rows))
    assert page.bars["languages"]["de"] == 1
    assert sum(page.bars["lengths"].values()) == len(rows)
    assert page.bars["lengths"]["0–49"] == sum(1 for r in rows if r["word_count"] < 50)
    # the changes since the parent, from the manifest
    changes = page.sections["changes"]
    assert "1.0.0" in changes and f"{m['changes']['documents']['added']}" in changes
    # self-contained: no script, no stylesheet link, no external reference
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["svg"] == 2
    assert page.refs == []


def test_report_of_an_older_version_and_its_default_name(tmp_path, monkeypatch):
    ds = make_dataset(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", str(ds), "--version", "1.0.0"], catch_exceptions=False)
    assert result.exit_code == 0
    page = Page((tmp_path / "news-v1.0.0-report.html").read_text(encoding="utf-8"))
    assert page.cards["documents"] == str(len(SEEDS))
    assert "First version" in page.sections["changes"]
    missing = CliRunner().invoke(main, ["report", str(ds), "--version", "9.0.0"])
    assert missing.exit_code == 1 and "9.0.0" in missing.output


@pytest.mark.skipif(not any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")),
                    reason="no Chromium on this machine")
def test_the_render_script_makes_a_png_in_headless_chromium(tmp_path):
    ds = make_dataset(tmp_path)
    png = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "render_report.py"), str(ds), "-o", str(png),
                           "--height", "1400"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1400)
    assert png.with_suffix(".html").is_file()
