"""Unicode and whitespace normalisation: the first stage of every run.

``normalize_text`` turns raw scraped text into clean lines:

* mojibake and other Unicode damage are repaired with ``ftfy``, line by line,
  but only on the lines ftfy would change (see below): ftfy is the most
  expensive step of the pipeline and most lines need nothing from it;
* text is NFC-normalised; typographic quotes and dashes are kept unless the
  configuration asks to ASCII-fold;
* every Unicode space (NBSP, thin space, ideographic space, ...) becomes a plain
  space, runs of spaces become one, trailing spaces go;
* control and zero-width characters, soft hyphens and the BOM go (C1 controls,
  soft hyphens and no-break spaces only after the repair: they are part of many
  mojibake sequences, "â€\x9d" is "”" and "Ã\xad" is "í");
* CRLF, CR and the Unicode line/paragraph separators become LF, also when an
  HTML entity (``&#13;``) or a repaired character produces them.

Leading indentation is kept (as one plain space): paragraph re-flow uses it.

Which lines ftfy would change is decided without running it. ftfy's fixers
(ftfy 6) change a line only when it (a) looks like mojibake to
``ftfy.badness.is_bad``, (b) holds an HTML entity, (c) holds a character one of
its character tables rewrites (C1 controls, ligatures, full-width forms,
control characters, surrogates, and curly quotes when quotes are uncurled), or
(d) is not in the configured Unicode normal form. :func:`ftfy_would_change`
tests exactly these conditions, so skipping the other lines gives the same
output as sending every line to ftfy. ``is_bad`` is a large regular expression
and slow on long text; every one of its alternatives contains a non-ASCII
character (most of them two adjacent ones) and spans at most a few characters,
so it is run only on short windows around the places where a match can start.

A repaired line, or one that lost an invisible character, can show damage ftfy
did not see in it before; the repair then runs again (at most three passes in
all), so that normalising a normalised text changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy
from ftfy import chardata
from ftfy.badness import BADNESS_RE

__all__ = ["normalize_text", "needs_ftfy", "ftfy_would_change", "fix_line"]

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Everything Unicode calls a space separator (general category Zs), plus tab.
_OTHER_SPACES = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[ {_OTHER_SPACES}]+")
# The same runs, less those that are already one plain space (replacing them changes nothing).
_ODD_SPACES = re.compile(f"[{_OTHER_SPACES}][ {_OTHER_SPACES}]*| [ {_OTHER_SPACES}]+")
# C0/C1 controls (not LF), zero-width characters, soft hyphen, BOM, bidi marks that scrapers leave.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The invisible characters that are never part of mojibake (C1 controls and the soft hyphen can be).
_INVISIBLE_PLAIN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Spaces that are neither a plain space, a tab nor a no-break space (which is part of some mojibake).
_RARE_SPACES = re.compile(r"[\u1680\u2000-\u200a\u202f\u205f\u3000]")
# One search for either (most texts have neither).
_PLAIN_OR_RARE = re.compile(_INVISIBLE_PLAIN.pattern[:-1] + _RARE_SPACES.pattern[1:])
_BREAK_CHARS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c]")
_NOT_PLAIN_SPACE = re.compile(f"[{_OTHER_SPACES}]")


def _collapse_spaces(text: str) -> str:
    """``_SPACES.sub(" ", text)``, skipping the work when every space is already a single plain one."""
    if "  " in text or _NOT_PLAIN_SPACE.search(text) is not None:
        return _ODD_SPACES.sub(" ", text)
    return text


# Passes of repair at most (see _clean_unicode); the second one almost never changes anything.
_MAX_PASSES = 3
# Characters that make a line worth looking at for ftfy: anything outside printable ASCII, or '&' (HTML entities).
_NEEDS_FTFY = re.compile(r"[^\t\x20-\x25\x27-\x7e]")
_TEXT_NEEDS_FTFY = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")
_MAX_SEGMENT = ftfy.TextFixerConfig().max_decode_length


def _char_class(codepoints: set[int]) -> str:
    """A regular-expression character class for ``codepoints`` (consecutive ones as ranges)."""
    parts: list[str] = []
    points = sorted(codepoints)
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        parts.append(f"\\U{points[i]:08x}" if i == j else f"\\U{points[i]:08x}-\\U{points[j]:08x}")
        i = j + 1
    return "[" + "".join(parts) + "]"


def _keys(table) -> set[int]:
    return {k if isinstance(k, int) else ord(k) for k in table}


# Characters that ftfy's character-level fixers rewrite: C1 controls, ligatures, full-width
# forms, control characters (ESC starts terminal escapes), surrogates. Curly quotes are added
# when quotes are uncurled.
_TABLE_CHARS = (
    set(range(0x80, 0xA0)) | _keys(chardata.LIGATURES) | _keys(chardata.WIDTH_MAP)
    | _keys(chardata.CONTROL_CHARS) | set(range(0xD800, 0xE000)) | {0x1B}
)
_QUOTE_CHARS = {0x02BC} | set(range(0x2018, 0x2020))
_TOUCHED_CHARS = {
    False: re.compile(_char_class(_TABLE_CHARS)),
    True: re.compile(_char_class(_TABLE_CHARS | _QUOTE_CHARS)),
}
_ENTITY = chardata.HTML_ENTITY_RE


def _badness_plan() -> tuple[int, str] | None:
    """How to run ftfy's badness pattern on short windows only, or None to run it on whole lines.

    Returns ``(width, singles)``: no match of the pattern is longer than ``width``, and
    every match holds two adjacent non-ASCII characters or one of the characters in
    ``singles`` (a character class). Both facts are read from the pattern itself.
    """
    try:
        try:
            from re import _constants as sre_c  # Python >= 3.11
            from re import _parser as sre_parse
        except ImportError:  # pragma: no cover
            import sre_constants as sre_c  # type: ignore[no-redef]
            import sre_parse  # type: ignore[no-redef]

        def non_ascii_chars(op, av) -> set[int] | None:
            """The characters an item matches when they are all non-ASCII (else None)."""
            if op == sre_c.LITERAL:
                return {av} if av >= 0x80 else None
            if op != sre_c.IN:
                return None
            chars: set[int] = set()
            for member_op, member in av:
                if member_op == sre_c.LITERAL and member >= 0x80:
                    chars.add(member)
                elif member_op == sre_c.RANGE and member[0] >= 0x80:
                    chars.update(range(member[0], member[1] + 1))
                else:
                    return None
            return chars

        tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        items = list(tree)
        branches = items[0][1][1] if len(items) == 1 and items[0][0] == sre_c.BRANCH else [tree]
        singles: set[int] = set()
        for branch in branches:
            sets = [non_ascii_chars(op, av) for op, av in branch]
            if any(a is not None and b is not None for a, b in zip(sets, sets[1:])):
                continue  # every match of this branch holds two adjacent non-ASCII characters
            first = next((chars for chars in sets if chars is not None), None)
            if first is None:
                return None
            singles |= first
        width = tree.getwidth()[1]
        return (width, _char_class(singles)) if width <= 64 and singles else None
    except Exception:  # pragma: no cover - a future pattern the parser reads differently
        return None


_PLAN = _badness_plan()
if _PLAN is not None:
    _WINDOW = _PLAN[0]
    # Where a match of the badness pattern can be: two adjacent non-ASCII characters or a "single".
    _BAD_HINT = re.compile(r"[^\x00-\x7f](?:[^\x00-\x7f]|(?<=" + _PLAN[1] + "))")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searching only near the places a match can be."""
    if _PLAN is None:
        return BADNESS_RE.search(text) is not None
    search = BADNESS_RE.search
    window = _WINDOW
    # Windows that overlap are searched as one: a line of Cyrillic or CJK text has a place on
    # every character, and one search over the run costs far less than one per place.
    start = end = -1
    for m in _BAD_HINT.finditer(text):
        a = m.start() - window
        if a <= end:
            end = m.end() + window
            continue
        if end >= 0 and search(text, start, end) is not None:
            return True
        start, end = max(0, a), m.end() + window
    return end >= 0 and search(text, start, end) is not None


