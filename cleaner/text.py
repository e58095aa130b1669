"""Small text helpers shared by the stages: word counting and sentence-shape tests."""

from __future__ import annotations

import regex

WORD = regex.compile(r"\w+")
# A line that ends like a sentence: terminal punctuation, optionally followed by closing quotes/brackets.
SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*$")


def count_words(text: str) -> int:
    """Number of ``\\w+`` tokens (the unit the benchmarks count in)."""
    return len(WORD.findall(text))


def words(text: str) -> list[str]:
    return WORD.findall(text)


_TERMINAL = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (``.``, ``?``, ``!``, ``…``), quotes allowed after it.

    The same test as ``SENTENCE_END.search(text.rstrip())``, without scanning the whole text.

    >>> ends_sentence("He left."), ends_sentence('"He left."'), ends_sentence("He left")
    (True, True, False)
    """
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINAL


_CACHEABLE_CHARS = 1000


def short_text_cache(maxsize: int):
    """Memoise a pure function of one text argument, for short texts only.

    Rules ask the same shape questions of a paragraph several times; caching
    the answers saves that work. Only texts of at most 1,000 characters are
    kept, so the cache holds at most ``maxsize`` KB-sized strings whatever the
    corpus: memory stays bounded on documents with huge paragraphs.

    >>> @short_text_cache(8)
    ... def shout(text): return text.upper()
    >>> shout("abc"), shout("x" * 2000) == "X" * 2000
    ('ABC', True)
    """
    from functools import lru_cache, wraps

    def decorate(fn):
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def wrapper(text):
            return cached(text) if len(text) <= _CACHEABLE_CHARS else fn(text)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
