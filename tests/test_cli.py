"""The command line: `cleaner clean`, `cleaner explain`, `cleaner rules`, run in-process and as a real process."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.extract.header import HEADER
from cleaner.rules import FAMILIES, all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TXT = sorted(SEEDS.glob("*.txt"))
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
DEBRIS_DOC = f"Views: 12\n\n{BODY}\n\nShare this:\n\n{BODY} The vote is next week."


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    d = tmp_path / "seeds"
    d.mkdir()
    for p in SEED_TXT:
        shutil.copy(p, d / p.name)
    return d


@pytest.fixture()
def mixed(tmp_path: Path) -> tuple[Path, list[str]]:
    """A folder and a JSONL file with good and bad documents; returns the paths to pass and the bad sources."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(DEBRIS_DOC, encoding="utf-8")
    (d / "sub" / "latin.txt").write_bytes(f"Le café était fermé lundi. {BODY}".encode("cp1252"))
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\n \t\n")
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(
        "\n".join([
            json.dumps({"id": "j1", "text": DEBRIS_DOC}),
            '{"id": "j2", "text": ',
            json.dumps({"id": "j3", "body": "no text key"}),
            json.dumps({"id": "j4", "text": BODY}),
        ]) + "\n",
        encoding="utf-8",
    )
    bad = [
        (d / "binary.txt").as_posix(), (d / "blank.txt").as_posix(), (d / "empty.txt").as_posix(),
        f"{jsonl.as_posix()}:2", f"{jsonl.as_posix()}:3",
    ]
    return (d, jsonl), bad


# --- clean ----------------------------------------------------------------------------------


def test_clean_folder_writes_one_record_per_seed_matching_the_library(seeds: Path, tmp_path: Path):
    out = tmp_path / "out" / "seeds.jsonl"
    result = run("clean", str(seeds), "-o", str(out))
    assert result.exit_code == 0, result.output
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [p.stem for p in SEED_TXT]
    for record, path in zip(records, SEED_TXT):
        src = (seeds / path.name).as_posix()
        assert record["source"] == src
        assert record == cleaner.clean(path.read_text(encoding="utf-8"), id=path.stem, source=src).to_record()
        gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
        for field, expected in gold.items():
            assert record[field] == expected, field
    errors = tmp_path / "out" / "seeds.errors.jsonl"
    assert errors.exists() and errors.read_text() == ""
    assert result.stdout == ""
    assert "3 documents" in result.stderr and "3 records" in result.stderr and "0 errors" in result.stderr
    assert "cuts per rule" in result.stderr and "header.title" in result.stderr


def test_clean_to_stdout_equals_the_file_and_is_deterministic(seeds: Path, tmp_path: Path):
    out = tmp_path / "a.jsonl"
    first = run("clean", str(seeds), "-o", str(out), "-q")
    to_stdout = run("clean", str(seeds))
    dash = run("clean", str(seeds), "-o", "-", "-q")
    assert first.exit_code == to_stdout.exit_code == dash.exit_code == 0
    assert to_stdout.stdout.encode("utf-8") == out.read_bytes() == dash.stdout.encode("utf-8")
    run("clean", str(seeds), "-o", str(tmp_path / "b.jsonl"), "-q")
    assert (tmp_path / "b.jsonl").read_bytes() == out.read_bytes()


def test_bad_documents_are_reported_and_the_run_goes_on(mixed, tmp_path: Path):
    (folder, jsonl), bad_sources = mixed
    out = tmp_path / "out.jsonl"
    result = run("clean", str(folder), str(jsonl), "-o", str(out))
    assert result.exit_code == 1
    records = read_jsonl(out)
    problems = read_jsonl(tmp_path / "out.errors.jsonl")
    errors = [p for p in problems if "error" in p]
    warnings = [p for p in problems if "warning" in p]
    inputs = 5 + 4
    assert len(records) + len(errors) == inputs
    assert [r["id"] for r in records] == ["good", "latin", "j1", "j4"]
    assert sorted(e["source"] for e in errors) == sorted(bad_sources)
    by_source = {e["source"]: e for e in errors}
    assert by_source[(folder / "binary.txt").as_posix()] == {"id": "binary", "source": (folder / "binary.txt").as_posix(), "error": "binary data (NUL bytes), not text"}
    assert by_source[(folder / "empty.txt").as_posix()]["error"] == "empty document (no text)"
    assert by_source[(folder / "blank.txt").as_posix()]["error"] == "empty document (whitespace only)"
    assert by_source[f"{jsonl.as_posix()}:2"]["error"].startswith("malformed JSON")
    assert by_source[f"{jsonl.as_posix()}:3"] == {"id": "j3", "source": f"{jsonl.as_posix()}:3", "error": "no 'text' field"}
    assert [w["id"] for w in warnings] == ["latin"] and "cp1252" in warnings[0]["warning"]
    latin = records[1]
    assert latin["text"].startswith("Le café était fermé lundi.")
    assert records[0]["removed"] == [
        {"rule": "counters.views", "index": 0, "text": "Views: 12", "why": {"signal": "line"}},
        {"rule": "social.share", "index": 2, "text": "Share this:", "why": {"signal": "line"}},
    ]
    assert records[2]["source"] == f"{jsonl.as_posix()}:1"
    assert "9 documents" in result.stderr and "5 errors" in result.stderr and "1 warnings" in result.stderr


