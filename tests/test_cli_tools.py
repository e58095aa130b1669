"""The command line as Unix users use it: standard input, formats said out loud, --config, -v, `| head`."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
DOC = f"Views: 12\n\n{BODY}\n\nShare this:\n\n{BODY} The vote is next week."


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _env() -> dict:
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _exe() -> str:
    exe = Path(sys.executable).with_name("cleaner")
    return str(exe) if exe.exists() else shutil.which("cleaner")


# -- standard input ---------------------------------------------------------------------------


def test_dash_reads_standard_input_as_one_text_document():
    result = run("clean", "-", "-q", "--no-language", input=DOC)
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["text"] == cleaner.clean(DOC, detect_language=False).text
    assert record["views"] == 12 and record["source"] == "stdin"


def test_dash_with_jsonl_reads_one_document_per_line():
    lines = "".join(json.dumps({"id": f"d{i}", "text": f"{BODY} Number {i}."}) + "\n" for i in range(3))
    for flags in (["--jsonl"], ["--input-format", "jsonl"]):
        result = run("clean", "-", *flags, "-q", "--no-language", input=lines)
        assert result.exit_code == 0, result.output
        assert [r["id"] for r in records(result.stdout)] == ["d0", "d1", "d2"]
        assert [r["source"] for r in records(result.stdout)] == ["stdin:1", "stdin:2", "stdin:3"]


def test_dev_stdin_as_jsonl_in_a_real_process(tmp_path):
    lines = "".join(json.dumps({"id": f"d{i}", "text": f"{BODY} Number {i}."}) + "\n" for i in range(3))
    proc = subprocess.run([_exe(), "clean", "/dev/stdin", "--input-format", "jsonl", "-q", "--no-language"],
                          input=lines, capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in records(proc.stdout)] == ["d0", "d1", "d2"]


# -- formats ----------------------------------------------------------------------------------


def test_output_format_is_said_or_told_by_the_extension_and_unknown_extensions_are_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(DOC, encoding="utf-8")
    for name in ("out.csv", "out.txt", "out"):
        result = run("clean", str(src), "-o", str(tmp_path / name), "-q")
        assert result.exit_code == 2 and "--output-format" in result.stderr, name
        assert not (tmp_path / name).exists()
    # said explicitly, any name goes
    result = run("clean", str(src), "-o", str(tmp_path / "records.data"), "--output-format", "parquet", "-q", "--no-language")
    assert result.exit_code == 0
    assert pq.read_table(tmp_path / "records.data").column("views").to_pylist() == [12]
    gz = run("clean", str(src), "-o", str(tmp_path / "r.out"), "--output-format", "jsonl.gz", "-q", "--no-language")
    assert gz.exit_code == 0 and records(gzip.decompress((tmp_path / "r.out").read_bytes()).decode())[0]["views"] == 12


def test_jsonl_zst_output_round_trips_through_the_zst_reader(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    src = tmp_path / "a.txt"
    src.write_text(DOC, encoding="utf-8")
    out = tmp_path / "r.jsonl.zst"
    assert run("clean", str(src), "-o", str(out), "-q", "--no-language").exit_code == 0
    data = zstandard.ZstdDecompressor().stream_reader(out.open("rb")).read()
    assert records(data.decode())[0]["views"] == 12
    again = run("clean", str(out), "-q", "--no-language")  # a records file is JSONL with a text field
    assert records(again.stdout)[0]["id"] == "a"
    first = out.read_bytes()
    assert run("clean", str(src), "-o", str(out), "-q", "--no-language").exit_code == 0
    assert out.read_bytes() == first, "reproducible bytes"


def mixed_folder(tmp_path: Path) -> Path:
    """A folder holding a text file, a Markdown file and, in a subfolder, a JSONL file."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(DOC, encoding="utf-8")
    (d / "notes.md").write_text(BODY, encoding="utf-8")
    (d / "sub" / "b.jsonl").write_text(json.dumps({"id": "j", "text": BODY}) + "\n", encoding="utf-8")
    return d


def test_input_format_reads_files_as_said_and_folders_say_what_they_skipped(tmp_path):
    d = mixed_folder(tmp_path)
    result = run("clean", str(d), "--no-language")
    assert result.exit_code == 0
    assert [r["id"] for r in records(result.stdout)] == ["a"]
    assert "skipped 2 file(s)" in result.stderr and "notes.md" in result.stderr and "b.jsonl" in result.stderr
    as_jsonl = run("clean", str(d), "--input-format", "jsonl", "--no-language")
    assert [r["id"] for r in records(as_jsonl.stdout)] == ["j"]
    assert "skipped 2 file(s)" in as_jsonl.stderr and "a.txt" in as_jsonl.stderr
    # a file named oddly, read as what it is
    odd = tmp_path / "dump.data"
    odd.write_text(json.dumps({"id": "x", "text": BODY}) + "\n", encoding="utf-8")
    assert records(run("clean", str(odd), "--jsonl", "-q").stdout)[0]["id"] == "x"
    assert records(run("clean", str(odd), "-q").stdout)[0]["id"] == "dump"  # by default: one text document


