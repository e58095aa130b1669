"""Language identification with py3langid (a small model that ships inside the package, no download)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["detect_language"]

_SAMPLE_CHARS = 1200  # enough for a confident guess; classifying costs time per character
_MIN_WORDS = 5
_MIN_PROBABILITY = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short or the guess is weak.

    >>> detect_language("The minister said the talks would resume next week in Geneva.")
    'en'
    >>> detect_language("ok") is None
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if len(sample.split()) < _MIN_WORDS:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= _MIN_PROBABILITY else None
