"""Author boxes after the article."""

from __future__ import annotations

import cleaner

BODY = "\n\n".join(
    f"Paragraph {i} of the story tells what the council decided about the bridge, the library and the budget."
    for i in range(8)
)


def test_author_box_after_the_body_is_cut():
    raw = f"{BODY}\n\nEmiliano Bellini\n\nEmiliano joined the magazine in March 2017. He has been reporting on solar energy since 2009."
    art = cleaner.clean(raw)
    assert "joined the magazine" not in art.text
    assert [c.rule for c in art.removed] == ["bylines.author_bio", "bylines.author_bio"]


def test_profile_paragraph_inside_the_body_stays():
    raw = f"Jane Roe\n\nJane Roe is a reporter who has covered the council for ten years, and she knows it well.\n\n{BODY}"
    art = cleaner.clean(raw)
    assert "Jane Roe is a reporter" in art.text


def test_bio_without_a_name_line_above_stays():
    raw = f"{BODY}\n\nJane Roe is a senior fellow at the Institute and the author of a book on bridges."
    art = cleaner.clean(raw)
    assert "Jane Roe is a senior fellow" in art.text
