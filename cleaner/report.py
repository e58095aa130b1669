"""``cleaner report``: one self-contained HTML page about a dataset version.

The page shows the documents, the words kept and cut, the cuts per rule with a few examples
each, metadata coverage (the share of documents with a title, authors, a date, ...), language
and length histograms, and what changed since the parent version. Charts are inline SVG and
the style sheet is inline: the page needs no network and no script to be read.

The rows are read one Parquet batch at a time (only the columns the page needs), so a
version larger than memory can be reported on.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

__all__ = ["ReportData", "collect", "render_report", "write_report", "LENGTH_BINS"]

# Word-count bins of the length histogram: [lower, upper) words.
LENGTH_BINS = ((0, 50), (50, 100), (100, 200), (200, 400), (400, 800), (800, 1600), (1600, 3200), (3200, None))
COVERAGE_FIELDS = (
    ("title", "title"),
    ("subtitle", "subtitle"),
    ("authors", "authors"),
    ("published", "date (published)"),
    ("language", "language"),
    ("captions", "captions"),
    ("views", "views"),
    ("category", "category"),
)
_COLUMNS = ("id", "text", "word_count", "removed", "title", "subtitle", "authors", "published", "language",
            "captions", "views", "category")
MAX_EXAMPLE_CHARS = 240
TOP_LANGUAGES = 12


@dataclass
class ReportData:
    """What the page shows, computed from one version's rows and manifest."""

    name: str
    version: str
    parent: str | None
    created: str
    documents: int = 0
    words_kept: int = 0
    words_cut: int = 0
    cuts: Counter = field(default_factory=Counter)
    cut_words: Counter = field(default_factory=Counter)
    examples: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    coverage: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    lengths: list[int] = field(default_factory=lambda: [0] * len(LENGTH_BINS))
    empty: int = 0
    manifest: dict[str, Any] = field(default_factory=dict)

    def share(self, key: str) -> float:
        return self.coverage[key] / self.documents if self.documents else 0.0


def _batches(dataset_dir: str | os.PathLike[str], version: str) -> Iterator[dict[str, list[Any]]]:
    import pyarrow.parquet as pq

    from .dataset.diff import manifest_files
    from .dataset.versions import version_dir

    for path in manifest_files(version_dir(dataset_dir, version)):
        f = pq.ParquetFile(path)
        names = [c for c in _COLUMNS if c in f.schema_arrow.names]
        for batch in f.iter_batches(columns=names, batch_size=2048):
            cols = batch.to_pydict()
            n = batch.num_rows
            for c in _COLUMNS:
                cols.setdefault(c, [None] * n)
            yield cols


def _bin(words: int) -> int:
    for i, (lo, hi) in enumerate(LENGTH_BINS):
        if hi is None or words < hi:
            return i
    return len(LENGTH_BINS) - 1


def collect(dataset_dir: str | os.PathLike[str], version: str | None = None, examples: int = 3) -> ReportData:
    """The numbers of the report on ``version`` (LATEST by default) of the dataset in ``dataset_dir``."""
    from .dataset.manifest import read_manifest
    from .dataset.versions import resolve_version, version_dir
    from .text import count_words

    version = resolve_version(dataset_dir, version)
    m = read_manifest(version_dir(dataset_dir, version))
    data = ReportData(name=str(m.get("name") or Path(dataset_dir).name), version=version, parent=m.get("parent"),
                      created=str(m.get("created", "")), manifest=m)
    for cols in _batches(dataset_dir, version):
        for i in range(len(cols["id"])):
            data.documents += 1
            words = int(cols["word_count"][i] or 0)
            data.words_kept += words
            data.lengths[_bin(words)] += 1
            if not words:
                data.empty += 1
            for cut in cols["removed"][i] or ():
                rule = cut["rule"]
                n = count_words(cut["text"] or "")
                data.cuts[rule] += 1
                data.cut_words[rule] += n
                data.words_cut += n
                shown = data.examples.setdefault(rule, [])
                if len(shown) < examples:
                    text = " ".join((cut["text"] or "").split())
                    if len(text) > MAX_EXAMPLE_CHARS:
                        text = text[: MAX_EXAMPLE_CHARS - 1] + "…"
                    shown.append((str(cols["id"][i]), text))
            for key, _ in COVERAGE_FIELDS:
                value = cols[key][i]
                if value not in (None, "", [], {}):
                    data.coverage[key] += 1
            data.languages[cols["language"][i] or "none"] += 1
    return data


