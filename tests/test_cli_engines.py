"""`--workers` and `--engine` on `cleaner clean` and `cleaner export`: same bytes whatever the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(60):
        (folder / f"doc{i:03d}.txt").write_text(texts[i % len(texts)] + f"\n\nViews: {i}\n", encoding="utf-8")
    return folder


def test_clean_output_is_identical_for_one_and_two_workers(corpus, tmp_path):
    run("clean", corpus, "-o", tmp_path / "one.jsonl", "-q", "--workers", "1")
    run("clean", corpus, "-o", tmp_path / "two.jsonl", "-q", "--workers", "2")
    one = (tmp_path / "one.jsonl").read_bytes()
    assert one == (tmp_path / "two.jsonl").read_bytes()
    assert one.count(b"\n") == 60


def test_scheduler_without_dask_engine_is_a_usage_error(corpus, tmp_path):
    result = CliRunner().invoke(main, ["clean", str(corpus), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_export_with_dask_engine_gives_the_same_shards_as_local(corpus, tmp_path):
    pytest.importorskip("distributed")
    run("export", corpus, "--dataset", tmp_path / "local", "-q", "--workers", "2")
    run("export", corpus, "--dataset", tmp_path / "dask", "-q", "--engine", "dask", "--workers", "2")
    local = sorted((tmp_path / "local" / "v1.0.0" / "data").glob("*.parquet"))
    dask = sorted((tmp_path / "dask" / "v1.0.0" / "data").glob("*.parquet"))
    assert [p.name for p in local] == [p.name for p in dask]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(local, dask))
