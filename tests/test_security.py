"""Security: nothing an input or an option names can escape the output, no code runs from input,
and the Hub token never reaches logs, errors, outputs or the dataset.

* Paths: dataset names (``--name``), versions (``--version``), the paths a manifest lists, Hub
  repository ids, and NUL bytes in any path option are rejected with a clear error; document
  ids are data only (stored in records, never used to build a path).
* No ``pickle``, ``marshal``, ``eval``, ``exec`` or unsafe YAML loading in the package source.
* A full export and push (with a failing Hub first) under a distinctive token: the token is in
  no file under the dataset directory, the errors file, the output, stdout, stderr or the logs.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.dataset import UnsafePathError, publish, verify
from cleaner.dataset.versions import check_dataset_name, data_file_path
from hub_server import TEST_USER as HUB_USER

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cleaner"
SEEDS = ROOT / "seeds"
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def listing(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


# --- names, versions and paths ----------------------------------------------------------------

BAD_NAMES = ["../../evil", "..", "a/b", "/etc/passwd", "a\\b", "a\x00b", "line\nbreak", "", "   ", "x" * 201]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_dataset_name_that_could_be_a_path_is_rejected(tmp_path: Path, name: str):
    with pytest.raises(UnsafePathError):
        check_dataset_name(name)
    with pytest.raises(UnsafePathError):
        publish([], tmp_path / "ds", name=name)
    assert not (tmp_path / "ds").exists() or listing(tmp_path / "ds") <= {".lock"}


def test_export_rejects_a_bad_name_or_version_as_a_usage_error(tmp_path: Path):
    before = listing(tmp_path)
    for option, value, message in [
        ("--name", "../../evil", "must not contain '/', '\\' or '..'"),
        ("--name", "a\x00b", "control characters"),
        ("--version", "../../x", "not a version number"),
        ("--version", "1.0.0/../../x", "not a version number"),
        ("--version", "/abs/1.0.0", "not a version number"),
    ]:
        result = run("export", str(SEEDS), "--dataset", str(tmp_path / "ds"), option, value, "-q")
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output
    assert listing(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ["clean", str(SEEDS), "-o", "out\x00.jsonl"],
        ["clean", str(SEEDS), "-o", "o.jsonl", "--errors", "e\x00.jsonl"],
        ["clean", "see\x00ds"],
        ["export", str(SEEDS), "--dataset", "d\x00s"],
        ["export", str(SEEDS), "--dataset", "ds", "--errors", "e\x00"],
        ["explain", "a\x00.txt"],
        ["verify", "d\x00s"],
        ["versions", "d\x00s"],
        ["diff", "d\x00s", "1.0.0"],
        ["push", "d\x00s", "--repo", "a/b"],
    ],
    ids=lambda a: " ".join(a[:1] + [x for x in a if "\x00" in x]).replace("\x00", "NUL"),
)
def test_a_nul_byte_in_any_path_is_a_clear_usage_error(tmp_path: Path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, (result.output, result.exception)
    assert "contains a NUL byte" in result.output
    assert listing(tmp_path) == set()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    ds = tmp_path / "ds"
    publish([cleaner.clean(BODY, id=f"d{i}", detect_language=False) for i in range(3)], ds)
    return ds


@pytest.mark.parametrize("bad", ["../../secret.parquet", "/etc/passwd", "data/../../secret.parquet",
                                 "data/./x.parquet", "data\\x.parquet", "data/a\x00b.parquet", "README.md", 7])
def test_a_manifest_cannot_point_outside_the_versions_data_folder(tmp_path: Path, dataset: Path, bad):
    secret = tmp_path / "secret.parquet"
    shutil.copy(next((dataset / "v1.0.0" / "data").glob("*.parquet")), secret)
    manifest_path = dataset / "v1.0.0" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["files"][0]["path"] = bad
    manifest_path.write_text(json.dumps(manifest))

    report = verify(dataset)
    assert not report.ok and any("not a file in the version's data/ folder" in p for p in report.problems), report.problems
    with pytest.raises(UnsafePathError):
        cleaner.load(dataset)
    with pytest.raises(UnsafePathError):
        data_file_path(dataset / "v1.0.0", bad)
    result = run("verify", str(dataset))
    assert result.exit_code == 1 and "not a file in the version's data/ folder" in result.output


@pytest.mark.parametrize("repo", ["../x", "a/..", "./b", "a/b/c", "a", "a/b\x00", "-a/b", "a/.b"])
def test_a_hub_repository_id_cannot_be_a_path(dataset: Path, repo: str):
    from cleaner.dataset.hub import PushError, push

    with pytest.raises(PushError, match="repo_id must look like 'owner/name'"):
        push(dataset, repo, token="hf_unused", dry_run=True)


def test_document_ids_are_data_never_paths(tmp_path: Path):
    ids = ["../../etc/passwd", "/abs/path", "a\x00b", "..", "C:\\windows\\x", "x" * 300, "data/../../LATEST"]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"{BODY} {n}"}) + "\n" for n, i in enumerate(ids)))
    (tmp_path / "out").mkdir()
    result = run("clean", str(src), "-o", str(tmp_path / "out" / "o.jsonl"), "--no-language", "-q")
    assert result.exit_code == 0, result.output
    assert listing(tmp_path / "out") == {"o.jsonl", "o.errors.jsonl"}
    records = [json.loads(line) for line in (tmp_path / "out" / "o.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ids

    result = run("export", str(src), "--dataset", str(tmp_path / "ds"), "--no-language", "-q")
    assert result.exit_code == 0, result.output
    assert listing(tmp_path / "ds") == {
        ".lock", "LATEST", "README.md", "v1.0.0", "v1.0.0/manifest.json", "v1.0.0/README.md", "v1.0.0/data",
        "v1.0.0/data/train-00000-of-00001.parquet"}
    assert sorted(cleaner.load(tmp_path / "ds")["id"]) == sorted(ids)
    assert listing(tmp_path) <= {"in.jsonl", "out", "out/o.jsonl", "out/o.errors.jsonl"} | {
        f"ds/{p}" for p in listing(tmp_path / "ds")} | {"ds"}


# --- no code from input -----------------------------------------------------------------------

FORBIDDEN = {
    r"\bimport\s+(c?pickle|marshal|shelve|dill|cloudpickle)\b": "unpickling runs code",
    r"\bfrom\s+(c?pickle|marshal|shelve|dill|cloudpickle)\s+import\b": "unpickling runs code",
    r"\bpickle\.loads?\b|\bmarshal\.loads?\b": "unpickling runs code",
    r"(?<![\w.])eval\s*\(": "eval runs code",
    r"(?<![\w.])exec\s*\(": "exec runs code",
    r"\byaml\.(load|full_load|unsafe_load|load_all|unsafe_load_all)\s*\(": "YAML loading beyond safe_load builds objects",
    r"\bread_pickle\b|\bnp\.load\s*\(": "pickled arrays run code",
    r"\b__import__\s*\(|\bimportlib\.import_module\s*\(\s*(?![\"'])": "imports named by data",
    r"\bshell\s*=\s*True": "a shell parses data",
}


def test_the_package_never_unpickles_evaluates_or_executes_input():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            for pattern, why in FORBIDDEN.items():
                if re.search(pattern, code):
                    offenders.append(f"{path.relative_to(ROOT)}:{lineno}: {why}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
    assert len(list(PACKAGE.rglob("*.py"))) > 20  # the scan saw the package


# --- the Hub token stays secret ---------------------------------------------------------------

SECRET = "hf_DistinctiveSecretToken_5f1c0ffee42"


def test_the_token_reaches_no_file_log_or_output(hub, tmp_path: Path, monkeypatch, caplog):
    import huggingface_hub.utils._http as hf_http

    monkeypatch.setattr(hf_http.time, "sleep", lambda seconds: None)
    hub.add_token(SECRET, HUB_USER)
    monkeypatch.setenv("HF_TOKEN", SECRET)
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG)
    log_file = tmp_path / "cleaner.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    outputs: list[str] = []
    try:
        bad = tmp_path / "inputs" / "bad.txt"
        bad.parent.mkdir()
        bad.write_bytes(b"")
        (tmp_path / "inputs" / "good.txt").write_text(BODY)
        errors = tmp_path / "export.errors.jsonl"
        for args in (
            ["clean", str(tmp_path / "inputs"), "-o", str(tmp_path / "out.jsonl")],
            ["export", str(tmp_path / "inputs"), str(SEEDS / "000_eaef56b1e95269e9.txt"), "--dataset", str(tmp_path / "ds"),
             "--errors", str(errors)],
        ):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 1, result.output
            outputs.append(result.output)
        repo = f"{HUB_USER}/news"
        for route, fault in (("lfs_upload", {"disconnect": True}), ("commit", {"status": 500}), ("tag", {"status": 503})):
            hub.inject_fault(route, **fault)
            result = CliRunner().invoke(main, ["push", str(tmp_path / "ds"), "--repo", repo, "--create"])
            assert result.exit_code == 1, result.output
            outputs.append(result.output + repr(result.exception))
            hub.clear_faults()
        hub.inject_fault("repo_info", status=401)
        result = CliRunner().invoke(main, ["push", str(tmp_path / "ds"), "--repo", repo])
        assert result.exit_code == 1 and "refused the token" in result.output
        outputs.append(result.output)
        hub.clear_faults()
        result = CliRunner().invoke(main, ["push", str(tmp_path / "ds"), "--repo", repo], catch_exceptions=False)
        assert result.exit_code == 0 and "pushed version 1.0.0" in result.output, result.output
        outputs.append(result.output)
        for args in (["verify", str(tmp_path / "ds"), "--all"], ["versions", str(tmp_path / "ds"), "--json"]):
            outputs.append(CliRunner().invoke(main, args).output)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    assert any("pushed" in o for o in outputs) and caplog.records
    leaks = [f"output {i}" for i, o in enumerate(outputs) if SECRET in o]
    leaks += [f"log record {r.name}" for r in caplog.records if SECRET in r.getMessage() or SECRET in str(r.args)]
    leaks += ["caplog text"] if SECRET in caplog.text else []
    files = [p for p in tmp_path.rglob("*") if p.is_file() and "hub-server" not in p.parts and "hf-home" not in p.parts]
    assert log_file in files and errors in files and any(p.suffix == ".parquet" for p in files)
    leaks += [str(p) for p in files if SECRET.encode() in p.read_bytes()]
    assert not leaks, leaks


# --- round two: bad data never loads or uploads quietly ---------------------------------------


def _shard(ds: Path) -> Path:
    return next((ds / "v1.0.0" / "data").glob("*.parquet"))


def _edit_manifest(ds: Path, change) -> None:
    path = ds / "v1.0.0" / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def test_load_checks_the_shards_sha256_and_refuses_a_flipped_bit(dataset: Path):
    shard = _shard(dataset)
    good = shard.read_bytes()
    assert cleaner.load(dataset)["id"] == ["d0", "d1", "d2"]
    refused = 0
    for i in range(40):  # bits all over the file: header, row groups, footer
        pos = (i * 7919) % len(good)
        shard.write_bytes(good[:pos] + bytes([good[pos] ^ (1 << (i % 8))]) + good[pos + 1:])
        with pytest.raises(cleaner.dataset.DatasetError, match="SHA-256"):
            cleaner.load(dataset)
        refused += 1
    assert refused == 40
    shard.write_bytes(good)
    assert cleaner.load(dataset)["id"] == ["d0", "d1", "d2"]


def test_load_refuses_a_shard_without_a_checksum_unless_told_not_to_check(dataset: Path):
    _edit_manifest(dataset, lambda m: m["files"][0].pop("sha256"))
    with pytest.raises(cleaner.dataset.DatasetError, match="no sha256"):
        cleaner.load(dataset)
    assert cleaner.load(dataset, verify=False)["id"] == ["d0", "d1", "d2"]
    report = verify(dataset)
    assert not report.ok and any("no sha256" in p for p in report.problems)


def test_verify_fails_a_manifest_without_checksums_over_a_corrupted_shard(dataset: Path):
    shard = _shard(dataset)
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 0xFF
    shard.write_bytes(bytes(data))

    def strip(m):
        for f in m["files"]:
            f.pop("sha256")

    _edit_manifest(dataset, strip)
    result = run("verify", str(dataset))
    assert result.exit_code == 1 and "gives no sha256" in result.output


def test_the_card_says_load_dataset_does_not_check_and_names_cleaner_verify(dataset: Path):
    card = (dataset / "v1.0.0" / "README.md").read_text()
    assert "`datasets.load_dataset` does not" in card and "cleaner verify" in card


def test_a_symlinked_shard_is_never_uploaded_and_push_refuses_what_verify_refuses(hub, tmp_path: Path, dataset: Path):
    from hub_server import TEST_TOKEN as HUB_TOKEN

    from cleaner.dataset.hub import LocalVersionError, push

    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN PRIVATE KEY-----\nnot for the Hub\n")
    shard = _shard(dataset)
    shard.unlink()
    shard.symlink_to(secret)

    def strip(m):  # no checksum or size that could give the link away
        m["files"][0].pop("sha256")
        m["files"][0].pop("size")

    _edit_manifest(dataset, strip)
    assert not verify(dataset).ok
    for dry_run in (True, False):
        with pytest.raises(LocalVersionError, match="does not pass `cleaner verify`"):
            push(dataset, f"{HUB_USER}/leak", create=True, token=HUB_TOKEN, dry_run=dry_run)
    result = run("push", str(dataset), "--repo", f"{HUB_USER}/leak", "--create", "--dry-run")
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert not hub.requests_to("commit") and "not for the Hub" not in result.output


def test_push_never_follows_a_link_out_of_the_version_folder_even_with_a_true_checksum(tmp_path: Path, dataset: Path):
    from cleaner.dataset.hub import LocalVersionError, push

    shard = _shard(dataset)
    outside = tmp_path / "outside.parquet"
    shutil.move(shard, outside)
    shard.symlink_to(outside)  # the same bytes, so size and sha256 still match
    with pytest.raises(LocalVersionError, match="symbolic link"):
        push(dataset, f"{HUB_USER}/x", token="hf_unused", dry_run=True)
    with pytest.raises(cleaner.dataset.DatasetError, match="symbolic link"):
        cleaner.load(dataset)
    shard.unlink()
    shutil.move(outside, tmp_path / "moved")
    (dataset / "v1.0.0" / "data").rmdir()
    (tmp_path / "elsewhere").mkdir()
    shutil.move(tmp_path / "moved", tmp_path / "elsewhere" / shard.name)
    (dataset / "v1.0.0" / "data").symlink_to(tmp_path / "elsewhere")  # the folder itself is the link
    with pytest.raises(LocalVersionError):
        push(dataset, f"{HUB_USER}/x", token="hf_unused", dry_run=True)
    assert any("symbolic link" in p or "outside the version folder" in p for p in verify(dataset).problems)


def test_a_hub_repository_id_has_the_hubs_length_limit(dataset: Path):
    from cleaner.dataset.hub import PushError, push

    with pytest.raises(PushError, match="at most 96"):
        push(dataset, "me/" + "x" * 200, token="hf_unused", dry_run=True)
    result = run("push", str(dataset), "--repo", "me/" + "x" * 5000, "--dry-run")
    assert result.exit_code == 1 and "at most 96" in result.output and "x" * 200 not in result.output


def test_the_dataset_name_is_escaped_in_the_cards(tmp_path: Path):
    ds = tmp_path / "ds"
    name = '<img src=x onerror="alert(1)"> news | `x`'
    publish([cleaner.clean(BODY, id="<b>bold</b>", detect_language=False)] * 2, ds, name=name)
    for card in (ds / "v1.0.0" / "README.md", ds / "README.md"):
        text = card.read_text().split("---", 2)[2]  # the Markdown after the YAML header
        assert "<img" not in text and "&lt;img" in text and "<b>" not in text, text


def test_the_docs_say_the_dask_transport_is_pickle_for_a_trusted_scheduler_only():
    for doc in ("docs/scaling.md", "docs/reliability.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert "pickle" in text and "trusted" in text, doc
