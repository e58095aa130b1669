"""``cleaner.dataset.hub.push`` against the loopback Hub of ``tests/hub_server.py``.

Every test runs its own server (the ``hub`` fixture of ``conftest.py``); nothing here talks to
the real Hugging Face Hub.
"""

from __future__ import annotations

import hashlib
import json
import logging
import traceback
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import cleaner
from cleaner.schema import SCHEMA_NAME, SCHEMA_VERSION, records_to_table
from hub_server import TEST_TOKEN as HUB_TOKEN
from hub_server import TEST_USER as HUB_USER

hub_mod = pytest.importorskip("cleaner.dataset.hub")
push = hub_mod.push

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REPO = f"{HUB_USER}/news"

EXTRA_TEXTS = [
    "Views: 12\n\nA council vote on the new bridge was delayed again on Tuesday after a long debate "
    "about its cost, its design and the traffic it would bring to the old town.",
    "Share this article\n\nThe harbour festival returns this weekend with music, food stalls and a "
    "parade of boats, organisers said, and they expect a record number of visitors.",
    "Farmers in the valley say the late frost damaged most of the apple blossom, and prices are "
    "expected to rise in the autumn when the harvest comes in smaller than usual.",
]

CARD = """---
configs:
- config_name: default
  data_files:
  - split: train
    path: data/train-*
license: cc-by-4.0
pretty_name: {name}
---

# {name}

Cleaned news articles, version {version}.
"""


def _texts() -> list[tuple[str, str]]:
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    return seeds + [(f"extra-{i}", t) for i, t in enumerate(EXTRA_TEXTS)]


def make_version(dataset_dir: Path, version: str, docs: list[tuple[str, str]], shards: int = 1,
                 latest: bool = True) -> Path:
    """Write ``dataset_dir/v{version}`` as ``cleaner.dataset.publish`` lays it out."""
    vdir = dataset_dir / f"v{version}"
    (vdir / "data").mkdir(parents=True)
    records = [cleaner.clean(text, id=doc_id).to_record() for doc_id, text in docs]
    files = []
    for k in range(shards):
        part = records[k::shards]
        rel = f"data/train-{k:05d}-of-{shards:05d}.parquet"
        pq.write_table(records_to_table(part), vdir / rel, compression="zstd")
        data = (vdir / rel).read_bytes()
        files.append({"path": rel, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                      "rows": len(part)})
    manifest = {"format": "cleaner.dataset/1", "name": "news", "version": version,
                "schema": {"name": SCHEMA_NAME, "version": SCHEMA_VERSION}, "rows": len(records), "files": files}
    (vdir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (vdir / "README.md").write_text(CARD.format(name="news", version=version), encoding="utf-8")
    if latest:
        (dataset_dir / "LATEST").write_text(version + "\n", encoding="utf-8")
    return vdir


def local_rows(vdir: Path) -> list[dict]:
    rows = []
    for f in sorted((vdir / "data").glob("*.parquet")):
        rows.extend(pq.read_table(f).to_pylist())
    return sorted(rows, key=lambda r: r["id"])


def hub_rows(tmp_path: Path, revision: str, repo: str = REPO, **kwargs) -> list[dict]:
    import datasets

    ds = datasets.load_dataset(repo, revision=revision, split="train",
                               cache_dir=str(tmp_path / "ds-cache"), **kwargs)
    return sorted(ds.to_list(), key=lambda r: r["id"])


@pytest.fixture
def dataset_dir(tmp_path: Path) -> Path:
    d = tmp_path / "dataset"
    d.mkdir()
    return d


@pytest.fixture
def v1(dataset_dir: Path) -> Path:
    return make_version(dataset_dir, "1.0.0", _texts()[:4], shards=2)


# -- publishing and loading ----------------------------------------------------------------------


def test_push_commits_tags_and_load_dataset_returns_the_local_rows(hub, tmp_path, dataset_dir, v1):
    result = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)

    assert result.status == "pushed" and result.pushed
    assert result.version == "1.0.0" and result.tag == "v1.0.0"
    assert result.repo_created
    assert [f.path for f in result.files] == [
        "manifest.json", "README.md",
        "data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet",
    ]
    repo = hub.repo(REPO)
    assert repo.tags == {"v1.0.0": result.commit}
    assert repo.branches["main"] == result.commit
    commit = repo.commits[result.commit]
    assert commit.title == "cleaner: dataset version 1.0.0"
    assert len(hub.requests_to("commit")) == 1, "one version is one commit"
    for f in result.files:
        if f.path != "README.md":
            assert hub.read_file(REPO, f.path, "v1.0.0") == (v1 / f.path).read_bytes()
    # the card on the Hub tells how to load this repository at this tag, not a local path
    card = hub.read_file(REPO, "README.md", "v1.0.0").decode("utf-8")
    assert f'datasets.load_dataset("{REPO}", revision="v1.0.0", split="train")' in card and "path/to" not in card
    assert hashlib.sha256(card.encode("utf-8")).hexdigest() == result.files[1].sha256
    # Parquet travels as LFS, the manifest and the card as plain git blobs.
    assert commit.files["data/train-00000-of-00002.parquet"].lfs_sha256 == result.files[2].sha256
    assert commit.files["manifest.json"].lfs_sha256 is None

    from huggingface_hub import HfApi

    refs = HfApi(endpoint=hub.url).list_repo_refs(REPO, repo_type="dataset")
    assert [(t.name, t.target_commit) for t in refs.tags] == [("v1.0.0", result.commit)]

    rows = hub_rows(tmp_path, "v1.0.0")
    assert rows == local_rows(v1)
    assert len(rows) == 4