# -- rendering ---------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #dde2ea;padding-bottom:.2rem}
.sub{color:#5b6475;margin-top:0}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{background:#f4f6fa;border-radius:8px;padding:.7rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.45rem}.card span{color:#5b6475;font-size:.85rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eceff4;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ex{color:#4a5262;font-size:.85rem}.ex li{margin:.15rem 0}.ex code{color:#8a94a6}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.charts{display:flex;flex-wrap:wrap;gap:2rem}figure{margin:0}figcaption{color:#5b6475;font-size:.85rem}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _n(value: int) -> str:
    return f"{value:,}"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _bars_svg(items: list[tuple[str, int]], title: str, color: str, label_width: int = 90) -> str:
    """A horizontal bar chart as inline SVG; each bar is a <rect class="bar"> with its value in data-value."""
    bar_h, gap, width = 18, 6, 460
    top = max((v for _, v in items), default=0) or 1
    height = len(items) * (bar_h + gap) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_e(title)}" width="{label_width + width + 70}" '
           f'height="{height}" viewBox="0 0 {label_width + width + 70} {height}">']
    for i, (label, value) in enumerate(items):
        y = 5 + i * (bar_h + gap)
        w = max(1.0, width * value / top) if value else 0.0
        out.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{_e(label)}</text>')
        out.append(f'<rect class="bar" data-label="{_e(label)}" data-value="{value}" x="{label_width}" y="{y}" '
                   f'width="{w:.1f}" height="{bar_h}" rx="3" fill="{color}"/>')
        out.append(f'<text x="{label_width + w + 6:.1f}" y="{y + 13}">{_n(value)}</text>')
    out.append("</svg>")
    return "".join(out)


def _length_label(lo: int, hi: int | None) -> str:
    return f"{_n(lo)}+" if hi is None else f"{_n(lo)}–{_n(hi - 1)}"


def _changes(m: Mapping[str, Any]) -> str:
    changes = m.get("changes")
    parent = m.get("parent")
    if not parent or not changes:
        return "<p>First version of this dataset: nothing to compare with.</p>"
    docs = changes.get("documents") or {}
    rows = [
        ("rows", f"{_n(int(changes.get('rows_parent', 0)))} → {_n(int(m.get('rows', 0)))}"),
        *[(f"documents {k}", _n(int(docs.get(k, 0)))) for k in ("added", "removed", "changed", "recut", "unchanged")],
    ]
    parts = [f"<p>Compared with the parent version <b>{_e(parent)}</b>.</p>", '<table class="changes"><tbody>']
    parts += [f'<tr><th>{_e(k)}</th><td class="n">{_e(v)}</td></tr>' for k, v in rows]
    parts.append("</tbody></table>")
    config = changes.get("config") or {}
    if config:
        parts.append("<p>Configuration changes:</p><ul>")
        parts += [f"<li><code>{_e(k)}</code>: <code>{_e(v.get('old'))}</code> → <code>{_e(v.get('new'))}</code></li>" for k, v in config.items()]
        parts.append("</ul>")
    else:
        parts.append("<p>Configuration: unchanged.</p>")
    cuts = changes.get("cuts") or {}
    if cuts:
        parts.append('<table class="cut-changes"><thead><tr><th>rule</th><th class="n">before</th><th class="n">now</th></tr></thead><tbody>')
        parts += [f'<tr><td><code>{_e(rule)}</code></td><td class="n">{_n(int(v.get("old") or 0))}</td><td class="n">{_n(int(v.get("new") or 0))}</td></tr>'
                  for rule, v in sorted(cuts.items())]
        parts.append("</tbody></table>")
    for key, label in (("schema", "record schema"), ("cleaner_version", "cleaner")):
        if changes.get(key):
            parts.append(f"<p>{label}: {_e(changes[key]['old'])} → {_e(changes[key]['new'])}</p>")
    return "".join(parts)