# Full-width punctuation (，；：（）！？) is the ordinary punctuation of Chinese and Japanese text: next to a
# CJK character it is kept, elsewhere it is narrowed like every other full-width form (ftfy narrows them all).
_WIDE_PUNCTUATION = frozenset(
    k for k in range(0xFF01, 0xFF5F) if unicodedata.category(chr(k))[0] in "PS" and k in chardata.WIDTH_MAP
)
_WIDTH_FORMS = re.compile(_char_class(_keys(chardata.WIDTH_MAP)))
_CJK = re.compile(r"[\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
                  r"\uac00-\ud7af\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")


def _narrow(m: re.Match) -> str:
    ch = m.group()
    if ord(ch) in _WIDE_PUNCTUATION:
        text, i = m.string, m.start()
        if (i > 0 and _CJK.match(text, i - 1)) or _CJK.match(text, i + 1):
            return ch
    return chardata.WIDTH_MAP[ord(ch)]


def fix_width(line: str) -> str:
    """ftfy's width fix, except that full-width punctuation next to a CJK character stays.

    >>> fix_width("一个约定，信守15年；Ａｂｃ１２３，ok")
    '一个约定，信守15年；Abc123,ok'
    """
    return _WIDTH_FORMS.sub(_narrow, line)


@lru_cache(maxsize=4)
def _ftfy_config(ascii_fold: bool) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        uncurl_quotes=ascii_fold,
        # Folding to ASCII narrows everything (NFKC); otherwise fix_width does it after ftfy.
        fix_character_width=ascii_fold,
        fix_line_breaks=False,  # done here, once, before lines are split
        normalization="NFKC" if ascii_fold else "NFC",
        explain=False,
    )


