"""Unicode and whitespace normalisation (cleaner.normalize)."""

from __future__ import annotations

import sys
import unicodedata

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import normalize as N
from cleaner.normalize import ftfy_would_change, normalize_text

ALL_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"] + ["\t"]


def one(text: str, **kw) -> str:
    """The normalised text, lines joined again."""
    return "\n".join(normalize_text(text, **kw))


# --------------------------------------------------------------------------- mojibake


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("Trumpâ€™s surprise decision", "Trump’s surprise decision"),
        ("the cafÃ© in ZÃ¼rich", "the café in Zürich"),
        ("â€œWe will not accept this,â€\x9d she said.", "“We will not accept this,” she said."),
        ("prices rose by 5 â‚¬ a month", "prices rose by 5 € a month"),
    ],
)
def test_mojibake_is_repaired(broken, fixed):
    assert one(broken) == fixed


def test_mojibake_with_c1_controls_and_soft_hyphens_is_repaired():
    # "”" is E2 80 9D and "í" is C3 AD: read as Windows-1252 they hold a C1 control and a soft hyphen.
    assert one("â€œYes,â€\x9d said MarÃ\xada.") == "“Yes,” said María."


def test_mojibake_of_a_whole_paragraph_is_repaired():
    good = "“Nobody expected it,” said Zoë Lefèvre — a spokesperson in Kraków — on Monday."
    broken = good.encode("utf-8").decode("sloppy-windows-1252")
    assert broken != good
    assert one(broken) == good


def test_only_the_damaged_line_changes():
    lines = ["It’s fine here — really.", "Itâ€™s broken here.", "Plain ASCII & more."]
    assert normalize_text("\n".join(lines)) == ["It’s fine here — really.", "It’s broken here.", "Plain ASCII & more."]


def test_html_entities_are_decoded():
    assert one("caf&eacute; &amp; bar") == "café & bar"


def test_an_entity_that_is_a_line_break_breaks_the_line():
    assert normalize_text("one&#13;two") == ["one", "two"]
    assert normalize_text("one&#10;two") == ["one", "two"]


# --------------------------------------------------------------------------- quotes and folding


def test_typographic_quotes_and_dashes_are_kept_by_default():
    text = "“Quoted,” he said — it’s ‘fine’… «oui» „ja“"
    assert one(text) == text


def test_ascii_fold_folds_quotes_dashes_ellipsis_and_accents():
    assert one("“Quoted,” he said — it’s ‘fine’…", ascii_fold=True) == "\"Quoted,\" he said - it's 'fine'..."
    assert one("café in Zürich, «oui»", ascii_fold=True) == 'cafe in Zurich, "oui"'


def test_ascii_fold_also_repairs_mojibake():
    assert one("Trumpâ€™s cafÃ©", ascii_fold=True) == "Trump's cafe"


# --------------------------------------------------------------------------- spaces and invisible characters


@pytest.mark.parametrize("space", ALL_SPACES, ids=lambda c: f"U+{ord(c):04X}")
def test_every_unicode_space_becomes_a_plain_space(space):
    assert one(f"a{space}b") == "a b"
    assert one(f"a {space} b") == "a b"


def test_runs_of_spaces_collapse_and_trailing_spaces_go():
    assert normalize_text("a  \u00a0 b   \nc \u2003 ") == ["a b", "c"]


def test_leading_indentation_is_kept_as_one_space():
    assert normalize_text("\u00a0\u00a0 Indented line") == [" Indented line"]


