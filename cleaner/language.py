"""Language identification with py3langid (a small model that ships inside the package, no download)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["detect_language"]

_SAMPLE_CHARS = 1200  # enough for a confident guess; classifying costs time per character
_QUICK_CHARS = 250  # a first, shorter sample: most texts are settled by it
_QUICK_PROBABILITY = 0.99  # how sure the short sample must be to settle the text
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
