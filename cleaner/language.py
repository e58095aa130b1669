"""Language identification with py3langid (a small model that ships inside the package, no download)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["detect_language", "model_cache_dir"]

_SAMPLE_CHARS = 1200  # enough for a confident guess; classifying costs time per character
_QUICK_CHARS = 250  # a first, shorter sample: most texts are settled by it
_QUICK_PROBABILITY = 0.99  # how sure the short sample must be to settle the text
_MIN_WORDS = 5
_MIN_PROBABILITY = 0.5


# py3langid ships its model as an LZMA-compressed .npz: decompressing it costs about 0.4 s of CPU in every
# process that identifies a language. The decompressed arrays are kept once in the user's cache directory as
# .npy files and memory-mapped from there: loading takes a few milliseconds, and the pages are shared by every
# process (the worker pool's server and the workers it starts) through the page cache. The arrays are the ones
# py3langid itself loads, so the identification is the same.
_ARRAYS = ("ptc", "pc", "nextmove", "nextmove_row", "out_feat")
_CACHE_ENV = "CLEANER_CACHE_DIR"  # set to another directory, or to "" to load the packaged model every time


def model_cache_dir() -> Path | None:
    """Where the decompressed language model is kept: ``$CLEANER_CACHE_DIR``, else the user cache directory
    (platformdirs: ``~/.cache/cleaner`` on Linux, ``~/Library/Caches/cleaner`` on macOS,
    ``%LOCALAPPDATA%\\cleaner\\Cache`` on Windows); None when caching is off (``CLEANER_CACHE_DIR=""``)."""
    if _CACHE_ENV in os.environ:
        return Path(os.environ[_CACHE_ENV]) if os.environ[_CACHE_ENV] else None
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # the XDG location platformdirs gives on Linux
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "cleaner"
    return Path(user_cache_dir("cleaner", appauthor=False))


def _model_key(model: Path) -> str:
    """The cache entry's name: py3langid's version and the packaged model's SHA-256 (about 10 ms), so that
    another model or another layout of its arrays never reads an old entry."""
    import py3langid

    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    return f"py3langid-{getattr(py3langid, '__version__', 'unknown')}-{digest}"


def _write_cache(entry: Path, model: Path) -> None:
    """Decompress ``model`` into ``entry``: written in a temporary directory beside it and renamed into
    place, so a reader sees the whole entry or none (two processes writing at once: one rename wins)."""
    import io
    import lzma
    import zipfile

    import numpy as np

    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=entry.name + ".tmp-", dir=entry.parent))
    try:
        # The .npz is a zip of .npy members, read as arrays of numbers and strings only (no pickled objects).
        with lzma.open(model) as src, zipfile.ZipFile(io.BytesIO(src.read())) as npz:
            for name in (*_ARRAYS, "classes"):
                with npz.open(f"{name}.npy") as member:
                    arr = np.lib.format.read_array(member, allow_pickle=False)
                if name == "classes":
                    (tmp / "classes.json").write_text(json.dumps(arr.tolist()), encoding="utf-8")
                else:
                    np.save(tmp / f"{name}.npy", arr, allow_pickle=False)
        try:
            os.rename(tmp, entry)
        except OSError:  # another process put the entry in place first
            if not (entry / "classes.json").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _discard(entry: Path | None) -> None:
    """Remove a damaged entry (entries appear only whole, by rename), so that the next process writes it anew."""
    if entry is not None and (entry / "classes.json").is_file():
        shutil.rmtree(entry, ignore_errors=True)


def _view(arr: Any) -> memoryview:
    """A DFA table as py3langid's loader gives it (an unsigned array indexed per byte), zero-copy."""
    return memoryview(arr).cast("B").cast({2: "H", 4: "I", 8: "L"}[arr.dtype.itemsize])


def _cached_identifier(model: Path) -> Any:
    """py3langid's identifier built from the memory-mapped arrays, or None when there is no usable cache."""
    base = model_cache_dir()
    if base is None:
        return None
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    entry = None  # the model's key is read (and hashed) once; unknown if that fails
    try:
        entry = base / _model_key(model)
        if not (entry / "classes.json").is_file():
            _write_cache(entry, model)
        # open_memmap maps numeric arrays only (it refuses a dtype holding Python objects)
        a = {name: np.lib.format.open_memmap(entry / f"{name}.npy", mode="r") for name in _ARRAYS}
        classes = json.loads((entry / "classes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, EOFError):  # an unwritable or damaged cache: the packaged model, as before
        _discard(entry)
        return None
    states = len(a["out_feat"])
    if (a["nextmove_row"].shape != (states,) or a["ptc"].shape[1:] != (len(classes),)
            or a["pc"].shape != (len(classes),) or a["nextmove"].size % 256):
        _discard(entry)
        return None
    # What py3langid.modelio.load_model hands LanguageIdentifier: the same arrays, the DFA tables as views
    # of the mapped files (indexing a memoryview is as fast as the stdlib array the loader copies them into).
    return LanguageIdentifier(np.asarray(a["ptc"]), np.asarray(a["pc"]), classes, _view(a["nextmove"]),
                              a["out_feat"].tolist(), norm_probs=True, tk_row=_view(a["nextmove_row"]))


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    cached = _cached_identifier(MODEL_DIR / MODEL_FILE)
    if cached is not None:
        return cached
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short or the guess is weak.

    >>> detect_language("The minister said the talks would resume next week in Geneva.")
    'en'
    >>> detect_language("ok") is None
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if len(sample.split(None, _MIN_WORDS)) < _MIN_WORDS:
        return None
    identifier = _identifier()
    if len(sample) > _QUICK_CHARS:
        # Classifying costs time per character: a short sample settles a text it is sure of.
        lang, prob = identifier.classify(sample[:_QUICK_CHARS])
        if prob >= _QUICK_PROBABILITY:
            return lang
    lang, prob = identifier.classify(sample)
    return lang if prob >= _MIN_PROBABILITY else None