@pytest.mark.parametrize(
    "char",
    ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",
     "\x00", "\x01", "\x08", "\x0e", "\x1b", "\x1f", "\x7f", "\x81", "\x8d", "\x9d"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_zero_width_and_control_characters_are_removed(char):
    assert one(f"ab{char}cd") == "abcd"


def test_c1_controls_that_windows_1252_defines_become_its_characters():
    # Text with C1 controls was decoded as Latin-1 where Windows-1252 was meant (ftfy's fix_c1_controls).
    assert one("\x93quoted\x94 \x9f") == "“quoted” Ÿ"


def test_invisible_characters_do_not_hide_mojibake():
    assert one("Analysts\u200b expect\u00a0â€”\u2003at least") == "Analysts expect — at least"


def test_normalising_normalised_text_changes_nothing():
    raw = "Analysts\u00a0e\u200bxpect\u00a0â€”\u00a0at\u2003least â€œquotedâ€\x9d MarÃ\xada &amp;amp; x"
    once = one(raw)
    assert one(once) == once


def test_bom_is_removed():
    assert normalize_text("\ufeffTitle\n\ufeffBody") == ["Title", "Body"]


# --------------------------------------------------------------------------- line breaks and NFC


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"], ids=repr)
def test_line_breaks_become_lf(brk):
    assert normalize_text(f"one{brk}two") == ["one", "two"]


def test_crlf_is_one_break_not_two():
    assert normalize_text("a\r\n\r\nb") == ["a", "", "b"]


def test_text_is_nfc():
    assert one("Cafe\u0301 Zu\u0308rich") == "Café Zürich"
    assert unicodedata.is_normalized("NFC", one("A\u030a and \u1e9b\u0323"))


def test_ligatures_and_full_width_forms_are_fixed():
    assert one("ﬁne ﬂow") == "fine flow"
    assert one("ＬＯＵＤ") == "LOUD"


def test_lone_surrogates_become_replacement_characters():
    out = one("ab\ud800cd \ud83d\ude00")
    assert out == "ab\ufffdcd \U0001f600"
    out.encode("utf-8")


def test_empty_and_ascii_text():
    assert normalize_text("") == [""]
    assert normalize_text("Plain text.\n\nMore text.") == ["Plain text.", "", "More text."]


# --------------------------------------------------------------------------- the ftfy shortcut is exact


def test_full_width_punctuation_of_cjk_text_stays_and_other_full_width_forms_are_narrowed():
    # '，' and '？' are the ordinary comma and question mark of Chinese and Japanese; Latin letters,
    # digits and punctuation among Latin text printed full width are narrowed, as ftfy does.
    lines = ["“妈妈，为什么还不能出去？”", "商標法違反に！？（出所表示機能）", "ＬＯＵＤ １２３，ok", "Hello，world！"]
    assert normalize_text("\n".join(lines)) == ["“妈妈，为什么还不能出去？”", "商標法違反に！？（出所表示機能）",
                                                "LOUD 123,ok", "Hello,world!"]
    assert normalize_text("妈妈，为什么", ascii_fold=True) == [N._ascii_fold("妈妈,为什么")]


def reference(raw: str, ascii_fold: bool = False) -> list[str]:
    """What normalize_text gives when every line goes through ftfy."""
    text = N._LINE_BREAKS.sub("\n", raw)
    for _ in range(N._MAX_PASSES):
        text = N._RARE_SPACES.sub(" ", N._INVISIBLE_PLAIN.sub("", text))
        lines = text.split("\n")
        fixed_lines = [ftfy.fix_text(line, N._ftfy_config(ascii_fold)) for line in lines]
        if not ascii_fold:  # full-width forms are narrowed after ftfy, punctuation next to CJK kept
            fixed_lines = [N.fix_width(line) for line in fixed_lines]
        repaired = fixed_lines != lines
        unresolved = any(a == b and ftfy_would_change(a, ascii_fold) for a, b in zip(lines, fixed_lines))
        fixed = N._LINE_BREAKS.sub("\n", "\n".join(fixed_lines))
        cleaned = N._INVISIBLE.sub("", fixed)
        folded = N._ascii_fold(cleaned) if ascii_fold else cleaned
        spaced = N._SPACES.sub(" ", folded)
        text = spaced
        if not (repaired or cleaned != fixed or folded != cleaned or (unresolved and spaced != folded)):
            break
    return [line.rstrip() for line in text.split("\n")]


MOJIBAKE_ALPHABET = "".join(MOJIBAKE_CATEGORIES.values()) + "ÃÂŒœ€™°ВГРСвЂ‚Äāβ√≈×²aAz .,!?'\"-&;#"
mojibake_text = st.text(alphabet=MOJIBAKE_ALPHABET, max_size=40)
damaged_text = st.lists(
    st.one_of(
        st.text(max_size=30),
        mojibake_text,
        st.text(alphabet="ab &#;0123456789xXamp\r\n\u00a0\u2028\ufeff\u200b\x1b[", max_size=20),
        st.sampled_from(["Trumpâ€™s", "cafÃ©", "&eacute;", "&#13;", "ﬁ", "ＬＯＵＤ", "e\u0301", "\ud800", "Ã ", "“x”"]),
        st.text(max_size=30).map(lambda s: s.encode("utf-8").decode("sloppy-windows-1252")),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(damaged_text)
def test_shortcut_gives_the_same_lines_as_ftfy_on_every_line(raw):
    assert normalize_text(raw) == reference(raw)


@settings(max_examples=200, deadline=None)
@given(damaged_text)
def test_normalize_is_idempotent(raw):
    once = "\n".join(normalize_text(raw))
    assert "\n".join(normalize_text(once)) == once


@settings(max_examples=150, deadline=None)
@given(damaged_text)
def test_shortcut_gives_the_same_lines_as_ftfy_on_every_line_when_folding(raw):
    assert normalize_text(raw, ascii_fold=True) == reference(raw, ascii_fold=True)


@settings(max_examples=300, deadline=None)
@given(mojibake_text)
def test_windowed_badness_test_agrees_with_ftfy(text):
    assert N._is_bad(text) == is_bad(text)


# Long runs of non-Latin text put a place to look at on every character, so the windows merge into runs.
long_mixed_text = st.lists(
    st.one_of(
        st.sampled_from(["Правительство объявило ", "日本語のテキストです", "Ã©", "â€™", "Ð¿Ñ€Ð¸", " plain words ",
                         "Ã ", "\u00a0", "Â", "ελληνικά κείμενα "]),
        mojibake_text,
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(long_mixed_text)
def test_merged_badness_windows_agree_with_ftfy(text):
    assert N._is_bad(text) == is_bad(text)


@settings(max_examples=200, deadline=None)
@given(damaged_text)
def test_a_line_ftfy_would_not_change_is_returned_by_ftfy_unchanged(raw):
    for line in N._INVISIBLE_PLAIN.sub("", N._LINE_BREAKS.sub("\n", raw)).split("\n"):
        for fold in (False, True):
            if not ftfy_would_change(line, fold):
                assert ftfy.fix_text(line, N._ftfy_config(fold)) == line


def test_the_badness_pattern_is_searched_in_windows():
    assert N._PLAN is not None, "ftfy's badness pattern changed shape; is_bad now runs on whole lines"


# The lines _repair looks at: every line where a pattern matches, found reading each line once.

from hypothesis import given as _given, strategies as _st  # noqa: E402

import cleaner.normalize as _normalize  # noqa: E402
from cleaner.normalize import _ENTITY, _NON_ASCII, _TOUCHED_CHARS, _suspect_lines  # noqa: E402

_BAD_HINT = getattr(_normalize, "_BAD_HINT", _NON_ASCII)  # absent when ftfy's pattern cannot be windowed

_PIECES = _st.sampled_from(["a", " ", "\n", "\n\n", "é", "Ã©", "â€™", "ж", "日本", "&amp;", "\u0085", "ﬁ", "“", "x\n"])


@_given(_st.lists(_PIECES, max_size=60).map("".join))
def test_suspect_lines_are_the_lines_holding_a_match(text):
    for pattern in (_TOUCHED_CHARS[False], _TOUCHED_CHARS[True], _ENTITY, _BAD_HINT):
        expected = {text.rfind("\n", 0, m.start()) + 1 for m in pattern.finditer(text)}
        found: set[int] = set()
        _suspect_lines(pattern, text, found)
        assert found == expected
