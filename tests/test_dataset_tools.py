"""A dataset directory as Hugging Face tools and users see it: the root loads as LATEST, cards say
licence and languages, runs' errors and duplicate ids are recorded, an identical re-export publishes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pytest
import yaml
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.dataset import publish, read_latest, read_manifest

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
GERMAN = "Der Stadtrat hat am Montag über den Haushalt für das kommende Jahr beraten, sagten Beamte."


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def card_header(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def articles(n: int, prefix: str) -> list[cleaner.Article]:
    return [cleaner.clean(f"{BODY} Story {prefix}{i}.", id=f"{prefix}{i}") for i in range(n)]


def test_the_dataset_root_loads_as_latest_with_every_version_a_named_config(tmp_path):
    root = tmp_path / "news"
    publish(articles(3, "a"), root)
    publish(articles(2, "b"), root)
    cache = str(tmp_path / "cache")
    latest = datasets.load_dataset(str(root), split="train", cache_dir=cache)
    assert sorted(latest["id"]) == ["b0", "b1"], "LATEST only, not every version's rows concatenated"
    first = datasets.load_dataset(str(root), "v1.0.0", split="train", cache_dir=cache)
    assert sorted(first["id"]) == ["a0", "a1", "a2"]
    header = card_header(root / "README.md")
    assert [c["config_name"] for c in header["configs"]] == ["v1.0.0", "v1.1.0"]
    assert [c.get("default", False) for c in header["configs"]] == [False, True]
    # an older version published later keeps LATEST, and the card's default, where they were
    publish(articles(1, "c"), root, version="1.0.5")
    header = card_header(root / "README.md")
    assert read_latest(root) == "1.1.0"
    assert [c["config_name"] for c in header["configs"] if c.get("default")] == ["v1.1.0"]
    assert "v1.0.5" in [c["config_name"] for c in header["configs"]]
    assert sorted(datasets.load_dataset(str(root), split="train", cache_dir=cache)["id"]) == ["b0", "b1"]
    assert datasets.load_dataset(str(root), "v1.0.5", split="train", cache_dir=cache)["id"] == ["c0"]


def test_card_has_licence_languages_quality_and_a_loading_snippet_for_this_directory(tmp_path):
    root = tmp_path / "news"
    docs = articles(3, "en") + [cleaner.clean(GERMAN + " " + GERMAN, id="de0")] + articles(1, "en")[:1]  # en0 twice
    info = publish(docs, root, license="cc-by-4.0", errors=2)
    m = read_manifest(info.path)
    assert m["license"] == "cc-by-4.0" and m["errors"] == 2
    assert m["duplicate_ids"] == {"rows": 1, "examples": ["en0"]}
    assert m["languages"] == {"en": 4, "de": 1}
    header = card_header(info.path / "README.md")
    assert header["license"] == "cc-by-4.0" and header["language"] == ["en", "de"]
    card = (info.path / "README.md").read_text(encoding="utf-8")
    assert "path/to" not in card
    assert f'datasets.load_dataset("{root.as_posix()}", "v1.0.0", split="train")' in card
    assert "| documents that failed | 2 " in card and "| duplicate ids | 1 rows share an id" in card and "`en0`" in card
    # the next version keeps the licence; a clean run records 0 errors and no duplicates
    nxt = publish(articles(2, "x"), root, errors=0)
    m2 = read_manifest(nxt.path)
    assert m2["license"] == "cc-by-4.0" and m2["errors"] == 0 and m2["duplicate_ids"] is None
    assert "| duplicate ids | none |" in (nxt.path / "README.md").read_text(encoding="utf-8")
    assert card_header(nxt.path / "README.md")["language"] == ["en"]


def test_export_records_the_runs_errors_and_an_identical_re_export_publishes_nothing(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": BODY}) + "\n" + '{"id": "b", "text": \n' + json.dumps({"id": "a", "text": BODY + " Again."}) + "\n")
    ds = tmp_path / "ds"
    first = run("export", str(src), "--dataset", str(ds), "--license", "cc0-1.0", "--no-language")
    assert first.exit_code == 1  # one line is malformed: the run's exit code says so, the rest is published
    m = read_manifest(ds / "v1.0.0")
    assert m["errors"] == 1 and m["duplicate_ids"]["rows"] == 1 and m["license"] == "cc0-1.0"

    again = run("export", str(src), "--dataset", str(ds), "--no-language")
    assert again.exit_code == 0
    assert "nothing published" in again.stderr and "--force" in again.stderr
    assert sorted(p.name for p in ds.iterdir() if p.name.startswith("v")) == ["v1.0.0"]

    other_config = run("export", str(src), "--dataset", str(ds), "--no-language", "--disable", "social", "-q")
    assert other_config.exit_code == 1 and read_latest(ds) == "1.1.0"
    src.write_text(json.dumps({"id": "c", "text": BODY}) + "\n")
    changed = run("export", str(src), "--dataset", str(ds), "--no-language", "--disable", "social", "-q")
    assert changed.exit_code == 0 and read_latest(ds) == "1.2.0"
    forced = run("export", str(src), "--dataset", str(ds), "--no-language", "--disable", "social", "-q", "--force")
    assert forced.exit_code == 0 and read_latest(ds) == "1.3.0"


def test_push_speaks_the_command_lines_words_and_keeps_main_on_the_newest(hub, tmp_path, monkeypatch):
    from hub_server import TEST_TOKEN, TEST_USER

    ds = tmp_path / "news"
    publish(articles(2, "a"), ds)
    publish(articles(2, "b"), ds)
    repo = f"{TEST_USER}/news"
    no_token = run("push", str(ds), "--repo", repo)
    assert no_token.exit_code == 1 and "HF_TOKEN" in no_token.stderr and "token=" not in no_token.stderr
    monkeypatch.setenv("HF_TOKEN", TEST_TOKEN)
    missing = run("push", str(ds), "--repo", repo)
    assert missing.exit_code == 1 and "--create" in missing.stderr and "create=True" not in missing.stderr
    assert run("push", str(ds), "--repo", repo, "--create").exit_code == 0
    main_before = hub.repo(repo).branches["main"]
    older = run("push", str(ds), "--repo", repo, "--version", "1.0.0")
    assert older.exit_code == 0 and "main stays at the newer version 1.1.0" in older.stdout
    assert hub.repo(repo).branches["main"] == main_before and "v1.0.0" in hub.repo(repo).tags