def test_errors_go_to_stderr_without_an_errors_file(mixed):
    (folder, jsonl), bad_sources = mixed
    result = run("clean", str(folder), str(jsonl), "-q")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 4
    for source in bad_sources:
        assert f"error: {source}" in result.stderr


def test_errors_option_picks_the_file(mixed, tmp_path: Path):
    (folder, jsonl), bad_sources = mixed
    errors = tmp_path / "logs" / "bad.jsonl"
    result = run("clean", str(folder), str(jsonl), "--errors", str(errors), "-q")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 4
    assert sorted(p["source"] for p in read_jsonl(errors) if "error" in p) == sorted(bad_sources)
    assert result.stderr == ""


def test_strict_stops_at_the_first_bad_document_and_writes_no_output(mixed, tmp_path: Path):
    (folder, jsonl), _ = mixed
    out = tmp_path / "out.jsonl"
    result = run("clean", str(folder), str(jsonl), "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert not out.exists()
    assert read_jsonl(tmp_path / "out.errors.jsonl") == [
        {"id": "binary", "source": (folder / "binary.txt").as_posix(), "error": "binary data (NUL bytes), not text"}
    ]
    assert "--strict" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_path_is_a_usage_error(tmp_path: Path):
    result = run("clean", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert run("clean").exit_code == 2


def test_output_that_is_an_input_is_refused(tmp_path: Path):
    doc = tmp_path / "a.jsonl"
    doc.write_text(json.dumps({"id": "a", "text": BODY}) + "\n")
    result = run("clean", str(doc), "-o", str(doc))
    assert result.exit_code == 2
    assert json.loads(doc.read_text())["text"] == BODY


def test_disable_rules_and_families(tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text(DEBRIS_DOC)
    default = json.loads(run("clean", str(doc), "-q").stdout)
    no_social = json.loads(run("clean", str(doc), "--disable", "social", "-q").stdout)
    neither = json.loads(run("clean", str(doc), "--disable", "social.share", "--disable", "counters.views", "-q").stdout)
    comma = json.loads(run("clean", str(doc), "--disable", "social.share,counters.views", "-q").stdout)
    assert [c["rule"] for c in default["removed"]] == ["counters.views", "social.share"]
    assert [c["rule"] for c in no_social["removed"]] == ["counters.views"]
    assert "Share this:" in no_social["text"]
    assert not {c["rule"] for c in neither["removed"]} & {"counters.views", "social.share"}
    assert neither["views"] is None and default["views"] == 12
    assert "Share this:" in neither["text"]
    assert comma == neither


def test_unknown_rule_name_is_a_usage_error_with_a_suggestion(tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text(DEBRIS_DOC)
    result = run("clean", str(doc), "--disable", "socail")
    assert result.exit_code == 2
    assert "socail" in result.stderr and "social" in result.stderr


def test_ascii_fold_and_no_language(tmp_path: Path):
    doc = tmp_path / "q.txt"
    doc.write_text("“Quoted” words – a dash, and café. " + BODY, encoding="utf-8")
    plain = json.loads(run("clean", str(doc), "-q").stdout)
    folded = json.loads(run("clean", str(doc), "--ascii-fold", "--no-language", "-q").stdout)
    assert plain["text"].startswith("“Quoted” words – a dash, and café.")
    assert plain["language"] == "en"
    assert folded["text"].startswith('"Quoted" words - a dash, and cafe.')
    assert folded["language"] is None


def test_quiet_prints_nothing_on_success(seeds: Path, tmp_path: Path):
    result = run("clean", str(seeds), "-o", str(tmp_path / "o.jsonl"), "--quiet")
    assert result.exit_code == 0
    assert result.stderr == "" and result.stdout == ""


def test_gzip_in_gzip_out_and_parquet_out(tmp_path: Path):
    import pyarrow.parquet as pq

    from cleaner.schema import from_arrow_row

    src = tmp_path / "in.jsonl.gz"
    lines = [json.dumps({"id": f"d{i}", "text": f"{BODY} Item {i}.\n\nViews: {i}"}) for i in range(5)]
    src.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    out = tmp_path / "out.jsonl.gz"
    assert run("clean", str(src), "-o", str(out), "-q").exit_code == 0
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert [(r["id"], r["views"], r["source"]) for r in records] == [(f"d{i}", i, f"{src.as_posix()}:{i + 1}") for i in range(5)]
    assert (tmp_path / "out.errors.jsonl").exists()
    pq_out = tmp_path / "out.parquet"
    assert run("clean", str(src), "-o", str(pq_out), "-q").exit_code == 0
    assert [from_arrow_row(r) for r in pq.read_table(pq_out).to_pylist()] == records


def test_empty_folder_gives_no_records_and_a_warning(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = run("clean", str(tmp_path / "empty"))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no input documents" in result.stderr


# --- explain --------------------------------------------------------------------------------


def test_explain_marks_every_cut_with_its_rule(tmp_path: Path):
    doc = tmp_path / "story.txt"
    doc.write_text(DEBRIS_DOC)
    result = run("explain", str(doc))
    assert result.exit_code == 0
    paragraphs = result.stdout.split("-- metadata")[0].strip().split("\n\n")
    assert paragraphs == ["[counters.views] Views: 12", BODY, "[social.share] Share this:", f"{BODY} The vote is next week."]
    shown, _, where = result.stdout.split("-- metadata")[1].partition("-- where each value was read --")
    meta = dict(line.split(None, 1) for line in shown.splitlines()[1:] if line.strip())
    assert meta["id"] == "story" and meta["views"] == "12" and meta["language"] == "en" and meta["title"] == "-"
    assert "(4 paragraphs, 2 cut)" in result.stdout
    # the views were read from the first paragraph, by the rule that cut it
    assert dict(line.split(None, 1) for line in where.splitlines() if line.strip()) == {"views": "paragraph 0 (counters.views)"}


def test_explain_seed_shows_every_paragraph_in_order(tmp_path: Path):
    from cleaner.normalize import normalize_text
    from cleaner.reflow import paragraphs

    path = SEED_TXT[-1]
    result = run("explain", str(path), "--no-metadata")
    assert result.exit_code == 0
    article = cleaner.clean(path.read_text(encoding="utf-8"))
    shown = result.stdout.rstrip("\n").split("\n\n")
    expected = [p.text for p in paragraphs(normalize_text(path.read_text(encoding="utf-8")))]
    assert len(shown) == len(expected)
    cuts = iter(article.removed)
    for line, text in zip(shown, expected):
        if line.startswith("["):
            cut = next(cuts)
            assert line == f"[{cut.rule}] {cut.text}" and cut.text == text
        else:
            assert line == text
    assert next(cuts, None) is None
    assert "-- metadata" not in result.stdout


def test_explain_stdin_and_jsonl_id(tmp_path: Path):
    from_stdin = run("explain", "-", input=DEBRIS_DOC)
    assert from_stdin.exit_code == 0
    assert from_stdin.stdout.startswith("[counters.views] Views: 12\n\n" + BODY)
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text(json.dumps({"id": "x", "text": BODY}) + "\n" + json.dumps({"id": "y", "text": DEBRIS_DOC}) + "\n")
    picked = run("explain", str(jsonl), "--id", "y")
    assert picked.exit_code == 0
    assert picked.stdout.split("-- metadata")[0] == from_stdin.stdout.split("-- metadata")[0]
    assert "source         " + f"{jsonl.as_posix()}:2" in picked.stdout
    piped = run("explain", "-", "--id", "y", input=jsonl.read_text())
    assert piped.exit_code == 0 and piped.stdout.startswith("[counters.views] Views: 12")


def test_explain_usage_and_bad_input_errors(tmp_path: Path):
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text(json.dumps({"id": "x", "text": BODY}) + "\n" + json.dumps({"id": "y", "text": BODY}) + "\n")
    assert run("explain", str(jsonl)).exit_code == 2
    missing_id = run("explain", str(jsonl), "--id", "zzz")
    assert missing_id.exit_code == 2 and "zzz" in missing_id.stderr
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\x03")
    bad = run("explain", str(binary))
    assert bad.exit_code == 1 and "binary data" in bad.stderr and bad.stdout == ""
    assert run("explain", str(tmp_path / "missing.txt")).exit_code == 2


def test_explain_honours_disable(tmp_path: Path):
    doc = tmp_path / "story.txt"
    doc.write_text(DEBRIS_DOC)
    result = run("explain", str(doc), "--disable", "social", "--no-metadata")
    assert result.stdout.split("\n\n")[2] == "Share this:"


# --- rules ----------------------------------------------------------------------------------


def test_rules_lists_every_rule_and_family():
    result = run("rules")
    assert result.exit_code == 0
    names = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert {r.name for r in all_rules()} <= names
    assert set(FAMILIES) | {HEADER.name} <= names
    assert {"header.title", "header.subtitle", "header.byline", "header.date"} <= names
    for rule in all_rules():
        line = next(l for l in result.stdout.splitlines() if l.split() and l.split()[0] == rule.name)
        assert " ".join(rule.description.split())[:40] in line


def test_every_listed_rule_name_is_accepted_by_disable(tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text(BODY)
    names = [line.split()[0] for line in run("rules").stdout.splitlines() if line.strip()]
    result = run("clean", str(doc), "-q", *[a for n in names for a in ("--disable", n)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == BODY


# --- as a real process ----------------------------------------------------------------------


def _env() -> dict:
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_python_dash_m_cleaner(seeds: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(seeds), "-o", str(out)],
        capture_output=True, text=True, env=_env(), cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in read_jsonl(out)] == [p.stem for p in SEED_TXT]
    # stderr is not a terminal: a plain summary, no progress bar, no colour codes
    assert proc.stderr.startswith("3 documents")
    assert "\x1b[" not in proc.stderr and "━" not in proc.stderr


def test_console_script_exit_codes_and_pipe(mixed, tmp_path: Path):
    exe = Path(sys.executable).with_name("cleaner")
    if not exe.exists():
        found = shutil.which("cleaner")
        assert found, "the `cleaner` console script is installed with the package"
        exe = Path(found)
    (folder, jsonl), bad_sources = mixed
    proc = subprocess.run([str(exe), "clean", str(folder), str(jsonl), "-q"], capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 4
    assert all(f"error: {s}" in proc.stderr for s in bad_sources)
    usage = subprocess.run([str(exe), "clean", str(tmp_path / "missing")], capture_output=True, text=True, env=_env(), timeout=300)
    assert usage.returncode == 2 and "does not exist" in usage.stderr
    explained = subprocess.run([str(exe), "explain", "-"], input=DEBRIS_DOC, capture_output=True, text=True, env=_env(), timeout=300)
    assert explained.returncode == 0
    assert explained.stdout.startswith("[counters.views] Views: 12\n\n")
    assert "\x1b[" not in explained.stdout


# --- explain, as a library ------------------------------------------------------------------


def test_explain_marks_the_later_copy_of_a_repeated_paragraph():
    from cleaner.explain import explain

    long = f"{BODY} The vote is expected next week."
    ex = explain(f"{long}\n\n{BODY}\n\n{long}", cleaner.Cleaner(detect_language=False))
    assert [(p.rule, p.text) for p in ex.paragraphs] == [
        (None, long), (None, BODY), ("duplicates.repeated_paragraph", long),
    ]
    assert ex.cut_count == 1


def test_explain_json_and_unknown_disable_names(tmp_path: Path):
    doc = tmp_path / "story.txt"
    doc.write_text(DEBRIS_DOC)
    result = run("explain", str(doc), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [(p["index"], p.get("rule")) for p in data["paragraphs"]] == [(0, "counters.views"), (1, None), (2, "social.share"), (3, None)]
    assert data["paragraphs"][0]["why"] == {"signal": "line"} and data["metadata"]["views"] == 12
    bad = run("clean", str(doc), "--disable", "counters.view")
    assert bad.exit_code == 2 and "counters.views" in bad.stderr and "unknown rule or family" in bad.stderr
    # an undeclared name in a declared family is refused too, not taken on trust
    assert run("clean", str(doc), "--disable", "social.share_button").exit_code == 2


def test_clean_writes_to_an_fsspec_url(tmp_path):
    target = tmp_path / "remote" / "out.parquet"
    url = target.as_uri()  # file:///...: the same code path as s3:// or hf://
    result = run("clean", str(SEEDS), "-o", url)
    assert result.exit_code == 0, result.output
    table = pq.read_table(target)
    assert table.num_rows == 3
    assert not list(tmp_path.rglob("*.errors.jsonl"))  # errors of a URL output go to stderr unless --errors


def test_clean_refuses_an_unknown_url_protocol(tmp_path):
    result = run("clean", str(SEEDS), "-o", "nosuchproto://bucket/out.jsonl")
    assert result.exit_code == 2
    assert "cannot write to nosuchproto://bucket/out.jsonl" in result.output
