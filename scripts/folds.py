"""Folds grouped by site over both dev sets, so that no site is scored by a model that saw it.

    from folds import load_dev_pages, site_of, assign_folds
    pages = load_dev_pages()                 # both dev sets, each page tagged with its set
    fold = assign_folds(pages, k=5)          # page id -> fold number, same for every run

A page's site is the registrable part of its host (``www.bbc.co.uk`` -> ``bbc.co.uk``); on
hosting platforms (``*.wordpress.com``, ``*.blogspot.com``) each blog is its own site, and an
archived page (``web.archive.org/web/<stamp>/<url>``) belongs to the site it archives. trafeval's
``hard::<file>`` entries carry no URL: the site is read from the file name. Folds are balanced by
a greedy assignment of sites (largest first) to the fold with the fewest pages, ties broken by a
hash of the site, so the split does not depend on the order pages are read in.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def _bench_dir() -> Path:
    """``$CLEANER_BENCHMARK_DIR``, else the first ``shared/benchmark`` beside the checkout or above it."""
    if os.environ.get("CLEANER_BENCHMARK_DIR"):
        return Path(os.environ["CLEANER_BENCHMARK_DIR"])
    for parent in ROOT.parents:
        if (parent / "shared" / "benchmark").is_dir():
            return parent / "shared" / "benchmark"
    return ROOT.parent / "shared" / "benchmark"


BENCH = _bench_dir()
SETS = {"aeb": BENCH / "dev" / "pages.jsonl", "trafeval": BENCH / "trafeval-dev" / "pages.jsonl"}

_PLATFORMS = {"wordpress.com", "blogspot.com", "blogspot.de", "tumblr.com", "medium.com", "typepad.com"}
_TLDS = {"com", "org", "net", "info", "de", "at", "ch", "fr", "es", "it", "pl", "nl", "ru", "uk", "pa", "eu", "us", "be", "br", "pt"}
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gob"}


def _registrable(host: str) -> str:
    parts = host.lower().rstrip(".").split(".")
    if parts and parts[0] == "www":
        parts = parts[1:]
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL:
        base = ".".join(parts[-3:])
    else:
        base = ".".join(parts[-2:])
    if base in _PLATFORMS and len(parts) > len(base.split(".")):
        return ".".join(parts[-len(base.split(".")) - 1:])
    return base


def site_of(page: dict) -> str:
    url = page.get("source_url") or page.get("url") or ""
    if url.startswith("hard::"):
        name = url[len("hard::"):].removesuffix(".html")
        # 'diaadia.com.pa-ulpiano' -> 'diaadia.com.pa'; 'pcgamer.com.skyrim' -> 'pcgamer.com'
        labels = name.split("-")[0].split(".")
        for i in range(1, len(labels)):
            if labels[i] in _TLDS:
                end = i + 1
                if end < len(labels) and labels[i] in _SECOND_LEVEL and len(labels[end]) == 2:
                    end += 1
                return _registrable(".".join(labels[:end]))
        return name
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.endswith("archive.org") and parts.path.startswith("/web/"):
        inner = parts.path.split("/", 3)[3] if parts.path.count("/") >= 3 else ""
        inner_host = urlsplit(inner if "://" in inner else "http://" + inner).hostname
        if inner_host:
            host = inner_host
    return _registrable(host) if host else page.get("id", "")


def load_pages(name: str) -> list[dict]:
    with SETS[name].open(encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    for p in pages:
        p["set"] = name
        p["site"] = site_of(p)
    return pages


def load_dev_pages() -> list[dict]:
    """Both dev sets, the article benchmark first, each page with ``set`` and ``site`` added."""
    return load_pages("aeb") + load_pages("trafeval")


def assign_folds(pages: list[dict], k: int = 5) -> dict[str, int]:
    """Page id -> fold in ``range(k)``; every page of a site is in the same fold."""
    sizes: dict[str, int] = {}
    for p in pages:
        s = p.get("site") or site_of(p)
        sizes[s] = sizes.get(s, 0) + 1
    key = lambda s: (-sizes[s], hashlib.sha256(s.encode()).hexdigest())  # noqa: E731
    load = [0] * k
    fold_of_site: dict[str, int] = {}
    for s in sorted(sizes, key=key):
        f = min(range(k), key=lambda i: (load[i], i))
        fold_of_site[s] = f
        load[f] += sizes[s]
    return {p["id"]: fold_of_site[p.get("site") or site_of(p)] for p in pages}