def test_second_version_gets_its_own_tag_and_each_revision_loads_its_own_rows(hub, tmp_path, dataset_dir, v1):
    first = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    v2 = make_version(dataset_dir, "1.1.0", _texts()[2:], shards=1)
    second = push(dataset_dir, REPO, token=HUB_TOKEN)

    assert second.status == "pushed" and second.tag == "v1.1.0" and not second.repo_created
    # The old two-shard layout is removed from main so that v1.1.0 holds only its own shard.
    assert second.deleted == ("data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet")
    repo = hub.repo(REPO)
    assert repo.tags == {"v1.0.0": first.commit, "v1.1.0": second.commit}
    assert repo.branches["main"] == second.commit
    assert repo.commits[second.commit].parent == first.commit
    assert sorted(repo.commits[second.commit].files) == [
        ".gitattributes", "README.md", "data/train-00000-of-00001.parquet", "manifest.json",
    ]

    old, new = local_rows(v1), local_rows(v2)
    assert old != new
    assert hub_rows(tmp_path, "v1.0.0") == old
    assert hub_rows(tmp_path, "v1.1.0") == new
    assert hub_rows(tmp_path, "main") == new
    assert json.loads(hub.read_file(REPO, "manifest.json", "v1.0.0"))["version"] == "1.0.0"

    # An explicit older version can still be pushed again: its tag is already there, so nothing changes.
    again = push(dataset_dir, REPO, version="v1.0.0", token=HUB_TOKEN)
    assert again.status == "unchanged" and again.commit == first.commit


def test_pushing_the_same_version_again_is_a_no_op(hub, dataset_dir, v1):
    first = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    commits_before = dict(hub.repo(REPO).commits)

    again = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)

    assert again.status == "unchanged" and not again.pushed
    assert again.commit == first.commit
    assert hub.repo(REPO).commits == commits_before
    assert len(hub.requests_to("commit")) == 1
    assert len(hub.requests_to("tag")) == 1
    assert len(hub.requests_to("lfs_upload")) == 2


def test_different_content_under_an_existing_tag_is_refused(hub, tmp_path, dataset_dir, v1):
    first = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    make_version(other_dir, "1.0.0", _texts()[3:], shards=1)

    with pytest.raises(hub_mod.TagConflictError) as err:
        push(other_dir, REPO, token=HUB_TOKEN)

    message = str(err.value)
    assert "v1.0.0" in message and "different content" in message
    assert "manifest.json: different content" in err.value.differences
    assert "data/train-00000-of-00002.parquet: not part of this version" in err.value.differences
    repo = hub.repo(REPO)
    assert repo.tags == {"v1.0.0": first.commit}
    assert repo.branches["main"] == first.commit
    assert len(hub.requests_to("commit")) == 1
    assert hub_rows(tmp_path, "v1.0.0") == local_rows(v1)


# -- errors --------------------------------------------------------------------------------------


def test_missing_token_is_a_clear_error_before_any_request(hub, dataset_dir, v1):
    with pytest.raises(hub_mod.TokenNotFoundError, match="HF_TOKEN"):
        push(dataset_dir, REPO, create=True)
    assert hub.requests == []


def test_token_from_environment_or_saved_login(hub, monkeypatch, dataset_dir, v1):
    from huggingface_hub import constants

    monkeypatch.setenv("HF_TOKEN", HUB_TOKEN)
    assert push(dataset_dir, REPO, create=True).status == "pushed"

    monkeypatch.delenv("HF_TOKEN")
    Path(constants.HF_TOKEN_PATH).parent.mkdir(parents=True, exist_ok=True)
    Path(constants.HF_TOKEN_PATH).write_text(HUB_TOKEN)
    assert push(dataset_dir, REPO).status == "unchanged"


def test_rejected_token_is_an_authentication_error(hub, dataset_dir, v1):
    wrong = "hf_notAValidToken999"
    with pytest.raises(hub_mod.AuthenticationError) as err:
        push(dataset_dir, REPO, create=True, token=wrong)
    assert "401" in str(err.value)
    assert wrong not in _rendered(err.value)
    assert (("dataset", REPO) not in hub.repos)


