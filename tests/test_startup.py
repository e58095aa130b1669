"""Start-up stays light: `import cleaner`, `cleaner --help`, `rules`, `explain` and `clean` to JSONL load
neither pyarrow, datasets, huggingface_hub nor dateparser, and without language detection not numpy either.

Each case runs in a fresh interpreter (a test session has long imported everything) and reports
``sys.modules`` after the command, so a module-level import that pulls one of them in fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("pyarrow", "numpy", "datasets", "huggingface_hub", "dateparser")
# py3langid, the language model, is built on numpy: a command that identifies the language needs it.
WITH_LANGUAGE = tuple(m for m in HEAVY if m != "numpy")

TEXT = ("Views: 274\n\nThe minister said on Monday that the talks on the budget would resume next week in Geneva, "
        "and that the opposition had been invited.\n\nShare this:\n")


def _loaded(tmp_path, body: str) -> list[str]:
    """The heavy top-level modules loaded after running ``body`` in a fresh interpreter."""
    code = ("import json, sys\n" + textwrap.dedent(body) +
            f"\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _cli(args: list[str]) -> str:
    """Run the command line in this process (as the console script does), keeping the interpreter alive."""
    return textwrap.dedent(f"""
        from cleaner.cli import main
        try:
            main({args!r}, prog_name="cleaner")
        except SystemExit as e:
            assert e.code in (0, None), e.code
    """)


def test_import_cleaner_is_light(tmp_path):
    assert _loaded(tmp_path, "import cleaner; cleaner.Article; cleaner.CleanerConfig") == []


def test_import_cleaner_does_not_load_the_pipeline(tmp_path):
    code = "import sys, cleaner; print(json.dumps('cleaner.pipeline' in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0]) is False
    # ... and the lazy names are the real ones
    proc = subprocess.run([sys.executable, "-c", "import cleaner, cleaner.pipeline as p; "
                           "assert cleaner.Cleaner is p.Cleaner and cleaner.clean is p.clean; "
                           "from cleaner import Cleaner; print(Cleaner().clean('Views: 3\\n\\nA body of text that is long enough.').views)"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["3"]


@pytest.mark.parametrize("args", [["--help"], ["clean", "--help"], ["rules"]])
def test_commands_that_clean_nothing_load_nothing_heavy(tmp_path, args):
    assert _loaded(tmp_path, _cli(args)) == []


def test_help_does_not_compile_the_rules(tmp_path):
    code = _cli(["--help"]) + "\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('cleaner.rules'))))"
    proc = subprocess.run([sys.executable, "-c", "import json, sys\n" + code], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("language", [True, False])
def test_clean_to_jsonl_and_explain_load_only_what_they_use(tmp_path, language):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    flags = [] if language else ["--no-language"]
    allowed = set(HEAVY) - set(WITH_LANGUAGE) if language else set()
    clean = _cli(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "-q", *flags])
    assert set(_loaded(tmp_path, clean)) <= allowed
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["views"] == 274 and (record["language"] == "en") is language
    explain = _cli(["explain", str(tmp_path / "a.txt"), *flags])
    assert set(_loaded(tmp_path, explain)) <= allowed


def test_clean_of_zstd_jsonl_loads_nothing_heavy(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    src = tmp_path / "in.jsonl.zst"
    src.write_bytes(zstandard.ZstdCompressor().compress((json.dumps({"id": "a", "text": TEXT}) + "\n").encode()))
    clean = _cli(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "-q", "--no-language"])
    assert _loaded(tmp_path, clean) == []
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["views"] == 274


def test_the_parent_of_a_worker_pool_does_not_compile_the_rules(tmp_path):
    """With several workers the pipeline is built in the workers (from the fork server's preload), so the
    parent's start-up does not add to theirs."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    code = ("import json, sys\n" + _cli(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "2", "-q"])
            + "\nprint(json.dumps(sorted(m for m in sys.modules if m in ('cleaner.pipeline', 'cleaner.rules'))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["views"] == 274 and record["language"] == "en"