def render_report(data: ReportData) -> str:
    """The HTML page (one string, no external resources)."""
    m = data.manifest
    total_words = data.words_kept + data.words_cut
    cards = [
        ("documents", _n(data.documents)),
        ("words kept", _n(data.words_kept)),
        ("words cut", _n(data.words_cut)),
        ("share of words cut", _pct(data.words_cut / total_words) if total_words else "–"),
        ("cuts", _n(sum(data.cuts.values()))),
        ("rules that cut", _n(len(data.cuts))),
        ("documents that failed", _n(int(m["errors"])) if m.get("errors") is not None else "not recorded"),
        ("repeated ids", _n(int((m.get("duplicate_ids") or {}).get("rows", 0)))),
    ]
    p: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(data.name)} {_e(data.version)}: cleaner report</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<h1>{_e(data.name)} <span class="version">{_e(data.version)}</span></h1>',
        f'<p class="sub">parent {_e(data.parent or "none")} · created {_e(data.created)} · cleaner {_e(m.get("cleaner_version"))} · '
        f'config <code>{_e(m.get("config_hash"))}</code> · licence {_e(m.get("license") or "unknown")}</p>',
        '<section id="summary"><h2>Summary</h2><div class="cards">',
    ]
    p += [f'<div class="card" data-key="{_e(k)}"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in cards]
    p.append("</div></section>")

    p.append('<section id="cuts"><h2>Cuts per rule</h2>')
    if data.cuts:
        p.append('<table class="rules"><thead><tr><th>rule</th><th class="n">cuts</th><th class="n">words</th><th>examples</th></tr></thead><tbody>')
        for rule, n in sorted(data.cuts.items(), key=lambda kv: (-kv[1], kv[0])):
            ex = "".join(f'<li><code>{_e(doc)}</code> {_e(text)}</li>' for doc, text in data.examples.get(rule, []))
            p.append(f'<tr data-rule="{_e(rule)}"><td><code>{_e(rule)}</code></td><td class="n">{_n(n)}</td>'
                     f'<td class="n">{_n(data.cut_words[rule])}</td><td><ul class="ex">{ex}</ul></td></tr>')
        p.append("</tbody></table>")
    else:
        p.append("<p>No rule cut anything.</p>")
    p.append("</section>")

    p.append('<section id="coverage"><h2>Metadata coverage</h2><table class="coverage"><thead><tr><th>field</th>'
             '<th class="n">documents</th><th class="n">share</th></tr></thead><tbody>')
    for key, label in COVERAGE_FIELDS:
        p.append(f'<tr data-field="{_e(key)}"><td>{_e(label)}</td><td class="n">{_n(data.coverage[key])}</td>'
                 f'<td class="n">{_pct(data.share(key))}</td></tr>')
    p.append("</tbody></table></section>")

    langs = data.languages.most_common()
    shown = langs[:TOP_LANGUAGES]
    rest = sum(n for _, n in langs[TOP_LANGUAGES:])
    if rest:
        shown.append(("other", rest))
    lengths = [(_length_label(lo, hi), data.lengths[i]) for i, (lo, hi) in enumerate(LENGTH_BINS)]
    p += [
        '<section id="histograms"><h2>Languages and lengths</h2><div class="charts">',
        f'<figure id="languages">{_bars_svg(shown, "documents per language", "#4c78a8", 70)}'
        "<figcaption>documents per language (none: not detected)</figcaption></figure>",
        f'<figure id="lengths">{_bars_svg(lengths, "documents per length in words", "#f58518", 90)}'
        f"<figcaption>documents per length of the kept text, in words ({_n(data.empty)} with no text kept)</figcaption></figure>",
        "</div></section>",
        f'<section id="changes"><h2>Changes since the parent</h2>{_changes(m)}</section>',
        f'<footer><p class="sub">Made by cleaner from <code>manifest.json</code> and the version\'s Parquet files.</p></footer>',
        "</body></html>",
    ]
    return "\n".join(p)


def write_report(dataset_dir: str | os.PathLike[str], version: str | None = None, output: str | os.PathLike[str] | None = None,
                 examples: int = 3) -> Path:
    """Write the report page of ``version`` and return its path (default ``NAME-vX.Y.Z-report.html`` here)."""
    data = collect(dataset_dir, version, examples=examples)
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in data.name) or "dataset"
    path = Path(output) if output is not None else Path(f"{safe}-v{data.version}-report.html")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(render_report(data), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