def test_missing_repo_without_create_is_a_clear_error(hub, dataset_dir, v1):
    with pytest.raises(hub_mod.RepoNotFoundError, match="create=True"):
        push(dataset_dir, REPO, token=HUB_TOKEN)
    assert ("dataset", REPO) not in hub.repos
    assert hub.requests_to("create_repo") == [] and hub.requests_to("commit") == []


def test_create_makes_a_private_repo_when_asked(hub, tmp_path, dataset_dir, v1):
    push(dataset_dir, REPO, create=True, private=True, token=HUB_TOKEN)
    assert hub.repo(REPO).private
    assert hub_rows(tmp_path, "v1.0.0", token=HUB_TOKEN) == local_rows(v1)


def test_missing_version_is_a_clear_error(hub, dataset_dir, v1):
    with pytest.raises(hub_mod.LocalVersionNotFoundError, match=r"1\.0\.0"):
        push(dataset_dir, REPO, version="2.0.0", create=True, token=HUB_TOKEN)
    with pytest.raises(hub_mod.LocalVersionNotFoundError):
        push(dataset_dir.parent / "nowhere", REPO, create=True, token=HUB_TOKEN)
    assert hub.requests == []


def test_a_version_that_does_not_match_its_manifest_is_not_pushed(hub, dataset_dir, v1):
    shard = v1 / "data" / "train-00001-of-00002.parquet"
    shard.write_bytes(shard.read_bytes()[:-8] + b"\0" * 8)
    with pytest.raises(hub_mod.LocalVersionError, match="(?i)sha-?256"):
        push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    assert hub.requests == []


def test_failed_commit_leaves_no_tag_and_a_rerun_succeeds(hub, tmp_path, dataset_dir, v1):
    hub.inject_fault("commit", 500)
    with pytest.raises(hub_mod.HubUnavailableError) as err:
        push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    assert err.value.stage == "commit the files" and err.value.commit is None
    assert "500" in str(err.value)
    repo = hub.repo(REPO)
    assert repo.tags == {}
    assert [c.title for c in repo.commits.values()] == ["initial commit"]
    assert hub.requests_to("tag") == []

    hub.clear_faults()
    result = push(dataset_dir, REPO, token=HUB_TOKEN)
    assert result.status == "pushed"
    assert repo.tags == {"v1.0.0": result.commit}
    assert hub_rows(tmp_path, "v1.0.0") == local_rows(v1)


@pytest.mark.parametrize("fault", [{"status": 500}, {"disconnect": True}], ids=["server-error", "disconnect"])
def test_failed_upload_commits_nothing(hub, monkeypatch, dataset_dir, v1, fault):
    import huggingface_hub.utils._http as hf_http

    monkeypatch.setattr(hf_http.time, "sleep", lambda seconds: None)  # the client retries with backoff
    hub.inject_fault("lfs_upload", **fault)
    with pytest.raises(hub_mod.HubUnavailableError) as err:
        push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    assert err.value.stage == "commit the files"
    assert len(hub.requests_to("lfs_upload")) > 1, "the client retried the upload"
    assert hub.requests_to("commit") == [] and hub.repo(REPO).tags == {}

    hub.clear_faults()
    assert push(dataset_dir, REPO, token=HUB_TOKEN).status == "pushed"


def test_failed_tag_after_commit_is_finished_by_a_rerun(hub, tmp_path, dataset_dir, v1):
    hub.inject_fault("tag", 503)
    with pytest.raises(hub_mod.HubUnavailableError) as err:
        push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    committed = err.value.commit
    assert committed == hub.repo(REPO).branches["main"]
    assert hub.repo(REPO).tags == {}

    hub.clear_faults()
    result = push(dataset_dir, REPO, token=HUB_TOKEN)
    assert result.status == "pushed" and result.commit == committed
    assert len(hub.requests_to("commit")) == 1, "the files were already there: no second commit"
    assert hub.repo(REPO).tags == {"v1.0.0": committed}
    assert hub_rows(tmp_path, "v1.0.0") == local_rows(v1)


def test_unreachable_hub_is_a_network_error(hub, dataset_dir, v1):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(hub_mod.HubUnavailableError, match="cannot reach the Hub") as err:
        push(dataset_dir, REPO, create=True, token=HUB_TOKEN, endpoint=f"http://127.0.0.1:{port}")
    assert err.value.stage == "find the repository"


# -- the token stays secret; dry runs stay offline ------------------------------------------------


def _rendered(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)) + repr(exc) + str(exc)


