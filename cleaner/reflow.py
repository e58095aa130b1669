"""Paragraphs from normalised lines: blocks, re-flow of hard-wrapped text, de-hyphenation.

A *block* is a run of non-blank lines. In a document that is hard-wrapped (most
long lines stop near one width and many break mid-sentence) the lines of a block
are joined back into paragraphs: a line is continued by the next one when the
next line's first word would not have fitted on it. After a sentence end, an
indented line starts a new paragraph, and so does a short line that does not end
a sentence (a label such as "Views: 274" left between wrapped paragraphs). A
word split by a line-end hyphen is joined ("mar-" + "ket" -> "market") unless
it is a real compound.

In a document that is not hard-wrapped every line is its own paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .text import _CLOSERS, _TERMINAL, ends_sentence

__all__ = ["Paragraph", "paragraphs", "wrap_width"]

# How close to the wrap width a line must come (with the next word) to count as wrapped.
_FILL = 0.8
_MAX_WRAP_WIDTH = 140
_SPLIT_WORD = regex.compile(r"(\p{L}+)-$")
_FIRST_WORD = regex.compile(r"^(\p{Ll}+)")
# The words of the document, hyphenated compounds whole: what de-hyphenation checks a join against.
_WORD = regex.compile(r"\p{L}+(?:-\p{L}+)*")
# First parts that make real compounds when they end a line with a hyphen ("long-term", "self-made").
_COMPOUND_HEADS = frozenset(
    """all anti co counter cross ex far full half high long low mid multi non
    off one two three four five six seven eight nine ten first second third old over post pre pro
    quasi re self semi short so sub super under well wide year world""".split()
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the document, as the rules see it."""

    text: str
    block: int  # index of the blank-line separated block it came from
    line: int  # 0-based number of its first line in the normalised text
    indented: bool = False


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped document was wrapped at, or None when it is not hard-wrapped.

    >>> wrap_width(["a" * 30 + " end.", "short"]) is None
    True
    """
    return _wrap_width([line.strip() for line in lines])


def _wrap_width(stripped: list[str]) -> int | None:
    lengths = [len(s) for s in stripped if len(s) >= 20]
    if len(lengths) < 4:
        return None
    width = max(lengths)
    if width > _MAX_WRAP_WIDTH:
        return None
    long_lines = [s for s in stripped if len(s) >= _FILL * width]
    if len(long_lines) < 3 or len(long_lines) < 0.4 * len(lengths):
        return None
    mid_sentence = sum(1 for s in long_lines if not ends_sentence(s))
    if mid_sentence < 0.5 * len(long_lines):
        return None
    return width


def _join(left: str, right: str, text_words: frozenset[str] | None) -> str:
    """Join two wrapped lines, undoing a line-end hyphenation when it split a word.

    >>> _join("a fine mar-", "ket here", None)
    'a fine market here'
    >>> _join("a long-", "term plan", None)
    'a long-term plan'
    >>> _join("Trans-", "Siberian", None)
    'Trans-Siberian'
    """
    parts = [left]
    _join_parts(parts, right, text_words)
    return "".join(parts)


def _split_head(parts: list[str]) -> str | None:
    """``_SPLIT_WORD.search("".join(parts)).group(1)``, reading only as many parts from the end as the word needs.

    The parts are the lines (and joining spaces) of the paragraph so far: searching the whole
    paragraph at every joined line made re-flowing one long wrapped paragraph quadratic.
    """
    if not parts[-1].endswith("-"):
        return None
    i = len(parts) - 1
    tail = parts[i]
    while True:
        m = _SPLIT_WORD.search(tail)
        if m is None:
            return None
        if m.start() > 0 or i == 0:
            return m.group(1)
        i -= 1  # the letters before the hyphen may go on into the part before (a joined "mar-" + "ket-")
        tail = parts[i] + tail


def _join_parts(parts: list[str], right: str, text_words: frozenset[str] | None) -> None:
    """Append ``right`` to the paragraph held as ``parts`` the way :func:`_join` joins two lines."""
    head = _split_head(parts)
    first = _FIRST_WORD.match(right)
    if head is not None and first:
        tail = first.group(1)
        whole = head + tail
        hyphenated = f"{head}-{tail}"
        if text_words is not None and hyphenated.lower() in text_words and whole.lower() not in text_words:
            parts.append(right)
            return
        if text_words is not None and whole.lower() in text_words:
            parts[-1] = parts[-1][:-1]
            parts.append(right)
            return
        if head.lower() in _COMPOUND_HEADS or not head.islower():
            parts.append(right)
            return
        parts[-1] = parts[-1][:-1]
        parts.append(right)
        return
    if head is not None and right[:1].isalpha():
        parts.append(right)  # "Trans-" + "Siberian": a capitalised second part is a compound
        return
    parts.append(" ")
    parts.append(right)


def _parts_end_sentence(parts: list[str]) -> bool:
    """``ends_sentence("".join(parts))``, from the last part when it decides."""
    last = parts[-1].rstrip().rstrip(_CLOSERS)
    if last:
        return last[-1] in _TERMINAL
    return ends_sentence("".join(parts))


def paragraphs(lines: list[str]) -> list[Paragraph]:
    """Split normalised lines into paragraphs (see the module docstring)."""
    stripped = [line.strip() for line in lines]
    width = _wrap_width(stripped)
    text_words = None
    if width is not None and any(s.endswith("-") for s in stripped):
        # Only a line-end hyphen needs the document's words (see _join).
        text_words = frozenset(w.lower() for w in _WORD.findall("\n".join(lines)))
    out: list[Paragraph] = []
    block = -1
    current: list[str] | None = None  # the paragraph so far: its lines and the spaces that join them
    last_len = 0  # length of the last physical line of `current`
    start = 0
    indented = False
    prev_blank = True
    for number, raw in enumerate(lines):
        line = stripped[number]
        if not line:
            if current is not None:
                out.append(Paragraph("".join(current), block, start, indented))
                current = None
            prev_blank = True
            continue
        if prev_blank:
            block += 1
        prev_blank = False
        line_indented = raw[:1] == " "
        if current is not None and width is not None and _continues(current, last_len, line, line_indented, width):
            _join_parts(current, line, text_words)
            last_len = len(line)
            continue
        if current is not None:
            out.append(Paragraph("".join(current), block, start, indented))
        current, last_len, start, indented = [line], len(line), number, line_indented
    if current is not None:
        out.append(Paragraph("".join(current), block, start, indented))
    return out


def _continues(current: list[str], last_len: int, line: str, line_indented: bool, width: int) -> bool:
    """Whether ``line`` continues ``current``: its first word would not have fitted on the previous line.

    After a sentence end, an indented line starts a new paragraph, and so does a short
    line that does not end a sentence itself: a label, a heading or a widget line
    ("Views: 274", "Share this:") rather than the last line of a paragraph.
    """
    first_word = line.split(" ", 1)[0]
    if last_len + 1 + len(first_word) < _FILL * width:
        return False
    if _parts_end_sentence(current):
        if line_indented or (len(line) < _FILL * width and not ends_sentence(line)):
            return False
    return True
