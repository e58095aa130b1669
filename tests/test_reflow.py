"""Paragraphs, re-flow of hard-wrapped text and de-hyphenation (cleaner.reflow)."""

from __future__ import annotations

import textwrap

from cleaner.normalize import normalize_text
from cleaner.reflow import paragraphs, wrap_width

PARA_1 = (
    "As the president and the visiting leader hurtled towards their meeting in Singapore, Russia found "
    "itself on the sidelines of perhaps the most serious attempt in years to resolve the crisis. Moscow "
    "has looked on with apprehension ever since the surprise decision to meet was announced in March."
)
PARA_2 = (
    "This coming together is all the more surprising given that not long ago the two men were sparring "
    "on social media and the administration was accusing Moscow of helping to circumvent sanctions on "
    "the country, which it has always denied in the strongest terms."
)
PARA_3 = (
    "The rhetoric on a deal is nothing if not opportunistic. It is pushing for complete and irreversible "
    "disarmament in exchange for normal ties, the lifting of sanctions and a treaty to end the war."
)


def texts(raw: str) -> list[str]:
    return [p.text for p in paragraphs(normalize_text(raw))]


def wrap(text: str, width: int = 80) -> str:
    return textwrap.fill(text, width, break_on_hyphens=False)


def test_hard_wrapped_paragraphs_are_reflowed():
    raw = "\n\n".join(wrap(p) for p in (PARA_1, PARA_2, PARA_3))
    assert all(len(line) <= 80 for line in raw.splitlines())
    assert texts(raw) == [PARA_1, PARA_2, PARA_3]


def test_wrap_width_is_found():
    lines = normalize_text("\n\n".join(wrap(p, 90) for p in (PARA_1, PARA_2, PARA_3)))
    width = wrap_width(lines)
    assert width is not None and 80 <= width <= 90


def test_blank_line_after_a_sentence_end_starts_a_paragraph():
    raw = wrap(PARA_1) + "\n\n" + wrap(PARA_2)
    assert texts(raw) == [PARA_1, PARA_2]


def test_indented_line_after_a_sentence_end_starts_a_paragraph():
    raw = wrap(PARA_1) + "\n " + wrap(PARA_2).replace("\n", "\n", 1) + "\n " + wrap(PARA_3)
    assert texts(raw) == [PARA_1, PARA_2, PARA_3]


def test_indented_line_mid_sentence_is_not_a_new_paragraph():
    lines = wrap(PARA_1).split("\n")
    # An indented continuation of a sentence that has not ended is still the same paragraph.
    assert not lines[0].endswith(".")
    raw = "\n".join([lines[0], " " + lines[1], *lines[2:]]) + "\n\n" + wrap(PARA_2)
    assert texts(raw) == [PARA_1, PARA_2]


def _split_across_lines(word_left: str, word_right: str) -> str:
    """A wrapped document in which one line ends with ``word_left`` and the next starts with ``word_right``."""
    filler = wrap(PARA_1 + " " + PARA_2).split("\n")
    head = "The figures for the quarter were published on Monday and they showed the"
    return "\n".join([*filler, head + " " + word_left, word_right + " was stronger than expected by the analysts.", "", wrap(PARA_3)])


def test_a_word_split_by_a_line_end_hyphen_is_joined():
    out = texts(_split_across_lines("mar-", "ket"))
    assert "the market was stronger" in " ".join(out)
    assert "mar-" not in " ".join(out)


def test_a_compound_split_at_its_hyphen_keeps_the_hyphen():
    out = texts(_split_across_lines("long-", "term"))
    assert "the long-term was stronger" in " ".join(out)


def test_a_capitalised_compound_keeps_the_hyphen():
    out = texts(_split_across_lines("Trans-", "Siberian"))
    assert "the Trans-Siberian was stronger" in " ".join(out)


def test_the_document_decides_between_joined_and_hyphenated_forms():
    raw = _split_across_lines("e-", "mail") + "\n\nShe sent an e-mail to the board on Friday."
    assert "the e-mail was stronger" in " ".join(texts(raw))


def test_a_document_that_is_not_wrapped_keeps_one_paragraph_per_line():
    raw = "\n".join([PARA_1, PARA_2, "Short line", PARA_3])
    assert texts(raw) == [PARA_1, PARA_2, "Short line", PARA_3]
    assert wrap_width(normalize_text(raw)) is None


def test_short_label_lines_in_a_wrapped_document_are_not_joined():
    raw = "\n".join(
        [*wrap(PARA_1).split("\n"), "Views: 274", "Category: Politics", *wrap(PARA_2).split("\n"), "Share this:"]
    )
    assert texts(raw) == [PARA_1, "Views: 274", "Category: Politics", PARA_2, "Share this:"]


def test_blocks_and_line_numbers_are_recorded():
    raw = "Title line\n\nFirst body line.\nSecond body line.\n\n\nLast."
    ps = paragraphs(normalize_text(raw))
    assert [(p.text, p.block, p.line) for p in ps] == [
        ("Title line", 0, 0),
        ("First body line.", 1, 2),
        ("Second body line.", 1, 3),
        ("Last.", 2, 6),
    ]


def test_indentation_is_recorded():
    ps = paragraphs(normalize_text("Para one.\n  Para two."))
    assert [p.indented for p in ps] == [False, True]


def test_empty_input_gives_no_paragraphs():
    assert paragraphs(normalize_text("")) == []
    assert paragraphs(normalize_text("\n \n\u00a0\n")) == []