def needs_ftfy(line: str) -> bool:
    """True when ``line`` has anything ftfy could look at (non-ASCII, ``&``, control characters).

    >>> needs_ftfy("Plain ASCII text.")
    False
    >>> needs_ftfy("Trumpâ€™s")
    True
    """
    return _NEEDS_FTFY.search(line) is not None


def ftfy_would_change(line: str, ascii_fold: bool = False) -> bool:
    """True when ftfy (as configured here) could change ``line``; False means it returns ``line`` unchanged.

    >>> ftfy_would_change("Trump’s “surprise” decision — in Zürich")
    False
    >>> ftfy_would_change("Trumpâ€™s"), ftfy_would_change("caf&eacute;"), ftfy_would_change("ﬁne")
    (True, True, True)
    >>> ftfy_would_change("“quoted”", ascii_fold=True)
    True
    """
    if len(line) > _MAX_SEGMENT:
        return True
    if _TOUCHED_CHARS[ascii_fold].search(line) is not None or ("&" in line and _ENTITY.search(line) is not None):
        return True
    if not unicodedata.is_normalized("NFKC" if ascii_fold else "NFC", line):
        return True
    return _is_bad(line)


def fix_line(line: str, ascii_fold: bool = False) -> str:
    r"""Repair one line with ftfy and normalise its spaces and invisible characters.

    >>> fix_line("Trumpâ€™s  surprise\u00a0decision")
    'Trump’s surprise decision'
    >>> fix_line("“quoted” — dash", ascii_fold=True)
    '"quoted" - dash'
    """
    if needs_ftfy(line):
        line = _clean_unicode(line, ascii_fold)
    line = _SPACES.sub(" ", line)
    return line.rstrip()


_FOLD = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "…": "...", "‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def _ascii_fold(text: str) -> str:
    """Quotes and dashes by the table above (« » become '"', not anyascii's '<<' '>>'), everything
    else by anyascii's transliteration: Ł -> L, ß -> ss, Ø -> O, Москва -> Moskva, 北京 -> BeiJing.

    >>> _ascii_fold("«Łódź», Straße — Øresund, Москва")
    '"Lodz", Strasse - Oresund, Moskva'
    """
    text = text.translate(_FOLD)
    if text.isascii():
        return text
    from anyascii import anyascii

    return anyascii(text)


def _suspect_lines(pattern: re.Pattern, text: str, found: set[int]) -> None:
    """Add to ``found`` the start of every line of ``text`` where ``pattern`` matches.

    After a match the search goes on from the next line, so a line is read once however
    many matches it holds (a line of Cyrillic or CJK text holds one per character), and
    looking back for the line's start never reads past where the search started.
    """
    search = pattern.search
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        i = text.rfind("\n", pos, m.start())
        found.add(i + 1 if i >= 0 else pos)  # pos is always the start of a line
        end = text.find("\n", m.end())
        if end < 0:
            return
        pos = end + 1


def _repair(text: str, ascii_fold: bool, ran: list[int] | None = None) -> tuple[str, bool, bool]:
    """Send the lines of ``text`` that ftfy would change to ftfy; the others are kept as they are.

    Only the lines holding a character or entity ftfy rewrites, or a place where
    its badness pattern can match, are looked at (every line with a non-ASCII
    character when the text is not in the normal form, and lines longer than
    ftfy's segment): :func:`ftfy_would_change` is false on every other line. Returns the text, whether ftfy changed it, and
    whether it left a line unchanged that it could have changed. The number of every
    line ftfy was run on is added to ``ran`` when it is given.
    """
    found: set[int] = set()
    _suspect_lines(_TOUCHED_CHARS[ascii_fold], text, found)
    if "&" in text:
        _suspect_lines(_ENTITY, text, found)
    if _PLAN is None or not unicodedata.is_normalized("NFKC" if ascii_fold else "NFC", text):
        # A line out of the normal form holds a non-ASCII character (ASCII is always normal).
        _suspect_lines(_NON_ASCII, text, found)
    else:
        _suspect_lines(_BAD_HINT, text, found)
    if len(text) > _MAX_SEGMENT:
        # ftfy_would_change says yes to any line longer than ftfy's segment.
        pos = 0
        while pos <= len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if end - pos > _MAX_SEGMENT:
                found.add(pos)
            pos = end + 1
    if not found:
        return text, False, False
    starts = sorted(found)
    config = _ftfy_config(ascii_fold)
    pieces: list[str] = []
    done = 0
    unresolved = False
    number = 0  # the number of the line at `counted`
    counted = 0
    for start in starts:
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        if line and ftfy_would_change(line, ascii_fold):
            if ran is not None:
                number += text.count("\n", counted, start)
                counted = start
                ran.append(number)
            fixed = ftfy.fix_text(line, config)
            if not ascii_fold:
                fixed = fix_width(fixed)
            if fixed != line:
                pieces.append(text[done:start])
                pieces.append(fixed)
                done = end
            else:
                unresolved = True
    if not pieces:
        return text, False, unresolved
    pieces.append(text[done:])
    # A repaired entity or character can be a line break of its own ("&#13;").
    return _LINE_BREAKS.sub("\n", "".join(pieces)), True, unresolved


