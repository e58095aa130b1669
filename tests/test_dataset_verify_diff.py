"""``cleaner.dataset.verify``, ``diff`` and ``versions`` on real dataset directories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cleaner
from cleaner import Cleaner, CleanerConfig
from cleaner.dataset import diff, publish, read_manifest, verify, versions
from cleaner.dataset.verify import schema_problems
from cleaner.schema import arrow_schema

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
CHANGED = CleanerConfig(disable=("teasers", "related"))


def seed_articles(config: CleanerConfig | None = None) -> list[cleaner.Article]:
    c = Cleaner(config)
    return [c.clean(p.read_text(encoding="utf-8"), id=p.stem, source=p.name) for p in SEEDS]


@pytest.fixture
def two_versions(tmp_path):
    ds = tmp_path / "ds"
    base = CleanerConfig()
    publish(seed_articles(base), ds, config=base, inputs=SEEDS)
    publish(seed_articles(CHANGED), ds, config=CHANGED, inputs=SEEDS)
    return ds


def test_versions_lists_both_with_parent_and_latest(two_versions):
    vs = versions(two_versions)
    assert [(v.version, v.parent, v.latest, v.rows) for v in vs] == [("1.0.0", None, False, 3), ("1.1.0", "1.0.0", True, 3)]
    assert vs[1].config_hash == CHANGED.hash and vs[1].path == two_versions / "v1.1.0"
    assert versions(two_versions / "missing") == []


def test_verify_passes_on_every_fresh_version(two_versions):
    for v in (None, "1.0.0", "1.1.0"):
        report = verify(two_versions, v)
        assert report.ok and report.problems == [] and report.files_checked == 1 and report.rows == 3
    assert verify(two_versions).version == "1.1.0"
    assert "ok (1 files, 3 rows)" in verify(two_versions).summary()


def test_verify_catches_a_flipped_byte(two_versions):
    shard = two_versions / "v1.0.0" / "data" / "train-00000-of-00001.parquet"
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 0x01
    shard.write_bytes(bytes(data))
    report = verify(two_versions, "1.0.0")
    assert not report.ok
    assert any("sha256 does not match" in p for p in report.problems)
    assert verify(two_versions, "1.1.0").ok


def test_verify_reports_damage_without_raising(two_versions):
    v = two_versions / "v1.0.0"
    shard = v / "data" / "train-00000-of-00001.parquet"
    shard.write_bytes(shard.read_bytes()[:100])
    problems = verify(two_versions, "1.0.0").problems
    assert any("size" in p for p in problems) and any("not a readable Parquet file" in p for p in problems)

    v2 = two_versions / "v1.1.0"
    shutil.copy(v2 / "data" / "train-00000-of-00001.parquet", v2 / "data" / "train-00001-of-00001.parquet")
    m = read_manifest(v2)
    m["rows"] = 4
    (v2 / "manifest.json").write_text(json.dumps(m))
    problems = verify(two_versions).problems
    assert any("not listed in the manifest" in p for p in problems)
    assert any("files hold 3 rows, manifest says 4" in p for p in problems)

    (two_versions / "LATEST").write_text("9.9.9\n")
    assert any("LATEST names 9.9.9" in p for p in verify(two_versions).problems)
    (v2 / "data" / "train-00000-of-00001.parquet").unlink()
    assert any("missing" in p for p in verify(two_versions, "1.1.0").problems)
    assert not verify(two_versions / "nowhere").ok
    assert not verify(two_versions, "7.0.0").ok


def test_verify_checks_the_schema(tmp_path):
    ds = tmp_path / "ds"
    info = publish(seed_articles(), ds)
    shard = info.data_files[0]
    table = pq.read_table(shard)
    table = table.set_column(table.schema.get_field_index("views"), "views", table["views"].cast(pa.string()))
    pq.write_table(table, shard, compression="zstd")
    m = read_manifest(info.path)
    m["files"][0].update(size=shard.stat().st_size, sha256=cleaner.dataset.manifest.file_sha256(shard))
    (info.path / "manifest.json").write_text(json.dumps(m))
    problems = verify(ds).problems
    assert problems and all("views" in p for p in problems)


def test_schema_rule_for_older_and_newer_minor_versions():
    full = arrow_schema()
    reduced = pa.schema([f for f in full if f.name != "language"])
    assert schema_problems(full, "1.0.0", current_version="1.0.0") == []
    # an older minor version may lack a field added since, if that field is nullable
    assert schema_problems(reduced, "1.0.0", expected=full, current_version="1.1.0") == []
    assert schema_problems(reduced, "1.1.0", expected=full, current_version="1.1.0") == ["missing columns ['language']"]
    no_text = pa.schema([f for f in full if f.name != "text"])
    assert "not nullable" in schema_problems(no_text, "1.0.0", expected=full, current_version="1.1.0")[0]
    # a newer minor version may carry a field this version does not know
    wider = full.append(pa.field("summary", pa.string()))
    assert schema_problems(wider, "1.2.0", expected=full, current_version="1.1.0") == []
    assert schema_problems(wider, "1.1.0", expected=full, current_version="1.1.0") == ["unknown column 'summary'"]
    assert "different major" in schema_problems(reduced, "2.0.0", expected=full, current_version="1.1.0")[0]


def test_diff_explains_a_config_change(two_versions):
    report = diff(two_versions, "1.0.0", "1.1.0")
    assert (report.version_a, report.version_b, report.rows_a, report.rows_b) == ("1.0.0", "1.1.0", 3, 3)
    assert report.added == [] and report.removed == []
    # related link lines stay in 000's text without the `related` rules; 003's teasers are cut by other rules
    assert "000_eaef56b1e95269e9" in report.changed
    assert "003_034393b7d0c0d21c" in report.changed + report.recut
    assert report.documents.unchanged + len(report.changed) + len(report.recut) == 3
    assert report.config == {"disable": ([], ["related", "teasers"])}
    old = read_manifest(two_versions / "v1.0.0")["cuts"]
    assert report.cuts["related.link_line"] == (old["related.link_line"], 0)
    assert all(new == 0 for rule, (_, new) in report.cuts.items() if rule.startswith(("teasers.", "related.")))
    assert not report.identical
    text = report.summary()
    assert "disable: [] -> ['related', 'teasers']" in text and "related.link_line" in text
    d = report.to_dict()
    assert d["documents"]["changed_ids"] == report.changed and d["config"]["disable"]["b"] == ["related", "teasers"]
    assert json.loads(json.dumps(d)) == d

    # LATEST is the default second version; a version against itself is identical
    assert diff(two_versions, "1.0.0").version_b == "1.1.0"
    same = diff(two_versions, "1.1.0", "1.1.0")
    assert same.identical and same.documents.unchanged == 3 and "no differences" in same.summary()


def test_the_card_and_manifest_record_what_changed(two_versions):
    m = read_manifest(two_versions / "v1.1.0")
    changes = m["changes"]
    assert changes["parent"] == "1.0.0" and changes["rows_parent"] == 3
    assert changes["documents"]["changed"] >= 1 and changes["documents"]["added"] == 0
    assert changes["config"] == {"disable": {"old": [], "new": ["related", "teasers"]}}
    card = (two_versions / "v1.1.0" / "README.md").read_text(encoding="utf-8")
    assert "## Changes since 1.0.0" in card
    assert "`disable`: `[]` -> `['related', 'teasers']`" in card
    assert "`related.link_line`:" in card


def test_diff_of_added_and_removed_documents(two_versions):
    articles = seed_articles()[1:] + [cleaner.clean("A new story that is long enough to keep around here.", id="new-doc")]
    publish(articles, two_versions, bump="major")
    report = diff(two_versions, "1.1.0", "2.0.0")
    assert report.added == ["new-doc"] and report.removed == ["000_eaef56b1e95269e9"]
    assert report.rows_b == 3 and report.config == {"ascii_fold": (False, None), "detect_language": (True, None), "disable": (["related", "teasers"], None), "header": (True, None)}


def test_each_version_loads_its_own_rows(two_versions):
    v1, v2 = cleaner.load(two_versions, "1.0.0"), cleaner.load(two_versions, "1.1.0")
    assert v1["text"] == [a.text for a in seed_articles()]
    assert v2["text"] == [a.text for a in seed_articles(CHANGED)]
    assert cleaner.load(two_versions)["text"] == v2["text"]


# --- round two: reports, not tracebacks -------------------------------------------------------


def _run(*args):
    from click.testing import CliRunner

    from cleaner.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("latest", ["garbage\n", "", "\x00\xff", "1.2\n"])
def test_verify_all_and_versions_report_a_garbage_latest(two_versions, latest):
    (two_versions / "LATEST").write_bytes(latest.encode("utf-8", "surrogateescape") if isinstance(latest, str) else latest)
    for args in (("verify", two_versions, "--all"), ("versions", two_versions), ("verify", two_versions)):
        result = _run(*args)
        _no_traceback(result)
        assert result.exit_code == 1, (args, result.output)
        assert "LATEST" in result.output, (args, result.output)
    result = _run("versions", two_versions)
    assert "1.0.0" in result.output and "1.1.0" in result.output  # the versions are still listed


def test_verify_all_versions_and_diff_report_a_manifest_that_is_not_json(two_versions):
    (two_versions / "v1.0.0" / "manifest.json").write_text("{not json")
    for args in (("verify", two_versions, "--all"), ("versions", two_versions), ("diff", two_versions, "1.0.0", "1.1.0")):
        result = _run(*args)
        _no_traceback(result)
        assert result.exit_code == 1 and "manifest.json" in result.output, (args, result.output)
    result = _run("verify", two_versions, "--all")
    assert "v1.1.0: ok" in result.output  # the sound version is still checked


def test_diff_reports_a_missing_shard(two_versions):
    next((two_versions / "v1.0.0" / "data").glob("*.parquet")).unlink()
    result = _run("diff", two_versions, "1.0.0", "1.1.0")
    _no_traceback(result)
    assert result.exit_code == 1 and "missing" in result.output


def test_a_5000_character_manifest_path_is_a_problem_not_a_crash(two_versions):
    path = two_versions / "v1.0.0" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["files"][0]["path"] = "data/" + "a" * 5000 + ".parquet"
    path.write_text(json.dumps(manifest))
    for args in (("verify", two_versions, "--all"), ("diff", two_versions, "1.0.0", "1.1.0"),
                 ("push", two_versions, "--repo", "me/x", "--version", "1.0.0", "--dry-run")):
        result = _run(*args)
        _no_traceback(result)
        assert result.exit_code == 1, (args, result.output)
        assert "a" * 300 not in result.output, args  # named, not echoed whole


def test_latest_is_readable_like_the_data(tmp_path):
    import os
    import stat

    ds = tmp_path / "ds"
    old = os.umask(0o022)
    try:
        publish(seed_articles(), ds)
    finally:
        os.umask(old)
    mode = stat.S_IMODE((ds / "LATEST").stat().st_mode)
    shard = next((ds / "v1.0.0" / "data").glob("*.parquet"))
    assert mode == stat.S_IMODE(shard.stat().st_mode) == 0o644


def test_duplicate_ids_are_reported_by_export_and_diff(tmp_path):
    src = tmp_path / "in.jsonl"
    body = "The council met on Monday to discuss the budget for the coming year, officials said."
    rows = [{"id": "a", "text": f"{body} One."}, {"id": "b", "text": f"{body} Two."}, {"id": "a", "text": f"{body} Three."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = _run("export", src, "--dataset", tmp_path / "ds", "--no-language", "-w", "1")
    assert result.exit_code == 0, result.output
    assert "1 row(s) share an id with an earlier row" in result.output and "'a'" in result.output
    rows[1]["text"] += " Changed."
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert _run("export", src, "--dataset", tmp_path / "ds", "--no-language", "-w", "1").exit_code == 0
    report = diff(tmp_path / "ds", "1.0.0", "1.1.0")
    assert report.documents.counts()["duplicate_ids"] == {"a": 1, "b": 1}
    assert report.changed == ["b"] and report.documents.unchanged == 1  # 'a' is compared once, not 2 x 2 times
    result = _run("diff", tmp_path / "ds", "1.0.0", "1.1.0")
    assert "1 row(s) whose id an earlier row has" in result.output
