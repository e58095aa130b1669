"""Related-links headings in more shapes and languages."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules.related import RELATED_HEADING

P1 = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
P2 = "Members argued for three hours about the cost of the new bridge and the repairs to the old library."


@pytest.mark.parametrize(
    "text",
    ["More From the Daily Planet", "More Great Science Stories", "Editors' Picks", "Você pode gostar...",
     "Weitere Beiträge zum Thema", "Our Latest Stories", "Popular"],
)
def test_headings(text):
    assert RELATED_HEADING.match(text) is not None


@pytest.mark.parametrize(
    "text",
    ["More from the minister later.", "More from the minister", "Popular support for the plan has collapsed.",
     "UP NEXT"],
)
def test_lookalikes(text):
    assert RELATED_HEADING.match(text) is None


def test_up_next_section_of_a_wire_story_stays():
    raw = f"{P1}\n\n{P2}\n\nUP NEXT\n\nThunder: Host the Lakers on Friday.\n\nLakers: Visit the Thunder on Friday."
    art = cleaner.clean(raw)
    assert art.text.endswith("Lakers: Visit the Thunder on Friday.")