def test_export_reads_the_input_format_said_and_says_what_folders_skipped(tmp_path):
    d = mixed_folder(tmp_path)

    def ids(dataset: Path) -> list[str]:
        (shard,) = sorted(dataset.glob("v*/data/*.parquet"))
        return pq.read_table(shard).column("id").to_pylist()

    as_text = run("export", str(d), "--dataset", str(tmp_path / "t"), "--no-language", "-w", "1")
    assert as_text.exit_code == 0, as_text.output
    assert ids(tmp_path / "t") == ["a"]
    assert "skipped 2 file(s)" in as_text.stderr and "notes.md" in as_text.stderr and "b.jsonl" in as_text.stderr
    as_jsonl = run("export", str(d), "--dataset", str(tmp_path / "j"), "--input-format", "jsonl", "--no-language", "-w", "1")
    assert as_jsonl.exit_code == 0, as_jsonl.output
    assert ids(tmp_path / "j") == ["j"]
    assert "skipped 2 file(s)" in as_jsonl.stderr and "a.txt" in as_jsonl.stderr
    quiet = run("export", str(d), "--dataset", str(tmp_path / "q"), "--no-language", "-w", "1", "-q")
    assert quiet.exit_code == 0 and "skipped" not in quiet.stderr


# -- --config and -v --------------------------------------------------------------------------


def test_config_file_sets_the_options_and_flags_override_it(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(DOC + "\n\n“Quoted” — " + BODY, encoding="utf-8")
    conf = tmp_path / "cleaner.toml"
    # The body model is disabled with each family, or it could take the line left for furniture.
    conf.write_text('ascii_fold = true\ndetect_language = false\ndisable = ["counters", "boilerplate"]\n', encoding="utf-8")
    (r,) = records(run("clean", str(src), "--config", str(conf), "-q").stdout)
    assert '"Quoted" - The council' in r["text"] and r["language"] is None
    assert r["views"] is None and "Views: 12" in r["text"], "the counters family is disabled by the file"
    (o,) = records(run("clean", str(src), "--config", str(conf), "--disable", "social,boilerplate", "-q").stdout)
    assert o["views"] == 12, "--disable on the command line replaces the file's list"
    assert "Share this:" in o["text"]
    table = tmp_path / "t.toml"
    table.write_text('[cleaner]\nheader = false\n', encoding="utf-8")
    assert records(run("clean", str(src), "--config", str(table), "-q", "--no-language").stdout)[0]["views"] == 12
    bad = tmp_path / "bad.toml"
    bad.write_text('ascii_folding = true\n', encoding="utf-8")
    result = run("clean", str(src), "--config", str(bad), "-q")
    assert result.exit_code == 2 and "ascii_folding" in result.stderr and "ascii_fold" in result.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text('disable = [\n', encoding="utf-8")
    assert run("clean", str(src), "--config", str(broken)).exit_code == 2


def test_verbose_names_the_rules_that_fired_on_each_document_and_the_timings(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DOC, encoding="utf-8")
    b.write_text(BODY, encoding="utf-8")
    result = run("clean", str(a), str(b), "-v", "-w", "1", "--no-language")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    line_a = next(line for line in lines if line.startswith("a: "))
    assert "counters.views" in line_a and "social" in line_a and " ms" in line_a
    assert any(line.startswith("b: 0 cut(s)") for line in lines)
    assert any(line.startswith("timings: 2 documents") for line in lines)
    quiet = run("clean", str(a), "-w", "1", "--no-language")
    assert "a: " not in quiet.stderr


# -- | head -------------------------------------------------------------------------------------


def test_a_reader_that_stops_early_ends_the_run_quietly_with_0(tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{BODY} Number {i}. " * 40}) + "\n" for i in range(3000)))
    proc = subprocess.run(f"'{_exe()}' clean '{src}' -q --no-language -w 1 | head -n 2; echo \"status=${{PIPESTATUS[0]}}\"",
                          shell=True, executable="/bin/bash", capture_output=True, text=True, env=_env(), timeout=600)
    out = proc.stdout.splitlines()
    assert len(out) == 3 and out[-1] == "status=0", proc.stdout[-300:] + proc.stderr[-2000:]
    assert [json.loads(line)["id"] for line in out[:2]] == ["d0", "d1"]
    assert proc.stderr == "", "no traceback, no message"


# -- the docs ---------------------------------------------------------------------------------


def test_docs_cli_describes_every_command_and_option():
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"## `cleaner {name}" in doc, f"docs/cli.md has no section for `cleaner {name}`"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", doc), \
                        f"docs/cli.md does not mention {opt} of `cleaner {name}`"
