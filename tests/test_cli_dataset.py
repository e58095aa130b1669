"""`cleaner export / versions / verify / diff / push` end to end: real files, a real loopback Hub."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from hub_server import TEST_TOKEN as HUB_TOKEN
from hub_server import TEST_USER as HUB_USER

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def rows(vdir: Path) -> list[dict]:
    out = []
    for f in sorted((vdir / "data").glob("*.parquet")):
        out.extend(pq.read_table(f).to_pylist())
    return sorted(out, key=lambda r: r["id"])


def test_export_verify_second_version_diff_and_load(tmp_path):
    ds = tmp_path / "news"
    first = run("export", SEEDS, "--dataset", ds, "--name", "news")
    assert first.exit_code == 0, first.output
    assert (ds / "v1.0.0" / "manifest.json").exists()
    assert (ds / "LATEST").read_text().strip() == "1.0.0"

    second = run("export", SEEDS, "--dataset", ds, "--disable", "teasers,related")
    assert second.exit_code == 0, second.output
    assert (ds / "LATEST").read_text().strip() == "1.1.0"

    listing = run("versions", ds, "--json")
    assert [v["version"] for v in json.loads(listing.output)] == ["1.0.0", "1.1.0"]

    checked = run("verify", ds, "--all")
    assert checked.exit_code == 0 and checked.output.count(": ok") == 2

    changes = run("diff", ds, "1.0.0", "1.1.0", "--json")
    report = json.loads(changes.output)
    assert report["config"], "the config change is reported"
    assert report["cuts"]["related.link_line"] == {"a": 2, "b": 0, "delta": -2}

    # each version loads its own rows, and those are the records `cleaner.clean` gives
    v1 = cleaner.load(ds, version="1.0.0").to_list()
    expected = {p.stem: cleaner.clean(p.read_text(encoding="utf-8"), id=p.stem, source=str(p)).text for p in SEEDS.glob("*.txt")}
    assert {r["id"]: r["text"] for r in v1} == expected
    v2 = cleaner.load(ds).to_list()
    assert {r["id"] for r in v2} == set(expected)
    assert any(r["related"] for r in v1) and not any(r["related"] for r in v2)


def test_existing_version_is_refused_and_verify_catches_a_flipped_byte(tmp_path):
    ds = tmp_path / "news"
    assert run("export", SEEDS, "--dataset", ds, "--version", "2.0.0").exit_code == 0
    again = run("export", SEEDS, "--dataset", ds, "--version", "2.0.0")
    assert again.exit_code == 1 and "2.0.0" in again.output
    shard = next((ds / "v2.0.0" / "data").glob("*.parquet"))
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 0xFF
    shard.write_bytes(bytes(data))
    bad = run("verify", ds)
    assert bad.exit_code == 1
    assert "sha256" in bad.output or "checksum" in bad.output


def test_strict_export_of_a_bad_file_publishes_nothing(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs, ignore=shutil.ignore_patterns("*.json"))
    (inputs / "empty.txt").write_text("   \n")
    ds = tmp_path / "news"
    strict = run("export", inputs, "--dataset", ds, "--strict")
    assert strict.exit_code == 1
    assert not ds.exists() or not any(ds.glob("v*"))
    lenient = run("export", inputs, "--dataset", ds, "--errors", tmp_path / "errors.jsonl")
    assert lenient.exit_code == 1, "a failed document is reported in the exit code"
    assert [json.loads(l)["id"] for l in (tmp_path / "errors.jsonl").read_text().splitlines()] == ["empty"]
    assert len(rows(ds / "v1.0.0")) == 3


def test_push_then_load_by_tag_through_the_loopback_hub(hub, tmp_path):
    import datasets

    ds = tmp_path / "news"
    assert run("export", SEEDS, "--dataset", ds).exit_code == 0
    repo = f"{HUB_USER}/news"
    dry = run("push", ds, "--repo", repo, "--dry-run")
    assert dry.exit_code == 0 and "would push" in dry.output
    assert not hub.requests_to("commit")

    missing = run("push", ds, "--repo", repo, env={"HF_TOKEN": HUB_TOKEN})
    assert missing.exit_code == 1 and "create" in missing.output

    pushed = run("push", ds, "--repo", repo, "--create", env={"HF_TOKEN": HUB_TOKEN})
    assert pushed.exit_code == 0, pushed.output
    assert HUB_TOKEN not in pushed.output
    assert hub.repo(repo).tags.keys() == {"v1.0.0"}
    loaded = datasets.load_dataset(repo, revision="v1.0.0", split="train", cache_dir=str(tmp_path / "cache"))
    assert sorted(loaded.to_list(), key=lambda r: r["id"]) == rows(ds / "v1.0.0")