def test_the_token_never_appears_in_errors_logs_output_or_results(hub, tmp_path, caplog, capsys,
                                                                   monkeypatch, dataset_dir, v1):
    caplog.set_level(logging.DEBUG)
    rendered = []

    with pytest.raises(hub_mod.RepoNotFoundError) as e1:
        push(dataset_dir, REPO, token=HUB_TOKEN)
    rendered.append(_rendered(e1.value))

    hub.inject_fault("commit", 500)
    with pytest.raises(hub_mod.HubUnavailableError) as e2:
        push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    rendered.append(_rendered(e2.value))
    hub.clear_faults()

    monkeypatch.setenv("HF_TOKEN", HUB_TOKEN)
    result = push(dataset_dir, REPO)
    rendered += [repr(result), str(result), json.dumps(result.to_dict()), "\n".join(result.lines())]
    monkeypatch.delenv("HF_TOKEN")

    other = tmp_path / "other"
    other.mkdir()
    make_version(other, "1.0.0", _texts()[4:], shards=1)
    with pytest.raises(hub_mod.TagConflictError) as e3:
        push(other, REPO, token=HUB_TOKEN)
    rendered.append(_rendered(e3.value))

    out = capsys.readouterr()
    everything = "\n".join(rendered) + caplog.text + out.out + out.err
    assert "v1.0.0" in everything and "different content" in everything
    assert HUB_TOKEN not in everything
    assert HUB_TOKEN[3:20] not in everything


def test_dry_run_lists_the_files_and_makes_no_request(hub, monkeypatch, dataset_dir, v1):
    import httpx2

    def no_network(*args, **kwargs):
        raise AssertionError("a dry run must not use the network")

    monkeypatch.setattr(httpx2.Client, "send", no_network)
    result = push(dataset_dir, REPO, dry_run=True)

    assert result.status == "dry-run" and result.commit is None and not result.pushed
    # the card is the one the Hub would get (its loading snippet names the repository)
    assert [(f.path, f.size) for f in result.files] == [
        (p, (v1 / p).stat().st_size if p != "README.md" else result.files[1].size)
        for p in ("manifest.json", "README.md", "data/train-00000-of-00002.parquet",
                  "data/train-00001-of-00002.parquet")
    ]
    assert result.files[2].sha256 == hashlib.sha256((v1 / result.files[2].path).read_bytes()).hexdigest()
    assert "dry run" in result.lines()[0]
    assert result.endpoint == hub.url
    assert hub.requests == []
    assert ("dataset", REPO) not in hub.repos


# -- with the real publisher -----------------------------------------------------------------------


def test_versions_written_by_publish_push_and_load_by_revision(hub, tmp_path):
    from cleaner.dataset.publish import publish

    dataset_dir = tmp_path / "published"
    docs = _texts()
    first = publish([cleaner.clean(t, id=i) for i, t in docs[:3]], dataset_dir, name="news")
    r1 = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    second = publish([cleaner.clean(t, id=i) for i, t in docs[1:]], dataset_dir)
    r2 = push(dataset_dir, REPO, token=HUB_TOKEN)

    assert (r1.tag, r2.tag) == (f"v{first.version}", f"v{second.version}") == ("v1.0.0", "v1.1.0")
    assert hub.repo(REPO).tags == {"v1.0.0": r1.commit, "v1.1.0": r2.commit}
    assert hub_rows(tmp_path, "v1.0.0") == local_rows(first.path)
    assert hub_rows(tmp_path, "v1.1.0") == local_rows(second.path)
    assert push(dataset_dir, REPO, version="1.0.0", token=HUB_TOKEN).status == "unchanged"


def test_pushing_an_older_version_tags_it_without_moving_main_back(hub, tmp_path, dataset_dir, v1):
    make_version(dataset_dir, "1.1.0", _texts()[2:], shards=1)
    newer = push(dataset_dir, REPO, create=True, token=HUB_TOKEN)
    assert newer.version == "1.1.0" and hub.repo(REPO).branches["main"] == newer.commit

    older = push(dataset_dir, REPO, version="1.0.0", token=HUB_TOKEN)
    repo = hub.repo(REPO)
    assert older.status == "pushed" and not older.main_moved and older.main_version == "1.1.0"
    assert repo.branches == {"main": newer.commit}, "main stays at 1.1.0 and the work branch is gone"
    assert repo.tags["v1.0.0"] == older.commit != newer.commit
    assert hub_rows(tmp_path, "main") == local_rows(dataset_dir / "v1.1.0")
    assert hub_rows(tmp_path, "v1.0.0") == local_rows(v1)
    assert any("main stays at the newer version 1.1.0" in line for line in older.lines())

    # asked for, main does move back
    make_version(dataset_dir, "1.0.1", _texts()[:1], shards=1, latest=False)
    moved = push(dataset_dir, REPO, version="1.0.1", token=HUB_TOKEN, move_main=True)
    assert moved.main_moved and hub.repo(REPO).branches["main"] == moved.commit
