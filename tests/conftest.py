"""Shared fixtures."""

from __future__ import annotations

import importlib
import socket

import pytest

from hub_server import TEST_TOKEN as HUB_TOKEN
from hub_server import TEST_USER as HUB_USER
from hub_server import HubServer

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def hub(tmp_path, monkeypatch):
    """A loopback Hugging Face Hub (``tests/hub_server.py``) that every Hub client in the process uses.

    Points ``huggingface_hub`` and ``datasets`` at the server (environment and the constants they
    read at import), gives them fresh caches and an empty token store under ``tmp_path``, turns off
    Xet so uploads use plain LFS, turns off the dataset viewer's Parquet export lookup (another
    host), hides progress bars and removes any token from the environment. Name lookups of any
    host but the loopback one fail, so nothing can reach the real Hub. The server knows
    ``HUB_TOKEN`` as user ``HUB_USER``. Yields the running :class:`hub_server.HubServer`.
    """
    import datasets.config as ds_config
    from huggingface_hub import constants

    real_getaddrinfo = socket.getaddrinfo

    def loopback_only(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOOPBACK_HOSTS:
            raise socket.gaierror(socket.EAI_NONAME, f"network access to {name!r} is disabled in tests")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    server = HubServer(root=tmp_path / "hub-server", tokens={HUB_TOKEN: HUB_USER}).start()
    home = tmp_path / "hf-home"
    hub_cache = home / "hub"
    ds_cache = home / "datasets"
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_OIDC_RESOURCE", "HF_OIDC_ID_TOKEN", "HF_TOKEN_PATH",
                 "HUGGINGFACE_CO_STAGING", "HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "HF_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    env = {
        "HF_ENDPOINT": server.url,
        "HF_HOME": str(home),
        "HF_HUB_CACHE": str(hub_cache),
        "HF_DATASETS_CACHE": str(ds_cache),
        "HF_HUB_DISABLE_XET": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "HF_HUB_DISABLE_UPDATE_CHECK": "1",
        "HF_UPDATE_DOWNLOAD_COUNTS": "0",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    host = server.url.split("//", 1)[1].split(":")[0]
    for name, value in {
        "ENDPOINT": server.url,
        "HUGGINGFACE_CO_URL_TEMPLATE": server.url + "/{repo_id}/resolve/{revision}/{filename}",
        "HF_URL_HOSTS": frozenset(constants.HF_URL_HOSTS | {host}),
        "HF_HOME": str(home),
        "HF_HUB_CACHE": str(hub_cache),
        "HUGGINGFACE_HUB_CACHE": str(hub_cache),
        "HF_ASSETS_CACHE": str(home / "assets"),
        "HF_XET_CACHE": str(home / "xet"),
        "HF_TOKEN_PATH": str(home / "token"),
        "HF_STORED_TOKENS_PATH": str(home / "stored_tokens"),
        "HF_HUB_DISABLE_XET": True,
        "HF_HUB_OFFLINE": False,
        "HF_HUB_DISABLE_TELEMETRY": True,
        "HF_HUB_DISABLE_IMPLICIT_TOKEN": False,
    }.items():
        monkeypatch.setattr(constants, name, value, raising=False)
    monkeypatch.setattr(importlib.import_module("huggingface_hub.utils.tqdm"), "progress_bar_states",
                        {"_global": False})
    monkeypatch.setattr(importlib.import_module("datasets.utils.tqdm"), "_hf_datasets_progress_bars_disabled", True)
    for name, value in {
        "HF_ENDPOINT": server.url,
        "HUB_DATASETS_URL": server.url + "/datasets/{repo_id}/resolve/{revision}/{path}",
        "HF_CACHE_HOME": str(home),
        "HF_DATASETS_CACHE": ds_cache,
        "HF_MODULES_CACHE": home / "modules",
        "DOWNLOADED_DATASETS_PATH": ds_cache / "downloads",
        "EXTRACTED_DATASETS_PATH": ds_cache / "downloads" / "extracted",
        "HF_HUB_OFFLINE": False,
        "HF_DATASETS_OFFLINE": False,
        "HF_UPDATE_DOWNLOAD_COUNTS": False,
        "USE_PARQUET_EXPORT": False,
    }.items():
        monkeypatch.setattr(ds_config, name, value, raising=False)
    try:
        yield server
    finally:
        server.stop()
        assert not server.unhandled, f"requests the loopback Hub does not serve: {server.unhandled}"
        assert not server.errors, f"the loopback Hub failed internally: {server.errors}"


def _hypothesis_profiles() -> None:
    """In CI (the CI environment variable set), hypothesis draws the same examples on every run.

    Random exploration finds new cases on developers' machines; the CI run must
    not pass or fail by chance. `HYPOTHESIS_PROFILE=dev` selects random draws anyway.
    """
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
    settings.register_profile("dev")
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


_hypothesis_profiles()
