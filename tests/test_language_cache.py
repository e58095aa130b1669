"""The language model's decompressed arrays are cached and memory-mapped: the same identification as the
packaged model, an entry written whole or not at all, and the packaged model whenever the cache cannot be used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import language

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TEXTS = [
    "The minister said on Monday that the talks would resume next week in Geneva.",
    "Die Regierung hat am Montag neue Maßnahmen angekündigt, die den Wohnungsmarkt entlasten sollen.",
    "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
    "El Gobierno aprobó el martes un paquete de medidas para frenar la subida de los precios.",
    "Правительство объявило о новых мерах поддержки в понедельник вечером.",
    "政府は月曜日に新しい経済対策を発表した。", "ok", "", "12 34 56 78 90", "ÀÉÎÕÜ " * 30,
    "Mixed text: the talks, die Gespräche, les négociations, las conversaciones, i colloqui.",
]


def _packaged():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _model() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return MODEL_DIR / MODEL_FILE


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def cached(cache_dir):
    os.environ[language._CACHE_ENV] = str(cache_dir)
    try:
        ident = language._cached_identifier(_model())
    finally:
        del os.environ[language._CACHE_ENV]
    assert ident is not None
    return ident


def test_cached_model_identifies_exactly_as_the_packaged_one(cached):
    packaged = _packaged()
    texts = TEXTS + [p.read_text(encoding="utf-8")[:n] for p in sorted(SEEDS.glob("*.txt")) for n in (250, 1200)]
    for text in texts:
        assert cached.classify(text) == packaged.classify(text), text[:60]
        assert cached.rank(text) == packaged.rank(text), text[:60]
    assert isinstance(cached.tk_nextmove, memoryview)  # mapped, not decompressed again


def test_entry_is_written_once_and_whole(cache_dir, cached):
    entries = list(cache_dir.iterdir())
    assert [e.name for e in entries] == [language._model_key(_model())]  # no temporary directory left behind
    files = {p.name: p.stat().st_mtime_ns for p in entries[0].iterdir()}
    assert set(files) == {f"{n}.npy" for n in language._ARRAYS} | {"classes.json"}
    # a second writer (another process that raced this one) leaves the entry as it was
    language._write_cache(entries[0], _model())
    assert {p.name: p.stat().st_mtime_ns for p in entries[0].iterdir()} == files
    assert [e.name for e in cache_dir.iterdir()] == [entries[0].name]


def test_unusable_cache_falls_back_to_the_packaged_model(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(language._CACHE_ENV, str(blocker / "cache"))
    assert language._cached_identifier(_model()) is None
    monkeypatch.setenv(language._CACHE_ENV, "")
    assert language.model_cache_dir() is None and language._cached_identifier(_model()) is None


def test_damaged_entry_is_not_read(tmp_path, monkeypatch, cached, cache_dir):
    import shutil

    entry = tmp_path / language._model_key(_model())
    shutil.copytree(cache_dir / entry.name, entry)
    with (entry / "nextmove.npy").open("r+b") as f:
        f.truncate(1000)
    monkeypatch.setenv(language._CACHE_ENV, str(tmp_path))
    assert language._cached_identifier(_model()) is None
    # ... and is removed, so that the next load writes it anew and maps it
    assert not entry.exists()
    again = language._cached_identifier(_model())
    assert again is not None and again.classify(TEXTS[2]) == _packaged().classify(TEXTS[2])


def test_a_new_process_loads_the_cached_model_and_agrees(cache_dir, cached):
    code = ("import sys; from cleaner.language import _identifier, detect_language; "
            "print(type(_identifier().tk_nextmove).__name__, detect_language(sys.argv[1]))")
    env = {**os.environ, language._CACHE_ENV: str(cache_dir)}
    proc = subprocess.run([sys.executable, "-c", code, TEXTS[1]], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["memoryview", "de"]