def _unicode_pass(text: str, ascii_fold: bool, ran: list[int] | None = None) -> tuple[str, bool]:
    """One pass of repair: invisible characters, ftfy, folding, spaces. Returns the text and whether
    it changed in a way that calls for another pass (see :func:`_clean_unicode`)."""
    # Characters that are never part of mojibake go first, so that they cannot hide it from ftfy.
    if _PLAIN_OR_RARE.search(text) is not None:
        text = _RARE_SPACES.sub(" ", _INVISIBLE_PLAIN.sub("", text))
    text, repaired, unresolved = _repair(text, ascii_fold, ran)
    # C1 controls and soft hyphens go after the repair: they are part of many mojibake
    # sequences ("â€\x9d" is "”", "Ã\xad" is "í"), and so are no-break spaces.
    cleaned = _INVISIBLE.sub("", text)
    changed = repaired or cleaned != text
    if ascii_fold:
        text = _ascii_fold(cleaned)
        changed = changed or text != cleaned
    else:
        text = cleaned
    spaced = _collapse_spaces(text)
    # A line ftfy could not repair may be repairable once its spaces are plain ("â€”\xa0").
    changed = changed or (unresolved and spaced != text)
    return spaced, changed


def _moved(before: list[str], after: list[str], ran: list[int]) -> list[int]:
    """The lines a pass changed or ran ftfy on: the only ones the next pass can change."""
    out = set(ran)
    out.update(i for i, (a, b) in enumerate(zip(before, after)) if a != b)
    return sorted(out)


def _clean_unicode(text: str, ascii_fold: bool) -> str:
    """Repair, remove invisible characters, fold and collapse spaces, until a pass changes nothing that matters.

    A repaired line, or one that lost a character, can show damage that the next
    pass repairs; passes repeat until none of that happens, so that normalising a
    normalised text changes nothing.

    Every step of a pass works line by line, so a line the pass neither changed nor
    sent to ftfy comes out of the next pass as it went in, and adds nothing to its
    verdict: the passes after the first read only the lines the pass before moved
    (as long as no repair split a line in two; then they read the whole text).
    """
    lines: list[str] | None = None  # the text's lines, once only some of them are read
    active: list[int] = []  # the numbers of the lines the next pass reads
    for _ in range(_MAX_PASSES):
        if lines is not None:
            ran: list[int] = []
            before = [lines[i] for i in active]
            new, changed = _unicode_pass("\n".join(before), ascii_fold, ran)
            after = new.split("\n")
            if len(after) == len(before):
                moved = _moved(before, after, ran)
                for i, line in zip(active, after):
                    lines[i] = line
                active = [active[j] for j in moved]
                if not changed:
                    break
                continue
            text, lines = "\n".join(lines), None  # a line was split: this pass again, on the whole text
        ran = []
        new, changed = _unicode_pass(text, ascii_fold, ran)
        if not changed:
            return new
        before, after = text.split("\n"), new.split("\n")
        text = new
        if len(after) == len(before):
            lines, active = after, _moved(before, after, ran)
    return "\n".join(lines) if lines is not None else text


def normalize_text(raw: str, ascii_fold: bool = False) -> list[str]:
    r"""Normalise ``raw`` and return its lines (indentation kept, trailing spaces removed).

    >>> normalize_text("\ufeffOne\r\n  two\u00a0 words\rthree\u200b")
    ['One', ' two words', 'three']
    >>> normalize_text("Itâ€™s a caf&eacute;")
    ['It’s a café']
    """
    text = _LINE_BREAKS.sub("\n", raw) if _BREAK_CHARS.search(raw) is not None else raw
    if _TEXT_NEEDS_FTFY.search(text) is not None:
        text = _clean_unicode(text, ascii_fold)
    else:
        text = _collapse_spaces(text)
    return [line.rstrip() for line in text.split("\n")]
