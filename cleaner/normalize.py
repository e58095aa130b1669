"""Unicode and whitespace normalisation: the first stage of every run.

``normalize_text`` turns raw scraped text into clean lines:

* mojibake and other Unicode damage are repaired with ``ftfy``, but only on the
  lines that can need it (non-ASCII, ``&`` for HTML entities, control
  characters): ASCII lines are already what ftfy would return, and ftfy is the
  most expensive step of the pipeline;
* text is NFC-normalised; typographic quotes and dashes are kept unless the
  configuration asks to ASCII-fold;
* every Unicode space (NBSP, thin space, ideographic space, ...) becomes a plain
  space, runs of spaces become one, trailing spaces go;
* control and zero-width characters, soft hyphens and the BOM go;
* CRLF, CR and the Unicode line/paragraph separators become LF.

Leading indentation is kept (as plain spaces): paragraph re-flow uses it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import ftfy
import regex

__all__ = ["normalize_text", "needs_ftfy", "fix_line"]

_LINE_BREAKS = regex.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Everything Unicode calls a space separator, plus tab.
_SPACES = regex.compile(r"[\t\p{Zs}]+")
# C0/C1 controls (not LF), zero-width characters, soft hyphen, BOM, bidi marks that scrapers leave.
_INVISIBLE = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters that make a line worth sending to ftfy: anything outside printable ASCII, or '&' (HTML entities).
_NEEDS_FTFY = regex.compile(r"[^\t\x20-\x25\x27-\x7e]")


@lru_cache(maxsize=4)
def _ftfy_config(ascii_fold: bool) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        uncurl_quotes=ascii_fold,
        fix_line_breaks=False,  # done here, once, before lines are split
        normalization="NFKC" if ascii_fold else "NFC",
        explain=False,
    )


def needs_ftfy(line: str) -> bool:
    """True when ``line`` has anything ftfy could change (non-ASCII, ``&``, control characters).

    >>> needs_ftfy("Plain ASCII text.")
    False
    >>> needs_ftfy("Trumpâ€™s")
    True
    """
    return _NEEDS_FTFY.search(line) is not None


def fix_line(line: str, ascii_fold: bool = False) -> str:
    r"""Repair one line with ftfy and normalise its spaces and invisible characters.

    >>> fix_line("Trumpâ€™s  surprise\u00a0decision")
    'Trump’s surprise decision'
    >>> fix_line("“quoted” — dash", ascii_fold=True)
    '"quoted" - dash'
    """
    if needs_ftfy(line):
        line = ftfy.fix_text(line, _ftfy_config(ascii_fold))
        line = _INVISIBLE.sub("", line)
        if ascii_fold:
            line = _ascii_fold(line)
    line = _SPACES.sub(" ", line)
    return line.rstrip()


_FOLD = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "…": "...", "‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def _ascii_fold(line: str) -> str:
    line = line.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", line)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_text(raw: str, ascii_fold: bool = False) -> list[str]:
    r"""Normalise ``raw`` and return its lines (indentation kept, trailing spaces removed).

    >>> normalize_text("\ufeffOne\r\n  two\u00a0 words\rthree\u200b")
    ['One', '  two words', 'three']
    """
    raw = _LINE_BREAKS.sub("\n", raw)
    lines = raw.split("\n")
    out = []
    for line in lines:
        if needs_ftfy(line):
            line = _INVISIBLE.sub("", line)
        out.append(fix_line(line, ascii_fold))
    return out
